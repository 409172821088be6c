"""Texts the core wrote in English, shown in the interface's language.

The core writes a measure's notes and the project file's reasons and errors from templates in
catalogs (:mod:`annotator.core.catalog`); here each text is read back into its template and
values, and the template's translation is filled with the values. A value that is itself
such a text (the ``why`` of an error) is translated the same way; a path, a number or the
system's own words stay as written, and so does a text no catalog wrote.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core import measure_notes, messages


def note_text(note: str) -> str:
    """A measure's note (why its value is undefined, what was left out)."""
    parts = []
    for template, values in measure_notes.read(note):
        text = QCoreApplication.translate("MeasureNote", template)
        parts.append(text.format(**values) if values else text)
    return "; ".join(parts)


def shown(text: str) -> str:
    """A reason or an error from the project file (see :mod:`annotator.core.messages`)."""
    found = messages.CATALOG.read(text)
    if found is None:
        return text
    template, values = found
    translated = QCoreApplication.translate("StoreMessage", template)
    return translated.format(**{name: value if name == "path" else shown(value)
                                for name, value in values.items()})
