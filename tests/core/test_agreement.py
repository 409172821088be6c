"""Agreement coefficients: published worked examples, independent implementations, degenerate cases.

Sources of the worked examples:
- Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Reliability data of
  4 coders x 12 units with missing values, nominal alpha = 0.743.
- Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological
  Bulletin 76(5): 30 subjects, 6 raters, 5 diagnoses, kappa = 0.430 (table as in statsmodels'
  statsmodels/stats/tests/test_inter_rater.py, ``diagnoses``; 0.4302445 from R irr::kappam.fleiss).
- Wikipedia "Fleiss' kappa" worked example: 10 subjects, 14 raters, 5 categories, kappa = 0.210
  (also statsmodels' ``table1``).
- Wikipedia "Cohen's kappa" worked example: 50 proposals, yes/yes 20, yes/no 5, no/yes 10,
  no/no 15, kappa = 0.4.
- Krippendorff, K. (2004). Content Analysis, 2nd ed., p. 254 (unitizing alpha), and
  Krippendorff, K. (1995). On the reliability of unitizing continuous data. Sociological
  Methodology 25, p. 57, both as ported in DKPro Agreement's unit tests
  (dkpro-statistics-agreement/src/test/java/org/dkpro/statistics/agreement/unitizing/
  Krippendorff2004Test.java, Krippendorff1995Test.java, UnitizingAgreementTest.java), with
  DKPro's tolerances.
"""

from __future__ import annotations

import itertools
import math
import random
import subprocess
import sys
import warnings
from fractions import Fraction

import pytest

from annotator.core.agreement import (
    Agreement,
    SpanF1,
    _unitizing_disagreements,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    span_f1,
    unitizing_alpha,
)

_ = None  # a missing value, to keep the tables readable


def assert_undefined(result: Agreement) -> None:
    assert result.value is None
    assert result.reason.strip()
    for number in (result.value, result.observed):
        assert number is None or math.isfinite(number)


# --- published worked examples: coding ---------------------------------------------------------

KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]


def test_krippendorff_2011_reliability_data_nominal_alpha():
    result = krippendorff_alpha(KRIPPENDORFF_2011)
    assert round(result.value, 3) == 0.743
    # Exact (the paper's n = 40, n_c = 9, 13, 10, 5, 3): D_o = 8/40, D_e = 1216/1560.
    assert result.value == pytest.approx(float(1 - Fraction(39 * 8, 1216)), abs=1e-15)
    assert result.observed == pytest.approx(0.8, abs=1e-15)
    assert (result.n_units, result.n_coders) == (11, 4)  # unit 12 has one value: not pairable
    assert "1 unit" in result.reason


def test_krippendorff_alpha_accepts_any_hashable_labels():
    mapping = {1: "経済", 2: "政治", 3: "対立", 4: "人間", 5: "責任"}
    labelled = [[None if v is None else mapping[v] for v in row] for row in KRIPPENDORFF_2011]
    assert krippendorff_alpha(labelled) == krippendorff_alpha(KRIPPENDORFF_2011)


# Fleiss (1971), 30 patients x 6 psychiatrists, diagnoses 1..5 (one row per subject).
FLEISS_1971 = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]


def counts_to_rater_rows(table: list[list[int]]) -> list[list[int]]:
    """A subjects x categories table of counts as one row per rater (rater k = k-th rating)."""
    per_subject = [[cat for cat, k in enumerate(counts) for _ in range(k)] for counts in table]
    assert len({len(r) for r in per_subject}) == 1
    return [list(col) for col in zip(*per_subject)]


def test_fleiss_1971_diagnoses():
    rows = [list(col) for col in zip(*FLEISS_1971)]  # 6 rater rows x 30 subjects
    counts = [[subject.count(c) for c in range(1, 6)] for subject in FLEISS_1971]
    assert [sum(col) for col in zip(*counts)] == [26, 26, 30, 55, 43]  # Fleiss' p_j * 180
    result = fleiss_kappa(rows)
    assert round(result.value, 3) == 0.430
    assert result.value == pytest.approx(0.4302445, abs=5e-8)  # R irr::kappam.fleiss
    assert round(result.observed, 3) == 0.556  # P-bar in Fleiss (1971)
    assert (result.n_units, result.n_coders, result.reason) == (30, 6, "")
    # the counts table route gives the same
    assert fleiss_kappa(counts_to_rater_rows(counts)).value == pytest.approx(result.value, abs=1e-15)


