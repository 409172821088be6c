"""The undo history: steps move between undo and redo only when the undo or redo succeeded; a
step another window made stale is dropped; any other failure leaves history and file as they
were."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.commands import Command
from annotator.core.errors import BusyError, ProjectError, StaleError
from annotator.core.history import History
from annotator.core.model import Change
from annotator.core.session import Session
from annotator.core.store import Project

TEXT = "政府は経済安全保障の強化を急ぐ。\n半導体の供給網を国内に戻す。"


# --- History itself, with commands that only record what was asked of them ----------------


class Step(Command):
    """A command that logs its do and undo, and fails when told to."""

    def __init__(self, name: str, log: list[str]) -> None:
        self.text, self.log = name, log
        self.fail: Exception | None = None

    def _run(self, what: str) -> Change:
        if self.fail is not None:
            raise self.fail
        self.log.append(f"{what} {self.text}")
        return Change(article_id=1)

    def do(self, project, revs) -> Change:
        return self._run("do")

    def undo(self, project, revs) -> Change:
        return self._run("undo")


def state(history: History) -> tuple:
    return history.can_undo, history.undo_text, history.can_redo, history.redo_text


def test_undo_and_redo_go_back_and_forth_in_order() -> None:
    log: list[str] = []
    history = History()
    assert state(history) == (False, "", False, "")
    for name in ("a", "b", "c"):
        history.run(None, Step(name, log))
    assert state(history) == (True, "c", False, "")
    history.undo(None)
    history.undo(None)
    assert state(history) == (True, "a", True, "b")
    history.redo(None)
    assert state(history) == (True, "b", True, "c")
    history.redo(None)
    history.undo(None)
    history.undo(None)
    history.undo(None)
    assert state(history) == (False, "", True, "a")
    assert log == ["do a", "do b", "do c", "undo c", "undo b", "do b", "do c",
                   "undo c", "undo b", "undo a"]


def test_a_new_command_clears_the_redo_list() -> None:
    log: list[str] = []
    history = History()
    history.run(None, Step("a", log))
    history.run(None, Step("b", log))
    history.undo(None)
    assert history.can_redo
    history.run(None, Step("c", log))
    assert state(history) == (True, "c", False, "")
    history.undo(None)
    history.undo(None)
    assert state(history) == (False, "", True, "a")
    assert log == ["do a", "do b", "undo b", "do c", "undo c", "undo a"]


def test_the_oldest_steps_fall_off_past_the_limit() -> None:
    log: list[str] = []
    history = History(limit=2)
    for name in ("a", "b", "c"):
        history.run(None, Step(name, log))
    history.undo(None)
    history.undo(None)
    assert state(history) == (False, "", True, "b")


def test_a_failed_command_is_not_a_step() -> None:
    log: list[str] = []
    history = History()
    history.run(None, Step("a", log))
    history.undo(None)
    failing = Step("b", log)
    failing.fail = ProjectError("the disk is full")
    with pytest.raises(ProjectError):
        history.run(None, failing)
    assert state(history) == (False, "", True, "a")  # nor is the redo list cleared


@pytest.mark.parametrize("error", [ProjectError("the disk is full"), BusyError("busy"),
                                   OSError("gone")])
def test_a_failed_undo_or_redo_leaves_the_history_as_it_was(error: Exception) -> None:
    log: list[str] = []
    history = History()
    first, second = Step("a", log), Step("b", log)
    history.run(None, first)
    history.run(None, second)
    history.undo(None)
    before = state(history)
    first.fail = second.fail = error
    with pytest.raises(type(error)):
        history.undo(None)
    assert state(history) == before
    with pytest.raises(type(error)):
        history.redo(None)
    assert state(history) == before
    first.fail = second.fail = None
    history.redo(None)
    history.undo(None)
    history.undo(None)
    assert log == ["do a", "do b", "undo b", "do b", "undo b", "undo a"]


def test_a_stale_step_is_dropped() -> None:
    log: list[str] = []
    history = History()
    a, b, c = (Step(name, log) for name in ("a", "b", "c"))
    for step in (a, b, c):
        history.run(None, step)
    history.undo(None)  # c is on the redo list
    b.fail = c.fail = StaleError("changed elsewhere")
    with pytest.raises(StaleError):
        history.undo(None)
    assert state(history) == (True, "a", True, "c")  # b is gone from both lists
    with pytest.raises(StaleError):
        history.redo(None)
    assert state(history) == (True, "a", False, "")
    history.undo(None)
    assert log == ["do a", "do b", "do c", "undo c", "undo a"]


# --- a session on a real project file -------------------------------------------------------


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "study.annot"
    with Project.create(path) as project:
        project.articles.add(external_id="a1", text=TEXT, title="題")
    return path


def rows(path: Path) -> list:
    """Everything an edit can change, read by another connection."""
    with sqlite3.connect(path) as conn:
        data = conn.execute("SELECT * FROM annotations ORDER BY uuid").fetchall()
        data += conn.execute("SELECT * FROM article_status ORDER BY coder").fetchall()
        data += conn.execute("SELECT * FROM meta WHERE key = 'clock'").fetchall()
    conn.close()
    return data


def test_an_undo_that_cannot_take_the_write_lock_changes_nothing(path: Path) -> None:
    with Project.open(path, busy_ms=100) as project:
        session = Session(project, "alice")
        opened = session.open_article(project.articles.ids()[0])
        session.add_span(opened, "security_concern", 3, 9)
        (span,) = session.spans(opened.article.id)
        session.relabel(span, "economic_interest")
        session.relabel(session.annotation(span.uuid), "self_reliance")
        history = (session.history.can_undo, session.history.undo_text,
                   session.history.can_redo, session.history.redo_text)
        assert history == (True, "relabel as self_reliance", False, "")
        before = rows(path)

        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            with pytest.raises(BusyError, match="being changed by another program"):
                session.undo()
            assert (session.history.can_undo, session.history.undo_text,
                    session.history.can_redo, session.history.redo_text) == history
            assert rows(path) == before
            assert session.annotation(span.uuid).label == "self_reliance"
        finally:
            holder.execute("ROLLBACK")
            holder.close()

        session.undo()  # the lock is free again: the same step undoes
        assert session.annotation(span.uuid).label == "economic_interest"
        assert session.history.redo_text == "relabel as self_reliance"

        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            before = rows(path)
            with pytest.raises(BusyError):
                session.redo()
            assert session.history.redo_text == "relabel as self_reliance"
            assert session.history.undo_text == "relabel as economic_interest"
            assert rows(path) == before
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        session.redo()
        assert session.annotation(span.uuid).label == "self_reliance"


@pytest.fixture
def two_windows(path: Path):
    """Two Project objects on one file, as two windows (or the app and a script) have them,
    and a span made outside either window's history."""
    with Project.open(path) as one, Project.open(path) as two:
        article = one.articles.ids()[0]
        uuid = one.annotations.add(article, "alice", "security_concern", 3, 9).uuid
        yield Session(one, "alice"), Session(two, "alice"), uuid


