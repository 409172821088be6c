"""The cue effect on real project files (issue 16, point 2): real SQLite, real fugashi tokens,
cue words from the default schema's lexicon, conditions recorded as merge records them, and
simulated coders who follow the underlines or ignore them; and the report's section."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from annotator.core.agreement import OVERALL
from annotator.core.cue_effect import GOLD_MEASURES, MARKED, ON_CUES, TOKEN_ALPHA, cue_effect
from annotator.core.cue_effect_data import WITH, WITHOUT, has_both_conditions, read_cue_study
from annotator.core.store import Project
from tests.cue_studies import CODERS, TRUE, make_template, simulate

SLOW = bool(os.environ.get("ANNOTATOR_SLOW_TESTS"))
STUDIES = 200 if SLOW else 100  # of each kind: 100 + 100 take about 15 s, 200 + 200 twice that


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> tuple[Path, dict]:
    return make_template(tmp_path_factory.mktemp("cue_template"), n_articles=10)


def test_the_study_read_from_a_project_has_its_conditions_cues_and_gold(template, tmp_path):
    path = simulate(*template, tmp_path / "s.annot", seed=1, follow=False, gold=True)
    with Project.open(path, read_only=True) as project:
        recorded = {(a, c): shown for a, c, shown in project.cue_conditions.rows()}
        study = read_cue_study(project)
        assert has_both_conditions(project) and has_both_conditions(project, ["alice"])
        assert not has_both_conditions(project, ["nobody"])
        first = project.articles.ids()[:1]
        assert has_both_conditions(project, None, first) and not has_both_conditions(
            project, None, [])
        labels = set(project.schema.label_ids)
    assert study.coders == CODERS and len(study.articles) == 10 and study.has_gold
    for article in study.articles:
        aid = article.units.id
        assert set(article.coders(WITH)) | set(article.coders(WITHOUT)) == set(CODERS)
        assert all(recorded[(aid, c)] for c in article.coders(WITH))
        assert not any(recorded[(aid, c)] for c in article.coders(WITHOUT))
        # the per-article design: two coders in each condition on every shared article
        assert len(article.coders(WITH)) == len(article.coders(WITHOUT)) == 2
        assert set(article.cues) <= labels and article.cues  # the lexicon's words are there
        text = article.units.text
        for spans in article.cues.values():
            assert spans == sorted(spans)
            assert all(e <= s2 for (_, e), (s2, _) in zip(spans, spans[1:]))  # merged
        economy = article.cues.get("economic_interest", [])
        for at in (m.start() for m in re.finditer("市場", text)):  # 駅前の市場 and 中国市場
            assert any(s <= at and at + 2 <= e for s, e in economy), text[at - 5:at + 5]
        gold = {(label, s, e) for label, spans in article.gold.items() for s, e in spans}
        assert gold == set(template[1][aid])


def test_without_cue_free_coding_there_is_nothing_to_compare(template, tmp_path):
    path = tmp_path / "plain.annot"
    simulate(*template, path, seed=2, follow=False)
    with Project.open(path) as project:
        project.db.execute("DELETE FROM cue_conditions")
        project.db.conn.commit()
        assert not has_both_conditions(project)
        effect = cue_effect(read_cue_study(project), b=20, seed=1)
    assert effect.seen == {WITH: 40, WITHOUT: 0}
    row = effect.row(OVERALL, MARKED)
    assert row.without_cues is None and row.difference is None and row.ci_low is None


def _excludes_zero(effect, label: str, measure: str) -> bool:
    row = effect.row(label, measure)
    return row.ci_low is not None and (row.ci_low > 0 or row.ci_high < 0)


@pytest.mark.parametrize("follow", [True, False], ids=["followers", "ignorers"])
def test_simulated_studies_find_the_pull_of_followers_and_none_of_ignorers(
        template, tmp_path, follow: bool):
    """Followers mark the cue words where they see the underlines and read where they do not;
    ignorers read in both. The difference of cue words marked (all labels) must exclude 0 for
    followers and include it for ignorers in most studies."""
    found = {MARKED: 0, ON_CUES: 0}
    for k in range(STUDIES):
        path = simulate(*template, tmp_path / f"s{k}.annot", seed=1000 + k, follow=follow)
        with Project.open(path, read_only=True) as project:
            effect = cue_effect(read_cue_study(project), b=200, seed=k)
        path.unlink()
        for measure in found:
            found[measure] += _excludes_zero(effect, OVERALL, measure)
            if follow:  # the direction: more cue words marked with the underlines
                assert effect.row(OVERALL, measure).difference < 0
    share = {m: n / STUDIES for m, n in found.items()}
    if follow:
        assert share[MARKED] >= 0.95 and share[ON_CUES] >= 0.95, share
    else:
        assert share[MARKED] <= 0.2 and share[ON_CUES] <= 0.2, share


pytest.importorskip("matplotlib")


def _section(html: str) -> str:
    found = re.search(r'<section id="cue_effect">(.*?)</section>', html, re.S)
    return found.group(1) if found else ""


def test_the_report_has_the_cue_section_only_with_both_conditions(template, tmp_path):
    from annotator.core.html_report import write_html_report

    path = simulate(*template, tmp_path / "s.annot", seed=3, follow=True, gold=True)
    out = tmp_path / "r.html"
    write_html_report(path, out, lang="en", bootstrap=100, seed=8)
    html = out.read_text(encoding="utf-8")
    section = _section(html)
    assert "<h2>The cue effect</h2>" in section
    with Project.open(path, read_only=True) as project:
        effect = cue_effect(read_cue_study(project), b=100, seed=8)
    row = effect.row(OVERALL, TOKEN_ALPHA)
    assert f'data-value="{row.with_cues!r}"' in section  # the numbers of the analysis
    assert "All frames: Coders marked" in section and "seed 8" in section
    assert "recall vs gold (cue words)" in section and len(GOLD_MEASURES) == 4
    methods = html[html.index('<section id="methods">'):]
    assert "cue underlines steered the coders" in methods and "paired bootstrap" in methods
    both = tmp_path / "both.html"
    write_html_report(path, both, lang="both", bootstrap=0)
    text = _section(both.read_text(encoding="utf-8"))
    assert "手がかり語の下線の影響" in text and "全フレーム:" in text
    with Project.open(path) as project:
        project.rounds.add("r1", "2026-12-01", project.articles.ids()[:3])
    in_round = tmp_path / "round.html"
    write_html_report(path, in_round, round="r1", lang="en", bootstrap=0)
    cells = re.findall(r'data-value="(\d+)">\d+</td><td class="num" data-value="(\d+)">',
                       _section(in_round.read_text(encoding="utf-8")))
    assert cells and max(int(n) for pair in cells for n in pair) == 3  # the round's only
    with Project.open(path) as project:
        project.db.execute("DELETE FROM cue_conditions")
        project.db.conn.commit()
    plain = tmp_path / "plain.html"
    write_html_report(path, plain, lang="en", bootstrap=0)
    page = plain.read_text(encoding="utf-8")
    assert 'id="cue_effect"' not in page and "The cue effect" not in page
    assert "cue underlines steered" not in page
    assert TRUE  # the sentences the simulated coders read come from tests.cue_studies
