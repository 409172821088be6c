"""Workbooks that keep the data: every text cell comes back as the same text, every number as
a number, read by openpyxl and by LibreOffice; and plain CSV that R and pandas read unchanged."""

from __future__ import annotations

import csv
import io
import math
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.escape import unescape

from annotator.core.csvout import Table, render_csv
from annotator.core.errors import InputError
from annotator.core.xlsx import MAX_CELL_CHARS, sheet_name, workbook_bytes, write_workbook

#: Text a spreadsheet likes to turn into something else (number, date, boolean, percentage,
#: formula, error value), and text that must simply survive (Japanese, astral characters,
#: line breaks, spaces at the ends).
TRICKY = ["0012", "12-3", "TRUE", "false", "1/2", "5%", "=SUM(A1)", "+81", "-1", "@sum", "#N/A",
          "1e5", "2026-12-02", "12:30", "(1)", "１２", "安全保障上の懸念", "𠮷田氏", "改\n行",
          " 前後に空白 ", "'quoted", "=", ""]
NUMBERS = [0, -3, 12, 0.5, -0.25, 1e-12, 123456789.125]



def soffice() -> str:
    """LibreOffice's program; the test is skipped where it is not installed, unless
    ANNOTATOR_REQUIRE_LIBREOFFICE is set (as .ci/run does, after installing it)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        why = "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui"
        if os.environ.get("ANNOTATOR_REQUIRE_LIBREOFFICE"):
            pytest.fail(why)
        pytest.skip(why)
    return found


def tricky_tables() -> dict[str, Table]:
    """Two sheets: text in every position, numbers, empty and impossible values."""
    text_rows = [(k, value, f"注{k}") for k, value in enumerate(TRICKY)]
    numbers = [(value, None, float("nan"), float("inf")) for value in NUMBERS]
    return {"spans.csv": Table(("n", "text", "note"), text_rows),
            "per_article.csv": Table(("value", "none", "nan", "inf"), numbers)}


def cells(path: Path, sheet: str) -> list[list[openpyxl.cell.Cell]]:
    book = openpyxl.load_workbook(path)
    return [list(row) for row in book[sheet].iter_rows()]


def test_text_stays_text_and_numbers_stay_numbers(tmp_path: Path):
    path = write_workbook(tmp_path / "book.xlsx", tricky_tables())
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["spans", "per_article"]
    rows = cells(path, "spans")
    assert [c.value for c in rows[0]] == ["n", "text", "note"]
    for k, (row, value) in enumerate(zip(rows[1:], TRICKY)):
        n, text, note = row
        assert (n.value, n.data_type) == (k, "n")
        expected = value if value != "" else None  # an empty text cell is an empty cell
        assert text.value == expected, value
        if value:
            assert text.data_type == "s", f"{value!r} was stored as type {text.data_type}"
        assert (note.value, note.data_type) == (f"注{k}", "s")
    numbers = cells(path, "per_article")
    for row, value in zip(numbers[1:], NUMBERS):
        assert row[0].data_type == "n" and row[0].value == value
        assert isinstance(row[0].value, int) == isinstance(value, int)
        assert [c.value for c in row[1:]] == [None, None, None]  # None, NaN and inf: empty
    # nothing in the file is a formula, whatever openpyxl would guess from "=..."
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml and "<f " not in xml


def test_numpy_numbers_are_numbers_and_huge_integers_stay_exact(tmp_path: Path):
    numpy = pytest.importorskip("numpy")
    table = Table(("v",), [(numpy.int64(7),), (numpy.float64(0.25),), (numpy.float64("nan"),),
                           (2 ** 53,), (-(2 ** 60) - 1,)])
    path = write_workbook(tmp_path / "book.xlsx", {"t": table})
    read = [(row[0].value, row[0].data_type) for row in cells(path, "t")[1:]]
    assert read == [(7, "n"), (0.25, "n"), (None, "n"), (str(2 ** 53), "s"),
                    (str(-(2 ** 60) - 1), "s")]


def test_header_frozen_bold_filtered_and_columns_readable(tmp_path: Path):
    long_title = "安全保障上の懸念が高まる中で政府は経済安全保障推進法の運用を見直す方針を示した" * 3
    table = Table(("article_id", "title", "n"), [("0012", long_title, 3), ("a", "短い", 40)])
    path = write_workbook(tmp_path / "book.xlsx", {"per_article.csv": table})
    sheet = openpyxl.load_workbook(path)["per_article"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C3"
    assert all(c.font.b for c in sheet[1])
    assert not sheet["A2"].font.b
    widths = {k: d.width for k, d in sheet.column_dimensions.items()}
    assert widths["B"] == 62  # capped: a very long title does not make a mile-wide column
    assert 12 <= widths["A"] <= 14  # "article_id" fits
    assert widths["C"] == 8  # short numbers still get a usable column


def test_japanese_widths_count_double():
    from annotator.core.xlsx import column_widths

    assert column_widths(["t"], [("安全保障",)]) == [8 + 2]
    assert column_widths(["t"], [("abcd",)]) == [6 + 2]  # the minimum
    assert column_widths(["t"], [("一行目\n二行目の方が長い",)]) == [16 + 2]  # longest line


def test_sheet_names_are_valid_and_distinct():
    assert sheet_name("summary.csv") == "summary"
    assert sheet_name("a[b]:c*d?e/f\\g") == "a_b__c_d_e_f_g"
    long = "x" * 40
    assert sheet_name(long) == "x" * 31
    assert sheet_name(long, ["x" * 31]) == "x" * 29 + "_2"
    assert sheet_name("Spans", ["spans"]) == "Spans_2"  # Excel ignores case
    assert sheet_name("History") == "history_"
    assert sheet_name("'quoted'") == "quoted"
    assert sheet_name("") == "sheet"


def test_sheet_names_in_a_workbook(tmp_path: Path):
    tables = {"a/b": Table(("x",), []), "a\\b": Table(("x",), []), "c" * 40: (("y",), [])}
    path = write_workbook(tmp_path / "book.xlsx", tables)
    assert openpyxl.load_workbook(path).sheetnames == ["a_b", "a_b_2", "c" * 31]


def test_characters_xml_cannot_hold_are_escaped_as_excel_reads_them(tmp_path: Path):
    values = ["a\x0bb\x01", "_x0041_", "_x005F_ and _xABCD_", "tab\there", "\ufffe"]
    path = write_workbook(tmp_path / "book.xlsx", {"t": Table(("v",), [(v,) for v in values])})
    read = [row[0] for row in cells(path, "t")[1:]]
    # openpyxl shows OOXML's escapes raw; Excel and LibreOffice decode them (see below)
    assert [unescape(c.value) for c in read] == values
    assert all(c.data_type == "s" for c in read)


def test_a_cell_too_long_for_excel_is_refused_and_nothing_written(tmp_path: Path):
    table = Table(("article_id", "text"), [("a", "ok"), ("b", "長" * (MAX_CELL_CHARS + 1))])
    target = tmp_path / "out" / "book.xlsx"
    with pytest.raises(InputError, match=r"sheet spans row 3 column text: 32768 characters; an "
                                         r"Excel cell holds at most 32,767"):
        write_workbook(target, {"spans.csv": table})
    assert not (tmp_path / "out").exists()
    astral = Table(("t",), [("𠮷" * (MAX_CELL_CHARS // 2 + 1),)])  # two UTF-16 units each
    with pytest.raises(InputError, match="an Excel cell holds"):
        workbook_bytes({"t": astral})
    workbook_bytes({"t": Table(("t",), [("長" * MAX_CELL_CHARS,)])})  # the limit itself is fine


def test_write_replaces_a_file_whole(tmp_path: Path):
    target = tmp_path / "book.xlsx"
    target.write_bytes(b"earlier")
    write_workbook(target, tricky_tables())
    assert openpyxl.load_workbook(target).sheetnames == ["spans", "per_article"]
    assert [p.name for p in tmp_path.iterdir()] == ["book.xlsx"]  # no temporary file left


def libreoffice(source: Path, target_format: str, out: Path) -> None:
    """Convert with LibreOffice's headless converter, in a profile of its own."""
    profile = out / "profile"
    result = subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         target_format, "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr


