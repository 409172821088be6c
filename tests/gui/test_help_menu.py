"""Help → Keyboard shortcuts lists every key of the window, read from its actions (plus the keys
the views handle themselves); Help → About names the versions and the project file. The lead's
adjudication window has the same menu."""

from __future__ import annotations

import platform
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from annotator.gui.shortcuts_dialog import ShortcutsDialog, keys_of, plain


def open_shortcuts(qtbot, window) -> ShortcutsDialog:
    qtbot.keyClick(window.view, Qt.Key.Key_F1)  # Help → Keyboard shortcuts
    dialog = window.shortcuts_dialog
    assert dialog.isVisible() and dialog.objectName() == "shortcutsDialog"
    return dialog


def test_shortcuts_list_every_action_with_keys(qtbot, window):
    help_menu = window.findChild(QMenu, "helpMenu")
    assert [plain(a.text()) for a in help_menu.actions()] == [
        "Keyboard shortcuts", "About Framing Annotator"]
    dialog = open_shortcuts(qtbot, window)
    rows = dialog.rows()
    shown = {(what.split(" → ")[-1], keys) for _group, what, keys in rows}
    with_keys = [a for a in window.findChildren(QAction) if keys_of(a) and plain(a.text())]
    assert len(with_keys) > 10
    for action in with_keys:
        assert (plain(action.text()), keys_of(action)) in shown, action.text()
    assert ("Edit", "Undo", "Ctrl+Z") in rows
    assert ("Article", "Done ▸ next", "Ctrl+Return, Ctrl+Enter") in rows
    assert ("View", "Reset zoom", "Ctrl+0") in rows
    # The view's own keys: one per frame, from the schema, and the note dialog's Ctrl+Enter.
    for label in window.schema.labels:
        assert any(group == "Frame keys" and keys == label.key and label.display_name in what
                   for group, what, keys in rows)
    assert ("Note dialog", "Save the note", "Ctrl+Return, Ctrl+Enter") in rows
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_new_action_shows_in_the_list(qtbot, window):
    """Generated, not a second list: an action added to a menu appears with its key."""
    edit = next(a.menu() for a in window.menuBar().actions() if plain(a.text()) == "Edit")
    extra = QAction("Tidy spans", window)
    extra.setShortcut(QKeySequence("Ctrl+Shift+T"))
    edit.addAction(extra)
    assert ("Edit", "Tidy spans", "Ctrl+Shift+T") in open_shortcuts(qtbot, window).rows()


def test_about_names_versions_and_project_file(qtbot, window, project_path):
    about = window.findChild(QAction, "aboutAction")
    about.trigger()
    box = window.about_box
    assert box.isVisible()
    text = box.text()
    for version in (qVersion(), pyside_version, metadata.version("fugashi"),
                    metadata.version("unidic-lite"), "UniDic 2.1.2", platform.python_version(),
                    str(project_path)):
        assert version in text, version
    box.close()


def test_adjudication_window_has_the_help_menu(qtbot, project_path):
    from annotator.gui.app import build_adjudication_window

    lead = build_adjudication_window(project_path)
    qtbot.addWidget(lead)
    lead.show()
    qtbot.waitExposed(lead)
    lead.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is lead)
    dialog = open_shortcuts(qtbot, lead)
    rows = dialog.rows()
    assert ("Adjudicate", "Accept picked coder span", "A") in rows
    assert any(group == "Frame keys" for group, _w, _k in rows)
    lead.findChild(QAction, "aboutAction").trigger()
    assert str(project_path) in lead.about_box.text()
    lead.about_box.close()
    lead.close()
