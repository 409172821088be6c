"""Agreement on article codes (issue 9, part 4): the ordinal measures, the coding-unit rules, the
report rows and files, and a whole study end to end (blind copies, answers, merge, agreement).

Independent references: the ``krippendorff`` package (nominal and ordinal alpha),
``sklearn.metrics.cohen_kappa_score`` (plain and quadratic-weighted kappa), and the published
worked example of Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C
reliability data (4 coders x 12 units, values 1-5, 7 missing): nominal alpha .743 and, with the
ordinal metric, .815 (the value reported for that data, also the result of the R ``irr``
package's ``kripp.alpha(nmm, "ordinal")`` documentation example on the same matrix). Exactly,
ordinal alpha is 108577/133160 = 0.8153875..., which ``krippendorff.alpha`` also gives.
"""

from __future__ import annotations

import csv
import io
import math
import random
import subprocess
import sys
import warnings
from fractions import Fraction
from itertools import combinations
from pathlib import Path

import pytest

from annotator.core.agreement import Agreement, Patterns, krippendorff_alpha
from annotator.core.agreement_ordinal import (
    cohen_kappa_quadratic,
    cohen_kappa_quadratic_of,
    krippendorff_alpha_ordinal,
)
from annotator.core.assign import assign
from annotator.core.code_units import build_code_data, code_units_of, collect_codes
from annotator.core.importers import import_paths
from annotator.core.merge import merge
from annotator.core.report_files import write_report
from annotator.core.reports import agreement_report
from annotator.core.store import Project
from annotator.core.units import collect
from tests.schemas import schema_with_multi

np = pytest.importorskip("numpy")
krippendorff = pytest.importorskip("krippendorff")
metrics = pytest.importorskip("sklearn.metrics")

_ = None
CODERS = ("alice", "bob", "carol")
FRAMES = ("security_concern", "economic_interest", "self_reliance", "none")
TONES = ("negative", "neutral", "positive")
ACTORS = ("us", "china", "japan")

KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]


def assert_undefined(result: Agreement) -> None:
    assert result.value is None and result.reason.strip()
    assert result.observed is None or math.isfinite(result.observed)


def package_alpha(rows: list[list], level: str) -> float:
    """The krippendorff package's alpha on numeric rows (None -> NaN); NaN where it refuses."""
    array = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return float(krippendorff.alpha(reliability_data=array, level_of_measurement=level))
    except ValueError:  # the package refuses a domain of one value
        return math.nan


def random_coding(rng: random.Random, coders: int, units: int, categories: int, missing: float):
    """Coders who mostly agree with a hidden truth (off by one more often than by more)."""
    truth = [rng.randrange(categories) for _ in range(units)]
    rows = []
    for _c in range(coders):
        skill = rng.uniform(0.3, 0.95)
        row = []
        for t in truth:
            if rng.random() < missing:
                row.append(None)
            elif rng.random() < skill:
                row.append(t)
            else:
                near = min(categories - 1, max(0, t + rng.choice((-1, 1))))
                row.append(near if rng.random() < 0.6 else rng.randrange(categories))
        rows.append(row)
    return rows


# --- the published worked example ---------------------------------------------------------------


def test_krippendorff_2011_ordinal_alpha():
    result = krippendorff_alpha_ordinal(KRIPPENDORFF_2011)
    assert round(result.value, 3) == 0.815
    assert result.value == float(Fraction(108577, 133160))
    assert result.value == pytest.approx(package_alpha(KRIPPENDORFF_2011, "ordinal"), abs=1e-12)
    assert (result.n_units, result.n_coders) == (11, 4) and "1 unit" in result.reason
    assert result.observed == pytest.approx(0.8, abs=1e-15)  # 32 of 40 pairable pairs agree
    assert round(krippendorff_alpha(KRIPPENDORFF_2011).value, 3) == 0.743


def test_ordinal_alpha_follows_the_given_order_not_the_values():
    names = {1: "e", 2: "d", 3: "c", 4: "b", 5: "a"}  # alphabetically reversed
    relabelled = [[None if v is None else names[v] for v in row] for row in KRIPPENDORFF_2011]
    ordered = krippendorff_alpha_ordinal(relabelled, order=["e", "d", "c", "b", "a"])
    assert ordered == krippendorff_alpha_ordinal(KRIPPENDORFF_2011)
    # an order with unused categories changes nothing: the metric counts used values only
    padded = krippendorff_alpha_ordinal(KRIPPENDORFF_2011, order=[0, 1, 2, 3, 4, 5, 6])
    assert padded == krippendorff_alpha_ordinal(KRIPPENDORFF_2011)
    with pytest.raises(ValueError, match="not in the order"):
        krippendorff_alpha_ordinal(KRIPPENDORFF_2011, order=[1, 2, 3])


