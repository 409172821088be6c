"""Label confusion: which label one coder gave the tokens another coder gave label X
(``label_confusion.csv``, and the Label confusion tab of the Agreement window).

Definition (README, "Report files"):

* Units are the tokens of the token level (:mod:`annotator.core.units`): a token carries label X
  for a coder if any of the coder's spans with label X covers any character of it. Only the
  labels of the schema count (as for every token-level measure).
* A pair is compared on the tokens of the articles **both** coders marked done; an article one
  of them has not marked done adds nothing to that pair.
* Pairs are those of ``pairwise.csv``: each unordered pair once, ``coder_a`` before ``coder_b``
  in the study's coder order (by name, unless ``--coders`` gives another order). ``label_a`` is
  always coder_a's label, ``label_b`` coder_b's.
* A coder with no label on a token gives it ``none``. A coder can give one token several labels
  (overlapping spans): the token then counts once for every combination of coder_a's labels and
  coder_b's, e.g. A {X, Y} and B {} count (X, none) and (Y, none); A {X, Y} and B {X} count
  (X, X) and (Y, X). So a pair's counts add up to its number of tokens when no coder gave a
  token two labels, and to more when some did.
* (none, none), the tokens neither coder labelled, is included, so that without overlapping
  labels a pair's rows add up to its ``n_units`` in ``pairwise.csv``.
* Every cell is listed, zeros included ((labels + 1)² rows per pair), so every pair has
  the same rows and the file pivots into a matrix directly.
* ``*`` / ``*`` rows are the sum of the pair rows cell by cell, each pair oriented as listed
  (so (X, Y) of ``*`` is the sum of the pairs' (X, Y); for "X against Y either way" add (Y, X)).
  They are written only when there is at least one pair.
* Order: the pairs in study order, then ``*``; within each, ``label_a`` then ``label_b`` in the
  schema's label order with ``none`` last.

If a schema has a label whose id is ``none``, the no-label marker is ``(none)`` instead, so it
can never be mistaken for that label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, repeat

from annotator.core.units import ArticleUnits, StudyData

NONE = "none"
ALL_PAIRS = "*"


@dataclass(frozen=True)
class LabelConfusionRow:
    """Tokens coder_a marked ``label_a`` where coder_b marked ``label_b`` (``none``: no label)."""

    coder_a: str
    coder_b: str
    label_a: str
    label_b: str
    tokens: int


def no_label(labels: Sequence[str]) -> str:
    """The marker for "no label": ``none``, or ``(none)`` if a label is called ``none``."""
    return NONE if NONE not in labels else f"({NONE})"


def token_label_masks(article: ArticleUnits, coder: str, labels: Sequence[str]) -> dict[int, int]:
    """Token index -> bit mask of the labels the coder gave it (bit k: labels[k]), for the
    tokens with at least one label; the others (most of a text) are left out."""
    masks: dict[int, int] = {}
    for k, label in enumerate(labels):
        bit = 1 << k
        for start, end in article.coder_spans(coder, label):
            first, last = article.token_range(start, end)
            for t in range(first, last):
                masks[t] = masks.get(t, 0) | bit
    return masks


def label_confusion(data: StudyData) -> list[LabelConfusionRow]:
    """The rows of label_confusion.csv for ``data`` (see the module docstring)."""
    labels = list(data.labels)
    names = [*labels, no_label(labels)]
    pairs = list(combinations(data.coders, 2))
    if not pairs:
        return []
    together: dict[tuple[str, str], Counter[tuple[int, int]]] = {p: Counter() for p in pairs}
    for article in data.articles:
        done = [c for c in data.coders if c in article.done]
        if len(done) < 2:
            continue
        masks = {c: token_label_masks(article, c, labels) for c in done}
        for a, b in pairs:
            if a in article.done and b in article.done:
                mask_a, mask_b = masks[a], masks[b]
                labelled = mask_a.keys() | mask_b.keys()
                counter = together[(a, b)]
                counter.update(zip(map(mask_a.get, labelled, repeat(0)),
                                   map(mask_b.get, labelled, repeat(0))))
                counter[(0, 0)] += len(article.starts) - len(labelled)  # neither labelled it

    none_index = len(labels)

    def members(mask: int) -> list[int]:
        return [k for k in range(len(labels)) if mask >> k & 1] or [none_index]

    size = len(names)
    total = [[0] * size for _ in range(size)]
    rows: list[LabelConfusionRow] = []

    def emit(a: str, b: str, cells: list[list[int]]) -> None:
        rows.extend(LabelConfusionRow(a, b, names[i], names[j], cells[i][j])
                    for i in range(size) for j in range(size))

    for a, b in pairs:
        cells = [[0] * size for _ in range(size)]
        for (mask_a, mask_b), n in together[(a, b)].items():
            for i in members(mask_a):
                for j in members(mask_b):
                    cells[i][j] += n
                    total[i][j] += n
        emit(a, b, cells)
    emit(ALL_PAIRS, ALL_PAIRS, total)
    return rows
