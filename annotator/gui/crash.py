"""Unexpected errors in the app: written to the log file and shown to the coder, never lost.

install() (called by annotator.gui.app.run) sets up logging to the log folder (see
annotator.core.logs) and replaces ``sys.excepthook``: PySide6 passes an exception raised in a
slot or an overridden Qt method (a click, a key press, a paint) to it and goes on, and Python
passes an uncaught exception of the main thread. Each is logged with its traceback and shown in a
message box that names the log file; the same error (same type and place) is shown once, then
only logged, so an error in a paint event cannot bury the coder in boxes. Errors in other
threads are logged. Qt's own warnings go to the log too: a windowed build has no console.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from annotator.core.errors import AnnotatorError
from annotator.core.logs import has_console, log_file, setup_logging

log = logging.getLogger("annotator.crash")

TITLE = "Framing Annotator"

_shown: set[tuple[str, str, int]] = set()
_showing = False


def install() -> None:
    """Log to the log folder and report unexpected errors (idempotent)."""
    from PySide6.QtCore import qInstallMessageHandler

    from annotator import __version__

    path = setup_logging()
    if sys.excepthook is not excepthook:
        sys.excepthook = excepthook
        threading.excepthook = _thread_excepthook
        qInstallMessageHandler(_qt_message)
        frozen = " (bundle)" if getattr(sys, "frozen", False) else ""
        log.info("Framing Annotator %s%s started; Python %s; log %s",
                 __version__, frozen, sys.version.split()[0], path)


def excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """Log an uncaught exception and show it; never raises."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        report(exc_type, exc, tb)
    except Exception:  # the last resort must not fail in turn
        try:
            sys.__excepthook__(exc_type, exc, tb)
        except Exception:
            pass


def report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Write the error to the log file (and stderr if there is a console); show it once."""
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("Unexpected error\n%s", details.rstrip())
    if has_console() and not _logs_to_stderr():
        sys.stderr.write(details)
    key = _where(exc_type, tb)
    if key in _shown or _showing:
        return
    _shown.add(key)
    if isinstance(exc, AnnotatorError):  # a user's problem that escaped its handler: say it
        text = str(exc)
    else:
        from annotator.gui.texts import tr

        text = tr(
            "Something went wrong: {error}\n\n"
            "Everything you did before this is saved in the project file. "
            "If it happens again, send the log file to your project lead:\n"
            "{log}"
        ).format(error=f"{exc_type.__name__}: {exc}", log=log_file())
    show_error(text, details)


def show_error(text: str, details: str) -> None:
    """A modal message box (if a QApplication exists), with the traceback under Show Details."""
    global _showing
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return  # before the app exists (or after it is gone) the log file is all there is
    _showing = True
    try:
        box = QMessageBox(QMessageBox.Icon.Critical, TITLE, text,
                          QMessageBox.StandardButton.Ok, QApplication.activeWindow())
        box.setDetailedText(details)
        box.exec()
    finally:
        _showing = False


def show_message(text: str) -> None:
    """Tell the user why the app cannot start (when there is no console to say it on)."""
    from PySide6.QtWidgets import QMessageBox

    from annotator.gui.application import application

    application()
    QMessageBox.critical(None, TITLE, text)


def _where(exc_type: type[BaseException], tb: TracebackType | None) -> tuple[str, str, int]:
    """The error's type and the innermost place it was raised: what makes two errors the same."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    last = frames[-1] if frames else None
    return (exc_type.__qualname__, last.filename if last else "", (last.lineno or 0) if last else 0)


def _logs_to_stderr() -> bool:
    return any(
        isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler)
        and h.level <= logging.ERROR
        for h in logging.getLogger().handlers
    )


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "?"
    log.error(
        "Unexpected error in thread %s\n%s", name,
        "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)),
    )


def _qt_message(kind, context, message: str) -> None:
    """Qt's warnings and errors into the log (the console, if any, gets them from the log)."""
    from PySide6.QtCore import QtMsgType

    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }.get(kind, logging.WARNING)
    logging.getLogger("qt").log(level, "%s", message)