#: LibreOffice's CSV filter: comma, double quote, UTF-8, from line 1, and (the last token) every
#: sheet into a file of its own, BOOK-SHEET.csv.
ALL_SHEETS_CSV = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'


def test_libreoffice_reads_every_text_cell_as_the_same_text(tmp_path: Path):
    soffice()
    tables = tricky_tables()
    tables["escapes"] = Table(("v",), [("_x0041_",), ("a\x0bb",), ("_x005F_",)])
    path = write_workbook(tmp_path / "book.xlsx", tables)
    out = tmp_path / "lo"
    libreoffice(path, ALL_SHEETS_CSV, out)
    with open(out / "book-spans.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["n", "text", "note"]
    assert [r[1] for r in rows[1:]] == TRICKY
    assert [r[2] for r in rows[1:]] == [f"注{k}" for k in range(len(TRICKY))]
    with open(out / "book-per_article.csv", encoding="utf-8", newline="") as fh:
        numbers = list(csv.reader(fh))[1:]
    assert [float(r[0]) for r in numbers] == [float(v) for v in NUMBERS]
    assert all(r[1:] == ["", "", ""] for r in numbers)

    # the types LibreOffice gave the cells, seen in the workbook it writes back
    libreoffice(path, "xlsx", out / "xlsx")
    again = openpyxl.load_workbook(out / "xlsx" / "book.xlsx")
    for row, value in zip(list(again["spans"].iter_rows())[1:], TRICKY):
        if value:
            assert (row[1].value, row[1].data_type) == (value, "s")
        assert row[0].data_type == "n"
    for row, value in zip(list(again["per_article"].iter_rows())[1:], NUMBERS):
        assert row[0].data_type == "n" and math.isclose(row[0].value, value)
    with open(out / "book-escapes.csv", encoding="utf-8", newline="") as fh:
        assert [r[0] for r in list(csv.reader(fh))[1:]] == ["_x0041_", "a\x0bb", "_x005F_"]


def test_plain_csv_keeps_every_text_cell(tmp_path: Path):
    rows = [(k, value, f"注{k}") for k, value in enumerate(TRICKY)]
    excel = render_csv(("n", "text", "note"), rows)
    plain = render_csv(("n", "text", "note"), rows, plain=True)
    assert "'=SUM(A1)" in excel and "'=SUM(A1)" not in plain
    read = list(csv.reader(io.StringIO(plain, newline="")))
    assert [r[1] for r in read[1:]] == TRICKY
    path = tmp_path / "plain.csv"
    path.write_bytes(plain.encode("utf-8-sig"))
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(frame.columns) == ["n", "text", "note"]
    assert list(frame["text"]) == TRICKY
    assert list(pandas.read_csv(path, encoding="utf-8-sig")["n"]) == list(range(len(TRICKY)))


def test_plain_csv_writes_numbers_and_empties_as_the_excel_csv_does():
    row = [(3, 0.5, None, float("nan"), True, "=x")]
    excel = render_csv(("a", "b", "c", "d", "e", "f"), row).splitlines()[1]
    plain = render_csv(("a", "b", "c", "d", "e", "f"), row, plain=True).splitlines()[1]
    assert excel == "3,0.5,,,TRUE,'=x"
    assert plain == "3,0.5,,,TRUE,=x"
