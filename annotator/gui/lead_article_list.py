"""The lead's article list in the adjudication window: per article its id, title, adjudication
status and every coder's status, with each coder's done count under it and a round filter above.

500 articles with one title are told apart by the id (the one the CLI and the reports use).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.lead import LeadRow
from annotator.core.model import STATUSES, Round
from annotator.gui.article_table import ElideMiddle, natural_key
from annotator.gui.colors import ink
from annotator.gui.plain_text import plain_tip
from annotator.gui.round_filter import RoundFilter
from annotator.gui.status_marks import GOLD_MARK, STATUS_COLOR, STATUS_MARK, status_word

ADJ_STATUS_TEXT = {"not_started": QT_TRANSLATE_NOOP("", "not started"),
                   "in_progress": QT_TRANSLATE_NOOP("", "in progress"),
                   "done": QT_TRANSLATE_NOOP("", "adjudicated")}
ADJ_STATUS_COLORS = {"not_started": "#888888", "in_progress": "#b26a00", "done": "#2e7d32"}
ID_COLUMN, TITLE_COLUMN, ADJ_COLUMN, FIRST_CODER = range(4)


def tr(text: str) -> str:
    """Bare tr() texts are in the empty context (see annotator.gui.texts)."""
    return QCoreApplication.translate("", text)


class _LeadItem(QTreeWidgetItem):
    """A row that sorts by its list's sort keys (natural ids, statuses in work order)."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        column = tree.sortColumn()
        return tree.sort_key(self, column) < tree.sort_key(other, column)


