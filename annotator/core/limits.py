"""The limits on what one input may hold, and error messages that stay short.

Why: a broken or hostile file (a 50 MB one-line "article", a CSV header of a million commas,
a schema of 10,000 labels) must end in one clean line, in bounded time and memory, never in a
traceback, a machine that swaps for minutes, or a 61 MB error message. Every number lives here
so that the README, the messages and the checks cannot disagree.
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterable
from typing import Any

from annotator.core.errors import InputError

#: Characters in one article text (after CRLF -> LF and NUL removal). Tokenizing 1,000,000
#: characters takes about 1-2 s and 200 MB; real news articles are under 50,000.
MAX_TEXT_CHARS = 1_000_000
#: Bytes of a .txt file, which holds one article: at most 4 bytes a character (UTF-32), twice
#: for CRLF pairs. A larger file cannot hold a text within MAX_TEXT_CHARS (short of padding it
#: with NULs), so it is refused before it is read.
MAX_TXT_FILE_BYTES = 8 * MAX_TEXT_CHARS
#: Bytes of one .csv or .jsonl file, which is read whole (its encoding is detected from all of
#: it): reading takes about 4 bytes of memory a byte of file, so 1 GB at most. Several files in
#: one import are still all or nothing.
MAX_DATA_FILE_BYTES = 256 * 1024 * 1024
#: Columns of a CSV file: a few fixed ones plus meta. More is a wrong delimiter or a broken file.
MAX_CSV_COLUMNS = 1_000
#: Nesting of arrays and objects in one JSONL line or a schema file. A schema needs 5 levels, an
#: article line 3 plus whatever its 'meta' holds; Python's json parser overflows near 1,000.
MAX_JSON_DEPTH = 64
#: Bytes of a schema file. The shipped schema, with bilingual definitions, rules and examples
#: for every label and article code, is about 20 KB; a codebook 100 times richer still fits.
MAX_SCHEMA_FILE_BYTES = 2 * 1024 * 1024

#: Bytes one ZIP archive from another tool may unpack to, its nested archives (INCEpTION's
#: per-user ZIPs) included. Counted as members are read, whatever the headers claim. A large
#: INCEpTION export (thousands of documents, every user's XMI) stays well under it; members
#: are read one at a time, so this bounds time, not memory.
MAX_ARCHIVE_BYTES = 2 * 1024 ** 3
#: Entries (files and folders) of one ZIP archive, nested archives included.
MAX_ARCHIVE_ENTRIES = 100_000
#: Uncompressed : compressed size of one member that unpacks to more than ZIP_RATIO_FLOOR. Text
#: and XMI compress 5-20:1; deflate cannot exceed about 1,032:1 (a file of zeros), which is
#: what a zip bomb is made of. Small members (a header, a short repeated line) may go beyond.
MAX_ZIP_RATIO = 200
ZIP_RATIO_FLOOR = 4 * 1024 * 1024
#: Bytes of one XML file (an XMI document, a type system, a REFI-QDA project.qde): the same
#: bound as a .jsonl file, which holds as much text.
MAX_XML_BYTES = MAX_DATA_FILE_BYTES

#: A message names this many problems or values of a list and counts the rest.
SHOWN = 5
#: A repr of user data in a message is cut after about this many characters.
REPR_CHARS = 80

_repr = reprlib.Repr()
_repr.maxstring = REPR_CHARS
_repr.maxother = REPR_CHARS
_repr.maxlist = _repr.maxtuple = _repr.maxset = _repr.maxdict = SHOWN
_repr.maxlevel = 3


def short_repr(value: Any, limit: int = REPR_CHARS) -> str:
    """``repr(value)``, cut to about ``limit`` characters with "…"; never builds a huge repr."""
    if isinstance(value, str):
        if len(value) <= limit:
            return repr(value)
        text = repr(value[:limit])
        return f"{text[:-1]}…{text[-1]}"  # keep the closing quote: 'abc…'
    text = _repr.repr(value)
    return text if len(text) <= limit + 20 else text[:limit] + "…"


def short_text(text: str, limit: int = 300) -> str:
    """A message part (e.g. from a library) cut to ``limit`` characters."""
    return text if len(text) <= limit else text[:limit] + "…"


def first_few(items: Iterable[str], shown: int = SHOWN) -> str:
    """'a, b, c, d, e … and 9,995 more': a list in a message, bounded however long it is."""
    head: list[str] = []
    rest = 0
    for item in items:
        if len(head) < shown:
            head.append(item)
        else:
            rest += 1
    text = ", ".join(head)
    return f"{text} … and {rest:,} more" if rest else text


def check_text_size(text: str, origin: str) -> None:
    """The one rule for the size of an article text, whatever file it came from."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            f"{origin}: the text has {len(text):,} characters; the limit is "
            f"{MAX_TEXT_CHARS:,} per article; split it into several articles "
            "(several .txt files, CSV rows or JSONL lines)"
        )
