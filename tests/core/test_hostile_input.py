"""Hostile or broken input files end in one short, clean message, never a traceback.

Real files in tmp_path, at the sizes that used to crash or hang: 1,000-deep JSON, lone surrogate
escapes, a 200,000-column CSV header, a 1 MB header of commas, a 10,000-label schema, 50 MB on
one line, and annotation uuids and times that are not what they claim to be.
"""

from __future__ import annotations

import csv
import hashlib
import json
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator.cli import cli
from annotator.core import safejson
from annotator.core.errors import InputError, SchemaError
from annotator.core.importers import (
    ImportReport,
    TextFilter,
    import_paths,
    prepare_text,
    read_records,
)
from annotator.core.read_jsonl import read_jsonl
from annotator.core.records import AnnotationRecord, ArticleRecord
from annotator.core.limits import (
    MAX_CSV_COLUMNS,
    MAX_DATA_FILE_BYTES,
    MAX_JSON_DEPTH,
    MAX_TEXT_CHARS,
    MAX_TXT_FILE_BYTES,
    first_few,
    short_repr,
)
from annotator.core.schema import default_schema, load_schema, schema_from_data, stored_schema
from annotator.core.values import canonical_uuid, utc_timestamp

ANN = {"coder": "alice", "label": "security_concern", "start": 0, "end": 2}
FIFTY_MB = 50 * 1024 * 1024
LONE = "\\ud800"  # as written in the JSON file: an escape with no partner


def clean(message: str) -> str:
    """A message users can be shown: one line, short, printable (no lone surrogates)."""
    assert "\n" not in message
    assert len(message) < 1000, len(message)
    message.encode("utf-8")  # raises if a surrogate slipped into the message
    return message


def refused(paths: list[Path]) -> str:
    """The message of reading ``paths`` as an import would (no project needed)."""
    with pytest.raises(InputError) as info:
        for _record in read_records(paths, None, ImportReport()):
            pass
    return clean(str(info.value))


