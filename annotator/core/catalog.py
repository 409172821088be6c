"""Texts the core writes in English from templates, and reads back for the interface.

The core speaks English (the command line, the CSV files, the log). Some of its texts also
reach the window: a measure's note beside its value, the reason a project is read-only, the
error an edit met. Those are written from templates kept in a :class:`Catalog`, marked with
``QT_TRANSLATE_NOOP`` (the no-op below, so that the core stays free of Qt; Qt Linguist's
extractor finds calls by that name). The window asks the catalog which template wrote a text
and with what values (:meth:`Catalog.read`), and shows the template's translation with them
(:mod:`annotator.gui.core_texts`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Fields that hold a count (written as digits, perhaps with thousands commas).
NUMBER_FIELDS = frozenset({"n", "count", "coders", "undefined", "b"})
#: The English plural ending after a count ("{n} unit{s}"): a translation may leave it out.
PLURAL_FIELD = "s"

_FIELD = re.compile(r"\{(\w+)\}")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


def write(template: str, **values: object) -> str:
    """``template`` with ``values``; a count ``n`` also sets ``s``, the plural ending of the
    word after it ("1 unit", "3 units")."""
    if "n" in values:
        values.setdefault(PLURAL_FIELD, "" if values["n"] == 1 else "s")
    return template.format(**values)


class Catalog:
    """Templates that can be read back from the texts they wrote."""

    def __init__(self, templates: Iterable[str]) -> None:
        self.templates = tuple(templates)
        self._patterns: list[tuple[str, re.Pattern[str]]] | None = None

    def read(self, text: str) -> tuple[str, dict[str, str]] | None:
        """``(template, values)`` of the template that wrote ``text``; None if none did."""
        if self._patterns is None:  # compiled at the first reading, not at every start-up
            self._patterns = [(t, _pattern(t))
                              for t in sorted(self.templates, key=len, reverse=True)]
        for template, pattern in self._patterns:
            found = pattern.fullmatch(text)
            if found:
                return template, found.groupdict()
        return None


def _pattern(template: str) -> re.Pattern[str]:
    """``template`` as a pattern whose named groups are its fields (a field named twice must
    hold the same text twice)."""
    pieces, at, seen = [], 0, set()
    for field in _FIELD.finditer(template):
        pieces.append(re.escape(template[at:field.start()]))
        name = field.group(1)
        if name in seen:
            pieces.append(f"(?P={name})")
        elif name == PLURAL_FIELD:
            pieces.append(f"(?P<{name}>s?)")
        elif name in NUMBER_FIELDS:
            pieces.append(f"(?P<{name}>[0-9][0-9,]*)")
        else:
            pieces.append(f"(?P<{name}>.+?)")
        seen.add(name)
        at = field.end()
    pieces.append(re.escape(template[at:]))
    return re.compile("".join(pieces), re.DOTALL)
