"""Bootstrap intervals of every alpha: resampling articles, checked against plain loops that
recompute each replicate from scratch (the `krippendorff` package for token and article alphas,
the report's own unitizing alpha on the resampled articles laid end to end)."""

from __future__ import annotations

import csv
import json
import os
import random
import sys
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core import agreement
from annotator.core.bootstrap import bootstrap_alphas, interval, measures, quantile
from annotator.core.bootstrap_coincidence import CoincidenceAlpha
from annotator.core.code_units import collect_codes
from annotator.core.importers import import_paths
from annotator.core.report_files import write_report
from annotator.core.reports import agreement_report
from annotator.core.store import Project
from annotator.core.units import ArticleUnits, StudyData, collect

CODERS = ["alice", "bob", "carol"]
LABELS = ["security", "economy"]


def synthetic(seed: int, n_articles: int = 24, n_tokens: int = 120) -> StudyData:
    """Articles of one-character tokens; each coder's spans follow a shared truth with noise;
    now and then a coder has not marked an article done (missing values)."""
    rng = random.Random(seed)
    articles = []
    for a in range(n_articles):
        truth = {label: _random_spans(rng, n_tokens) if rng.random() < 0.6 else []
                 for label in LABELS}
        spans = {}
        for coder in CODERS:
            spans[coder] = {
                label: [(max(0, s + rng.randint(-2, 2)), min(n_tokens, e + rng.randint(-2, 2)))
                        for s, e in truth[label] if rng.random() < 0.8]
                + (_random_spans(rng, n_tokens, 0.2) if rng.random() < 0.2 else [])
                for label in LABELS}
            spans[coder] = {k: [(s, e) for s, e in v if s < e] for k, v in spans[coder].items()}
        done = {c for c in CODERS if rng.random() < 0.9}
        articles.append(ArticleUnits(
            a, f"a{a}", f"title {a}", "字" * n_tokens, list(range(n_tokens)),
            list(range(1, n_tokens + 1)), done, spans))
    return StudyData(list(CODERS), list(LABELS), articles)


def _random_spans(rng: random.Random, n: int, rate: float = 1.0) -> list[tuple[int, int]]:
    spans, pos = [], 0
    while True:
        pos += rng.randint(3, 40)
        length = rng.randint(1, 15)
        if pos + length > n:
            return spans
        if rng.random() < rate:
            spans.append((pos, pos + length))
        pos += length


def package_alpha(rows: list[list], level: str = "nominal") -> float:
    matrix = np.array([[np.nan if v is None else float(v) for v in row] for row in rows])
    return krippendorff.alpha(reliability_data=matrix, level_of_measurement=level)


def drawn(study: StudyData, idx: list[int]) -> StudyData:
    return StudyData(study.coders, study.labels, [study.articles[i] for i in idx])


@pytest.mark.parametrize("seed", [1, 2])
def test_token_and_article_alphas_equal_a_plain_loop_with_the_package(seed: int):
    study = synthetic(seed)
    b, level = 80, 0.9
    found = bootstrap_alphas(study, None, b, seed, level)
    rng = random.Random(seed)  # the plain loop: the same generator, alpha from scratch
    loop: dict[tuple[str, str], list[float]] = {}
    for _ in range(b):
        sample = drawn(study, rng.choices(range(len(study.articles)), k=len(study.articles)))
        for label in LABELS:
            tokens = sample.token_rows(label)
            articles = sample.article_rows(label)
            loop.setdefault(("token", label), []).append(
                package_alpha([tokens[c] for c in CODERS]))
            loop.setdefault(("article", label), []).append(
                package_alpha([articles[c] for c in CODERS]))
    for (level_name, label), values in loop.items():
        result = found[("krippendorff_alpha", level_name, label)]
        low, high = np.quantile(values, [0.05, 0.95])
        assert result.low == pytest.approx(low, abs=1e-9)
        assert result.high == pytest.approx(high, abs=1e-9)
        assert result.q_below[0.667] == pytest.approx(np.mean(np.array(values) < 0.667), abs=1e-12)
        assert result.q_below[0.8] == pytest.approx(np.mean(np.array(values) < 0.8), abs=1e-12)
        assert result.defined == b and low < high


