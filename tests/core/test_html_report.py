"""The reliability report (issue 12, item 3): one self-contained HTML file of a real study
(three coders, rounds, gold), read back with the standard library's HTML parser and checked
against the agreement report computed separately with the same seed."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from annotator import __version__
from annotator.core.errors import InputError
from annotator.core.html_report import write_html_report
from annotator.core.progress import Cancelled
from annotator.core.reports import agreement_report
from annotator.core.round_trend import TOKEN_ALPHA, round_trend
from annotator.core.store import Project
from annotator.core.tokenizer import tokenizer_id
from tests.report_projects import HOSTILE, make_study
from tests.run_cli import ROOT, cli, one_line_error

pytest.importorskip("matplotlib")

ALPHAS = ("krippendorff_alpha", "krippendorff_alpha_ordinal", "unitizing_alpha")


class Page(HTMLParser):
    """Sections (by id) -> their tables -> rows -> cells as (text, data-value or None)."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, list[list[list[tuple[str, str | None]]]]] = {}
        self.section: str | None = None
        self.cell: list | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "section":
            self.section = found["id"]
            self.sections[self.section] = []
        elif tag == "table" and self.section:
            self.sections[self.section].append([])
        elif tag == "tr" and self.section:
            self.sections[self.section][-1].append([])
        elif tag in ("td", "th") and self.section:
            self.cell = ["", found.get("data-value")]

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell[0] += data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.sections[self.section][-1][-1].append((self.cell[0].strip(), self.cell[1]))
            self.cell = None
        elif tag == "section":
            self.section = None


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    return page


def values(rows: list[list[tuple[str, str | None]]]) -> list[float]:
    return [float(v) for row in rows for _, v in row if v is not None]


@pytest.fixture
def study(tmp_path: Path, seed_files: list[Path]) -> Path:
    return make_study(tmp_path, seed_files)


def test_every_section_with_the_agreement_reports_numbers(study: Path, tmp_path: Path):
    out = tmp_path / "report.html"
    result = write_html_report(study, out, bootstrap=200, seed=7)
    with Project.open(study, read_only=True) as project:
        expected = agreement_report(project, bootstrap=200, seed=7)
        trend = round_trend(project)
    assert result.summary == expected.summary  # same seed, same numbers
    text = out.read_text(encoding="utf-8")
    page = parse(text)
    assert list(page.sections) == [
        "study", "alpha", "rounds", "pairs", "gold", "disagreements", "methods"]

    # the study: coders' done counts, and articles per round with done counts
    study_tables = page.sections["study"]
    assert [(r[0][0], r[1][1]) for r in study_tables[0][1:]] == [
        ("alice", "6"), ("bob", "6"), ("carol", "6")]
    assert [[c[0] for c in r] for r in study_tables[1][1:]] == [
        ["r1", "2026-12-01", "3", "3", "3", "3"], ["r2", "2026-12-08", "3", "3", "3", "3"]]

    # alpha, interval and q of every alpha, exactly, in the order of the forest plot
    summary = page.sections["alpha"][0][1:]
    rows = [r for level in ("token", "character", "article_code") for r in expected.summary
            if r.level == level and r.measure in ALPHAS]
    assert len(summary) == len(rows) and any(r.ci_low is not None for r in rows)
    for cells, row in zip(summary, rows):
        assert cells[2][0] == row.measure
        shown = [None if v is None else float(v) for _, v in cells[3:10]]
        assert shown == [row.value, row.ci_low, row.ci_high, row.q_below.get(0.667),
                         row.q_below.get(0.8), row.n_units, row.n_coders]
        if row.value is not None:
            assert cells[3][0] == f"{row.value:.3f}"

    # round by round, coder by coder, gold
    trend_values = {r.value for r in trend if r.measure == TOKEN_ALPHA and r.value is not None}
    assert trend_values and trend_values <= set(values(page.sections["rounds"][0]))
    kappas = {p.cohen_kappa for p in expected.pairwise if p.cohen_kappa is not None}
    assert kappas and kappas <= set(values(sum(page.sections["pairs"][:-1], [])))
    assert len(page.sections["pairs"]) == len(expected.labels) + len(expected.codes) + 1
    confusion = {r.tokens for r in expected.label_confusion if r.coder_a == "*"}
    assert confusion <= set(values(page.sections["pairs"][-1]))
    gold = page.sections["gold"][0][1:]
    assert len(gold) == len(expected.gold.rows)
    assert [c[0] for c in gold[0][:1]] == [expected.gold.rows[0].coder]
    assert float(gold[0][4][1]) == expected.gold.rows[0].f1_exact

    # the largest disagreements first, in their context
    shown = page.sections["disagreements"][0][1:]
    longest = max(expected.disagreements, key=lambda d: d.end - d.start)
    assert shown[0][2][0] == f"{longest.start}–{longest.end}"
    assert shown[0][3][0] == f"…{longest.before}{longest.text}{longest.after}…"

    # the methods paragraph: B, seed, versions
    methods = re.findall(r'<p class="methods" lang="(\w+)">(.*?)</p>', text, flags=re.S)
    assert [lang for lang, _ in methods] == ["ja", "en"]
    for _, paragraph in methods:
        assert "200" in paragraph and "7" in paragraph and __version__ in paragraph
        assert tokenizer_id() in paragraph
    assert "200 bootstrap resamples of articles" in methods[1][1] and "seed 7" in methods[1][1]


