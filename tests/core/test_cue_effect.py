"""The cue-effect measures (issue 16, point 2) on small hand-made studies with known answers:
no project, no Qt. Tokens are two characters each, so token i is characters 2i..2i+2."""

from __future__ import annotations

import pytest

from annotator.core import agreement
from annotator.core.agreement import OVERALL
from annotator.core.cue_effect import (
    GOLD_MEASURES,
    MARKED,
    MEASURES,
    ON_CUES,
    TOKEN_ALPHA,
    UNITIZING,
    cue_effect,
)
from annotator.core.cue_effect_data import WITH, WITHOUT, CueStudy, cue_article
from annotator.core.cue_effect_files import effect_table, summary_line, summary_lines
from annotator.core.units import ArticleUnits

L, M = "L", "M"


def units(aid: int, spans: dict[str, dict[str, list[tuple[int, int]]]], n_tokens: int = 10,
          done: set[str] | None = None) -> ArticleUnits:
    return ArticleUnits(aid, f"a{aid}", "", "x" * (2 * n_tokens),
                        list(range(0, 2 * n_tokens, 2)), list(range(2, 2 * n_tokens + 1, 2)),
                        set(spans) if done is None else done, spans)


def first_study() -> CueStudy:
    """A and B saw the article with cues, C without; cue words of L at tokens 0 and 5."""
    article = units(0, {"A": {L: [(0, 4)]}, "B": {L: [(10, 12)]}, "C": {L: [(4, 8)]}})
    return CueStudy(["A", "B", "C"], [L], [
        cue_article(article, {L: [(0, 2), (10, 12)]}, {"C"}, ["A", "B", "C"],
                    gold={L: [(0, 6)]})])


def test_the_pull_of_the_lexicon_on_a_known_study():
    effect = cue_effect(first_study(), b=0)
    marked = effect.row(L, MARKED)
    # A touches cue 0, B cue 5: 2 of 4 (cue, coder) pairs; C touches none of 2
    assert (marked.with_cues, marked.without_cues) == (0.5, 0.0)
    assert marked.difference == -0.5 and (marked.units_with, marked.units_without) == (4, 2)
    on = effect.row(L, ON_CUES)
    # A: 4 characters, 2 on a cue; B: 2 of 2; C: 0 of 4
    assert on.with_cues == pytest.approx(4 / 6) and on.without_cues == 0.0
    assert (on.units_with, on.units_without) == (6, 4)
    # one label: overall is the label
    assert effect.row(OVERALL, MARKED).with_cues == 0.5
    assert marked.ci_low is None and effect.seed is None
    assert effect.seen == {WITH: 2, WITHOUT: 1}


def test_gold_recall_and_precision_inside_and_outside_cue_words():
    effect = cue_effect(first_study(), b=0)
    rc, pc, ro, po = (effect.row(L, m) for m in GOLD_MEASURES)
    # gold tokens 0,1,2; cue tokens 0 and 5. A: tokens 0,1; B: token 5; C: tokens 2,3
    assert (rc.with_cues, rc.without_cues) == (0.5, 0.0)  # A hits 0, B misses; C misses
    assert pc.with_cues == 0.5 and pc.without_cues is None  # C marked no cue token
    assert pc.difference is None
    assert (ro.with_cues, ro.without_cues) == (0.25, 0.5)  # A 1/2 + B 0/2; C 1/2
    assert (po.with_cues, po.without_cues) == (1.0, 0.5)  # A 1/1; C 1/2


def test_alphas_are_the_reports_alphas_on_the_coders_of_each_condition():
    """Article 0: A, B with cues, C, D without; article 1: A, C with, B, D without; article 2:
    only A with cues (no pair: counts in no alpha)."""
    coders = ["A", "B", "C", "D"]
    a0 = units(0, {"A": {L: [(0, 6)], M: [(8, 10)]}, "B": {L: [(2, 6)]},
                   "C": {L: [(0, 4)], M: [(8, 12)]}, "D": {L: [(0, 4)]}})
    a1 = units(1, {"A": {L: [(10, 14)]}, "B": {L: [(12, 14)], M: [(0, 2)]},
                   "C": {L: [(10, 16)]}, "D": {M: [(0, 4)]}})
    a2 = units(2, {"A": {L: [(0, 2)]}})
    study = CueStudy(coders, [L, M], [
        cue_article(a0, {}, {"C", "D"}, coders), cue_article(a1, {}, {"B", "D"}, coders),
        cue_article(a2, {}, set(), coders)])
    effect = cue_effect(study, b=0)
    pairs = {WITH: [(a0, "A", "B"), (a1, "A", "C")], WITHOUT: [(a0, "C", "D"), (a1, "B", "D")]}
    for condition, chosen in pairs.items():
        for label in (L, M):
            # token alpha: a unit per token of each article, the condition's two coders
            rows = [[], []]
            for article, x, y in chosen:
                rows[0] += article.token_values(x, label)
                rows[1] += article.token_values(y, label)
            expected = agreement.krippendorff_alpha(rows).value
            row = effect.row(label, TOKEN_ALPHA)
            got = row.with_cues if condition == WITH else row.without_cues
            assert got == pytest.approx(expected, abs=1e-12), (condition, label)
        # unitizing alpha: the two articles laid end to end, coders as slots #1, #2
        spans = {"1": [], "2": []}
        for k, (article, x, y) in enumerate(chosen):
            for slot, coder in (("1", x), ("2", y)):
                for label in (L, M):
                    spans[slot] += [(s + 20 * k, e + 20 * k, label)
                                    for s, e in article.coder_spans(coder, label)]
        expected = agreement.unitizing_alpha(spans, 40)
        for label in (L, M, OVERALL):
            row = effect.row(label, UNITIZING)
            got = row.with_cues if condition == WITH else row.without_cues
            assert got == pytest.approx(expected[label].value, abs=1e-12), (condition, label)
    overall = effect.row(OVERALL, TOKEN_ALPHA)
    rows = [[], []]
    for article, x, y in pairs[WITH]:
        for label in (L, M):
            rows[0] += article.token_values(x, label)
            rows[1] += article.token_values(y, label)
    assert overall.with_cues == pytest.approx(agreement.krippendorff_alpha(rows).value)
    row = effect.row(L, TOKEN_ALPHA)
    assert (row.articles_with, row.articles_without) == (2, 2)  # article 2: one coder only
    assert (row.units_with, overall.units_with) == (20, 40)
    assert effect.row(L, UNITIZING).units_with == 40
    assert effect.row(L, "gold_recall_cue_tokens") is None  # no gold: no gold rows


