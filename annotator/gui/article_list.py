"""The article list: title, length and this coder's status; filter by status; text search."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import STATUSES, ArticleSummary
from annotator.gui.table_model import ListTableModel

Index = QModelIndex | QPersistentModelIndex

STATUS_TEXT = {"not_started": "Not started", "in_progress": "In progress", "done": "Done"}
STATUS_MARK = {"not_started": "○", "in_progress": "◐", "done": "●"}
STATUS_COLOR = {"not_started": "#777777", "in_progress": "#B26B00", "done": "#2E7D32"}
ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1


class ArticleListModel(ListTableModel):
    HEADERS = ("Title", "Chars", "Status")

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

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for row in self.rows:
            counts[row.status(self.coder)] += 1
        return counts

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        status = row.status(self.coder)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.title or row.external_id
            if col == 1:
                return f"{row.length:,}"
            return f"{STATUS_MARK[status]} {STATUS_TEXT[status]}"
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return QColor(STATUS_COLOR[status])
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.external_id}\n{row.title}"
        if role == ID_ROLE:
            return row.id
        if role == STATUS_ROLE:
            return status
        return None


class ArticleFilter(QSortFilterProxyModel):
    """Rows matching the status filter and the search (search ids come from the core)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status: str | None = None
        self.matching: set[int] | None = None

    def set_filter(self, status: str | None, matching: set[int] | None) -> None:
        self.beginFilterChange()
        self.status, self.matching = status, matching
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        index = self.sourceModel().index(row, 0, parent)
        if self.status and index.data(STATUS_ROLE) != self.status:
            return False
        return self.matching is None or index.data(ID_ROLE) in self.matching


class ArticleListPanel(QWidget):
    """Counts, status filter, search box and the list (objectName ``articleList``)."""

    articleSelected = Signal(int)  # noqa: N815

    def __init__(
        self, coder: str, search: Callable[[str], set[int]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._filtering = False
        self._shown: int | None = None
        self.model = ArticleListModel(coder, self)
        self.proxy = ArticleFilter(self)
        self.proxy.setSourceModel(self.model)

        self.counts = QLabel()
        self.counts.setObjectName("articleCounts")
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem("All articles", None)
        for status in STATUSES:
            self.status_filter.addItem(f"{STATUS_MARK[status]} {STATUS_TEXT[status]}", status)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("articleSearch")
        self.search_box.setPlaceholderText("Search titles and text…")
        self.search_box.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())

        self.view = QTreeView()
        self.view.setObjectName("articleList")
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        top = QHBoxLayout()
        top.addWidget(self.status_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search_box)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.counts)

    def set_articles(self, rows: Sequence[ArticleSummary]) -> None:
        self.model.set_articles(rows)
        self.update_counts()

    def update_status(self, article_id: int, status: str) -> None:
        self.model.update_status(article_id, status)
        self.update_counts()

    def update_counts(self) -> None:
        c = self.model.counts()
        self.counts.setText(
            f"{STATUS_MARK['not_started']} {c['not_started']} not started · "
            f"{STATUS_MARK['in_progress']} {c['in_progress']} in progress · "
            f"{STATUS_MARK['done']} {c['done']} done"
        )

    def apply_filter(self) -> None:
        """Filter the list; the open article stays open even when the filter hides it."""
        query = self.search_box.text()
        matching = self._search(query) if query.strip() else None
        shown = self.current_id() if self._shown is None else self._shown
        self._filtering = True
        try:
            self.proxy.set_filter(self.status_filter.currentData(), matching)
            self.view.setCurrentIndex(self._proxy_index(shown))
        finally:
            self._filtering = False

    def _proxy_index(self, article_id: int | None) -> QModelIndex:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if index.data(ID_ROLE) == article_id:
                return index
        return QModelIndex()

    def mark_shown(self, article_id: int | None) -> None:
        """The article the window shows (kept when filters change)."""
        self._shown = article_id

    def visible_ids(self) -> list[int]:
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_article(self, article_id: int) -> bool:
        """Make an article current (clearing filters that hide it); emits articleSelected."""
        for attempt in range(2):
            index = self._proxy_index(article_id)
            if index.isValid():
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                return True
            if attempt == 0:
                self.search_box.blockSignals(True)
                self.search_box.clear()
                self.search_box.blockSignals(False)
                self.status_filter.setCurrentIndex(0)
                self.apply_filter()
        return False

    def neighbour(self, article_id: int | None, step: int) -> int | None:
        """The next (step 1) or previous (-1) visible article after ``article_id`` in list order.

        Works when ``article_id`` itself is filtered out (just marked done under "Not started").
        """
        order = {row.id: i for i, row in enumerate(self.model.rows)}
        visible = self.visible_ids()
        if article_id not in order:
            return (visible[0] if step > 0 else visible[-1]) if visible else None
        here = order[article_id]
        if step > 0:
            return next((v for v in visible if order[v] > here), None)
        return next((v for v in reversed(visible) if order[v] < here), None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._filtering:
            self.articleSelected.emit(current.data(ID_ROLE))
