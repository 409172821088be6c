"""Reading JSON from users' files without a crash: a nesting limit and no lone surrogates.

Why: ``json.loads`` of 1,000 nested brackets raises RecursionError (a traceback, not a message),
and an escape such as ``"\\ud800"`` gives a string that Python cannot encode, so the failure
comes much later (storing, exporting, hashing) and names nothing. Nesting is measured *before*
parsing, by a linear scan that skips strings with one regex match each, so a hostile line costs
neither stack nor memory; surrogates are looked for right after parsing.

The functions raise :class:`JsonProblem` (with an offset or a path); callers turn it into an
InputError or SchemaError naming their file, line and field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from annotator.core.limits import MAX_JSON_DEPTH

# A run of strings and other non-bracket text, or one bracket. Possessive quantifiers keep the
# regex engine from saving backtracking state, so a 50 MB string of escapes is one fast match.
# An unterminated string runs to the end (json.loads then reports it), never quadratically.
_TOKENS = re.compile(
    r'(?:"(?:[^"\\]++|\\.)*+(?:"|\Z)|[^"\[\]{}]++)++|([\[{])|([\]}])', re.DOTALL
)
_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonProblem(ValueError):
    """Why a JSON text cannot be used. ``offset`` (0-based) says where in the text, or ``path``
    (keys and indexes) which value; ``in_key``: the problem is in the last key of ``path``."""

    def __init__(
        self,
        reason: str,
        offset: int | None = None,
        path: list[str | int] | None = None,
        in_key: bool = False,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.offset = offset
        self.path = path
        self.in_key = in_key


def too_deep_at(text: str, limit: int = MAX_JSON_DEPTH) -> int | None:
    """Offset of the bracket that opens nesting level ``limit + 1``, or None if there is none.

    Linear in ``len(text)``; stops at the first bracket too deep.
    """
    depth = 0
    for match in _TOKENS.finditer(text):
        if match.group(1):
            depth += 1
            if depth > limit:
                return match.start()
        elif match.group(2):
            depth -= 1
    return None


def loads(text: str, limit: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` that refuses nesting deeper than ``limit`` and lone surrogates.

    Raises :class:`JsonProblem` for those and for numbers too long for Python, and
    ``json.JSONDecodeError`` for text that is not JSON (callers already report that).
    """
    deep = too_deep_at(text, limit)
    if deep is not None:
        raise JsonProblem(f"JSON nested deeper than {limit} levels", offset=deep)
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        raise
    except ValueError:  # "Exceeds the limit (4300 digits) for integer string conversion"
        raise JsonProblem(
            "a number has more than 4,300 digits; write such a value as a string"
        ) from None
    found = lone_surrogate(value)
    if found is not None:
        path, char, in_key = found
        raise JsonProblem(surrogate_reason(char), path=path, in_key=in_key)
    return value


def surrogate_reason(char: str) -> str:
    """The words for a lone surrogate: 'a lone surrogate (\\ud800), which ...'."""
    return (
        f"a lone surrogate (\\u{ord(char):04x}), which is not a character; "
        "an escape \\ud800-\\udbff must be followed by one \\udc00-\\udfff. "
        "Fix or remove that escape (the file was probably cut or converted wrongly)"
    )


def _children(item: dict | list | tuple) -> Iterator[tuple[str | int, Any, bool]]:
    """(key or index, child, is it the key itself?) in document order."""
    if isinstance(item, dict):
        for key, child in item.items():
            yield key, key, True
            yield key, child, False
    else:
        for index, child in enumerate(item):
            yield index, child, False


def lone_surrogate(value: Any) -> tuple[list[str | int], str, bool] | None:
    """The first (path, surrogate, in a key?) among all strings of ``value``, or None.

    Walks with a stack of iterators: memory grows with the depth only, never the width.
    """
    if isinstance(value, str):
        match = _SURROGATE.search(value)
        return ([], match.group(), False) if match else None
    if not isinstance(value, (dict, list, tuple)):
        return None
    path: list[str | int] = []  # keys leading to the container on top of the stack
    stack = [_children(value)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            if path:
                path.pop()
            continue
        key, item, is_key = entry
        if isinstance(item, str):
            match = _SURROGATE.search(item)
            if match:
                return path + [key], match.group(), is_key
        elif not is_key and isinstance(item, (dict, list, tuple)):
            path.append(key)
            stack.append(_children(item))
    return None


def first_surrogate(text: str) -> int | None:
    """Offset of the first lone surrogate in ``text`` (decoded file text), or None."""
    match = _SURROGATE.search(text)
    return match.start() if match else None


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, as JSONDecodeError counts them."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _key_text(key: str | int) -> str:
    """A key for a message: lone surrogates as \\udxxx escapes (printable), cut if long."""
    text = str(key).encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= 40 else text[:40] + "…"


def dotted_path(path: list[str | int]) -> str:
    """``meta.section`` / ``annotations[2].note``: a JSONL field as messages name it."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f"{'.' if out else ''}{_key_text(part)}"
    return out


def json_path(path: list[str | int] | tuple[str | int, ...]) -> str:
    """``$.labels[0].name.ja``: a place in a schema file as messages name it."""
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{_key_text(part)}"
    return out