WIKIPEDIA_FLEISS = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]


def test_fleiss_wikipedia_worked_example():
    result = fleiss_kappa(counts_to_rater_rows(WIKIPEDIA_FLEISS))
    assert round(result.value, 3) == 0.210
    assert round(result.observed, 3) == 0.378  # P-bar on the Wikipedia page
    assert (result.n_units, result.n_coders) == (10, 14)


def test_cohen_wikipedia_worked_example():
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    a, b = zip(*pairs)
    result = cohen_kappa(a, b)
    assert result.value == pytest.approx(0.4, abs=1e-15)
    assert result.observed == pytest.approx(0.7, abs=1e-15)
    assert (result.n_units, result.n_coders, result.reason) == (50, 2, "")


# --- published worked examples: unitizing -------------------------------------------------------


def krippendorff_2004() -> dict[str, list[tuple[int, int, str]]]:
    """Krippendorff (2004: p. 254), continuum [150, 450) shifted to [0, 300)."""
    units = {
        "i": [(225, 70, "c"), (370, 30, "c"), (180, 60, "k"), (300, 50, "k")],
        "j": [(220, 80, "c"), (355, 20, "c"), (400, 20, "c"), (180, 60, "k"), (300, 50, "k")],
    }
    return {coder: [(o - 150, o - 150 + n, c) for o, n, c in us] for coder, us in units.items()}


def test_unitizing_krippendorff_2004():
    spans = krippendorff_2004()
    result = unitizing_alpha(spans, 300)
    parts, coders = _unitizing_disagreements(spans, 300)
    assert coders == 2
    assert float(parts["c"][0]) == pytest.approx(0.0144, abs=1e-4)  # D_o
    assert float(parts["c"][1]) == pytest.approx(0.0532, abs=1e-4)  # D_e
    assert result["c"].value == pytest.approx(0.7286, abs=1e-4)
    assert float(parts["k"][0]) == 0.0
    assert float(parts["k"][1]) == pytest.approx(0.0490, abs=1e-4)
    assert result["k"].value == 1.0
    assert result["*"].value == pytest.approx(0.8591, abs=5e-4)  # DKPro's tolerance
    assert (result["*"].n_units, result["*"].n_coders) == (9, 2)
    # D_o is exact: 2 * (50 + 850 + 400) / (2 * 1 * 300^2)
    assert parts["c"][0] == Fraction(2 * 1300, 2 * 300 * 300)


KRIPPENDORFF_1995 = [  # (offset, length, coder, label), Krippendorff (1995: p. 57)
    (2, 8, 0, "A"), (14, 6, 0, "A"), (4, 4, 1, "A"), (15, 2, 1, "A"),
    (0, 18, 0, "B"), (0, 2, 1, "B"), (2, 1, 1, "B"), (3, 1, 1, "B"), (4, 1, 1, "B"),
    (5, 1, 1, "B"), (6, 3, 1, "B"), (9, 1, 1, "B"),
    (2, 6, 0, "C"), (10, 2, 0, "C"), (14, 4, 0, "C"), (20, 2, 0, "C"),
    (0, 2, 1, "C"), (4, 4, 1, "C"), (10, 4, 1, "C"), (16, 2, 1, "C"), (20, 2, 1, "C"),
    (0, 2, 0, "D"), (2, 8, 0, "D"), (10, 4, 0, "D"), (14, 6, 0, "D"), (20, 4, 0, "D"),
    (0, 4, 1, "D"), (4, 4, 1, "D"), (8, 7, 1, "D"), (15, 2, 1, "D"), (17, 7, 1, "D"),
]


