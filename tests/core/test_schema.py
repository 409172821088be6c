"""The coding scheme: the shipped schema, validation messages, and custom schemas."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.errors import ProjectError, SchemaError
from annotator.core.store import Project
from annotator.core.schema import (
    default_schema,
    load_schema,
    schema_from_data,
    schema_from_json,
)
from annotator.core.tokenizer import tokenize

ROOT = Path(__file__).resolve().parents[2]
FRAMING = ROOT / "schemas" / "framing.json"


def framing_data() -> dict:
    return json.loads(FRAMING.read_text(encoding="utf-8"))


def test_default_schema_labels() -> None:
    schema = default_schema()
    assert schema.name == "Framing: security, economy, self-reliance"
    assert schema.version == "1.1.0"
    assert schema.label_ids == ("security_concern", "economic_interest", "self_reliance")
    assert [(lab.key, lab.color) for lab in schema.labels] == [
        ("1", "#D55E00"),
        ("2", "#0072B2"),
        ("3", "#009E73"),
    ]
    assert [(lab.name_ja, lab.name_en) for lab in schema.labels] == [
        ("安全保障上の懸念", "Security concern"),
        ("経済的利益", "Economic interest"),
        ("自立・国産化", "Self-reliance"),
    ]
    assert schema.label("economic_interest").display_name == "経済的利益 (Economic interest)"
    with pytest.raises(KeyError):
        schema.label("conflict")


@pytest.mark.parametrize("label_id", ["security_concern", "economic_interest", "self_reliance"])
def test_default_schema_codebook(label_id: str) -> None:
    lab = default_schema().label(label_id)
    assert set(lab.definition) == {"ja", "en"}
    assert len(lab.definition["ja"]) > 50 and len(lab.definition["en"]) > 50
    for part in (lab.include, lab.exclude, lab.examples):
        assert len(part) >= 3
        assert all(item["ja"] and item["en"] for item in part)
    assert len(lab.cue_lemmas) >= 10
    assert len(lab.cue_surfaces) >= 5
    assert len(set(lab.cue_lemmas)) == len(lab.cue_lemmas)


def test_default_schema_is_the_shipped_file_and_hash_is_stable() -> None:
    schema = default_schema()
    assert schema.data == framing_data()
    again = schema_from_json(FRAMING.read_text(encoding="utf-8"))
    assert again.sha256 == schema.sha256
    assert len(schema.sha256) == 64
    # reformatting the file does not change the canonical hash; a content change does
    pretty = json.dumps(framing_data(), indent=4, ensure_ascii=True)
    assert schema_from_json(pretty).sha256 == schema.sha256
    changed = framing_data()
    changed["version"] = "1.0.1"
    assert schema_from_data(changed).sha256 != schema.sha256


def _all_cue_lemmas() -> list[tuple[str, str]]:
    return [(lab["id"], lemma) for lab in framing_data()["labels"] for lemma in lab["cues"]["lemmas"]]


@pytest.mark.parametrize(("label_id", "lemma"), _all_cue_lemmas())
def test_every_cue_lemma_is_a_lemma_the_tokenizer_produces(label_id: str, lemma: str) -> None:
    assert lemma in [t.lemma for t in tokenize(lemma)], (label_id, lemma)


# --- refusals --------------------------------------------------------------------------------


def _without(path: list, key: str):
    def change(data: dict) -> None:
        target = data
        for part in path:
            target = target[part]
        del target[key]

    return change


def _setter(path: list, key, value):
    def change(data: dict) -> None:
        target = data
        for part in path:
            target = target[part]
        target[key] = value

    return change


def _duplicate_id(data: dict) -> None:
    data["labels"][1]["id"] = data["labels"][0]["id"]


def _duplicate_key(data: dict) -> None:
    data["labels"][2]["key"] = data["labels"][0]["key"]


BAD = [
    ("missing key", _without(["labels", 1], "key"), "$.labels[1]", "'key' is a required property"),
    ("missing name", _without([], "name"), "$", "'name' is a required property"),
    ("missing definition", _without(["labels", 2], "definition"), "$.labels[2]",
     "'definition' is a required property"),
    ("bad colour", _setter(["labels", 1], "color", "blue"), "$.labels[1].color", "does not match"),
    ("short colour", _setter(["labels", 0], "color", "#12345"), "$.labels[0].color", "'#12345'"),
    ("duplicate id", _duplicate_id, "$.labels[1].id", "already used by $.labels[0]"),
    ("duplicate key", _duplicate_key, "$.labels[2].key", "already used by $.labels[0]"),
    ("key 0", _setter(["labels", 1], "key", "0"), "$.labels[1].key", "'0' does not match"),
    ("key two digits", _setter(["labels", 0], "key", "10"), "$.labels[0].key", "does not match"),
    ("bad id", _setter(["labels", 0], "id", "Security Concern"), "$.labels[0].id", "does not match"),
    ("no labels", _setter([], "labels", []), "$.labels", "should be non-empty"),
    ("unknown field", _setter(["labels", 0], "colour", "#000000"), "$.labels[0]", "'colour' was unexpected"),
    ("empty cue", _setter(["labels", 0, "cues"], "lemmas", [""]), "$.labels[0].cues.lemmas[0]",
     "should be non-empty"),
    ("format 3", _setter([], "format", 3), "$.format", "3 is not one of [1, 2]"),
]


@pytest.mark.parametrize(("case", "change", "path", "reason"), BAD, ids=[b[0] for b in BAD])
def test_bad_schema_is_refused_with_path_and_reason(
    tmp_path: Path, case: str, change, path: str, reason: str
) -> None:
    data = framing_data()
    change(data)
    with pytest.raises(SchemaError) as info:
        schema_from_data(copy.deepcopy(data), "bad.json")
    message = str(info.value)
    assert message.startswith(f"bad.json: {path}: "), message
    assert reason in message
    # the same through a file, named in the message
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        load_schema(file)
    assert str(info.value).startswith(f"{file}: {path}: ")
    assert "\n" not in str(info.value)


def test_several_problems_are_counted() -> None:
    data = framing_data()
    data["labels"][0]["color"] = "red"
    data["labels"][1]["key"] = "0"
    with pytest.raises(SchemaError, match=r"\$\.labels\[0\]\.color: .*\(and 1 more problem\(s\)\)"):
        schema_from_data(data, "two.json")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"format": 1,\n  "name": "x",\n  "labels": [}\n', "line 3 column 14"),
        ("{'format': 1}", "line 1 column 2"),
        ("", "line 1 column 1"),
        ('{"format": 1}\n\n  trailing', "line 3 column 3"),
    ],
)
def test_not_json_names_line_and_column(tmp_path: Path, text: str, where: str) -> None:
    file = tmp_path / "broken.json"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        load_schema(file)
    message = str(info.value)
    assert message.startswith(f"{file}: {where}: not valid JSON")


def test_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(SchemaError, match="no such schema file"):
        load_schema(tmp_path / "missing.json")
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(SchemaError) as info:
        load_schema(folder)
    assert str(info.value).startswith(f"{folder}: cannot read")


def test_schema_must_be_utf8(tmp_path: Path) -> None:
    file = tmp_path / "sjis.json"
    data = framing_data()
    file.write_bytes(json.dumps(data, ensure_ascii=False).encode("cp932", errors="replace"))
    with pytest.raises(SchemaError, match="must be UTF-8 JSON"):
        load_schema(file)


def test_schema_with_bom_loads(tmp_path: Path) -> None:
    file = tmp_path / "bom.json"
    file.write_bytes(b"\xef\xbb\xbf" + FRAMING.read_bytes())
    assert load_schema(file).sha256 == default_schema().sha256


def test_not_an_object() -> None:
    with pytest.raises(SchemaError, match=r"^s: \$: \[1, 2\] is not of type 'object'"):
        schema_from_json("[1, 2]", "s")


# --- a lead's own schema ---------------------------------------------------------------------

CUSTOM = {
    "format": 1,
    "name": "Conflict and human interest",
    "version": "0.3",
    "labels": [
        {
            "id": "conflict",
            "name": {"ja": "対立", "en": "Conflict"},
            "color": "#aa3377",
            "key": "1",
            "definition": {"en": "Disagreement between parties."},
            "cues": {"lemmas": ["対立", "批判"], "surfaces": ["反対派"]},
        },
        {
            "id": "human_interest",
            "name": {"en": "Human interest"},
            "color": "#228833",
            "key": "5",
            "definition": {"ja": "個人の物語。"},
        },
    ],
}


@pytest.fixture
def custom_file(tmp_path: Path) -> Path:
    file = tmp_path / "custom.json"
    file.write_text(json.dumps(CUSTOM, ensure_ascii=False, indent=2), encoding="utf-8")
    return file


def test_custom_schema_with_project_create(tmp_path: Path, custom_file: Path) -> None:
    schema = load_schema(custom_file)
    assert schema.label_ids == ("conflict", "human_interest")
    assert schema.label("conflict").color == "#AA3377"  # stored upper case
    assert schema.label("human_interest").display_name == "Human interest"
    assert schema.label("human_interest").cue_lemmas == ()
    path = tmp_path / "custom.annot"
    with Project.create(path, schema=schema) as proj:
        art = proj.articles.add(external_id="a", text="与野党が対立した。")
        proj.annotations.add(art, "alice", "conflict", 4, 6)
        with pytest.raises(ProjectError, match="unknown label 'security_concern'"):
            proj.annotations.add(art, "alice", "security_concern", 0, 2)
    with Project.open(path) as proj:
        assert proj.schema.label_ids == ("conflict", "human_interest")
        assert proj.schema.sha256 == schema.sha256
        assert [a.text for a in proj.annotations.list()] == ["対立"]


def test_custom_schema_with_cli_new(tmp_path: Path, custom_file: Path) -> None:
    path = tmp_path / "lead.annot"
    result = CliRunner().invoke(cli, ["new", str(path), "--schema", str(custom_file)])
    assert result.exit_code == 0, result.output
    assert "1=conflict, 5=human_interest" in result.output
    assert "'Conflict and human interest'" in result.output
    with Project.open(path) as proj:
        assert proj.schema.label_ids == ("conflict", "human_interest")
        assert proj.schema.data == CUSTOM
