"""The preview side of *Hand out copies…*: the plan as it will be written.

Two tables: per coder the count (shared + own) and the file name (red when the file exists),
and per article who gets it (shared articles shaded; "no cues" where that coder's copy hides the
cue underlines), so the lead sees the draw itself; below them the shared count, the seed that
repeats the draw, how many articles each coder sees without cues, and what stands in the way,
in red.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.assign import CopyPlan
from annotator.core.copies_task import ArticleChoice
from annotator.gui.colors import ink, shade
from annotator.gui.plain_text import plain_tip

RED = QColor("#B00020")
SHARED = QColor("#E3F2FD")


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(plain_tip(tooltip or text))
    return item


def _table(name: str) -> QTableWidget:
    table = QTableWidget(0, 0)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    return table


def _label(name: str, red: bool = False) -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if red:
        label.setStyleSheet("color: #B00020")
    return label


class CopiesPreview(QGroupBox):
    def __init__(self, articles: Sequence[ArticleChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Preview: the copies that will be written"))
        self.articles = {a.id: a for a in articles}
        self.table = _table("previewTable")
        self.table.setColumnCount(5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Coder"), self.tr("Articles"), self.tr("Shared"), self.tr("Own"),
             self.tr("File")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.plan_table = _table("planTable")
        self.shared_label = _label("sharedLabel")
        self.seed_label = _label("seedLabel")
        self.cues_label = _label("cuesLabel")
        self.message = _label("previewMessage", red=True)
        self.summary = _label("summary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(QLabel(self.tr("Who gets which article (shaded: coded by every coder):")))
        layout.addWidget(self.plan_table, 1)
        layout.addWidget(self.shared_label)
        layout.addWidget(self.seed_label)
        layout.addWidget(self.cues_label)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)

    def show_plan(self, plan: CopyPlan | None, paths: Mapping[str, Path]) -> None:
        """Fill both tables and the labels from ``plan`` (None: empty them)."""
        coders = plan.coders if plan is not None else ()
        self._coders(plan, paths)
        self._articles(plan)
        rows = sum(self.table.rowHeight(r) for r in range(len(coders)))
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + max(rows, 24) + 2 * self.table.frameWidth())
        if plan is None:
            self.shared_label.setText("")
            self.seed_label.setText("")
            self.cues_label.setText("")
            return
        self.cues_label.setText(self._cues_text(plan))
        self.shared_label.setText(self.tr("{0} article(s) coded by every coder").format(
            len(plan.shared)))
        self.seed_label.setText(
            self.tr("Seed {0}: enter it again to draw the same articles").format(plan.seed)
            if plan.seed is not None else self.tr("Nothing drawn at random (no seed)"))

    def _cues_text(self, plan: CopyPlan) -> str:
        """How many of each coder's articles show no cue underlines."""
        if not any(plan.no_cues.values()):
            return self.tr("Cue words underlined in every article")
        counts = [self.tr("{0} {1} of {2}").format(
            coder, len(plan.no_cues.get(coder, ())), len(plan.per_coder.get(coder, ())))
            for coder in plan.coders]
        return self.tr("Without cue underlines: {0}").format(", ".join(counts))

    def _coders(self, plan: CopyPlan | None, paths: Mapping[str, Path]) -> None:
        table = self.table
        table.setRowCount(0 if plan is None else len(plan.coders))
        if plan is None:
            return
        shared = set(plan.shared)
        for row, coder in enumerate(plan.coders):
            articles = plan.per_coder.get(coder, ())
            own = len(set(articles) - shared)
            both = len(articles) - own
            path = paths[coder]
            cells = [
                _item(coder),
                _item(self.tr("{0} ({1} + {2})").format(len(articles), both, own),
                      self.tr("{0} articles: {1} shared with every coder, {2} for {3} alone")
                      .format(len(articles), both, own, coder)),
                _item(str(both)),
                _item(str(own)),
                _item(path.name, str(path)),
            ]
            if path.exists():
                cells[4].setForeground(ink(RED))
                cells[4].setToolTip(self.tr("{0}: already exists").format(path))
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)
        table.resizeColumnsToContents()

    def _articles(self, plan: CopyPlan | None) -> None:
        table = self.plan_table
        table.clear()
        coders = plan.coders if plan is not None else ()
        chosen = sorted({a for ids in plan.per_coder.values() for a in ids}) if plan else []
        table.setColumnCount(1 + len(coders))
        table.setRowCount(len(chosen))
        table.setHorizontalHeaderLabels([self.tr("Article"), *coders])
        shared = set(plan.shared) if plan is not None else set()
        gets = {c: set(plan.per_coder.get(c, ())) for c in coders} if plan else {}
        hidden = {c: set(plan.no_cues.get(c, ())) for c in coders} if plan else {}
        marks = {True: self.tr("✓ no cues"), False: "✓"}
        for row, article_id in enumerate(chosen):
            found = self.articles.get(article_id)
            text = f"{found.external_id}  {found.title}" if found else str(article_id)
            cells = [_item(text)]
            cells += [_item(marks[article_id in hidden[c]] if article_id in gets[c] else "", c)
                      for c in coders]
            for column, cell in enumerate(cells):
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if article_id in shared and len(coders) > 1:
                    shade(cell, SHARED)
                table.setItem(row, column, cell)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if coders:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
