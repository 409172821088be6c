"""`annotator assign --cues off | per-article` and `merge` recording the conditions, run as a lead
runs them: the real command in a new process, on real project files."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.store import Project
from tests.run_cli import cli, one_line_error


def _master(tmp_path: Path, seed_files: list[Path]) -> Path:
    master = tmp_path / "study.annot"
    assert cli("new", master).returncode == 0
    folder = tmp_path / "articles"
    folder.mkdir()
    base = [p.read_text(encoding="utf-8")[:600] for p in seed_files]
    for k in range(8):
        (folder / f"a{k}.txt").write_text(f"記事{k}\n" + base[k % 2], encoding="utf-8")
    assert cli("import", master, folder).returncode == 0
    return master


def test_assign_per_article_prints_the_seed_and_merge_records_the_conditions(
    tmp_path: Path, seed_files: list[Path]
):
    master = _master(tmp_path, seed_files)
    out = tmp_path / "copies"
    result = cli("assign", master, "--coder", "alice", "--coder", "bob", "--out-dir", out,
                 "--cues", "per-article")
    assert result.returncode == 0, result.stderr
    seed = re.search(r"drawn with --seed (\d+)", result.stdout)
    assert seed, result.stdout
    assert "8 article(s), 4 without cue underlines" in result.stdout
    again = tmp_path / "again"
    repeat = cli("assign", master, "--coder", "alice", "--coder", "bob", "--out-dir", again,
                 "--cues", "per-article", "--seed", seed.group(1))
    assert repeat.returncode == 0, repeat.stderr
    copies = [out / "study-alice.annot", out / "study-bob.annot"]
    for first, second in zip(copies, [again / "study-alice.annot", again / "study-bob.annot"]):
        with Project.open(first, read_only=True) as a, Project.open(second, read_only=True) as b:
            assert a.cue_conditions.rows() == b.cue_conditions.rows()  # the seed repeats it
    merged = cli("merge", master, *copies)
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout.count("4 article(s) without cue underlines") == 2
    with Project.open(master, read_only=True) as project:
        rows = project.cue_conditions.rows()
    assert len(rows) == 16 and sum(not cues for _a, _c, cues in rows) == 8
    for article_id in {a for a, _c, _v in rows}:  # each article both ways across the coders
        assert {cues for a, _c, cues in rows if a == article_id} == {True, False}


def test_assign_cues_off_one_copy_and_bad_values(tmp_path: Path, seed_files: list[Path]):
    master = _master(tmp_path, seed_files)
    out = tmp_path / "carol.annot"
    result = cli("assign", master, "--coder", "carol", "--out", out, "--cues", "off")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"wrote {out} for coder 'carol': "
                                     "8 article(s), 8 without cue underlines")
    with Project.open(out, read_only=True) as copy:
        assert {cues for _a, _c, cues in copy.cue_conditions.rows()} == {False}
    bad = cli("assign", master, "--coder", "dan", "--out", tmp_path / "d.annot",
              "--cues", "sometimes")
    assert bad.returncode == 2 and "'sometimes' is not one of 'on', 'off', 'per-coder', 'per-article'" in (
        bad.stderr)
    seed = cli("assign", master, "--coder", "dan", "--out", tmp_path / "d.annot",
               "--cues", "off", "--seed", "4")
    assert seed.returncode == 2 and "--seed goes with" in seed.stderr
    assert not (tmp_path / "d.annot").exists()
    clash = cli("assign", master, "--coder", "carol", "--out", out, "--cues", "per-article")
    assert "already exists" in one_line_error(clash)
