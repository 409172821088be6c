"""Reading .txt and .csv files into article records (one article a file, one a row)."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.limits import (
    MAX_CSV_COLUMNS,
    MAX_TEXT_CHARS,
    check_text_size,
    first_few,
    short_text,
)
from annotator.core.records import ArticleRecord, is_blank
from annotator.core.text import normalize_text

_CSV_FIELDS = ("id", "title", "source", "published", "text")


def read_txt(path: Path, external_id: str, text: str) -> Iterator[ArticleRecord]:
    """A .txt file is one article."""
    text = normalize_text(text)
    check_text_size(text, str(path))
    yield ArticleRecord(origin=str(path), text=text, external_id=external_id)


def _lines(text: str) -> Iterator[str]:
    """The lines of normalized text (LF only), each with its LF, one at a time: io.StringIO
    would hold a copy of the whole file at 4 bytes a character."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        end = size if end < 0 else end + 1
        yield text[start:end]
        start = end


def _next_row(reader: Any) -> list[str]:
    """The next CSV row, with cells limited to MAX_TEXT_CHARS (the csv module's own default,
    131,072, is below the article limit). The limit is the csv module's global state, so it is
    set only for this call."""
    old = csv.field_size_limit(MAX_TEXT_CHARS)
    try:
        return next(reader)
    finally:
        csv.field_size_limit(old)


def _csv_error(path: Path, line: int, exc: csv.Error, what: str) -> InputError:
    if str(exc).startswith("field larger than field limit"):
        return InputError(
            f"{path} line {line}: a field has more than {MAX_TEXT_CHARS:,} characters; "
            f"the limit is {MAX_TEXT_CHARS:,} per article (and per field); split the article "
            "into several rows, or check for a quote that is never closed"
        )
    return InputError(f"{path} line {line}: {what} ({exc})")


def read_csv(path: Path, text: str) -> Iterator[ArticleRecord]:
    """A header row; a `text` column; optional id, title, source, published; the rest is meta."""
    text = normalize_text(text)
    reader = csv.reader(_lines(text), strict=True)
    try:
        header = _next_row(reader)
    except StopIteration:
        raise InputError(f"{path}: the CSV file is empty") from None
    except csv.Error as exc:
        raise _csv_error(path, 1, exc, "malformed CSV header") from None
    if len(header) > MAX_CSV_COLUMNS:
        raise InputError(
            f"{path} line 1: the header has {len(header):,} columns; the limit is "
            f"{MAX_CSV_COLUMNS:,}; check that the file is comma-separated and drop unused columns"
        )
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if "text" not in names:
        raise InputError(
            f"{path} line 1: no 'text' column (columns found: "
            f"{first_few(short_text(h, 40) for h in header)}); "
            "name the column that holds the article text 'text'"
        )
    dupes = sorted(n for n, times in Counter(names).items() if times > 1 and n)
    if dupes:
        raise InputError(
            f"{path} line 1: column(s) named twice: {first_few(short_text(n, 40) for n in dupes)}"
        )
    while True:
        line = reader.line_num + 1  # where the row starts; a quoted cell may span lines
        try:
            row = _next_row(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _csv_error(path, reader.line_num, exc, "malformed CSV") from None
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(names):
            raise InputError(
                f"{path} line {line}: {len(row)} field(s), but the header has {len(names)}; "
                "check for an unquoted comma or a missing quote"
            )
        values = dict(zip(names, row))
        check_text_size(values["text"], f"{path} line {line}")
        body = normalize_text(values["text"])
        if is_blank(body):
            raise InputError(f"{path} line {line}: the 'text' field is empty")
        yield ArticleRecord(
            origin=f"{path} line {line}",
            text=body,
            external_id=values.get("id", "").strip() or None,
            title=values.get("title", "").strip(),
            source=values.get("source", "").strip(),
            published=values.get("published", "").strip(),
            meta={k: v for k, v in values.items() if k not in _CSV_FIELDS and k},
        )
