"""Which articles a new calibration round holds: named ones, another round's, or a random
sample (with its seed, so the draw can be repeated), optionally only articles in no round yet.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.core.errors import ProjectError

if TYPE_CHECKING:
    from annotator.core.store import Project


def choose_round_articles(
    project: Project,
    articles: Sequence[str] | None = None,
    *,
    from_round: str | None = None,
    unused: bool = False,
    sample: int | None = None,
    seed: int | None = None,
) -> tuple[list[int], int | None]:
    """Internal ids (project order) and the seed of the draw (None without ``sample``).

    The pool is ``articles`` (ids or list numbers), else ``from_round``'s articles, else all;
    ``unused`` keeps only articles in no round; ``sample`` draws that many from the pool."""
    if articles and from_round:
        raise ProjectError("give the articles or another round to take them from, not both")
    if articles:
        pool = sorted({project.articles.find(ref).id for ref in articles})
    elif from_round:
        pool = list(project.rounds.get(from_round).article_ids)
    else:
        pool = project.articles.ids()
    if unused:
        taken = set(project.rounds.by_article())
        pool = [a for a in pool if a not in taken]
    if sample is None:
        return pool, None
    if sample < 1:
        raise ProjectError("the sample must be at least 1 article")
    if sample > len(pool):
        raise ProjectError(f"sample {sample}: only {len(pool)} article(s) to draw from")
    if seed is None:
        seed = random.SystemRandom().randrange(1, 1_000_000)
    return sorted(random.Random(seed).sample(pool, sample)), seed
