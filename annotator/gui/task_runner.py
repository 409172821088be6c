"""Running a lead's long task (import, merge, copies, agreement) off the GUI thread.

The work is a plain callable taking a core :data:`~annotator.core.progress.Progress`; it runs
in a worker thread (so it must open its own project connection: SQLite connections stay in the
thread that made them) while a modal progress dialog shows how far it is and offers Cancel.
Cancel makes the next progress call raise :class:`~annotator.core.progress.Cancelled`, which
the core lets roll its transaction back, so a cancelled task stores nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.core.progress import Cancelled, Progress
from annotator.gui.texts import tr

T = TypeVar("T")


class _Relay(QObject):
    """Carries the worker's progress and its end to the GUI thread (queued signals)."""

    progressed = Signal(int, int, str)
    ended = Signal()


class TaskDialog(QProgressDialog):
    """The progress dialog of one task; tests find it with ``findChild(TaskDialog)``."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("taskDialog")
        self.setWindowTitle(title)
        self.setLabelText(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self.setRange(0, 0)  # busy until the first report

    def show_progress(self, done: int, total: int, what: str) -> None:
        if total > 0:
            self.setRange(0, total)
            self.setValue(min(done, total))
        if what:
            self.setLabelText(f"{self.windowTitle()}\n{what}")


def run_task(parent: QWidget | None, title: str, work: Callable[[Progress], T]) -> T:
    """Run ``work(progress)`` in a worker thread behind a modal progress dialog; return its
    result, or raise what it raised (:class:`Cancelled` if the user pressed Cancel)."""
    dialog = TaskDialog(title, parent)
    relay = _Relay()
    cancel = threading.Event()
    outcome: dict[str, Any] = {}

    def progress(done: int, total: int, what: str = "") -> None:
        if cancel.is_set():
            raise Cancelled()
        relay.progressed.emit(done, total, what)

    def worker() -> None:
        try:
            outcome["result"] = work(progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, re-raised there
            outcome["error"] = exc
        finally:
            relay.ended.emit()

    loop = QEventLoop()
    def shown(done: int, total: int, what: str) -> None:
        if dialog.wasCanceled():  # cancel() called directly emits no signal
            cancel.set()
        else:
            dialog.show_progress(done, total, what)

    relay.progressed.connect(shown)
    relay.ended.connect(loop.quit)
    dialog.canceled.connect(cancel.set)
    dialog.canceled.connect(lambda: dialog.setLabelText(f"{title}\n" + tr("Cancelling…")))
    thread = threading.Thread(target=worker, name=f"task: {title}", daemon=True)
    dialog.show()
    thread.start()
    if thread.is_alive() or not outcome:
        loop.exec()
    thread.join()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]