def test_each_replicate_equals_the_package_nominal_and_ordinal():
    rng = random.Random(7)
    per_article = []  # 30 articles, 1-5 units each, 3 coders, categories 0..4, some missing
    for _ in range(30):
        units = rng.randint(1, 5)
        truth = [rng.randint(0, 4) for _ in range(units)]
        per_article.append([
            [None if rng.random() < 0.15 else
             (t if rng.random() < 0.6 else min(4, max(0, t + rng.choice((-1, 1, 2)))))
             for t in truth] for _ in CODERS])
    nominal = CoincidenceAlpha(per_article)
    ordinal = CoincidenceAlpha(per_article, ordinal=True, order=range(5))
    for _ in range(25):
        idx = rng.choices(range(30), k=30)
        rows = [sum((per_article[a][c] for a in idx), []) for c in range(3)]
        assert nominal.value(idx) == pytest.approx(package_alpha(rows), abs=1e-9)
        assert ordinal.value(idx) == pytest.approx(package_alpha(rows, "ordinal"), abs=1e-9)


@pytest.mark.parametrize("seed", [3, 4])
def test_unitizing_replicates_equal_the_report_on_the_resample_laid_end_to_end(seed: int):
    study = synthetic(seed, n_articles=15, n_tokens=90)
    study.articles[0].spans["bob"]["security"] = []  # a coder with no unit: one long gap
    (keys, unitizing), = [(k, f) for k, f in measures(study) if k[0][0] == "unitizing_alpha"]
    rng = random.Random(seed)
    for t in range(12):
        idx = list(range(15)) if t == 0 else rng.choices(range(15), k=15)
        spans, length, _ = drawn(study, idx).continuum(CODERS)
        expected = agreement.unitizing_alpha(spans, length)
        for (_, _, label), value in zip(keys, unitizing(idx)):
            assert value == pytest.approx(expected[label].value, abs=1e-12)


def test_undefined_replicates_are_left_out_and_quantiles_interpolate():
    assert quantile([0.0, 1.0], 0.25) == 0.25 and quantile([0.5], 0.975) == 0.5
    result = interval([None, 0.5, 0.9, None, 0.7], 0.5)
    assert result.defined == 3 and (result.low, result.high) == (0.6, 0.8)
    assert result.q_below == {0.667: 1 / 3, 0.8: 2 / 3}
    assert interval([None, None], 0.95).low is None
    with pytest.raises(ValueError, match="between 0 and 1"):
        bootstrap_alphas(synthetic(1, 3, 20), None, 10, 1, 1.0)


TEXTS = ["安全保障上の懸念がある。経済的利益も大きい。", "国産化を急ぐべきだとの声も強い。",
         "米国は輸出規制を強化した。安全保障が理由だ。", "地元の祭りが開かれ、人でにぎわった。",
         "日米はデータ保護で協力することで合意した。", "中国は水産物の輸入停止を続けている。"]


@pytest.fixture
def coded(tmp_path: Path) -> Project:
    """Six articles, three coders with spans and article codes (nominal and ordinal)."""
    source = tmp_path / "study.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"n{k}", "title": f"t{k}", "text": text},
                                           ensure_ascii=False) for k, text in enumerate(TEXTS)),
                      "utf-8")
    project = Project.create(tmp_path / "study.annot")
    import_paths(project, [source], processes=1)
    rng = random.Random(5)
    labels = list(project.schema.label_ids)[:2]
    tones = [o for v in project.schema.variables if v.id == "tone" for o in v.option_ids]
    for article_id in project.articles.ids():
        text = project.articles.get(article_id).text
        for coder in CODERS:
            for label in labels:
                start = rng.randrange(len(text) - 6)
                project.annotations.add(article_id, coder, label, start, start + rng.randint(2, 6))
            project.codes.set(article_id, coder, "relevance", rng.random() < 0.6)
            project.codes.set(article_id, coder, "tone", rng.choice(tones))
            project.statuses.set(article_id, coder, "done")
    yield project
    project.close()


def test_every_alpha_of_the_report_gets_an_interval_around_its_own_statistic(coded: Project):
    report = agreement_report(coded, bootstrap=300, seed=11)
    assert (report.bootstrap_b, report.seed, report.level) == (300, 11, 0.95)
    alphas = [r for r in report.summary if "alpha" in r.measure]
    assert {r.level for r in alphas} == {"token", "character", "article", "article_code"}
    assert any(r.measure == "krippendorff_alpha_ordinal" for r in alphas)
    for row in report.summary:
        if "alpha" not in row.measure:
            assert row.bootstrap_b == 0 and row.ci_low is None and row.q_below == {}
        elif row.value is not None:
            assert row.bootstrap_b == 300 and row.seed == 11 and row.ci_level == 0.95
            assert row.ci_low is not None and row.ci_high is not None
            assert row.ci_low <= row.ci_high and set(row.q_below) == {0.667, 0.8}
    # the identity resample (every article once, in order) is the reported value itself
    data = collect(coded)
    identity = list(range(len(data.articles)))
    for keys, compute in measures(data, collect_codes(coded, data)):
        for key, value in zip(keys, compute(identity)):
            reported = report.value(*key)
            assert (value is None) == (reported is None), key
            if value is not None:
                assert value == pytest.approx(reported, abs=1e-12), key


