"""Where the pointer is in the article view, and what a press, drag and release do there.

Two questions have two answers. *Which character is under the pointer* (a click on a span, its
tooltip, the context menu) is the character whose box holds the pointer. *Which edge does a
selection begin or end at* is the character edge nearer the pointer (Qt's hit test with
``FuzzyHit``): a drag that starts a few pixels into the last character of the word before
(a particle such as と, は, に) begins after that character, so it is not taken in; a drag that
ends a few pixels into the next character does not take that one either. The selection then
snaps outward to whole tokens (or graphemes in character precision).

A press and release less than :data:`CLICK_SLOP` pixels apart is a click, never a selection:
a click that jitters across the middle of a character does not select it. A press on an edge of
the selected span drags that edge instead (:mod:`annotator.gui.edge_drag`).

Ctrl+wheel asks for zoom (``zoomRequested``, in notches), which :mod:`annotator.gui.zoom`
clamps and remembers, instead of QTextEdit's own unlimited zoom (which a view without that zoom,
the lead's gold view, keeps). Handled here rather than by an
event filter on the viewport: that filter called Python for every paint, and reaching the
viewport at start-up made PySide6 build every QtWidgets class (about 0.02 s) before the first
paint.
"""

from __future__ import annotations

from PySide6.QtCore import QMetaMethod, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextLine, QWheelEvent

from annotator.core.spans import snap_selection

#: a press and release closer than this (in pixels, in the document) are a click
CLICK_SLOP = 4


class ViewPointer:
    """Mouse handling of :class:`~annotator.gui.article_view.ArticleView` (a mixin: the view
    gives it ``to_qt``/``from_qt``, ``edge_drag``, ``select_range``, ``select_span``, spans)."""

    _press_edge: int | None = None
    _press_point: QPointF | None = None

    def _document_point(self, point: QPoint) -> QPointF:
        return QPointF(point) + QPointF(
            self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        )

    def edge_at(self, point: QPoint) -> int:
        """The character edge (code points) nearest to a viewport point."""
        return self.from_qt(self.cursorForPosition(point).position())

    def offset_at(self, point: QPoint) -> int:
        """The character under a viewport point (code points), or -1 beside the text. A line
        owns the space below it down to the next line."""
        position = self.cursorForPosition(point).position()
        block = self.document().findBlock(position)
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return -1
        local = self._document_point(point) - layout.position()
        line = layout.lineAt(0)
        for k in range(1, layout.lineCount()):
            if layout.lineAt(k).y() <= local.y():
                line = layout.lineAt(k)
        if not line.x() <= local.x() < line.x() + line.naturalTextWidth():
            return -1
        inside = line.xToCursor(local.x(), QTextLine.CursorPosition.CursorOnCharacter)
        return self.from_qt(block.position() + inside)

    # --- events -------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        point = event.position().toPoint()
        plain = not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        self._press_edge = self._press_point = None
        if event.button() == Qt.MouseButton.LeftButton and plain:
            if self.edge_drag.press(point):
                event.accept()
                return
            self._press_edge = self.edge_at(point)
            self._press_point = self._document_point(point)
            # A press inside the old selection would start dragging that text away (Qt's
            # drag and drop); a coder pressing there means to select anew.
            cursor = self.textCursor()
            if cursor.hasSelection():
                cursor.clearSelection()
                self.setTextCursor(cursor)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        point = event.position().toPoint()
        if self.edge_drag.active is not None:
            self.edge_drag.move(point)
            return
        if event.buttons() == Qt.MouseButton.NoButton:
            self.edge_drag.hover(point)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        point = event.position().toPoint()
        if self.edge_drag.active is not None and event.button() == Qt.MouseButton.LeftButton:
            if not self.edge_drag.release(point):  # not moved: a click on the edge
                self._click(point)
            return
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        press_edge, press_point = self._press_edge, self._press_point
        self._press_edge = self._press_point = None
        if press_point is not None:
            moved = self._document_point(point) - press_point
            if abs(moved.x()) + abs(moved.y()) < CLICK_SLOP:
                self._clear_selection()
        if self.textCursor().hasSelection():
            if press_edge is None:  # a Shift+click, a double or triple click: Qt's selection
                self._snap_mouse_selection(None, None)
            else:
                self._snap_mouse_selection(press_edge, self.edge_at(point))
        else:
            self._click(point)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and \
                self.isSignalConnected(QMetaMethod.fromSignal(self.zoomRequested)):
            notches = event.angleDelta().y() / 120
            if notches:
                self.zoomRequested.emit(notches)
            event.accept()
            return
        super().wheelEvent(event)

    def _click(self, point: QPoint) -> None:
        """Select the (innermost) span under the pointer, or none."""
        hits = self.spans_at(self.offset_at(point))
        uuid = hits[0].uuid if hits else None
        if uuid != self.selected_uuid:
            self.select_span(uuid, scroll=False)
        if uuid:
            self.spanClicked.emit(uuid)

    def _clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def _snap_mouse_selection(self, anchor: int | None, position: int | None) -> None:
        """Make the dragged selection what a span would cover: from the edge nearest the press
        to the edge nearest the release (None: Qt's anchor and position), snapped outward."""
        if anchor is None or position is None:
            cursor = self.textCursor()
            anchor, position = self.from_qt(cursor.anchor()), self.from_qt(cursor.position())
        snapped = snap_selection(
            self._text, anchor, position, None if self.precise else self._tokens
        )
        if snapped is None:
            self._clear_selection()
            return
        start, end = snapped
        if position >= anchor:
            self.select_range(start, end)
        else:
            self.select_range(end, start)


__all__ = ["CLICK_SLOP", "ViewPointer"]