def krippendorff_1995(stretch: float, labels: str = "ABCD") -> tuple[dict, int]:
    """The 1995 example with every position multiplied by ``stretch`` (truncated, as DKPro)."""
    spans: dict[str, list] = {"0": [], "1": []}
    for offset, length, coder, label in KRIPPENDORFF_1995:
        if label in labels:
            start = int(offset * stretch)
            spans[str(coder)].append((start, start + int(length * stretch), label))
    return spans, int(24 * stretch)


def test_unitizing_krippendorff_1995_observed():
    spans, length = krippendorff_1995(1)
    parts, _ = _unitizing_disagreements(spans, length)
    expected = {"A": 0.03125, "B": 2.26736, "C": 0.02777, "D": 0.38715}
    for label, d_o in expected.items():
        assert float(parts[label][0]) == pytest.approx(d_o, abs=1e-5), label
    # touching units of one coder ("Jill", label B) stay separate units: John 1 + Jill 7
    assert unitizing_alpha(spans, length)["B"].n_units == 8
    # for unitizing alpha D_o is not bounded by 1: observed = 1 - D_o can be negative
    assert unitizing_alpha(spans, length)["B"].observed == pytest.approx(1 - 2.26736, abs=1e-5)


def test_unitizing_krippendorff_1995_varying_lengths():
    spans, length = krippendorff_1995(0.5, "C")
    parts, _ = _unitizing_disagreements(spans, length)
    assert float(parts["C"][0]) == pytest.approx(0.02777, abs=1e-5)
    assert float(parts["C"][1]) == pytest.approx(0.05494, abs=1e-5)
    assert unitizing_alpha(spans, length)["C"].value == pytest.approx(0.494, abs=0.02)
    published = {  # stretch: (D_e, alpha) for C, Krippendorff (1995) via DKPro
        5: (0.08234, 0.663), 50: (0.08600, 0.677), 500: (0.08638, 0.678),
        5000: (0.08642, 0.679), 50000: (0.08642, 0.679),
    }
    for stretch, (d_e, value) in published.items():
        spans, length = krippendorff_1995(stretch, "C")
        parts, _ = _unitizing_disagreements(spans, length)
        assert float(parts["C"][0]) == pytest.approx(0.02777, abs=1e-5)
        assert float(parts["C"][1]) == pytest.approx(d_e, abs=0.005)
        assert unitizing_alpha(spans, length)["C"].value == pytest.approx(value, abs=0.02)


def test_unitizing_krippendorff_1995_agreement():
    spans, length = krippendorff_1995(50000)  # a long continuum, as DKPro tests it
    parts, _ = _unitizing_disagreements(spans, length)
    result = unitizing_alpha(spans, length)
    published = {  # label: (D_e, alpha), Krippendorff (1995) via DKPro, tolerances 0.005 / 0.02
        "A": (0.06990, 0.553), "B": (1.17731, -0.926), "C": (0.08642, 0.679), "D": (0.41445, 0.066),
    }
    for label, (d_e, value) in published.items():
        assert float(parts[label][1]) == pytest.approx(d_e, abs=0.005), label
        assert result[label].value == pytest.approx(value, abs=0.02), label
    # The same study run through DKPro's own KrippendorffAlphaUnitizingAgreement methods (copied
    # verbatim into a stand-alone Java harness, JVM doubles/BigDecimal) gave these values:
    dkpro = {
        "A": 0.5529468148732835, "B": -0.9283846712468944, "C": 0.6930787892822531,
        "D": 0.06586888110729805, "*": -0.5500269048626674,
    }
    for label, value in dkpro.items():
        assert result[label].value == pytest.approx(value, abs=1e-12), label


def test_unitizing_dkpro_small_example():
    # r0: -11111111-   r1: --1-1-1---   (DKPro UnitizingAgreementTest)
    spans = {"r0": [(1, 9, "A")], "r1": [(2, 3, "A"), (4, 5, "A"), (6, 7, "A")]}
    parts, _ = _unitizing_disagreements(spans, 10)
    assert float(parts["A"][0]) == pytest.approx(0.9100, abs=1e-4)
    assert float(parts["A"][1]) == pytest.approx(0.5351, abs=1e-4)
    assert unitizing_alpha(spans, 10)["A"].value == pytest.approx(-0.7003, abs=1e-4)


