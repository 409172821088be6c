"""doccano JSONL both ways: exact round trips of the hard study, files written the way doccano
writes them (UTF-16 offsets, ``label`` or ``entities``, one file per user), and offsets inside a
surrogate pair refused by name."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.interchange.doccano import export_project, read_records
from annotator.core.store import Project
from tests.interchange_projects import (
    HARD_SPANS,
    hard_project,
    import_from,
    study_spans,
)
from tests.run_cli import cli, one_line_error


def _import(folder: Path, source: Path) -> Path:
    return import_from(source, folder / "back.annot", "doccano")


def _utf16(text: str, covered: str) -> list[int]:
    """[start, end] of ``covered`` in ``text`` in UTF-16 code units, as doccano counts."""
    start = len(text[:text.index(covered)].encode("utf-16-le")) // 2
    return [start, start + len(covered.encode("utf-16-le")) // 2]


def test_round_trip_is_exact_and_keeps_coders_notes_and_gold(tmp_path: Path) -> None:
    original = hard_project(tmp_path)
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    with Project.open(original) as project:
        assert "4 article(s) with 13 span(s)" in export_project(project, first)
        gold_before = {(g.label, g.text) for g in project.gold.spans()}
    back = _import(tmp_path, first)
    with Project.open(back) as project:
        assert study_spans(project) == {tuple(s) for s in HARD_SPANS}
        assert {(g.label, g.text) for g in project.gold.spans()} == gold_before != set()
        export_project(project, second)
    assert second.read_bytes() == first.read_bytes()


def test_offsets_are_utf16_and_coder_keeps_one_coder(tmp_path: Path) -> None:
    out = tmp_path / "carol.jsonl"
    with Project.open(hard_project(tmp_path)) as project:
        export_project(project, out, coder="carol")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    hard2 = next(line for line in lines if line["id"] == "hard-2")
    text = hard2["text"]
    assert hard2["label"] == [_utf16(text, "国産化を急ぐべきだ") + ["self_reliance"],
                              _utf16(text, "𠮷田氏") + ["economic_interest"]]
    assert hard2["coders"] == ["carol", "carol"]
    assert hard2["notes"] == ["note with\r\nCRLF", ""]
    assert all(set(line["coders"]) <= {"carol"} for line in lines)


TEXT = "𠮷野家の😀社長が\r\n安全保障を語る。"


def _doccano_line(spans: list[str], style: str) -> str:
    """A line as doccano exports it: its document id, UTF-16 offsets, no covered text."""
    if style == "label":
        body = {"label": [_utf16(TEXT, s) + ["security_concern"] for s in spans]}
    else:
        body = {"entities": [{"id": 90 + k, "label": "security_concern",
                              "start_offset": _utf16(TEXT, s)[0],
                              "end_offset": _utf16(TEXT, s)[1]}
                             for k, s in enumerate(spans)], "relations": []}
    return json.dumps({"id": 5, "text": TEXT, **body, "Comments": []}, ensure_ascii=False)


@pytest.mark.parametrize("style", ["label", "entities"])
def test_doccano_files_land_on_the_same_characters(tmp_path: Path, style: str) -> None:
    path = tmp_path / "hanako.jsonl"
    path.write_text(_doccano_line(["野家", "😀社長", "安全保障"], style) + "\n",
                    encoding="utf-8")
    back = _import(tmp_path, path)
    with Project.open(back) as project:
        [summary] = project.articles.summaries()
        assert summary.external_id == "5"
        assert sorted((a.text, a.coder) for a in project.annotations.list()) == \
            [("安全保障", "hanako"), ("野家", "hanako"), ("😀社長", "hanako")]


@pytest.mark.parametrize("packed", ["folder", "zip"])
def test_per_user_files_are_one_article_with_each_users_spans(tmp_path: Path,
                                                               packed: str) -> None:
    files = {"alice.jsonl": _doccano_line(["𠮷野家"], "label"),
             "bob.jsonl": _doccano_line(["安全保障"], "entities")}
    if packed == "folder":
        source = tmp_path / "export"
        source.mkdir()
        for name, line in files.items():
            (source / name).write_text(line + "\n", encoding="utf-8")
    else:
        source = tmp_path / "export.zip"
        with zipfile.ZipFile(source, "w") as archive:
            for name, line in files.items():
                archive.writestr(name, line + "\n")
    with Project.open(_import(tmp_path, source)) as project:
        assert len(project.articles.summaries()) == 1
        assert sorted((a.coder, a.text) for a in project.annotations.list()) == \
            [("alice", "𠮷野家"), ("bob", "安全保障")]


def test_an_offset_inside_a_surrogate_pair_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "alice.jsonl"
    line = {"id": 5, "text": TEXT, "label": [[2, 4, "security_concern"],
                                             [1, 4, "security_concern"]]}
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_records(path))
    assert f"{path} line 1 label 2: offset 1 falls inside" in str(caught.value)


def test_cli_round_trip_and_one_line_refusal(tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    result = cli("export", hard_project(tmp_path), "--format", "doccano", "--out", out)
    assert result.returncode == 0, result.stderr
    fresh = tmp_path / "fresh.annot"
    assert cli("new", fresh).returncode == 0
    result = cli("import", fresh, out, "--from", "doccano")
    assert result.returncode == 0, result.stderr
    with Project.open(fresh) as project:
        assert len(project.annotations.list()) == len(HARD_SPANS)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "短い", "label": [[0, 9, "security_concern"]]}) + "\n",
                   encoding="utf-8")
    line = one_line_error(cli("import", fresh, bad, "--from", "doccano"))
    assert "bad.jsonl line 1 label 1: offsets 0-9 are outside the text" in line


def test_a_text_classification_export_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "alice.jsonl"
    path.write_text(json.dumps({"text": "安全保障", "label": ["security_concern"]}) + "\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"alice\.jsonl line 1 label 1: 'security_concern' "
                                         r"is a category, not a span"):
        list(read_records(path))
