"""What the Agreement window's tables share: the colours of a value (Krippendorff's rule of
thumb), how a value is written, read-only cells, and the coder x coder matrix.

Every pane colours and writes values the same way, so a lead reads green, yellow and red alike
in the matrix, the summary and the round by round trend.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
)

from annotator.core.code_units import CodeUnit
from annotator.gui.colors import shade
from annotator.gui.texts import tr

#: Krippendorff's rule of thumb: >= 0.800 reliable, >= 0.667 tentative conclusions only.
GOOD, TENTATIVE = 0.8, 0.667


def value_color(value: float | None) -> QColor:
    if value is None:
        return QColor("#E0E0E0")
    if value >= GOOD:
        return QColor("#C8E6C9")
    if value >= TENTATIVE:
        return QColor("#FFF59D")
    return QColor("#FFCDD2")


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def cell(text: str, tooltip: str = "") -> QTableWidgetItem:
    """A read-only, selectable cell."""
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def value_cell(value: float | None, tooltip: str = "") -> QTableWidgetItem:
    """A value written and coloured as everywhere in the window, centred."""
    item = cell(fmt(value), tooltip)
    shade(item, value_color(value))
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def table(name: str, headers: list[str]) -> QTableWidget:
    """A read-only table of rows with the given column headers."""
    widget = QTableWidget(0, len(headers))
    widget.setObjectName(name)
    widget.setHorizontalHeaderLabels(headers)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.verticalHeader().hide()
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    widget.horizontalHeader().setStretchLastSection(True)
    return widget


def fill_matrix(
    widget: QTableWidget, coders: list[str],
    value_of: Callable[[str, str], tuple[float | None, str]],
) -> None:
    """A coder x coder matrix; ``value_of(a, b)`` gives the value and its tooltip."""
    widget.clear()
    widget.setRowCount(len(coders))
    widget.setColumnCount(len(coders))
    widget.setHorizontalHeaderLabels(coders)
    widget.setVerticalHeaderLabels(coders)
    for i, a in enumerate(coders):
        for j, b in enumerate(coders):
            if i == j:
                item = cell("")
                shade(item, "#F5F5F5")
            else:
                item = value_cell(*value_of(a, b))
            widget.setItem(i, j, item)


def code_title(unit: CodeUnit) -> str:
    """How a variable (or one option of a multi variable) is named in the window."""
    if unit.option is None:
        return unit.variable.display_name
    option = next(o for o in unit.variable.options if o.id == unit.option)
    return f"{unit.variable.display_name}: {option.display_name}"


def answer_text(unit: CodeUnit, answer: object) -> str:
    if isinstance(answer, bool):
        return tr("yes") if answer else tr("no")
    option = next((o for o in unit.variable.options if o.id == answer), None)
    return option.display_name if option else str(answer)
