"""One-line text for line-based readers: backslash escapes for line boundaries, TAB and other
control or white-space characters.

Readers split lines on more than LF: Python's ``str.splitlines()`` (and brat, which reads .ann
files with ``readlines()``) also on CR, VT, FF, U+001C-U+001E, NEL, U+2028 and U+2029. Text
that goes into such a line (a brat note, a token in `annotator tokens`) is escaped here so it
stays one line and a reader can undo it with :func:`unescape`: ``\\`` → ``\\\\``, TAB → ``\\t``,
LF → ``\\n``, CR → ``\\r``, any other control character or white space except the ASCII space
→ ``\\xHH`` (below U+0100) or ``\\uHHHH``.
"""

from __future__ import annotations

import re
import unicodedata

#: Where ``str.splitlines()`` (so brat's ``readlines()``) ends a line.
LINE_BOUNDARIES = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

_NAMED = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPE = re.compile(r"\\(\\|t|n|r|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4})")


def _needs_escape(ch: str) -> bool:
    return ch in _NAMED or (ch != " " and (
        ch.isspace() or unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Zs")))


def escape(text: str) -> str:
    """``text`` on one line, TAB-free, with every escape undone by :func:`unescape`."""
    if not any(map(_needs_escape, text)):
        return text
    out = []
    for ch in text:
        if ch in _NAMED:
            out.append(_NAMED[ch])
        elif _needs_escape(ch):
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def unescape(text: str) -> str:
    """The text :func:`escape` was given."""
    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] in "xu":
            return chr(int(code[1:], 16))
        return {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[code]

    return _UNESCAPE.sub(one, text)
