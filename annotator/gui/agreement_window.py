"""The Agreement window for leads: filters (coders, round), pairwise matrices, the summary, the
disagreements, the label confusion, the round by round trend, each coder against gold, Export.

Everything shown comes from one :class:`~annotator.core.reports.AgreementReport` (and the
trend rows); no measure is computed here. The report is computed off the GUI thread by
:func:`~annotator.gui.agreement_compute.compute`, from the project's path (the worker opens the
file itself, read-only), both when the window opens
(:func:`~annotator.gui.agreement_open.open_agreement`, from the coder's or the lead's window)
and when a filter changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.report_files import write_report
from annotator.core.reports import (
    ARTICLE_CODE,
    OVERALL,
    AgreementReport,
    Disagreement,
    SummaryRow,
)
from annotator.core.schema import Schema
from annotator.gui.agreement_compute import AgreementSource, compute
from annotator.gui.agreement_filters import AgreementFilters
from annotator.gui.agreement_tables import (
    GOOD,
    TENTATIVE,
    cell,
    code_title,
    fill_matrix,
    fmt,
    table,
    value_color,
)
from annotator.gui.code_agreement_pane import CodeAgreementPane
from annotator.gui.coder_vs_gold_pane import CoderVsGoldPane
from annotator.gui.colors import quiet_color, shade
from annotator.gui.core_texts import note_text
from annotator.gui.disagreement_pane import DisagreementList
from annotator.gui.label_confusion_pane import LabelConfusionPane
from annotator.gui.report_export import export_menu, export_report
from annotator.gui.round_trend_pane import RoundTrendPane
from annotator.gui.texts import tr

if TYPE_CHECKING:
    from annotator.core.round_trend import TrendRow

__all__ = ["AgreementSource", "AgreementWindow", "compute", "fmt", "value_color"]

MATRIX_MEASURES = {
    "cohen_kappa": QT_TRANSLATE_NOOP("", "Cohen's κ (tokens)"),
    "f1_exact": QT_TRANSLATE_NOOP("", "Span F1, exact"),
    "f1_overlap": QT_TRANSLATE_NOOP("", "Span F1, overlap"),
}


def _interval(row: SummaryRow) -> str:
    """The bootstrap interval of a summary row as "[low, high]"; empty when it has none."""
    if row.ci_low is None or row.ci_high is None:
        return ""
    return f"[{fmt(row.ci_low)}, {fmt(row.ci_high)}]"


class AgreementWindow(QWidget):
    """``open_place(article_id, start, end)`` is called when a disagreement is double-clicked."""

    def __init__(
        self,
        report: AgreementReport,
        schema: Schema,
        open_place: Callable[[int, int, int], None],
        source: AgreementSource,
        trend: Sequence[TrendRow] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("agreementWindow")
        self.setWindowTitle(self.tr("Agreement — Framing Annotator"))
        self.resize(1200, 920 if report.codes else 780)
        self.report = report
        self.schema = schema
        self.source = source
        self.round_name: str | None = None  # the round of the report shown

        self.filters = AgreementFilters(source.coders, report.coders, source.rounds)
        self.filters.changed.connect(self.recompute)
        self.label_box = QComboBox()
        self.label_box.setObjectName("agreementLabel")
        self.measure_box = QComboBox()
        self.measure_box.setObjectName("agreementMeasure")
        for key, title in MATRIX_MEASURES.items():
            self.measure_box.addItem(tr(title), key)
        self.matrix = QTableWidget()
        self.matrix.setObjectName("agreementMatrix")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary = table("agreementSummary", [
            self.tr("measure"), self.tr("level"), self.tr("label"), self.tr("value"),
            self.tr("{0}% CI").format(f"{report.level * 100:g}"),
            self.tr("observed"), self.tr("units"), self.tr("coders"), self.tr("note")])
        self.disagreements = DisagreementList(open_place)
        export = QPushButton(self.tr("Export…"))
        export.setObjectName("exportButton")
        export.setMenu(export_menu(self))  # CSV files into a folder, or an Excel workbook
        self.message = QLabel()
        self.message.setObjectName("agreementMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        filters_row = QHBoxLayout()
        filters_row.addWidget(self.filters, 1)
        filters_row.addWidget(export)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Frame:")))
        top.addWidget(self.label_box, 1)
        top.addWidget(QLabel(self.tr("Matrix:")))
        top.addWidget(self.measure_box, 1)
        top.addStretch(1)
        self.heading = QLabel()
        self.heading.setObjectName("agreementHeading")
        self.heading.setStyleSheet(f"color: {quiet_color().name()}")
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.heading)
        row = QSplitter(Qt.Orientation.Horizontal)
        row.addWidget(self.matrix)
        row.addWidget(self.summary)
        row.setSizes([400, 760])
        upper_layout.addWidget(row, 1)
        self.codes = CodeAgreementPane(report)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.codes)
        self.label_confusion = LabelConfusionPane(report, self.frame_title)
        code_titles = {u.id: code_title(u) for u in report.codes}
        self.coder_vs_gold = CoderVsGoldPane(report, lambda kind, key: (
            code_titles.get(key, key) if kind == ARTICLE_CODE else self.frame_title(key)))
        self.trend = RoundTrendPane(lambda key: self.row_title(key, code_titles))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("agreementTabs")
        self.tabs.addTab(self.disagreements, self.tr("Disagreements"))
        self.tabs.addTab(self.label_confusion, self.tr("Label confusion"))
        splitter.addWidget(self.tabs)
        splitter.setSizes([380, 250, 290] if report.codes else [420, 0, 360])
        layout = QVBoxLayout(self)
        layout.addLayout(filters_row)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        close = QAction(self.tr("Close"), self)
        close.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        close.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.triggered.connect(lambda _c=False: self.close())
        self.addAction(close)

        self.label_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.measure_box.currentIndexChanged.connect(lambda _i: self.fill_matrix())
        self.set_report(report, trend)

    # --- names -----------------------------------------------------------------------------

    def frame_title(self, label: str) -> str:
        return self.schema.label(label).display_name if label in self.schema.label_ids else label

    def row_title(self, key: str, code_titles: dict[str, str]) -> str:
        """A row of the trend: a frame, all frames, or an article code."""
        if key == OVERALL:
            return self.tr("all frames")
        return code_titles.get(key) or self.frame_title(key)

    # --- the report shown ------------------------------------------------------------------

    @property
    def label(self) -> str:
        return self.label_box.currentData()

    def set_report(self, report: AgreementReport, trend: Sequence[TrendRow] = ()) -> None:
        """Show a report (and the trend), keeping the frame and tab chosen."""
        self.report = report
        self.trend_rows = list(trend)
        chosen = self.label_box.currentData()
        with QSignalBlocker(self.label_box):
            self.label_box.clear()
            for label in report.labels:
                self.label_box.addItem(self.frame_title(label), label)
            self.label_box.setCurrentIndex(max(0, self.label_box.findData(chosen)))
        self.codes.setVisible(bool(report.codes))  # a schema without article codes
        self.codes.set_report(report)
        self.label_confusion.set_report(report)
        self.coder_vs_gold.set_report(report)
        self.trend.set_rows(trend)
        current = self.tabs.currentWidget()
        for pane in (self.coder_vs_gold, self.trend):
            if self.tabs.indexOf(pane) >= 0:
                self.tabs.removeTab(self.tabs.indexOf(pane))
        if report.gold is not None:  # only with a gold layer, as coder_vs_gold.csv
            self.tabs.addTab(self.coder_vs_gold, self.tr("Coder vs gold"))
        if self.source.rounds:
            self.tabs.addTab(self.trend, self.tr("Rounds"))
        if self.tabs.indexOf(current) >= 0:
            self.tabs.setCurrentWidget(current)
        round_text = self.round_name or self.tr("all articles")
        self.heading.setText(self.tr(
            "{coders} · {round}: {n} article(s) · cells: green ≥ {good}, yellow ≥ {tentative}, "
            "red below, grey undefined").format(
            coders=", ".join(report.coders) or self.tr("no coder has marked an article done"),
            round=round_text, n=report.n_articles, good=f"{GOOD:.3f}",
            tentative=f"{TENTATIVE:.3f}"))
        self.refresh()

    def recompute(self) -> None:
        """The filters changed: compute the report of the checked coders on the chosen round."""
        coders, round_name = self.filters.coders(), self.filters.round
        try:
            result = compute(self, self.source.path, coders, round_name,
                             bool(self.source.rounds))
        except AnnotatorError as exc:
            self.say(str(exc), error=True)
            return
        if result is None:
            self.say(self.tr("Cancelled: the report shown is the one before."), error=True)
            return
        self.round_name = round_name
        self.say("")
        self.set_report(*result)

    def refresh(self) -> None:
        self.fill_matrix()
        self.fill_summary()
        self.disagreements.set_rows(self.visible_disagreements())

    def fill_matrix(self) -> None:
        measure = self.measure_box.currentData()

        def value_of(a: str, b: str) -> tuple[float | None, str]:
            pair = self.report.pair(a, b, self.label)
            value = getattr(pair, measure) if pair else None
            units = pair.n_units if pair else 0
            return value, self.tr("{a} × {b}: {value} over {n} token(s)").format(
                a=a, b=b, value=fmt(value), n=units)

        fill_matrix(self.matrix, self.report.coders, value_of)

    def fill_summary(self) -> None:
        rows = [r for r in self.report.summary
                if r.label in (self.label, OVERALL) and r.level != ARTICLE_CODE]
        self.summary.setRowCount(len(rows))
        for k, r in enumerate(rows):
            cells = [r.measure, r.level, r.label, fmt(r.value), _interval(r),
                     fmt(r.observed_agreement), str(r.n_units), str(r.n_coders), note_text(r.note)]
            for col, text in enumerate(cells):
                item = cell(text, note_text(r.note))
                if col == 3:
                    shade(item, value_color(r.value))
                self.summary.setItem(k, col, item)

    def visible_disagreements(self) -> list[Disagreement]:
        return [d for d in self.report.disagreements if d.label == self.label]

    def open_row(self, row: int) -> None:
        self.disagreements.open_row(row)

    # --- export ----------------------------------------------------------------------------

    @property
    def exported_trend(self) -> list[TrendRow] | None:
        """rounds.csv is written when the file has rounds (the trend of the checked coders)."""
        return self.trend_rows if self.source.rounds else None

    def export_to(self, folder: Path, encoding: str = "utf-8-sig") -> list[Path]:
        """Write the report's files into ``folder`` without asking (scripts, tests)."""
        return write_report(self.report, folder, encoding, self.exported_trend)

    def export_folder(self, folder: Path) -> list[Path] | None:
        """Export… once the folder is chosen: creates it, asks before replacing earlier
        reports (None: the lead said No, nothing written), says what it wrote."""
        try:
            written = export_report(self, self.report, folder, self.exported_trend)
        except AnnotatorError as exc:
            self.say(str(exc), error=True)
            return None
        if written is None:
            self.say(self.tr("Nothing written: the earlier report in {folder} is kept.").format(
                folder=folder))
        else:
            self.say(self.tr("Wrote {n} file(s) to {folder}: {names}").format(
                n=len(written), folder=folder, names=", ".join(p.name for p in written)))
        return written

    def export_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export agreement report to "
                                                                "folder"))
        if folder:
            self.export_folder(Path(folder))

    def say(self, text: str, error: bool = False) -> None:
        """A line above the report: what an export wrote, or what went wrong."""
        self.message.setStyleSheet("color: #B71C1C" if error else "color: #1B5E20")
        self.message.setText(text)
        self.message.setVisible(bool(text))
