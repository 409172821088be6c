"""Excel workbooks that keep the data exactly: one sheet per table.

A CSV file leaves each cell's type to the program that opens it, and spreadsheets guess: an id
``0012`` becomes 12, ``12-3`` a date, ``TRUE`` a boolean, ``5%`` 0.05, ``=SUM(A1)`` a formula. A
workbook states every cell's type, so here text is always written as a text cell (openpyxl alone
would make a formula of any string starting with ``=`` and an error value of ``#N/A``), numbers
as numbers, and nothing needs the apostrophe the CSV files carry. Characters XML cannot hold
(control characters) and text that looks like OOXML's own ``_xHHHH_`` escape are escaped the way
Excel, LibreOffice and openpyxl read back, so every text cell returns as it was written.

Each sheet has its header row frozen and bold, a filter on it, and columns as wide as their
content (capped). The file is written whole or not at all (:mod:`annotator.core.files`).
"""

from __future__ import annotations

import io
import math
import numbers
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Protocol, Union

from annotator.core.errors import InputError

#: Excel's limit on the characters of one cell (counted in UTF-16 units).
MAX_CELL_CHARS = 32767
#: Excel's limit on the length of a sheet name.
MAX_SHEET_NAME = 31
#: Widest column, in characters (a long text column stays readable, wrapped in Excel).
MAX_WIDTH = 60
MIN_WIDTH = 6
_BAD_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
#: An underscore that starts something Excel would read as an escape (``_x0041_`` -> "A"),
#: characters XML 1.0 cannot hold, and the two non-characters: all written as ``_xHHHH_``.
_NEEDS_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Whole numbers beyond this lose digits in a spreadsheet (a double); they are written as text.
_EXACT_INT = 2 ** 53


class HasRows(Protocol):
    """A table as :class:`annotator.core.csvout.Table` holds it."""

    header: Sequence[str]
    rows: Sequence[Sequence[object]]


Tabular = Union[HasRows, tuple[Sequence[str], Iterable[Sequence[object]]]]


def _parts(table: Tabular) -> tuple[Sequence[str], list[Sequence[object]]]:
    if isinstance(table, tuple):
        header, rows = table
    else:
        header, rows = table.header, table.rows
    return header, list(rows)


def _escape(text: str) -> str:
    return _NEEDS_ESCAPE.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def sheet_name(name: str, taken: Iterable[str] = ()) -> str:
    """A valid sheet name for a table called ``name`` (a file name loses its ``.csv``): the
    characters Excel refuses replaced by ``_``, at most 31 characters, and different (ignoring
    case, as Excel does) from every name in ``taken``."""
    stem = name[:-4] if name.lower().endswith(".csv") else name
    stem = _BAD_IN_SHEET_NAME.sub("_", stem).strip("'") or "sheet"
    if stem.lower() == "history":  # reserved by Excel
        stem = "history_"
    used = {t.lower() for t in taken}
    candidate = stem[:MAX_SHEET_NAME]
    n = 1
    while candidate.lower() in used:
        n += 1
        tail = f"_{n}"
        candidate = stem[:MAX_SHEET_NAME - len(tail)] + tail
    return candidate


def _display_width(value: object) -> int:
    """Characters a cell needs on screen: its longest line, wide (CJK) characters counting 2."""
    if value is None:
        return 0
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral):
        return len(format(float(value), ".10g"))
    text = str(value)
    return max(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
               for line in text.split("\n"))


def column_widths(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[float]:
    """One width per column (in Excel's character units): the widest cell, capped."""
    widths = [_display_width(h) for h in header]
    for row in rows:
        for k, value in enumerate(row[:len(widths)]):
            w = _display_width(value)
            if w > widths[k]:
                widths[k] = w
    return [min(max(w, MIN_WIDTH), MAX_WIDTH) + 2 for w in widths]


def _cell(sheet, value: object):  # noqa: ANN001, ANN202 (openpyxl types)
    """One write-only cell whose type is the value's own: text stays text, whatever it says."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, bool):
        return WriteOnlyCell(sheet, value)
    if isinstance(value, numbers.Integral) and abs(int(value)) < _EXACT_INT:
        return WriteOnlyCell(sheet, int(value))  # numpy's integers too
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral):
        number = float(value)
        return WriteOnlyCell(sheet, None if math.isnan(number) or math.isinf(number) else number)
    if value is None:
        return WriteOnlyCell(sheet, None)
    text = str(value)
    if not text:
        return WriteOnlyCell(sheet, None)
    cell = WriteOnlyCell(sheet, None)
    # Set past openpyxl's own check, which would cut the escaped text at 32,767 characters
    # (the limit is checked on the text itself, by _check_lengths) and guess a type from it.
    cell._value = _escape(text)
    cell.data_type = "s"  # never a formula ("=...") or an error value ("#N/A")
    return cell


def _check_lengths(title: str, header: Sequence[str], rows: list[Sequence[object]]) -> None:
    """Refuse, before anything is written, a text longer than an Excel cell holds."""
    for r, row in enumerate([header, *rows], start=1):
        for k, value in enumerate(row):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS // 2 and \
                    len(value.encode("utf-16-le")) // 2 > MAX_CELL_CHARS:
                column = header[k] if r > 1 and k < len(header) else k + 1
                raise InputError(
                    f"sheet {title} row {r} column {column}: {len(value)} characters; an "
                    f"Excel cell holds at most {MAX_CELL_CHARS:,}; export this table as CSV "
                    "instead")


def workbook_bytes(tables: Mapping[str, Tabular]) -> bytes:
    """The .xlsx file of ``tables`` (name -> a :class:`~annotator.core.csvout.Table` or a
    (header, rows) pair), one sheet each in that order, named by :func:`sheet_name`.
    Raises :class:`InputError` for a cell Excel cannot hold."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheets: list[tuple[str, Sequence[str], list[Sequence[object]]]] = []
    for name, table in tables.items():
        header, rows = _parts(table)
        title = sheet_name(name, [s[0] for s in sheets])
        _check_lengths(title, header, rows)
        sheets.append((title, header, rows))
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title)
        for k, width in enumerate(column_widths(header, rows), start=1):
            sheet.column_dimensions[get_column_letter(k)].width = width
        sheet.freeze_panes = "A2"
        if header:
            last = f"{get_column_letter(len(header))}{len(rows) + 1}"
            sheet.auto_filter.ref = f"A1:{last}"
        heads = []
        for h in header:
            head = _cell(sheet, h)
            head.font = bold
            heads.append(head)
        sheet.append(heads)
        for row in rows:
            sheet.append([_cell(sheet, v) for v in row])
    if not sheets:
        book.create_sheet("empty")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_workbook(path: str | Path, tables: Mapping[str, Tabular]) -> Path:
    """Write :func:`workbook_bytes` to ``path`` (its folder made when missing), whole or not
    at all; returns the path."""
    from annotator.core.files import atomic_write_many

    path = Path(path)
    return atomic_write_many(path.parent, {path.name: workbook_bytes(tables)})[0]
