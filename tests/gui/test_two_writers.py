"""Two windows, another program, a read-only file (issue 8): the window refuses what it can no
longer do safely, says so without blocking, and never loses or overwrites anyone's work."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.store import Project
from annotator.gui.app import build_main_window
from tests.gui.conftest import drag_select
from tests.run_cli import mount


def tag(qtbot, window, word: str, key=Qt.Key.Key_1) -> None:
    start = window.view.text.index(word)
    drag_select(qtbot, window.view, start, start + len(word))
    qtbot.keyClick(window.view, key)


def labels(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT label, note, deleted_at IS NOT NULL FROM annotations ORDER BY start_offset"
        ).fetchall()


def second_window(qtbot, path: Path, coder: str = "alice", **kwargs):
    other = build_main_window(path, coder, **kwargs)
    if other is not None:
        qtbot.addWidget(other)
    return other


def test_a_second_window_on_the_same_file_is_offered_read_only(qtbot, window, project_path):
    assert second_window(qtbot, project_path, if_open_elsewhere="cancel") is None
    other = second_window(qtbot, project_path, if_open_elsewhere="read_only")
    assert other.session.read_only and "[read-only]" in other.windowTitle()
    assert other.session.why_read_only == "it is open in another Framing Annotator window"
    assert not any(a.isEnabled() for a in other.label_actions.values())
    assert not other.done_action.isEnabled()
    other.close()
    window.close()  # the lock goes with the window: the next one may write
    third = second_window(qtbot, project_path, if_open_elsewhere="cancel")
    assert third is not None and not third.session.read_only
    third.close()


def test_undo_never_reverts_another_windows_later_edit(qtbot, window, project_path):
    tag(qtbot, window, "懸念")
    uuid = window.spans.spans_model.spans[0].uuid
    window.relabel_span(uuid, "economic_interest")
    with Project.open(project_path) as other:  # another window or program, later
        other.annotations.update(uuid, label="self_reliance", note="B's")
    assert window.session.history.undo_text.startswith("relabel")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z
    assert "changed in another window or program" in window.last_error
    assert labels(project_path) == [("self_reliance", "B's", 0)]
    assert window.spans.spans_model.spans[0].label == "self_reliance"  # reloaded
    assert window.session.history.undo_text.startswith("add")  # that step was dropped
    assert window.undo_action.isEnabled()


def test_a_note_is_not_put_on_a_span_another_window_deleted(qtbot, window, project_path):
    tag(qtbot, window, "懸念")
    uuid = window.spans.spans_model.spans[0].uuid
    with Project.open(project_path) as other:
        other.annotations.delete(uuid)
    assert window.set_note(uuid, "A's note") is False
    assert "deleted" in window.last_error
    assert labels(project_path) == [("security_concern", "", 1)]
    assert window.spans.spans_model.spans == []  # the view shows the file as it is


def test_a_trimmed_article_is_reloaded_before_the_next_edit(qtbot, window, project_path):
    window.articles.select_article(window.session.project.articles.find("3").id)
    before = window.view.text
    result = subprocess.run(
        [sys.executable, "-m", "annotator.cli", "trim", str(project_path), "3", "--lines", "3-"],
        capture_output=True, text=True, env={"PYTHONPATH": str(Path(__file__).parents[2]),
                                             "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    word = "エヌビディア"
    start = before.index(word)
    drag_select(qtbot, window.view, start, start + len(word))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert "changed by another program" in window.last_error
    assert labels(project_path) == []  # nothing was put on other characters
    assert window.view.text != before and window.view.text in before
    tag(qtbot, window, word)  # after the reload, a selection lands where it shows
    with Project.open(project_path) as project:
        (span,) = project.annotations.list()
        assert span.text == word


def test_an_edit_while_another_program_writes_says_so_and_the_window_stays_usable(
    qtbot, window, project_path
):
    holder = sqlite3.connect(project_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        tag(qtbot, window, "懸念")
        assert "being changed by another program" in window.last_error
        assert window.findChild(QMessageBox, "errorBox").isVisible()
        assert QApplication.activeModalWidget() is None  # nothing blocks the window
        assert not window.session.history.can_undo
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    tag(qtbot, window, "懸念")
    assert labels(project_path) == [("security_concern", "", 0)]


def test_a_read_only_project_opens_read_only(qtbot, project_path, tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    source = project_path.parent
    mount("--bind", "-o", "ro", str(source), str(media))
    try:
        window = second_window(qtbot, media / project_path.name)
        assert window.session.read_only and "[read-only]" in window.windowTitle()
        saved = window.findChild(type(window.status_label), "savedLabel")
        assert "read-only media" in saved.text()
        assert window.view.text
        assert not any(a.isEnabled() for a in window.label_actions.values())
        window.tag_selection("security_concern")
        window.close()
    finally:
        subprocess.run(["umount", str(media)], check=False)
    assert labels(project_path) == []


def test_the_app_starts_while_another_program_writes(qtbot, project_path):
    holder = sqlite3.connect(project_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        window = second_window(qtbot, project_path, coder="alice")
        assert window.opened is not None and window.view.text  # the article shows
        assert window.last_error == ""
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    window.close()
