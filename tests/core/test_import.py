"""Import of .txt files and folders, CSV and JSONL: normalization, encodings, all or nothing."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError, ProjectError
from annotator.core.importers import (
    ImportReport,
    TextFilter,
    import_paths,
    parse_line_range,
    trim_article,
)
from annotator.core.records import default_title
from annotator.core.store import Project
from annotator.core.text import normalize_text, text_sha256
from annotator.core.tokenizer import token_bounds, tokenizer_id


def seed_text(path: Path) -> str:
    return normalize_text(path.read_text(encoding="utf-8"))


def count(project: Project) -> int:
    return len(project.articles.summaries())


def texts(project: Project) -> dict[str, str]:
    return {a.external_id: project.articles.get(a.id).text for a in project.articles.summaries()}


def jsonl(path: Path, *objects: dict | str) -> Path:
    lines = [o if isinstance(o, str) else json.dumps(o, ensure_ascii=False) for o in objects]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- seeds ----------------------------------------------------------------------------------


def test_import_both_seeds(project: Project, seed_files: list[Path]) -> None:
    report = import_paths(project, seed_files)
    assert [ext for ext, _ in report.added] == [p.stem for p in seed_files]
    assert report.skipped == []
    assert report.annotations == 0
    assert report.encodings == {str(p): "utf-8" for p in seed_files}
    assert report.summary().startswith("imported 2 article(s), 0 annotation(s)")
    for path in seed_files:
        art = project.articles.find(path.stem)
        assert art.text == seed_text(path)
        assert art.sha256 == text_sha256(seed_text(path))
        assert art.title == default_title(art.text)
        assert art.origin == str(path)
        assert project.tokens.bounds(art.id, tokenizer_id()) == token_bounds(art.text)
    first = project.articles.find(seed_files[0].stem)
    assert first.title == "トップ ニュース 論評:NVIDIAの黄仁勳氏、米政府に「H200」輸出認可を要請 中国は慎重姿勢を崩さず"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("\n\n  見出し  \n本文", "見出し"),
        ("あ" * 80 + "\n本文", "あ" * 80),
        ("あ" * 81, "あ" * 79 + "…"),
        ("\u3000\n第二行", "第二行"),
    ],
)
def test_default_title(text: str, title: str) -> None:
    assert default_title(text) == title


def test_cut_at_keeps_only_the_article(project: Project, seed_files: list[Path]) -> None:
    lines = seed_text(seed_files[0]).split("\n")
    marker = next(i for i, line in enumerate(lines) if line.startswith("更多新聞請搜尋"))
    report = import_paths(project, [seed_files[0]], text_filter=TextFilter(cut_at="更多新聞"))
    assert report.notes == []
    text = project.articles.find(seed_files[0].stem).text
    assert text == "\n".join(lines[:marker])
    assert text.split("\n")[-1] == lines[marker - 1]
    assert text.endswith("成長と発展の余地を大きく残す可能性があるだろう。")
    assert "更多新聞" not in text
    assert "最新ニュース" not in text
    assert "Rapidus" not in text  # from the list of other headlines
    assert len(text.split("\n")) == 19


def test_cut_at_marker_missing_is_reported(project: Project, seed_files: list[Path]) -> None:
    report = import_paths(project, [seed_files[1]], text_filter=TextFilter(cut_at="更多新聞"))
    assert report.notes == [
        f"--cut-at marker '更多新聞' not found in 1 of 1 texts (kept whole): {seed_files[1]}"
    ]
    assert project.articles.find(seed_files[1].stem).text == seed_text(seed_files[1])


def test_lines_filter_drops_the_run_together_first_line(
    project: Project, seed_files: list[Path]
) -> None:
    original = seed_text(seed_files[1])
    assert "##" in original.split("\n")[0]
    import_paths(project, [seed_files[1]], text_filter=TextFilter(lines=(2, None)))
    text = project.articles.find(seed_files[1].stem).text
    assert "##" not in text
    assert text == "\n".join(original.split("\n")[1:])
    assert text.startswith("トランプ、NVIDIAのAIチップ中国輸出を電撃承認")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2-15", (2, 15)), ("3-", (3, None)), ("-40", (None, 40)), ("7", (7, 7)), (" 2 : 4 ", (2, 4))],
)
def test_parse_line_range(value: str, expected: tuple) -> None:
    assert parse_line_range(value) == expected


@pytest.mark.parametrize("value", ["", "-", "abc", "0-3", "5-2", "1-2-3"])
def test_parse_line_range_refuses(value: str) -> None:
    with pytest.raises(InputError, match="--lines"):
        parse_line_range(value)


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (TextFilter(lines=(2, 3)), "二\n三"),
        (TextFilter(lines=(None, 1)), "一"),
        (TextFilter(cut_at="三"), "一\n二"),
        (TextFilter(cut_at="四"), "一\n二\n三"),  # leading spaces of the line are ignored
        (TextFilter(cut_at="五", lines=(1, 4)), "一\n二\n三\n\u3000四"),
        (TextFilter(cut_at="\u3000四"), "一\n二\n三"),  # and of the marker
        (TextFilter(cut_at="二", lines=(2, None)), ""),
        (TextFilter(cut_at="行"), "一\n二\n三\n\u3000四\n五"),  # trailing blank lines go too
    ],
)
def test_text_filter(flt: TextFilter, expected: str) -> None:
    text = "一\n二\n三\n\u3000四\n五\n\n 行"
    assert flt.apply(text)[0] == expected


def test_text_filter_beyond_the_text() -> None:
    with pytest.raises(InputError, match="only 2 line"):
        TextFilter(lines=(5, None)).apply("一\n二")


# --- duplicates -----------------------------------------------------------------------------


def test_same_text_twice_is_skipped(project: Project, seed_files: list[Path], tmp_path: Path) -> None:
    import_paths(project, [seed_files[0]])
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed_files[0].read_bytes().replace(b"\n", b"\r\n"))  # same text once stored
    report = import_paths(project, [seed_files[0], copy])
    assert report.added == []
    assert report.skipped == [
        (str(seed_files[0]), f"same text as article '{seed_files[0].stem}', not imported again"),
        (str(copy), f"same text as article '{seed_files[0].stem}', not imported again"),
    ]
    assert f"skipped {copy}: same text" in report.summary()
    assert count(project) == 1


def test_same_text_within_one_batch(project: Project, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("同じ本文。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("同じ本文。\n", encoding="utf-8")  # not the same text
    (tmp_path / "c.txt").write_text("同じ本文。", encoding="utf-8")
    report = import_paths(project, [tmp_path / n for n in ("a.txt", "b.txt", "c.txt")])
    assert [e for e, _ in report.added] == ["a", "b"]
    assert [o for o, _ in report.skipped] == [str(tmp_path / "c.txt")]
    assert count(project) == 2


def test_same_id_other_text_is_refused(project: Project, tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "x.txt").write_text("一つ目の本文", encoding="utf-8")
    (tmp_path / "two" / "x.txt").write_text("二つ目の本文", encoding="utf-8")
    import_paths(project, [tmp_path / "one" / "x.txt"])
    with pytest.raises(InputError, match=r"x\.txt: id 'x' is already used"):
        import_paths(project, [tmp_path / "two" / "x.txt"])
    assert texts(project) == {"x": "一つ目の本文"}


# --- normalization --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "stored"),
    [
        ("一行目\r\n二行目\r\n".encode(), "一行目\n二行目\n"),
        ("一行目\r二行目".encode(), "一行目\n二行目"),
        ("本\x00文です".encode(), "本文です"),
        (codecs.BOM_UTF8 + "本文です".encode(), "本文です"),
        (codecs.BOM_UTF8 + "本文\r\nです\x00".encode(), "本文\nです"),
        ("\u3000全角で始まる\n".encode(), "\u3000全角で始まる\n"),
    ],
    ids=["crlf", "cr", "nul", "bom", "all", "keeps-spaces"],
)
def test_text_normalized_at_import(project: Project, tmp_path: Path, data: bytes, stored: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    import_paths(project, [path])
    art = project.articles.find("a")
    assert art.text == stored
    assert art.sha256 == text_sha256(stored)


def _encodable(text: str, encoding: str) -> str:
    return "".join(ch for ch in text if _can_encode(ch, encoding))


def _can_encode(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize("index", [0, 1])
@pytest.mark.parametrize(
    ("encoding", "newline", "detected"),
    [
        ("cp932", "\r\n", "cp932"),
        ("euc-jp", "\n", "euc-jp"),
        ("utf-16", "\r\n", "utf-16"),
        ("utf-8-sig", "\r\n", "utf-8-sig"),
    ],
)
def test_legacy_encodings_give_the_same_text(
    tmp_path: Path, seed_files: list[Path], index: int, encoding: str, newline: str, detected: str
) -> None:
    # 000 has 🔍 (and 眾, not in CP932): drop what the encoding cannot hold, in both files;
    # CP932 also reads 〜 (U+301C) back as ～ (U+FF5E), as every Windows program does
    text = _encodable(seed_text(seed_files[index]), encoding)
    text = text.encode(encoding).decode(encoding).lstrip("\ufeff")
    if encoding in ("cp932", "euc-jp") and index == 1:
        assert text == seed_text(seed_files[index])  # seed 003 is whole
    utf8 = tmp_path / "utf8" / "art.txt"
    other = tmp_path / encoding / "art.txt"
    utf8.parent.mkdir()
    other.parent.mkdir()
    utf8.write_text(text, encoding="utf-8")
    other.write_bytes(text.replace("\n", newline).encode(encoding))
    assert other.read_bytes() != utf8.read_bytes()
    with Project.create(tmp_path / "a.annot") as first, Project.create(tmp_path / "b.annot") as second:
        import_paths(first, [utf8])
        report = import_paths(second, [other])
        assert report.encodings == {str(other): detected}
        assert second.articles.find("art").sha256 == first.articles.find("art").sha256
        assert second.articles.find("art").sha256 == text_sha256(text)
        # and into the same project: recognised as the same text
        again = import_paths(first, [other])
        assert again.added == [] and len(again.skipped) == 1


def test_explicit_encoding(project: Project, tmp_path: Path, seed_files: list[Path]) -> None:
    text = seed_text(seed_files[1])
    path = tmp_path / "le.txt"
    path.write_bytes(text.encode("utf-16-le"))  # no BOM: cannot be detected
    with pytest.raises(InputError, match="utf-16-le"):
        import_paths(project, [path])
    report = import_paths(project, [path], encoding="utf-16-le")
    assert report.encodings == {str(path): "utf-16-le"}
    assert project.articles.find("le").text == text
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        import_paths(project, [path], encoding="klingon")


# --- folders ---------------------------------------------------------------------------------


def test_folder_recursive(project: Project, tmp_path: Path) -> None:
    root = tmp_path / "articles"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_text("記事A", encoding="utf-8")
    (root / "sub" / "b.txt").write_text("記事B", encoding="utf-8")
    (root / "sub" / "deeper" / "c.TXT").write_text("記事C", encoding="cp932")
    (root / "sub" / "rows.csv").write_text("text\n記事D\n記事E\n", encoding="utf-8")
    (root / "notes.md").write_text("# not an article", encoding="utf-8")
    (root / "sub" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / ".DS_Store").write_bytes(b"\x00\x01")
    report = import_paths(project, [root])
    assert texts(project) == {
        "a": "記事A",
        "sub/b": "記事B",
        "sub/deeper/c": "記事C",
        "sub/rows-1": "記事D",
        "sub/rows-2": "記事E",
    }
    assert report.notes == [f"{root}: ignored 2 file(s) that are not .txt/.csv/.jsonl"]


@pytest.mark.parametrize(
    ("name", "match"),
    [("article.md", "unsupported file type .md"), ("README", r"unsupported file type \(none\)")],
)
def test_unsupported_file_named_explicitly(
    project: Project, tmp_path: Path, name: str, match: str
) -> None:
    path = tmp_path / name
    path.write_text("本文", encoding="utf-8")
    with pytest.raises(InputError, match=match):
        import_paths(project, [path])


def test_missing_path(project: Project, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        import_paths(project, [tmp_path / "nope.txt"])


# --- CSV -------------------------------------------------------------------------------------

CSV_ROWS = [
    ["id", "Title", "source", "published", "text", "Author", "section"],
    ["n1", "見出し1", "共同", "2025-12-01", "一段落目。\n二段落目、「引用」。", "山田", "経済"],
    ["", "見出し2", "", "", '本文に"引用符"とカンマ,を含む。', "", ""],
    ["n3", "", "時事", "2025-12-03", "𠮷田氏は懸念を示した。👍", "鈴木", "政治"],
]


def _csv_bytes(rows: list[list[str]], encoding: str, newline: str) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator=newline).writerows(rows)
    return buf.getvalue().encode(encoding)


def _check_csv_import(project: Project, path: Path) -> None:
    arts = {a.external_id: project.articles.get(a.id) for a in project.articles.summaries()}
    assert list(arts) == ["n1", f"{path.stem}-2", "n3"]
    n1 = arts["n1"]
    assert n1.text == "一段落目。\n二段落目、「引用」。"  # quoted newline kept, as LF
    assert (n1.title, n1.source, n1.published) == ("見出し1", "共同", "2025-12-01")
    assert n1.meta == {"author": "山田", "section": "経済"}
    assert arts[f"{path.stem}-2"].text == '本文に"引用符"とカンマ,を含む。'
    assert arts["n3"].title == "𠮷田氏は懸念を示した。👍"  # no title: the first line
    assert n1.origin == f"{path} line 2"  # the line where the row starts
    assert arts["n3"].origin == f"{path} line 5"


def test_csv(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_bytes(_csv_bytes(CSV_ROWS, "utf-8", "\n"))
    report = import_paths(project, [path])
    assert len(report.added) == 3
    _check_csv_import(project, path)


def test_csv_as_excel_writes_it(project: Project, tmp_path: Path) -> None:
    """Excel's "CSV UTF-8": a BOM, CRLF line ends, CRLF inside quoted cells too."""
    path = tmp_path / "excel.csv"
    rows = [[cell.replace("\n", "\r\n") for cell in row] for row in CSV_ROWS]
    path.write_bytes(codecs.BOM_UTF8 + _csv_bytes(rows, "utf-8", "\r\n"))
    report = import_paths(project, [path])
    assert report.encodings == {str(path): "utf-8-sig"}
    _check_csv_import(project, path)


