"""The annotation window's actions, toolbar and menus: what a coder can do and its keys.

Built once for a :class:`~annotator.gui.main_window.MainWindow`; every action calls one of the
window's methods, so the behaviour stays in the window and this file only says where it sits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from annotator.gui.codebook import label_tooltip
from annotator.gui.colors import swatch
from annotator.gui.find_bar import find_actions
from annotator.gui.help_menu import coder_view_keys, help_menu
from annotator.gui.lead_menu import exchange_actions, new_project_action, project_menu
from annotator.gui.language_switch import language_menu
from annotator.gui.texts import tr
from annotator.gui.span_adjusting import adjust_actions
from annotator.gui.zoom import zoom_actions

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


def _action(window: MainWindow, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if tip:
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action

def _reliability_report(window: MainWindow) -> None:
    """Tools → Reliability report… (imported when chosen: it needs matplotlib)."""
    from annotator.gui.report_dialog import reliability_report

    window.report_dialog = reliability_report(window)


def build_actions(window: MainWindow) -> None:
    """The window's actions (with their keys), its toolbar and its menus."""
    window.undo_action = _action(window, tr("Undo"), window.undo, "Ctrl+Z")
    window.redo_action = _action(window, tr("Redo"), window.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])

    window.label_actions: dict[str, QAction] = {}
    for lab in window.schema.labels:
        action = QAction(swatch(lab.color), f"{lab.key}  {lab.name_ja or lab.name_en}", window)
        action.setObjectName(f"label_{lab.id}")
        action.setToolTip(label_tooltip(lab))
        action.setStatusTip(tr("Tag the selection as {label} (key {key})").format(
            label=lab.display_name, key=lab.key))
        action.triggered.connect(lambda _c=False, i=lab.id: window.tag_selection(i))
        window.label_actions[lab.id] = action

    window.delete_action = _action(window, tr("Delete span"), window.delete_selected_span, "Del",
                                      tr("Delete the selected span (Del)"))
    window.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    window.note_action = _action(window, tr("Note…"), window.edit_selected_note, "Ctrl+N",
                                    tr("Edit the note of the selected span (Ctrl+N)"))
    window.done_action = _action(window, tr("Done ▸ next"), window.mark_done_and_next,
                                    ["Ctrl+Return", "Ctrl+Enter"],
                                    tr("Mark this article done and open the next (Ctrl+Enter)"))
    window.reopen_action = _action(window, tr("Reopen"), window.reopen_article, None,
                                      tr("Mark this done article as in progress again"))
    window.next_action = _action(window, tr("Next article"), lambda: window.go(1), "Ctrl+PgDown")
    window.prev_action = _action(window, tr("Previous article"), lambda: window.go(-1),
                                 "Ctrl+PgUp")
    window.precise_action = QAction(tr("Character precision"), window)
    window.precise_action.setCheckable(True)
    window.precise_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
    window.precise_action.setToolTip(
        tr("Select single characters instead of whole tokens (a character is never split)")
    )
    window.precise_action.toggled.connect(window._set_precise)
    window.open_action = _action(window, 
        tr("Open project…"), window.choose_project, QKeySequence.StandardKey.Open,
        tr("Open another project file (.annot)"),
    )
    window.switch_coder_action = _action(window, tr("Switch coder…"), window.switch_coder)
    window.agreement_action = _action(window, 
        tr("Agreement…"), window.show_agreement, None,
        tr("Inter-annotator agreement of the coders who have marked articles done"),
    )
    window.report_action = _action(
        window, QCoreApplication.translate("MainWindow", "Reliability report…"),
        lambda: _reliability_report(window), None,
        QCoreApplication.translate("MainWindow", "One HTML file with alpha, intervals, figures "
                                   "and a methods paragraph"),
    )
    window.report_action.setObjectName("reportAction")
    window.quit_action = _action(window, tr("Quit"), window.close, QKeySequence.StandardKey.Quit)

    toolbar = QToolBar(tr("Frames"), window)
    toolbar.setObjectName("framesToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setMovable(False)
    for action in window.label_actions.values():
        toolbar.addAction(action)
    toolbar.addSeparator()
    for action in (window.note_action, window.delete_action):
        toolbar.addAction(action)
    toolbar.addSeparator()
    toolbar.addAction(window.undo_action)
    toolbar.addAction(window.redo_action)
    toolbar.addSeparator()
    toolbar.addAction(window.precise_action)
    toolbar.addSeparator()
    toolbar.addAction(window.reopen_action)
    toolbar.addAction(window.done_action)
    window.addToolBar(toolbar)

    menu = window.menuBar()
    file_menu = menu.addMenu(tr("&File"))
    file_menu.addAction(new_project_action(window))
    file_menu.addAction(window.open_action)
    file_menu.addSeparator()
    file_menu.addActions(exchange_actions(window, window.session))
    file_menu.addAction(window.switch_coder_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    edit = menu.addMenu(tr("&Edit"))
    edit.addActions([window.undo_action, window.redo_action])
    edit.addSeparator()
    for action in window.label_actions.values():
        edit.addAction(action)
    edit.addSeparator()
    edit.addActions([window.note_action, window.delete_action])
    edit.addSeparator()
    window.adjust_actions = adjust_actions(window)  # Alt+Shift+arrows, the edge drag
    edit.addActions(window.adjust_actions)
    edit.addSeparator()
    window.find_actions = find_actions(window, window.find_bar)  # Ctrl+F, F3, Shift+F3
    edit.addActions(window.find_actions)
    go = menu.addMenu(tr("&Article"))
    go.addActions([window.done_action, window.reopen_action])
    go.addSeparator()
    go.addActions([window.next_action, window.prev_action])
    view = menu.addMenu(tr("&View"))
    view.setObjectName("viewMenu")
    view.addAction(window.precise_action)
    view.addSeparator()
    view.addActions(zoom_actions(window, window.view))  # Ctrl++, Ctrl+-, Ctrl+0; remembered
    view.addSeparator()
    language_menu(window, view)  # 日本語 / English
    project_menu(window, window.session)
    tools = menu.addMenu(tr("&Tools"))
    tools.addAction(window.agreement_action)
    tools.addAction(window.report_action)
    help_menu(window, window.session.path, lambda: coder_view_keys(window.schema))
