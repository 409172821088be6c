"""The one rule for turning a name from data (an article id, a coder name) into a file name.

Names come from other people's files, so a name must never reach outside the folder or archive
it is written into, nor be a name some system refuses or treats specially: path separators and
the characters Windows reserves become ``_``, as do control, format and other invisible
characters (a right-to-left override turns ``txt.exe`` around on screen) and every line
boundary; a leading dot (a hidden file, ``..``) and trailing dots and spaces (dropped by Windows)
become ``_``; Windows device names (``CON``, ``com1.txt``...) get a ``_`` in front; the name is
cut to 150 UTF-8 bytes, leaving room for a suffix and an extension under the usual 255.
"""

from __future__ import annotations

import unicodedata

from annotator.core.escapes import LINE_BOUNDARIES

_RESERVED_CHARS = set('/\\:*?"<>|')
_DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            *(f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³"))}
MAX_STEM_BYTES = 150


def _unsafe(ch: str) -> bool:
    return (ch in _RESERVED_CHARS or ch in LINE_BOUNDARIES
            or unicodedata.category(ch).startswith("C"))


def safe_stem(name: str) -> str:
    """A file name (without extension) for ``name`` that every system accepts as one name."""
    stem = "".join("_" if _unsafe(ch) else ch for ch in name)
    stripped = stem.rstrip(". ")
    stem = stripped + "_" * (len(stem) - len(stripped))
    if stem.startswith("."):
        stem = "_" + stem[1:]
    if stem.split(".", 1)[0].rstrip(" ").upper() in _DEVICES:
        stem = "_" + stem
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    return stem or "_"


def name_key(name: str) -> str:
    """How Windows and macOS compare file names: ignoring case, after NFC."""
    return unicodedata.normalize("NFC", name).casefold()
