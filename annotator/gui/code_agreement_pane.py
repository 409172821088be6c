"""The article-code part of the Agreement window: the summary rows of every variable, and per
variable a coder x coder matrix whose tooltips give the answer-against-answer counts.

Article codes have a pane of their own because their units are articles, not tokens, and their
variables are not the frames of the label box. Nothing is computed here: the values are the
report's rows.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.code_units import CodeUnit
from annotator.core.reports import ARTICLE_CODE, AgreementReport
from annotator.gui.agreement_tables import (
    answer_text,
    cell,
    code_title,
    fill_matrix,
    fmt,
    table,
    value_color,
)
from annotator.gui.colors import shade
from annotator.gui.core_texts import note_text
from annotator.gui.texts import tr

CODE_MEASURES = {
    "cohen_kappa": QT_TRANSLATE_NOOP("", "Cohen's κ"),
    "cohen_kappa_quadratic": QT_TRANSLATE_NOOP("", "Cohen's κ, quadratic weights (ordinal)"),
}


class CodeAgreementPane(QWidget):
    """See the module docstring; :meth:`set_report` shows another report (the filters)."""

    def __init__(self, report: AgreementReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeAgreement")
        self.report = report
        self.code_box = QComboBox()
        self.code_box.setObjectName("agreementCode")
        self.measure_box = QComboBox()
        self.measure_box.setObjectName("agreementCodeMeasure")
        for key, title in CODE_MEASURES.items():
            self.measure_box.addItem(tr(title), key)
        self.matrix = QTableWidget()
        self.matrix.setObjectName("agreementCodeMatrix")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary = table("agreementCodeSummary", [
            self.tr("measure"), self.tr("variable"), self.tr("value"), self.tr("observed"),
            self.tr("articles"), self.tr("coders"), self.tr("note")])
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Article code:")))
        top.addWidget(self.code_box, 1)
        top.addWidget(QLabel(self.tr("Matrix:")))
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
        self.set_report(report)

    def set_report(self, report: AgreementReport) -> None:
        """Show ``report``, keeping the article code chosen when it is still there."""
        self.report = report
        chosen = self.code_box.currentData()
        with QSignalBlocker(self.code_box):
            self.code_box.clear()
            for unit in report.codes:
                self.code_box.addItem(code_title(unit), unit.id)
            self.code_box.setCurrentIndex(max(0, self.code_box.findData(chosen)))
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
                     fmt(r.observed_agreement), str(r.n_units), str(r.n_coders), note_text(r.note)]
            for col, text in enumerate(cells):
                item = cell(text, note_text(r.note) or (r.label if col == 1 else ""))
                if col == 2:
                    shade(item, value_color(r.value))
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

        def value_of(a: str, b: str) -> tuple[float | None, str]:
            if unit is None:
                return None, ""
            pair = self.report.pair(a, b, unit.id, ARTICLE_CODE)
            value = getattr(pair, measure) if pair else None
            counts = [f"{answer_text(unit, r.answer_a)} / {answer_text(unit, r.answer_b)}: "
                      f"{r.count}" for r in self.report.confusion(a, b, unit.id) if r.count]
            n = pair.n_units if pair else 0
            lines = [self.tr("{a} × {b}: {value} over {n} article(s)").format(
                         a=a, b=b, value=fmt(value), n=n),
                     self.tr("answers ({a} / {b}):").format(a=a, b=b) if counts
                     else self.tr("no article answered by both"),
                     *counts]
            return value, "\n".join(lines)

        fill_matrix(self.matrix, self.report.coders, value_of)
