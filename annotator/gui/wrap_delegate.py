"""A table cell that wraps its text onto a few lines and elides only what still does not fit.

Japanese has no spaces, so a narrow column cut a span's text after six characters
("国産AIチッ…") and notes were unreadable. Wrapped onto two lines the cell shows three times
as much; the last line is elided at its end (notes: what the coder wrote first) or in its
middle (a span's text: where it ends matters as much as where it starts). The full text is the
cell's tooltip (the model's ToolTipRole).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

# QStyle is imported where a cell is painted (WrapDelegate.paint): named here, it made PySide6
# build its enum classes (hundreds of members, ~10 ms) at every start, before any cell is drawn.

Index = QModelIndex | QPersistentModelIndex
PAD = 4  # the padding left and right of the text, as Qt's own cells have


def wrapped_lines(text: str, font: QFont, width: int, max_lines: int,
                  elide: Qt.TextElideMode) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of ``width`` pixels; the last one
    elided (with "…") when the text goes on."""
    metrics = QFontMetrics(font)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    starts = []
    while len(starts) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [text[s:s + n] for s, n in starts]
    if starts:
        last_start = starts[-1][0]
        rest = text[last_start:]
        if metrics.horizontalAdvance(rest) > width:
            lines[-1] = metrics.elidedText(rest, elide, width)
    return [line.rstrip("\n") for line in lines]


class WrapDelegate(QStyledItemDelegate):
    """Draws a cell's text on up to ``max_lines`` lines (see the module docstring)."""

    def __init__(self, max_lines: int = 2, elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
                 parent=None) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self.elide = elide

    def lines(self, option: QStyleOptionViewItem, index: Index) -> list[str]:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        return wrapped_lines(text, option.font, max(1, option.rect.width() - 2 * PAD),
                             self.max_lines, self.elide) if text else []

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        from PySide6.QtWidgets import QStyle

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text_lines = self.lines(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.setFont(opt.font)
        height = opt.fontMetrics.lineSpacing()
        top = opt.rect.top() + (opt.rect.height() - height * len(text_lines)) // 2
        for i, line in enumerate(text_lines):
            rect = QRect(opt.rect.left() + PAD, top + i * height, opt.rect.width() - 2 * PAD,
                         height)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             line)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(),
                                       option.fontMetrics.lineSpacing() * self.max_lines + PAD))

