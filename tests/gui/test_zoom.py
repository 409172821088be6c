"""View → Zoom in / out / reset (Ctrl++, Ctrl+-, Ctrl+0) and Ctrl+wheel change the article text's
size, within limits, and the size is remembered for the user's next window."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMenu

from annotator.gui.zoom import MAX

CTRL = Qt.KeyboardModifier.ControlModifier


def size(window) -> float:
    """The article text's point size, as drawn (the document's font)."""
    return window.view.document().defaultFont().pointSizeF()


def wheel(view, notches: int, modifiers=CTRL) -> None:
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(centre, QPointF(view.viewport().mapToGlobal(centre.toPoint())),
                        QPoint(), QPoint(0, 120 * notches), Qt.MouseButton.NoButton, modifiers,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def test_keys_zoom_and_reset(qtbot, window):
    start = size(window)
    qtbot.keyClick(window.view, Qt.Key.Key_Plus, CTRL)
    assert size(window) == start + 1
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, CTRL)  # Ctrl+= too: no Shift needed
    assert size(window) == start + 2
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, CTRL)
    assert size(window) == start + 1
    qtbot.keyClick(window.view, Qt.Key.Key_0, CTRL)
    assert size(window) == start
    view_menu = window.findChild(QMenu, "viewMenu")
    assert [a.text() for a in view_menu.actions() if "zoom" in a.text().lower()] == [
        "Zoom in", "Zoom out", "Reset zoom"]


def test_ctrl_wheel_zooms_within_limits_and_plain_wheel_scrolls(qtbot, window):
    start = size(window)
    wheel(window.view, 2)
    assert size(window) == start + 2
    wheel(window.view, -1)
    assert size(window) == start + 1
    for _ in range(40):
        wheel(window.view, 1)
    assert size(window) == start + MAX
    window.zoom.reset()
    wheel(window.view, 1, Qt.KeyboardModifier.NoModifier)  # scrolling, not zooming
    assert size(window) == start


def test_zoom_is_remembered_for_the_next_window(qtbot, window, project_path):
    from annotator.gui.app import build_main_window

    start = size(window)
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key.Key_Plus, CTRL)
    window.close()
    again = build_main_window(project_path, "alice")
    qtbot.addWidget(again)
    assert size(again) == start + 3
    again.zoom.reset()
    again.close()


def test_a_view_without_the_zoom_keeps_qts_own_ctrl_wheel(qtbot, window):
    """The lead's gold view has no View → Zoom: Ctrl+wheel there is QTextEdit's own zoom, as it
    was, and does not change the coder's remembered size."""
    from annotator.gui.adjudication_panels import GoldView

    gold = GoldView(window.schema)
    qtbot.addWidget(gold)
    gold.setPlainText("安全保障上の懸念")
    gold.show()
    qtbot.waitExposed(gold)
    before, coder = gold.font().pointSizeF(), size(window)
    wheel(gold, 2)
    assert gold.font().pointSizeF() > before
    assert size(window) == coder and window.zoom.points == 0
