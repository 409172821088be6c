"""Inter-annotator agreement: pure functions, no database, usable from a notebook.

Every coefficient is computed from integer counts with exact rational arithmetic
(:class:`fractions.Fraction`) and converted to ``float`` once at the end, so the published value
is the correctly rounded value of the textbook formula, whatever the size of the study.

Input conventions
-----------------
* Coding data (``krippendorff_alpha``, ``fleiss_kappa``) is one row per coder and one column per
  unit; ``None`` marks a missing value (a float NaN, as numpy/pandas write it, is treated as
  missing too). Values are compared with Python equality, so ``1``, ``1.0`` and ``True`` are the
  same category.
* Spans are half-open ``(start, end)`` offsets, ``start < end``.

Malformed input (rows of different lengths, a span outside the continuum, an unknown mode) is a
programming error and raises ``ValueError``. A coefficient that is *undefined* for well-formed data
(one category only, one coder, nothing to compare) never raises and is never NaN: its ``value`` is
``None`` and ``reason`` says why.

``annotator.core`` never imports Qt, and this module does not import numpy: it is pure Python.
Its speed comes from counting distinct unit patterns in C (``Counter(zip(*rows))``) and doing the
arithmetic once per distinct pattern.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from annotator.core import measure_notes as notes

__all__ = [
    "Agreement",
    "SpanF1",
    "cohen_kappa",
    "fleiss_kappa",
    "krippendorff_alpha",
    "span_f1",
    "unitizing_alpha",
]

OVERALL = "*"


@dataclass(frozen=True)
class Agreement:
    """One agreement coefficient and what it was computed from.

    ``value`` is None when the coefficient is undefined (``reason`` says why); it is never NaN.
    ``observed`` is the observed agreement: ``1 - D_o`` for the alphas, ``P_o`` (Cohen) or
    ``P-bar`` (Fleiss) for the kappas. For unitizing alpha ``D_o`` is not bounded by 1, so its
    ``observed`` can be negative. ``n_units`` counts the units actually used (pairable units for
    alpha, complete units for Fleiss, units after merging for unitizing alpha) and ``n_coders`` the
    coders contributing at least one value to them. ``reason`` also carries notes (e.g. how many
    units were dropped) when the value is defined.
    """

    value: float | None
    observed: float | None
    n_units: int
    n_coders: int
    reason: str = ""


@dataclass(frozen=True)
class SpanF1:
    """Span matching between a reference ``a`` and a prediction ``b``.

    ``precision = matched / n_b`` (None when ``b`` is empty), ``recall = matched / n_a`` (None when
    ``a`` is empty) and ``f1 = 2 * matched / (n_a + n_b)``, which equals the harmonic mean of
    precision and recall whenever both are defined and is 0 when exactly one side is empty.
    ``f1`` is None only when both sides are empty; ``reason`` then says so.
    """

    precision: float | None
    recall: float | None
    f1: float | None
    matched: int
    n_a: int
    n_b: int
    reason: str = ""


# ---------------------------------------------------------------------------------------------
# Coding data


def _is_missing(value: Any) -> bool:
    # ``value != value`` is True only for NaN-like values (float('nan'), numpy.nan).
    return value is None or value != value


@dataclass(frozen=True)
class Patterns:
    """Coding data counted once: how often each unit value-pattern occurs.

    Every measure here depends only on these counts, so a report that computes alpha, Fleiss'
    kappa and all pairwise Cohen's kappas on the same data counts its units once:
    ``p = Patterns.of(data); krippendorff_alpha(p); fleiss_kappa(p); cohen_kappa_of(p, 0, 1)``.
    """

    n_coders: int
    n_units: int
    counts: Counter

    @classmethod
    def of(cls, data: Sequence[Sequence[Hashable | None]]) -> Patterns:
        return cls(*_patterns(data))

    def pair(self, i: int, j: int) -> Counter:
        """Counts of (coder i's value, coder j's value) over the units."""
        pairs: Counter = Counter()
        for pattern, count in self.counts.items():
            pairs[(pattern[i], pattern[j])] += count
        return pairs


def _patterns(data: Sequence[Sequence[Hashable | None]] | Patterns) -> tuple[int, int, Counter]:
    """(coders, units, Counter of unit value-patterns); rows of unequal length are an error."""
    if isinstance(data, Patterns):
        return data.n_coders, data.n_units, data.counts
    rows = list(data)
    if not rows:
        return 0, 0, Counter()
    n_units = len(rows[0])
    for i, row in enumerate(rows):
        if len(row) != n_units:
            raise ValueError(
                f"every coder needs one value per unit: row 0 has {n_units} values, row {i} has {len(row)}"
            )
    # The coefficients depend only on how often each column pattern occurs: count them in C.
    return len(rows), n_units, Counter(zip(*rows))


def krippendorff_alpha(data: Sequence[Sequence[Hashable | None]] | Patterns) -> Agreement:
    """Krippendorff's alpha for nominal data with missing values (Krippendorff 2011, 2004 ch. 11).

    ``data`` has one row per coder and one column per unit; ``None`` is a missing value. Units with
    fewer than two values are not pairable and are dropped. From the coincidence matrix ``o_ck``
    (each pairable unit ``u`` with ``m_u`` values adds ``n_uc * (n_uk - [c == k]) / (m_u - 1)``),
    ``n`` pairable values and category totals ``n_c``::

        D_o = sum_{c != k} o_ck / n        D_e = sum_{c != k} n_c n_k / (n (n - 1))
        alpha = 1 - D_o / D_e

    This is the same definition as the ``krippendorff`` package with
    ``level_of_measurement="nominal"``. The coincidences are summed once per distinct unit pattern
    (with its count), which is what makes 1,000,000 units fast in pure Python. Undefined when no
    unit is pairable, or only one category occurs among the pairable values (``D_e = 0``).
    """
    n_rows, n_cols, patterns = _patterns(data)
    if n_rows == 0:
        return Agreement(None, None, 0, 0, notes.NO_CODERS)
    # disagreeing ordered value pairs within units, grouped by the unit's number of values m:
    # each unit of m values contributes (m^2 - sum_c n_uc^2) / (m - 1) to n * D_o.
    disagreeing_by_m: dict[int, int] = {}
    totals: dict[Any, int] = {}  # n_c over pairable values
    n_values = 0
    n_units = 0
    coders_seen: set[int] = set()
    for pattern, count in patterns.items():
        present = [v for v in pattern if not _is_missing(v)]
        m = len(present)
        if m < 2:
            continue
        n_units += count
        n_values += m * count
        if len(coders_seen) < n_rows:
            coders_seen.update(i for i, v in enumerate(pattern) if not _is_missing(v))
        within = Counter(present)
        for value, k in within.items():
            totals[value] = totals.get(value, 0) + k * count
        squares = sum(k * k for k in within.values())
        disagreeing_by_m[m] = disagreeing_by_m.get(m, 0) + (m * m - squares) * count
    dropped = n_cols - n_units
    note = notes.write(notes.DROPPED_SINGLE, n=dropped) if dropped else ""
    if n_units == 0:
        why = notes.NO_PAIRABLE_UNIT
        return Agreement(None, None, 0, 0, why if n_cols else notes.NO_UNITS)
    observed_disagreement = sum(
        (Fraction(d, m - 1) for m, d in disagreeing_by_m.items()), Fraction(0)
    ) / n_values
    expected_pairs = n_values * n_values - sum(t * t for t in totals.values())
    observed = float(1 - observed_disagreement)
    if expected_pairs == 0:
        reason = notes.ONE_CATEGORY
        return Agreement(None, observed, n_units, len(coders_seen), notes.join(reason, note))
    expected_disagreement = Fraction(expected_pairs, n_values * (n_values - 1))
    value = 1 - observed_disagreement / expected_disagreement
    return Agreement(float(value), observed, n_units, len(coders_seen), note)


def fleiss_kappa(data: Sequence[Sequence[Hashable | None]] | Patterns) -> Agreement:
    """Fleiss' kappa (Fleiss 1971) for several coders and nominal categories.

    Fleiss' formula assumes the same number of ratings on every unit, so only *complete* units
    (every coder, i.e. every row, has a value) are used; ``reason`` notes how many were dropped.
    With ``N`` complete units, ``n`` coders and ``n_ij`` ratings of category ``j`` on unit ``i``::

        P_i = (sum_j n_ij^2 - n) / (n (n - 1))     P-bar = mean_i P_i
        p_j = sum_i n_ij / (N n)                   P_e = sum_j p_j^2
        kappa = (P-bar - P_e) / (1 - P_e)

    (``statsmodels.stats.inter_rater.fleiss_kappa`` with ``method="fleiss"``.) Undefined with
    fewer than two coders, no complete unit, or ``P_e = 1`` (a single category).
    """
    n_rows, n_cols, patterns = _patterns(data)
    if n_rows < 2:
        return Agreement(None, None, 0, 0, notes.FEWER_THAN_TWO_CODERS if n_rows else notes.NO_CODERS)
    totals: dict[Any, int] = {}
    squares = 0  # sum_i sum_j n_ij^2
    n_units = 0
    for pattern, count in patterns.items():
        if any(_is_missing(v) for v in pattern):
            continue
        n_units += count
        within = Counter(pattern)
        for value, k in within.items():
            totals[value] = totals.get(value, 0) + k * count
        squares += sum(k * k for k in within.values()) * count
    dropped = n_cols - n_units
    note = notes.write(notes.DROPPED_INCOMPLETE, n=dropped) if dropped else ""
    if n_units == 0:
        why = notes.NO_COMPLETE_UNIT
        return Agreement(None, None, 0, 0, why if n_cols else notes.NO_UNITS)
    n = n_rows
    ratings = n_units * n
    p_bar = Fraction(squares - ratings, ratings * (n - 1))
    p_e = Fraction(sum(t * t for t in totals.values()), ratings * ratings)
    if p_e == 1:
        reason = notes.ONE_CATEGORY_KAPPA
        return Agreement(None, float(p_bar), n_units, n, notes.join(reason, note))
    return Agreement(float((p_bar - p_e) / (1 - p_e)), float(p_bar), n_units, n, note)


def cohen_kappa(a: Sequence[Hashable | None], b: Sequence[Hashable | None]) -> Agreement:
    """Cohen's (1960) kappa for two coders: ``(P_o - P_e) / (1 - P_e)``, each coder's own marginals.

    ``P_e = sum_c p_a(c) p_b(c)`` (as ``sklearn.metrics.cohen_kappa_score``). Units where either
    value is missing are dropped. Sequences of different lengths are a programming error
    (``ValueError``). Undefined when no unit has both values, or ``P_e = 1`` (both coders used
    the same single category).
    """
    if len(a) != len(b):
        raise ValueError(f"both coders need one value per unit: {len(a)} != {len(b)}")
    return _cohen(Counter(zip(a, b)), len(a))


def cohen_kappa_of(patterns: Patterns, i: int, j: int) -> Agreement:
    """Cohen's kappa of coders (rows) ``i`` and ``j`` of already counted data."""
    return _cohen(patterns.pair(i, j), patterns.n_units)


