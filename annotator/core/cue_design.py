"""Which articles of each coder's copy show no cue underlines: the cue-free designs.

The window underlines the schema's cue words so coders find candidates faster; a lead who wants
to know whether the underlines also steer the coders hands out copies without them
(``annotator assign --cues``, *Hand out copies…*):

- ``on``: every article with cues (what copies always did);
- ``off``: every article of every copy without cues (cues then differ between studies or
  between coders, when the lead gives some coders copies with and some without);
- ``per-coder``: half of the coders (drawn with the plan's seed; the smaller half when the
  count is odd) get copies without cues in every article, the others with cues in every one;
- ``per-article``: counterbalanced within each coder: each coder sees half of their articles
  with cues and half without (one more with cues when the count is odd, for every other
  coder). An article every coder codes is shown with cues to every other coder, so across
  coders it is seen in both conditions; which half is which is drawn with the plan's seed.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from annotator.core.errors import ProjectError

CUES_ON, CUES_OFF, CUES_PER_CODER, CUES_PER_ARTICLE = "on", "off", "per-coder", "per-article"
CUE_DESIGNS = (CUES_ON, CUES_OFF, CUES_PER_CODER, CUES_PER_ARTICLE)
#: The designs drawn with the plan's seed.
DRAWN = frozenset({CUES_PER_CODER, CUES_PER_ARTICLE})


def check_design(design: str) -> str:
    if design not in CUE_DESIGNS:
        raise ProjectError(f"cues {design!r:.30}: use one of {', '.join(CUE_DESIGNS)}")
    return design


def cue_free_articles(
    design: str,
    coders: Sequence[str],
    shared: Sequence[int],
    per_coder: Mapping[str, Sequence[int]],
    rng: random.Random,
) -> dict[str, tuple[int, ...]]:
    """coder -> the articles (in the coder's order) whose copy shows no cues.

    ``shared`` are the articles every coder gets; they alternate between the conditions in a
    drawn order, shifted by one from coder to coder, so neighbours in ``coders`` see each in
    the other condition. Each coder's own articles then fill up their half."""
    check_design(design)
    if design == CUES_ON:
        return {c: () for c in coders}
    if design == CUES_OFF:
        return {c: tuple(per_coder[c]) for c in coders}
    if design == CUES_PER_CODER:
        drawn = list(coders)
        rng.shuffle(drawn)
        without = set(drawn[:len(drawn) // 2])
        return {c: tuple(per_coder[c]) if c in without else () for c in coders}
    order = list(shared)
    rng.shuffle(order)
    rank = {a: k for k, a in enumerate(order)}
    hidden: dict[str, tuple[int, ...]] = {}
    for k, coder in enumerate(coders):
        mine = list(per_coder[coder])
        with_cues = {a for a in mine if a in rank and (rank[a] + k) % 2 == 0}
        own = [a for a in mine if a not in rank]
        rng.shuffle(own)
        half = (len(mine) + (1 if k % 2 == 0 else 0)) // 2
        with_cues.update(own[:min(max(half - len(with_cues), 0), len(own))])
        hidden[coder] = tuple(a for a in mine if a not in with_cues)
    return hidden


__all__ = ["CUES_OFF", "CUES_ON", "CUES_PER_ARTICLE", "CUES_PER_CODER", "CUE_DESIGNS", "DRAWN",
           "check_design", "cue_free_articles"]
