"""What the lead sees of the coders' work on one article: lanes and a list of spans.

:class:`LanesStrip` draws one lane per done coder (and the gold lane first) beside the text,
each span a bar in its label's colour over the lines it covers, with a mark for its agreement
class; a click picks the span. :class:`CoderSpansTree` lists the same spans by
coder with their text, label and agreement, and the same pick.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextCursor,
)
from PySide6.QtWidgets import QSizePolicy, QTreeWidget, QTreeWidgetItem, QWidget

from annotator.core.lead import AGREED, ALONE, PARTIAL, Lane
from annotator.core.model import GoldSpan
from annotator.core.schema import Schema
from annotator.gui.article_view import ArticleView
from annotator.gui.colors import ink, mix
from annotator.gui.plain_text import plain_tip
from annotator.gui.texts import tr

AGREEMENT_COLORS = {AGREED: QColor("#2e7d32"), PARTIAL: QColor("#f9a825"),
                    ALONE: QColor("#c62828")}
#: The gold lane's tint: this amber laid over the palette's base at 12% (#fff8e1 on white; a
#: warm dark on a dark palette).
GOLD_LANE, GOLD_LANE_ALPHA = QColor("#ffc107"), 0.12
AGREEMENT_TEXT = {AGREED: QT_TRANSLATE_NOOP("", "✔ all agree"),
                  PARTIAL: QT_TRANSLATE_NOOP("", "≈ partly"),
                  ALONE: QT_TRANSLATE_NOOP("", "• alone")}


def legend() -> str:
    """The agreement marks in their colours, in the interface's language (HTML)."""
    return " ".join(f"<span style='color:{AGREEMENT_COLORS[k].name()}'>{tr(AGREEMENT_TEXT[k])}"
                    "</span>" for k in AGREEMENT_TEXT)


LANE_W, HEAD_H, PAD = 64, 22, 4


