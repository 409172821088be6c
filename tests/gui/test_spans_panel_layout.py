"""The Spans panel at 1280x800: label, text and note all readable (text and note wrap onto two
lines, the rest elided with "…"), and every cell's full text is its tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem

from tests.gui.conftest import drag_select

LONG = "安全上の懸念で中国企業が国産AIチップへの切り替えを求める可能性も"
NOTE = "米中双方の安全保障上の懸念。国産化の動きにも触れているが、主眼は安全保障。"


def seed_with_spans(qtbot, window) -> None:
    """The first seed open, with a long span (noted) and a short one, tagged by mouse and key."""
    seed = next(r.id for r in window.articles.model.rows if LONG in window.session.project
                .articles.get(r.id).text)
    window.articles.select_article(seed)
    window.open_article(seed)
    view = window.view
    for text, key in ((LONG, Qt.Key.Key_1), ("長期的な戦略的布石", Qt.Key.Key_3)):
        start = view.text.index(text)
        view.select_range(start, start)  # scroll it into view before dragging
        drag_select(qtbot, view, start, start + len(text))
        qtbot.keyClick(view, key)
    long_span = next(a for a in window.spans.spans_model.spans if a.text == LONG)
    assert window.set_note(long_span.uuid, NOTE)


def cell_lines(panel, row: int, column: int) -> tuple[list[str], QStyleOptionViewItem]:
    index = panel.spans_model.index(row, column)
    option = QStyleOptionViewItem()
    panel.initViewItemOption(option)
    option.rect = panel.visualRect(index)
    return panel.itemDelegateForColumn(column).lines(option, index), option


def test_text_and_note_wrap_and_elide_readably(qtbot, window):
    assert window.size().width() == 1280 and window.size().height() == 800
    seed_with_spans(qtbot, window)
    panel, model = window.spans, window.spans.spans_model
    assert model.columnCount() == 3  # label, text, note: no offsets taking the width
    # The label is whole; text and note share the rest and each gets a readable width.
    assert panel.columnWidth(0) >= panel.sizeHintForColumn(0)
    for column in (1, 2):
        assert panel.columnWidth(column) >= 100
    row = model.row_of(next(a.uuid for a in model.spans if a.text == LONG))
    text_lines, option = cell_lines(panel, row, 1)
    width = option.rect.width()
    metrics = QFontMetrics(option.font)
    assert len(text_lines) == 2
    assert all(metrics.horizontalAdvance(line) <= width for line in text_lines)
    assert LONG.startswith(text_lines[0]) and len(text_lines[0]) >= 5
    # The span's end is shown: the last line is elided in its middle.
    assert "…" in text_lines[1] and LONG.endswith(text_lines[1].split("…")[-1])
    assert len(text_lines[1].split("…")[-1]) >= 2
    note_lines, _ = cell_lines(panel, row, 2)
    assert NOTE.startswith(note_lines[0]) and note_lines[1].endswith("…")
    assert panel.rowHeight(row) >= 2 * metrics.lineSpacing()
    # A short text fits whole, with no ellipsis.
    short = model.row_of(next(a.uuid for a in model.spans if a.text == "長期的な戦略的布石"))
    assert "".join(cell_lines(panel, short, 1)[0]) == "長期的な戦略的布石"


def test_every_cell_has_its_full_text_as_tooltip(qtbot, window):
    seed_with_spans(qtbot, window)
    model = window.spans.spans_model
    tip = Qt.ItemDataRole.ToolTipRole
    for row, span in enumerate(model.spans):
        label = window.schema.label(span.label)
        assert model.index(row, 0).data(tip).startswith(label.display_name)
        assert f"{span.start}–{span.end}" in model.index(row, 0).data(tip)
        assert model.index(row, 1).data(tip) == span.text
        assert model.index(row, 2).data(tip) == (span.note or None)
    assert NOTE in [model.index(r, 2).data(tip) for r in range(model.rowCount())]