# --- independent implementations ----------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3, 2011, 20240611])
def test_ordinal_alpha_matches_krippendorff_package(seed: int):
    rng = random.Random(seed)
    compared = 0
    for _trial in range(120):
        rows = random_coding(rng, rng.randint(2, 6), rng.randint(1, 60), rng.randint(2, 7),
                             rng.choice([0, 0.1, 0.3, 0.6]))
        ours = krippendorff_alpha_ordinal(rows)
        theirs = package_alpha(rows, "ordinal")
        if ours.value is None:
            assert_undefined(ours)
            assert not math.isfinite(theirs) or ours.n_units == 0
            continue
        assert ours.value == pytest.approx(theirs, abs=1e-9)
        compared += 1
    assert compared > 90


@pytest.mark.parametrize("seed", [5, 6, 7])
def test_nominal_alpha_on_answers_matches_krippendorff_package(seed: int):
    """Answers as the reports compare them (option ids, booleans) against the package on codes."""
    rng = random.Random(seed)
    options = ["security_concern", "economic_interest", "self_reliance", "none"]
    for _trial in range(60):
        k = rng.randint(2, 4)
        rows = random_coding(rng, rng.randint(2, 5), rng.randint(2, 40), k, rng.choice([0, 0.2]))
        as_answers = [[None if v is None else (options[v] if k > 2 else bool(v)) for v in row]
                      for row in rows]
        ours = krippendorff_alpha(as_answers)
        theirs = package_alpha(rows, "nominal")
        if ours.value is None:
            assert_undefined(ours)
        else:
            assert ours.value == pytest.approx(theirs, abs=1e-9)


@pytest.mark.parametrize("seed", [1968, 1969, 1970])
def test_quadratic_kappa_matches_sklearn(seed: int):
    rng = random.Random(seed)
    compared = 0
    for _trial in range(150):
        k = rng.randint(2, 6)
        a, b = random_coding(rng, 2, rng.randint(1, 60), k, rng.choice([0, 0.2]))
        kept = [(x, y) for x, y in zip(a, b) if x is not None and y is not None]
        full = cohen_kappa_quadratic(a, b, order=range(k))  # positions of the whole scale
        dense = cohen_kappa_quadratic(a, b)  # positions of the values used, as sklearn's default
        assert full.n_units == dense.n_units == len(kept)
        if not kept or len({v for pair in kept for v in pair}) == 1:
            assert_undefined(full)
            assert_undefined(dense)
            continue
        x, y = (list(v) for v in zip(*kept))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            theirs_full = metrics.cohen_kappa_score(x, y, weights="quadratic", labels=list(range(k)))
            theirs_dense = metrics.cohen_kappa_score(x, y, weights="quadratic")
        assert full.value == pytest.approx(theirs_full, abs=1e-9)
        assert dense.value == pytest.approx(theirs_dense, abs=1e-9)
        compared += 1
        counted = Patterns.of([a, b])
        assert cohen_kappa_quadratic_of(counted, 0, 1, range(k)) == full
    assert compared > 120


def test_quadratic_kappa_worked_example():
    """By hand: weights (i - j)^2 on negative < neutral < positive; N = 6 articles, two
    off-by-one answers (sum w O = 2); totals a = (2, 2, 2), b = (1, 4, 1), so
    sum w a_i b_j = 8 + 8 + 2 + 2 + 8 + 8 = 36 and kappa = 1 - 6 * 2 / 36 = 2/3."""
    a = ["negative", "negative", "neutral", "neutral", "positive", "positive"]
    b = ["negative", "neutral", "neutral", "neutral", "positive", "neutral"]
    result = cohen_kappa_quadratic(a, b, TONES)
    assert result.value == float(Fraction(2, 3))
    assert result.observed == pytest.approx(4 / 6)  # exact agreement on 4 of 6
    codes = {t: k for k, t in enumerate(TONES)}
    theirs = metrics.cohen_kappa_score([codes[v] for v in a], [codes[v] for v in b],
                                       weights="quadratic")
    assert result.value == pytest.approx(theirs, abs=1e-12)


