"""The Coder vs gold tab of the Agreement window: each coder against the gold standard, as in
``coder_vs_gold.csv`` (shown only when the project has a gold layer).

One row per coder and frame (span precision, recall and F1, exact and overlapping, and Cohen's
κ on tokens) and per coder and article code (accuracy and Cohen's κ on articles). A coder can
be chosen, or all shown. Nothing is computed here: the values are the report's rows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt
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

from annotator.core.coder_vs_gold import ADJUDICATED, CoderVsGold, GoldRow
from annotator.core.reports import AgreementReport
from annotator.gui.colors import quiet_color, shade
from annotator.gui.pane_layout import chooser_and_table
from annotator.gui.plain_text import plain_tip
from annotator.gui.texts import tr

HEADERS = [QT_TRANSLATE_NOOP("", "coder"), QT_TRANSLATE_NOOP("", "frame / article code"),
           QT_TRANSLATE_NOOP("", "precision (exact)"), QT_TRANSLATE_NOOP("", "recall (exact)"),
           QT_TRANSLATE_NOOP("", "F1 (exact)"), QT_TRANSLATE_NOOP("", "precision (overlap)"),
           QT_TRANSLATE_NOOP("", "recall (overlap)"), QT_TRANSLATE_NOOP("", "F1 (overlap)"),
           QT_TRANSLATE_NOOP("", "Cohen's κ"), QT_TRANSLATE_NOOP("", "accuracy"),
           QT_TRANSLATE_NOOP("", "articles")]
VALUES = ("precision_exact", "recall_exact", "f1_exact", "precision_overlap", "recall_overlap",
          "f1_overlap", "cohen_kappa", "accuracy")
UNDEFINED = QColor("#E0E0E0")
ALL_CODERS = "*"


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def basis_text(gold: CoderVsGold) -> str:
    n = len(gold.article_ids)
    if gold.basis == ADJUDICATED:
        which = tr("the {n} article(s) whose adjudication is done").format(n=n)
    else:
        which = tr("the {n} article(s) with any gold (no article is adjudicated done yet, so the "
                   "gold may be only the pre-fill)").format(n=n)
    return tr("Each coder against gold on {which}, among those the coder marked done. Frames: "
              "span precision, recall and F1 (exact offsets, or overlapping, matched one to one) "
              "and Cohen's κ on tokens; article codes: accuracy and Cohen's κ on the articles "
              "both answered. — : undefined.").format(which=which)


class CoderVsGoldPane(QWidget):
    """``title(kind, id)`` names a frame (kind ``label``) or article code (``article_code``)."""

    def __init__(
        self,
        report: AgreementReport,
        title: Callable[[str, str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("coderVsGold")
        self.report = report
        self._title = title
        self.coder_box = QComboBox()
        self.coder_box.setObjectName("coderVsGoldCoder")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet(f"color: {quiet_color().name()}")
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("coderVsGoldTable")
        self.table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        chooser_and_table(self, self.tr("Coder:"), self.coder_box, self.explanation, self.table)
        self.set_report(report)

    def set_report(self, report: AgreementReport) -> None:
        """Show another report (the window's filters), keeping the coder chosen if still there."""
        self.report = report
        gold = report.gold
        chosen = self.coder_box.currentData()
        with QSignalBlocker(self.coder_box):
            self.coder_box.clear()
            self.coder_box.addItem(self.tr("all coders"), ALL_CODERS)
            for coder in dict.fromkeys(r.coder for r in (gold.rows if gold else [])):
                self.coder_box.addItem(coder, coder)
            self.coder_box.setCurrentIndex(max(0, self.coder_box.findData(chosen)))
        self.explanation.setText(basis_text(gold) if gold else self.tr("No gold standard yet."))
        self.fill()

    def rows(self) -> list[GoldRow]:
        if self.report.gold is None:
            return []
        coder = self.coder_box.currentData()
        return [r for r in self.report.gold.rows if coder in (ALL_CODERS, r.coder)]

    def fill(self) -> None:
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for k, r in enumerate(rows):
            spans = r.kind == "label"
            cells: list[tuple[str, QColor | None]] = [(r.coder, None),
                                                      (self._title(r.kind, r.label), None)]
            for name in VALUES:
                applies = spans != (name == "accuracy") or name == "cohen_kappa"
                value = getattr(r, name)
                cells.append((fmt(value) if applies else "", UNDEFINED
                              if applies and value is None else None))
            cells.append((str(r.n_articles), None))
            for col, (text, color) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if col == 1:
                    item.setToolTip(plain_tip(r.label))
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if color is not None:
                    shade(item, color)
                self.table.setItem(k, col, item)
