"""The article list: id, title, length and this coder's status; filter by status, by calibration
round and by text; sort by any column (a click on its header).

The id is the article's id from the import (the file name, a CSV/JSONL ``id``), the one the
CLI's ``ARTICLE`` arguments and the reports use: 500 articles with one title are told apart by
it. The list starts in import order; ids sort naturally ("a2" before "a10").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
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

from annotator.core.model import STATUSES, ArticleSummary, Round
from annotator.gui.column_fit import fit_to_texts
from annotator.gui.round_filter import RoundFilter
from annotator.gui.article_table import (
    CHARS_COLUMN,
    ID_COLUMN,
    ID_ROLE,
    STATUS_COLUMN,
    STATUS_MARK,
    STATUS_TEXT,
    TITLE_COLUMN,
    ArticleFilter,
    ArticleListModel,
    ElideMiddle,
    tr,
)

__all__ = ["STATUS_TEXT", "ArticleListPanel"]

class ArticleListPanel(QWidget):
    """Counts, status and round filters, search box and the list (objectName ``articleList``).

    ``rounds`` gives the project's calibration rounds; it is read again with every
    :meth:`set_articles`, so the round filter follows ``window.project_changed()``.
    """

    articleSelected = Signal(int)  # noqa: N815

    def __init__(
        self, coder: str, search: Callable[[str], set[int]],
        rounds: Callable[[], Sequence[Round]] | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._rounds_source = rounds
        self._filtering = False
        self._shown: int | None = None
        self.model = ArticleListModel(coder, self)
        self.proxy = ArticleFilter(self)
        self.proxy.setSourceModel(self.model)

        self.counts = QLabel()
        self.counts.setObjectName("articleCounts")
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(tr("All articles"), None)
        for status in STATUSES:
            self.status_filter.addItem(f"{STATUS_MARK[status]} {tr(STATUS_TEXT[status])}", status)
        self.round_filter = RoundFilter(tr("All rounds"))
        self.round_filter.currentIndexChanged.connect(lambda _i: self._round_changed())
        self.search_box = QLineEdit()
        self.search_box.setObjectName("articleSearch")
        self.search_box.setPlaceholderText(tr("Search titles and text…"))
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
        self.view.setItemDelegateForColumn(ID_COLUMN, ElideMiddle(self.view))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ID_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        # sized from their texts in set_articles (column_fit), not by asking every row
        header.setSectionResizeMode(CHARS_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(STATUS_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # import order until a click
        self.view.setSortingEnabled(True)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        top = QHBoxLayout()
        top.addWidget(self.status_filter, 1)
        top.addWidget(self.round_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search_box)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.counts)

    def set_articles(self, rows: Sequence[ArticleSummary]) -> None:
        self.model.set_articles(rows)
        self._fit_columns()
        if self._rounds_source is not None:
            self.set_rounds(self._rounds_source())
        self.update_counts()

    def _fit_columns(self) -> None:
        """Ids as wide as the widest (36 to 90 px: longer ones are elided in the middle);
        lengths and status marks whole; measured from the texts (see column_fit)."""
        rows = self.model.rows
        for column, texts, most, least in (
            (ID_COLUMN, [row.external_id for row in rows], 90, 36),
            (CHARS_COLUMN, [self.model.length_text(row) for row in rows], None, 0),
            (STATUS_COLUMN, list(STATUS_MARK.values()), None, 0),
        ):  # margins measured on the model's first row, even when a filter hides it
            sample = self.model.index(0, column) if rows else None
            fit_to_texts(self.view, column, texts, most, least, sample)

    def set_rounds(self, rounds: Sequence[Round]) -> None:
        """The round filter's choices: "All articles" and each round (hidden without rounds);
        the chosen round stays chosen while it exists."""
        if self.round_filter.set_rounds(rounds):
            self._round_changed()  # the chosen round is gone
        elif self.round_filter.currentData() is not None:
            self.apply_filter()  # its articles may have changed

    def round_chosen(self) -> set[int] | None:
        """The ids of the round chosen in the filter (None: all articles)."""
        return self.round_filter.chosen_ids()

    def _round_changed(self) -> None:
        self.apply_filter()
        self.update_counts()

    def update_status(self, article_id: int, status: str) -> None:
        self.model.update_status(article_id, status)
        self.update_counts()

    def update_counts(self) -> None:
        """This coder's counts, over the chosen round's articles when a round is chosen."""
        c = self.model.counts(self.round_chosen())
        words = {"not_started": tr("not started"), "in_progress": tr("in progress"),
                 "done": tr("done")}
        self.counts.setText(" · ".join(f"{STATUS_MARK[s]} {c[s]} {words[s]}" for s in words))

    def apply_filter(self) -> None:
        """Filter the list; the open article stays open even when the filter hides it."""
        query = self.search_box.text()
        matching = self._search(query) if query.strip() else None
        shown = self.current_id() if self._shown is None else self._shown
        self._filtering = True
        try:
            self.proxy.set_filter(self.status_filter.currentData(), matching,
                                  self.round_chosen())
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
                self.status_filter.blockSignals(True)
                self.status_filter.setCurrentIndex(0)
                self.status_filter.blockSignals(False)
                self.round_filter.setCurrentIndex(0)
                self._round_changed()
        return False

    def neighbour(self, article_id: int | None, step: int) -> int | None:
        """The next (step 1) or previous (-1) visible article after ``article_id`` in list order
        (as sorted now).

        Works when ``article_id`` itself is filtered out (just marked done under "Not started").
        """
        order = self.proxy.order()
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