def test_an_alpha_without_two_coders_in_a_condition_is_undefined_not_zero():
    effect = cue_effect(first_study(), b=50, seed=3)
    row = effect.row(L, TOKEN_ALPHA)
    assert row.with_cues is not None and row.without_cues is None
    assert row.difference is None and row.ci_low is None and row.articles_without == 0


def spread_study(seed: int, pull: bool) -> CueStudy:
    """Twelve articles, four coders, two per condition on each article: with ``pull``, the
    coders with cues also mark the cue word at token 8."""
    import random

    rng = random.Random(seed)
    coders = ["A", "B", "C", "D"]
    articles = []
    for aid in range(12):
        hidden = {"C", "D"} if aid % 2 else {"A", "B"}
        spans = {}
        for coder in coders:
            start = 2 * rng.randrange(0, 4)
            mine = [(start, start + 4)]
            if pull and coder not in hidden:
                mine.append((16, 18))
            spans[coder] = {L: mine}
        articles.append(cue_article(units(aid, spans), {L: [(16, 18), (2, 4)]}, hidden, coders))
    return CueStudy(coders, [L], articles)


def test_the_difference_interval_is_paired_seeded_and_contains_the_difference():
    study = spread_study(1, pull=True)
    effect = cue_effect(study, b=400, seed=9, level=0.9)
    assert (effect.bootstrap_b, effect.seed, effect.level) == (400, 9, 0.9)
    for row in effect.rows:
        if row.difference is not None:
            assert row.ci_low <= row.difference <= row.ci_high, row
    marked = effect.row(L, MARKED)
    assert marked.ci_high < 0  # the underlines pulled: without − with clearly below 0
    again = cue_effect(study, b=400, seed=9, level=0.9)
    assert again.rows == effect.rows
    other = cue_effect(study, b=400, seed=10, level=0.9)
    assert [(r.ci_low, r.ci_high) for r in other.rows] != [(r.ci_low, r.ci_high)
                                                           for r in effect.rows]
    assert [(r.label, r.measure) for r in effect.rows] == [
        (label, m) for label in (L, OVERALL) for m in MEASURES if m not in GOLD_MEASURES]


def test_identical_conditions_give_a_difference_of_zero_with_a_zero_interval():
    """Every coder codes exactly as the others, with or without cues."""
    coders = ["A", "B", "C", "D"]
    articles = []
    for aid in range(5):
        spans = {c: {L: [(2 * aid, 2 * aid + 4)]} for c in coders}
        articles.append(cue_article(units(aid, spans), {L: [(0, 2), (8, 10)]},
                                    {"C", "D"} if aid % 2 else {"A", "B"}, coders))
    effect = cue_effect(CueStudy(coders, [L], articles), b=100, seed=1)
    for measure in (MARKED, ON_CUES):
        row = effect.row(L, measure)
        assert row.difference == 0 and (row.ci_low, row.ci_high) == (0, 0)


def test_plain_words_turn_the_difference_into_what_the_underlines_did():
    effect = cue_effect(spread_study(1, pull=True), b=200, seed=2)
    marked = effect.row(L, MARKED)
    line = summary_line(effect, L, "Frame L")
    points = f"{-marked.difference * 100:.0f}"
    low, high = f"{-marked.ci_high * 100:.0f}", f"{-marked.ci_low * 100:.0f}"
    assert line.startswith("Frame L: Coders marked ")
    assert (f"{points} points more often when they saw the underlines (95% CI {low} to {high}; "
            "the interval excludes 0)") in line
    japanese = summary_line(effect, L, "フレームL", "ja")
    assert japanese.startswith("フレームL:") and f"{points}ポイント高い" in japanese
    assert len(summary_lines(effect)) == 2  # the label, then all labels
    none = cue_effect(spread_study(1, pull=False), b=200, seed=2)
    assert "no clear difference: it includes 0" in summary_line(none, L, "L")


def test_the_table_has_one_row_per_label_and_measure_with_the_bootstrap_settings():
    effect = cue_effect(spread_study(2, pull=True), b=50, seed=4)
    table = effect_table(effect)
    assert table.header[:7] == ("label", "measure", "with_cues", "without_cues", "difference",
                                "ci_low", "ci_high")
    assert len(table.rows) == len(effect.rows) == 8
    first = dict(zip(table.header, table.rows[0]))
    assert (first["bootstrap_b"], first["seed"], first["ci_level"]) == (50, 4, 0.95)
    assert first["articles_with"] == 12
