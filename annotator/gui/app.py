"""Starting the app: the QApplication, the coder's name, the main window."""

from __future__ import annotations

from pathlib import Path

# The core first, Qt after: once PySide6 is imported, its import hook reads the source of every
# module imported after it (looking for `from __feature__ import`), which for the core's
# modules is a tenth of the app's start-up spent for nothing.
from annotator.core import messages
from annotator.core.errors import AnnotatorError
from annotator.core.session import Session
from annotator.core.store import Project
from annotator.core.store.instance import InstanceLock

# isort: split
from PySide6.QtWidgets import QMainWindow

from annotator.gui.application import application
from annotator.gui.core_texts import shown
from annotator.gui.main_window import MainWindow
from annotator.gui.texts import tr
from annotator.gui.window_lock import hold_lock

__all__ = ["LEAD_ROLE", "application", "build_adjudication_window", "build_main_window",
           "choose_coder", "hold_lock", "open_project_window", "run", "start"]

#: What :func:`choose_coder` returns when the user chose "Adjudicate (lead)" (never a valid
#: coder name: it holds a control character).
LEAD_ROLE = "\x00lead"


#: How long an edit in the window waits for another program's write before saying so: short,
#: so the window never freezes behind a long import.
GUI_BUSY_MS = 500


def build_main_window(
    project_path: str | Path, coder: str, if_open_elsewhere: str = "ask"
) -> MainWindow | None:
    """The main window on a project, as ``coder``, without starting the event loop.

    If another instance of the app has the file open, ``if_open_elsewhere`` says what to do:
    ``"ask"`` (offer to open it read-only), ``"read_only"`` or ``"cancel"`` (None is returned
    when the user or the caller declines)."""
    opened = _open_locked(Path(project_path), if_open_elsewhere)
    if opened is None:
        return None
    project, lock = opened
    try:
        session = Session(project, coder)
    except AnnotatorError:
        project.close()
        lock.release()
        raise
    window = MainWindow(session, open_window=open_project_window)
    hold_lock(window, lock)
    return window


def _open_locked(path: Path, if_open_elsewhere: str) -> tuple[Project, InstanceLock] | None:
    """The project and its instance lock; read-only (or None) when another app window has it
    open, as ``if_open_elsewhere`` says (``ask``, ``read_only``, ``cancel``)."""
    application()
    lock = InstanceLock(path)
    read_only = False
    if not lock.acquire():
        choice = _ask_read_only(path, lock.holder()) if if_open_elsewhere == "ask" \
            else if_open_elsewhere
        if choice != "read_only":
            return None
        read_only = True
    try:
        project = Project.open(path, read_only=read_only, busy_ms=GUI_BUSY_MS,
                               reason=messages.OPEN_ELSEWHERE)
    except BaseException:
        lock.release()
        raise
    return project, lock


def _ask_read_only(path: Path, holder: str) -> str:
    from PySide6.QtWidgets import QMessageBox  # only when asked: not on every start-up

    text = tr("{file} is already open in another Framing Annotator window (process {process}).")\
        if holder else tr("{file} is already open in another Framing Annotator window.")
    answer = QMessageBox.question(
        None, "Framing Annotator",
        text.format(file=path.name, process=holder) + "\n\n" + tr(
            "Two windows editing one file can undo each other's work. Open it read-only?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Yes,
    )
    return "read_only" if answer == QMessageBox.StandardButton.Yes else "cancel"


def choose_coder(project_path: Path) -> str | None:
    """The coder a copy was made for, the remembered coder of a file with at most one coder,
    or ask (None if the user cancels; :data:`LEAD_ROLE` if the user chose to adjudicate).

    A file that is not a blind copy is never opened as a coder by guess: with two or more
    coders (a master) the remembered name is not used, and the dialog never pre-fills a name;
    it offers "Adjudicate (lead)" beside the coder names."""
    from annotator.gui.settings import remembered_coder

    with Project.open(project_path, read_only=True) as project:
        if project.assigned_coder:  # a blind copy made for one coder
            return project.assigned_coder
        coders = project.coders.names()
    known = remembered_coder(project_path)
    if known and len(coders) <= 1:
        return known
    # Imported only when asking, not at every start.
    from annotator.gui.coder_dialog import CoderDialog

    dialog = CoderDialog(coders, None, offer_lead=True)
    if not dialog.exec():
        return None
    return LEAD_ROLE if dialog.lead else dialog.coder


def build_adjudication_window(project_path: str | Path, if_open_elsewhere: str = "ask"):
    """The lead's adjudication window on a master (see :mod:`annotator.gui.adjudication_window`);
    None if the file is open elsewhere and the user (or ``if_open_elsewhere``) declines to
    open it read-only."""
    from annotator.core.lead import LeadSession
    from annotator.gui.adjudication_window import AdjudicationWindow

    opened = _open_locked(Path(project_path), if_open_elsewhere)
    if opened is None:
        return None
    project, lock = opened
    window = AdjudicationWindow(LeadSession(project))
    hold_lock(window, lock)
    return window


def open_project_window(path: Path, coder: str | None = None) -> QMainWindow | None:
    """A new window on ``path`` (asking for the coder if needed), shown; None if the user
    declined. Raises AnnotatorError for a file that cannot be opened."""
    from annotator.gui.settings import remember_coder

    coder = coder or choose_coder(path)
    if not coder:
        return None
    if coder == LEAD_ROLE:
        lead = build_adjudication_window(path)
        if lead is not None:
            lead.show()
        return lead
    window = build_main_window(path, coder)
    if window is None:
        return None
    remember_coder(path, window.session.coder)
    window.restore_layout()
    window.show()
    return window


def run(project_path: str | Path, coder: str | None = None) -> int:
    """Run the app until the window closes; returns the exit code."""
    shown = start(project_path, coder)
    return shown if isinstance(shown, int) else application().exec()


def start(project_path: str | Path, coder: str | None = None) -> QMainWindow | int:
    """Everything :func:`run` does before the event loop: the log and error reports, the coder
    (asked if needed), the window built, its layout restored and shown. Returns that window, or
    the exit code when no window was opened (the user declined, or the file cannot be opened).
    The start-up benchmark times exactly this."""
    from annotator.gui import crash
    from annotator.gui.settings import remember_coder

    crash.install()  # log file, and a message box for any unexpected error
    application()
    path = Path(project_path)
    try:
        coder = coder or choose_coder(path)
        if not coder:
            return 0
        if coder == LEAD_ROLE:
            lead = build_adjudication_window(path)
            if lead is None:
                return 0
            lead.show()
            return lead
        window = build_main_window(path, coder)
    except AnnotatorError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Framing Annotator", shown(str(exc)))
        return 1
    if window is None:
        return 0
    remember_coder(path, window.session.coder)
    window.restore_layout()
    window.show()
    return window