def test_unitizing_single_unit_three_coders_is_zero():
    # DKPro testSingleAnnotationUnit: D_o == D_e exactly, alpha 0.0
    result = unitizing_alpha({"0": [(0, 1, "X")], "1": [], "2": []}, 20)
    assert result["X"].value == 0.0
    assert result["*"].value == 0.0
    assert result["X"].n_coders == 3  # coders without units count: they said "no unit here"


# --- independent implementations ----------------------------------------------------------------


def random_coding(rng: random.Random, coders: int, units: int, categories: int, missing: float):
    """Coders who mostly agree with a hidden truth, with missing values."""
    truth = [rng.randrange(categories) for _ in range(units)]
    rows = []
    for _c in range(coders):
        skill = rng.uniform(0.3, 0.95)
        rows.append([
            None if rng.random() < missing
            else (t if rng.random() < skill else rng.randrange(categories))
            for t in truth
        ])
    return rows


def test_krippendorff_alpha_matches_krippendorff_package():
    np = pytest.importorskip("numpy")
    krippendorff = pytest.importorskip("krippendorff")
    rng = random.Random(20240611)
    compared = undefined = 0
    for _trial in range(400):
        rows = random_coding(
            rng, rng.randint(2, 7), rng.randint(1, 80), rng.randint(2, 6), rng.choice([0, 0.1, 0.4, 0.7])
        )
        ours = krippendorff_alpha(rows)
        array = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                theirs = krippendorff.alpha(reliability_data=array, level_of_measurement="nominal")
        except ValueError:  # the package refuses a one-value domain
            theirs = math.nan
        if ours.value is None:
            assert_undefined(ours)
            undefined += 1
            # the package either refuses the data or cannot produce a number
            assert not math.isfinite(theirs) or ours.n_units == 0
            continue
        assert ours.value == pytest.approx(theirs, abs=1e-9)
        compared += 1
    assert compared > 300 and undefined > 0


def test_krippendorff_alpha_one_million_units_matches_package():
    np = pytest.importorskip("numpy")
    krippendorff = pytest.importorskip("krippendorff")
    rows = random_coding(random.Random(5), 3, 200_000, 2, 0.05)
    array = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)
    theirs = krippendorff.alpha(reliability_data=array, level_of_measurement="nominal")
    assert krippendorff_alpha(rows).value == pytest.approx(theirs, abs=1e-9)


def test_fleiss_kappa_matches_statsmodels():
    np = pytest.importorskip("numpy")
    inter_rater = pytest.importorskip("statsmodels.stats.inter_rater")
    rng = random.Random(1971)
    compared = 0
    for trial in range(300):
        rows = random_coding(rng, rng.randint(2, 8), rng.randint(1, 60), rng.randint(2, 6), 0)
        if trial % 3 == 0:  # some missing values: only complete units count
            for row in rows:
                for k in range(len(row)):
                    if rng.random() < 0.05:
                        row[k] = None
        complete = [k for k in range(len(rows[0])) if all(row[k] is not None for row in rows)]
        ours = fleiss_kappa(rows)
        assert ours.n_units == len(complete)
        if not complete or len({row[k] for row in rows for k in complete}) < 2:
            assert_undefined(ours)
            continue
        subjects = np.array([[row[k] for row in rows] for k in complete])
        table, _cats = inter_rater.aggregate_raters(subjects)
        theirs = inter_rater.fleiss_kappa(table, method="fleiss")
        assert ours.value == pytest.approx(theirs, abs=1e-9)
        compared += 1
        if len(complete) < len(rows[0]):
            assert "dropped" in ours.reason
    assert compared > 250


