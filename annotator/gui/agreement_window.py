"""The Agreement window for leads: pairwise matrices, the summary, the disagreements, the label
confusion, each coder against gold (with a gold layer), Export.

Everything shown comes from one :class:`~annotator.core.reports.AgreementReport`; no measure is
computed here. Article codes (level ``article_code``) have a pane of their own, because their
units are articles, not tokens, and their variables are not the frames of the label box.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.code_units import CodeUnit
from annotator.core.errors import AnnotatorError
from annotator.core.report_files import write_report
from annotator.core.reports import ARTICLE_CODE, AgreementReport
from annotator.core.schema import Schema
from annotator.gui.coder_vs_gold_pane import CoderVsGoldPane
from annotator.gui.label_confusion_pane import LabelConfusionPane

MATRIX_MEASURES = {
    "cohen_kappa": "Cohen's κ (tokens)",
    "f1_exact": "Span F1, exact",
    "f1_overlap": "Span F1, overlap",
}
CODE_MEASURES = {
    "cohen_kappa": "Cohen's κ",
    "cohen_kappa_quadratic": "Cohen's κ, quadratic weights (ordinal)",
}
#: Krippendorff's rule of thumb: >= 0.800 reliable, >= 0.667 tentative conclusions only.
GOOD, TENTATIVE = 0.8, 0.667


def value_color(value: float | None) -> QColor:
    if value is None:
        return QColor("#E0E0E0")
    if value >= GOOD:
        return QColor("#C8E6C9")
    if value >= TENTATIVE:
        return QColor("#FFF59D")
    return QColor("#FFCDD2")


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill_matrix(
    table: QTableWidget, coders: list[str], cell: Callable[[str, str], tuple[float | None, str]]
) -> None:
    """A coder x coder matrix; ``cell(a, b)`` gives the value and its tooltip."""
    table.clear()
    table.setRowCount(len(coders))
    table.setColumnCount(len(coders))
    table.setHorizontalHeaderLabels(coders)
    table.setVerticalHeaderLabels(coders)
    for i, a in enumerate(coders):
        for j, b in enumerate(coders):
            if i == j:
                item = _item("")
                item.setBackground(QColor("#F5F5F5"))
            else:
                value, tooltip = cell(a, b)
                item = _item(fmt(value), tooltip)
                item.setBackground(value_color(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(i, j, item)


def code_title(unit: CodeUnit) -> str:
    """How a variable (or one option of a multi variable) is named in the window."""
    if unit.option is None:
        return unit.variable.display_name
    option = next(o for o in unit.variable.options if o.id == unit.option)
    return f"{unit.variable.display_name}: {option.display_name}"


def answer_text(unit: CodeUnit, answer: object) -> str:
    if isinstance(answer, bool):
        return "yes" if answer else "no"
    option = next((o for o in unit.variable.options if o.id == answer), None)
    return option.display_name if option else str(answer)


class CodeAgreementPane(QWidget):
    """Agreement on article codes: the summary rows of every variable, and per variable a
    coder x coder matrix whose tooltips give the answer-against-answer counts."""

    def __init__(self, report: AgreementReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeAgreement")
        self.report = report
        self.code_box = QComboBox()
        self.code_box.setObjectName("agreementCode")
        for unit in report.codes:
            self.code_box.addItem(code_title(unit), unit.id)
        self.measure_box = QComboBox()
        self.measure_box.setObjectName("agreementCodeMeasure")
        for key, title in CODE_MEASURES.items():
            self.measure_box.addItem(title, key)
        self.matrix = QTableWidget()
        self.matrix.setObjectName("agreementCodeMatrix")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary = _table("agreementCodeSummary", [
            "measure", "variable", "value", "observed", "articles", "coders", "note"])
        top = QHBoxLayout()
        top.addWidget(QLabel("Article code:"))
        top.addWidget(self.code_box, 1)
        top.addWidget(QLabel("Matrix:"))
        top.addWidget(self.measure_box, 1)
        top.addStretch(1)
        row = QSplitter(Qt.Orientation.Horizontal)
        row.addWidget(self.matrix)
        row.addWidget(self.summary)
        row.setSizes([400, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(row, 1)
        self.code_box.currentIndexChanged.connect(lambda _i: self.fill_matrix())
        self.measure_box.currentIndexChanged.connect(lambda _i: self.fill_matrix())
        self.fill_summary()
        self.fill_matrix()

    @property
    def unit(self) -> CodeUnit | None:
        return next((u for u in self.report.codes if u.id == self.code_box.currentData()), None)

    def fill_summary(self) -> None:
        titles = {u.id: code_title(u) for u in self.report.codes}
        rows = [r for r in self.report.summary if r.level == ARTICLE_CODE]
        self.summary.setRowCount(len(rows))
        for k, r in enumerate(rows):
            cells = [r.measure, titles.get(r.label, r.label), fmt(r.value),
                     fmt(r.observed_agreement), str(r.n_units), str(r.n_coders), r.note]
            for col, text in enumerate(cells):
                item = _item(text, r.note or (r.label if col == 1 else ""))
                if col == 2:
                    item.setBackground(value_color(r.value))
                self.summary.setItem(k, col, item)

    def fill_matrix(self) -> None:
        unit = self.unit
        ordinal = unit is not None and unit.ordinal
        quadratic = self.measure_box.model().item(1)
        quadratic.setEnabled(ordinal)
        if not ordinal and self.measure_box.currentIndex() == 1:
            self.measure_box.setCurrentIndex(0)  # refills through the signal
            return
        measure = self.measure_box.currentData()

        def cell(a: str, b: str) -> tuple[float | None, str]:
            if unit is None:
                return None, ""
            pair = self.report.pair(a, b, unit.id, ARTICLE_CODE)
            value = getattr(pair, measure) if pair else None
            counts = [f"{answer_text(unit, r.answer_a)} / {answer_text(unit, r.answer_b)}: "
                      f"{r.count}" for r in self.report.confusion(a, b, unit.id) if r.count]
            lines = [f"{a} × {b}: {fmt(value)} over {pair.n_units if pair else 0} article(s)",
                     f"answers ({a} / {b}):" if counts else "no article answered by both",
                     *counts]
            return value, "\n".join(lines)

        _fill_matrix(self.matrix, self.report.coders, cell)


class AgreementWindow(QWidget):
    """``open_place(article_id, start, end)`` is called when a disagreement is double-clicked."""

    def __init__(
        self,
        report: AgreementReport,
        schema: Schema,
        open_place: Callable[[int, int, int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("agreementWindow")
        self.setWindowTitle("Agreement — Framing Annotator")
        self.resize(1100, 900 if report.codes else 760)
        self.report = report
        self.schema = schema
        self._open_place = open_place

        self.label_box = QComboBox()
        self.label_box.setObjectName("agreementLabel")
        for label in report.labels:
            self.label_box.addItem(schema.label(label).display_name, label)
        self.measure_box = QComboBox()
        self.measure_box.setObjectName("agreementMeasure")
        for key, title in MATRIX_MEASURES.items():
            self.measure_box.addItem(title, key)
        self.matrix = QTableWidget()
        self.matrix.setObjectName("agreementMatrix")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary = _table("agreementSummary", [
            "measure", "level", "label", "value", "observed", "units", "coders", "note"])
        self.disagreements = _table("disagreementList", [
            "article", "label", "text", "coders with", "coders without", "position"])
        self.disagreements.doubleClicked.connect(lambda index: self.open_row(index.row()))
        export = QPushButton("Export CSV…")
        export.setObjectName("exportButton")
        export.clicked.connect(self.export_dialog)

        top = QHBoxLayout()
        top.addWidget(QLabel("Frame:"))
        top.addWidget(self.label_box, 1)
        top.addWidget(QLabel("Matrix:"))
        top.addWidget(self.measure_box, 1)
        top.addStretch(1)
        top.addWidget(export)
        heading = QLabel(
            f"{len(report.coders)} coder(s) · {report.n_articles} article(s) · cells: "
            f"green ≥ {GOOD:.3f}, yellow ≥ {TENTATIVE:.3f}, red below, grey undefined"
        )
        heading.setStyleSheet("color: #555")
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(heading)
        row = QSplitter(Qt.Orientation.Horizontal)
        row.addWidget(self.matrix)
        row.addWidget(self.summary)
        row.setSizes([400, 700])
        upper_layout.addWidget(row, 1)
        self.codes = CodeAgreementPane(report)
        self.codes.setVisible(bool(report.codes))  # a schema without article codes
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.codes)
        self.label_confusion = LabelConfusionPane(report, lambda lab: schema.label(lab).display_name)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("agreementTabs")
        self.tabs.addTab(self.disagreements, "Disagreements")
        self.tabs.addTab(self.label_confusion, "Label confusion")
        code_titles = {u.id: code_title(u) for u in report.codes}
        self.coder_vs_gold = CoderVsGoldPane(report, lambda kind, key: (
            code_titles.get(key, key) if kind == ARTICLE_CODE
            else schema.label(key).display_name))
        if report.gold is not None:  # only with a gold layer, as coder_vs_gold.csv
            self.tabs.addTab(self.coder_vs_gold, "Coder vs gold")
        splitter.addWidget(self.tabs)
        splitter.setSizes([380, 260, 240] if report.codes else [420, 0, 340])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.label_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.measure_box.currentIndexChanged.connect(lambda _i: self.fill_matrix())
        self.refresh()

    @property
    def label(self) -> str:
        return self.label_box.currentData()

    def refresh(self) -> None:
        self.fill_matrix()
        self.fill_summary()
        self.fill_disagreements()

    def fill_matrix(self) -> None:
        measure = self.measure_box.currentData()

        def cell(a: str, b: str) -> tuple[float | None, str]:
            pair = self.report.pair(a, b, self.label)
            value = getattr(pair, measure) if pair else None
            units = pair.n_units if pair else 0
            return value, f"{a} × {b}: {fmt(value)} over {units} token(s)"

        _fill_matrix(self.matrix, self.report.coders, cell)

    def fill_summary(self) -> None:
        rows = [r for r in self.report.summary
                if r.label in (self.label, "*") and r.level != ARTICLE_CODE]
        self.summary.setRowCount(len(rows))
        for k, r in enumerate(rows):
            cells = [r.measure, r.level, r.label, fmt(r.value), fmt(r.observed_agreement),
                     str(r.n_units), str(r.n_coders), r.note]
            for col, text in enumerate(cells):
                item = _item(text, r.note)
                if col == 3:
                    item.setBackground(value_color(r.value))
                self.summary.setItem(k, col, item)

    def visible_disagreements(self) -> list:
        return [d for d in self.report.disagreements if d.label == self.label]

    def fill_disagreements(self) -> None:
        rows = self.visible_disagreements()
        self.disagreements.setRowCount(len(rows))
        for k, d in enumerate(rows):
            cells = [d.article_id, d.label, d.text.replace("\n", " ⏎ "), ", ".join(d.coders_with),
                     ", ".join(d.coders_without), f"{d.start}–{d.end}"]
            for col, text in enumerate(cells):
                self.disagreements.setItem(k, col, _item(text, d.title if col == 0 else ""))

    def open_row(self, row: int) -> None:
        d = self.visible_disagreements()[row]
        self._open_place(d.article, d.start, d.end)

    def export_to(self, folder: Path, encoding: str = "utf-8-sig") -> list[Path]:
        return write_report(self.report, folder, encoding)

    def export_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export agreement report to folder")
        if not folder:
            return
        try:
            written = self.export_to(Path(folder))
        except AnnotatorError as exc:
            QMessageBox.warning(self, "Export", str(exc))
            return
        QMessageBox.information(
            self, "Export", "Wrote:\n" + "\n".join(str(p) for p in written)
        )
