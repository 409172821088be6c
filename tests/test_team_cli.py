"""A study end to end from the command line: import, blind copies, coding, merge, agreement."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.store import Project


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_study_from_the_command_line(tmp_path: Path, seed_files: list[Path]):
    master = str(tmp_path / "master.annot")
    run("new", master)
    run("import", master, str(seed_files[0]), "--cut-at", "更多新聞")
    run("import", master, str(seed_files[1]), "--lines", "2-")
    copies = {}
    for coder in ("alice", "bob"):
        copies[coder] = tmp_path / f"{coder}.annot"
        out = run("assign", master, "--coder", coder, "--out", str(copies[coder]))
        assert "2 article(s)" in out
    for coder, needle in (("alice", "安全保障"), ("bob", "安全保障上の脅威")):
        with Project.open(copies[coder]) as copy:
            for article_id in copy.articles.ids():
                text = copy.articles.get(article_id).text
                if needle in text:
                    start = text.index(needle)
                    copy.annotations.add(article_id, coder, "security_concern", start,
                                        start + len(needle))
                copy.statuses.set(article_id, coder, "done")
    out = run("merge", master, str(copies["alice"]), str(copies["bob"]))
    assert "1 new span(s)" in out and "2 status change(s)" in out
    assert "nothing new" in run("merge", master, str(copies["alice"]))
    report = tmp_path / "report"
    out = run("agreement", master, "--out", str(report))
    assert "2 coder(s), 2 article(s)" in out
    rows = list(csv.DictReader(io.StringIO((report / "summary.csv").read_text("utf-8-sig"))))
    alpha = next(r for r in rows if r["measure"] == "krippendorff_alpha" and r["level"] == "token"
                 and r["label"] == "security_concern")
    assert -1 < float(alpha["value"]) < 1 and int(alpha["n_coders"]) == 2
    dis = list(csv.DictReader(io.StringIO((report / "disagreements.csv").read_text("utf-8-sig"))))
    assert any(d["text"] == "上の脅威" and d["coders_with"] == "bob" for d in dis)


def test_team_commands_refuse_bad_input(tmp_path: Path, seed_files: list[Path]):
    master = str(tmp_path / "m.annot")
    run("new", master)
    run("import", master, str(seed_files[1]))
    result = CliRunner().invoke(cli, ["assign", master, "--coder", "a", "--out",
                                      str(tmp_path / "a.annot"), "--articles", "nope"])
    assert result.exit_code == 1 and "no article(s) 'nope'" in result.output
    result = CliRunner().invoke(cli, ["assign", master, "--coder", "a", "--out",
                                      str(tmp_path / "a.annot"), "--seed", "3"])
    assert result.exit_code == 2 and "--seed goes with --sample" in result.output
    result = CliRunner().invoke(cli, ["merge", master, str(tmp_path / "missing.annot")])
    assert result.exit_code == 1 and "no such project file" in result.output
