"""Tools → Reliability report… of the coder's and the lead's window: write the one-file HTML
report (:mod:`annotator.core.html_report`) of the window's project, then offer to open it.

The report is computed off the GUI thread (:func:`~annotator.gui.task_runner.run_task`) by a
core function that opens the project from its path, read-only. matplotlib is an optional extra
the coders' bundle leaves out: without it the menu entry says so in one line and opens nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.html_report import write_html_report
from annotator.core.progress import Cancelled
from annotator.core.report_figures import require_matplotlib
from annotator.gui.path_row import path_row
from annotator.gui.task_runner import run_task


class ReportDialog(QDialog):
    """Output file, language, round, bootstrap resamples and seed; Write; then Open report."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("reportDialog")
        session = window.session  # type: ignore[attr-defined]
        self.project_path = Path(session.path)
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Reliability report of {0}").format(self.project_path.name))

        self.out = QLineEdit(str(self.project_path.with_name(
            f"{self.project_path.stem}-report.html")))
        self.out.setObjectName("reportOut")
        self.out.setMinimumWidth(420)
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("browseButton")
        browse.clicked.connect(self.browse)

        self.lang = QComboBox()
        self.lang.setObjectName("reportLang")
        for code, text in (("both", self.tr("Japanese and English")),
                           ("ja", self.tr("Japanese")), ("en", self.tr("English"))):
            self.lang.addItem(text, code)
        self.round = QComboBox()
        self.round.setObjectName("reportRound")
        self.round.addItem(self.tr("All articles"), None)
        for found in session.rounds():
            self.round.addItem(found.name, found.name)
        self.bootstrap = QSpinBox()
        self.bootstrap.setObjectName("reportBootstrap")
        self.bootstrap.setRange(0, 100_000)
        self.bootstrap.setSingleStep(500)
        self.bootstrap.setValue(2000)
        self.bootstrap.setSpecialValueText(self.tr("0 (no intervals)"))
        self.seed = QLineEdit()
        self.seed.setObjectName("reportSeed")
        self.seed.setValidator(QIntValidator(0, 2_147_483_647, self))
        self.seed.setPlaceholderText(self.tr("drawn, and written in the report"))

        form = QFormLayout()
        form.addRow(self.tr("Report file:"), path_row(self.out, browse))
        form.addRow(self.tr("Language:"), self.lang)
        form.addRow(self.tr("Articles:"), self.round)
        form.addRow(self.tr("Bootstrap resamples:"), self.bootstrap)
        form.addRow(self.tr("Seed:"), self.seed)

        self.message = QLabel(self.tr(
            "One HTML file that opens offline in any browser: alpha with its interval per "
            "frame and variable, rounds, coder by coder, gold, disagreements and a methods "
            "paragraph."))
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.write_button = QPushButton(self.tr("Write report"))
        self.write_button.setObjectName("writeButton")
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.write)
        self.open_button = QPushButton(self.tr("Open report"))
        self.open_button.setObjectName("openButton")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_report)
        buttons.addButton(self.write_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the reliability report"), self.out.text(),
            self.tr("HTML files (*.html)"))
        if path:
            self.out.setText(path)

    def write(self) -> Path | None:
        """Write the report off the GUI thread; on success enable Open report."""
        text = self.out.text().strip()
        if not text:
            self.message.setText(self.tr("Choose the file to write the report to."))
            return None
        out = Path(text)
        if out.suffix.lower() not in (".html", ".htm"):
            out = out.with_name(out.name + ".html")
            self.out.setText(str(out))
        seed = int(self.seed.text()) if self.seed.text() else None
        lang, round_name, bootstrap = (self.lang.currentData(), self.round.currentData(),
                                       self.bootstrap.value())
        path = self.project_path
        try:
            result = run_task(self, self.tr("Writing the reliability report"), lambda progress:
                              write_html_report(path, out, None, round_name, lang, bootstrap,
                                                seed, progress))
        except Cancelled:
            self.message.setText(self.tr("Cancelled; no report was written."))
            return None
        except AnnotatorError as exc:
            self.message.setText(str(exc))
            return None
        self.written = out
        self.open_button.setEnabled(True)
        intervals = (self.tr("bootstrap {0} (seed {1})").format(result.bootstrap_b, result.seed)
                     if result.bootstrap_b else self.tr("no intervals"))
        self.message.setText(self.tr("Wrote {0}: {1} coder(s), {2} article(s), {3}.").format(
            out, len(result.coders), result.n_articles, intervals))
        return out

    def open_report(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))


def reliability_report(window: Any) -> ReportDialog | None:
    """Tools → Reliability report…: the dialog, or one line saying matplotlib is missing."""
    try:
        require_matplotlib()
    except AnnotatorError as exc:
        window._error(str(exc))
        return None
    dialog = ReportDialog(window)
    dialog.show()
    return dialog