def test_csv_cp932(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "sjis.csv"
    rows = [row[:] for row in CSV_ROWS]
    rows[3][4] = "吉田氏は安全保障上の懸念を示した。"  # CP932 has no 𠮷 or emoji
    rows[3][1] = "題"
    path.write_bytes(_csv_bytes(rows, "cp932", "\r\n"))
    report = import_paths(project, [path])
    assert report.encodings == {str(path): "cp932"}
    assert project.articles.find("n1").meta == {"author": "山田", "section": "経済"}
    assert project.articles.find("n3").text == "吉田氏は安全保障上の懸念を示した。"
    assert project.articles.find("n1").text == "一段落目。\n二段落目、「引用」。"


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("title,body\nx,y\n", "line 1: no 'text' column (columns found: title, body)"),
        ("text,id,ID\nx,1,2\n", "line 1: column(s) named twice: id"),
        ("id,text\n1,\n", "line 2: the 'text' field is empty"),
        ("", "the file is empty"),
    ],
)
def test_csv_refusals(project: Project, tmp_path: Path, content: str, match: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        import_paths(project, [path])
    assert str(info.value).startswith(str(path))
    assert match in str(info.value)
    assert count(project) == 0


def test_csv_blank_rows_skipped(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text("id,text\n\na,本文A\n,\nb,本文B\n", encoding="utf-8")
    import_paths(project, [path])
    assert texts(project) == {"a": "本文A", "b": "本文B"}


# --- JSONL -----------------------------------------------------------------------------------


def test_jsonl_with_annotations_and_status(project: Project, tmp_path: Path) -> None:
    text = "𠮷田氏は安全保障上の懸念を示した。"
    path = jsonl(
        tmp_path / "coded.jsonl",
        {
            "id": "j1", "title": "題", "source": "共同", "published": "2025-12-01",
            "meta": {"section": "政治", "n": 3}, "text": text,
            "annotations": [
                {"coder": "alice", "label": "security_concern", "start": 4, "end": 12,
                 "text": "安全保障上の懸念", "note": "明示的",
                 "uuid": "11111111-1111-4111-8111-111111111111",
                 "created": "2025-12-01T00:00:00.000Z", "updated": "2025-12-02T00:00:00.000Z"},
                {"coder": "bob", "label": "economic_interest", "start": 0, "end": 3},
            ],
            "status": {"alice": "done", "bob": "in_progress"},
        },
        "",
        {"text": "注釈なしの記事。"},
    )
    report = import_paths(project, [path])
    assert report.annotations == 2
    assert [e for e, _ in report.added] == ["j1", "coded-2"]
    art = project.articles.find("j1")
    assert (art.title, art.source, art.published) == ("題", "共同", "2025-12-01")
    assert art.meta == {"section": "政治", "n": 3}
    anns = {a.coder: a for a in project.annotations.list(art.id)}
    alice = anns["alice"]
    assert (alice.uuid, alice.label, alice.start, alice.end, alice.text, alice.note) == (
        "11111111-1111-4111-8111-111111111111", "security_concern", 4, 12, "安全保障上の懸念", "明示的",
    )
    assert (alice.created_at, alice.updated_at) == ("2025-12-01T00:00:00.000Z", "2025-12-02T00:00:00.000Z")
    assert anns["bob"].text == "𠮷田氏"
    assert project.statuses.of_article(art.id) == {"alice": "done", "bob": "in_progress"}
    assert project.articles.find("coded-2").origin == f"{path} line 3"


def test_jsonl_crlf_offsets_move_to_the_stored_text(project: Project, tmp_path: Path) -> None:
    raw_text = "\ufeff見出し\r\n\r\n𠮷田氏は\x00安全保障上の懸念を示した。\r\n👍\r\n"
    spans = ["安全保障上の懸念", "𠮷田氏は\x00安全", "👍", "見出し"]
    annotations = []
    for covered in spans:
        start = raw_text.index(covered)
        annotations.append({"coder": "alice", "label": "security_concern",
                            "start": start, "end": start + len(covered), "text": covered})
    # a span that ends on the CR of a CRLF
    start = raw_text.index("示した。")
    annotations.append({"coder": "bob", "label": "security_concern",
                        "start": start, "end": start + len("示した。\r")})
    path = jsonl(tmp_path / "crlf.jsonl", {"id": "c", "text": raw_text, "annotations": annotations})
    import_paths(project, [path])
    art = project.articles.find("c")
    assert art.text == "見出し\n\n𠮷田氏は安全保障上の懸念を示した。\n👍\n"
    got = [(a.coder, a.text) for a in project.annotations.list(art.id)]
    assert sorted(got) == sorted(
        [("alice", "安全保障上の懸念"), ("alice", "𠮷田氏は安全"), ("alice", "👍"),
         ("alice", "見出し"), ("bob", "示した。")]
    )
    for ann in project.annotations.list(art.id):
        assert art.text[ann.start : ann.end] == ann.text


def test_jsonl_line_separators_inside_strings(project: Project, tmp_path: Path) -> None:
    """U+2028/U+2029/U+0085 may stand raw in JSON text; they do not end a JSONL line."""
    text = "前の段落\u2028次の段落\u2029その次\x85最後"
    path = tmp_path / "sep.jsonl"
    path.write_text(
        json.dumps({"id": "s", "text": text}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "t", "text": "二行目の記事"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    assert "\u2028" in path.read_text(encoding="utf-8")  # really unescaped
    import_paths(project, [path])
    assert texts(project) == {"s": text, "t": "二行目の記事"}
    assert project.articles.find("t").origin == f"{path} line 2"


def test_jsonl_crlf_file(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "win.jsonl"
    path.write_bytes(b'{"id": "a", "text": "\\u672c\\u6587"}\r\n{"id": "b", "text": "x"}\r\n')
    import_paths(project, [path])
    assert texts(project) == {"a": "本文", "b": "x"}


def test_jsonl_sha256_checked(project: Project, tmp_path: Path) -> None:
    path = jsonl(tmp_path / "sha.jsonl", {"id": "a", "text": "本文", "sha256": text_sha256("本文")},
                 {"id": "b", "text": "変更後", "sha256": text_sha256("変更前")})
    with pytest.raises(InputError, match=r"sha\.jsonl line 2: 'sha256' does not match"):
        import_paths(project, [path])
    assert count(project) == 0


def test_filter_refused_for_annotated_records(project: Project, tmp_path: Path) -> None:
    path = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": "一\n二", "annotations": [
        {"coder": "alice", "label": "security_concern", "start": 0, "end": 1}]})
    with pytest.raises(InputError, match="line 1: has annotations, so --lines/--cut-at"):
        import_paths(project, [path], text_filter=TextFilter(lines=(2, None)))
    assert count(project) == 0


# --- all or nothing -------------------------------------------------------------------------

GOOD_LINE = {"id": "g1", "text": "最初の良い記事。"}
GOOD_ANN = {"coder": "alice", "label": "security_concern", "start": 0, "end": 2}
DUP_UUID = "0f0e0d0c-0b0a-4908-8706-050403020100"


def _bad_jsonl(*last: dict | str) -> tuple[str, bytes]:
    lines = [json.dumps(GOOD_LINE, ensure_ascii=False)]
    lines += [x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in last]
    return "batch.jsonl", ("\n".join(lines) + "\n").encode()


BAD_LAST = [
    ("binary", ("data.txt", bytes(range(256)) * 8), None, "binary"),
    ("empty", ("empty.txt", b""), None, "the file is empty"),
    ("blank", ("blank.txt", b" \r\n\t\n"), None, "empty"),
    ("nul-only", ("nul.txt", b"\x00\x00"), None, "empty"),
    ("csv-quote", ("rows.csv", 'id,text\nr1,良い行\nr2,"閉じない"引用\n'.encode()), 3, "malformed CSV"),
    ("csv-fields", ("rows.csv", "id,text\nr1,良い行\nr2,本文,余分\n".encode()), 3,
     "3 field(s), but the header has 2"),
    ("json", _bad_jsonl("{not json"), 2, "not valid JSON"),
    ("json-array", _bad_jsonl("[1, 2]"), 2, "must be a JSON object"),
    ("no-text", _bad_jsonl({"id": "x"}), 2, "'text' is missing or empty"),
    ("label", _bad_jsonl({"text": "本文です", "annotations": [dict(GOOD_ANN, label="conflict")]}), 2,
     "unknown label 'conflict'"),
    ("offset", _bad_jsonl({"text": "本文です", "annotations": [dict(GOOD_ANN, end=99)]}), 2,
     "annotation 1: offsets 0-99 are outside the text"),
    ("empty-span", _bad_jsonl({"text": "本文です", "annotations": [dict(GOOD_ANN, end=0)]}), 2,
     "outside the text"),
    ("covered", _bad_jsonl({"text": "本文です", "annotations": [dict(GOOD_ANN, text="別")]}), 2,
     "'text' is '別' but the text at 0-2 is '本文'"),
    ("start-type", _bad_jsonl({"text": "本文です", "annotations": [dict(GOOD_ANN, start="0")]}), 2,
     "field 'start' must be int"),
    ("status", _bad_jsonl({"text": "本文です", "status": {"alice": "finished"}}), 2,
     "status 'finished' of coder 'alice'"),
    ("status-coder", _bad_jsonl({"text": "本文です", "status": {" ": "done"}}), 2,
     "a coder name cannot be empty"),
    ("ann-coder", _bad_jsonl({"text": "本文です", "annotations": [dict(GOOD_ANN, coder="\t")]}), 2,
     "a coder name cannot be empty"),
    ("dup-uuid", _bad_jsonl({"text": "本文です", "annotations": [
        dict(GOOD_ANN, uuid=DUP_UUID), dict(GOOD_ANN, uuid=DUP_UUID.upper())]}), 2,
     f"uuid {DUP_UUID} already exists"),
    ("undecodable", ("latin.txt", "Größe und Maße: ÄÖÜ äöü ß".encode("latin-1") * 3), None,
     "--encoding"),
]


@pytest.mark.parametrize(("case", "bad", "line", "reason"), BAD_LAST, ids=[b[0] for b in BAD_LAST])
def test_bad_last_input_stores_nothing(
    project: Project, seed_files: list[Path], tmp_path: Path,
    case: str, bad: tuple[str, bytes], line: int | None, reason: str,
) -> None:
    import_paths(project, [seed_files[0]])
    before = texts(project)
    before_anns = project.annotations.list(include_deleted=True)
    good_csv = tmp_path / "good.csv"
    good_csv.write_text("id,text\ncsv1,CSVの良い記事\n", encoding="utf-8")
    good_jsonl = jsonl(tmp_path / "good.jsonl", {"id": "gj", "text": "注釈つきの良い記事", "annotations": [
        GOOD_ANN], "status": {"alice": "done"}})
    name, data = bad
    bad_path = tmp_path / "in" / name
    bad_path.parent.mkdir()
    bad_path.write_bytes(data)
    with pytest.raises(InputError) as info:
        import_paths(project, [seed_files[1], good_csv, good_jsonl, bad_path])
    message = str(info.value)
    assert str(bad_path) in message, message
    if line is not None:
        assert f"{bad_path} line {line}" in message, message
    assert reason in message, message
    assert "\n" not in message
    assert texts(project) == before
    assert project.annotations.list(include_deleted=True) == before_anns
    assert project.coders.names() == []
    assert not project.db.conn.in_transaction
    # the project still works, and the good files import on their own
    report = import_paths(project, [seed_files[1], good_csv, good_jsonl])
    assert len(report.added) == 3


def test_bad_row_in_the_middle_of_a_good_csv(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        'id,text\na,良い\nb,"複数行の\n良い行"\nc,"悪い\n行",余分\nd,良い\n', encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"mixed\.csv line 5: 3 field\(s\)"):  # where c starts
        import_paths(project, [path])
    assert count(project) == 0


# --- trimming -------------------------------------------------------------------------------


def test_trim_before_annotation(project: Project, seed_files: list[Path]) -> None:
    import_paths(project, [seed_files[0]])
    ref = seed_files[0].stem
    note = trim_article(project, ref, TextFilter(cut_at="更多新聞"))
    original = seed_text(seed_files[0])
    art = project.articles.find(ref)
    assert note == f"article {ref!r}: {len(original)} -> {len(art.text)} characters"
    assert art.text == "\n".join(original.split("\n")[:19])
    assert art.sha256 == text_sha256(art.text)
    assert project.tokens.bounds(art.id, tokenizer_id()) == token_bounds(art.text)
    assert trim_article(project, ref, TextFilter(cut_at="更多新聞")).endswith(
        "unchanged (--cut-at marker '更多新聞' not found; text kept whole)"
    )


def test_trim_refused_after_annotation(project: Project, seed_files: list[Path]) -> None:
    import_paths(project, [seed_files[1]])
    art = project.articles.find("1")
    project.annotations.add(art.id, "alice", "security_concern", 0, 2)
    with pytest.raises(ProjectError, match="already has annotations"):
        trim_article(project, "1", TextFilter(lines=(2, None)))
    assert project.articles.get(art.id).text == art.text


def test_trim_to_nothing_refused(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("更多新聞\n以下略", encoding="utf-8")
    import_paths(project, [path])
    with pytest.raises(InputError, match="nothing would be left"):
        trim_article(project, "a", TextFilter(cut_at="更多新聞"))
    assert project.articles.find("a").text == "更多新聞\n以下略"


def test_import_report_summary() -> None:
    report = ImportReport(added=[("a", "x")], skipped=[("y.txt", "why")], notes=["note"], annotations=4)
    assert report.summary() == "imported 1 article(s), 4 annotation(s)\nskipped y.txt: why\nnote"
