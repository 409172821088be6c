"""CSV files that open correctly in Excel, including Japanese Excel on Windows.

UTF-8 with a byte-order mark and CRLF line ends (Excel needs the BOM to read UTF-8), or CP932
for old Excel, refusing clearly any character CP932 cannot hold. Text cells that Excel would
take for a formula are prefixed with an apostrophe. Files are written to a temporary name and
renamed, all together, so a failure leaves no half-written report.

The apostrophe protects a double-click in Excel but stays in the data for everything else (R,
pandas, LibreOffice's import): ``plain`` mode writes every text cell exactly as it is, for
analysis programs and for spreadsheets' import dialogs, which let the user set column types.
"""

from __future__ import annotations

import csv
import io
import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import InputError

ENCODINGS = ("utf-8-sig", "cp932")  # what a user may choose for reports
_INTERNAL = ("utf-8",)  # plain UTF-8, for files other tools read (brat)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


@dataclass(frozen=True)
class Table:
    """One file or sheet before it is written: its columns and its rows of plain values. The
    CSV and workbook writers (:mod:`annotator.core.xlsx`) both render these, so the two can
    never disagree on a column."""

    header: tuple[str, ...]
    rows: list[tuple[object, ...]]


def excel_cell(value: object) -> str:
    """One cell as text: numbers as numbers, None empty, risky text defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return ""
        return format(value, ".10g")
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def plain_cell(value: object) -> str:
    """One cell as text for analysis programs: like :func:`excel_cell`, but text as it is."""
    if isinstance(value, str):
        return value
    return excel_cell(value)


def render_csv(header: Sequence[str], rows: Iterable[Sequence[object]], plain: bool = False
               ) -> str:
    """CSV text of a table; ``plain``: text cells as they are (no apostrophe), see above."""
    cell = plain_cell if plain else excel_cell
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return buffer.getvalue()


def encode_csv(name: str, text: str, encoding: str) -> bytes:
    if encoding not in ENCODINGS + _INTERNAL:
        raise InputError(f"--encoding {encoding!r}: use utf-8-sig (the default) or cp932")
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        bad = text[exc.start]
        row = text.count("\n", 0, exc.start) + 1
        name_of = unicodedata.name(bad, "unnamed character")
        raise InputError(
            f"{name} row {row}: {bad!r} (U+{ord(bad):04X} {name_of}) cannot be written in "
            f"{encoding}; use the default UTF-8 with BOM, which Excel 2016 and later open "
            "correctly"
        ) from None


def write_files(folder: Path, files: dict[str, str], encoding: str = "utf-8-sig") -> list[Path]:
    """Write several text files into ``folder``: all of them, or (on any error) none."""
    from annotator.core.files import atomic_write_many

    return atomic_write_many(folder, {name: encode_csv(name, text, encoding)
                                      for name, text in files.items()})