def write_jsonl(path: Path, *lines: str | dict) -> Path:
    rows = [x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


# --- 1. nesting ---------------------------------------------------------------------------


def test_jsonl_nested_1000_deep_is_refused_with_line_and_limit(project, tmp_path: Path) -> None:
    line = f'{{"text": "本文", "meta": {{"x": {deep(1000)}}}}}'
    path = write_jsonl(tmp_path / "deep.jsonl", {"text": "良い記事。"}, line)
    with pytest.raises(InputError) as info:
        import_paths(project, [path])
    message = clean(str(info.value))
    assert message.startswith(f"{path} line 2: JSON nested deeper than {MAX_JSON_DEPTH} levels")
    column = line.index("[") + (MAX_JSON_DEPTH - 2) + 1  # the bracket that opens level 65
    assert f"(at column {column})" in message and "flatten" in message


def test_nesting_up_to_the_limit_and_brackets_in_strings_are_fine(tmp_path: Path) -> None:
    meta = json.loads("{" + '"a": {' * (MAX_JSON_DEPTH - 2) + "}" * (MAX_JSON_DEPTH - 1))
    text = "括弧" + "[{" * 5000 + '\\"[[['  # brackets and an escaped quote inside a string
    path = write_jsonl(tmp_path / "ok.jsonl", {"text": text, "meta": meta})
    [record] = read_jsonl(path, path.read_text(encoding="utf-8"))
    assert record.text == text and record.meta == meta
    assert safejson.too_deep_at(deep(MAX_JSON_DEPTH)) is None
    assert safejson.too_deep_at(deep(MAX_JSON_DEPTH + 1)) == MAX_JSON_DEPTH
    assert safejson.too_deep_at('"' + "[" * 100) is None  # unterminated string: json reports it


def test_schema_nested_1000_deep_is_refused(tmp_path: Path) -> None:
    data = default_schema().data
    text = json.dumps(data, ensure_ascii=False, indent=2).replace(
        '"language": "ja"', f'"language": {deep(1000)}'
    )
    path = tmp_path / "deep.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        load_schema(path)
    message = clean(str(info.value))
    assert message.startswith(f"{path}: line 5 column ")
    assert f"JSON nested deeper than {MAX_JSON_DEPTH} levels" in message


def test_stored_schema_with_a_matching_hash_is_still_parsed_safely() -> None:
    text = '{"labels": ' + deep(1000) + "}"
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with pytest.raises(SchemaError, match="nested deeper than 64 levels"):
        stored_schema(text, sha, "project.annot")


def test_a_number_too_long_for_python_is_a_message(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "n.jsonl", '{"text": "本文", "meta": {"n": ' + "9" * 5000 + "}}")
    message = refused([path])
    assert message.startswith(f"{path} line 1: a number has more than 4,300 digits")


# --- 2. lone surrogates --------------------------------------------------------------------

SURROGATES = [
    ("text", f'{{"text": "本文{LONE}です"}}',
     "line 1: field 'text' holds a lone surrogate (\\ud800)"),
    ("title", f'{{"text": "本文", "title": "題{LONE}"}}', "line 1: field 'title' holds"),
    ("meta value", f'{{"text": "本文", "meta": {{"a": [1, {{"b": "x{LONE}"}}]}}}}',
     "line 1: field 'meta.a[1].b' holds"),
    ("meta key", f'{{"text": "本文", "meta": {{"a": {{"k{LONE}": 1}}}}}}',
     "line 1: field 'meta.a' has a key that holds a lone surrogate (\\ud800)"),
    ("low half", '{"text": "本文", "source": "\\udc00"}',
     "field 'source' holds a lone surrogate (\\udc00)"),
    ("reversed pair", '{"text": "本文", "id": "\\ude00\\ud83d"}', "field 'id' holds"),
    ("note", json.dumps({"text": "本文", "annotations": [ANN, dict(ANN, note="N")]}).replace(
        '"N"', f'"{LONE}"'), "line 1 annotation 2: field 'note' holds"),
    ("coder", json.dumps({"text": "本文", "annotations": [dict(ANN, coder="C")]}).replace(
        '"C"', f'"C{LONE}"'), "line 1 annotation 1: field 'coder' holds"),
    ("status coder", f'{{"text": "本文", "status": {{"{LONE}": "done"}}}}',
     "line 1: field 'status' has a key that holds"),
    ("top-level key", f'{{"text": "本文", "{LONE}": 1}}', "line 1: has a key that holds"),
]


@pytest.mark.parametrize(("case", "line", "expected"), SURROGATES, ids=[s[0] for s in SURROGATES])
def test_lone_surrogate_in_jsonl_names_line_and_field(
    tmp_path: Path, case: str, line: str, expected: str
) -> None:
    path = write_jsonl(tmp_path / "s.jsonl", line)
    message = refused([path])
    assert message.startswith(f"{path} line 1"), message
    assert expected in message, message
    assert "lone surrogate" in message and "Fix or remove that escape" in message


def test_a_surrogate_pair_is_one_character_and_imports(project, tmp_path: Path) -> None:
    line = '{"id": "e", "text": "絵文字\\ud83d\\ude00です", "title": "\\ud83d\\ude00"}'
    path = write_jsonl(tmp_path / "pair.jsonl", line)
    [record] = read_records([path], None, ImportReport())
    assert record.text == "絵文字😀です" and record.title == "😀"
    assert import_paths(project, [path]).added == [("e", f"{path} line 1")]


def test_lone_surrogate_in_a_schema_names_the_json_path(tmp_path: Path) -> None:
    text = json.dumps(default_schema().data, ensure_ascii=False).replace(
        '"安全保障上の懸念"', f'"安全{LONE}"', 1
    )
    path = tmp_path / "s.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        load_schema(path)
    assert clean(str(info.value)).startswith(f"{path}: $.labels[0].name.ja: holds a lone surrogate")
    key = tmp_path / "k.json"
    with_key = text.replace(f"安全{LONE}", "安全").replace('"ja":', f'"j{LONE}":', 1)
    key.write_text(with_key, encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        load_schema(key)
    assert clean(str(info.value)).startswith(f"{key}: $.description: a key holds a lone surrogate")


def test_surrogate_from_an_unusual_encoding_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "u7.txt"
    path.write_bytes(b"first line\nsecond +2AA- line\n")  # UTF-7 for a lone U+D800
    with pytest.raises(InputError) as info:
        list(read_records([path], "utf-7", ImportReport()))
    message = clean(str(info.value))
    assert message.startswith(f"{path} line 2: holds a lone surrogate (\\ud800)")
    assert "--encoding" in message


# --- 3. CSV headers and cells ---------------------------------------------------------------


def test_200000_column_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    header = "text," + ",".join(f"c{i}" for i in range(199_999))
    path.write_text(header + "\n本文\n", encoding="utf-8")
    message = refused([path])
    assert message == (
        f"{path} line 1: the header has 200,000 columns; the limit is {MAX_CSV_COLUMNS:,}; "
        "check that the file is comma-separated and drop unused columns"
    )


def test_a_1mb_header_of_commas_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "commas.csv"
    path.write_text("," * (1024 * 1024) + "\n", encoding="utf-8")
    assert "the header has 1,048,577 columns" in refused([path])


def test_the_column_cap_itself_is_allowed_and_duplicates_are_listed_briefly(tmp_path: Path) -> None:
    names = ["id", "text"] + [f"m{i}" for i in range(MAX_CSV_COLUMNS - 2)]
    path = tmp_path / "cap.csv"
    row = "a,本文" + "," * (len(names) - 2)
    path.write_text(",".join(names) + "\n" + row + "\n", encoding="utf-8")
    [record] = read_records([path], None, ImportReport())
    assert len(record.meta) == MAX_CSV_COLUMNS - 2
    # 998 names twice: the message shows five and counts the rest
    twice = tmp_path / "twice.csv"
    twice.write_text(",".join(["text"] + [f"d{i}" for i in range(499)] * 2) + "\n", encoding="utf-8")
    assert "column(s) named twice: d0, d1, d10, d100, d101 … and 494 more" in refused([twice])
    # no text column: the columns found are listed briefly too
    notext = tmp_path / "notext.csv"
    notext.write_text(",".join(f"col{i}" for i in range(900)) + "\n", encoding="utf-8")
    assert "(columns found: col0, col1, col2, col3, col4 … and 895 more)" in refused([notext])


def test_cells_above_the_csv_default_limit_import(tmp_path: Path) -> None:
    before = csv.field_size_limit()
    body = "長い記事。" * 40_000  # 200,000 characters: over csv's default 131,072
    path = tmp_path / "long.csv"
    path.write_text(f"id,text\nlong,{body}\n", encoding="utf-8")
    [record] = read_records([path], None, ImportReport())
    assert record.text == body
    assert csv.field_size_limit() == before  # the global limit is left as it was


def test_a_50mb_csv_cell_is_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("w", encoding="utf-8") as file:
        file.write("id,text\nok,良い行\nbig,")
        file.write("a" * FIFTY_MB)
        file.write("\n")
    message = refused([path])
    assert message.startswith(
        f"{path} line 3: a field has more than {MAX_TEXT_CHARS:,} characters; "
        f"the limit is {MAX_TEXT_CHARS:,} per article"
    )


# --- 4. bounded messages --------------------------------------------------------------------


def _label(i: int) -> dict:
    return {"id": f"l{i}", "name": {"en": f"Label {i}"}, "color": "#000000", "key": "1",
            "definition": {"en": "A label."}}


def test_a_schema_file_beyond_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    from annotator.core.limits import MAX_SCHEMA_FILE_BYTES

    path = tmp_path / "huge.json"
    with path.open("wb") as fh:  # sparse: the size is there, the bytes are never read
        fh.truncate(MAX_SCHEMA_FILE_BYTES + 1)
    with pytest.raises(SchemaError) as info:
        load_schema(path)
    assert str(info.value) == (
        f"{path}: {MAX_SCHEMA_FILE_BYTES + 1:,} bytes is more than a schema file may hold "
        f"({MAX_SCHEMA_FILE_BYTES:,}); is this the right file?")


def test_a_10000_label_schema_gives_a_short_message(tmp_path: Path) -> None:
    data = {"format": 1, "name": "big", "version": "1", "labels": [_label(i) for i in range(10_000)]}
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        load_schema(path)
    message = clean(str(info.value))
    assert message.startswith(f"{path}: $.labels: 10,000 labels; a schema has at most 9")


def test_schema_messages_shorten_values_and_count_problems() -> None:
    data = json.loads(json.dumps(default_schema().data))
    data["description"]["ja"] = ["x" * 100] * 10_000  # jsonschema quotes the whole value
    data["labels"][0]["cues"]["lemmas"] = [""] * 10_000  # 10,000 more problems
    with pytest.raises(SchemaError) as info:
        schema_from_data(data, "s.json")
    message = clean(str(info.value))
    assert message.startswith("s.json: $.description.ja: ['xxxx")
    assert "…" in message and "is not of type 'string'" in message
    assert message.endswith("(and 10,000 more problem(s))")


def test_unknown_label_lists_a_few_of_the_project_labels() -> None:
    record = ArticleRecord(origin="a.jsonl line 1", text="本文", external_id="a",
                           annotations=[AnnotationRecord("alice", "z" * 10_000, 0, 1)])
    labels = {f"label_{i:05d}" for i in range(10_000)}
    with pytest.raises(InputError) as info:
        prepare_text(record, TextFilter(), labels, ImportReport())
    message = clean(str(info.value))
    assert "unknown label 'zzzz" in message and "…'" in message
    assert message.endswith(
        "label_00000, label_00001, label_00002, label_00003, label_00004 … and 9,995 more"
    )


def test_huge_wrong_values_are_quoted_short(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "t.jsonl", {"text": "本文", "title": list(range(1_000_000))})
    assert "field 'title' must be str, not [0, 1, 2, 3, 4, ...]" in refused([path])
    long = "長" * 100_000
    path = write_jsonl(tmp_path / "c.jsonl", {"text": long, "annotations": [
        dict(ANN, end=100_000, text="短" * 100_000)]})
    assert "annotation 1: 'text' is '短短" in refused([path])


def test_message_helpers() -> None:
    assert short_repr("abc") == "'abc'"
    assert short_repr("a" * 200) == "'" + "a" * 80 + "…'"
    assert short_repr("\ud800") == "'\\ud800'"
    assert len(short_repr({"k": ["v" * 500] * 500})) < 200
    assert first_few(["a", "b"]) == "a, b"
    assert first_few(str(i) for i in range(10_000)) == "0, 1, 2, 3, 4 … and 9,995 more"


# --- 5. article and file size ---------------------------------------------------------------


def test_a_50mb_one_line_txt_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * FIFTY_MB)
    message = refused([path])
    assert message.startswith(f"{path}: the file has 52,428,800 bytes")
    assert f"{MAX_TEXT_CHARS:,} characters" in message and "split it" in message


def test_a_txt_over_the_character_limit_is_refused_with_the_count(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(b"a" * (MAX_TEXT_CHARS + 1))
    assert refused([path]) == (
        f"{path}: the text has 1,000,001 characters; the limit is 1,000,000 per article; "
        "split it into several articles (several .txt files, CSV rows or JSONL lines)"
    )
    path.write_bytes(b"\r\n".join([b"a" * 999] * 1000))  # CRLF counts as one character
    [record] = read_records([path], None, ImportReport())
    assert len(record.text) == MAX_TEXT_CHARS - 1


def test_a_50mb_jsonl_text_is_refused_with_the_count(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("w", encoding="utf-8") as file:
        file.write('{"text": "良い記事"}\n{"text": "')
        file.write("a" * FIFTY_MB)
        file.write('"}\n')
    message = refused([path])
    assert message.startswith(
        f"{path} line 2: the text has 52,428,800 characters; the limit is 1,000,000 per article"
    )


def test_data_files_beyond_the_file_limit_are_refused_unread(tmp_path: Path) -> None:
    for name, limit in (("big.jsonl", MAX_DATA_FILE_BYTES), ("big.csv", MAX_DATA_FILE_BYTES),
                        ("big.txt", MAX_TXT_FILE_BYTES)):
        path = tmp_path / name
        with path.open("wb") as file:
            file.truncate(limit + 1)  # sparse: no disk space, and never read
        message = refused([path])
        assert message.startswith(f"{path}: the file has {limit + 1:,} bytes"), message


# --- 6. annotation uuids and times ----------------------------------------------------------


def _read_annotations(tmp_path: Path, **fields: str) -> list[AnnotationRecord]:
    line = {"text": "本文です", "annotations": [dict(ANN, **fields)]}
    path = write_jsonl(tmp_path / "a.jsonl", line)
    [record] = read_jsonl(path, path.read_text(encoding="utf-8"))
    return record.annotations


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"uuid": "u-1"}, "field 'uuid': 'u-1' is not a UUID"),
        ({"uuid": "11111111-1111-4111-8111-11111111111g"}, "is not a UUID"),
        ({"created": "zzzz"}, "field 'created': 'zzzz' is not a date and time"),
        ({"updated": "2026-11-21"}, "field 'updated': '2026-11-21' is not a date and time"),
        ({"created": "2026-11-21T06:42:02"}, "'2026-11-21T06:42:02' has no time zone"),
        ({"created": "2026-13-01T00:00:00Z"}, "is not a date and time"),
        ({"updated": "9999-12-31T23:00:00-05:00"}, "is out of range"),
        ({"uuid": "x" * 100_000}, "is not a UUID"),
    ],
)
def test_bad_uuid_or_time_is_refused_with_line_and_annotation(
    tmp_path: Path, fields: dict, expected: str
) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"text": "良い"}, {"text": "本文です", "annotations": [
        ANN, dict(ANN, **fields)]})
    message = refused([path])
    assert message.startswith(f"{path} line 2 annotation 2: "), message
    assert expected in message, message