def test_same_seed_same_numbers_other_seed_other_numbers(coded: Project):
    first = agreement_report(coded, bootstrap=200, seed=3)
    assert agreement_report(coded, bootstrap=200, seed=3).summary == first.summary
    other = agreement_report(coded, bootstrap=200, seed=4)
    assert [r.ci_low for r in other.summary] != [r.ci_low for r in first.summary]
    drawn_seed = agreement_report(coded, bootstrap=20)
    assert isinstance(drawn_seed.seed, int)
    assert all(r.seed == drawn_seed.seed for r in drawn_seed.summary if r.bootstrap_b)


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_summary_csv_has_the_interval_columns_and_bootstrap_0_leaves_them_empty(
        coded: Project, tmp_path: Path):
    new = ["ci_low", "ci_high", "q_below_0.667", "q_below_0.800", "bootstrap_b", "seed",
           "ci_level"]
    write_report(agreement_report(coded, bootstrap=100, seed=9), tmp_path / "on")
    rows = read(tmp_path / "on" / "summary.csv")
    assert list(rows[0])[-7:] == new
    token = next(r for r in rows if r["measure"] == "krippendorff_alpha" and r["level"] == "token")
    assert float(token["ci_low"]) <= float(token["value"]) + 0.5
    assert (token["bootstrap_b"], token["seed"], token["ci_level"]) == ("100", "9", "0.95")
    assert 0 <= float(token["q_below_0.667"]) <= 1
    kappa = next(r for r in rows if r["measure"] == "fleiss_kappa")
    assert [kappa[c] for c in new] == [""] * 7
    off = agreement_report(coded, bootstrap=0)
    assert off.seed is None and off.bootstrap_b == 0
    write_report(off, tmp_path / "off")
    assert all(r[c] == "" for r in read(tmp_path / "off" / "summary.csv") for c in new)


def test_cli_prints_the_seed_and_intervals_and_repeats_them(coded: Project, tmp_path: Path):
    path = str(coded.path)
    coded.close()
    runner = CliRunner()
    args = ["agreement", path, "--bootstrap", "150", "--seed", "42", "--level", "0.9"]
    first = runner.invoke(cli, [*args, "--out", str(tmp_path / "a")])
    assert first.exit_code == 0, first.output
    assert "90% intervals from 150 resamples of the articles, seed 42" in first.output
    line = next(x for x in first.output.splitlines() if "krippendorff_alpha" in x and "token" in x)
    assert "[" in line and "q(<0.667)=" in line
    again = runner.invoke(cli, [*args, "--out", str(tmp_path / "b")])
    assert (tmp_path / "a" / "summary.csv").read_bytes() == (tmp_path / "b" / "summary.csv").read_bytes()
    off = runner.invoke(cli, ["agreement", path, "--bootstrap", "0", "--out", str(tmp_path / "c")])
    assert off.exit_code == 0 and "resamples" not in off.output and "[" not in off.output
    bad = runner.invoke(cli, ["agreement", path, "--level", "1.5", "--out", str(tmp_path / "d")])
    assert bad.exit_code == 2 and "--level" in bad.output
    assert again.exit_code == 0


@pytest.mark.skipif(not os.environ.get("ANNOTATOR_SLOW_TESTS"),
                    reason="a minute of simulation; set ANNOTATOR_SLOW_TESTS=1 to run it")
def test_95_percent_intervals_cover_a_known_alpha_in_93_to_97_percent_of_studies():
    """benchmarks/bench_bootstrap_coverage.py's simulation, 1,000 studies (README: 95.8%)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from bench_bootstrap_coverage import TRUE_ALPHA, simulate

    rng = random.Random(1)
    covered = 0
    for s in range(1000):
        alpha = CoincidenceAlpha(simulate(rng, 100, 200))
        draw = random.Random(1_000_003 + s)
        result = interval([alpha.value(draw.choices(range(100), k=100)) for _ in range(2000)],
                          0.95)
        covered += result.low <= TRUE_ALPHA <= result.high
    assert 930 <= covered <= 970
