"""The off-thread task runner: result, errors and Cancel, with the real progress dialog."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from annotator.core.errors import InputError
from annotator.core.progress import Cancelled, tracked
from annotator.gui.task_runner import TaskDialog, run_task


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_work_runs_off_the_gui_thread_and_returns_its_result(parent) -> None:
    seen: dict[str, object] = {}

    def work(progress) -> int:
        seen["thread"] = threading.current_thread()
        return sum(tracked(list(range(10)), progress))

    assert run_task(parent, "Adding", work) == 45
    assert seen["thread"] is not threading.main_thread()
    assert parent.findChild(TaskDialog) is None or not parent.findChild(TaskDialog).isVisible()


def test_an_error_of_the_work_is_raised_in_the_gui_thread(parent) -> None:
    def work(progress) -> None:
        raise InputError("a.txt line 3: bad")

    with pytest.raises(InputError, match="a.txt line 3"):
        run_task(parent, "Importing", work)


def test_cancel_button_stops_the_work_at_its_next_step(parent, qtbot) -> None:
    steps: list[int] = []
    shown: list[tuple[int, int]] = []

    def work(progress) -> None:
        for i in range(200):
            progress(i, 200, f"file {i}")
            steps.append(i)
            time.sleep(0.01)

    def press_cancel() -> None:
        dialog = parent.findChild(TaskDialog)
        shown.append((dialog.value(), dialog.maximum()))
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)

    QTimer.singleShot(300, press_cancel)
    with pytest.raises(Cancelled):
        run_task(parent, "Importing", work)
    assert 0 < len(steps) < 200
    value, maximum = shown[0]
    assert maximum == 200 and 0 < value < 200  # the bar showed real progress before Cancel

