"""Article codes (issue 9), in the core: the schema's variables and their rules, answers in the
store, undo, the required check, copies, merge and JSONL. Real project files."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import pytest

from annotator.core.assign import assign
from annotator.core.errors import InputError, ProjectError, SchemaError
from annotator.core.exporters import write_jsonl
from annotator.core.importers import import_paths
from annotator.core.merge import merge
from annotator.core.schema import default_schema, schema_from_data
from annotator.core.session import MissingAnswers, Session
from annotator.core.store import Project
from annotator.core.variables import effective, missing_required, shown
from tests.schemas import with_multi_data


@pytest.fixture
def study(tmp_path: Path, seed_files: list[Path]) -> Path:
    path = tmp_path / "study.annot"
    with Project.create(path) as project:
        import_paths(project, seed_files)
    return path


def variables():
    return default_schema().variables


def test_the_default_schema_asks_relevance_then_frame_and_tone():
    relevance, frame, tone = variables()
    assert (relevance.type, frame.type, tone.type) == ("boolean", "single", "ordinal")
    assert frame.option_ids == ("security_concern", "economic_interest", "self_reliance", "none")
    assert tone.option_ids == ("negative", "neutral", "positive")
    assert all(v.required and v.definition["ja"] and v.definition["en"] for v in variables())
    assert [v.id for v in shown(variables(), {})] == ["relevance"]
    assert [v.id for v in shown(variables(), {"relevance": True})] == [
        "relevance", "primary_frame", "tone"]
    # answers of variables that do not apply are not counted
    answers = {"relevance": False, "primary_frame": "none", "tone": "negative"}
    assert effective(variables(), answers) == {"relevance": False}
    assert missing_required(variables(), answers) == []
    assert [v.id for v in missing_required(variables(), {"relevance": True, "tone": "neutral"})
            ] == ["primary_frame"]


def _schema_with(variable: dict, fmt: int = 2) -> dict:
    data = copy.deepcopy(default_schema().data)
    data["format"] = fmt
    data["article_codes"] = [data["article_codes"][0], variable]
    return data


@pytest.mark.parametrize(
    "variable, fmt, expected",
    [
        ({"id": "x", "type": "boolean", "name": {"en": "X"}, "definition": {"en": "d"}}, 1,
         '$.article_codes: needs "format": 2'),
        ({"id": "x", "type": "ordinal", "name": {"en": "X"}, "definition": {"en": "d"},
          "options": [{"id": "a", "name": {"en": "A"}}]}, 2,
         "$.article_codes[1].options: a ordinal variable needs at least two options"),
        ({"id": "x", "type": "single", "name": {"en": "X"}, "definition": {"en": "d"},
          "options_from": "labels", "options": [{"id": "self_reliance", "name": {"en": "S"}}]}, 2,
         "option 'self_reliance' is listed twice"),
        ({"id": "x", "type": "boolean", "name": {"en": "X"}, "definition": {"en": "d"},
          "applies_if": {"tone": True}}, 2,
         "$.article_codes[1].applies_if: 'tone' is not a variable listed before this one"),
        ({"id": "x", "type": "boolean", "name": {"en": "X"}, "definition": {"en": "d"},
          "applies_if": {"relevance": "yes"}}, 2, "'relevance' is yes/no"),
        ({"id": "relevance", "type": "boolean", "name": {"en": "X"}, "definition": {"en": "d"}}, 2,
         "$.article_codes[1].id: 'relevance' is already used"),
        ({"id": "x", "type": "scale", "name": {"en": "X"}, "definition": {"en": "d"}}, 2,
         "$.article_codes[1].type"),
    ],
)
def test_bad_article_codes_are_refused_with_the_json_path(variable, fmt, expected):
    with pytest.raises(SchemaError) as caught:
        schema_from_data(_schema_with(variable, fmt), "my.json")
    assert str(caught.value).startswith("my.json: $.") and expected in str(caught.value)


def test_a_format_1_schema_keeps_working():
    data = copy.deepcopy(default_schema().data)
    data["format"] = 1
    del data["article_codes"]
    schema = schema_from_data(data)
    assert schema.variables == () and len(schema.labels) == 3


def test_answers_are_undoable_and_required_ones_block_done(study: Path):
    with Project.open(study) as project:
        session = Session(project, "alice")
        article = project.articles.ids()[0]
        session.open_article(article)
        with pytest.raises(MissingAnswers, match="関連性"):
            session.set_status(article, "done")
        session.set_code(article, "relevance", True)
        with pytest.raises(MissingAnswers) as caught:
            session.set_status(article, "done")
        assert [v.id for v in caught.value.missing] == ["primary_frame", "tone"]
        session.set_code(article, "primary_frame", "security_concern")
        session.set_code(article, "tone", "negative")
        session.set_status(article, "done")
        session.undo()  # done
        session.undo()  # tone
        assert session.answers(article) == {"relevance": True, "primary_frame": "security_concern"}
        session.redo()
        assert session.answers(article)["tone"] == "negative"
        with pytest.raises(ProjectError, match="no option 'angry'"):
            session.set_code(article, "tone", "angry")
        with pytest.raises(ProjectError, match="unknown article code 'mood'"):
            session.set_code(article, "mood", "x")
    with Project.open(study) as project:  # every answer is in the file
        assert project.codes.answers(article, "alice") == {
            "relevance": True, "primary_frame": "security_concern", "tone": "negative"}


def test_copies_carry_own_answers_and_merge_brings_them_back_with_clearing(
    study: Path, tmp_path: Path
):
    with Project.open(study) as master:
        first = master.articles.ids()[0]
        master.codes.set(first, "bob", "relevance", False)
        master.codes.set(first, "alice", "relevance", True)
        alice = tmp_path / "alice.annot"
        assign(master, "alice", alice)
    with Project.open(alice) as copy_:
        assert copy_.codes.all() == {first: {"alice": {"relevance": True}}}
        copy_.codes.set(first, "alice", "tone", "positive")
        copy_.codes.set(first, "alice", "relevance", None)  # cleared
    with Project.open(study) as master:
        report = merge(master, [alice])
        assert master.codes.answers(first, "alice") == {"tone": "positive"}
        assert master.codes.answers(first, "bob") == {"relevance": False}
        assert "1 new answer(s), 0 changed, 1 cleared" in report.summary()
        assert "nothing new" in merge(master, [alice]).summary()


def test_jsonl_round_trips_answers_with_revisions(study: Path, tmp_path: Path):
    with Project.open(study) as project:
        first = project.articles.ids()[0]
        project.codes.set(first, "alice", "relevance", True)
        project.codes.set(first, "alice", "primary_frame", "none")
        project.codes.set(first, "alice", "tone", "neutral")
        project.codes.set(first, "alice", "tone", None)
        buffer = io.StringIO()
        write_jsonl(project, buffer)
    line = json.loads(buffer.getvalue().split("\n")[0])
    assert line["codes"] == {"alice": {"relevance": True, "primary_frame": "none"}}
    assert {r["variable"]: r["value"] for r in line["code_rows"]} == {
        "relevance": True, "primary_frame": "none", "tone": None}
    exported = tmp_path / "all.jsonl"
    exported.write_text(buffer.getvalue(), encoding="utf-8")
    with Project.create(tmp_path / "rebuilt.annot") as rebuilt:
        import_paths(rebuilt, [exported])
        again = io.StringIO()
        write_jsonl(rebuilt, again)
    assert again.getvalue() == buffer.getvalue()


@pytest.mark.parametrize(
    "codes, expected",
    [
        ({"alice": {"tone": "angry"}}, "line 1 $.codes.alice.tone: 'tone' has no option 'angry'"),
        ({"alice": {"mood": 1}}, "line 1 $.codes.alice.mood: unknown article code 'mood'"),
        ({"alice": {"relevance": "yes"}}, "$.codes.alice.relevance: 'relevance' is yes/no"),
        ({"alice": ["relevance"]}, "line 1 $.codes.alice: must be an object"),
    ],
)
def test_import_refuses_bad_answers_with_line_and_path(study: Path, tmp_path: Path, codes, expected):
    source = tmp_path / "coded.jsonl"
    source.write_text(json.dumps({"id": "new", "text": "新しい記事。", "codes": codes},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    with Project.open(study) as project:
        with pytest.raises(InputError) as caught:
            import_paths(project, [source])
        assert expected in str(caught.value) and str(source) in str(caught.value)
        assert len(project.articles.ids()) == 2



def test_the_codes_table_has_a_column_per_variable_and_reads_back(tmp_path: Path, seed_files):
    import csv

    from tests.run_cli import cli

    schema_file = tmp_path / "multi.json"
    schema_file.write_text(json.dumps(with_multi_data(only_if_relevant=False), ensure_ascii=False), encoding="utf-8")
    path = tmp_path / "study.annot"
    assert cli("new", path, "--schema", schema_file).returncode == 0
    with Project.open(path) as project:
        import_paths(project, seed_files)
        one, two = project.articles.ids()
        for variable, value in (("relevance", True), ("primary_frame", "none"),
                                ("tone", "positive"), ("actors", ["japan", "us"])):
            project.codes.set(one, "alice", variable, value)
        project.statuses.set(one, "alice", "done")
        for variable, value in (("relevance", False), ("tone", "negative"), ("actors", [])):
            project.codes.set(two, "bob", variable, value)  # tone does not apply: not counted
        ids = [project.articles.get(i).external_id for i in (one, two)]
    out = tmp_path / "codes.csv"
    result = cli("export", path, "--format", "codes", "--out", out)
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # Excel-safe like the others
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(table[0]) == ["article_id", "title", "coder", "status", "relevance",
                              "primary_frame", "tone", "actors:us", "actors:china", "actors:japan"]
    alice, bob = table
    assert (alice["article_id"], alice["coder"], alice["status"]) == (ids[0], "alice", "done")
    assert [alice[c] for c in list(alice)[4:]] == ["1", "none", "positive", "1", "0", "1"]
    assert (bob["article_id"], bob["status"]) == (ids[1], "not_started")
    assert [bob[c] for c in list(bob)[4:]] == ["0", "", "", "0", "0", "0"]
