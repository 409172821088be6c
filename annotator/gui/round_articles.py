"""The articles of one calibration round, as the rounds dialog edits them: every article of the
project as a checkable row (id, title, the other rounds holding it) with helpers to add a random
sample of N (its seed shown, so the draw can be repeated), every article not yet in a round, or
to remove all. It stores nothing: each change is offered as ``chosen(ids)`` for the dialog to
save through the session.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.article_table import ElideMiddle

ID_ROLE = Qt.ItemDataRole.UserRole


def sample_ids(candidates: Sequence[int], n: int, seed: int) -> list[int]:
    """``n`` of ``candidates`` drawn with ``seed`` (the same seed, the same draw), sorted."""
    pool = sorted(candidates)
    return sorted(random.Random(seed).sample(pool, min(n, len(pool))))


def button(name: str, text: str, slot: Callable[[], object]) -> QPushButton:
    """A push button that Enter in a line edit does not press."""
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.setAutoDefault(False)
    widget.clicked.connect(lambda _c=False: slot())
    return widget


class RoundArticles(QWidget):
    """The checkable article list and its helpers (see the module docstring)."""

    chosen = Signal(list)  # the round's article ids, in project order

    def __init__(self, articles: Sequence[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.order = [a.id for a in articles]
        self.in_a_round: set[int] = set()
        self.list = QTreeWidget()
        self.list.setObjectName("roundArticles")
        self.list.setHeaderLabels([self.tr("ID"), self.tr("Title"), self.tr("Other rounds")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setItemDelegateForColumn(0, ElideMiddle(self.list))
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for article in articles:
            item = QTreeWidgetItem(self.list, [article.external_id,
                                               article.title or article.external_id, ""])
            item.setData(0, ID_ROLE, article.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setToolTip(1, article.title)
        self.list.setColumnWidth(0, max(60, min(self.list.sizeHintForColumn(0) + 30, 170)))
        self.list.itemChanged.connect(
            lambda _i, column: column == 0 and self.chosen.emit(self._in_order(self.checked())))
        self.sample_size = QSpinBox()
        self.sample_size.setObjectName("sampleSize")
        self.sample_size.setRange(1, max(1, len(articles)))
        self.sample_size.setValue(min(10, max(1, len(articles))))
        self.seed = QSpinBox()
        self.seed.setObjectName("sampleSeed")
        self.seed.setRange(0, 999_999)
        self.seed.setValue(random.SystemRandom().randrange(1, 1_000_000))
        self.seed.setToolTip(self.tr("The same seed draws the same articles"))
        self.fresh_only = QCheckBox(self.tr("from articles in no round"))
        self.fresh_only.setObjectName("sampleFreshOnly")
        self.fresh_only.setChecked(True)
        self.count = QLabel()
        self.count.setObjectName("roundCount")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(button("sampleButton", self.tr("Add a random sample of"), self.add_sample))
        row.addWidget(self.sample_size)
        row.addWidget(QLabel(self.tr("seed")))
        row.addWidget(self.seed)
        row.addWidget(self.fresh_only)
        row.addStretch(1)
        layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(button("unassignedButton", self.tr("Add all not yet in a round"),
                             self.add_unassigned))
        row.addWidget(button("clearArticlesButton", self.tr("Remove all"),
                             lambda: self.chosen.emit([])))
        row.addStretch(1)
        row.addWidget(self.count)
        layout.addLayout(row)

    def show_round(self, members: set[int], others: Mapping[int, Sequence[str]]) -> None:
        """Check the round's articles; ``others``: article id -> the other rounds holding it."""
        self.in_a_round = set(members) | {a for a, names in others.items() if names}
        self.list.blockSignals(True)
        for item in self._items():
            article_id = item.data(0, ID_ROLE)
            item.setCheckState(0, Qt.CheckState.Checked if article_id in members
                               else Qt.CheckState.Unchecked)
            item.setText(2, ", ".join(others.get(article_id, ())))
        self.list.blockSignals(False)
        self.count.setText(self.tr("{n} of {total} articles in this round").format(
            n=len(members), total=len(self.order)))

    def _items(self) -> list[QTreeWidgetItem]:
        return [self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount())]

    def _in_order(self, ids: set[int]) -> list[int]:
        return [a for a in self.order if a in ids]

    def checked(self) -> set[int]:
        return {item.data(0, ID_ROLE) for item in self._items()
                if item.checkState(0) == Qt.CheckState.Checked}

    def add_sample(self) -> None:
        """N more articles, drawn with the seed shown (from those in no round when ticked)."""
        checked = self.checked()
        pool = [a for a in self.order if a not in checked
                and not (self.fresh_only.isChecked() and a in self.in_a_round)]
        drawn = sample_ids(pool, self.sample_size.value(), self.seed.value())
        self.chosen.emit(self._in_order(checked | set(drawn)))

    def add_unassigned(self) -> None:
        self.chosen.emit(self._in_order(
            self.checked() | {a for a in self.order if a not in self.in_a_round}))
