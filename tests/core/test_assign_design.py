"""The copies design: plan_copies (shared set, the rest divided, seeds) and assign_copies (blind
files, names, all or nothing), on real project files."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from annotator.core.assign import assign_copies, copy_path, plan_copies
from annotator.core.errors import ProjectError
from annotator.core.progress import Cancelled
from annotator.core.store import Project
from tests.round_projects import code, make_master

CODERS = ["alice", "bob", "carol"]


@pytest.fixture
def master(tmp_path: Path, seed_files: list[Path]):
    project = make_master(tmp_path, seed_files, count=11)
    yield project
    project.close()


def check_design(plan, pool: list[int]) -> None:
    """Every coder has the shared set; the rest is partitioned exactly and evenly."""
    shared = set(plan.shared)
    own = {c: set(plan.per_coder[c]) - shared for c in plan.coders}
    for coder in plan.coders:
        assert shared <= set(plan.per_coder[coder])
        assert list(plan.per_coder[coder]) == sorted(plan.per_coder[coder])
    rest = [a for ids in own.values() for a in ids]
    assert len(rest) == len(set(rest))  # no article of the rest goes to two coders
    assert set(rest) | shared == set(pool) and not set(rest) & shared
    sizes = [len(ids) for ids in own.values()]
    assert max(sizes) - min(sizes) <= 1


@pytest.mark.parametrize("overlap, shared", [(3, 3), (0, 0), (0.25, 3), (1.0, 11), (11, 11)])
def test_overlap_gives_every_coder_the_shared_set_and_divides_the_rest(
    master: Project, overlap, shared
):
    plan = plan_copies(master, CODERS, overlap=overlap, seed=5)
    assert len(plan.shared) == shared == (math.ceil(overlap * 11) if isinstance(overlap, float)
                                          else overlap)
    assert plan.coders == tuple(CODERS) and plan.seed == 5
    check_design(plan, master.articles.ids())


def test_same_seed_same_plan_and_the_drawn_seed_repeats_it(master: Project):
    one = plan_copies(master, CODERS, sample=8, overlap=2, seed=41)
    assert one == plan_copies(master, CODERS, sample=8, overlap=2, seed=41)
    other = [plan_copies(master, CODERS, sample=8, overlap=2, seed=s) for s in range(42, 47)]
    assert any(p.per_coder != one.per_coder for p in other)
    drawn = plan_copies(master, CODERS, sample=8, overlap=2)
    assert drawn.seed is not None
    assert plan_copies(master, CODERS, sample=8, overlap=2, seed=drawn.seed) == drawn
    sampled = set().union(*map(set, one.per_coder.values()))
    assert len(sampled) == 8
    check_design(one, sorted(sampled))


def test_without_overlap_every_coder_gets_every_article_and_no_seed(master: Project):
    ids = master.articles.ids()
    plan = plan_copies(master, ["alice", "bob"], ids[2:6])
    assert plan.shared == tuple(ids[2:6]) and plan.seed is None
    assert plan.per_coder == {"alice": tuple(ids[2:6]), "bob": tuple(ids[2:6])}


def test_the_round_is_the_pool(master: Project):
    ids = master.articles.ids()
    master.rounds.add("main", "", ids[4:10])
    plan = plan_copies(master, CODERS, round="main", overlap=0.5, seed=1)
    check_design(plan, ids[4:10])
    inside = plan_copies(master, CODERS, ids[:6], round="main")
    assert inside.shared == tuple(ids[4:6])


def test_bad_designs_are_refused(master: Project):
    with pytest.raises(ProjectError, match="overlap 12: only 11 article"):
        plan_copies(master, CODERS, overlap=12)
    with pytest.raises(ProjectError, match="overlap 5: only 4 article"):
        plan_copies(master, CODERS, sample=4, overlap=5, seed=1)
    with pytest.raises(ProjectError, match="above 0 and at most 1"):
        plan_copies(master, CODERS, overlap=1.5)
    with pytest.raises(ProjectError, match="sample 12: only 11"):
        plan_copies(master, CODERS, sample=12)
    with pytest.raises(ProjectError, match="'bob' is named twice"):
        plan_copies(master, ["bob", "alice", "bob"])
    with pytest.raises(ProjectError, match="at least one coder"):
        plan_copies(master, [])
    with pytest.raises(ProjectError, match="no article with internal id 99"):
        plan_copies(master, CODERS, [99])


def test_copies_are_blind_and_named_by_coder_and_round(master: Project, tmp_path: Path):
    ids = master.articles.ids()
    for aid in ids:  # everybody's work everywhere: each copy must hold only its coder's
        for coder in CODERS:
            code(master, aid, coder, "security_concern", 1, 3 + len(coder))
    master.rounds.add("training 1", "2026-12-01", ids)
    plan = plan_copies(master, CODERS, overlap=3, seed=9, round="training 1")
    path = master.path
    seen = []
    reports = assign_copies(path, plan, tmp_path / "out", round="training 1",
                            progress=lambda done, total, what: seen.append((done, total)))
    assert seen[-1] == (seen[-1][1], sum(len(v) for v in plan.per_coder.values()))
    assert [r.path.name for r in reports] == [
        f"master-{c}-training_1.annot" for c in CODERS]
    for report, coder in zip(reports, CODERS):
        with Project.open(report.path) as copy:
            assert copy.assigned_coder == coder
            assert copy.articles.ids() == list(plan.per_coder[coder])
            assert copy.coders.names() == [coder]
            rows = copy.db.execute("SELECT DISTINCT coder FROM annotations UNION "
                                   "SELECT DISTINCT coder FROM article_status").fetchall()
            assert rows == [(coder,)]  # the coder's own earlier work, nobody else's
            assert copy.rounds.get("training 1").article_ids == plan.per_coder[coder]


def test_existing_files_are_refused_before_anything_is_written(master: Project, tmp_path: Path):
    plan = plan_copies(master, CODERS)
    out = tmp_path / "out"
    out.mkdir()
    (out / "master-carol.annot").write_text("someone's work")
    with pytest.raises(ProjectError, match="master-carol.annot: already exists; nothing was"):
        assign_copies(master.path, plan, out)
    assert sorted(p.name for p in out.iterdir()) == ["master-carol.annot"]


def test_a_failure_or_cancel_halfway_removes_the_copies_written(master: Project, tmp_path: Path):
    plan = plan_copies(master, CODERS)

    def cancel_at_carol(done: int, total: int, what: str) -> None:
        if what == "carol":
            raise Cancelled()

    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        assign_copies(master.path, plan, out, progress=cancel_at_carol)
    assert list(out.iterdir()) == []
    assert len(assign_copies(master.path, plan, out)) == 3


def test_file_names_are_safe_and_distinct(tmp_path: Path):
    assert copy_path(Path("/x/study.annot"), "a/b: c", tmp_path, "r?1").name == (
        "study-a_b_c-r_1.annot")
    assert copy_path(Path("study.annot"), "山田", tmp_path).name == "study-山田.annot"


def test_coders_whose_names_give_one_file_name_are_refused(master: Project, tmp_path: Path):
    plan = plan_copies(master, ["a/b", "a:b"])
    with pytest.raises(ProjectError, match="two coders' names give the same file name"):
        assign_copies(master.path, plan, tmp_path)
