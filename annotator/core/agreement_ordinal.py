"""Agreement on ordered categories: Krippendorff's alpha with the ordinal metric, and Cohen's
kappa with quadratic weights.

A separate module from :mod:`annotator.core.agreement` (the nominal measures) only to keep each
file short; the conventions are the same: one row per coder and one column per unit, ``None``
(or NaN) for a missing value, exact rational arithmetic converted to ``float`` once at the end,
and an undefined coefficient is ``Agreement(value=None, reason=...)``, never NaN or an error.

The order of the categories is given by ``order`` (e.g. a variable's options, lowest first).
Without it the values present are sorted, which is what the ``krippendorff`` package and
``sklearn.metrics.cohen_kappa_score`` do. A value not in ``order`` is a programming error
(``ValueError``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from fractions import Fraction

from annotator.core import measure_notes as notes
from annotator.core.agreement import (
    Agreement,
    Patterns,
    _is_missing,
    _patterns,
)

__all__ = [
    "cohen_kappa_quadratic",
    "cohen_kappa_quadratic_of",
    "krippendorff_alpha_ordinal",
]

Data = Sequence[Sequence[Hashable | None]] | Patterns


def _positions(
    order: Sequence[Hashable] | None, present: Iterable[Hashable]
) -> dict[Hashable, int]:
    """value -> position in the order (0 = lowest); every present value must have one."""
    present = set(present)
    if order is None:
        try:
            order = sorted(present)
        except TypeError:
            raise ValueError("values of different kinds cannot be ordered: pass `order`") from None
    positions: dict[Hashable, int] = {}
    for k, value in enumerate(order):
        positions.setdefault(value, k)
    unknown = [v for v in present if v not in positions]
    if unknown:
        raise ValueError(f"value {unknown[0]!r} is not in the order {list(order)!r}")
    return positions


def krippendorff_alpha_ordinal(data: Data, order: Sequence[Hashable] | None = None) -> Agreement:
    """Krippendorff's alpha with the ordinal difference function (Krippendorff 2011, "Computing
    Krippendorff's Alpha-Reliability", sec. E; 2004 ch. 11), missing values allowed.

    With ``n_g`` the number of pairable values of category ``g`` (the coincidence matrix's
    marginals) and categories ranked by ``order``, the squared difference of ``c <= k`` is::

        delta^2_ck = (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2

    so it depends on how often the categories between ``c`` and ``k`` are used, not on any
    numeric distance. Then, as for the nominal metric (units with fewer than two values are not
    pairable and dropped; unit ``u`` has ``m_u`` values, ``n_uc`` of them ``c``)::

        D_o = 1/n  sum_u sum_{c != k} n_uc n_uk delta^2_ck / (m_u - 1)
        D_e = 1/(n (n - 1))  sum_{c != k} n_c n_k delta^2_ck
        alpha = 1 - D_o / D_e

    As ``krippendorff.alpha(..., level_of_measurement="ordinal")``. ``4 delta^2`` is an integer,
    so everything is summed exactly. ``observed`` is the share of agreeing value pairs within
    units (``1 - D_o`` of the nominal metric): the ordinal ``D_o`` is in squared counts and has
    no fixed scale. Undefined when no unit is pairable or one category only is used.
    """
    n_rows, n_cols, patterns = _patterns(data)
    if n_rows == 0:
        return Agreement(None, None, 0, 0, notes.NO_CODERS)
    pair_sums: dict[int, Counter] = {}  # m -> (c, k) with c < k by position -> sum n_uc n_uk
    equal_sums: dict[int, int] = {}  # m -> sum over units of sum_c n_uc (n_uc - 1): agreeing pairs
    totals: Counter = Counter()
    n_values = n_units = 0
    coders_seen: set[int] = set()
    pairable = []
    for pattern, count in patterns.items():
        present = [v for v in pattern if not _is_missing(v)]
        if len(present) >= 2:
            pairable.append((pattern, present, count))
    positions = _positions(order, (v for _, present, _ in pairable for v in present))
    for pattern, present, count in pairable:
        m = len(present)
        n_units += count
        n_values += m * count
        if len(coders_seen) < n_rows:
            coders_seen.update(i for i, v in enumerate(pattern) if not _is_missing(v))
        within = sorted(Counter(present).items(), key=lambda item: positions[item[0]])
        sums = pair_sums.setdefault(m, Counter())
        for x, (c, n_c) in enumerate(within):
            totals[c] += n_c * count
            equal_sums[m] = equal_sums.get(m, 0) + n_c * (n_c - 1) * count
            for k, n_k in within[x + 1:]:
                sums[(c, k)] += n_c * n_k * count
    dropped = n_cols - n_units
    note = notes.write(notes.DROPPED_SINGLE, n=dropped) if dropped else ""
    if n_units == 0:
        why = notes.NO_PAIRABLE_UNIT
        return Agreement(None, None, 0, 0, why if n_cols else notes.NO_UNITS)
    agreeing = sum((Fraction(s, m - 1) for m, s in equal_sums.items()), Fraction(0))
    observed = float(agreeing / n_values)
    ranked = sorted(totals, key=positions.__getitem__)
    cumulative = [0]
    for c in ranked:
        cumulative.append(cumulative[-1] + totals[c])
    rank = {c: x for x, c in enumerate(ranked)}

    def four_delta_squared(c: Hashable, k: Hashable) -> int:  # c before k
        between = cumulative[rank[k] + 1] - cumulative[rank[c]]  # n_c + ... + n_k
        return (2 * between - totals[c] - totals[k]) ** 2

    disagreement = sum(
        (Fraction(sum(s * four_delta_squared(c, k) for (c, k), s in sums.items()), m - 1)
         for m, sums in pair_sums.items()),
        Fraction(0),
    )
    expected = sum(
        totals[c] * totals[k] * four_delta_squared(c, k)
        for x, c in enumerate(ranked) for k in ranked[x + 1:]
    )
    if expected == 0:
        reason = notes.ONE_CATEGORY
        return Agreement(None, observed, n_units, len(coders_seen), notes.join(reason, note))
    value = 1 - (n_values - 1) * disagreement / expected
    return Agreement(float(value), observed, n_units, len(coders_seen), note)


def cohen_kappa_quadratic(
    a: Sequence[Hashable | None], b: Sequence[Hashable | None],
    order: Sequence[Hashable] | None = None,
) -> Agreement:
    """Cohen's (1968) weighted kappa with quadratic weights, for two coders on ordered categories.

    With ``w_ij = (i - j)^2`` for categories at positions ``i`` and ``j`` of ``order``, observed
    counts ``O_ij`` over the ``N`` units both coded and each coder's own totals ``a_i``, ``b_j``::

        kappa_w = 1 - N sum_ij w_ij O_ij / sum_ij w_ij a_i b_j

    As ``sklearn.metrics.cohen_kappa_score(weights="quadratic")``, whose ``labels`` are the
    positions. Positions come from the full ``order`` (an option nobody chose still spaces the
    others), so pass the variable's options. Units missing either value are dropped.
    ``observed`` is ``P_o``, the share of exact agreement. Undefined when no unit has both values
    or both coders used one and the same category.
    """
    if len(a) != len(b):
        raise ValueError(f"both coders need one value per unit: {len(a)} != {len(b)}")
    return _quadratic(Counter(zip(a, b)), len(a), order)


def cohen_kappa_quadratic_of(
    patterns: Patterns, i: int, j: int, order: Sequence[Hashable] | None = None
) -> Agreement:
    """Quadratic-weighted kappa of coders (rows) ``i`` and ``j`` of already counted data."""
    return _quadratic(patterns.pair(i, j), patterns.n_units, order)


def _quadratic(pairs: Counter, length: int, order: Sequence[Hashable] | None) -> Agreement:
    kept = {(x, y): n for (x, y), n in pairs.items() if not (_is_missing(x) or _is_missing(y))}
    n_units = sum(kept.values())
    dropped = length - n_units
    note = notes.write(notes.DROPPED_MISSING, n=dropped) if dropped else ""
    if n_units == 0:
        why = notes.NO_UNIT_BY_BOTH
        return Agreement(None, None, 0, 0, why if length else notes.NO_UNITS)
    position = _positions(order, (v for pair in kept for v in pair))
    total_a: Counter = Counter()
    total_b: Counter = Counter()
    weighted_observed = agree = 0
    for (x, y), n in kept.items():
        total_a[position[x]] += n
        total_b[position[y]] += n
        weighted_observed += (position[x] - position[y]) ** 2 * n
        agree += n if x == y else 0
    weighted_chance = sum(
        (p - q) ** 2 * n_a * n_b for p, n_a in total_a.items() for q, n_b in total_b.items()
    )
    p_o = float(Fraction(agree, n_units))
    if weighted_chance == 0:
        reason = notes.ONE_CATEGORY_WEIGHTED
        return Agreement(None, p_o, n_units, 2, notes.join(reason, note))
    value = 1 - Fraction(n_units * weighted_observed, weighted_chance)
    return Agreement(float(value), p_o, n_units, 2, note)
