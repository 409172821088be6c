"""Calibration rounds: the store, migration of an older file, copies carrying them, merge
ignoring them, and agreement per round and round by round (checked against `krippendorff`)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.core.assign import assign
from annotator.core.errors import ProjectError
from annotator.core.merge import merge
from annotator.core.model import Round
from annotator.core.report_files import write_report
from annotator.core.reports import agreement_report
from annotator.core.round_trend import CODE_ALPHA, TOKEN_ALPHA, UNITIZING_ALPHA, round_trend
from annotator.core.session import ProjectSession
from annotator.core.store import Project
from annotator.core.tokenizer import tokenizer_id
from tests.older_files import make_format_2, make_format_5
from tests.round_projects import code, make_master


@pytest.fixture
def master(tmp_path: Path, seed_files: list[Path]):
    project = make_master(tmp_path, seed_files)
    yield project
    project.close()


def test_rounds_round_trip_through_the_file(master: Project):
    ids = master.articles.ids()
    first = master.rounds.add("  training 1 ", "2026-12-01", [ids[2], ids[0], ids[2]])
    assert first == Round(first.id, "training 1", "2026-12-01", (ids[0], ids[2]))
    master.rounds.add("main", article_ids=ids[3:])
    master.rounds.add("reliability", "2026-12-09")
    path = master.path
    master.close()
    with Project.open(path) as again:
        assert [r.name for r in again.rounds.list()] == ["training 1", "main", "reliability"]
        assert again.rounds.get("main").article_ids == tuple(ids[3:])
        assert again.rounds.get("reliability").article_ids == ()
        assert again.rounds.of_article(ids[0]) == ["training 1"]
        assert again.rounds.of_article(ids[1]) == []
        again.rounds.set_articles("reliability", [ids[1], ids[3]])
        renamed = again.rounds.rename("training 1", "training A", date="")
        assert (renamed.name, renamed.date, renamed.article_ids) == (
            "training A", "", (ids[0], ids[2]))
        again.rounds.rename("main", "main", "2026-12-20")
        assert again.rounds.of_article(ids[3]) == ["main", "reliability"]
        again.rounds.delete("training A")
        assert [r.name for r in again.rounds.list()] == ["main", "reliability"]
        assert again.rounds.get("main").date == "2026-12-20"
        assert len(again.articles.ids()) == 6  # deleting a round keeps its articles


def test_round_names_dates_and_articles_are_checked(master: Project):
    master.rounds.add("main")
    with pytest.raises(ProjectError, match="already a round 'main'"):
        master.rounds.add("main ")
    with pytest.raises(ProjectError, match="cannot be empty"):
        master.rounds.add("  ")
    with pytest.raises(ProjectError, match="not a date.*YYYY-MM-DD"):
        master.rounds.add("x", "2026-13-01")
    with pytest.raises(ProjectError, match="not a date"):
        master.rounds.add("x", "1.12.2026")
    with pytest.raises(ProjectError, match="no article with internal id 999"):
        master.rounds.add("x", "", [master.articles.ids()[0], 999])
    assert master.rounds.names() == ["main"]  # a refused add stores nothing
    with pytest.raises(ProjectError, match=r"no round 'nope'; its rounds are: 'main'"):
        master.rounds.get("nope")
    master.rounds.add("second")
    with pytest.raises(ProjectError, match="already a round 'main'"):
        master.rounds.rename("second", "main")
    with pytest.raises(ProjectError, match="no round 'gone'"):
        master.rounds.delete("gone")


def test_unknown_round_in_a_project_without_rounds_says_how_to_add_one(master: Project):
    with pytest.raises(ProjectError, match="has no rounds yet.*annotator round add"):
        master.rounds.get("main")


@pytest.mark.parametrize("make_older", [make_format_5, make_format_2])
def test_an_older_file_gets_the_rounds_tables(master: Project, tmp_path: Path, make_older):
    path = master.path
    master.close()
    older = tmp_path / "older.annot"
    shutil.copy(path, older)
    make_older(older)
    with Project.open(older) as migrated:
        assert migrated.rounds.list() == []
        migrated.rounds.add("main", "", migrated.articles.ids()[:2])
        assert migrated.rounds.get("main").article_ids == tuple(migrated.articles.ids()[:2])
    backups = list(tmp_path.glob("older.annot.v*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "rounds" not in tables


def test_session_lists_rounds(master: Project):
    master.rounds.add("training 1", "2026-12-01", master.articles.ids()[:2])
    session = ProjectSession(master)
    assert [r.name for r in session.rounds()] == ["training 1"]


def test_a_copy_carries_its_rounds_and_merge_ignores_them(master: Project, tmp_path: Path):
    ids = master.articles.ids()
    master.rounds.add("training 1", "2026-12-01", ids[:3])
    master.rounds.add("main", "", ids[3:])
    external = [master.articles.get(i).external_id for i in ids]
    assign(master, "alice", tmp_path / "alice.annot", article_ids=external[1:4])
    with Project.open(tmp_path / "alice.annot") as copy:
        assert [(r.name, r.date, r.article_ids) for r in copy.rounds.list()] == [
            ("training 1", "2026-12-01", (ids[1], ids[2])), ("main", "", (ids[3],))]
        copy.rounds.add("alice's own", "", [ids[1]])  # a coder's round never reaches the master
        copy.rounds.delete("main")
        code(copy, ids[1], "alice", "security_concern", 1, 3)
    merge(master, [tmp_path / "alice.annot"])
    assert [(r.name, r.article_ids) for r in master.rounds.list()] == [
        ("training 1", tuple(ids[:3])), ("main", tuple(ids[3:]))]
    assert master.statuses.get(ids[1], "alice") == "done"


def test_assign_by_round(master: Project, tmp_path: Path):
    ids = master.articles.ids()
    master.rounds.add("main", "", ids[2:5])
    report = assign(master, "bob", tmp_path / "bob.annot", round="main")
    assert report.articles == [master.articles.get(i).external_id for i in ids[2:5]]
    with pytest.raises(ProjectError, match="no round 'other'"):
        assign(master, "bob", tmp_path / "bob2.annot", round="other")
    assert not (tmp_path / "bob2.annot").exists()


def _two_coders_two_rounds(master: Project) -> tuple[list[int], list[int]]:
    """Round r1: alice and bob disagree on security_concern; r2: they mostly agree."""
    ids = master.articles.ids()
    r1, r2 = ids[:3], ids[3:]
    master.rounds.add("r1", "2026-12-01", r1)
    master.rounds.add("r2", "2026-12-08", r2)
    for k, aid in enumerate(r1):
        code(master, aid, "alice", "security_concern", 2, 8)
        code(master, aid, "bob", "security_concern", 6 + k, 12 + k)
        code(master, aid, "bob", "economic_interest", 14, 16)
    for aid in r2:
        code(master, aid, "alice", "security_concern", 3, 9)
        code(master, aid, "bob", "security_concern", 3, 10)
        code(master, aid, "alice", "economic_interest", 14, 16)
        code(master, aid, "bob", "economic_interest", 14, 16)
    return r1, r2


def _independent_alpha(project: Project, article_ids: list[int], label: str) -> float:
    """Nominal alpha of the token matrix built here from the stored spans, by `krippendorff`."""
    krippendorff = pytest.importorskip("krippendorff")
    rows: dict[str, list[int]] = {"alice": [], "bob": []}
    for aid in article_ids:
        bounds = project.tokens.bounds(aid, tokenizer_id())
        for coder, row in rows.items():
            spans = [(a.start, a.end) for a in project.annotations.list(aid, coder=coder)
                     if a.label == label]
            row.extend(int(any(s <= ts and te <= e for s, e in spans)) for ts, te in bounds)
    return float(krippendorff.alpha(reliability_data=[rows["alice"], rows["bob"]],
                                    level_of_measurement="nominal"))


def test_agreement_of_a_round_is_the_report_on_its_articles(master: Project):
    r1, r2 = _two_coders_two_rounds(master)
    one = agreement_report(master, round="r1")
    assert one.n_articles == 3 and one.coders == ["alice", "bob"]
    value = one.value("krippendorff_alpha", "token", "security_concern")
    assert value == pytest.approx(_independent_alpha(master, r1, "security_concern"), abs=1e-12)
    refs = [master.articles.get(a).external_id for a in r1]
    assert value == agreement_report(master, articles=refs).value(
        "krippendorff_alpha", "token", "security_concern")
    assert agreement_report(master, articles=refs[:2] + ["a4"], round="r1").n_articles == 2
    everything = agreement_report(master).value("krippendorff_alpha", "token", "security_concern")
    assert everything != pytest.approx(value)
    with pytest.raises(ProjectError, match="round 'r2' has no articles among those asked for"):
        agreement_report(master, articles=refs, round="r2")


def test_trend_round_by_round(master: Project, tmp_path: Path):
    r1, r2 = _two_coders_two_rounds(master)
    master.rounds.add("empty")
    seen = []
    trend = round_trend(master, progress=lambda done, total, what: seen.append((done, total)))
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    assert [r.round for r in trend if r.label == "security_concern"
            and r.measure == TOKEN_ALPHA] == ["r1", "r2"]  # an empty round has no figures
    for name, ids in (("r1", r1), ("r2", r2)):
        rows = {(r.label, r.measure): r for r in trend if r.round == name}
        report = agreement_report(master, round=name)
        alpha = rows[("security_concern", TOKEN_ALPHA)]
        assert alpha.value == report.value("krippendorff_alpha", "token", "security_concern")
        assert alpha.value == pytest.approx(
            _independent_alpha(master, ids, "security_concern"), abs=1e-12)
        assert rows[("*", UNITIZING_ALPHA)].value == report.value(
            "unitizing_alpha", "character", "*")
        assert (alpha.n_articles, alpha.coders) == (3, ("alice", "bob"))
        assert alpha.date == master.rounds.get(name).date
        assert ("relevance", CODE_ALPHA) in rows
    r1_alpha = next(r.value for r in trend if (r.round, r.label, r.measure) == (
        "r1", "security_concern", TOKEN_ALPHA))
    r2_alpha = next(r.value for r in trend if (r.round, r.label, r.measure) == (
        "r2", "security_concern", TOKEN_ALPHA))
    assert r1_alpha < r2_alpha
    assert round_trend(master, only="r2") == [r for r in trend if r.round == "r2"]
    written = write_report(agreement_report(master), tmp_path / "out", trend=trend)
    assert tmp_path / "out" / "rounds.csv" in written
    lines = (tmp_path / "out" / "rounds.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "round,date,label,measure,value,n_articles,coders"
    assert f"r1,2026-12-01,security_concern,token_alpha,{r1_alpha:.10g},3,alice;bob" in lines


def test_trend_of_named_coders_and_of_a_round_one_coder_did(master: Project):
    ids = master.articles.ids()
    master.rounds.add("solo", "", ids[:2])
    code(master, ids[0], "alice", "security_concern", 1, 4)
    trend = round_trend(master)
    assert {r.coders for r in trend} == {("alice",)}
    assert {r.value for r in trend} == {None} and {r.n_articles for r in trend} == {0}
    code(master, ids[3], "bob", "security_concern", 1, 4)  # outside the round
    assert {r.coders for r in round_trend(master, coders=["alice", "bob"])} == {
        ("alice", "bob")}
