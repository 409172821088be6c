"""Parts of the adjudication window: the gold text view, the lead's article list (in
:mod:`annotator.gui.lead_article_list`) and the coders' answers to the article codes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from annotator.core.schema import Label, Schema
from annotator.core.variables import Variable
from annotator.gui.article_view import ArticleView
from annotator.gui.colors import ink
from annotator.gui.lead_article_list import (
    ADJ_STATUS_COLORS,
    ADJ_STATUS_TEXT,
    LeadArticleList,
)
from annotator.gui.plain_text import escaped

__all__ = ["ADJ_STATUS_COLORS", "ADJ_STATUS_TEXT", "CoderAnswersTree", "GoldView",
           "LeadArticleList"]


class GoldView(ArticleView):
    """The article text once, with the gold spans shaded; same snapping and keys as coders."""

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(schema, parent)
        self.setObjectName("goldView")

    def tooltip_for(self, spans: Sequence[Any]) -> str:
        rows = []
        for g in spans:
            label = self.schema.label(g.label)
            who = ", ".join(g.coders) or self.tr("nobody exactly")
            why = f"<br><i>{escaped(g.rationale)}</i>" if g.rationale else ""
            gold = self.tr("gold: {label}").format(label=escaped(label.display_name))
            rows.append(f"<span style='color:{label.color}'>■</span> <b>{gold}</b> "
                        f"({escaped(who)}){why}")
        return "<br>".join(rows)


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
        self.setHeaderLabels([self.tr("Coder"), self.tr("Answer")])
        self.setColumnWidth(0, 150)
        self.itemActivated.connect(self._take)

    def set_answers(self, by_coder: Mapping[str, Mapping[str, Any]],
                    gold: Mapping[str, Any]) -> None:
        self.clear()
        for var in self.variables:
            top = QTreeWidgetItem(self, [var.display_name, self._shown(gold.get(var.id))])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            values = {repr(a.get(var.id)) for a in by_coder.values()}
            top.setForeground(0, ink("#2e7d32" if len(values) == 1 else "#c62828"))
            for coder, answers in by_coder.items():
                item = QTreeWidgetItem(top, [coder, self._shown(answers.get(var.id))])
                item.setData(0, Qt.ItemDataRole.UserRole, (var.id, coder))
                item.setToolTip(0, self.tr("Double-click to take this answer into gold"))
            top.setExpanded(True)

    def _take(self, item: QTreeWidgetItem, _column: int) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if data:
            self.takeRequested.emit(*data)

    def _shown(self, value: Any) -> str:
        if value is None:
            return "—"
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, (list, tuple)):
            return ", ".join(self.names.get(str(v), str(v)) for v in value)
        return self.names.get(str(value), str(value))
