"""What Undo and Redo name, in the interface's language.

A command in the core describes itself in English (``Command.text``, what the CLI and logs
show) and keeps its template and values apart (``Command.words``): the window translates the
template here and puts the values back, with label and variable ids shown by their names in the
schema. Every template the core uses is listed below, so that lupdate finds it (a test checks
the list against the core's commands).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from annotator.core.commands import Command
from annotator.core.schema import Schema

CONTEXT = "UndoText"
TEMPLATES = (
    QT_TRANSLATE_NOOP("UndoText", "add {label}"),
    QT_TRANSLATE_NOOP("UndoText", "delete span"),
    QT_TRANSLATE_NOOP("UndoText", "adjust span"),
    QT_TRANSLATE_NOOP("UndoText", "relabel as {label}"),
    QT_TRANSLATE_NOOP("UndoText", "edit note"),
    QT_TRANSLATE_NOOP("UndoText", "mark done"),
    QT_TRANSLATE_NOOP("UndoText", "reopen"),
    QT_TRANSLATE_NOOP("UndoText", "set {status}"),
    QT_TRANSLATE_NOOP("UndoText", "answer {variable}"),
    QT_TRANSLATE_NOOP("UndoText", "clear {variable}"),
    QT_TRANSLATE_NOOP("UndoText", "add gold span"),
    QT_TRANSLATE_NOOP("UndoText", "accept {coder}'s span"),
    QT_TRANSLATE_NOOP("UndoText", "reject gold span"),
    QT_TRANSLATE_NOOP("UndoText", "edit rationale"),
    QT_TRANSLATE_NOOP("UndoText", "mark adjudicated"),
    QT_TRANSLATE_NOOP("UndoText", "{status}"),
    QT_TRANSLATE_NOOP("UndoText", "accept agreed ({rule})"),
    QT_TRANSLATE_NOOP("UndoText", "change boundaries"),
)
#: The rules of "accept agreed ({rule})" (annotator.core.gold_fill.parse_rule), by name; a
#: number k reads "at least k".
RULES = {
    "all": QT_TRANSLATE_NOOP("UndoText", "all coders"),
    "majority": QT_TRANSLATE_NOOP("UndoText", "majority"),
}
AT_LEAST = QT_TRANSLATE_NOOP("UndoText", "at least {k}")


def _shown(key: str, value: Any, schema: Schema) -> str:
    """A value as the window names it: a label or variable by its (Japanese) name."""
    try:
        if key == "label":
            return schema.label(value).name_ja or str(value)
        if key == "variable":
            return schema.variable(value).name_ja or str(value)
        if key == "rule":
            if isinstance(value, int):
                return QCoreApplication.translate("UndoText", AT_LEAST).format(k=value)
            return QCoreApplication.translate("UndoText", RULES.get(value, str(value)))
    except (KeyError, LookupError):
        pass
    return str(value)


def undo_words(command: Command | None, schema: Schema) -> str:
    """``command``'s description in the interface's language ('' for none)."""
    if command is None:
        return ""
    template, values = command.words if command.words[0] else (command.text, {})
    translated = QCoreApplication.translate("UndoText", template)
    shown = {key: _shown(key, value, schema) for key, value in values.items()}
    try:
        return translated.format(**shown)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return template.format(**shown)
