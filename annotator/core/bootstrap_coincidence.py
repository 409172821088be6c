"""Krippendorff's alpha (nominal and ordinal) of a resample of articles, from per-article sums.

Alpha depends on the data only through the coincidence matrix ``o_ck`` (summed over units) and
its marginals ``n_c``. Units never span two articles, so the matrix of a set of articles is the
sum of the articles' own matrices, and the matrix of a bootstrap resample (articles drawn with
replacement) is the sum of the drawn articles' matrices. Each article is counted once here;
a resample then only adds a few numbers per article (for binary token values: ``n_0``, ``n_1``
and ``o_01``), whatever the number of tokens.

``n_c`` are integers and kept exact, so "undefined" (one category only: ``D_e = 0``) is decided
exactly; the off-diagonal ``o_ck`` are rationals, each article's rounded once to a float.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from fractions import Fraction

from annotator.core.agreement import _is_missing


class CoincidenceAlpha:
    """One alpha (one label or code at one level), ready to be recomputed on resamples.

    ``per_article[a]`` is article ``a``'s coding data: one row per coder, one column per unit
    of that article (an article that is one unit has rows of length one). ``order`` (ordinal
    only) ranks the categories, lowest first, as :func:`krippendorff_alpha_ordinal` does.
    """

    def __init__(
        self, per_article: Sequence[Sequence[Sequence[Hashable | None]]],
        ordinal: bool = False, order: Sequence[Hashable] | None = None,
    ) -> None:
        self.ordinal = ordinal
        counted = [_article_sums(rows) for rows in per_article]
        categories: dict[Hashable, None] = {}
        for totals, _ in counted:
            categories.update(dict.fromkeys(totals))
        cats = list(categories)
        if ordinal:
            cats = _ranked(cats, order)
        index = {c: k for k, c in enumerate(cats)}
        self.n_categories = len(cats)
        # column per category total and per off-diagonal pair (c < k), one entry per article
        self.totals = [[0] * len(counted) for _ in cats]
        pairs = sorted({(min(index[c], index[k]), max(index[c], index[k]))
                        for _, off in counted for c, k in off})
        self.pairs = pairs
        self.off = [[0.0] * len(counted) for _ in pairs]
        where = {p: e for e, p in enumerate(pairs)}
        for a, (totals, off) in enumerate(counted):
            for c, n in totals.items():
                self.totals[index[c]][a] = n
            for (c, k), o in off.items():
                i, j = sorted((index[c], index[k]))
                self.off[where[(i, j)]][a] += o

    def value(self, idx: Sequence[int]) -> float | None:
        """Alpha of the articles ``idx`` (positions, repeats allowed); None when undefined."""
        n_c = [sum(map(col.__getitem__, idx)) for col in self.totals]
        n = sum(n_c)
        if n == 0:
            return None
        o = [sum(map(col.__getitem__, idx)) for col in self.off]
        if not self.ordinal:
            expected = n * n - sum(t * t for t in n_c)
            if expected == 0:
                return None
            return 1 - (n - 1) * 2 * sum(o) / expected
        cumulative = [0]
        for t in n_c:
            cumulative.append(cumulative[-1] + t)

        def four_delta_squared(c: int, k: int) -> int:  # c < k
            return (2 * (cumulative[k + 1] - cumulative[c]) - n_c[c] - n_c[k]) ** 2

        expected = sum(n_c[c] * n_c[k] * four_delta_squared(c, k)
                       for c in range(len(n_c)) for k in range(c + 1, len(n_c)))
        if expected == 0:
            return None
        observed = sum(v * four_delta_squared(c, k) for (c, k), v in zip(self.pairs, o))
        return 1 - (n - 1) * observed / expected


def _article_sums(
    rows: Sequence[Sequence[Hashable | None]],
) -> tuple[dict[Hashable, int], dict[tuple[Hashable, Hashable], float]]:
    """An article's pairable value counts ``n_c`` and its off-diagonal coincidences
    ``o_ck = sum_u n_uc n_uk / (m_u - 1)`` (each unordered pair once)."""
    totals: dict[Hashable, int] = {}
    by_m: dict[tuple[Hashable, Hashable], dict[int, int]] = {}
    if not rows:
        return totals, {}
    for pattern, count in Counter(zip(*rows)).items():
        present = [v for v in pattern if not _is_missing(v)]
        m = len(present)
        if m < 2:
            continue
        within = list(Counter(present).items())
        for x, (c, n) in enumerate(within):
            totals[c] = totals.get(c, 0) + n * count
            for k, n_k in within[x + 1:]:
                sums = by_m.setdefault((c, k), {})
                sums[m] = sums.get(m, 0) + n * n_k * count
    off = {
        pair: float(sum((Fraction(s, m - 1) for m, s in sums.items()), Fraction(0)))
        for pair, sums in by_m.items()
    }
    return totals, off


def _ranked(categories: list[Hashable], order: Sequence[Hashable] | None) -> list[Hashable]:
    if order is None:
        try:
            return sorted(categories)
        except TypeError:
            raise ValueError("values of different kinds cannot be ordered: pass `order`") from None
    position: dict[Hashable, int] = {}
    for k, value in enumerate(order):
        position.setdefault(value, k)
    unknown = [c for c in categories if c not in position]
    if unknown:
        raise ValueError(f"value {unknown[0]!r} is not in the order {list(order)!r}")
    return sorted(categories, key=position.__getitem__)
