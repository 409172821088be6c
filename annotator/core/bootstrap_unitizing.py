"""Unitizing alpha of a resample of articles, from per-article sums.

Krippendorff's unitizing alpha (:func:`annotator.core.agreement.unitizing_alpha`) of label ``c``
over a continuum of length ``L`` with ``r`` coders is ``1 - D_o / D_e`` with::

    D_o = 2 P / (r (r - 1) L^2)
    D_e = 2 [(N - 1) F + X] / (L (r L (r L - 1) - S))

``P`` sums the section distances of every coder pair; ``N`` counts the units, ``F`` sums
``l (l - 1) (2 l - 1) / 3`` and ``S`` sums ``l (l - 1)`` over their lengths ``l``; ``X`` sums
``l^2 (g - l + 1)`` over every (unit, gap) pair with the gap ``g >= l``. Units, and the
distances between overlapping sections, never cross an article boundary, so ``L``, ``P``,
``N``, ``F`` and ``S`` are sums over articles.

``X`` is not: it pairs a unit of one article with a gap of any article, and the report lays the
articles end to end, so a coder's trailing gap in one article and leading gap in the next are
one longer gap (and an article where the coder marked nothing joins both). A replicate is the
report's statistic on the resampled articles laid end to end in the order drawn, exactly, so
``X`` is split in two: gaps between two units of one article (an article-by-article matrix
``C[a][b]``, computed once; a resample adds up the rows and columns of the articles it drew,
each drawn copy counting) and edge gaps, joined along the resample for each coder and paired
with the resample's unit lengths through prefix sums of ``l^2`` and ``l^3``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from operator import mul

from annotator.core.agreement import OVERALL, _merge, _pair_disagreement, _sections
from annotator.core.units import StudyData


class _Label:
    """One label's per-article sums (indexed by article position) and cross matrix rows."""

    def __init__(self, n_articles: int) -> None:
        self.p = [0] * n_articles
        self.n = [0] * n_articles
        self.f = [0] * n_articles
        self.s = [0] * n_articles
        self.lengths: dict[int, Counter] = {}  # article -> unit length -> count
        self.gaps: dict[int, tuple[list[int], list[int]]] = {}  # sorted gaps, suffix sums
        self.cross: dict[int, list[int]] = {}  # article with units -> C[a][b] for every b


class UnitizingAlphas:
    """Unitizing alpha of every label and overall (``"*"``), on resamples of ``data``'s
    articles; only articles every coder has done count, as in the report."""

    def __init__(self, data: StudyData) -> None:
        coders = list(data.coders)
        self.labels = list(data.labels)
        self.r = len(coders)
        count = len(data.articles)
        self.length = [0] * count
        self.by_label = {label: _Label(count) for label in self.labels}
        for a, article in enumerate(data.articles):
            if not coders or not all(c in article.done for c in coders):
                continue
            self.length[a] = article.length
            for label in self.labels:
                _add_article(self.by_label[label], a, article.length,
                             [article.coder_spans(c, label) for c in coders])
        for sums in self.by_label.values():
            _cross_rows(sums, count)

    @property
    def keys(self) -> list[str]:
        return [*self.labels, OVERALL]

    def values(self, idx: Sequence[int]) -> list[float | None]:
        """Alpha of each label, then overall, on the articles ``idx`` (None: undefined)."""
        r = self.r
        length = sum(map(self.length.__getitem__, idx))
        if r < 2 or length == 0:
            return [None] * (len(self.labels) + 1)
        weights = Counter(idx)
        drawn = list(weights)
        times = [weights[a] for a in drawn]
        rl = r * length
        out: list[float | None] = []
        d_o_total = 0.0
        d_e_total = 0.0
        present = 0
        for label in self.labels:
            sums = self.by_label[label]
            n = sum(map(sums.n.__getitem__, idx))
            if n == 0:
                out.append(None)
                continue
            p = sum(map(sums.p.__getitem__, idx))
            f = sum(map(sums.f.__getitem__, idx))
            s = sum(map(sums.s.__getitem__, idx))
            x = 0
            for a, w in zip(drawn, times):
                row = sums.cross.get(a)
                if row is not None:
                    x += w * sum(map(mul, times, map(row.__getitem__, drawn)))
            expected = (n - 1) * f + x
            room = rl * (rl - 1) - s
            present += 1
            d_o = 2 * p / (r * (r - 1) * length * length)
            d_e = 2 * expected / (length * room)
            d_o_total += d_o
            d_e_total += d_e
            out.append(None if expected == 0 else 1 - p * room / (r * (r - 1) * length * expected))
        out.append(1 - d_o_total / d_e_total if present and d_e_total > 0 else None)
        return out


def _add_article(sums: _Label, a: int, length: int, spans: list[list[tuple[int, int]]]) -> None:
    """Add article ``a`` (its coders' spans of one label) to the label's sums."""
    merged = [_merge(units)[0] for units in spans]
    sections = [_sections(units, length) for units in merged]
    r = len(sections)
    sums.p[a] = sum(_pair_disagreement(sections[i], sections[j])
                    for i in range(r) for j in range(i + 1, r))
    lengths = Counter(e - b for units in merged for b, e in units)
    sums.n[a] = sum(lengths.values())
    sums.f[a] = sum(k * (ln * (ln - 1) * (2 * ln - 1) // 3) for ln, k in lengths.items())
    sums.s[a] = sum(k * ln * (ln - 1) for ln, k in lengths.items())
    if lengths:
        sums.lengths[a] = lengths
    gaps = sorted(e - b for secs in sections for b, e, is_unit in secs if not is_unit)
    suffix = [0] * (len(gaps) + 1)
    for k in range(len(gaps) - 1, -1, -1):
        suffix[k] = suffix[k + 1] + gaps[k]
    sums.gaps[a] = (gaps, suffix)


def _cross_rows(sums: _Label, count: int) -> None:
    """``C[a][b] = sum over units of a, gaps g >= l of b: l^2 (g - l + 1)``, for articles a
    with units (rows) and every article b."""
    every = sorted({ln for lengths in sums.lengths.values() for ln in lengths})
    # H[b][l] = sum over gaps g >= l of b of (g - l + 1), for every unit length l that occurs
    fit: dict[int, dict[int, int]] = {}
    for b, (gaps, suffix) in sums.gaps.items():
        row = {}
        for ln in every:
            k = bisect_left(gaps, ln)
            row[ln] = suffix[k] - (ln - 1) * (len(gaps) - k)
        fit[b] = row
    for a, lengths in sums.lengths.items():
        weights = [(ln * ln * k, ln) for ln, k in lengths.items()]
        row = [0] * count
        for b, h in fit.items():
            row[b] = sum(w * h[ln] for w, ln in weights)
        sums.cross[a] = row
