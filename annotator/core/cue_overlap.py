"""Whether spans overlap the schema's cue words: the cue columns of the span exports.

The window underlines cue words so coders find candidates faster; a lead who asks whether the
underlines also pulled coders toward the lexicon (issue 16) needs, for every span, whether it
touches a cue word of its own label or of another, and whether its coder saw the underlines
in that article. The span CSV, the workbook and JSONL carry these so that the analysis can be
redone outside the app (R, pandas).

The cue words are exactly those the window underlines (:func:`annotator.core.session.
tokens_and_cues`: the schema's lexicon matched on token lemmas and on token edges), whatever the
coder's condition: a span of a cue-free copy is asked about the same words. They come from the
project's cue cache when it is current, else from the lemma index kept at import, so an export
of a thousand articles tokenizes none of them again (only articles imported before the index
existed are tokenized, once per export of a read-only file).

A span overlaps a cue word when they share at least one character (offsets are code points, end
exclusive). A word that is a cue of two labels counts for both.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING

from annotator.core.session import tokens_and_cues
from annotator.core.tokenizer import CueSpan

if TYPE_CHECKING:
    from annotator.core.model import Article
    from annotator.core.store import Project

__all__ = ["ArticleCues", "CueLookup", "conditions_of", "cues_shown"]


class ArticleCues:
    """One article's cue words, sorted by start, for overlap questions."""

    def __init__(self, cues: Iterable[CueSpan]) -> None:
        self._cues = sorted(cues, key=lambda c: (c.start, c.end, c.label))
        self._starts = [c.start for c in self._cues]
        self._longest = max((c.end - c.start for c in self._cues), default=0)

    def __len__(self) -> int:
        return len(self._cues)

    def overlapping(self, start: int, end: int) -> list[CueSpan]:
        """The cue words sharing a character with ``start``-``end``."""
        first = bisect_left(self._starts, start - self._longest + 1)
        last = bisect_left(self._starts, end)
        return [c for c in self._cues[first:last] if c.end > start]

    def hits(self, start: int, end: int, label: str) -> tuple[bool, bool]:
        """(overlaps a cue word of ``label``, overlaps a cue word of another label)."""
        own = other = False
        for cue in self.overlapping(start, end):
            if cue.label == label:
                own = True
            else:
                other = True
        return own, other


class CueLookup:
    """The cue words of a project's articles, each article's looked up once (one export)."""

    def __init__(self, project: Project) -> None:
        self._p = project
        self._found: dict[int, ArticleCues] = {}

    def of(self, article: Article) -> ArticleCues:
        """The article's cue words, from the cache, the lemma index, or (old files) tokenizing."""
        found = self._found.get(article.id)
        if found is None:
            _bounds, cues = tokens_and_cues(self._p, article)
            found = self._found[article.id] = ArticleCues(cues)
        return found

    def of_id(self, article_id: int) -> ArticleCues:
        """The same for an article id (its text is read only when not looked up yet)."""
        found = self._found.get(article_id)
        return found if found is not None else self.of(self._p.articles.get(article_id))

    def flags(self, article_id: int, start: int, end: int, label: str) -> tuple[int, int]:
        """(``cue_own``, ``cue_other``) of a span as the exports write them: 1 or 0."""
        own, other = self.of_id(article_id).hits(start, end, label)
        return int(own), int(other)


def conditions_of(project: Project) -> dict[tuple[int, str], bool]:
    """(article id, coder) -> cues shown, for every recorded condition; a pair not listed
    saw the cues (:mod:`annotator.core.store.cue_conditions`)."""
    return {(article_id, coder): shown
            for article_id, coder, shown in project.cue_conditions.rows()}


def cues_shown(conditions: dict[tuple[int, str], bool], article_id: int, coder: str) -> int:
    """The ``cues_shown`` column: 1 when the coder's window underlined cues in the article."""
    return int(conditions.get((article_id, coder), True))

