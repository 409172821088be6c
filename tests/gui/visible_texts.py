"""Every text a window shows, and the English words left in it once the interface is Japanese.

Collected from the widgets themselves: window titles, menu and toolbar actions (text, tooltip,
status tip), labels, buttons, group boxes, docks, tabs, table and tree headers, placeholders and
tooltips. Data the app only displays (schema names and definitions, coder names, article titles,
file paths) and proper names are taken out before looking for English words.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

#: Names and formats that stay as they are in a Japanese interface.
PROPER = ("Framing Annotator", "INCEpTION", "WebAnno", "UIMA CAS XMI", "REFI-QDA", "MAXQDA",
          "ATLAS.ti", "NVivo", "QualCoder", "Label Studio", "doccano", "spaCy", "DocBin", "brat",
          "JSONL", "JSON", "CSV", "Excel", "HTML", "UTF-8", "UTF-16", "Unicode", "Krippendorff",
          "Cohen", "Fleiss", "pandas", "fugashi", "MeCab", "unidic", "Qt", "PySide6", "Python",
          "Noto Sans CJK", "IPAex", "CPython", "UniDic", "unidic-lite", "SQLite", "Ctrl", "Shift", "Alt", "Enter", "Return", "Del", "Esc",
          "PgUp", "PgDown", "Tab", "Home", "End", "Space", "Backspace", "Left", "Right", "Up",
          "Down", "alpha", "kappa", "English", "--layer", "「Frame」")
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def schema_strings(schema_data: dict) -> list[str]:
    """Every text of a schema file (names, definitions, examples): data, not interface."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(schema_data)
    return found


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of what ``root`` and its children show."""
    out: list[tuple[str, str]] = []

    def add(where: str, text: str | None) -> None:
        if text:
            out.append((where, text))

    def name(widget: QWidget | QAction) -> str:
        return f"{type(widget).__name__}:{widget.objectName() or '?'}"

    add(f"title {name(root)}", root.windowTitle())
    actions: list[QAction] = list(root.findChildren(QAction))
    for menu in root.findChildren(QMenu):
        add(f"menu {name(menu)}", menu.title())
        actions += menu.actions()
    for action in dict.fromkeys(actions):
        add(f"action {name(action)}", action.text())
        if action.toolTip() != action.text().replace("&", ""):
            add(f"action tip {name(action)}", action.toolTip())
        add(f"action status {name(action)}", action.statusTip())
    for widget in [root, *root.findChildren(QWidget)]:
        where = name(widget)
        if widget is not root and widget.isWindow() and not isinstance(widget, QMenu):
            add(f"title {where}", widget.windowTitle())
        add(f"tooltip {where}", widget.toolTip())
        if isinstance(widget, QLabel):
            add(f"label {where}", widget.text())
        elif isinstance(widget, QAbstractButton):
            add(f"button {where}", widget.text())
        elif isinstance(widget, QGroupBox):
            add(f"group {where}", widget.title())
        elif isinstance(widget, QDockWidget):
            add(f"dock {where}", widget.windowTitle())
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(f"tab {where}", widget.tabText(i))
        elif isinstance(widget, QLineEdit):
            add(f"placeholder {where}", widget.placeholderText())
        elif isinstance(widget, QComboBox) and widget.isEditable() and widget.lineEdit():
            add(f"placeholder {where}", widget.lineEdit().placeholderText())
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            for i in range(header.columnCount()):
                add(f"header {where}", header.text(i))
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QListView) \
                and widget.model() is not None:
            model = widget.model()
            for i in range(model.columnCount(QModelIndex())):
                add(f"header {where}", model.headerData(i, Qt.Orientation.Horizontal))
                add(f"header tip {where}", model.headerData(
                    i, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
    return [(where, str(text)) for where, text in out]


def english_left(texts: Iterable[tuple[str, str]], data: Iterable[str] = ()) -> list[str]:
    """'where: text' of every text with an English word once tags, data, file names and
    proper names are taken out."""
    data = sorted({d for d in data if d}, key=len, reverse=True)  # longest first
    found = []
    for where, text in texts:
        plain = html.unescape(re.sub(r"<[^>]+>", " ", text))
        for cut in re.findall(r"[^—\n]+…", plain):  # a title cut short: "トップ ニュース 論評:NV…"
            if any(" ".join(known.split()).startswith(cut.strip()[:-1]) for known in data):
                plain = plain.replace(cut, " ")
        for known in data:
            plain = plain.replace(known, " ")
        # whole words, longest first: "Del" is a key, "Delete" English; "unidic-lite" whole
        for known in sorted(PROPER, key=len, reverse=True):
            plain = re.sub(rf"(?<![A-Za-z]){re.escape(known)}(?![A-Za-z])", " ", plain)
        plain = re.sub(r"`[^`]*`", " ", plain)  # a command to type: `annotator import`
        # paths, file names (study.annot, *.json, webanno.custom), placeholders ({n})
        plain = re.sub(r"\S*[/\\]\S*|[\w*]*\.\w+\b|\{\w*\}", " ", plain)
        words = ENGLISH_WORD.findall(plain)
        if words:
            found.append(f"{where}: {text!r} ({', '.join(dict.fromkeys(words))})")
    return sorted(set(found))


def load_schema(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
