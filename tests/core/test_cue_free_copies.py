"""Cue-free copies (issue 16, point 1): `assign --cues off | per-article` writes copies whose
window shows no cue underlines in some or all articles, the copy carries each article's
condition, and merge records it per coder and article in the master. Real project files, the
real seeds, the real tokenizer."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.assign import assign, assign_copies, plan_copies
from annotator.core.cue_design import cue_free_articles
from annotator.core.errors import ProjectError
from annotator.core.merge import merge
from annotator.core.session import Session
from annotator.core.store import Project
from annotator.core.tokenizer import tokenizer_id
from tests.core.test_team import code_in_copy, master  # noqa: F401 (fixture)
from tests.older_files import make_format_8
from tests.round_projects import make_master

CODERS = ["alice", "bob", "carol", "dan"]


def conditions(path: Path) -> list[tuple[int, str, bool]]:
    with Project.open(path, read_only=True) as project:
        return project.cue_conditions.rows()


def test_a_copy_without_cues_shows_none_and_holds_no_cue_positions(master: Project,  # noqa: F811
                                                                   tmp_path: Path):
    on, off = tmp_path / "on.annot", tmp_path / "off.annot"
    assign(master, "alice", on)
    report = assign(master, "bob", off, cues="off")
    ids = master.articles.ids()
    assert report.without_cues == tuple(report.articles)
    assert "6 article(s), 6 without cue underlines" in report.summary()
    assert conditions(off) == [(a, "bob", False) for a in ids]
    assert conditions(on) == [(a, "alice", True) for a in ids]
    with Project.open(on) as copy:
        shown = Session(copy, "alice")
        assert all(shown.shows_cues(a) for a in ids)
        cued = [a for a in ids if shown.open_article(a).cues]
    assert cued  # the seeds hold cue words of the default schema: the test can fail
    with Project.open(off) as copy:
        hidden = Session(copy, "bob")
        for article_id in ids:
            assert copy.tokens.cues(article_id, copy.schema.sha256, tokenizer_id()) is None
            opened = hidden.open_article(article_id)
            assert opened.cues == [] and not hidden.shows_cues(article_id)
            assert opened.bounds == master.tokens.bounds(article_id, tokenizer_id())
        # another name in the same copy: the copy's condition still holds
        assert hidden.as_coder("bob2").open_article(cued[0]).cues == []
        # nothing computed the cues behind the coder's back while opening
        assert all(copy.tokens.cues(a, copy.schema.sha256, tokenizer_id()) is None for a in ids)


def test_the_master_always_shows_cues(master: Project, tmp_path: Path):  # noqa: F811
    assign(master, "alice", tmp_path / "off.annot", cues="off")
    merge(master, [tmp_path / "off.annot"])
    lead = Session(master, "alice")  # the master: no assigned coder
    assert all(lead.shows_cues(a) for a in master.articles.ids())
    assert any(lead.open_article(a).cues for a in master.articles.ids())


@pytest.fixture
def big(tmp_path: Path, seed_files: list[Path]):
    project = make_master(tmp_path, seed_files, count=12)
    yield project
    project.close()


def test_per_article_design_is_half_per_coder_both_ways_across_coders(big: Project):
    plan = plan_copies(big, CODERS, cues="per-article", seed=8)
    assert plan.seed == 8 and plan.cues == "per-article"
    for k, coder in enumerate(CODERS):
        mine, hidden = plan.per_coder[coder], plan.no_cues[coder]
        assert set(hidden) <= set(mine) and len(mine) == 12
        assert len(hidden) == 6
    for article_id in big.articles.ids():
        seen = {article_id in plan.no_cues[c] for c in CODERS}
        assert seen == {True, False}  # every article with cues for some coders, without for others
    assert plan == plan_copies(big, CODERS, cues="per-article", seed=8)
    others = [plan_copies(big, CODERS, cues="per-article", seed=s).no_cues for s in range(9, 14)]
    assert any(o != plan.no_cues for o in others)
    drawn = plan_copies(big, CODERS, cues="per-article")
    assert drawn.seed is not None
    assert plan_copies(big, CODERS, cues="per-article", seed=drawn.seed) == drawn


def test_per_coder_design_gives_half_of_the_coders_no_cues_anywhere(big: Project):
    plan = plan_copies(big, CODERS, cues="per-coder", seed=5)
    assert plan.seed == 5 and plan.cues == "per-coder"
    without = [c for c in CODERS if plan.no_cues[c]]
    assert len(without) == len(CODERS) // 2
    for coder in CODERS:
        assert plan.no_cues[coder] in ((), plan.per_coder[coder])  # all or nothing per coder
    assert plan == plan_copies(big, CODERS, cues="per-coder", seed=5)
    picks = {tuple(c for c in CODERS if plan_copies(big, CODERS, cues="per-coder",
                                                   seed=s).no_cues[c]) for s in range(20)}
    assert len(picks) > 1  # the seed decides who
    odd = plan_copies(big, CODERS[:3], cues="per-coder", seed=1)
    assert sum(bool(odd.no_cues[c]) for c in CODERS[:3]) == 1  # the smaller half
    assert plan_copies(big, CODERS, cues="per-coder").seed is not None  # drawn and printed


@pytest.mark.parametrize("overlap, sample", [(5, None), (0.5, 9), (0, None), (3, 7)])
def test_per_article_design_with_a_reliability_design(big: Project, overlap, sample):
    plan = plan_copies(big, CODERS[:3], overlap=overlap, sample=sample, cues="per-article",
                       seed=21)
    same = plan_copies(big, CODERS[:3], overlap=overlap, sample=sample, seed=21)
    assert (plan.shared, plan.per_coder) == (same.shared, same.per_coder)  # the draw is kept
    for coder in plan.coders:
        n, hidden = len(plan.per_coder[coder]), len(plan.no_cues[coder])
        assert n // 2 <= hidden <= (n + 1) // 2
    for article_id in plan.shared:
        assert {article_id in plan.no_cues[c] for c in plan.coders} == {True, False}


def test_odd_counts_alternate_the_extra_article_between_coders():
    rng = __import__("random").Random(3)
    hidden = cue_free_articles("per-article", ["a", "b"], [1, 2, 3],
                               {"a": (1, 2, 3), "b": (1, 2, 3)}, rng)
    assert (len(hidden["a"]), len(hidden["b"])) == (1, 2)
    assert set(hidden["a"]).isdisjoint(hidden["b"])
    with pytest.raises(ProjectError, match="use one of"):
        cue_free_articles("sometimes", ["a"], [], {"a": ()}, rng)


def test_merge_records_every_articles_condition_and_keeps_it(big: Project, tmp_path: Path):
    plan = plan_copies(big, CODERS[:2], overlap=4, cues="per-article", seed=2)
    reports = assign_copies(big.path, plan, tmp_path / "copies")
    assert [len(r.without_cues) for r in reports] == [len(plan.no_cues[c]) for c in plan.coders]
    paths = [r.path for r in reports]
    for report in reports:
        code_in_copy(report.path, report.coder, "security_concern")
    preview = merge(big, paths, preview=True)
    assert big.cue_conditions.rows() == []  # a preview records nothing
    assert preview.files[0].without_cues == len(plan.no_cues["alice"])
    done = merge(big, paths)
    expected = sorted((a, c, a not in plan.no_cues[c]) for c in plan.coders
                      for a in plan.per_coder[c])
    assert big.cue_conditions.rows() == expected
    assert "without cue underlines" in done.files[0].line()
    merge(big, list(reversed(paths)))  # a second merge (either order) changes nothing
    assert big.cue_conditions.rows() == expected
    # a re-issued copy with cues: once seen with cues, the article is recorded with cues
    again = tmp_path / "alice-again.annot"
    assign(big, "alice", again, article_ids=[big.articles.get(plan.no_cues["alice"][0])
                                             .external_id])
    merge(big, [again])
    merge(big, [paths[0]])
    after = {(a, c): cues for a, c, cues in big.cue_conditions.rows()}
    assert after[(plan.no_cues["alice"][0], "alice")] is True
    assert sum(not v for v in after.values()) == sum(not v for _a, _c, v in expected) - 1


def test_an_older_copy_still_merges_and_is_recorded_with_cues(master: Project,  # noqa: F811
                                                              tmp_path: Path):
    old = tmp_path / "old.annot"
    assign(master, "alice", old, cues="off")
    code_in_copy(old, "alice", "security_concern")
    make_format_8(old)  # as a version before cue-free copies wrote it: every article had cues
    report = merge(master, [old])
    assert report.files[0].spans.added == 1 and report.files[0].without_cues == 0
    assert master.cue_conditions.rows() == [(a, "alice", True) for a in master.articles.ids()]
    with sqlite3.connect(old) as conn:  # the returned file itself was not migrated
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 8


def test_a_copy_with_a_forged_condition_is_refused(master: Project, tmp_path: Path):  # noqa: F811
    path = tmp_path / "forged.annot"
    assign(master, "alice", path, cues="off")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute("UPDATE cue_conditions SET cues = 7")
    conn.close()
    with pytest.raises(ProjectError, match="cue condition is 7"):
        merge(master, [path])
    assert master.cue_conditions.rows() == []


def test_a_copy_whose_condition_table_was_redefined_is_refused(master: Project,  # noqa: F811
                                                               tmp_path: Path):
    """Migration 009 is part of what a returned copy's schema is compared with."""
    path = tmp_path / "redefined.annot"
    assign(master, "alice", path, cues="off")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DROP TABLE cue_conditions")
        conn.execute("CREATE TABLE cue_conditions (article_id, coder, cues)")
        conn.execute("INSERT INTO cue_conditions VALUES (1, 'alice', 'maybe')")
    conn.close()
    with pytest.raises(ProjectError, match="table 'cue_conditions' is defined differently"):
        merge(master, [path])
    assert master.cue_conditions.rows() == []


def test_a_cue_free_article_without_cached_tokens_is_tokenized_and_still_has_no_cues(
    master: Project, tmp_path: Path  # noqa: F811
):
    path = tmp_path / "off.annot"
    assign(master, "alice", path, cues="off")
    article_id = master.articles.ids()[0]
    with Project.open(path) as copy:
        copy.db.execute("DELETE FROM article_tokens")
        opened = Session(copy, "alice").open_article(article_id)
        assert opened.cues == [] and opened.bounds
        assert opened.bounds == master.tokens.bounds(article_id, tokenizer_id())
        assert copy.tokens.bounds(article_id, tokenizer_id()) == opened.bounds  # kept
        assert copy.tokens.cues(article_id, copy.schema.sha256, tokenizer_id()) is None