def _cohen(pairs: Counter, length: int) -> Agreement:
    agree = 0
    n_units = 0
    total_a: dict[Any, int] = {}
    total_b: dict[Any, int] = {}
    for (x, y), count in pairs.items():
        if _is_missing(x) or _is_missing(y):
            continue
        n_units += count
        if x == y:
            agree += count
        total_a[x] = total_a.get(x, 0) + count
        total_b[y] = total_b.get(y, 0) + count
    dropped = length - n_units
    note = notes.write(notes.DROPPED_MISSING, n=dropped) if dropped else ""
    if n_units == 0:
        why = notes.NO_UNIT_BY_BOTH
        return Agreement(None, None, 0, 0, why if length else notes.NO_UNITS)
    chance = sum(t * total_b.get(c, 0) for c, t in total_a.items())  # N^2 * P_e
    p_o = Fraction(agree, n_units)
    square = n_units * n_units
    if chance == square:
        reason = notes.ONE_CATEGORY_KAPPA
        return Agreement(None, float(p_o), n_units, 2, notes.join(reason, note))
    value = Fraction(agree * n_units - chance, square - chance)
    return Agreement(float(value), float(p_o), n_units, 2, note)


# ---------------------------------------------------------------------------------------------
# Unitizing alpha


def _merge(spans: Iterable[tuple[int, int]]) -> tuple[list[tuple[int, int]], int]:
    """Union of overlapping spans (sorted); adjacent spans stay separate units. (+ merged count)."""
    merged: list[tuple[int, int]] = []
    absorbed = 0
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            absorbed += 1
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged, absorbed


