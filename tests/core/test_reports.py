"""Coding units, the agreement report and its CSV files, on real project files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core import agreement
from annotator.core.csvout import excel_cell, render_csv
from annotator.core.errors import InputError
from annotator.core.importers import import_paths
from annotator.core.store import Project
from annotator.core.report_files import write_report
from annotator.core.reports import agreement_report
from annotator.core.units import collect

TEXT = "安全保障上の懸念がある。経済的利益も大きい。"


@pytest.fixture
def study(tmp_path: Path) -> Project:
    lines = [
        {"id": "one", "title": "=SUM(A1)", "text": TEXT},
        {"id": "two", "title": "＋二番目 𠮷", "text": "国産化を急ぐべきだとの声も強い。"},
    ]
    source = tmp_path / "study.jsonl"
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    project = Project.create(tmp_path / "study.annot")
    import_paths(project, [source])
    yield project
    project.close()


def tag(project: Project, ref: str, coder: str, label: str, needle: str) -> None:
    article = project.articles.find(ref)
    start = article.text.index(needle)
    project.annotations.add(article.id, coder, label, start, start + len(needle))


def test_token_units_follow_the_coding_rules(study: Project):
    tag(study, "one", "alice", "security_concern", "安全保障")
    tag(study, "one", "bob", "security_concern", "安全保障上の懸念")
    tag(study, "one", "carol", "security_concern", "懸念")
    for coder in ("alice", "bob"):
        study.statuses.set(study.articles.find("one").id, coder, "done")
    study.statuses.set(study.articles.find("two").id, "alice", "done")  # done, nothing marked
    data = collect(study)
    assert data.coders == ["alice", "bob"]  # carol has marked nothing done
    rows = data.token_rows("security_concern")
    one = data.articles[0]
    n1 = len(one.starts)
    assert rows["alice"][:4] == [1, 1, 0, 0] and rows["bob"][:6] == [1, 1, 1, 1, 1, 0]
    assert rows["alice"][n1:] == [0] * (len(rows["alice"]) - n1)  # done with nothing: 0
    assert rows["bob"][n1:] == [None] * (len(rows["bob"]) - n1)  # not done: missing
    assert data.article_rows("security_concern") == {"alice": [1, 0], "bob": [1, None]}
    spans, length, count = data.continuum(["alice", "bob"], "security_concern")
    assert (length, count) == (len(TEXT), 1)
    assert spans == {"alice": [(0, 4, "security_concern")], "bob": [(0, 8, "security_concern")]}


def test_report_values_match_independent_implementations(study: Project):
    tag(study, "one", "alice", "security_concern", "安全保障")
    tag(study, "one", "bob", "security_concern", "安全保障上の懸念")
    tag(study, "two", "alice", "self_reliance", "国産化")
    tag(study, "two", "bob", "self_reliance", "国産化を急ぐ")
    for ref in ("one", "two"):
        for coder in ("alice", "bob"):
            study.statuses.set(study.articles.find(ref).id, coder, "done")
    report = agreement_report(study)
    rows = collect(study).token_rows("security_concern")
    expected = krippendorff.alpha(
        reliability_data=np.array([rows["alice"], rows["bob"]], dtype=float),
        level_of_measurement="nominal",
    )
    assert report.value("krippendorff_alpha", "token", "security_concern") == pytest.approx(
        expected, abs=1e-12
    )
    pair = report.pair("alice", "bob", "security_concern")
    assert pair.f1_exact == 0.0 and pair.f1_overlap == 1.0
    # economic_interest was used by nobody: one category only, so undefined, with a reason.
    row = next(r for r in report.summary
               if (r.measure, r.level, r.label) == ("krippendorff_alpha", "token", "economic_interest"))
    assert row.value is None and row.note
    found = [(d.article_id, d.label, d.text, d.coders_with, d.coders_without)
             for d in report.disagreements]
    assert ("one", "security_concern", "上の懸念", ("bob",), ("alice",)) in found
    assert ("two", "self_reliance", "を急ぐ", ("bob",), ("alice",)) in found
    assert all(r.n_coders == 2 for r in report.per_article)


def read_csv(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode(encoding), newline="")))


def test_csv_files_are_excel_safe(study: Project, tmp_path: Path):
    tag(study, "one", "alice", "security_concern", "安全保障")
    tag(study, "one", "bob", "economic_interest", "経済的利益")
    for coder in ("alice", "bob"):
        study.statuses.set(study.articles.find("one").id, coder, "done")
    written = write_report(agreement_report(study), tmp_path / "out")
    assert sorted(p.name for p in written) == [
        "codes_confusion.csv", "disagreements.csv", "label_confusion.csv", "pairwise.csv",
        "per_article.csv", "summary.csv"]
    raw = (tmp_path / "out" / "per_article.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    rows = read_csv(tmp_path / "out" / "per_article.csv")
    assert rows[0] == ["article_id", "title", "label", "krippendorff_alpha", "n_coders"]
    titles = {r[1] for r in rows[1:]}
    assert titles == {"'=SUM(A1)", "'＋二番目 𠮷"}
    summary = read_csv(tmp_path / "out" / "summary.csv")
    assert summary[0] == ["measure", "level", "label", "value", "observed_agreement", "n_units",
                          "n_coders", "note", "ci_low", "ci_high", "q_below_0.667",
                          "q_below_0.800", "bootstrap_b", "seed", "ci_level"]
    negative = [r for r in summary[1:] if r[3].startswith("-")]
    assert negative, "a disagreement this strong gives negative alpha, written as a number"
    float(negative[0][3])
    with pytest.raises(InputError, match=r"per_article.csv row \d+: '𠮷' \(U\+20BB7"):
        write_report(agreement_report(study), tmp_path / "cp", "cp932")
    assert not (tmp_path / "cp").exists() or not any((tmp_path / "cp").iterdir())


@pytest.mark.parametrize(
    "value, cell",
    [("=1+1", "'=1+1"), ("+81", "'+81"), ("-x", "'-x"), ("@me", "'@me"), ("\tx", "'\tx"),
     ("\rx", "'\rx"), ("＝式", "'＝式"), ("＠", "'＠"), ("普通", "普通"), (-0.25, "-0.25"),
     (None, ""), (3, "3"), (0.1234567890123, "0.123456789")],
)
def test_excel_cell(value, cell):
    assert excel_cell(value) == cell


def test_render_csv_quotes_newlines_and_commas():
    text = render_csv(["a", "b"], [["x,y", "改\n行"]])
    assert text == 'a,b\r\n"x,y","改\n行"\r\n'


def test_agreement_cli_writes_the_six_files(study: Project, tmp_path: Path):
    tag(study, "one", "alice", "security_concern", "安全保障")
    tag(study, "one", "bob", "security_concern", "安全保障")
    for coder in ("alice", "bob"):
        study.statuses.set(study.articles.find("one").id, coder, "done")
    out = tmp_path / "report"
    result = CliRunner().invoke(
        cli, ["agreement", str(study.path), "--out", str(out), "--coders", "alice,bob",
              "--articles", "one"])
    assert result.exit_code == 0, result.output
    assert "krippendorff_alpha         token        security_concern         1.000" in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "codes_confusion.csv", "disagreements.csv", "label_confusion.csv", "pairwise.csv",
        "per_article.csv", "summary.csv"]
    confusion = read_csv(out / "label_confusion.csv")
    assert confusion[0] == ["coder_a", "coder_b", "label_a", "label_b", "tokens"]
    assert ["alice", "bob", "security_concern", "security_concern", "2"] in confusion  # 安全 保障
    pairwise = read_csv(out / "pairwise.csv")
    assert pairwise[1][:3] == ["alice", "bob", "economic_interest"] or pairwise[1][:2] == ["alice", "bob"]
    bad = CliRunner().invoke(cli, ["agreement", str(study.path), "--out", str(out),
                                   "--coders", "alice,zed"])
    assert bad.exit_code == 1 and "no coder(s) 'zed'" in bad.output


def test_measures_are_none_not_nan_when_undefined():
    result = agreement.krippendorff_alpha([[1, 1, 1], [1, 1, 1]])
    assert result.value is None and result.reason
