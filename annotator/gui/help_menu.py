"""The Help menu of the annotation and adjudication windows: *Keyboard shortcuts* and *About*.

The shortcuts list is generated from the window's actions (see shortcuts_dialog); this module
adds the keys the article view and the panels handle themselves, the frame keys read from the
schema. *About* names the versions a bug report needs and the project file that is open.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from annotator.core.schema import Schema
from annotator.gui.plain_text import escaped
from annotator.gui.texts import tr

if TYPE_CHECKING:  # the dialogs are imported when the shortcuts are shown, not at every start
    from collections.abc import Callable

    from PySide6.QtWidgets import QMessageBox

    from annotator.gui.shortcuts_dialog import Group, ShortcutsDialog


def _native(keys) -> str:
    return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                     for k in keys)


def view_keys(schema: Schema) -> list[Group]:
    """Keys and mouse gestures the article view handles itself (not the window's actions); the
    frame keys come from the schema."""
    frames = [(tr("Tag as {label} (or relabel the selected span)").format(
        label=lab.display_name), lab.key) for lab in schema.labels]
    text = [
        (tr("Select text (the selection snaps to whole tokens)"), tr("Drag")),
        (tr("Extend the selection token by token"), "Shift+←, Shift+→, Shift+↑, Shift+↓"),
        (tr("Select a span"), tr("Click")),
        (tr("Delete the selected span"), _native(["Del", "Backspace"])),
        (tr("Clear the selection"), _native(["Esc"])),
        (tr("Zoom the text"), tr("Ctrl+wheel")),
    ]
    return [(tr("Frame keys"), frames), (tr("Article text"), text)]


def coder_view_keys(schema: Schema) -> list[Group]:
    """The article view's keys, then the Spans panel's and the note dialog's."""
    spans = [
        (tr("Edit the note of the selected span"), _native(["Return", "F2"]) + ", "
         + tr("double-click")),
        (tr("Delete the selected span"), _native(["Del"])),
        (tr("Relabel the selected span"), ", ".join(lab.key for lab in schema.labels)),
    ]
    from annotator.gui.note_dialog import ACCEPT_KEYS

    note = [(tr("Save the note"), _native(ACCEPT_KEYS)), (tr("New line"), _native(["Return"])),
            (tr("Cancel"), _native(["Esc"]))]
    return [*view_keys(schema), (tr("Spans panel"), spans), (tr("Note dialog"), note)]


def show_shortcuts(window: QMainWindow, extra: list[Group]) -> ShortcutsDialog:
    from annotator.gui.shortcuts_dialog import ShortcutsDialog, menu_groups

    dialog = ShortcutsDialog(menu_groups(window) + extra, window)
    dialog.show()
    return dialog


def about_html(project_path: Path | None) -> str:
    """The About box's text: what the app is, its versions, the project file open."""
    from annotator.core.versions import versions

    rows = versions()
    rows[1:1] = [("Qt", qVersion()), ("PySide6", pyside_version)]
    table = "".join(f"<tr><td>{escaped(name)}</td><td>&nbsp;&nbsp;{escaped(value)}</td></tr>"
                    for name, value in rows)
    project = ""
    if project_path is not None:
        label = tr("Project file:")
        project = f"<p>{escaped(label)}<br><code>{escaped(str(project_path))}</code></p>"
    purpose = tr("Annotate media framing in Japanese news and measure agreement.")
    return (f"<h3>Framing Annotator</h3><p>{escaped(purpose)}</p>"
            f"<table>{table}</table>{project}")


def show_about(window: QMainWindow, project_path: Path | None) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox  # built when asked for, not at start-up

    box = QMessageBox(QMessageBox.Icon.Information, tr("About Framing Annotator"),
                      about_html(project_path), QMessageBox.StandardButton.Close, window)
    box.setObjectName("aboutBox")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # for reports
    box.open()
    return box


def help_menu(window: QMainWindow, project_path: Path | None,
              extra: Callable[[], list[Group]] | None = None) -> QMenu:
    """Add Help → Keyboard shortcuts (F1) and Help → About Framing Annotator to the menu bar;
    ``extra`` gives the keys the window's views handle themselves (called when the list is
    shown, so that building the window does not import the dialogs they come from)."""
    menu = window.menuBar().addMenu(tr("&Help"))
    menu.setObjectName("helpMenu")
    shortcuts = QAction(tr("Keyboard shortcuts"), window)
    shortcuts.setObjectName("shortcutsAction")
    shortcuts.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    shortcuts.triggered.connect(lambda _c=False: setattr(
        window, "shortcuts_dialog", show_shortcuts(window, extra() if extra else [])))
    about = QAction(tr("About Framing Annotator"), window)
    about.setObjectName("aboutAction")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda _c=False: setattr(
        window, "about_box", show_about(window, project_path)))
    window.addAction(shortcuts)
    menu.addActions([shortcuts, about])
    return menu
