"""Moving one edge of a span, without Qt: a step (Alt+Shift+arrows) or a drag of the edge.

The rules follow the selection's: with tokens an edge sits on a token boundary and a step moves
it to the next one; in character precision (``tokens=None``) it moves by one user-perceived
character (a surrogate pair, emoji sequence or combining mark is never split) and a span never
begins or ends on white space. A move that would leave the span empty, or run it off either end
of the article, is refused with :class:`EdgeRefused`, whose ``reason`` the window words.
"""

from __future__ import annotations

from typing import Literal

from annotator.core.errors import AnnotatorError
from annotator.core.spans import TokenIndex, snap_selection
from annotator.core.text import is_grapheme_boundary

Edge = Literal["start", "end"]

EMPTY = "empty"  # the span would cover nothing
OUTSIDE = "outside"  # the span would run off the start or end of the article


class EdgeRefused(AnnotatorError):
    """An edge cannot move that way; ``reason`` is :data:`EMPTY` or :data:`OUTSIDE`."""

    def __init__(self, reason: str) -> None:
        message = {
            EMPTY: "the span would be empty",
            OUTSIDE: "the span already reaches the edge of the article",
        }[reason]
        super().__init__(message)
        self.reason = reason


def _next_boundary(text: str, i: int) -> int:
    i += 1
    while i < len(text) and not is_grapheme_boundary(text, i):
        i += 1
    return i


def _prev_boundary(text: str, i: int) -> int:
    i -= 1
    while i > 0 and not is_grapheme_boundary(text, i):
        i -= 1
    return i


def step_edge(
    text: str, tokens: TokenIndex | None, start: int, end: int, edge: Edge, forward: bool
) -> tuple[int, int]:
    """``[start, end)`` with one edge moved one token (or one character) forward or back."""
    if tokens is not None:
        if edge == "end":
            moved = tokens.next_end(end) if forward else tokens.prev_end(end)
            if moved is None and forward:
                raise EdgeRefused(OUTSIDE)
            if moved is None or moved <= start:
                raise EdgeRefused(EMPTY)
            return start, moved
        moved = tokens.next_start(start) if forward else tokens.prev_start(start)
        if moved is None and not forward:
            raise EdgeRefused(OUTSIDE)
        if moved is None or moved >= end:
            raise EdgeRefused(EMPTY)
        return moved, end
    return _step_character(text, start, end, edge, forward)


def _step_character(text: str, start: int, end: int, edge: Edge, forward: bool) -> tuple[int, int]:
    """One user-perceived character, skipping white space so the span never ends on it."""
    n = len(text)
    if edge == "end":
        if forward:
            e = end
            while True:
                if e >= n:
                    raise EdgeRefused(OUTSIDE)
                e = _next_boundary(text, e)
                if not text[e - 1].isspace():
                    return start, e
        e = _prev_boundary(text, end)
        while e > start and text[e - 1].isspace():
            e = _prev_boundary(text, e)
        if e <= start:
            raise EdgeRefused(EMPTY)
        return start, e
    if forward:
        s = _next_boundary(text, start)
        while s < end and text[s].isspace():
            s = _next_boundary(text, s)
        if s >= end:
            raise EdgeRefused(EMPTY)
        return s, end
    s = start
    while True:
        if s <= 0:
            raise EdgeRefused(OUTSIDE)
        s = _prev_boundary(text, s)
        if not text[s].isspace():
            return s, end


def drag_edge(
    text: str, tokens: TokenIndex | None, start: int, end: int, edge: Edge, offset: int
) -> tuple[int, int]:
    """``[start, end)`` with one edge dragged to ``offset`` (the character edge nearest the
    pointer), snapped as a selection would be; the other edge stays where it is."""
    offset = max(0, min(offset, len(text)))
    if edge == "end":
        snapped = snap_selection(text, start, offset, tokens) if offset > start else None
        if snapped is None or snapped[1] <= start:
            raise EdgeRefused(EMPTY)
        return start, snapped[1]
    snapped = snap_selection(text, offset, end, tokens) if offset < end else None
    if snapped is None or snapped[0] >= end:
        raise EdgeRefused(EMPTY)
    return snapped[0], end