def test_an_undo_of_a_span_changed_in_another_window_is_refused_and_dropped(
    two_windows, path: Path
) -> None:
    a, b, uuid = two_windows
    a.relabel(a.annotation(uuid), "economic_interest")
    assert a.history.undo_text == "relabel as economic_interest"
    b.relabel(b.annotation(uuid), "self_reliance")
    before = rows(path)
    with pytest.raises(StaleError, match="changed in another window"):
        a.undo()
    assert not a.history.can_undo and not a.history.can_redo  # the step is dropped
    assert rows(path) == before
    assert a.annotation(uuid).label == b.annotation(uuid).label == "self_reliance"
    b.undo()  # B's own step is still good
    assert a.annotation(uuid).label == "economic_interest"


def test_a_note_on_a_span_deleted_in_another_window_is_refused(two_windows, path: Path) -> None:
    a, b, uuid = two_windows
    seen_by_a = a.annotation(uuid)
    a.set_code(seen_by_a.article_id, "relevance", False)  # answered: it may be done
    a.set_status(seen_by_a.article_id, "done")  # something for A to undo
    b.delete_span(b.annotation(uuid))
    before = rows(path)
    with pytest.raises(StaleError, match="deleted in another window"):
        a.edit_note(seen_by_a, "見落とし")
    assert rows(path) == before
    assert (a.history.can_undo, a.history.undo_text, a.history.can_redo) == (
        True, "mark done", False
    )
    gone = a.project.annotations.list(include_deleted=True)[0]
    assert gone.deleted and gone.note == ""