def test_cohen_kappa_matches_sklearn():
    metrics = pytest.importorskip("sklearn.metrics")
    rng = random.Random(1960)
    compared = 0
    for _trial in range(400):
        a, b = random_coding(rng, 2, rng.randint(1, 80), rng.randint(2, 6), rng.choice([0, 0.2]))
        kept = [(x, y) for x, y in zip(a, b) if x is not None and y is not None]
        ours = cohen_kappa(a, b)
        assert ours.n_units == len(kept)
        if not kept or (len({x for x, _ in kept}) == 1 and {x for x, _ in kept} == {y for _, y in kept}):
            assert_undefined(ours)
            continue
        x, y = zip(*kept)
        theirs = metrics.cohen_kappa_score(list(x), list(y))
        assert ours.value == pytest.approx(theirs, abs=1e-9)
        compared += 1
    assert compared > 350


def dkpro_unitizing_reference(coders: int, length: int, units: list[tuple[int, int, int, str]]):
    """A line-by-line Python port of DKPro's KrippendorffAlphaUnitizingAgreement (pos-driven
    loops, measureDistance, sorted gap list), for comparison: {label: (D_o, D_e)} as floats."""

    def distance(o1, l1, c1, o2, l2, c2):
        begin, diff = o1 - o2, l1 - l2
        if c1 is not None and c2 is not None and -l1 < begin < l2:
            return begin * begin + (begin + diff) * (begin + diff)
        if c1 is not None and c2 is None and -diff >= begin >= 0:
            return l1 * l1
        if c1 is None and c2 is not None and -diff <= begin <= 0:
            return l2 * l2
        return 0

    ordered = sorted(units, key=lambda u: (u[0], u[1], u[2]))

    def stream(rater, label):
        return iter([u for u in ordered if u[2] == rater and u[3] == label])

    out = {}
    for label in sorted({u[3] for u in units}):
        total = 0
        for r1 in range(coders):
            for r2 in range(r1 + 1, coders):
                it1, it2 = stream(r1, label), stream(r2, label)
                next1, next2 = next(it1, None), next(it2, None)
                off1 = len1 = off2 = len2 = pos = 0
                cat1 = cat2 = None
                while pos < length and (next1 is not None or next2 is not None):
                    if pos == off1 + len1:
                        if next1 is not None and pos == next1[0]:
                            len1, cat1, next1 = next1[1], label, next(it1, None)
                        else:
                            len1, cat1 = (next1[0] if next1 is not None else length) - pos, None
                        off1 = pos
                    if pos == off2 + len2:
                        if next2 is not None and pos == next2[0]:
                            len2, cat2, next2 = next2[1], label, next(it2, None)
                        else:
                            len2, cat2 = (next2[0] if next2 is not None else length) - pos, None
                        off2 = pos
                    total += distance(off1, len1, cat1, off2, len2, cat2)
                    pos = min(off1 + len1, off2 + len2)
        d_o = 2.0 * total / (coders * (coders - 1) * length * length)
        mine = [u for u in units if u[3] == label]
        gaps = []
        for r in range(coders):
            it = stream(r, label)
            nxt = next(it, None)
            off = ln = pos = 0
            while pos < length:
                if pos == off + ln:
                    if nxt is not None and pos == nxt[0]:
                        ln, nxt = nxt[1], next(it, None)
                    else:
                        ln = (nxt[0] if nxt is not None else length) - pos
                        gaps.append(ln)
                    off = pos
                pos = off + ln
        result = Fraction(0)
        for u in mine:
            l1 = u[1]
            result += Fraction((len(mine) - 1) * (2 * l1**3 - 3 * l1**2 + l1), 3)
            result += l1 * l1 * sum(g - l1 + 1 for g in gaps if g >= l1)
        squared = sum(u[1] * (u[1] - 1) for u in mine)
        d_e = result * Fraction(2, length) / (coders * length * (coders * length - 1) - squared)
        out[label] = (d_o, float(d_e))
    return out


def random_unitizing(rng: random.Random):
    """Non-overlapping units per coder and label (DKPro's precondition), some touching."""
    coders, length = rng.randint(2, 5), rng.randint(1, 80)
    units = []
    for r in range(coders):
        for label in rng.sample("XYZ", rng.randint(0, 3)):
            pos = 0
            while True:
                pos += rng.choice([0, 0, 1, 2, 5, 9])
                if pos >= length:
                    break
                n = rng.randint(1, min(12, length - pos))
                if rng.random() < 0.7:
                    units.append((pos, n, r, label))
                pos += n
    return coders, length, units


