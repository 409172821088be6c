"""Label Studio tasks both ways: exact round trips of the hard study, files written the way
Label Studio writes them (code points now, UTF-16 in older versions), and wrong offsets refused
by task and result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.interchange.label_studio import export_project, read_records
from annotator.core.store import Project
from tests.interchange_projects import (
    HARD_SPANS,
    hard_project,
    import_from,
    study_spans,
)
from tests.run_cli import cli, one_line_error


def _import(folder: Path, source: Path) -> Path:
    return import_from(source, folder / "back.annot", "label-studio")


def test_round_trip_is_exact_and_keeps_every_span_gold_and_note(tmp_path: Path) -> None:
    original = hard_project(tmp_path)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    with Project.open(original) as project:
        summary = export_project(project, first)
        gold_before = {(g.label, g.text) for g in project.gold.spans()}
    assert "4 task(s) with 13 span(s)" in summary
    back = _import(tmp_path, first)
    with Project.open(back) as project:
        assert study_spans(project) == {tuple(s) for s in HARD_SPANS}
        assert {(g.label, g.text) for g in project.gold.spans()} == gold_before != set()
        assert {s.external_id for s in project.articles.summaries()} == \
            {"hard-1", "hard-2", "web/p1", "web_p1"}
        export_project(project, second)
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    assert (tmp_path / "second.xml").read_text() == (tmp_path / "first.xml").read_text()


def test_tasks_and_config_look_as_label_studio_writes_them(tmp_path: Path) -> None:
    with Project.open(hard_project(tmp_path)) as project:
        export_project(project, tmp_path / "tasks.json", coder="gold")
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    web = next(t for t in tasks if t["data"]["article_id"] == "web/p1")
    [gold] = web["annotations"]
    assert gold["ground_truth"] is True and gold["coder"] == "gold"
    # Label Studio refuses a file whose completed_by names a user it does not have
    assert "completed_by" not in gold
    [result] = gold["result"]
    assert result["from_name"] == "label" and result["to_name"] == "text"
    assert result["value"] == {"start": 0, "end": 4, "text": "安全保障",
                               "labels": ["security_concern"]}
    config = (tmp_path / "tasks.xml").read_text(encoding="utf-8")
    assert '<Labels name="label" toName="text">' in config
    assert '<Label value="security_concern" background="#' in config
    assert '<Text name="text" value="$text"/>' in config


def _label_studio_file(folder: Path, spans: list[tuple[int, int, str]], text: str,
                       completed_by: object = 7) -> Path:
    """A task as Label Studio's JSON export writes it: user id numbers, short result ids."""
    task = {
        "id": 41, "data": {"text": text}, "predictions": [],
        "annotations": [{
            "id": 3, "completed_by": completed_by, "was_cancelled": False,
            "ground_truth": False, "lead_time": 12.5,
            "result": [{"id": f"r{k}", "from_name": "label", "to_name": "text",
                        "type": "labels", "origin": "manual",
                        "value": {"start": s, "end": e, "text": covered,
                                  "labels": ["security_concern"]}}
                       for k, (s, e, covered) in enumerate(spans)],
        }],
    }
    path = folder / "export.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    return path


TEXT = "𠮷野家の😀社長が\r\n安全保障を語る。"


