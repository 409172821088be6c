"""Find in an article's text: every match of what the coder typed, as stored offsets.

Matching folds both sides the same way, so that a coder finds what they mean rather than
what the keyboard produced: NFKC (full-width ＡＩ and half-width ｶﾞ match AI and ガ; a
decomposed か+゙ matches が) then ``casefold`` (AI matches ai). The text is folded one grapheme
cluster at a time and a match must start and end on cluster boundaries, so a match never
splits a visible character (か does not match inside か゚, nor 👩 inside 👩‍💻) and its ends map
back exactly to code-point offsets in the stored text, whatever the folding changed in length.
"""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_left

from annotator.core.text import is_grapheme_boundary


def fold(text: str) -> str:
    """The form both the text and what is typed are compared in (NFKC, then casefold)."""
    return unicodedata.normalize("NFKC", text).casefold()


def _cluster_starts(text: str) -> list[int]:
    """Offsets where a grapheme cluster starts, plus ``len(text)``.

    Only characters that can join the one before (not ASCII, not most kana and kanji) are
    checked by the full rule, so a long article is segmented in one quick pass.
    """
    starts = [0] if text else []
    quick: dict[str, bool] = {}
    for i in range(1, len(text)):
        ch = text[i]
        simple = quick.get(ch)
        if simple is None:
            simple = quick[ch] = ch < "\u0300" or (
                unicodedata.category(ch) in ("Lo", "Ll", "Lu", "Nd", "Po", "Ps", "Pe", "Zs")
                and not 0x1F1E6 <= ord(ch) <= 0x1F1FF
            )
        if (simple and text[i - 1] != "\u200d") or is_grapheme_boundary(text, i):
            starts.append(i)
    starts.append(len(text))
    return starts


class FoldedText:
    """One article's text, folded once for any number of finds (the coder types letter by
    letter: each keystroke searches again, the folding is not redone)."""

    def __init__(self, text: str) -> None:
        self.text = text
        pieces: list[str] = []
        starts = _cluster_starts(text)
        # Cluster boundaries in the folded text and in the stored text, in step.
        self._folded_at = array("q", [0])
        self._stored_at = array("q", [0])
        cache: dict[str, str] = {}
        length = 0
        for a, b in zip(starts, starts[1:]):
            cluster = text[a:b]
            folded = cache.get(cluster)
            if folded is None:
                folded = fold(cluster) or cluster  # nothing folds to nothing, but be safe
                if len(cache) < 4096:
                    cache[cluster] = folded
            pieces.append(folded)
            length += len(folded)
            self._folded_at.append(length)
            self._stored_at.append(b)
        self.folded = "".join(pieces)

    def _stored(self, folded_offset: int) -> int | None:
        """The stored offset of a cluster boundary in the folded text; None inside a cluster."""
        i = bisect_left(self._folded_at, folded_offset)
        if i < len(self._folded_at) and self._folded_at[i] == folded_offset:
            return self._stored_at[i]
        return None

    def find_all(self, query: str) -> list[tuple[int, int]]:
        """Every match of ``query`` as (start, end) code-point offsets, left to right and not
        overlapping; none for an empty query."""
        needle = fold(query)
        if not needle:
            return []
        found: list[tuple[int, int]] = []
        haystack = self.folded
        at = haystack.find(needle)
        while at >= 0:
            start = self._stored(at)
            end = self._stored(at + len(needle)) if start is not None else None
            if start is not None and end is not None and end > start:
                found.append((start, end))
                at = haystack.find(needle, at + len(needle))
            else:
                at = haystack.find(needle, at + 1)
        return found


def first_from(matches: list[tuple[int, int]], offset: int) -> int | None:
    """Index of the first match starting at or after ``offset``, wrapping to the first;
    None when there are no matches."""
    if not matches:
        return None
    i = bisect_left(matches, (offset, -1))
    return i if i < len(matches) else 0