def test_unitizing_alpha_matches_dkpro_port():
    rng = random.Random(1995)
    compared = 0
    for _trial in range(300):
        coders, length, units = random_unitizing(rng)
        spans = {f"c{r}": [] for r in range(coders)}
        for offset, n, r, label in units:
            spans[f"c{r}"].append((offset, offset + n, label))
        rng.shuffle(spans["c0"])  # order of a coder's spans does not matter
        reference = dkpro_unitizing_reference(coders, length, units)
        result = unitizing_alpha(spans, length)
        parts, _ = _unitizing_disagreements(spans, length)
        assert set(result) == set(reference) | {"*"}
        for label, (d_o, d_e) in reference.items():
            assert float(parts[label][0]) == pytest.approx(d_o, abs=1e-12)
            assert float(parts[label][1]) == pytest.approx(d_e, abs=1e-12)
            if d_e == 0:
                assert_undefined(result[label])
            else:
                assert result[label].value == pytest.approx(1 - d_o / d_e, abs=1e-9)
                compared += 1
        if reference:
            mean_o = sum(v[0] for v in reference.values()) / len(reference)
            mean_e = sum(v[1] for v in reference.values()) / len(reference)
            if mean_e:
                assert result["*"].value == pytest.approx(1 - mean_o / mean_e, abs=1e-9)
    assert compared > 200


def test_unitizing_alpha_does_not_depend_on_coder_order_or_names():
    spans, length = krippendorff_1995(1)
    renamed = {"Hill": spans["1"], "Heather": spans["0"]}
    a, b = unitizing_alpha(spans, length), unitizing_alpha(renamed, length)
    for label in a:
        assert a[label].value == pytest.approx(b[label].value, abs=1e-15)


# --- overlapping spans in unitizing ------------------------------------------------------------


def test_unitizing_merges_nested_and_overlapping_spans_of_one_coder():
    other = [(0, 12, "X"), (20, 30, "X")]
    nested = unitizing_alpha({"a": [(0, 10, "X"), (2, 5, "X"), (22, 26, "X"), (20, 30, "X")], "b": other}, 40)
    union = unitizing_alpha({"a": [(0, 10, "X"), (20, 30, "X")], "b": other}, 40)
    assert nested["X"].value == union["X"].value is not None
    assert nested["X"].n_units == union["X"].n_units == 4
    assert "2 overlapping spans merged" in nested["X"].reason
    assert union["X"].reason == ""
    crossing = unitizing_alpha({"a": [(0, 6, "X"), (4, 10, "X"), (20, 30, "X")], "b": other}, 40)
    assert crossing["X"].value == union["X"].value
    duplicate = unitizing_alpha({"a": [(0, 10, "X"), (0, 10, "X"), (20, 30, "X")], "b": other}, 40)
    assert duplicate["X"].value == union["X"].value


def test_unitizing_touching_spans_stay_separate_units():
    other = [(0, 10, "X")]
    touching = unitizing_alpha({"a": [(0, 5, "X"), (5, 10, "X")], "b": other}, 20)
    whole = unitizing_alpha({"a": [(0, 10, "X")], "b": other}, 20)
    assert whole["X"].value == 1.0
    assert touching["X"].value < 1.0
    assert touching["X"].n_units == 3


def test_unitizing_labels_are_independent():
    # overlapping spans with *different* labels are not merged: each label has its own continuum
    both = {"a": [(0, 10, "X"), (5, 15, "Y")], "b": [(0, 10, "X"), (5, 15, "Y")]}
    result = unitizing_alpha(both, 30)
    assert result["X"].value == result["Y"].value == result["*"].value == 1.0
    assert result["X"].reason == result["Y"].reason == ""


# --- degenerate cases --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        [],  # no coders
        [[], []],  # no units
        [[1, 2, 3, 1]],  # one coder
        [[None, None, None], [None, None, None]],  # all missing
        [[1, None, 2], [None, 3, None]],  # never two values on one unit
        [["x", "x", None], ["x", "x", "x"], [None, "x", "x"]],  # one category only
    ],
)
def test_krippendorff_alpha_undefined(data):
    result = krippendorff_alpha(data)
    assert_undefined(result)