class LeadArticleList(QTreeWidget):
    """objectName ``leadArticles``: id, title, adjudication status and one column per coder
    with that coder's status (● done, ◐ in progress, ○ not started; a tooltip says which);
    ``articleSelected``.

    :attr:`panel` is what the window docks: a round filter above the list (shown when the
    project has rounds; ``rounds`` is read again with every :meth:`set_rows`) and a line under
    it with each coder's done count over the articles shown ("alice 12/40 done · bob 9/40").
    The list starts in import order; a click on a header sorts by that column.
    """

    articleSelected = Signal(int)

    def __init__(self, rounds: Callable[[], Sequence[Round]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(None)
        self.setObjectName("leadArticles")
        self._rounds_source = rounds
        self._rows: dict[int, LeadRow] = {}
        self._order: dict[int, int] = {}
        self._items: dict[int, QTreeWidgetItem] = {}
        self.coders: list[str] = []
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setItemDelegateForColumn(ID_COLUMN, ElideMiddle(self))
        self._set_coders([])
        header = self.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # import order until a click
        self.setSortingEnabled(True)
        self.currentItemChanged.connect(self._current)

        self.round_filter = RoundFilter(tr("All articles"))
        self.round_filter.currentIndexChanged.connect(lambda _i: self._apply_round())
        self.counts = QLabel()
        self.counts.setObjectName("leadCounts")
        self.counts.setWordWrap(True)
        self.panel = QWidget(parent)
        self.panel.setObjectName("leadArticlesPanel")
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.round_filter)
        layout.addWidget(self, 1)
        layout.addWidget(self.counts)

    def _set_coders(self, coders: list[str]) -> None:
        self.coders = coders
        self.setColumnCount(FIRST_CODER + len(coders))
        self.setHeaderLabels([tr("ID"), tr("Article"), tr("★gold"), *coders])
        head = self.headerItem()
        head.setToolTip(ID_COLUMN, tr("The article's id (file name or id column at import)"))
        head.setToolTip(ADJ_COLUMN, tr("Adjudication: ★ adjudicated, ◐ in progress, "
                                       "○ not started"))
        head.setTextAlignment(ADJ_COLUMN, Qt.AlignmentFlag.AlignCenter)
        header = self.header()
        header.setSectionResizeMode(ID_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ADJ_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        metrics = header.fontMetrics()
        for n, coder in enumerate(coders):  # as narrow as the name (a long one is elided)
            header.setSectionResizeMode(FIRST_CODER + n, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(FIRST_CODER + n,
                                max(28, min(metrics.horizontalAdvance(coder) + 14, 80)))
            head.setTextAlignment(FIRST_CODER + n, Qt.AlignmentFlag.AlignCenter)

    def set_rows(self, rows: Sequence[LeadRow], coders: Sequence[str] | None = None) -> None:
        """Show these articles; ``coders`` defaults to every coder with a status in a row."""
        if coders is None:
            coders = sorted({c for row in rows for c in row.statuses})
        self.blockSignals(True)
        current = self.current_id()
        self.setSortingEnabled(False)
        self.clear()
        if list(coders) != self.coders:
            self._set_coders(list(coders))
        self._rows = {row.id: row for row in rows}
        self._order = {row.id: n for n, row in enumerate(rows)}
        self._items = {}
        for row in rows:
            item = _LeadItem(self, [row.external_id, row.title or row.external_id, ""])
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(ID_COLUMN, plain_tip(row.external_id))
            item.setToolTip(TITLE_COLUMN, plain_tip(f"{row.external_id}\n{row.title}"))
            item.setForeground(ID_COLUMN, ink("#555555"))
            for n, coder in enumerate(self.coders):
                status = row.statuses.get(coder, "not_started")
                item.setText(FIRST_CODER + n, STATUS_MARK[status])
                item.setToolTip(FIRST_CODER + n, f"{coder}: {status_word(status)}")
                item.setForeground(FIRST_CODER + n, ink(STATUS_COLOR[status]))
                item.setTextAlignment(FIRST_CODER + n, Qt.AlignmentFlag.AlignCenter)
            self._items[row.id] = item
            self._show_status(item, row.status)
        self.setSortingEnabled(True)
        self.setColumnWidth(ID_COLUMN, max(36, min(self.sizeHintForColumn(ID_COLUMN), 80)))
        if self._rounds_source is not None:
            self._set_rounds(self._rounds_source())
        self._filter()
        if current in self._items:
            self.setCurrentItem(self._items[current])
        self.blockSignals(False)
        self.update_counts()

    def _show_status(self, item: QTreeWidgetItem, status: str) -> None:
        item.setText(ADJ_COLUMN, GOLD_MARK[status])
        item.setToolTip(ADJ_COLUMN, tr("gold: {}").format(tr(ADJ_STATUS_TEXT[status])))
        item.setTextAlignment(ADJ_COLUMN, Qt.AlignmentFlag.AlignCenter)
        item.setData(ADJ_COLUMN, Qt.ItemDataRole.UserRole, status)
        item.setForeground(ADJ_COLUMN, ink(ADJ_STATUS_COLORS[status]))

    def update_status(self, article_id: int, status: str) -> None:
        self._show_status(self._items[article_id], status)
        self.update_counts()

    def status_of(self, article_id: int) -> str:
        return self._items[article_id].data(ADJ_COLUMN, Qt.ItemDataRole.UserRole)

    def coder_status(self, article_id: int, coder: str) -> str:
        return self._rows[article_id].statuses.get(coder, "not_started")

    def sort_key(self, item: QTreeWidgetItem, column: int) -> tuple:
        """What a column sorts by (ties keep import order)."""
        article_id = item.data(0, Qt.ItemDataRole.UserRole)
        row = self._rows[article_id]
        if column == ID_COLUMN:
            key: Any = natural_key(row.external_id)
        elif column == TITLE_COLUMN:
            key = natural_key(row.title or row.external_id)
        elif column == ADJ_COLUMN:
            key = STATUSES.index(self.status_of(article_id))
        elif column >= FIRST_CODER:
            key = STATUSES.index(self.coder_status(article_id, self.coders[column - FIRST_CODER]))
        else:
            key = 0
        return (key, self._order[article_id])

    def ids(self) -> list[int]:
        """Every article's id in list order (as sorted now), hidden ones included."""
        return [self.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                for i in range(self.topLevelItemCount())]

    def visible_ids(self) -> list[int]:
        """The ids the list shows (the chosen round's), in list order."""
        return [i for i in self.ids() if not self._items[i].isHidden()]

    def following(self, article_id: int) -> int | None:
        """The next shown article after ``article_id`` that is not adjudicated (wrapping)."""
        shown = set(self.visible_ids())
        ids = self.ids()
        here = ids.index(article_id) if article_id in ids else -1
        after = [i for i in ids[here + 1:] + ids[:max(here, 0)] if i in shown]
        return next((i for i in after if self.status_of(i) != "done"), None)

    def current_id(self) -> int | None:
        item = self.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def select_article(self, article_id: int) -> None:
        """Make an article current (choosing all articles when the round filter hides it)."""
        item = self._items[article_id]
        if item.isHidden():
            self.round_filter.setCurrentIndex(0)
        self.setCurrentItem(item)
        self.scrollToItem(item)

    # --- the round filter and the counts ---------------------------------------------------

    def _set_rounds(self, rounds: Sequence[Round]) -> None:
        self.round_filter.set_rounds(rounds)

    def round_chosen(self) -> set[int] | None:
        """The ids of the round chosen in the filter (None: all articles)."""
        return self.round_filter.chosen_ids()

    def _filter(self) -> None:
        wanted = self.round_chosen()
        for article_id, item in self._items.items():
            item.setHidden(wanted is not None and article_id not in wanted)

    def _apply_round(self) -> None:
        """Show the chosen round; when it hides the open article, the first shown opens."""
        self._filter()
        self.update_counts()
        item = self.currentItem()
        if item is not None and item.isHidden():
            shown = self.visible_ids()
            if shown:
                self.setCurrentItem(self._items[shown[0]])

    def update_counts(self) -> None:
        """Per coder, done / articles shown; the same in each coder's header tooltip."""
        shown = self.visible_ids()
        total = len(shown)
        parts = []
        head = self.headerItem()
        for n, coder in enumerate(self.coders):
            count = dict.fromkeys(STATUSES, 0)
            for article_id in shown:
                count[self.coder_status(article_id, coder)] += 1
            parts.append(tr("{coder} {done}/{total} done").format(
                coder=coder, done=count["done"], total=total))
            head.setToolTip(FIRST_CODER + n, tr(
                "{coder}: {done} done, {busy} in progress, {idle} not started of {total} "
                "shown").format(coder=coder, done=count["done"], busy=count["in_progress"],
                                idle=count["not_started"], total=total))
        adjudicated = sum(self.status_of(i) == "done" for i in shown)
        parts.append(tr("adjudicated {done}/{total}").format(done=adjudicated, total=total))
        self.counts.setText(" · ".join(parts))

    def _current(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.articleSelected.emit(item.data(0, Qt.ItemDataRole.UserRole))
