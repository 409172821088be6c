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

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate
from operator import mul

from annotator.core.agreement import OVERALL, _merge, _pair_disagreement, _sections
from annotator.core.units import StudyData

Edge = tuple[int, int] | None  # a coder's (leading, trailing) gap in an article; None: no unit


class _Label:
    """One label's per-article sums (indexed by article position) and cross matrix rows."""

    def __init__(self, n_articles: int) -> None:
        self.p = [0] * n_articles
        self.n = [0] * n_articles
        self.f = [0] * n_articles
        self.s = [0] * n_articles
        self.lengths: dict[int, Counter] = {}  # article -> unit length -> count
        self.inner: dict[int, tuple[list[int], list[int]]] = {}  # sorted inner gaps, suffix sums
        self.edges: list[list[Edge]] = [[] for _ in range(n_articles)]  # per coder
        self.cross: dict[int, list[int]] = {}  # article with units -> C[a][b] for every b
        self.every: list[int] = []  # distinct unit lengths, ascending
        self.powers: dict[int, list[tuple[int, int, int]]] = {}  # a -> (length index, l^2, l^3)


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
        """Alpha of each label, then overall, on the articles ``idx`` laid end to end in that
        order (None: undefined)."""
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
            x += _edge_part(sums, idx, self.length, r, zip(drawn, times))
            expected = (n - 1) * f + x
            room = rl * (rl - 1) - s
            present += 1
            d_o_total += 2 * p / (r * (r - 1) * length * length)
            d_e_total += 2 * expected / (length * room)
            out.append(None if expected == 0 else 1 - p * room / (r * (r - 1) * length * expected))
        out.append(1 - d_o_total / d_e_total if present and d_e_total > 0 else None)
        return out


def _edge_part(sums: _Label, idx: Sequence[int], length: list[int], r: int, weighted) -> int:
    """``X`` of the gaps that touch an article's start or end, joined along the resample."""
    a2 = [0] * len(sums.every)
    a3 = [0] * len(sums.every)
    for a, w in weighted:
        for k, x2, x3 in sums.powers.get(a, ()):
            a2[k] += w * x2
            a3[k] += w * x3
    p2 = list(accumulate(a2, initial=0))
    p3 = list(accumulate(a3, initial=0))
    every = sums.every
    x = 0
    for coder in range(r):
        running = 0
        joined = []
        for a in idx:
            edges = sums.edges[a]
            if not edges:
                continue  # not in the continuum
            edge = edges[coder]
            if edge is None:
                running += length[a]
            else:
                running += edge[0]
                if running:
                    joined.append(running)
                running = edge[1]
        if running:
            joined.append(running)
        for g in joined:
            k = bisect_right(every, g)
            x += (g + 1) * p2[k] - p3[k]
    return x


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
    inner = []
    for units in merged:
        if units:
            sums.edges[a].append((units[0][0], length - units[-1][1]))
            inner += [b2 - e1 for (_, e1), (b2, _) in zip(units, units[1:]) if b2 > e1]
        else:
            sums.edges[a].append(None)
    inner.sort()
    suffix = [0] * (len(inner) + 1)
    for k in range(len(inner) - 1, -1, -1):
        suffix[k] = suffix[k + 1] + inner[k]
    sums.inner[a] = (inner, suffix)


def _cross_rows(sums: _Label, count: int) -> None:
    """``C[a][b] = sum over units of a, inner gaps g >= l of b: l^2 (g - l + 1)``, for articles
    a with units (rows) and every article b; and each article's unit powers for edge gaps."""
    every = sorted({ln for lengths in sums.lengths.values() for ln in lengths})
    sums.every = every
    where = {ln: k for k, ln in enumerate(every)}
    for a, lengths in sums.lengths.items():
        sums.powers[a] = [(where[ln], k * ln * ln, k * ln ** 3) for ln, k in lengths.items()]
    # H[b][l] = sum over inner gaps g >= l of b of (g - l + 1), for every unit length l
    fit: dict[int, dict[int, int]] = {}
    for b, (gaps, suffix) in sums.inner.items():
        if gaps:
            fit[b] = {ln: suffix[k] - (ln - 1) * (len(gaps) - k)
                      for ln in every for k in (bisect_left(gaps, ln),)}
    for a, lengths in sums.lengths.items():
        weights = [(ln * ln * k, ln) for ln, k in lengths.items()]
        row = [0] * count
        for b, h in fit.items():
            row[b] = sum(w * h[ln] for w, ln in weights)
        sums.cross[a] = row