def _sections(units: list[tuple[int, int]], length: int) -> list[tuple[int, int, bool]]:
    """A coder's continuum as consecutive sections ``(start, end, is_unit)``: units and gaps."""
    sections: list[tuple[int, int, bool]] = []
    pos = 0
    for start, end in units:
        if start > pos:
            sections.append((pos, start, False))
        sections.append((start, end, True))
        pos = end
    if pos < length:
        sections.append((pos, length, False))
    return sections


def _pair_disagreement(s1: list[tuple[int, int, bool]], s2: list[tuple[int, int, bool]]) -> int:
    """Sum of the section distances of two coders over every pair of overlapping sections.

    Two units: ``(begin1 - begin2)^2 + (end1 - end2)^2``. A unit and a gap: the unit's squared
    length if the gap contains the whole unit, else 0. Two gaps: 0. (Krippendorff 1995; DKPro's
    ``KrippendorffAlphaUnitizingAgreement.measureDistance``.)
    """
    i = j = 0
    total = 0
    n1, n2 = len(s1), len(s2)
    while i < n1 and j < n2:
        b1, e1, u1 = s1[i]
        b2, e2, u2 = s2[j]
        if u1:
            if u2:
                total += (b1 - b2) ** 2 + (e1 - e2) ** 2
            elif b2 <= b1 and e1 <= e2:
                total += (e1 - b1) ** 2
        elif u2 and b1 <= b2 and e2 <= e1:
            total += (e2 - b2) ** 2
        if e1 <= e2:
            i += 1
        if e2 <= e1:
            j += 1
    return total


