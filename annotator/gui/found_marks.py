"""The find matches an article view paints: every match light, the current one strong.

Kept apart from the find bar so that the view's highlighter (which paints spans and cues from
layout formats, not ExtraSelections) can ask which matches fall in a block without knowing
about the bar. Offsets are stored code points, like the spans'.

Repainting a block costs Qt a new layout of it (about a millisecond for a long paragraph), so a
one-letter term in a 200,000-character article would freeze typing for most of a second:
:class:`FoundPainter` repaints the blocks in sight at once and the others a few at a time when
the event loop is idle (and any that scroll into sight before their turn, at once).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QTextEdit

MATCH_COLOR = QColor("#ffe45c")  # every match: the yellow of a highlighter pen
CURRENT_COLOR = QColor("#ff9632")  # the current match: orange, as browsers draw it


class FoundMarks:
    """Sorted, non-overlapping matches and which one is current."""

    def __init__(self) -> None:
        self.matches: list[tuple[int, int]] = []
        self.current: int | None = None
        self._ends: list[int] = []

    def set(self, matches: Sequence[tuple[int, int]], current: int | None) -> list[tuple[int, int]]:
        """Replace the matches; returns the ranges whose painting changed (old and new)."""
        if list(matches) == self.matches:
            return self.set_current(current)
        touched = self.matches + list(matches)
        self.matches = list(matches)
        self._ends = [e for _s, e in self.matches]
        self.current = current
        return touched

    def set_current(self, current: int | None) -> list[tuple[int, int]]:
        """Make another match current; returns the two ranges to repaint."""
        touched = [self.matches[i] for i in (self.current, current)
                   if i is not None and i < len(self.matches)]
        self.current = current
        return touched

    def clear(self) -> list[tuple[int, int]]:
        return self.set([], None)

    def between(self, start: int, end: int) -> list[tuple[int, int, bool]]:
        """Matches overlapping ``[start, end)`` as (start, end, is_current)."""
        found = []
        i = bisect_right(self._ends, start)
        while i < len(self.matches) and self.matches[i][0] < end:
            s, e = self.matches[i]
            found.append((s, e, i == self.current))
            i += 1
        return found


def found_format(base: QTextCharFormat | None, current: bool) -> QTextCharFormat:
    """A match's format: the span's or cue's format (its underline and weight kept, so a
    tagged stretch stays recognisable) with the find colour as background."""
    fmt = QTextCharFormat(base) if base is not None else QTextCharFormat()
    fmt.setBackground(CURRENT_COLOR if current else MATCH_COLOR)
    return fmt


class FoundPainter(QObject):
    """Repaints the blocks whose matches changed: in sight now, the rest when idle."""

    AT_ONCE = 80  # blocks repainted in one go (a whole news article); more are spread out
    CHUNK = 30  # blocks per idle turn

    def __init__(self, view: QTextEdit, highlighter: Callable[[], QSyntaxHighlighter | None]
                 ) -> None:
        super().__init__(view)
        self._view = view
        self._highlighter = highlighter
        self._pending: set[int] = set()  # block numbers still painted from older matches
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._idle_turn)
        view.verticalScrollBar().valueChanged.connect(lambda _v: self._paint_in_sight())

    @property
    def busy(self) -> bool:
        """Whether some blocks out of sight still wait for their repaint."""
        return bool(self._pending)

    def forget(self) -> None:
        """A new text: the old block numbers mean nothing any more."""
        self._pending.clear()
        self._timer.stop()

    def repaint(self, ranges: Iterable[tuple[int, int]], to_qt: Callable[[int], int]) -> None:
        """Repaint the blocks holding the ranges (code points) whose painting changed."""
        document = self._view.document()
        for start, end in ranges:
            first = document.findBlock(to_qt(start)).blockNumber()
            last = document.findBlock(to_qt(max(start, end - 1))).blockNumber()
            self._pending.update(range(first, last + 1))
        if len(self._pending) <= self.AT_ONCE:
            self._paint(sorted(self._pending))
        else:
            self._paint_in_sight()
            self._timer.start()

    def _paint(self, numbers: Iterable[int]) -> None:
        highlighter = self._highlighter()
        document = self._view.document()
        for number in numbers:
            self._pending.discard(number)
            block = document.findBlockByNumber(number)
            if highlighter is not None and block.isValid():
                highlighter.rehighlightBlock(block)

    def _paint_in_sight(self) -> None:
        if not self._pending:
            return
        view = self._view
        first = view.cursorForPosition(QPoint(0, 0)).block().blockNumber()
        last = view.cursorForPosition(QPoint(0, view.viewport().height())).block().blockNumber()
        self._paint([n for n in range(first - 2, last + 3) if n in self._pending])

    def _idle_turn(self) -> None:
        self._paint(sorted(self._pending)[: self.CHUNK])
        if not self._pending:
            self._timer.stop()
