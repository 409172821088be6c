"""Starting the app: the QApplication, the coder's name, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from annotator import __version__
from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.core.session import Session
from annotator.gui.main_window import MainWindow


def application() -> QApplication:
    """The one QApplication (created if needed), named so settings and dialogs read well."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Framing Annotator")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("FramingAnnotator")
    return app  # type: ignore[return-value]


def build_main_window(project_path: str | Path, coder: str) -> MainWindow:
    """The main window on a project, as ``coder``, without starting the event loop."""
    application()
    project = Project.open(project_path)
    try:
        session = Session(project, coder)
    except AnnotatorError:
        project.close()
        raise
    return MainWindow(session)


def choose_coder(project_path: Path) -> str | None:
    """The remembered coder of this project, the coder a copy was made for, or ask (None if
    the user cancels)."""
    from annotator.gui.coder_dialog import CoderDialog
    from annotator.gui.settings import last_coder, remembered_coder

    known = remembered_coder(project_path)
    if known:
        return known
    with Project.open(project_path) as project:
        if project.assigned_coder:  # a blind copy made for one coder
            return project.assigned_coder
        coders = project.coders()
    dialog = CoderDialog(coders, last_coder() or (coders[0] if len(coders) == 1 else None))
    return dialog.coder if dialog.exec() else None


def run(project_path: str | Path, coder: str | None = None) -> int:
    """Run the app until the window closes; returns the exit code."""
    from annotator.gui import crash
    from annotator.gui.settings import remember_coder

    crash.install()  # log file, and a message box for any unexpected error
    app = application()
    path = Path(project_path)
    try:
        coder = coder or choose_coder(path)
        if not coder:
            return 0
        window = build_main_window(path, coder)
    except AnnotatorError as exc:
        QMessageBox.critical(None, "Framing Annotator", str(exc))
        return 1
    remember_coder(path, window.session.coder)
    window.restore_layout()
    window.show()
    return app.exec()