def test_krippendorff_alpha_one_category_reason_and_observed():
    result = krippendorff_alpha([[1, 1, None], [1, 1, 1]])
    assert_undefined(result)
    assert "one category" in result.reason
    assert result.observed == 1.0 and result.n_units == 2


def test_krippendorff_alpha_nan_is_missing():
    nan = float("nan")
    with_nan = krippendorff_alpha([[1, 2, nan, 1], [1, 2, 2, nan], [2, 2, 2, 1]])
    with_none = krippendorff_alpha([[1, 2, None, 1], [1, 2, 2, None], [2, 2, 2, 1]])
    assert with_nan == with_none and with_nan.value is not None


def test_unequal_rows_are_a_programming_error():
    with pytest.raises(ValueError):
        krippendorff_alpha([[1, 2, 3], [1, 2]])
    with pytest.raises(ValueError):
        fleiss_kappa([[1, 2, 3], [1, 2]])
    with pytest.raises(ValueError):
        cohen_kappa([1, 2, 3], [1, 2])


@pytest.mark.parametrize(
    "data",
    [
        [],
        [[1, 2, 3]],  # one coder
        [[], []],
        [[1, None], [None, 2]],  # no complete unit
        [[3, 3, 3], [3, 3, 3], [3, 3, 3]],  # one category
    ],
)
def test_fleiss_kappa_undefined(data):
    assert_undefined(fleiss_kappa(data))


def test_fleiss_kappa_drops_incomplete_units_and_says_so():
    rows = [[1, 2, 1, 2, None], [1, 2, 2, 2, 1], [1, 2, 1, None, 2]]
    result = fleiss_kappa(rows)
    assert result.n_units == 3
    assert result.reason == "2 units not coded by every coder dropped"
    assert result.value == fleiss_kappa([[1, 2, 1], [1, 2, 2], [1, 2, 1]]).value


@pytest.mark.parametrize(
    ("a", "b"),
    [([], []), ([1, None], [None, 1]), ([None], [None]), (["x", "x"], ["x", "x"])],
)
def test_cohen_kappa_undefined(a, b):
    assert_undefined(cohen_kappa(a, b))


def test_cohen_kappa_total_disagreement_is_defined():
    # P_e = 0 (each coder used one category, not the same): kappa = 0, not undefined
    result = cohen_kappa(["x", "x"], ["y", "y"])
    assert result.value == 0.0 and result.observed == 0.0


@pytest.mark.parametrize(
    ("spans", "length"),
    [
        ({}, 10),  # no coders
        ({"a": [(0, 3, "X")]}, 10),  # one coder
        ({"a": [], "b": []}, 0),  # zero-length continuum
        ({"a": [], "b": []}, 10),  # no unit at all
        ({"a": [(0, 1, "X")], "b": [(0, 1, "X")]}, 1),  # whole continuum, nothing could differ
    ],
)
def test_unitizing_alpha_undefined(spans, length):
    result = unitizing_alpha(spans, length)
    assert "*" in result
    for agreement in result.values():
        assert_undefined(agreement)


def test_unitizing_alpha_invalid_spans_raise():
    for bad in [(5, 5, "X"), (6, 4, "X"), (-1, 3, "X"), (8, 11, "X")]:
        with pytest.raises(ValueError):
            unitizing_alpha({"a": [bad], "b": []}, 10)
    with pytest.raises(ValueError):
        unitizing_alpha({"a": [(0, 1, "*")], "b": []}, 10)


# --- span F1 -----------------------------------------------------------------------------------


def test_span_f1_one_long_span_against_two_short_ones():
    long_span, shorts = [(0, 10)], [(1, 3), (5, 8)]
    overlap = span_f1(long_span, shorts, "overlap")
    assert overlap == SpanF1(precision=0.5, recall=1.0, f1=2 / 3, matched=1, n_a=1, n_b=2)
    exact = span_f1(long_span, shorts, "exact")
    assert (exact.matched, exact.f1) == (0, 0.0)
    assert span_f1(shorts, long_span, "overlap").f1 == overlap.f1  # symmetric


