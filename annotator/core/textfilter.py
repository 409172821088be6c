"""Keeping just the article of a scraped text: a range of lines, or everything before a marker.

Used by `annotator import --lines/--cut-at` and `annotator trim`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.errors import InputError


@dataclass(frozen=True)
class TextFilter:
    """Keeps only the article part of a scraped text.

    ``lines`` is a 1-based inclusive (first, last) range, either end may be None. ``cut_at``
    drops everything from the first line that starts with the marker (leading spaces ignored).
    """

    lines: tuple[int | None, int | None] | None = None
    cut_at: str | None = None

    @property
    def active(self) -> bool:
        return self.lines is not None or bool(self.cut_at)

    def missing_note(self) -> str:
        """The note of :meth:`apply` for a text without the ``cut_at`` marker."""
        return f"--cut-at marker {self.cut_at!r} not found; text kept whole"

    def apply(self, text: str) -> tuple[str, str]:
        """Return the kept text and a note for the report ('' when nothing to say)."""
        lines = text.split("\n")
        note = ""
        if self.lines is not None:
            first, last = self.lines
            first = first or 1
            last = last or len(lines)
            if first > len(lines):
                raise InputError(
                    f"--lines {first}-{last}: the text has only {len(lines)} line(s)"
                )
            lines = lines[first - 1 : last]
        if self.cut_at:
            # leading spaces are ignored on both sides: " 更多新聞" finds "更多新聞..." too
            marker = self.cut_at.lstrip(" \t\u3000") or self.cut_at
            for i, line in enumerate(lines):
                if line.lstrip(" \t\u3000").startswith(marker):
                    lines = lines[:i]
                    break
            else:
                note = self.missing_note()
        while lines and not lines[-1].strip():
            lines.pop()
        return "\n".join(lines), note


def parse_line_range(value: str) -> tuple[int | None, int | None]:
    """'2-15', '3-', '-40' or '7' -> a 1-based inclusive range."""
    match = re.fullmatch(r"\s*(\d*)\s*(?:[-:]\s*(\d*))?\s*", value)
    if not match or not (match.group(1) or match.group(2)):
        raise InputError(f"--lines {value!r}: write a range such as 2-15, 3- or -40")
    first = int(match.group(1)) if match.group(1) else None
    if match.group(2) is None and match.group(1):
        last = first
    else:
        last = int(match.group(2)) if match.group(2) else None
    if (first is not None and first < 1) or (first and last and last < first):
        raise InputError(f"--lines {value!r}: lines count from 1 and the range must not be empty")
    return first, last