def test_uuids_and_times_are_stored_in_one_form(tmp_path: Path) -> None:
    [ann] = _read_annotations(
        tmp_path, uuid="{0F0E0D0C-0B0A-4908-8706-050403020100}",
        created="2026-11-21T15:42:02.5+09:00", updated="2026-11-21T06:42:02.123Z",
    )
    assert ann.uuid == "0f0e0d0c-0b0a-4908-8706-050403020100"
    assert (ann.created_at, ann.updated_at) == ("2026-11-21T06:42:02.500Z", "2026-11-21T06:42:02.123Z")
    [fresh] = _read_annotations(tmp_path, uuid="")
    assert uuid.UUID(fresh.uuid).version == 4 and fresh.uuid == str(uuid.UUID(fresh.uuid))
    [absent] = _read_annotations(tmp_path)
    assert (absent.uuid, absent.created_at, absent.updated_at) == (None, None, None)


def test_checked_values_import(project, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "e.jsonl", {"id": "e", "text": "本文です", "annotations": [
        dict(ANN, uuid=""), dict(ANN, uuid="0F0E0D0C0B0A49088706050403020100",
                                 created="2026-11-21T15:42:02+09:00")]})
    assert import_paths(project, [path]).annotations == 2


def test_value_helpers_match_the_project_format() -> None:
    assert utc_timestamp("2026-11-21T06:42:02.123Z") == "2026-11-21T06:42:02.123Z"
    assert utc_timestamp("2026-11-21 06:42:02.123456-01:00") == "2026-11-21T07:42:02.123Z"
    assert canonical_uuid("urn:uuid:0F0E0D0C0B0A49088706050403020100") == (
        "0f0e0d0c-0b0a-4908-8706-050403020100"
    )
    with pytest.raises(ValueError):
        utc_timestamp("T" * 10_000)


