"""CSV files that open correctly in Excel, including Japanese Excel on Windows.

UTF-8 with a byte-order mark and CRLF line ends (Excel needs the BOM to read UTF-8), or CP932
for old Excel, refusing clearly any character CP932 cannot hold. Text cells that Excel would
take for a formula are prefixed with an apostrophe. Files are written to a temporary name and
renamed, all together, so a failure leaves no half-written report.
"""

from __future__ import annotations

import csv
import io
import math
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from annotator.core.errors import InputError

ENCODINGS = ("utf-8-sig", "cp932")  # what a user may choose for reports
_INTERNAL = ("utf-8",)  # plain UTF-8, for files other tools read (brat)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


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


def render_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([excel_cell(v) for v in row])
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