def test_span_f1_overlap_is_a_maximum_matching_not_greedy():
    # Greedy by largest overlap pairs (0,10)-(0,10) first and then nothing else fits;
    # the maximum matching is (0,10)-(2,4) and (9,12)-(0,10).
    result = span_f1([(0, 10), (9, 12)], [(0, 10), (2, 4)], "overlap")
    assert result.matched == 2 and result.f1 == 1.0


def test_span_f1_exact_is_one_to_one():
    result = span_f1([(0, 5), (0, 5), (7, 9)], [(0, 5), (7, 9), (7, 9)], "exact")
    assert (result.matched, result.precision, result.recall) == (2, 2 / 3, 2 / 3)
    touching = span_f1([(0, 5)], [(5, 9)], "overlap")  # half-open: no shared position
    assert touching.matched == 0


def test_span_f1_empty_sides():
    both = span_f1([], [], "exact")
    assert (both.precision, both.recall, both.f1) == (None, None, None) and both.reason
    no_prediction = span_f1([(0, 2)], [], "overlap")
    assert (no_prediction.precision, no_prediction.recall, no_prediction.f1) == (None, 0.0, 0.0)
    no_reference = span_f1([], [(0, 2)], "overlap")
    assert (no_reference.precision, no_reference.recall, no_reference.f1) == (0.0, None, 0.0)


def test_span_f1_rejects_bad_input():
    with pytest.raises(ValueError):
        span_f1([(0, 1)], [(0, 1)], "fuzzy")
    with pytest.raises(ValueError):
        span_f1([(3, 3)], [(0, 1)], "exact")


def brute_force_matching(a, b) -> int:
    edges = [[j for j, (s2, e2) in enumerate(b) if max(s1, s2) < min(e1, e2)] for s1, e1 in a]
    for size in range(min(len(a), len(b)), 0, -1):
        for left in itertools.combinations(range(len(a)), size):
            for right in itertools.permutations(range(len(b)), size):
                if all(r in edges[l] for l, r in zip(left, right)):
                    return size
    return 0


def test_span_f1_overlap_matches_brute_force():
    rng = random.Random(42)
    for _trial in range(300):
        def spans(n):
            out = []
            for _ in range(n):
                s = rng.randrange(30)
                out.append((s, s + rng.randint(1, 12)))
            return out

        a, b = spans(rng.randint(0, 5)), spans(rng.randint(0, 5))
        result = span_f1(a, b, "overlap")
        assert result.matched == brute_force_matching(a, b), (a, b)
        if a or b:
            assert result.f1 == pytest.approx(2 * result.matched / (len(a) + len(b)))


def test_span_f1_large_nested_input():
    # 2,000 nested spans vs 2,000 disjoint ones inside them: a perfect matching exists
    a = [(k, 10_000 - k) for k in range(2000)]
    b = [(2000 + 3 * k, 2000 + 3 * k + 1) for k in range(2000)]
    assert span_f1(a, b, "overlap").matched == 2000


# --- layering ----------------------------------------------------------------------------------


def test_agreement_module_imports_neither_numpy_nor_qt():
    code = (
        "import sys, annotator.core.agreement;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('numpy', 'PySide6', 'shiboken6')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_counted_patterns_give_the_same_measures():
    """Reports count each label's tokens once (Patterns) and derive every measure from that."""
    import random

    from annotator.core.agreement import Patterns, cohen_kappa, cohen_kappa_of

    rng = random.Random(5)
    data = [[rng.choice([0, 1, 1, None]) for _ in range(500)] for _ in range(3)]
    counted = Patterns.of(data)
    assert krippendorff_alpha(counted) == krippendorff_alpha(data)
    assert fleiss_kappa(counted) == fleiss_kappa(data)
    for i, j in ((0, 1), (0, 2), (1, 2)):
        assert cohen_kappa_of(counted, i, j) == cohen_kappa(data[i], data[j])
