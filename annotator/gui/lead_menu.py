"""The lead's menus, in the coder's window and in the lead's: File → New project… and Project.

Each entry opens one dialog module, imported when first used (a coder's start-up never loads
them). A dialog gets the window, reads through ``window.session`` (never the store), runs its
long work with :func:`~annotator.gui.task_runner.run_task`, and calls
``window.project_changed()`` when it has changed the open project, so the window re-reads it.

A coder's blind copy shows no Project menu: handing out copies or merging from a copy would
only confuse; a read-only window keeps the entries that only read.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from annotator.gui.texts import tr

if TYPE_CHECKING:
    from annotator.core.session import ProjectSession

#: (object name, text, module, function, writes the open project)
PROJECT_ENTRIES = (
    ("importAction", QT_TRANSLATE_NOOP("", "Import articles…"),
     "annotator.gui.import_dialog", "import_articles", True),
    ("roundsAction", QT_TRANSLATE_NOOP("", "Calibration rounds…"),
     "annotator.gui.rounds_dialog", "edit_rounds", True),
    ("copiesAction", QT_TRANSLATE_NOOP("", "Hand out copies…"),
     "annotator.gui.copies_dialog", "hand_out_copies", False),
    ("mergeAction", QT_TRANSLATE_NOOP("", "Merge returned copies…"),
     "annotator.gui.merge_dialog", "merge_copies", True),
    ("progressAction", QT_TRANSLATE_NOOP("", "Progress"),
     "annotator.gui.progress_dialog", "show_progress", False),
)


def _opener(window: QMainWindow, module: str, function: str):
    def run() -> None:
        getattr(importlib.import_module(module), function)(window)

    return run


def new_project_action(window: QMainWindow) -> QAction:
    """File → New project… (any window, even a coder's copy: it opens a new file)."""
    action = QAction(tr("New project…"), window)
    action.setObjectName("newProjectAction")
    action.setStatusTip(tr("Create a new project file from the default schema or a "
                                  "schema file"))
    action.triggered.connect(
        lambda _c=False: _opener(window, "annotator.gui.new_project_dialog", "new_project")())
    window.addAction(action)
    return action


def exchange_actions(window: QMainWindow, session: ProjectSession) -> list[QAction]:
    """File → Import from another tool… (not in a coder's blind copy: articles it adds would
    not be in the master) and File → Export… (every window)."""
    actions = []
    if not session.assigned_coder:
        importing = QAction(tr("Import from another tool…"), window)
        importing.setObjectName("importOtherAction")
        importing.setStatusTip(tr("Articles and spans from INCEpTION, a REFI-QDA "
                                         "project, Label Studio or doccano"))
        importing.triggered.connect(lambda _c=False: _opener(
            window, "annotator.gui.interchange_dialog", "import_other")())
        if session.read_only:
            importing.setEnabled(False)
            importing.setToolTip(tr("The project is open read-only"))
        actions.append(importing)
    exporting = QAction(tr("Export…"), window)
    exporting.setObjectName("exportAction")
    exporting.setStatusTip(tr("JSONL, CSV, Excel, brat, or another tool's format"))
    exporting.triggered.connect(lambda _c=False: _opener(
        window, "annotator.gui.interchange_dialog", "export_project")())
    actions.append(exporting)
    for action in actions:
        window.addAction(action)
    return actions


def project_menu(window: QMainWindow, session: ProjectSession) -> QMenu | None:
    """The Project menu for ``window`` (None in a coder's blind copy)."""
    if session.assigned_coder:
        return None
    menu = window.menuBar().addMenu(tr("&Project"))
    menu.setObjectName("projectMenu")
    window.lead_actions: dict[str, QAction] = {}
    for name, text, module, function, writes in PROJECT_ENTRIES:
        action = menu.addAction(tr(text))
        action.setObjectName(name)
        action.triggered.connect(lambda _c=False, m=module, f=function: _opener(window, m, f)())
        if writes and session.read_only:
            action.setEnabled(False)
            action.setToolTip(tr("The project is open read-only"))
        window.lead_actions[name] = action
    return menu