def _unitizing_disagreements(
    spans: Mapping[str, Sequence[tuple[int, int, Hashable]]], length: int
) -> tuple[dict[Hashable, tuple[Fraction, Fraction | None, int, int]], int]:
    """Per label: (D_o, D_e or None if L or R make it undefined, units, merged spans); coders.

    Exact fractions; see :func:`unitizing_alpha` for the definition.
    """
    if length < 0:
        raise ValueError(f"the continuum length must be >= 0, not {length}")
    coders = list(spans)
    by_label: dict[Hashable, list[list[tuple[int, int]]]] = {}
    for index, coder in enumerate(coders):
        for item in spans[coder]:
            start, end, label = item
            if not (0 <= start < end <= length):
                raise ValueError(
                    f"span {item!r} of coder {coder!r} is empty or outside the continuum [0, {length})"
                )
            if label == OVERALL:
                raise ValueError(f"{OVERALL!r} is reserved for the overall value; rename the label")
            by_label.setdefault(label, [[] for _ in coders])[index].append((start, end))
    r = len(coders)
    out: dict[Hashable, tuple[Fraction, Fraction | None, int, int]] = {}
    for label, per_coder in by_label.items():
        merged_units = []
        merged_count = 0
        for units in per_coder:
            merged, absorbed = _merge(units)
            merged_units.append(merged)
            merged_count += absorbed
        n_units = sum(len(u) for u in merged_units)
        if r < 2 or length == 0:
            out[label] = (Fraction(0), None, n_units, merged_count)
            continue
        sections = [_sections(units, length) for units in merged_units]
        # Observed: D_o = sum_{i != j} sum_{g, h} delta^2(g, h) / (m (m - 1) L^2).
        observed_sum = 0
        for i in range(r):
            for j in range(i + 1, r):
                observed_sum += _pair_disagreement(sections[i], sections[j])
        d_o = Fraction(2 * observed_sum, r * (r - 1) * length * length)
        # Expected (Krippendorff 2004 sec. 12.4, as DKPro computes it), N_c units of label c,
        # gaps g of every coder:
        # D_e = 2/L * sum_units [(N_c - 1) l(l-1)(2l-1)/3 + l^2 sum_{g >= l} (g - l + 1)]
        #       / (m L (m L - 1) - sum_units l (l - 1))
        gaps = sorted(e - b for secs in sections for b, e, is_unit in secs if not is_unit)
        suffix = [0] * (len(gaps) + 1)  # suffix[k] = sum(gaps[k:])
        for k in range(len(gaps) - 1, -1, -1):
            suffix[k] = suffix[k + 1] + gaps[k]
        lengths = [e - b for units in merged_units for b, e in units]
        n_c = len(lengths)
        expected_sum = 0
        for ln in lengths:
            k = bisect_left(gaps, ln)
            fitting = len(gaps) - k
            expected_sum += (n_c - 1) * (ln * (ln - 1) * (2 * ln - 1) // 3)
            expected_sum += ln * ln * (suffix[k] - (ln - 1) * fitting)
        squared = sum(ln * (ln - 1) for ln in lengths)
        rl = r * length
        d_e = Fraction(2 * expected_sum, length * (rl * (rl - 1) - squared))
        out[label] = (d_o, d_e, n_units, merged_count)
    return out, r


def unitizing_alpha(
    spans: Mapping[str, Sequence[tuple[int, int, str]]], length: int
) -> dict[str, Agreement]:
    """Krippendorff's unitizing alpha (u-alpha) per label over the continuum ``[0, length)``.

    Definition of Krippendorff (1995, "On the reliability of unitizing continuous data") and
    Krippendorff (2004, *Content Analysis*, 2nd ed., sec. 12.4), exactly as DKPro Agreement's
    ``KrippendorffAlphaUnitizingAgreement`` (used by INCEpTION) computes it. ``spans`` maps each
    coder to half-open ``(start, end, label)`` spans; a coder with no span of a label still
    counts (their whole continuum is one gap: "nothing here"), so ``n_coders`` is ``len(spans)``.

    Per label, each coder's continuum is cut into sections: their units of that label and the gaps
    between them. ``D_o`` sums over all coder pairs the squared differences of overlapping
    sections (two units: squared begin and end differences; a unit inside the other coder's gap:
    the unit's squared length; otherwise 0), divided by ``m (m - 1) L^2``. ``D_e`` is
    Krippendorff's expected disagreement over all unitizations with the observed units and gaps,
    ``alpha = 1 - D_o / D_e``. The ``"*"`` entry is the overall value as DKPro computes it:
    ``1 - mean_c D_o(c) / mean_c D_e(c)`` over the labels that occur.

    Overlapping spans of one label by one coder are merged first (their union is one unit; the
    definition needs a coder's units of a label not to overlap) and ``reason`` notes it; spans
    that merely touch stay separate units, as in Krippendorff's examples. Undefined (``None``)
    with fewer than two coders, a zero-length continuum, or ``D_e = 0`` (e.g. no unit at all).
    """
    per_label, r = _unitizing_disagreements(spans, length)
    results: dict[str, Agreement] = {}
    if r < 2:
        general = notes.FEWER_THAN_TWO_CODERS if r else notes.NO_CODERS
    elif length == 0:
        general = notes.ZERO_LENGTH
    else:
        general = ""
    for label, (d_o, d_e, n_units, merged) in per_label.items():
        note = notes.write(notes.MERGED, n=merged) if merged else ""
        results[label] = _alpha_from(d_o, d_e, n_units, r, general, note)
    if not per_label:
        results[OVERALL] = Agreement(None, None, 0, r, general or notes.NO_UNITS_OF_ANY_LABEL)
        return results
    merged_total = sum(m for *_, m in per_label.values())
    note = notes.write(notes.MERGED, n=merged_total) if merged_total else ""
    n_units = sum(n for _, _, n, _ in per_label.values())
    if general:
        results[OVERALL] = Agreement(None, None, n_units, r, notes.join(general, note))
    else:
        count = len(per_label)
        d_o = sum((v[0] for v in per_label.values()), Fraction(0)) / count
        d_e = sum((v[1] for v in per_label.values()), Fraction(0)) / count
        results[OVERALL] = _alpha_from(d_o, d_e, n_units, r, "", note)
    return results


def _alpha_from(
    d_o: Fraction, d_e: Fraction | None, n_units: int, coders: int, general: str, note: str
) -> Agreement:
    if general or d_e is None:
        return Agreement(None, None, n_units, coders, notes.join(general or notes.UNDEFINED, note))
    observed = float(1 - d_o)
    if d_e == 0:
        reason = notes.NOTHING_TO_PLACE
        return Agreement(None, observed, n_units, coders, notes.join(reason, note))
    return Agreement(float(1 - d_o / d_e), observed, n_units, coders, note)


# ---------------------------------------------------------------------------------------------
# Span F1


def _check_spans(spans: Sequence[tuple[int, int]], name: str) -> list[tuple[int, int]]:
    out = []
    for span in spans:
        start, end = span
        if not start < end:
            raise ValueError(f"span {span!r} in {name} is empty or reversed (need start < end)")
        out.append((start, end))
    return out


def _maximum_matching(adjacency: list[list[int]], n_right: int) -> int:
    """Size of a maximum bipartite matching (Hopcroft-Karp, iterative: no recursion limit)."""
    n_left = len(adjacency)
    match_left = [-1] * n_left
    match_right = [-1] * n_right
    infinity = n_left + 1
    size = 0
    while True:
        # BFS: layer the free left vertices and alternating paths from them.
        dist = [infinity] * n_left
        queue = [u for u in range(n_left) if match_left[u] == -1]
        for u in queue:
            dist[u] = 0
        found = False
        for u in queue:  # the list grows while iterating: a FIFO queue
            for v in adjacency[u]:
                w = match_right[v]
                if w == -1:
                    found = True
                elif dist[w] == infinity:
                    dist[w] = dist[u] + 1
                    queue.append(w)
        if not found:
            return size
        # DFS: vertex-disjoint shortest augmenting paths along the layers.
        pointer = [0] * n_left
        for root in range(n_left):
            if match_left[root] != -1:
                continue
            stack = [root]
            via: list[int] = []  # via[k]: right vertex by which stack[k] continues
            while stack:
                x = stack[-1]
                if pointer[x] == len(adjacency[x]):
                    dist[x] = infinity  # dead end for this phase
                    stack.pop()
                    if via:
                        via.pop()
                    continue
                v = adjacency[x][pointer[x]]
                pointer[x] += 1
                w = match_right[v]
                if w == -1:
                    via.append(v)
                    for left, right in zip(stack, via):
                        match_left[left] = right
                        match_right[right] = left
                    size += 1
                    break
                if dist[w] == dist[x] + 1:
                    via.append(v)
                    stack.append(w)


def span_f1(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]], mode: str) -> SpanF1:
    """Precision, recall and F1 of spans ``b`` (prediction) against ``a`` (reference).

    ``mode="exact"``: a pair matches when start and end are both equal. ``mode="overlap"``: when
    the half-open spans share at least one position. Matching is one-to-one (each span is matched
    at most once) and maximum: for overlap, the number of matched pairs is the size of a maximum
    bipartite matching (Hopcroft-Karp), so one long span against two short ones inside it is one
    match, not two. F1 is symmetric in ``a`` and ``b``.
    """
    if mode not in ("exact", "overlap"):
        raise ValueError(f"mode must be 'exact' or 'overlap', not {mode!r}")
    ref = _check_spans(a, "a")
    pred = _check_spans(b, "b")
    n_a, n_b = len(ref), len(pred)
    if mode == "exact":
        count_b = Counter(pred)
        matched = sum(min(k, count_b[span]) for span, k in Counter(ref).items())
    else:
        order = sorted(range(n_b), key=lambda k: pred[k][0])
        starts = [pred[k][0] for k in order]
        adjacency = []
        for start, end in ref:
            stop = bisect_left(starts, end)  # predictions starting before this span ends
            adjacency.append([order[k] for k in range(stop) if pred[order[k]][1] > start])
        matched = _maximum_matching(adjacency, n_b)
    if n_a == 0 and n_b == 0:
        return SpanF1(None, None, None, 0, 0, 0, notes.BOTH_EMPTY)
    precision = matched / n_b if n_b else None
    recall = matched / n_a if n_a else None
    reason = "" if n_a and n_b else (notes.NO_REFERENCE_SPANS if n_b else notes.NO_PREDICTED_SPANS)
    return SpanF1(precision, recall, 2 * matched / (n_a + n_b), matched, n_a, n_b, reason)