@pytest.mark.parametrize("unit", ["code points", "utf-16"])
def test_label_studio_files_land_on_the_same_characters(tmp_path: Path, unit: str) -> None:
    wanted = ["野家", "😀社長", "安全保障"]
    spans = []
    for covered in wanted:
        start = TEXT.index(covered)
        if unit == "utf-16":  # older Label Studio: JavaScript string offsets
            start = len(TEXT[:start].encode("utf-16-le")) // 2
            spans.append((start, start + len(covered.encode("utf-16-le")) // 2, covered))
        else:
            spans.append((start, start + len(covered), covered))
    back = _import(tmp_path, _label_studio_file(tmp_path, spans, TEXT))
    with Project.open(back) as project:
        [summary] = project.articles.summaries()
        assert summary.external_id == "41"
        marked = sorted((a.text, a.coder) for a in project.annotations.list())
        assert marked == sorted((w, "user7") for w in wanted)
        assert project.articles.get(summary.id).text == TEXT.replace("\r\n", "\n")


def test_the_user_object_of_older_exports_names_the_coder(tmp_path: Path) -> None:
    user = {"id": 2, "email": "hanako@example.jp", "first_name": "", "last_name": ""}
    path = _label_studio_file(tmp_path, [(0, 3, "𠮷野家")], TEXT, completed_by=user)
    [record] = read_records(path)
    [ann] = record.annotations
    assert (ann.coder, ann.start, ann.end) == ("hanako@example.jp", 0, 3)


def test_offsets_that_fit_neither_reading_are_refused_by_task_and_result(
        tmp_path: Path) -> None:
    path = _label_studio_file(tmp_path, [(0, 2, "𠮷野"), (1, 3, "社長")], TEXT)
    with pytest.raises(InputError) as caught:
        list(read_records(path))
    message = str(caught.value)
    assert "task 41 annotation 1 result 'r1'" in message and "社長" in message
    assert "\n" not in message


def test_cli_exports_and_imports_and_refuses_in_one_line(tmp_path: Path) -> None:
    original = hard_project(tmp_path)
    out = tmp_path / "ls.json"
    result = cli("export", original, "--format", "label-studio", "--out", out,
                 "--coder", "alice")
    assert result.returncode == 0, result.stderr
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert {a["coder"] for t in tasks for a in t["annotations"]} == {"alice"}
    fresh = tmp_path / "fresh.annot"
    assert cli("new", fresh).returncode == 0
    result = cli("import", fresh, out, "--from", "label-studio")
    assert result.returncode == 0, result.stderr
    with Project.open(fresh) as project:
        assert len(project.annotations.list(coder="alice")) == 4
    bad = _label_studio_file(tmp_path, [(1, 3, "社長")], TEXT)
    line = one_line_error(cli("import", fresh, bad, "--from", "label-studio"))
    assert "result 'r0'" in line



def test_a_ground_truth_annotation_is_the_coders_and_gold(tmp_path: Path) -> None:
    path = _label_studio_file(tmp_path, [(4, 6, "😀社")], TEXT,
                              completed_by={"id": 2, "email": "lead@example.jp"})
    tasks = json.loads(path.read_text(encoding="utf-8"))
    tasks[0]["annotations"][0]["ground_truth"] = True
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    with Project.open(_import(tmp_path, path)) as project:
        assert [(a.coder, a.text) for a in project.annotations.list()] == \
            [("lead@example.jp", "😀社")]
        assert [g.text for g in project.gold.spans()] == ["😀社"]


def test_label_studio_converter_reads_every_span_on_its_characters(tmp_path: Path) -> None:
    """Label Studio's own converter (label-studio-sdk) parses our labeling config and tasks:
    its JSON-MIN export lists each annotation's spans by the code points it read."""
    converter_module = pytest.importorskip("label_studio_sdk.converter")
    with Project.open(hard_project(tmp_path)) as project:
        export_project(project, tmp_path / "tasks.json")
        wanted = sorted((s.external_id, a.label, a.text)
                        for s in project.articles.summaries()
                        for a in project.annotations.list(article_id=s.id))
        gold = sorted((s.external_id, g.label, g.text)
                      for s in project.articles.summaries()
                      for g in project.gold.spans(s.id))
    converter = converter_module.Converter(config=str(tmp_path / "tasks.xml"),
                                           project_dir=str(tmp_path), download_resources=False)
    converter.convert_to_json_min(str(tmp_path / "tasks.json"), str(tmp_path / "min"),
                                  is_dir=False)
    records = json.loads((tmp_path / "min" / "result.json").read_text(encoding="utf-8"))
    read = []
    for record in records:
        for span in record.get("label", []):
            assert record["text"][span["start"]:span["end"]] == span["text"]
            [label] = span["labels"]
            read.append((record["article_id"], label, span["text"]))
    assert sorted(read) == sorted(wanted + gold)
    assert len(read) == 13 and gold  # 12 coders' spans and the gold one, as export counts them
