"""Parts of the adjudication window: the gold text view, the lead's article list and the coders'
answers to the article codes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from annotator.core.lead import LeadRow
from annotator.core.schema import Label, Schema
from annotator.core.variables import Variable
from annotator.gui.article_view import ArticleView, _escape

ADJ_STATUS_TEXT = {"not_started": "not started", "in_progress": "in progress",
                   "done": "adjudicated"}
ADJ_STATUS_COLORS = {"not_started": "#888888", "in_progress": "#b26a00", "done": "#2e7d32"}


class GoldView(ArticleView):
    """The article text once, with the gold spans shaded; same snapping and keys as coders."""

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(schema, parent)
        self.setObjectName("goldView")

    def tooltip_for(self, spans: Sequence[Any]) -> str:
        rows = []
        for g in spans:
            label = self.schema.label(g.label)
            who = ", ".join(g.coders) or "nobody exactly"
            why = f"<br><i>{_escape(g.rationale)}</i>" if g.rationale else ""
            rows.append(f"<span style='color:{label.color}'>■</span> <b>gold: "
                        f"{_escape(label.display_name)}</b> ({_escape(who)}){why}")
        return "<br>".join(rows)


class LeadArticleList(QTreeWidget):
    """objectName ``leadArticles``: title, adjudication status, coders done; ``articleSelected``."""

    articleSelected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leadArticles")
        self.setHeaderLabels(["Article", "Adjudication", "Coders done"])
        self.setRootIsDecorated(False)
        self.setColumnWidth(0, 150)
        self.setColumnWidth(1, 95)
        self._items: dict[int, QTreeWidgetItem] = {}
        self.currentItemChanged.connect(self._current)

    def set_rows(self, rows: Sequence[LeadRow]) -> None:
        self.blockSignals(True)
        current = self.current_id()
        self.clear()
        self._items = {}
        for row in rows:
            item = QTreeWidgetItem(self, [row.title or row.external_id, "",
                                          ", ".join(row.done) or "—"])
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(0, row.title)
            self._items[row.id] = item
            self.update_status(row.id, row.status)
        if current in self._items:
            self.setCurrentItem(self._items[current])
        self.blockSignals(False)

    def update_status(self, article_id: int, status: str) -> None:
        item = self._items[article_id]
        item.setText(1, ADJ_STATUS_TEXT[status])
        item.setData(1, Qt.ItemDataRole.UserRole, status)
        item.setForeground(1, QBrush(QColor(ADJ_STATUS_COLORS[status])))

    def status_of(self, article_id: int) -> str:
        return self._items[article_id].data(1, Qt.ItemDataRole.UserRole)

    def ids(self) -> list[int]:
        return list(self._items)

    def current_id(self) -> int | None:
        item = self.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def select_article(self, article_id: int) -> None:
        self.setCurrentItem(self._items[article_id])

    def _current(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.articleSelected.emit(item.data(0, Qt.ItemDataRole.UserRole))


class CoderAnswersTree(QTreeWidget):
    """objectName ``coderAnswers``: each article code with every done coder's answer; a double
    click (or Enter) takes that coder's answer into gold: ``takeRequested(variable, coder)``."""

    takeRequested = Signal(str, str)

    def __init__(self, variables: Sequence[Variable], labels: Sequence[Label] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coderAnswers")
        self.variables = tuple(variables)
        self.names = {lab.id: lab.display_name for lab in labels}
        for var in self.variables:
            self.names.update((o.id, o.display_name) for o in var.options)
        self.setHeaderLabels(["Coder", "Answer"])
        self.setColumnWidth(0, 150)
        self.itemActivated.connect(self._take)

    def set_answers(self, by_coder: Mapping[str, Mapping[str, Any]],
                    gold: Mapping[str, Any]) -> None:
        self.clear()
        for var in self.variables:
            top = QTreeWidgetItem(self, [var.display_name, self._shown(gold.get(var.id))])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            values = {repr(a.get(var.id)) for a in by_coder.values()}
            top.setForeground(0, QBrush(QColor("#2e7d32" if len(values) == 1 else "#c62828")))
            for coder, answers in by_coder.items():
                item = QTreeWidgetItem(top, [coder, self._shown(answers.get(var.id))])
                item.setData(0, Qt.ItemDataRole.UserRole, (var.id, coder))
                item.setToolTip(0, "Double-click to take this answer into gold")
            top.setExpanded(True)

    def _take(self, item: QTreeWidgetItem, _column: int) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if data:
            self.takeRequested.emit(*data)

    def _shown(self, value: Any) -> str:
        if value is None:
            return "—"
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, (list, tuple)):
            return ", ".join(self.names.get(str(v), str(v)) for v in value)
        return self.names.get(str(value), str(value))
