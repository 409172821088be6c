"""The codebook dock shows the selected span's frame: clicking a span in the text or its row in
the Spans panel scrolls the codebook to that frame's entry (not always frame 1)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tests.gui.conftest import drag_select, point_of


def top_line(codebook) -> str:
    """The text of the block at the top of the codebook's viewport."""
    return codebook.cursorForPosition(QPoint(4, 4)).block().text()


def tag(qtbot, window, text: str, key) -> int:
    view = window.view
    start = view.text.index(text)
    drag_select(qtbot, view, start, start + len(text))
    qtbot.keyClick(view, key)
    return start


def test_codebook_follows_the_selected_span(qtbot, window):
    labels = window.schema.labels
    codebook = window.codebook
    third = tag(qtbot, window, "経済的利益", Qt.Key.Key_3)
    # the span just made is the selected one: the codebook shows its frame's rules
    qtbot.waitUntil(lambda: labels[2].name_ja in top_line(codebook))
    first = tag(qtbot, window, "安全保障", Qt.Key.Key_1)
    qtbot.waitUntil(lambda: labels[0].name_ja in top_line(codebook))

    # A click on the span in the text.
    view = window.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, third + 1))
    assert view.selected_uuid
    assert labels[2].name_ja in top_line(codebook)
    down = codebook.verticalScrollBar().value()
    assert down > 0

    # A click on the other span's row in the Spans panel.
    panel = window.spans
    row = panel.spans_model.row_of(view.spans_at(first)[0].uuid)
    rect = panel.visualRect(panel.spans_model.index(row, 1))
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected_uuid == view.spans_at(first)[0].uuid
    assert labels[0].name_ja in top_line(codebook)
    assert codebook.verticalScrollBar().value() < down
