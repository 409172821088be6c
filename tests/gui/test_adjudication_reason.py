"""The lead's reason for a gold span is written in the same note dialog as a coder's note:
Ctrl+Enter saves it (N opens it), Esc leaves the reason as it was."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.core.store import Project
from annotator.gui.app import build_adjudication_window
from tests.gui.conftest import shown
from tests.gui.test_adjudication import master  # noqa: F401 (fixture)
from tests.gui.test_note_dialog_keys import CTRL, in_dialog


def test_ctrl_enter_saves_the_leads_reason(qtbot, master) -> None:  # noqa: F811
    path, _spans = master
    window = shown(qtbot, build_adjudication_window(path))
    article = window.current_id
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_G)  # accept what all coders agree on: a gold span
    [gold] = window.session.gold(article)
    window.view.select_span(gold.uuid)

    def write(dialog) -> None:
        assert dialog.windowTitle() == "Why"
        qtbot.keyClicks(dialog.edit, "the codebook's rule 2")
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)  # a new line, not saved yet
        assert dialog.isVisible()
        qtbot.keyClicks(dialog.edit, "applies")
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return, CTRL)

    seen = in_dialog(qtbot, write)
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    assert seen and not seen[0].isVisible()
    with Project.open(path, read_only=True) as project:
        [saved] = project.gold.spans(article)
        assert saved.rationale == "the codebook's rule 2\napplies"

    def cancel(dialog) -> None:
        qtbot.keyClicks(dialog.edit, " (changed my mind)")
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Escape)

    window.activateWindow()  # the dialog is gone: the window's shortcuts again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    seen = in_dialog(qtbot, cancel)
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    assert seen
    with Project.open(path, read_only=True) as project:
        assert project.gold.spans(article)[0].rationale == "the codebook's rule 2\napplies"
    window.close()
