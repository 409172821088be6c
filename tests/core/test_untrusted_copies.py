"""Returned copies are someone else's files: merged read-only, never changed on disk, and refused
by name when their schema holds anything the app did not make (issue: untrusted files)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from annotator.core.assign import assign
from annotator.core.errors import ProjectError
from annotator.core.merge import merge
from annotator.core.store import Project
from tests.core.test_team import code_in_copy, dump, master  # noqa: F401 (fixture)
from tests.older_files import make_format_5
from tests.run_cli import cli, one_line_error


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def copy(master: Project, tmp_path: Path) -> Path:  # noqa: F811
    path = tmp_path / "alice.annot"
    assign(master, "alice", path)
    code_in_copy(path, "alice", "security_concern")
    return path


def _plant(path: Path, *statements: str) -> None:
    """Change the file's schema as a script outside the app would."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            for statement in statements:
                conn.execute(statement)
    finally:
        conn.close()


PLANTS = {
    "trigger": ("CREATE TRIGGER spy AFTER INSERT ON meta BEGIN "
                "DELETE FROM annotations; END", "trigger 'spy' is not one this program makes"),
    "view": ("CREATE VIEW everything AS SELECT * FROM annotations",
             "view 'everything' is not one this program makes"),
    "table": ("CREATE TABLE extra (x)", "table 'extra' is not one this program makes"),
    "generated column": (
        "ALTER TABLE annotations ADD COLUMN shout TEXT GENERATED ALWAYS AS (upper(note)) VIRTUAL",
        "table 'annotations' is defined differently"),
    "changed trigger": (
        "DROP TRIGGER articles_text_frozen",
        "trigger 'articles_text_frozen' is missing"),
}


@pytest.mark.parametrize("kind", sorted(PLANTS))
def test_a_copy_with_a_planted_schema_object_is_refused_by_name(
        master: Project, copy: Path, kind: str) -> None:  # noqa: F811
    statement, complaint = PLANTS[kind]
    _plant(copy, statement)
    before_master, before_copy = dump(master.path), _digest(copy)
    with pytest.raises(ProjectError) as refused:
        merge(master, [copy])
    message = str(refused.value)
    assert message.startswith(f"{copy}: refused: its schema was changed outside")
    assert complaint in message and "\n" not in message
    assert dump(master.path) == before_master
    assert _digest(copy) == before_copy
    assert sorted(p.name for p in copy.parent.iterdir() if p.name.startswith("alice")) == [
        "alice.annot"]


def test_the_cli_refuses_a_planted_trigger_in_one_line(master: Project, copy: Path) -> None:  # noqa: F811
    _plant(copy, PLANTS["trigger"][0])
    master.close()
    line = one_line_error(cli("merge", master.path, copy))
    assert str(copy) in line and "trigger 'spy'" in line


def test_a_damaged_copy_is_refused_before_any_row_is_used(master: Project, copy: Path) -> None:  # noqa: F811
    conn = sqlite3.connect(copy)
    conn.execute("PRAGMA journal_mode = DELETE")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    data = bytearray(copy.read_bytes())
    # scribble over the last table leaf (type byte 13; the last page may hold the overflow of a
    # token cache's BLOB, whose bytes no check can judge): the header and schema still read
    last = max(k for k in range(1, pages) if data[k * page] == 13)
    data[last * page + 8:last * page + 64] = b"\xff" * 56
    copy.write_bytes(bytes(data))
    before = dump(master.path)
    with pytest.raises(ProjectError, match="refused: the file is damaged"):
        merge(master, [copy])
    assert dump(master.path) == before


def test_an_older_copy_is_merged_without_changing_it_on_disk(
        master: Project, copy: Path) -> None:  # noqa: F811
    make_format_5(copy)
    before = copy.read_bytes()
    listing = sorted(p.name for p in copy.parent.iterdir())
    report = merge(master, [copy])
    assert report.files[0].spans.added == 1
    assert copy.read_bytes() == before  # byte for byte: not migrated in place
    assert sorted(p.name for p in copy.parent.iterdir()) == listing  # no .bak, no journal
    assert not list(copy.parent.glob("*.bak"))


def test_the_lead_project_itself_is_not_held_to_the_copy_rules(
        master: Project, tmp_path: Path) -> None:  # noqa: F811
    """A lead's own file with an extra table (e.g. made by a script) still opens as a
    project; only files from others are compared with the app's schema."""
    path = master.path
    master.close()
    _plant(path, "CREATE TABLE my_notes (x)")
    with Project.open(path) as project:
        assert project.articles.ids()


@pytest.mark.parametrize("name", ["gold", "Gold ", "ＧＯＬＤ", "lead", "ＬＥＡＤ", "Lead"])
def test_a_coder_name_cannot_pass_for_gold_or_the_lead(name: str) -> None:
    from annotator.core.store import validate_coder_name

    with pytest.raises(ProjectError, match="choose another coder name"):
        validate_coder_name(name)


@pytest.mark.parametrize("name", ["gold\u200b", "le\u202ead", "al\x00ice"])
def test_invisible_and_control_characters_are_refused_in_coder_names(name: str) -> None:
    from annotator.core.store import validate_coder_name

    with pytest.raises(ProjectError, match="invisible or control characters"):
        validate_coder_name(name)


def test_a_jsonl_import_naming_a_coder_gold_in_full_width_is_refused(tmp_path: Path) -> None:
    import json

    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "安全保障の話。", "annotations": [
        {"coder": "ｇｏｌｄ", "label": "security_concern", "start": 0, "end": 4}]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    path = tmp_path / "p.annot"
    assert cli("new", path).returncode == 0
    line = one_line_error(cli("import", path, source))
    assert "ｇｏｌｄ" in line and "gold standard" in line
    with Project.open(path) as project:
        assert project.articles.ids() == []


@pytest.mark.parametrize("name", ["gold", "Gold", " ＧＯＬＤ "])
def test_another_tools_user_that_reads_as_gold_is_the_gold_standard(name: str) -> None:
    """The rule that refuses such a coder name is the one that takes a tool's gold user as
    the gold standard (Label Studio, doccano, REFI-QDA files)."""
    from annotator.core.interchange.span_offsets import SpanRead, fill_record
    from annotator.core.records import ArticleRecord

    record = ArticleRecord(external_id="a", text="安全保障の話。", origin="test")
    fill_record(record, lambda k: k, [SpanRead(name, "security_concern", 0, 4),
                                      SpanRead("alice", "security_concern", 0, 4)])
    assert [a.coder for a in record.annotations] == ["alice"]
    assert record.gold is not None
