"""The notes an agreement measure writes beside its value (why it is undefined, what was left
out), in one catalog (see :mod:`annotator.core.catalog`).

The CSV files, the workbook and the reports write them in English, as the templates below
give them; the Agreement window shows them in the interface's language. A note may hold
several, joined by "; " (:func:`join`); :func:`read` reads each back. The templates' context
for Qt Linguist is ``MeasureNote``.
"""

from __future__ import annotations

from annotator.core.catalog import QT_TRANSLATE_NOOP, Catalog, write

__all__ = ["CATALOG", "TEMPLATES", "join", "read", "write"]

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

CATALOG = Catalog(TEMPLATES)

_SEPARATOR = "; "


def join(*notes: str) -> str:
    """Notes one after another (the empty ones left out)."""
    return _SEPARATOR.join(note for note in notes if note)


def read(note: str) -> list[tuple[str, dict[str, str]]]:
    """Each part of a written ``note`` as ``(template, values)``; a part no template wrote (a
    note from an older file) comes back as itself with no values."""
    return [CATALOG.read(part) or (part, {}) for part in (note.split(_SEPARATOR) if note else [])]
