"""The notes an agreement measure writes beside its value (why it is undefined, what was left
out), in one catalog.

The CSV files, the workbook and the reports write them in English, as the templates below
give them. The Agreement window shows them in the interface's language: :func:`read` finds
which template wrote each part of a note and with what values, and the window formats that
template's translation with them (:func:`annotator.gui.agreement_tables.note_text`). The
templates are marked with ``QT_TRANSLATE_NOOP`` in the context ``MeasureNote`` (a no-op here,
so that the core stays free of Qt) for Qt Linguist's extractor, which finds calls by that name.
"""

from __future__ import annotations

import re
from functools import lru_cache

def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


NO_CODERS = QT_TRANSLATE_NOOP("MeasureNote", "no coders")
FEWER_THAN_TWO_CODERS = QT_TRANSLATE_NOOP("MeasureNote", "fewer than two coders")
NO_UNITS = QT_TRANSLATE_NOOP("MeasureNote", "no units")
NO_PAIRABLE_UNIT = QT_TRANSLATE_NOOP(
    "MeasureNote", "no pairable unit: fewer than two coders on every unit")
NO_COMPLETE_UNIT = QT_TRANSLATE_NOOP(
    "MeasureNote", "no unit was coded by every coder (Fleiss' kappa needs complete units)")
NO_UNIT_BY_BOTH = QT_TRANSLATE_NOOP("MeasureNote", "no unit was coded by both coders")
ONE_CATEGORY = QT_TRANSLATE_NOOP(
    "MeasureNote", "only one category was used (expected disagreement D_e = 0)")
ONE_CATEGORY_KAPPA = QT_TRANSLATE_NOOP("MeasureNote", "only one category was used (P_e = 1)")
ONE_CATEGORY_WEIGHTED = QT_TRANSLATE_NOOP(
    "MeasureNote", "only one category was used (expected weighted disagreement = 0)")
DROPPED_SINGLE = QT_TRANSLATE_NOOP("MeasureNote", "{n} unit{s} with fewer than two values dropped")
DROPPED_INCOMPLETE = QT_TRANSLATE_NOOP("MeasureNote", "{n} unit{s} not coded by every coder dropped")
DROPPED_MISSING = QT_TRANSLATE_NOOP("MeasureNote", "{n} unit{s} missing a value dropped")
MERGED = QT_TRANSLATE_NOOP("MeasureNote", "{n} overlapping span{s} merged into a coder's units")
ZERO_LENGTH = QT_TRANSLATE_NOOP("MeasureNote", "zero-length continuum")
NO_UNITS_OF_ANY_LABEL = QT_TRANSLATE_NOOP("MeasureNote", "no units of any label")
UNDEFINED = QT_TRANSLATE_NOOP("MeasureNote", "undefined")
NOTHING_TO_PLACE = QT_TRANSLATE_NOOP(
    "MeasureNote",
    "expected disagreement D_e = 0 (no unit could have been placed differently)")
NO_REFERENCE_SPANS = QT_TRANSLATE_NOOP("MeasureNote", "no reference spans")
NO_PREDICTED_SPANS = QT_TRANSLATE_NOOP("MeasureNote", "no predicted spans")
BOTH_EMPTY = QT_TRANSLATE_NOOP("MeasureNote", "both span lists are empty")
LABEL_UNUSED = QT_TRANSLATE_NOOP("MeasureNote", "no coder used this label in these articles")
LAID_END_TO_END = QT_TRANSLATE_NOOP(
    "MeasureNote", "{count} article(s) done by all {coders} coders, laid end to end")
UNDEFINED_RESAMPLES = QT_TRANSLATE_NOOP(
    "MeasureNote", "alpha undefined on {undefined} of {b} resamples (left out)")

# Every template, for read().
TEMPLATES = (
    NO_CODERS, FEWER_THAN_TWO_CODERS, NO_UNITS, NO_PAIRABLE_UNIT, NO_COMPLETE_UNIT,
    NO_UNIT_BY_BOTH, ONE_CATEGORY, ONE_CATEGORY_KAPPA, ONE_CATEGORY_WEIGHTED, DROPPED_SINGLE,
    DROPPED_INCOMPLETE, DROPPED_MISSING, MERGED, ZERO_LENGTH, NO_UNITS_OF_ANY_LABEL, UNDEFINED,
    NOTHING_TO_PLACE, NO_REFERENCE_SPANS, NO_PREDICTED_SPANS, BOTH_EMPTY, LABEL_UNUSED,
    LAID_END_TO_END,
    UNDEFINED_RESAMPLES,
)

_SEPARATOR = "; "
_FIELD = re.compile(r"\{(\w+)\}")


def write(template: str, **values: object) -> str:
    """A note in English: ``template`` with ``values``; a count ``n`` also sets ``s``, the
    plural ending of the word after it ("1 unit", "3 units")."""
    if "n" in values:
        values.setdefault("s", "" if values["n"] == 1 else "s")
    return template.format(**values)


def join(*notes: str) -> str:
    """Notes one after another (the empty ones left out)."""
    return _SEPARATOR.join(note for note in notes if note)


def read(note: str) -> list[tuple[str, dict[str, str]]]:
    """Each part of a written ``note`` as ``(template, values)``; a part no template wrote (a
    note from an older file) comes back as itself with no values."""
    parts = []
    for part in note.split(_SEPARATOR) if note else []:
        for template, pattern in _patterns():
            found = pattern.fullmatch(part)
            if found:
                parts.append((template, found.groupdict()))
                break
        else:
            parts.append((part, {}))
    return parts


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Each template as a pattern whose groups are its fields (longest templates first)."""
    out = []
    for template in sorted(TEMPLATES, key=len, reverse=True):
        pieces, at, seen = [], 0, set()
        for field in _FIELD.finditer(template):
            pieces.append(re.escape(template[at:field.start()]))
            name = field.group(1)
            pieces.append(f"(?P={name})" if name in seen else
                          ("(?P<s>s?)" if name == "s" else f"(?P<{name}>[0-9][0-9,]*)"))
            seen.add(name)
            at = field.end()
        pieces.append(re.escape(template[at:]))
        out.append((template, re.compile("".join(pieces))))
    return out