def test_self_contained_with_figures_as_svg_text(study: Path, tmp_path: Path):
    out = tmp_path / "report.html"
    write_html_report(study, out, bootstrap=50, seed=1)
    text = out.read_text(encoding="utf-8")
    assert not re.search(r"https?:|//|<script|<link|url\((?!#)", text), text
    tags = re.findall(r"<[^>]*>", text)
    assert not [t for t in tags if re.search(r'\s(src|href|xlink:href)="(?!#)', t)]
    figures = re.findall(r"<svg.*?</svg>", text, flags=re.S)
    assert len(figures) == 2  # the forest plot and the rounds
    texts = [re.findall(r"<text[^>]*>([^<]*)</text>", svg) for svg in figures]
    assert "安全保障上の懸念 (Security concern)" in texts[0]
    assert "関連性 (Relevance)" in texts[0] and "0.667" in texts[0] and "0.800" in texts[0]
    assert "安全保障上の懸念 (Security concern)" in texts[1]
    ids = re.findall(r'\bid="([^"]+)"', text)
    assert len(ids) == len(set(ids)), "two figures share an id"


def test_titles_and_names_are_escaped(study: Path, tmp_path: Path):
    out = tmp_path / "report.html"
    write_html_report(study, out, bootstrap=0)
    text = out.read_text(encoding="utf-8")
    assert "<script" not in text and "<img" not in text
    page = parse(text)
    titles = [r[0][0] for r in page.sections["disagreements"][0][1:]]
    assert any(HOSTILE in t for t in titles)  # shown as text, exactly


def test_one_language_or_both(study: Path, tmp_path: Path):
    texts = {}
    for lang in ("ja", "en", "both"):
        write_html_report(study, tmp_path / f"{lang}.html", lang=lang, bootstrap=0)
        texts[lang] = (tmp_path / f"{lang}.html").read_text(encoding="utf-8")
    assert "研究の概要" in texts["ja"] and "The study" not in texts["ja"]
    assert "The study" in texts["en"] and "研究の概要" not in texts["en"]
    assert "<h2>研究の概要 <span class=\"en\" lang=\"en\">The study</span></h2>" in texts["both"]
    assert ">Security concern<" in texts["en"] and "安全保障上の懸念" not in texts["en"]
    assert "ブートストラップ信頼区間は算出していない" in texts["ja"]
    assert "No bootstrap intervals were computed." in texts["en"]
    with pytest.raises(InputError, match="unknown language 'fr'"):
        write_html_report(study, tmp_path / "fr.html", lang="fr")


def test_no_rounds_and_no_gold_leave_their_sections_out(tmp_path: Path, seed_files):
    path = make_study(tmp_path, seed_files, rounds=False, gold=False)
    write_html_report(path, tmp_path / "r.html", bootstrap=0)
    page = parse((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert list(page.sections) == ["study", "alpha", "pairs", "disagreements", "methods"]


def test_a_round_alone(study: Path, tmp_path: Path):
    result = write_html_report(study, tmp_path / "r.html", round="r2", bootstrap=0)
    assert result.n_articles == 3
    text = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'of calibration round "r2"' in text.replace("&quot;", '"')


def test_cancelled_or_unwritable_leaves_no_file(study: Path, tmp_path: Path):
    out = tmp_path / "report.html"

    def cancel(done: int, total: int, what: str = "") -> None:
        if done >= 90:
            raise Cancelled()

    with pytest.raises(Cancelled):
        write_html_report(study, out, bootstrap=20, progress=cancel)
    assert list(tmp_path.glob("report.html*")) == []
    with pytest.raises(InputError, match="cannot write the report"):
        write_html_report(study, tmp_path / "missing" / "r.html", bootstrap=0)
    assert not (tmp_path / "missing").exists()


def test_cli_report(study: Path, tmp_path: Path):
    out = tmp_path / "報告 1.html"
    result = cli("report", study, "--out", out, "--lang", "en", "--bootstrap", "100",
                 "--seed", "5", "--level", "0.9")
    assert result.returncode == 0, result.stderr
    assert "bootstrap 100 (seed 5)" in result.stdout and f"wrote {out}" in result.stdout
    text = out.read_text(encoding="utf-8")
    assert "seed 5" in text and "90% confidence intervals" in text and "90% CI low" in text
    error = one_line_error(cli("report", study, "--out", out, "--round", "nope"))
    assert "nope" in error


def test_without_matplotlib_cli_says_how_to_install_it(study: Path, tmp_path: Path):
    out = tmp_path / "r.html"
    code = ("import sys; sys.modules['matplotlib'] = None; from annotator.cli import main; "
            f"sys.argv = ['annotator', 'report', {str(study)!r}, '--out', {str(out)!r}]; main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    line = one_line_error(result)
    assert "needs matplotlib" in line and "pip install 'framing-annotator[report]'" in line
    assert not out.exists()


def test_one_coder_gives_a_report_with_empty_measures(tmp_path: Path, seed_files):
    from tests.round_projects import code, make_master

    master = make_master(tmp_path, seed_files)
    code(master, master.articles.ids()[0], "alice", "security_concern", 1, 3)
    master.close()
    result = cli("report", master.path, "--out", tmp_path / "r.html")
    assert result.returncode == 0, result.stderr
    assert "note: only 1 coder(s) to compare" in result.stderr
    assert "no intervals" not in result.stdout
    page = parse((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert list(page.sections) == ["study", "alpha", "methods"]
    assert {c[0] for row in page.sections["alpha"][0][1:] for c in row[3:8]} == {"—"}
