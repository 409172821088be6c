"""Span geometry without Qt: snapping a selection to tokens and layering overlapping spans."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from annotator.core.text import snap_to_graphemes


class TokenIndex:
    """Token boundaries of one text, for snapping selections outward to whole tokens."""

    def __init__(self, bounds: Sequence[tuple[int, int]]) -> None:
        self.bounds = list(bounds)
        self._starts = [s for s, _ in self.bounds]
        self._ends = [e for _, e in self.bounds]

    def snap(self, start: int, end: int) -> tuple[int, int] | None:
        """Widen ``[start, end)`` to the tokens it touches; None if it touches no token.

        A selection that begins inside a token starts at that token; one that begins in the
        whitespace between tokens starts at the next token (and likewise for the end).
        """
        if end <= start or not self.bounds:
            return None
        first = bisect_right(self._ends, start)  # first token ending after start
        last = bisect_left(self._starts, end) - 1  # last token starting before end
        if first > last:
            return None
        return self._starts[first], self._ends[last]

    def ceil_end(self, offset: int) -> int:
        """The first token end at or after ``offset`` (extending a selection rightwards)."""
        i = bisect_left(self._ends, offset)
        return self._ends[i] if i < len(self._ends) else offset

    def floor_end(self, offset: int) -> int:
        """The last token end at or before ``offset`` (shrinking a selection from the right)."""
        i = bisect_right(self._ends, offset) - 1
        return self._ends[i] if i >= 0 else 0

    def floor_start(self, offset: int) -> int:
        """The last token start at or before ``offset`` (extending a selection leftwards)."""
        i = bisect_right(self._starts, offset) - 1
        return self._starts[i] if i >= 0 else offset

    def ceil_start(self, offset: int) -> int:
        """The first token start at or after ``offset`` (shrinking a selection from the left)."""
        i = bisect_left(self._starts, offset)
        return self._starts[i] if i < len(self._starts) else offset

    def next_end(self, offset: int) -> int | None:
        """The first token end strictly after ``offset`` (None past the last token)."""
        i = bisect_right(self._ends, offset)
        return self._ends[i] if i < len(self._ends) else None

    def prev_end(self, offset: int) -> int | None:
        """The last token end strictly before ``offset`` (None before the first token)."""
        i = bisect_left(self._ends, offset) - 1
        return self._ends[i] if i >= 0 else None

    def next_start(self, offset: int) -> int | None:
        """The first token start strictly after ``offset`` (None past the last token)."""
        i = bisect_right(self._starts, offset)
        return self._starts[i] if i < len(self._starts) else None

    def prev_start(self, offset: int) -> int | None:
        """The last token start strictly before ``offset`` (None before the first token)."""
        i = bisect_left(self._starts, offset) - 1
        return self._starts[i] if i >= 0 else None


def snap_selection(
    text: str, start: int, end: int, tokens: TokenIndex | None
) -> tuple[int, int] | None:
    """What a selection becomes as a span: token-snapped, or (tokens=None) grapheme-snapped.

    Character precision still never splits a surrogate pair or a grapheme cluster.
    """
    if start > end:
        start, end = end, start
    if tokens is not None:
        return tokens.snap(start, end)
    start, end = snap_to_graphemes(text, start, end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def layers(spans: Sequence[tuple[int, int]]) -> list[int]:
    """Nesting depth of each span (0 = outermost), so overlapping spans can be drawn apart."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1]))
    depth = [0] * len(spans)
    open_ends: list[int] = []  # ends of spans still open, by depth slot
    for i in order:
        start, end = spans[i]
        slot = next((k for k, e in enumerate(open_ends) if e <= start), None)
        if slot is None:
            slot = len(open_ends)
            open_ends.append(end)
        else:
            open_ends[slot] = end
        depth[i] = slot
    return depth
