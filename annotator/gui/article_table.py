"""The coder's article list as a Qt model: one row per article (id, title, length, this coder's
status) and the proxy that filters it (status, round, search) and sorts it (a click on a header).

Ids and titles sort naturally ("a2" before "a10"); ties keep import order, which is also the
order before any header is clicked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from annotator.core.model import STATUSES, ArticleSummary
from annotator.gui.colors import readable
from annotator.gui.plain_text import plain_tip
from annotator.gui.status_marks import STATUS_COLOR, STATUS_MARK
from annotator.gui.table_model import ListTableModel

Index = QModelIndex | QPersistentModelIndex

STATUS_TEXT = {"not_started": QT_TRANSLATE_NOOP("", "Not started"),
               "in_progress": QT_TRANSLATE_NOOP("", "In progress"),
               "done": QT_TRANSLATE_NOOP("", "Done")}
ID_ROLE = int(Qt.ItemDataRole.UserRole)
STATUS_ROLE = ID_ROLE + 1
ID_COLUMN, TITLE_COLUMN, CHARS_COLUMN, STATUS_COLUMN = range(4)
# The roles the list answers, as plain numbers (compared at every paint of every cell).
DISPLAY, FOREGROUND, ALIGNMENT, TOOLTIP = (int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole))
_SERVED = frozenset((DISPLAY, FOREGROUND, ALIGNMENT, TOOLTIP, ID_ROLE, STATUS_ROLE))
_ALIGN = {CHARS_COLUMN: int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
          STATUS_COLUMN: int(Qt.AlignmentFlag.AlignCenter)}


def tr(text: str) -> str:
    """Bare tr() texts are in the empty context (see annotator.gui.texts)."""
    return QCoreApplication.translate("", text)


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key that orders the digits in a text as numbers: "a2" < "a10", "9" < "10"."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
                 for part in re.split(r"(\d+)", text) if part)


class ElideMiddle(QStyledItemDelegate):
    """For an id column: "000_fb97…b072aebd" keeps both ends, where ids tend to differ."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class ArticleListModel(ListTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("", "ID"), QT_TRANSLATE_NOOP("", "Title"),
               QT_TRANSLATE_NOOP("", "Chars"), QT_TRANSLATE_NOOP("", "Status"))
    TIPS = (QT_TRANSLATE_NOOP("", "The article's id (file name or id column at import): what "
                                 "`annotator` commands and the reports call it"), "",
            QT_TRANSLATE_NOOP("", "Length in characters"),
            QT_TRANSLATE_NOOP("", "Your status: ○ not started, ◐ in progress, ● done"))

    def __init__(self, coder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.coder = coder
        self.rows: list[ArticleSummary] = []

    def set_articles(self, rows: Sequence[ArticleSummary]) -> None:
        self.set_rows(list(rows))

    def update_status(self, article_id: int, status: str) -> None:
        for i, row in enumerate(self.rows):
            if row.id == article_id:
                statuses = dict(row.statuses)
                statuses[self.coder] = status
                self.rows[i] = ArticleSummary(row.id, row.external_id, row.title, row.length, statuses)
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.HEADERS) - 1))
                return

    def counts(self, only: set[int] | None = None) -> dict[str, int]:
        """This coder's statuses counted over every article (or those in ``only``)."""
        counts = dict.fromkeys(STATUSES, 0)
        for row in self.rows:
            if only is None or row.id in only:
                counts[row.status(self.coder)] += 1
        return counts

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return tr(self.HEADERS[section])
            if role == Qt.ItemDataRole.ToolTipRole and self.TIPS[section]:
                return tr(self.TIPS[section])
        return None

    def sort_key(self, row: int, column: int) -> Any:
        """What a column sorts by (ties keep import order)."""
        item = self.rows[row]
        if column == ID_COLUMN:
            key: Any = natural_key(item.external_id)
        elif column == TITLE_COLUMN:
            key = natural_key(item.title or item.external_id)
        elif column == CHARS_COLUMN:
            key = item.length
        else:
            key = STATUSES.index(item.status(self.coder))
        return (key, row)

    @staticmethod
    def length_text(row: ArticleSummary) -> str:
        """What the Chars column shows: "12,345"."""
        return f"{row.length:,}"

    def data(self, index: Index, role: int = DISPLAY):
        # Qt asks each cell for a dozen roles at every paint: the ones not served end here.
        if role not in _SERVED or not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == DISPLAY:
            if col == ID_COLUMN:
                return row.external_id
            if col == TITLE_COLUMN:
                return row.title or row.external_id
            if col == CHARS_COLUMN:
                return self.length_text(row)
            return STATUS_MARK[row.status(self.coder)]  # the counts under the list: the legend
        if role == FOREGROUND:
            if col == STATUS_COLUMN:  # lightened on a dark palette so the mark reads
                return readable(STATUS_COLOR[row.status(self.coder)])
            return readable("#555555") if col == ID_COLUMN else None
        if role == ALIGNMENT:
            return _ALIGN.get(col)
        if role == TOOLTIP:
            if col == STATUS_COLUMN:
                status = row.status(self.coder)
                return f"{STATUS_MARK[status]} {tr(STATUS_TEXT[status])}"
            return plain_tip(f"{row.external_id}\n{row.title}")
        return row.id if role == ID_ROLE else row.status(self.coder)  # STATUS_ROLE


class ArticleFilter(QSortFilterProxyModel):
    """Rows matching the status filter, the round and the search (search ids come from the
    core); sorted by :meth:`ArticleListModel.sort_key`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status: str | None = None
        self.matching: set[int] | None = None
        self.in_round: set[int] | None = None

    def set_filter(self, status: str | None, matching: set[int] | None,
                   in_round: set[int] | None = None) -> None:
        self.beginFilterChange()
        self.status, self.matching, self.in_round = status, matching, in_round
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        index = self.sourceModel().index(row, 0, parent)
        if self.status and index.data(STATUS_ROLE) != self.status:
            return False
        if self.in_round is not None and index.data(ID_ROLE) not in self.in_round:
            return False
        return self.matching is None or index.data(ID_ROLE) in self.matching

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        return model.sort_key(left.row(), left.column()) < model.sort_key(right.row(),
                                                                         right.column())

    def order(self) -> dict[int, int]:
        """article id -> its place in the list as sorted now, filtered-out articles included."""
        model = self.sourceModel()
        rows = list(range(len(model.rows)))
        column = self.sortColumn()
        if column >= 0:
            rows.sort(key=lambda r: model.sort_key(r, column),
                      reverse=self.sortOrder() == Qt.SortOrder.DescendingOrder)
        return {model.rows[r].id: place for place, r in enumerate(rows)}
