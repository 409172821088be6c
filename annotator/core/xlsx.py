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
    """A table as :mod:`annotator.core.report_files` builds them."""

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
    if isinstance(value, float):
        return len(format(value, ".10g"))
    text = str(value)
    return max(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
               for line in text.split("\n"))


def column_widths(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[float]:
    """One width per column (in Excel's character units): the widest cell, capped."""
    widths = [_display_width(h) for h in header]
    for row in rows:
        for k, value in enumerate(row[:len(widths)]):
            if value is not None and not isinstance(value, (int, float)):
                w = min(_display_width(value), MAX_WIDTH)
            else:
                w = _display_width(value)
            if w > widths[k]:
                widths[k] = w
    return [min(max(w, MIN_WIDTH), MAX_WIDTH) + 2 for w in widths]


def _cell(sheet, value: object, where: str):  # noqa: ANN001, ANN202 (openpyxl types)
    """One write-only cell whose type is the value's own: text stays text, whatever it says."""
    from openpyxl.cell import WriteOnlyCell

    if value is None or isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return WriteOnlyCell(sheet, None)
    if isinstance(value, bool):
        return WriteOnlyCell(sheet, value)
    if isinstance(value, (int, float)) and not (isinstance(value, int)
                                                and abs(value) >= _EXACT_INT):
        return WriteOnlyCell(sheet, value)
    text = str(value)
    if len(text.encode("utf-16-le")) // 2 > MAX_CELL_CHARS:
        raise InputError(f"{where}: {len(text)} characters; an Excel cell holds at most "
                         f"{MAX_CELL_CHARS:,}; export this table as CSV instead")
    cell = WriteOnlyCell(sheet, None)
    # Set past openpyxl's own check, which would cut the escaped text at 32,767 characters
    # (the limit is checked above, on the text itself) and guess a type from it.
    cell._value = _escape(text)
    cell.data_type = "s"  # never a formula ("=...") or an error value ("#N/A")
    return cell


def workbook_bytes(tables: Mapping[str, Tabular]) -> bytes:
    """The .xlsx file of ``tables`` (name -> a :class:`~annotator.core.report_files.Table` or
    a (header, rows) pair), one sheet each in that order, named by :func:`sheet_name`.
    Raises :class:`InputError` for a cell Excel cannot hold."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    names: list[str] = []
    for name, table in tables.items():
        header, rows = _parts(table)
        title = sheet_name(name, names)
        names.append(title)
        sheet = book.create_sheet(title)
        for k, width in enumerate(column_widths(header, rows), start=1):
            sheet.column_dimensions[get_column_letter(k)].width = width
        sheet.freeze_panes = "A2"
        if header:
            last = f"{get_column_letter(len(header))}{len(rows) + 1}"
            sheet.auto_filter.ref = f"A1:{last}"
        heads = []
        for k, h in enumerate(header, start=1):
            head = _cell(sheet, h, f"sheet {title} column {k}")
            head.font = bold
            heads.append(head)
        sheet.append(heads)
        for r, row in enumerate(rows, start=2):
            sheet.append([_cell(sheet, v, f"sheet {title} row {r} column "
                                          f"{header[k] if k < len(header) else k + 1}")
                          for k, v in enumerate(row)])
    if not names:
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