class LanesStrip(QWidget):
    """objectName ``lanesStrip``: a gutter beside the text view, one column per lane (gold
    first, then each done coder), each span a small copy of where it lies on the lines the view shows (it
    follows the scrolling), with a coloured mark under it for its agreement class. A click picks
    the span: ``spanPicked(uuid)``."""

    spanPicked = Signal(str)

    def __init__(self, schema: Schema, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lanesStrip")
        self.view = view
        self.colors = {lab.id: QColor(lab.color) for lab in schema.labels}
        self.rows: list[tuple[str, list[tuple[int, int, str, str, str]]]] = []
        self.selected: str | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        view.verticalScrollBar().valueChanged.connect(lambda _v: self.update())

    def set_lanes(self, lanes: Sequence[Lane], gold: Sequence[GoldSpan]) -> None:
        self.rows = [("gold", [(g.start, g.end, g.label, "", g.uuid) for g in gold])]
        for lane in lanes:
            self.rows.append((lane.coder, [(x.span.start, x.span.end, x.span.label, x.agreement,
                                            x.span.uuid) for x in lane.spans]))
        self.setFixedWidth(PAD + LANE_W * len(self.rows))
        self.update()

    def select(self, uuid: str | None) -> None:
        self.selected = uuid
        self.update()

    def _place(self, offset: int) -> tuple[float, float, float]:
        """Where the text view shows the character at ``offset``: its line's top and bottom
        in this widget, and its left edge as a fraction of the text width."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.view.to_qt(offset))
        rect = self.view.cursorRect(cursor)
        top = self.mapFromGlobal(self.view.viewport().mapToGlobal(QPoint(0, rect.top()))).y()
        width = max(1, self.view.viewport().width())
        return top, top + rect.height(), min(1.0, max(0.0, rect.left() / width))

    def _rects(self, row: int, start: int, end: int) -> list[QRectF]:
        """The bar of a span in lane ``row``: a small copy of the lines it covers (a piece
        per line: from where it starts, whole middle lines, up to where it ends)."""
        top, bottom, x0 = self._place(start)
        last_top, last_bottom, x1 = self._place(max(start, end - 1))
        end_top, _b, x_end = self._place(end)
        x1 = x_end if end_top == last_top else 1.0
        left, width = PAD + row * LANE_W + 3, LANE_W - 8

        def piece(a: float, b: float, y0: float, y1: float) -> QRectF:
            return QRectF(left + a * width, y0 + 2, max(3.0, (b - a) * width), y1 - y0 - 4)

        if last_top == top:
            return [piece(x0, x1, top, bottom)]
        out = [piece(x0, 1.0, top, bottom)]
        if last_top > bottom + 1:
            out.append(piece(0.0, 1.0, bottom, last_top))
        return [*out, piece(0.0, x1, last_top, last_bottom)]

    def _rect(self, row: int, start: int, end: int) -> QRectF:
        """The first piece of a span's bar (where a click picks it)."""
        return self._rects(row, start, end)[0]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()  # light or dark, as the system is while the window is open
        text = palette.color(QPalette.ColorRole.Text)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        painter.setClipRect(QRectF(0, HEAD_H, self.width(), self.height() - HEAD_H))
        for row, (_name, spans) in enumerate(self.rows):
            if row == 0:  # the gold lane, in amber
                painter.fillRect(QRectF(PAD, 0, LANE_W - 2, self.height()),
                                 mix(palette.color(QPalette.ColorRole.Base), GOLD_LANE,
                                     GOLD_LANE_ALPHA))
            for start, end, label, agreement, uuid in spans:
                rects = self._rects(row, start, end)
                if rects[-1].bottom() < HEAD_H or rects[0].top() > self.height():
                    continue
                painter.setBrush(QBrush(self.colors.get(label, QColor("#999"))))
                painter.setPen(QPen(text, 2) if uuid == self.selected else Qt.PenStyle.NoPen)
                for rect in rects:
                    painter.drawRect(rect)
                if agreement:
                    first = rects[0]
                    painter.fillRect(QRectF(first.left(), first.bottom(), first.width(), 3),
                                     AGREEMENT_COLORS[agreement])
        painter.setClipping(False)
        painter.fillRect(QRectF(0, 0, self.width(), HEAD_H),
                         palette.color(QPalette.ColorRole.AlternateBase))
        painter.setPen(text)
        for row, (name, _spans) in enumerate(self.rows):
            painter.drawText(QRectF(PAD + row * LANE_W, 0, LANE_W, HEAD_H),
                             Qt.AlignmentFlag.AlignCenter, tr("★gold") if row == 0 else name[:7])
        painter.end()

    def uuid_at(self, x: float, y: float) -> str | None:
        row = int((x - PAD) // LANE_W)
        if not 0 <= row < len(self.rows) or y < HEAD_H:
            return None
        hits = [(r.width(), uuid) for s, e, *_rest, uuid in self.rows[row][1]
                for r in self._rects(row, s, e) if r.adjusted(-1, -1, 1, 3).contains(x, y)]
        return min(hits)[1] if hits else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        uuid = self.uuid_at(event.position().x(), event.position().y())
        if uuid:
            self.select(uuid)
            self.spanPicked.emit(uuid)


class CoderSpansTree(QTreeWidget):
    """objectName ``coderSpans``: the done coders' spans by coder; ``spanPicked(uuid)``."""

    spanPicked = Signal(str)
    acceptRequested = Signal(str)

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coderSpans")
        self.schema = schema
        self.setHeaderLabels([self.tr("Span"), self.tr("Frame"), self.tr("Agreement")])
        self.setRootIsDecorated(True)
        self.setColumnWidth(0, 170)
        self.setColumnWidth(1, 150)
        self.currentItemChanged.connect(self._current)
        self.itemDoubleClicked.connect(lambda item, _c: self._accept(item))

    def set_lanes(self, lanes: Sequence[Lane]) -> None:
        self.blockSignals(True)
        self.clear()
        for lane in lanes:
            top = QTreeWidgetItem(self, [f"{lane.coder} ({len(lane.spans)})"])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for x in lane.spans:
                label = self.schema.label(x.span.label)
                text = x.span.text.replace("\n", " ")
                item = QTreeWidgetItem(top, [("★ " if x.in_gold else "") + text[:40],
                                             label.display_name, tr(AGREEMENT_TEXT[x.agreement])])
                item.setData(0, Qt.ItemDataRole.UserRole, x.span.uuid)
                item.setForeground(1, ink(QColor(label.color).darker(140)))
                item.setForeground(2, ink(AGREEMENT_COLORS[x.agreement]))
                item.setToolTip(0, plain_tip(
                    text + ("\n" + self.tr("(in gold)") if x.in_gold else "")))
            top.setExpanded(True)
        self.blockSignals(False)

    def current_uuid(self) -> str | None:
        item = self.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def select(self, uuid: str) -> None:
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            for k in range(top.childCount()):
                if top.child(k).data(0, Qt.ItemDataRole.UserRole) == uuid:
                    self.blockSignals(True)
                    self.setCurrentItem(top.child(k))
                    self.blockSignals(False)
                    return

    def _current(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        uuid = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if uuid:
            self.spanPicked.emit(uuid)

    def _accept(self, item: QTreeWidgetItem) -> None:
        uuid = item.data(0, Qt.ItemDataRole.UserRole)
        if uuid:
            self.acceptRequested.emit(uuid)
