"""Bootstrap confidence intervals for every alpha of the report, resampling articles.

The article is the sampling unit: a study samples articles, and the tokens of one article are
not independent draws (one coder's long span makes dozens of tokens agree or disagree at once).
Resampling tokens would treat 100,000 dependent tokens as 100,000 independent observations and
give an interval far too narrow; resampling articles keeps every article's tokens, units and
codes together, as the study drew them.

``B`` resamples each draw ``n`` of the ``n`` articles with replacement (``random.Random(seed)``,
``rng.choices(range(n), k=n)``, one resample after the other); every alpha of the report is
computed on the same resamples. The interval is the percentile interval at ``level`` (linear
interpolation between order statistics, numpy's default ``quantile`` method), over the resamples
on which the alpha is defined. ``q`` (Hayes & Krippendorff 2007) is the share of those resamples
whose alpha is below a threshold: the probability of failing to reach it.

Pure Python (the app does not depend on numpy): every article is counted once
(:mod:`annotator.core.bootstrap_coincidence`, :mod:`annotator.core.bootstrap_unitizing`), and a
resample only adds up per-article sums.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from math import floor

from annotator.core.bootstrap_coincidence import CoincidenceAlpha
from annotator.core.bootstrap_unitizing import UnitizingAlphas
from annotator.core.code_units import CodeData
from annotator.core.progress import Progress, report
from annotator.core.units import StudyData

THRESHOLDS = (0.667, 0.8)  #: Krippendorff's minimum for tentative conclusions, and his norm
ALPHA = "krippendorff_alpha"
ALPHA_ORDINAL = "krippendorff_alpha_ordinal"
UNITIZING = "unitizing_alpha"

Key = tuple[str, str, str]  # (measure, level, label) as in the summary


@dataclass(frozen=True)
class Interval:
    """The bootstrap of one alpha: percentile interval, q per threshold, resamples used."""

    low: float | None
    high: float | None
    q_below: dict[float, float] = field(default_factory=dict)
    defined: int = 0  # resamples on which the alpha was defined (the others are left out)


def draw_seed() -> int:
    """A fresh seed from the operating system, to be printed and recorded."""
    return random.SystemRandom().randrange(2**31)


def resamples(n: int, b: int, seed: int) -> list[list[int]]:
    """The ``b`` resamples of ``n`` articles (positions) drawn by ``seed``, in order."""
    rng = random.Random(seed)
    population = range(n)
    return [rng.choices(population, k=n) for _ in range(b)]


def quantile(ordered: Sequence[float], p: float) -> float:
    """The ``p`` quantile of sorted values, linear between order statistics (numpy's
    default method)."""
    h = (len(ordered) - 1) * p
    low = floor(h)
    if low + 1 >= len(ordered):
        return ordered[-1]
    return ordered[low] + (h - low) * (ordered[low + 1] - ordered[low])


def interval(values: Sequence[float | None], level: float,
             thresholds: Sequence[float] = THRESHOLDS) -> Interval:
    """Percentile interval and q of the resampled alphas (None: undefined, left out)."""
    defined = sorted(v for v in values if v is not None)
    if not defined:
        return Interval(None, None, {}, 0)
    tail = (1 - level) / 2
    q = {t: sum(1 for v in defined if v < t) / len(defined) for t in thresholds}
    return Interval(quantile(defined, tail), quantile(defined, 1 - tail), q, len(defined))


def measures(data: StudyData, codes: CodeData | None = None
             ) -> list[tuple[list[Key], Callable[[Sequence[int]], list[float | None]]]]:
    """Every alpha of the report as (summary keys, function of a resample -> their values)."""
    coders = list(data.coders)
    out: list[tuple[list[Key], Callable[[Sequence[int]], list[float | None]]]] = []

    def one(key: Key, alpha: CoincidenceAlpha) -> None:
        out.append(([key], lambda idx: [alpha.value(idx)]))

    for label in data.labels:
        one((ALPHA, "token", label), CoincidenceAlpha(
            [[a.token_values(c, label) for c in coders] for a in data.articles]))
    unitizing = UnitizingAlphas(data)
    out.append(([(UNITIZING, "character", k) for k in unitizing.keys], unitizing.values))
    for label in data.labels:
        one((ALPHA, "article", label), CoincidenceAlpha(
            [[[a.article_value(c, label)] for c in coders] for a in data.articles]))
    if codes is not None:
        position = {a.id: k for k, a in enumerate(data.articles)}
        order = [position[i] for i in codes.article_ids]
        for unit in codes.units:
            rows = codes.matrix(unit.id)
            per_article: list[list[list[object]]] = [[[None] for _ in rows] for _ in data.articles]
            for k, a in enumerate(order):
                per_article[a] = [[row[k]] for row in rows]
            measure = ALPHA_ORDINAL if unit.ordinal else ALPHA
            one((measure, "article_code", unit.id), CoincidenceAlpha(
                per_article, unit.ordinal, unit.categories if unit.ordinal else None))
    return out


def bootstrap_alphas(
    data: StudyData, codes: CodeData | None, b: int, seed: int, level: float = 0.95,
    progress: Progress | None = None,
) -> dict[Key, Interval]:
    """The interval of every alpha of the report of ``data`` (and ``codes``), by summary key,
    from ``b`` resamples of its articles drawn with ``seed``."""
    if not 0 < level < 1:
        raise ValueError(f"the confidence level must be between 0 and 1, not {level}")
    found = measures(data, codes)
    values: dict[Key, list[float | None]] = {k: [] for keys, _ in found for k in keys}
    rng = random.Random(seed)
    population = range(len(data.articles))
    step = max(1, b // 100)
    for done in range(b):
        if done % step == 0:
            report(progress, done, b, "resampling articles")
        idx = rng.choices(population, k=len(population))
        for keys, compute in found:
            for key, value in zip(keys, compute(idx)):
                values[key].append(value)
    report(progress, b, b, "")
    return {key: interval(v, level) for key, v in values.items()}
