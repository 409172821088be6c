"""`annotator cue-effect PROJECT --out DIR` (issue 16, point 2) in a new process, as a lead
runs it: the two files, Excel-ready, with the numbers of the library on the same seed."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from annotator.core.agreement import OVERALL
from annotator.core.cue_effect import MARKED, cue_effect
from annotator.core.cue_effect_data import read_cue_study
from annotator.core.store import Project
from tests.cue_studies import make_template, simulate
from tests.run_cli import cli, one_line_error


def test_cli_writes_the_table_and_the_plain_words(tmp_path: Path):
    template, truth = make_template(tmp_path, n_articles=6)
    path = simulate(template, truth, tmp_path / "研究.annot", seed=5, follow=True, gold=True)
    out = tmp_path / "cue out"
    result = cli("cue-effect", path, "--out", out, "--bootstrap", "150", "--seed", "7",
                 "--level", "0.9")
    assert result.returncode == 0, result.stderr
    assert "4 coder(s), 6 article(s); coded (coder, article) pairs: 12 with cues, 12 without" \
        in result.stdout
    assert "90% intervals from 150 paired resamples of the articles, seed 7" in result.stdout
    assert "All labels: Coders marked" in result.stdout
    assert f"wrote {out / 'cue_effect.csv'}, {out / 'cue_effect_summary.txt'}" in result.stdout
    raw = (out / "cue_effect.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\n" not in raw.replace(
        b"\r\n", b"")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    with Project.open(path, read_only=True) as project:
        effect = cue_effect(read_cue_study(project), b=150, seed=7, level=0.9)
    assert len(rows) == len(effect.rows) == 4 * 8  # 3 labels and all, 8 measures (gold)
    for row, expected in zip(rows, effect.rows):
        assert (row["label"], row["measure"]) == (expected.label, expected.measure)
        for column in ("with_cues", "without_cues", "difference", "ci_low", "ci_high"):
            value = getattr(expected, column)
            assert row[column] == ("" if value is None else format(value, ".10g")), column
        assert (row["bootstrap_b"], row["seed"], row["ci_level"]) == ("150", "7", "0.9")
    marked = next(r for r in rows if (r["label"], r["measure"]) == (OVERALL, MARKED))
    assert float(marked["difference"]) < 0 and int(marked["articles_with"]) == 6
    summary = (out / "cue_effect_summary.txt").read_bytes()
    assert summary.startswith(b"\xef\xbb\xbf") and b"\r\n" in summary
    text = summary.decode("utf-8-sig")
    assert "security_concern: Coders marked" in text and "Against gold" in text
    again = cli("cue-effect", path, "--out", tmp_path / "again", "--bootstrap", "150",
                "--seed", "7", "--level", "0.9", "--coder", "alice,bob,carol,dan")
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "again" / "cue_effect.csv").read_bytes() == raw


def test_cli_notes_when_nothing_was_coded_without_cues_and_refuses_unknown_coders(
        tmp_path: Path):
    template, truth = make_template(tmp_path, n_articles=3)
    path = simulate(template, truth, tmp_path / "s.annot", seed=1, follow=False)
    with Project.open(path) as project:
        project.db.execute("DELETE FROM cue_conditions")
        project.db.conn.commit()
    result = cli("cue-effect", path, "--out", tmp_path / "out", "--bootstrap", "0")
    assert result.returncode == 0, result.stderr
    assert "no done article was seen without cues" in result.stderr
    assert "no intervals (--bootstrap 0)" in result.stdout
    error = one_line_error(cli("cue-effect", path, "--out", tmp_path / "o2", "--coders", "zed"))
    assert "zed" in error
