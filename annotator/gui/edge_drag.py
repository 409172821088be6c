"""Dragging an edge of the selected span in the article view to move it.

Only the selected span's edges can be grabbed (click a span first), and only from inside the
span: a press near the edge of any span, or just outside the selected one, would otherwise steal
the start of a new selection next to it, and spans often touch. Hovering over the span's first
or last character within :data:`GRAB_PX` pixels of its outer edge shows a horizontal resize
pointer; pressing there and dragging moves that edge, snapped as a
selection snaps (to tokens, or characters in character precision), shown as a text selection
while the button is down; the release asks the window for one adjustment (Esc cancels). The
rule that snaps the edge is :func:`annotator.core.span_edges.drag_edge`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt

from annotator.core.span_edges import EMPTY, Edge, EdgeRefused, drag_edge

if TYPE_CHECKING:
    from annotator.gui.article_view import ArticleView

#: how near (in pixels, inside the span) the pointer must be to an edge to grab it
GRAB_PX = 4
#: how far outside the span an edge can still be grabbed (the caret's own pixel)
OUTSIDE_PX = 1


@dataclass
class _Drag:
    uuid: str
    edge: Edge
    start: int
    end: int
    result: tuple[int, int] | None  # None: the span would be empty where the pointer is


class EdgeDrag:
    """The edge drag of one :class:`ArticleView` (see the module docstring)."""

    def __init__(self, view: ArticleView, line_spacing: float) -> None:
        self.view = view
        self.line_spacing = line_spacing  # a line's box is its height times this
        self.active: _Drag | None = None
        self._shaped = False

    def edge_position(self, offset: int, edge: Edge) -> tuple[float, float, float]:
        """Viewport x of a span edge and the top and bottom of its line: the start edge on
        the line of the span's first character, the end edge on that of its last."""
        view = self.view
        q = view.to_qt(offset)
        beside = q if edge == "start" else q - 1  # a UTF-16 unit of the character at the edge
        block = view.document().findBlock(beside)
        layout = block.layout()
        line = layout.lineForTextPosition(beside - block.position()) if layout else None
        if line is None or not line.isValid():  # not laid out yet: far out of sight
            return float("-inf"), 0.0, 0.0
        x, _ = line.cursorToX(q - block.position())
        origin = layout.position()
        dx, dy = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
        top = origin.y() + line.y() - dy
        return origin.x() + x - dx, top, top + line.height() * self.line_spacing

    def hit(self, point: QPoint) -> tuple[str, Edge] | None:
        """The selected span's edge under the pointer, if any."""
        view = self.view
        span = next((a for a in view.spans_shown() if a.uuid == view.selected_uuid), None)
        if span is None or not view.editable:
            return None
        best: tuple[float, Edge] | None = None
        for edge, offset in (("start", span.start), ("end", span.end)):
            x, top, bottom = self.edge_position(offset, edge)
            inward = point.x() - x if edge == "start" else x - point.x()
            distance = abs(inward)
            if top <= point.y() < bottom and -OUTSIDE_PX <= inward <= GRAB_PX:
                if best is None or distance < best[0]:
                    best = (distance, edge)
        return (span.uuid, best[1]) if best is not None else None

    def hover(self, point: QPoint) -> None:
        """Show the resize pointer over a grabbable edge, the text pointer elsewhere."""
        over = self.hit(point) is not None
        if over != self._shaped:
            self._shaped = over
            shape = Qt.CursorShape.SizeHorCursor if over else Qt.CursorShape.IBeamCursor
            self.view.viewport().setCursor(shape)

    def press(self, point: QPoint) -> bool:
        """Start dragging the edge under the pointer; False if there is none."""
        found = self.hit(point)
        if found is None:
            return False
        uuid, edge = found
        span = next(a for a in self.view.spans_shown() if a.uuid == uuid)
        self.active = _Drag(uuid, edge, span.start, span.end, (span.start, span.end))
        self._shaped = True
        self.view.viewport().setCursor(Qt.CursorShape.SizeHorCursor)
        return True

    def move(self, point: QPoint) -> None:
        """Follow the pointer: the span as it would become is shown selected."""
        drag = self.active
        view = self.view
        try:
            drag.result = drag_edge(
                view.text, None if view.precise else view.token_index, drag.start, drag.end,
                drag.edge, view.edge_at(point),
            )
        except EdgeRefused:
            drag.result = None
        if drag.result is None:
            view.select_range(drag.start, drag.start)
        else:
            view.select_range(*drag.result)

    def release(self, point: QPoint) -> bool:
        """Finish: ask for one adjustment (or say why not) and clear the preview; False if
        the edge is where it was (the press was a click)."""
        self.move(point)
        drag, self.active = self.active, None
        self.view.select_range(drag.start, drag.start)
        self.hover(point)
        if drag.result is None:
            self.view.adjustRefused.emit(EMPTY)
            return True
        if drag.result == (drag.start, drag.end):
            return False
        self.view.adjustRequested.emit(drag.uuid, *drag.result)
        return True

    def cancel(self) -> None:
        """Esc during a drag: the span stays as it was."""
        if self.active is not None:
            drag, self.active = self.active, None
            self.view.select_range(drag.start, drag.start)
