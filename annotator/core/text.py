"""Stored text and its offsets.

Every offset in a project is a Python code-point offset into the stored text, end exclusive.
This module holds the rules that make those offsets stable: newline/NUL normalization at import,
the text hash, grapheme-cluster boundaries (a span never splits a user-perceived character) and
the conversion to and from UTF-16 code units, which is what Qt counts.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable

ZWJ = "\u200d"


def text_sha256(text: str) -> str:
    """SHA-256 of the stored text (UTF-8): the identity of an article across projects."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_text(text: str) -> str:
    """The text as stored: CRLF and lone CR become LF, NUL and a leading BOM are removed.

    Nothing else changes (no NFKC, no trimming of spaces): coders annotate what was published.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x00", "")


def normalize_with_map(text: str) -> tuple[str, Callable[[int], int]]:
    """Normalize like :func:`normalize_text` and return a map from old offsets to new ones.

    Annotations that arrive with a text (JSONL) point into the text as it was given; the map
    moves them to the stored text. An offset that pointed at a removed character (the CR of a
    CRLF, a NUL) moves to the next kept character.
    """
    removed: list[int] = []  # old offsets of removed characters, ascending
    out: list[str] = []
    n = len(text)
    i = 0
    if text.startswith("\ufeff"):
        removed.append(0)
        i = 1
    chunk_start = i
    while i < n:
        ch = text[i]
        if ch == "\r":
            out.append(text[chunk_start:i])
            if i + 1 < n and text[i + 1] == "\n":
                removed.append(i)  # drop CR, keep the LF
            else:
                out.append("\n")  # a lone CR becomes LF: nothing removed
            chunk_start = i + 1
        elif ch == "\x00":
            out.append(text[chunk_start:i])
            removed.append(i)
            chunk_start = i + 1
        i += 1
    out.append(text[chunk_start:])
    new_text = "".join(out)
    if not removed:
        return new_text, lambda offset: offset

    def mapping(offset: int) -> int:
        return offset - bisect_left(removed, offset)

    return new_text, mapping


# --- grapheme clusters -------------------------------------------------------------------

def _is_extender(ch: str) -> bool:
    """Characters that attach to the one before: marks, ZWJ, variation selectors, skin tones, tags."""
    cp = ord(ch)
    if ch == ZWJ or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF:
        return True
    if 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F:
        return True
    if 0x3099 <= cp <= 0x309A or 0xFF9E <= cp <= 0xFF9F:  # (half-width) sound marks
        return True
    return unicodedata.category(ch) in ("Mn", "Me", "Mc")


def _is_regional_indicator(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def is_grapheme_boundary(text: str, i: int) -> bool:
    """Whether a span may start or end at offset ``i`` without splitting a visible character.

    Covers what news text contains: combining marks, emoji ZWJ sequences, variation selectors,
    skin-tone modifiers, tag sequences and regional-indicator (flag) pairs. Line breaks are
    always boundaries.
    """
    if i <= 0 or i >= len(text):
        return True
    ch = text[i]
    prev = text[i - 1]
    if prev == "\n" or ch == "\n":
        return True
    if _is_extender(ch):
        return False
    if prev == ZWJ:
        return False
    if _is_regional_indicator(ch) and _is_regional_indicator(prev):
        run = 0
        j = i - 1
        while j >= 0 and _is_regional_indicator(text[j]):
            run += 1
            j -= 1
        return run % 2 == 0
    return True


def snap_to_graphemes(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` so that neither end splits a grapheme cluster."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    while start > 0 and not is_grapheme_boundary(text, start):
        start -= 1
    while end < len(text) and not is_grapheme_boundary(text, end):
        end += 1
    return start, end


# --- UTF-16 -------------------------------------------------------------------------------

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Map:
    """Converts between code-point offsets (stored) and UTF-16 offsets (Qt) for one text.

    The GUI converts through this class and nowhere else. Lookups are O(log k) in the number
    k of characters outside the BMP, so a long all-BMP article costs nothing.
    """

    __slots__ = ("_astral", "_astral16", "length", "length16")

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 offset of each astral character's first unit.
        self._astral16 = [cp + k for k, cp in enumerate(self._astral)]
        self.length = len(text)
        self.length16 = self.length + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        """Code-point offset -> UTF-16 offset."""
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, offset16: int) -> int:
        """UTF-16 offset -> code-point offset; an offset between two surrogates rounds down."""
        return offset16 - bisect_right(self._astral16, offset16 - 1)
