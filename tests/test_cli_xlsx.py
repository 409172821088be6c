"""`export --format xlsx`, `agreement --xlsx` and `--plain`: the data reaches Excel, LibreOffice,
R and pandas as it is in the project (ids, titles, notes and span text that spreadsheets like
to turn into numbers, dates, booleans and formulas)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result

from annotator.cli import cli
from annotator.core.exporters import ANNOTATION_CSV, STATUS_COLUMNS
from annotator.core.importers import import_paths
from annotator.core.store import Project

#: article id -> (title, text); the ids and titles are what spreadsheets mangle.
ARTICLES = {
    "0012": ("=SUM(A1)", "米中対立で安全保障上の懸念が5%増えた。"),
    "12-3": ("TRUE", "経済的利益は+81の市場で-1となった。"),
    "1/2": ("+81 見出し", "国産化を急ぐべきだとの声も強い。𠮷田氏は1/2と述べた。"),
}
#: (article, coder, covered text, label, note)
SPANS = [
    ("0012", "alice", "安全保障上の懸念", "security_concern", "1/2"),
    ("0012", "bob", "5%", "economic_interest", "=1+1"),
    ("12-3", "alice", "+81", "economic_interest", "@mention"),
    ("12-3", "bob", "-1", "economic_interest", "0012"),
    ("1/2", "alice", "国産化", "self_reliance", "TRUE"),
    ("1/2", "bob", "1/2", "self_reliance", "5%"),
]


@pytest.fixture
def study(tmp_path: Path) -> Path:
    lines = []
    for aid, (title, text) in ARTICLES.items():
        annotations = [{"coder": c, "label": label, "start": text.index(covered),
                        "end": text.index(covered) + len(covered), "note": note}
                       for a, c, covered, label, note in SPANS if a == aid]
        lines.append({"id": aid, "title": title, "text": text, "annotations": annotations,
                      "status": {"alice": "done", "bob": "done"},
                      "codes": {"alice": {"relevance": True, "primary_frame": "none"},
                                "bob": {"relevance": False}}})
    source = tmp_path / "study.jsonl"
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    path = tmp_path / "study.annot"
    with Project.create(path) as project:
        import_paths(project, [source])
    return path


def run(*args: object) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def ok(*args: object) -> Result:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result


def sheet_rows(path: Path, sheet: str) -> list[list[openpyxl.cell.Cell]]:
    return [list(row) for row in openpyxl.load_workbook(path)[sheet].iter_rows()]


def test_export_xlsx_keeps_ids_titles_notes_and_span_text(study: Path, tmp_path: Path):
    out = tmp_path / "new folder" / "study.xlsx"
    result = ok("export", study, "--format", "xlsx", "--out", out)
    assert "spans (6 row(s)), codes (6 row(s)), statuses (6 row(s))" in result.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["spans", "codes", "statuses"]
    rows = sheet_rows(out, "spans")
    assert tuple(c.value for c in rows[0]) == ANNOTATION_CSV
    assert len(rows) == 1 + len(SPANS)
    found = set()
    for row in rows[1:]:
        cell = dict(zip(ANNOTATION_CSV, row))
        for name in ("article_id", "title", "coder", "label", "text", "note", "uuid"):
            assert cell[name].data_type == "s", (name, cell[name].value)
        assert cell["start"].data_type == cell["end"].data_type == "n"
        aid = cell["article_id"].value
        title, text = ARTICLES[aid]
        assert cell["title"].value == title
        assert text[cell["start"].value:cell["end"].value] == cell["text"].value
        found.add((aid, cell["coder"].value, cell["text"].value, cell["label"].value,
                   cell["note"].value))
    assert found == set(SPANS)

    codes = sheet_rows(out, "codes")
    assert [c.value for c in codes[0]][:5] == ["article_id", "title", "coder", "status",
                                                "relevance"]
    alice = [r for r in codes[1:] if r[2].value == "alice"]
    assert [(r[0].value, r[0].data_type, r[1].value) for r in alice] == [
        (aid, "s", title) for aid, (title, _) in ARTICLES.items()]
    assert all((r[4].value, r[4].data_type) == (1, "n") for r in alice)

    statuses = sheet_rows(out, "statuses")
    assert tuple(c.value for c in statuses[0]) == STATUS_COLUMNS
    assert [[c.value for c in r] for r in statuses[1:3]] == [
        ["0012", "=SUM(A1)", "alice", "done", 1], ["0012", "=SUM(A1)", "bob", "done", 1]]
    assert openpyxl.load_workbook(out)["statuses"].freeze_panes == "A2"


def test_export_xlsx_of_one_coder_and_of_gold(study: Path, tmp_path: Path):
    ok("export", study, "--format", "xlsx", "--coder", "bob", "--out", tmp_path / "bob.xlsx")
    for sheet in ("spans", "codes", "statuses"):
        rows = sheet_rows(tmp_path / "bob.xlsx", sheet)
        assert {r[2].value for r in rows[1:]} == {"bob"}
    ok("export", study, "--format", "xlsx", "--coder", "gold", "--out", tmp_path / "gold.xlsx")
    assert [len(sheet_rows(tmp_path / "gold.xlsx", s)) for s in ("spans", "statuses")] == [1, 1]


def test_export_options_that_do_not_fit_are_refused(study: Path, tmp_path: Path):
    result = run("export", study, "--format", "xlsx", "--out", "-")
    assert result.exit_code == 2 and "give --out FILE.xlsx" in result.output
    result = run("export", study, "--format", "jsonl", "--plain", "--out", tmp_path / "a.jsonl")
    assert result.exit_code == 2 and "--plain is for --format csv or codes" in result.output
    assert not (tmp_path / "a.jsonl").exists()


def test_export_plain_csv_reads_back_unchanged(study: Path, tmp_path: Path):
    ok("export", study, "--format", "csv", "--plain", "--out", tmp_path / "spans.csv")
    excel = run("export", study, "--format", "csv", "--out", "-").output
    assert "'=1+1" in excel  # the default stays safe for a double-click in Excel
    raw = (tmp_path / "spans.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert {(r["article_id"], r["coder"], r["text"], r["label"], r["note"]) for r in rows} == \
        set(SPANS)
    for r in rows:
        assert r["title"] == ARTICLES[r["article_id"]][0]
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(tmp_path / "spans.csv", dtype={"article_id": str, "title": str,
                                                           "text": str, "note": str})
    assert {(r.article_id, r.coder, r.text, r.label, r.note) for r in frame.itertuples()} == \
        set(SPANS)
    assert frame["start"].dtype.kind == "i"
    titles = [ARTICLES[a][0] for a in frame["article_id"]]
    assert list(frame["title"]) == titles

    plain = run("export", study, "--format", "codes", "--plain", "--out", "-").output
    codes = list(csv.DictReader(io.StringIO(plain, newline="")))
    assert {(r["article_id"], r["title"]) for r in codes} == \
        {(aid, title) for aid, (title, _) in ARTICLES.items()}


def test_agreement_xlsx_has_every_report_file_as_a_sheet(study: Path, tmp_path: Path):
    out = tmp_path / "report"
    result = ok("agreement", study, "--out", out, "--xlsx")
    assert str(out / "report.xlsx") in result.output
    csvs = sorted(p.name for p in out.glob("*.csv"))
    book = openpyxl.load_workbook(out / "report.xlsx")
    assert sorted(book.sheetnames) == sorted(name[:-4] for name in csvs)
    assert book.sheetnames[0] == "summary"
    for name in csvs:
        text = (out / name).read_text(encoding="utf-8-sig")
        written = list(csv.reader(io.StringIO(text, newline="")))
        sheet = [list(r) for r in book[name[:-4]].iter_rows()]
        assert len(sheet) == len(written), name
        for line, cells in zip(written, sheet):
            for text_cell, cell in zip(line, cells):
                if cell.data_type == "n" and cell.value is not None:
                    assert float(text_cell) == pytest.approx(cell.value), name
                elif cell.data_type == "b":  # a yes/no answer: a boolean cell, TRUE in CSV
                    assert text_cell == str(cell.value).upper()
                else:
                    assert cell.data_type == "s" or cell.value is None
                    assert (cell.value or "") == text_cell.removeprefix("'"), name
    per_article = sheet_rows(out / "report.xlsx", "per_article")
    assert {(r[0].value, r[1].value) for r in per_article[1:]} == \
        {(aid, title) for aid, (title, _) in ARTICLES.items()}
    assert all(r[0].data_type == r[1].data_type == "s" for r in per_article[1:])


def test_agreement_xlsx_to_a_file_and_plain_reports(study: Path, tmp_path: Path):
    book = tmp_path / "books" / "agreement.xlsx"
    ok("agreement", study, "--xlsx", book, "--plain", "--out", tmp_path / "plain")
    assert "summary" in openpyxl.load_workbook(book).sheetnames
    assert not (tmp_path / "plain" / "report.xlsx").exists()
    rows = list(csv.DictReader(io.StringIO(
        (tmp_path / "plain" / "per_article.csv").read_text("utf-8-sig"), newline="")))
    assert {(r["article_id"], r["title"]) for r in rows} == \
        {(aid, title) for aid, (title, _) in ARTICLES.items()}
    dis = list(csv.DictReader(io.StringIO(
        (tmp_path / "plain" / "disagreements.csv").read_text("utf-8-sig"), newline="")))
    for r in dis:
        assert ARTICLES[r["article_id"]][1][int(r["start"]):int(r["end"])] == r["text"]


def test_libreoffice_reads_the_exported_workbook_as_written(study: Path, tmp_path: Path):
    from tests.core.test_xlsx import ALL_SHEETS_CSV, libreoffice, soffice

    soffice()
    ok("export", study, "--format", "xlsx", "--out", tmp_path / "study.xlsx")
    libreoffice(tmp_path / "study.xlsx", ALL_SHEETS_CSV, tmp_path / "lo")
    with open(tmp_path / "lo" / "study-spans.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {(r["article_id"], r["coder"], r["text"], r["label"], r["note"]) for r in rows} == \
        set(SPANS)
    for r in rows:
        title, text = ARTICLES[r["article_id"]]
        assert r["title"] == title and text[int(r["start"]):int(r["end"])] == r["text"]
    with open(tmp_path / "lo" / "study-statuses.csv", encoding="utf-8", newline="") as fh:
        statuses = list(csv.reader(fh))
    assert statuses[1] == ["0012", "=SUM(A1)", "alice", "done", "1"]
