"""`annotator round …`, `assign` with several coders, `agreement --round` and `progress`, run as
a lead runs them (a new process on real project files)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from annotator.core.reports import agreement_report
from annotator.core.store import Project
from tests.round_projects import code, make_master
from tests.run_cli import cli, one_line_error


@pytest.fixture
def master_path(tmp_path: Path, seed_files: list[Path]) -> Path:
    with make_master(tmp_path, seed_files, count=8) as master:
        return master.path


def ok(*args) -> str:
    result = cli(*args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_round_add_list_rename_delete(master_path: Path):
    out = ok("round", "add", master_path, "training 1", "--date", "2026-12-01", "--sample", "3",
             "--seed", "11")
    assert out == "added round 'training 1' (2026-12-01): 3 article(s) (sampled with --seed 11)\n"
    ok("round", "add", master_path, "training 2", "--articles", "a1,a2")
    ok("round", "add", master_path, "main", "--unused")
    ok("round", "add", master_path, "again", "--from-round", "training 2")
    with Project.open(master_path) as master:
        rounds = {r.name: r for r in master.rounds.list()}
        drawn = set(rounds["training 1"].article_ids)
        assert len(drawn) == 3
        assert [master.articles.get(a).external_id for a in rounds["training 2"].article_ids] \
            == ["a1", "a2"]
        assert set(rounds["main"].article_ids) == set(master.articles.ids()) - drawn - set(
            rounds["training 2"].article_ids)
        assert rounds["again"].article_ids == rounds["training 2"].article_ids
        master.statuses.set(rounds["training 2"].article_ids[0], "alice", "done")
        master.statuses.set(rounds["training 2"].article_ids[1], "alice", "in_progress")
    ok("round", "add", master_path, "same draw", "--sample", "3", "--seed", "11")
    with Project.open(master_path) as master:
        assert set(master.rounds.get("same draw").article_ids) == drawn
    lines = ok("round", "list", master_path).splitlines()
    assert lines[0].split() == ["round", "date", "articles", "coders", "(done/in", "progress)"]
    assert lines[2].split() == ["training", "2", "—", "2", "alice", "1/1"]
    out = ok("round", "rename", master_path, "training 2", "training B", "--date", "2026-12-05")
    assert out == "renamed 'training 2': round 'training B' (2026-12-05): 2 article(s)\n"
    assert ok("round", "delete", master_path, "again") == "deleted round 'again': 2 article(s)\n"
    assert "again" not in ok("round", "list", master_path)


def test_round_errors_are_one_line(master_path: Path):
    ok("round", "add", master_path, "main")
    assert "already a round 'main'" in one_line_error(cli("round", "add", master_path, "main"))
    assert "not a date" in one_line_error(
        cli("round", "add", master_path, "x", "--date", "1/12/2026"))
    assert "no round 'nope'; its rounds are: 'main'" in one_line_error(
        cli("round", "show", master_path, "nope"))
    assert "not both" in one_line_error(
        cli("round", "add", master_path, "y", "--articles", "a1", "--from-round", "main"))
    assert "--seed goes with --sample" in cli("round", "add", master_path, "z", "--seed",
                                              "3").stderr


def test_round_show_statuses_then_agreement(master_path: Path):
    with Project.open(master_path) as master:
        ids = master.articles.ids()
        master.rounds.add("r1", "2026-12-01", ids[:3])
        master.statuses.set(ids[0], "alice", "done")
    out = ok("round", "show", master_path, "r1").splitlines()
    assert out[0] == "round 'r1' (2026-12-01): 3 article(s)"
    assert out[1].split() == ["id", "title", "alice"]
    assert out[2].split() == ["a0", "記事0", "done"]
    assert out[3].split() == ["a1", "記事1", "not_started"]
    assert "needs two coders" in out[-1]
    with Project.open(master_path) as master:
        for aid in ids[:3]:
            code(master, aid, "alice", "security_concern", 2, 8)
            code(master, aid, "bob", "security_concern", 3, 8)
        expected = agreement_report(master, round="r1").value(
            "krippendorff_alpha", "token", "security_concern")
    out = ok("round", "show", master_path, "r1").splitlines()
    assert out[5] == "agreement (alice, bob; 3 article(s) done by two or more):"
    row = next(line.split() for line in out if line.startswith("security_concern"))
    assert row[1] == f"{expected:.3f}"


def test_assign_several_coders_with_overlap(master_path: Path, tmp_path: Path):
    ok("round", "add", master_path, "main", "--articles", "a0,a1,a2,a3,a4,a5,a6")
    out = ok("assign", master_path, "--coder", "alice", "--coder", "bob", "--out-dir",
             tmp_path / "copies", "--round", "main", "--overlap", "30%", "--seed", "8")
    lines = out.splitlines()
    assert lines[0] == "drawn with --seed 8 (give it again for the same copies)"
    assert lines[1].startswith("shared by every coder: 3 article(s): ")
    shared = lines[1].split(": ")[-1].split(", ")
    files = [tmp_path / "copies" / f"master-{c}-main.annot" for c in ("alice", "bob")]
    assert lines[2:] == [f"wrote {files[0]} for coder 'alice': 5 article(s)",
                         f"wrote {files[1]} for coder 'bob': 5 article(s)"]
    held = []
    for path in files:
        with Project.open(path) as copy:
            held.append({copy.articles.get(a).external_id for a in copy.articles.ids()})
    assert held[0] & held[1] == set(shared)
    assert held[0] | held[1] == {f"a{k}" for k in range(7)}
    again = cli("assign", master_path, "--coder", "alice", "--coder", "bob", "--out-dir",
                tmp_path / "copies", "--round", "main", "--overlap", "3", "--seed", "8")
    assert "already exists; nothing was written" in one_line_error(again)


def test_assign_one_coder_to_a_file_and_usage_errors(master_path: Path, tmp_path: Path):
    ok("round", "add", master_path, "main", "--articles", "a2,a3")
    out = ok("assign", master_path, "--coder", "carol", "--out", tmp_path / "c.annot",
             "--round", "main")
    assert out == f"wrote {tmp_path / 'c.annot'} for coder 'carol': 2 article(s)\n"
    for args, message in [
        (("--coder", "a", "--coder", "b", "--out", tmp_path / "x.annot"), "need --out-dir"),
        (("--coder", "a"), "give --out FILE (one coder) or --out-dir DIR"),
        (("--coder", "a", "--out-dir", tmp_path, "--seed", "3"), "--seed goes with"),
        (("--coder", "a", "--coder", "b", "--out-dir", tmp_path, "--overlap", "lots"),
         "a number of articles (20) or a share (25%)"),
    ]:
        result = cli("assign", master_path, *args)
        assert result.returncode == 2 and message in result.stderr, result.stderr
    assert "overlap 9: only 8 article(s)" in one_line_error(
        cli("assign", master_path, "--coder", "a", "--coder", "b", "--out-dir", tmp_path,
            "--overlap", "9"))


def test_agreement_per_round_writes_the_trend(master_path: Path, tmp_path: Path):
    with Project.open(master_path) as master:
        ids = master.articles.ids()
        master.rounds.add("r1", "2026-12-01", ids[:3])
        master.rounds.add("r2", "2026-12-08", ids[3:6])
        for aid in ids[:3]:
            code(master, aid, "alice", "security_concern", 2, 8)
            code(master, aid, "bob", "security_concern", 5, 11)
        for aid in ids[3:6]:
            code(master, aid, "alice", "security_concern", 2, 8)
            code(master, aid, "bob", "security_concern", 2, 9)
        r1 = agreement_report(master, round="r1").value(
            "krippendorff_alpha", "token", "security_concern")
        r2 = agreement_report(master, round="r2").value(
            "krippendorff_alpha", "token", "security_concern")
    out = ok("agreement", master_path, "--out", tmp_path / "rep", "--round", "r1")
    assert "2 coder(s), 3 article(s)" in out
    table = out.splitlines()
    start = table.index("krippendorff_alpha on tokens, round by round:")
    assert table[start + 1].split() == ["label", "r1", "r2"]
    assert table[start + 2].split() == ["security_concern", f"{r1:.3f}", f"{r2:.3f}"]
    with open(tmp_path / "rep" / "summary.csv", encoding="utf-8-sig") as fh:
        summary = {(r["measure"], r["level"], r["label"]): r for r in csv.DictReader(fh)}
    assert float(summary[("krippendorff_alpha", "token", "security_concern")]["value"]) == \
        pytest.approx(r1)
    with open(tmp_path / "rep" / "rounds.csv", encoding="utf-8-sig") as fh:
        trend = list(csv.DictReader(fh))
    row = next(r for r in trend if (r["round"], r["label"], r["measure"]) ==
               ("r2", "security_concern", "token_alpha"))
    assert (row["date"], row["n_articles"], row["coders"]) == ("2026-12-08", "3", "alice;bob")
    assert float(row["value"]) == pytest.approx(r2)
    assert "no round 'r3'" in one_line_error(
        cli("agreement", master_path, "--out", tmp_path / "rep2", "--round", "r3"))


def test_agreement_without_rounds_writes_no_trend(master_path: Path, tmp_path: Path):
    ok("agreement", master_path, "--out", tmp_path / "rep")
    assert not (tmp_path / "rep" / "rounds.csv").exists()


def test_progress_coders_by_rounds(master_path: Path):
    assert ok("progress", master_path) == "no coders yet\n"
    with Project.open(master_path) as master:
        ids = master.articles.ids()
        master.rounds.add("training 1", "", ids[:2])
        master.statuses.set(ids[0], "alice", "done")
        master.statuses.set(ids[5], "bob", "in_progress")
    lines = [line.split() for line in ok("progress", master_path).splitlines()]
    assert lines == [
        ["round", "coder", "done", "in", "progress", "not", "started", "articles"],
        ["(all", "articles)", "alice", "1", "0", "7", "8"],
        ["(all", "articles)", "bob", "0", "1", "7", "8"],
        ["training", "1", "alice", "1", "0", "1", "2"],
        ["training", "1", "bob", "0", "0", "2", "2"],
    ]


def test_help_documents_every_round_command():
    for args in (("round",), ("round", "add"), ("round", "list"), ("round", "show"),
                 ("round", "rename"), ("round", "delete"), ("progress",), ("assign",)):
        text = ok(*args, "--help")
        assert "Usage: annotator " + " ".join(args) in text
    assert "--overlap" in ok("assign", "--help") and "--round" in ok("agreement", "--help")
