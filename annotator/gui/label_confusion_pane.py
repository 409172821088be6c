"""The Label confusion tab of the Agreement window: label × label token counts of one coder pair,
or of all pairs together (``*``), as in ``label_confusion.csv``.

Rows are coder_a's labels, columns coder_b's, ``none`` last; the diagonal is where the pair
agreed, and the darker an off-diagonal cell, the more tokens the two coders labelled differently
there. Nothing is computed here but the shading: the counts are the report's rows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from annotator.core.label_confusion import ALL_PAIRS, LabelConfusionRow, no_label
from annotator.core.reports import AgreementReport
from annotator.gui.colors import quiet_color, shade
from annotator.gui.pane_layout import chooser_and_table

AGREED, NEITHER = QColor("#C8E6C9"), QColor("#F5F5F5")


def confused_color(count: int, largest: int) -> QColor:
    """White for 0, up to a strong red for the largest off-diagonal count."""
    share = count / largest if largest else 0.0
    light = round(255 - 120 * share)
    return QColor(255, light, light)


class LabelConfusionPane(QWidget):
    """``title(label_id)`` names a label (the schema's display name); the no-label marker of the
    report is shown as it is written in the file."""

    def __init__(
        self,
        report: AgreementReport,
        title: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("labelConfusion")
        self.report = report
        self._title = title
        self.pair_box = QComboBox()
        self.pair_box.setObjectName("labelConfusionPair")
        self.matrix = QTableWidget()
        self.matrix.setObjectName("labelConfusionMatrix")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet(f"color: {quiet_color().name()}")
        chooser_and_table(self, self.tr("Coder pair:"), self.pair_box, self.explanation,
                          self.matrix)
        self.set_report(report)

    def set_report(self, report: AgreementReport) -> None:
        """Show another report (the window's filters), keeping the pair chosen if it is there."""
        self.report = report
        chosen = self.pair_box.currentData()
        pairs = list(dict.fromkeys((r.coder_a, r.coder_b) for r in report.label_confusion))
        with QSignalBlocker(self.pair_box):
            self.pair_box.clear()
            for a, b in sorted(pairs, key=lambda p: p != (ALL_PAIRS, ALL_PAIRS)):  # all first
                text = self.tr("all pairs (*)") if a == ALL_PAIRS else f"{a} × {b}"
                self.pair_box.addItem(text, (a, b))
            self.pair_box.setCurrentIndex(max(0, self.pair_box.findData(chosen)))
        self.fill()

    def rows(self) -> list[LabelConfusionRow]:
        pair = self.pair_box.currentData()
        return [r for r in self.report.label_confusion if (r.coder_a, r.coder_b) == pair]

    def fill(self) -> None:
        rows = self.rows()
        names = list(dict.fromkeys(r.label_a for r in rows))
        none = no_label(self.report.labels)
        none_text = self.tr("none")  # the core's marker for "no label", as the window says it
        titles = [none_text if n == none else self._title(n) for n in names]
        a, b = self.pair_box.currentData() or ("", "")
        who_a, who_b = (self.tr("coder A"), self.tr("coder B")) if a == ALL_PAIRS else (a, b)
        self.explanation.setText(self.tr(
            "Tokens of the articles both coders marked done: rows are {a}'s label, columns "
            "{b}'s ({none}: no label). A token with several labels of one coder counts "
            "once per combination.").format(a=who_a, b=who_b, none=none_text) if rows else self.tr(
            "Fewer than two coders: nothing to compare."))
        self.matrix.clear()
        self.matrix.setRowCount(len(names))
        self.matrix.setColumnCount(len(names))
        self.matrix.setVerticalHeaderLabels([f"{who_a}: {t}" for t in titles])
        self.matrix.setHorizontalHeaderLabels([f"{who_b}: {t}" for t in titles])
        index = {n: k for k, n in enumerate(names)}
        largest = max((r.tokens for r in rows if r.label_a != r.label_b), default=0)
        for r in rows:
            i, j = index[r.label_a], index[r.label_b]
            item = QTableWidgetItem(str(r.tokens))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setToolTip(self.tr("{n} token(s): {a} {label_a}, {b} {label_b}").format(
                n=r.tokens, a=who_a, label_a=titles[i], b=who_b, label_b=titles[j]))
            if r.label_a == r.label_b:
                shade(item, NEITHER if r.label_a == none else
                      AGREED if r.tokens else confused_color(0, 0))
            else:
                shade(item, confused_color(r.tokens, largest))
            self.matrix.setItem(i, j, item)