# --- the command line -----------------------------------------------------------------------


def run(*args: object) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def one_line_error(result: Result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return clean(lines[0])


@pytest.fixture
def cli_project(tmp_path: Path) -> Path:
    path = tmp_path / "p.annot"
    assert run("new", path).exit_code == 0
    return path


def test_cli_import_of_deep_json_and_surrogates(cli_project: Path, tmp_path: Path) -> None:
    deep_file = write_jsonl(tmp_path / "deep.jsonl", f'{{"text": "本文", "meta": {deep(1000)}}}')
    message = one_line_error(run("import", cli_project, deep_file))
    assert "line 1: JSON nested deeper than 64 levels" in message
    lone = write_jsonl(tmp_path / "lone.jsonl", f'{{"text": "本文", "title": "{LONE}"}}')
    message = one_line_error(run("import", cli_project, lone))
    assert "line 1: field 'title' holds a lone surrogate" in message


def test_cli_import_of_wide_csv_and_huge_txt(cli_project: Path, tmp_path: Path) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_text("," * (1024 * 1024) + "\n", encoding="utf-8")
    assert "the header has 1,048,577 columns" in one_line_error(run("import", cli_project, wide))
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"a" * FIFTY_MB)
    assert "the file has 52,428,800 bytes" in one_line_error(run("import", cli_project, huge))
    line = {"text": "本文です", "annotations": [dict(ANN, uuid="u-1")]}
    bad_uuid = write_jsonl(tmp_path / "u.jsonl", line)
    assert "line 1 annotation 1: field 'uuid'" in one_line_error(run("import", cli_project, bad_uuid))


def test_cli_new_with_a_10000_label_schema(tmp_path: Path) -> None:
    schema = tmp_path / "big.json"
    schema.write_text(json.dumps({"format": 1, "name": "big", "version": "1",
                                  "labels": [_label(i) for i in range(10_000)]}), encoding="utf-8")
    message = one_line_error(run("new", tmp_path / "p.annot", "--schema", schema))
    assert "10,000 labels; a schema has at most 9" in message
    assert not (tmp_path / "p.annot").exists()
