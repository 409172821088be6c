"""Japanese tokens with code-point offsets into the stored text (fugashi + unidic-lite).

Tokens are the coding units for snapping and for token-level agreement, so they must be
deterministic and never split a visible character. fugashi returns surfaces only; offsets are
recovered by walking the text. Work is done line by line (and long lines sentence by sentence),
which is several times faster than one call on a long text, and only the feature fields needed
are read.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from annotator.core.text import is_grapheme_boundary

if TYPE_CHECKING:
    import fugashi

    from annotator.core.schema import Schema

# Lines longer than this are cut after sentence ends before tagging (MeCab slows on long input).
_MAX_CHUNK = 2000
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    lemma: str
    pos: str


@dataclass(frozen=True, slots=True)
class CueSpan:
    """A pre-highlight: a span of tokens matching a label's cue lexicon."""

    start: int
    end: int
    label: str


@lru_cache(maxsize=1)
def _tagger() -> fugashi.Tagger:
    import fugashi  # imported lazily: start-up should not pay for the dictionary

    return fugashi.Tagger()


@lru_cache(maxsize=1)
def tokenizer_id() -> str:
    """Names the tokenizer and dictionary versions, stored beside cached token boundaries."""
    from importlib.metadata import PackageNotFoundError, version

    import unidic_lite

    try:
        fugashi_version = version("fugashi")
    except PackageNotFoundError:  # a frozen build may carry no package metadata
        fugashi_version = "?"
    return f"fugashi {fugashi_version} unidic-lite {unidic_lite.VERSION}"


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) pairs covering the text, cut at newlines and, in long lines, sentences."""
    pos = 0
    for line in text.split("\n"):
        if len(line) <= _MAX_CHUNK:
            if line:
                yield pos, line
        else:
            sub = pos
            for piece in _SENTENCE_END.split(line):
                while len(piece) > _MAX_CHUNK:  # no sentence end: cut anyway, at a safe place
                    cut = _MAX_CHUNK
                    while cut > 0 and not is_grapheme_boundary(piece, cut):
                        cut -= 1
                    if cut == 0:  # one cluster longer than a chunk: cut after it instead
                        cut = _MAX_CHUNK
                        while cut < len(piece) and not is_grapheme_boundary(piece, cut):
                            cut += 1
                    yield sub, piece[:cut]
                    sub += cut
                    piece = piece[cut:]
                if piece:
                    yield sub, piece
                sub += len(piece)
        pos += len(line) + 1


def _raw_spans(text: str, with_features: bool) -> Iterator[tuple[int, int, str, str]]:
    tagger = _tagger()
    for base, piece in _chunks(text):
        at = 0
        for word in tagger(piece):
            surface = word.surface
            if not surface:
                continue
            at += len(word.white_space)
            if not piece.startswith(surface, at):
                found = piece.find(surface, at)
                if found < 0:  # fugashi changed the surface: skip rather than misplace it
                    continue
                at = found
            raw = word.feature_raw if with_features else ""
            yield base + at, base + at + len(surface), surface, raw
            at += len(surface)


def _merge_clusters(text: str, spans: list[list]) -> list[list]:
    """Widen tokens to grapheme-cluster edges and join those that then overlap.

    fugashi can split an emoji ZWJ sequence or start a token with a combining mark; a coding
    unit must never do that.
    """
    merged: list[list] = []
    n = len(text)
    for span in spans:
        s, e = span[0], span[1]
        while s > 0 and not is_grapheme_boundary(text, s):
            s -= 1
        while e < n and not is_grapheme_boundary(text, e):
            e += 1
        if merged and s < merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], e)
            last[2] = text[last[0] : last[1]]
        else:
            if s != span[0] or e != span[1]:
                span = [s, e, text[s:e], span[3]]
            merged.append(span)
    return merged


def _lemma_pos(raw: str, surface: str) -> tuple[str, str]:
    fields = raw.split(",") if '"' not in raw else next(csv.reader([raw]))
    pos = fields[0] if fields else ""
    lemma = fields[7] if len(fields) > 7 and fields[7] != "*" else surface
    head, dash, tail = lemma.partition("-")  # loanwords: テスト-test
    if dash and head and tail.isascii():
        lemma = head
    return lemma, pos


def tokenize(text: str) -> list[Token]:
    """All tokens of the stored text, with surface, lemma and coarse part of speech."""
    spans = [[s, e, surf, raw] for s, e, surf, raw in _raw_spans(text, True)]
    tokens = []
    for s, e, surface, raw in _merge_clusters(text, spans):
        lemma, pos = _lemma_pos(raw, surface)
        tokens.append(Token(s, e, surface, lemma, pos))
    return tokens


def token_bounds(text: str) -> list[tuple[int, int]]:
    """Only the (start, end) of each token: the fast path for import and agreement."""
    spans = [[s, e, surf, ""] for s, e, surf, _ in _raw_spans(text, False)]
    return [(s, e) for s, e, _, _ in _merge_clusters(text, spans)]


def cue_spans(text: str, tokens: list[Token], schema: Schema) -> list[CueSpan]:
    """Spans to pre-highlight: tokens whose lemma is a cue, and cue surfaces on token edges."""
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end for t in tokens}
    found: set[CueSpan] = set()
    for label in schema.labels:
        lemmas = set(label.cue_lemmas)
        if lemmas:
            for t in tokens:
                if t.lemma in lemmas or t.surface in lemmas:
                    found.add(CueSpan(t.start, t.end, label.id))
        for surface in label.cue_surfaces:
            at = text.find(surface)
            while at >= 0:
                end = at + len(surface)
                if at in starts and end in ends:
                    found.add(CueSpan(at, end, label.id))
                at = text.find(surface, at + 1)
    return sorted(found, key=lambda c: (c.start, c.end, c.label))