@pytest.mark.parametrize(
    "data",
    [[], [[1, None], [None, 2]], [[2, 2, 2], [2, 2, None]], [[], []]],
    ids=["no coders", "nothing pairable", "one category", "no units"],
)
def test_ordinal_alpha_undefined(data):
    assert_undefined(krippendorff_alpha_ordinal(data))


@pytest.mark.parametrize(
    "a, b", [([], []), ([1, None], [None, 1]), (["x", "x"], ["x", "x"])],
    ids=["no units", "no unit coded by both", "one category"],
)
def test_quadratic_kappa_undefined(a, b):
    assert_undefined(cohen_kappa_quadratic(a, b))


def test_quadratic_kappa_total_disagreement_is_defined():
    result = cohen_kappa_quadratic([0, 0], [2, 2], order=[0, 1, 2])
    assert result.value == 0.0  # one category each, different: chance-level by definition


def test_layering():
    """The measures are pure Python (usable from a notebook without numpy); the coding units read
    a project but never import Qt."""
    code = (
        "import sys, annotator.core.agreement_ordinal;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('numpy', 'PySide6', 'shiboken6')];"
        "import annotator.core.code_units, annotator.core.reports;"
        "bad += [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


# --- coding units -------------------------------------------------------------------------------




def test_code_units_follow_the_rules():
    variables = schema_with_multi().variables
    units = code_units_of(variables)
    assert [u.id for u in units] == ["relevance", "primary_frame", "tone", "actors:us",
                                     "actors:china", "actors:japan"]
    assert [u.metric for u in units] == ["nominal", "nominal", "ordinal"] + ["nominal"] * 3
    assert units[2].categories == ("negative", "neutral", "positive")
    answers = {
        1: {"ann": {"relevance": True, "primary_frame": "none", "tone": "positive",
                    "actors": ["us", "japan"]},
            "ben": {"relevance": False, "tone": "negative", "actors": ["china"]},  # stale answers
            "cy": {"relevance": True, "tone": "neutral", "actors": []}},
        2: {"ann": {"relevance": True, "tone": "negative"},
            "ben": {"relevance": True, "tone": "neutral"}},  # ben is not done with article 2
    }
    data = build_code_data(variables, answers, ["ann", "ben", "cy"],
                           [(1, {"ann", "ben", "cy"}), (2, {"ann"}), (3, {"cy"})])
    rows = data.rows
    assert rows["relevance"] == {"ann": [True, True, None], "ben": [False, None, None],
                                 "cy": [True, None, None]}
    assert rows["primary_frame"] == {"ann": ["none", None, None], "ben": [None, None, None],
                                     "cy": [None, None, None]}
    assert rows["tone"] == {"ann": ["positive", "negative", None], "ben": [None, None, None],
                            "cy": ["neutral", None, None]}
    assert rows["actors:us"] == {"ann": [True, None, None], "ben": [None, None, None],
                                 "cy": [False, None, None]}  # [] is an answer: none of them
    assert rows["actors:japan"]["ann"] == [True, None, None]
    assert data.matrix("tone") == [rows["tone"][c] for c in ("ann", "ben", "cy")]


# --- end to end ---------------------------------------------------------------------------------



def plan_answers(rng: random.Random, n: int) -> dict[str, list[dict]]:
    """Per coder, per article, the answers to give: a shared truth with noise, some articles
    not relevant (their other codes then do not apply, and a few coders leave a stale answer)."""
    plan: dict[str, list[dict]] = {c: [] for c in CODERS}
    for k in range(n):
        relevant = k % 4 != 3
        truth = {"relevance": relevant, "primary_frame": rng.choice(FRAMES),
                 "tone": rng.choice(TONES), "actors": sorted(rng.sample(ACTORS, rng.randint(0, 2)))}
        for coder in CODERS:
            answers = {"relevance": relevant if rng.random() < 0.9 else not relevant}
            if answers["relevance"]:
                answers["primary_frame"] = (truth["primary_frame"] if rng.random() < 0.7
                                            else rng.choice(FRAMES))
                t = TONES.index(truth["tone"])
                answers["tone"] = TONES[t if rng.random() < 0.6
                                        else min(2, max(0, t + rng.choice((-1, 1))))]
                answers["actors"] = [a for a in ACTORS
                                     if (a in truth["actors"]) != (rng.random() < 0.15)]
            elif rng.random() < 0.5:
                answers["tone"] = rng.choice(TONES)  # stale: the variable does not apply
            plan[coder].append(answers)
    return plan


def expected_rows(plan, done) -> dict[str, dict[str, list]]:
    """The compared values built directly from the plan: not done or not relevant -> None."""
    out: dict[str, dict[str, list]] = {}
    n = len(done)
    for coder in CODERS:
        for k in range(n):
            answers = plan[coder][k]
            counted = coder in done[k]
            relevant = counted and answers["relevance"]
            values = {
                "relevance": int(answers["relevance"]) if counted else None,
                "primary_frame": FRAMES.index(answers["primary_frame"]) if relevant else None,
                "tone": TONES.index(answers["tone"]) if relevant else None,
            }
            for actor in ACTORS:
                values[f"actors:{actor}"] = int(actor in answers["actors"]) if relevant else None
            for unit, value in values.items():
                out.setdefault(unit, {}).setdefault(coder, []).append(value)
    return out


@pytest.fixture
def master(tmp_path: Path, seed_files: list[Path]) -> Project:
    folder = tmp_path / "articles"
    folder.mkdir()
    sentences = [
        "米国は先端半導体の対中輸出規制を強化した。安全保障上の懸念が理由だ。",
        "日本の装置メーカーは中国向けの売上減少を懸念している。",
        "政府はレアアースの国内生産を支援する方針を示した。",
        "地元の祭りが三年ぶりに開かれ、多くの人でにぎわった。",
        "日米はデータ保護で協力することで合意した。",
        "中国は日本産水産物の輸入停止を続けている。",
    ]
    for k in range(14):  # small generated articles beside the two real seeds
        text = f"記事{k}。" + sentences[k % 6] + sentences[(k * 5 + 1) % 6]
        (folder / f"gen{k:02}.txt").write_text(text, encoding="utf-8")
    project = Project.create(tmp_path / "master.annot", schema=schema_with_multi())
    import_paths(project, [*seed_files, folder], processes=1)
    yield project
    project.close()


def test_three_blind_copies_answered_merged_and_measured(master: Project, tmp_path: Path):
    ids = master.articles.ids()
    external = [master.articles.get(i).external_id for i in ids]
    n = len(external)
    assert n == 16
    plan = plan_answers(random.Random(2026), n)
    # Who marks what done: everyone everything, except carol (answers but leaves two unfinished)
    # and bob (leaves one unfinished).
    done = [set(CODERS) for _ in range(n)]
    done[0].discard("carol")
    done[5].discard("carol")
    done[2].discard("bob")
    copies = []
    for coder in CODERS:
        path = tmp_path / f"{coder}.annot"
        assign(master, coder, path)
        with Project.open(path) as copy_:
            for k, ref in enumerate(external):
                article = copy_.articles.find(ref).id
                for variable, value in plan[coder][k].items():
                    copy_.codes.set(article, coder, variable, value)
                if coder in done[k]:
                    copy_.statuses.set(article, coder, "done")
        copies.append(path)
    merge(master, copies)

    report = agreement_report(master)
    assert report.coders == list(CODERS)
    expected = expected_rows(plan, done)
    compared = 0
    for unit in ("relevance", "primary_frame", "tone", *(f"actors:{a}" for a in ACTORS)):
        rows = [expected[unit][c] for c in CODERS]
        level = "ordinal" if unit == "tone" else "nominal"
        measure = "krippendorff_alpha_ordinal" if unit == "tone" else "krippendorff_alpha"
        ours = report.value(measure, "article_code", unit)
        theirs = package_alpha(rows, level)
        assert ours is not None and ours == pytest.approx(theirs, abs=1e-9), unit
        compared += 1
        for (i, a), (j, b) in combinations(enumerate(CODERS), 2):
            pair = report.pair(a, b, unit, "article_code")
            kept = [(x, y) for x, y in zip(rows[i], rows[j]) if x is not None and y is not None]
            assert pair.n_units == len(kept)
            if not kept:
                assert pair.cohen_kappa is None
                continue
            x, y = (list(v) for v in zip(*kept))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                kappa = metrics.cohen_kappa_score(x, y)
                quadratic = metrics.cohen_kappa_score(x, y, weights="quadratic", labels=[0, 1, 2])
            if math.isfinite(kappa):
                assert pair.cohen_kappa == pytest.approx(kappa, abs=1e-9)
            else:  # one and the same answer throughout: undefined, never NaN
                assert pair.cohen_kappa is None
            if unit == "tone" and math.isfinite(quadratic):
                assert pair.cohen_kappa_quadratic == pytest.approx(quadratic, abs=1e-9)
            elif unit == "tone":
                assert pair.cohen_kappa_quadratic is None
            else:
                assert pair.cohen_kappa_quadratic is None
            assert (pair.f1_exact, pair.f1_overlap) == (None, None)
            # the confusion counts, answer against answer
            confusion = {(r.answer_a, r.answer_b): r.count for r in report.confusion(a, b, unit)}
            assert sum(confusion.values()) == len(kept)
            names = {"tone": TONES, "primary_frame": FRAMES}.get(unit, (False, True))
            for (p, q) in kept:
                assert confusion[(names[p], names[q])] >= 1
    assert compared == 6
    # Fleiss' kappa on relevance: only articles all three finished
    fleiss = next(r for r in report.summary if (r.measure, r.level, r.label)
                  == ("fleiss_kappa", "article_code", "relevance"))
    assert fleiss.n_units == n - 3 and "3 units" in fleiss.note

    # Answers of coders who did not mark the article done are missing: carol answered article 0.
    codes = collect_codes(master, collect(master))
    first = codes.article_ids.index(ids[0])
    assert master.codes.answers(ids[0], "carol")  # she did answer it ...
    assert all(codes.rows[u.id]["carol"][first] is None for u in codes.units)  # ... not counted
    assert codes.rows["relevance"]["alice"][first] is not None
    # a stale tone on an article its coder found not relevant is missing, not a disagreement
    stale = [(c, k) for c in CODERS for k in range(n)
             if c in done[k] and not plan[c][k]["relevance"] and "tone" in plan[c][k]]
    assert stale
    for coder, k in stale:
        assert codes.rows["tone"][coder][codes.article_ids.index(ids[k])] is None

    # The files: summary and pairwise rows with level article_code, and codes_confusion.csv.
    write_report(report, tmp_path / "report")

    def read(name: str) -> list[dict[str, str]]:
        raw = (tmp_path / "report" / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
        return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))

    summary = [r for r in read("summary.csv") if r["level"] == "article_code"]
    assert {(r["measure"], r["label"]) for r in summary} == {
        *((m, u) for u in ("relevance", "primary_frame", *(f"actors:{a}" for a in ACTORS))
          for m in ("krippendorff_alpha", "fleiss_kappa")),
        ("krippendorff_alpha_ordinal", "tone"),
    }
    tone = next(r for r in summary if r["label"] == "tone")
    assert float(tone["value"]) == pytest.approx(report.value(
        "krippendorff_alpha_ordinal", "article_code", "tone"), abs=1e-9)
    pairwise = read("pairwise.csv")
    assert list(pairwise[0]) == ["coder_a", "coder_b", "label", "cohen_kappa", "f1_exact",
                                 "f1_overlap", "n_units", "level", "cohen_kappa_quadratic"]
    assert {r["level"] for r in pairwise} == {"token", "article_code"}
    tone_pairs = [r for r in pairwise if r["label"] == "tone"]
    assert len(tone_pairs) == 3 and all(r["cohen_kappa_quadratic"] for r in tone_pairs)
    assert all(r["f1_exact"] == "" for r in pairwise if r["level"] == "article_code")
    confusion = read("codes_confusion.csv")
    assert list(confusion[0]) == ["variable", "coder_a", "coder_b", "answer_a", "answer_b",
                                  "count"]
    tone_ab = [r for r in confusion if (r["variable"], r["coder_a"], r["coder_b"])
               == ("tone", "alice", "bob")]
    assert [(r["answer_a"], r["answer_b"]) for r in tone_ab] == [
        (x, y) for x in TONES for y in TONES]  # every cell of the table, zeros included
    assert sum(int(r["count"]) for r in tone_ab) == report.pair("alice", "bob", "tone",
                                                                "article_code").n_units
    assert {r["answer_a"] for r in confusion if r["variable"] == "relevance"} == {"TRUE", "FALSE"}


def test_a_project_without_answers_gives_undefined_code_rows(master: Project):
    one = master.articles.ids()[0]
    for coder in ("alice", "bob"):
        master.statuses.set(one, coder, "done")
    report = agreement_report(master)
    rows = [r for r in report.summary if r.level == "article_code"]
    assert rows and all(r.value is None and r.note for r in rows)
    assert all(p.cohen_kappa is None for p in report.pairwise if p.level == "article_code")
    assert all(r.count == 0 for r in report.codes_confusion)
