"""The note dialog is confirmed from the keyboard: Ctrl+Enter / Ctrl+Return save, Return makes a
new line, Esc cancels; driven with real keys from the annotation window (Ctrl+N)."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from annotator.gui.note_dialog import NoteDialog
from tests.gui.conftest import drag_select

CTRL = Qt.KeyboardModifier.ControlModifier


def notes(path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute(
            "SELECT note FROM annotations WHERE deleted_at IS NULL ORDER BY start_offset")]


def tag_a_span(qtbot, window) -> None:
    """Select 安全保障 in the tricky article with the mouse, tag it with key 1, keep it selected."""
    view = window.view
    start = view.text.index("安全保障")
    drag_select(qtbot, view, start, start + 4)
    qtbot.keyClick(view, Qt.Key.Key_1)
    window.spans.selectRow(0)
    view.setFocus()
    assert window.view.selected_uuid


def in_dialog(qtbot, typing) -> list[NoteDialog]:
    """Once the modal note dialog is up, do ``typing(dialog)`` with real keys (queued, so it runs
    inside the dialog's own event loop); returns a list that then holds the dialog."""
    seen: list[NoteDialog] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NoteDialog)
        seen.append(dialog)
        try:
            qtbot.waitUntil(dialog.isActiveWindow)  # shortcuts reach the active window only
            typing(dialog)
        finally:
            if dialog.isVisible():  # the keys did not close it: fail the test, do not hang
                dialog.done(-1)

    QTimer.singleShot(0, act)
    return seen


def commit(widget, text: str) -> None:
    """Japanese typed as it arrives from an input method: one committed string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_enter_saves_the_note(qtbot, window, project_path, key):
    tag_a_span(qtbot, window)

    def typing(dialog: NoteDialog) -> None:
        assert dialog.edit.hasFocus()
        qtbot.keyClicks(dialog.edit, "quote")
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)  # a new line, not OK
        assert dialog.isVisible()
        commit(dialog.edit, "安全保障")
        qtbot.keyClick(dialog.edit, key, CTRL)

    seen = in_dialog(qtbot, typing)
    qtbot.keyClick(window.view, Qt.Key.Key_N, CTRL)  # the window's Note… action
    assert seen and not seen[0].isVisible()
    assert notes(project_path) == ["quote\n安全保障"]
    # One undoable edit, like the OK button.
    window.undo()
    assert notes(project_path) == [""]


def test_escape_cancels(qtbot, window, project_path):
    tag_a_span(qtbot, window)

    def typing(dialog: NoteDialog) -> None:
        commit(dialog.edit, "捨てるメモ")
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Escape)

    seen = in_dialog(qtbot, typing)
    qtbot.keyClick(window.view, Qt.Key.Key_N, CTRL)
    assert seen and not seen[0].isVisible()
    assert notes(project_path) == [""]
