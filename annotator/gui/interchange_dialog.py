"""File → Export… and File → Import from another tool…: the app's side of `annotator export`
and `annotator import --from`.

Export offers every format the CLI writes (ours and the other tools', from
:func:`annotator.core.export_files.formats`), a coder or the gold standard, and the output path;
import offers the other tools' formats the project reads. Both run off the GUI thread through
:func:`~annotator.gui.task_runner.run_task` with core functions that open the project by path,
and show the one line the CLI would print. Paths are line edits beside Browse… buttons, so
tests and keyboard users need no file dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
)

from annotator.core.errors import AnnotatorError
from annotator.core.export_files import export_at, formats
from annotator.core.importers import import_at
from annotator.core.interchange import FORMATS
from annotator.gui.path_row import path_row
from annotator.gui.task_runner import run_task

__all__ = ["ExportDialog", "ImportOtherDialog", "export_project", "import_other"]


class _TaskForm(QDialog):
    """A form with a path, a message line in red or green, and Run/Close buttons."""

    def __init__(self, window: QMainWindow, run_text: str) -> None:
        super().__init__(window)
        self.window_ = window
        self.form = QFormLayout()
        self.path = QLineEdit()
        self.path.setObjectName("pathEdit")
        self.browse = QPushButton(self.tr("Browse…"))
        self.message = QLabel()
        self.message.setObjectName("taskMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.run_button = self.buttons.addButton(run_text,
                                                 QDialogButtonBox.ButtonRole.ActionRole)
        self.run_button.setObjectName("runButton")
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def say(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet("color: #2E7D32" if ok else "color: #B00020")
        self.message.setText(text)


class ExportDialog(_TaskForm):
    """objectName ``exportDialog``; ``run()`` writes the export (``result`` holds its line)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window, self.tr("Export"))
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        session = window.session
        self.project_path = Path(session.path)
        self.result = ""
        self.format = QComboBox()
        self.format.setObjectName("formatBox")
        self._suffix: dict[str, str] = {}
        for name, title, suffix in formats():
            self.format.addItem(title, name)
            self._suffix[name] = suffix
        self.coder = QComboBox()
        self.coder.setObjectName("coderBox")
        self.coder.addItem(self.tr("Every coder"), None)
        for name in session.coders():
            self.coder.addItem(name, name)
        self.coder.addItem(self.tr("The gold standard"), "gold")
        self.plain = QCheckBox(self.tr("Text cells exactly as they are (for R and pandas)"))
        self.form.addRow(self.tr("Format:"), self.format)
        self.form.addRow(self.tr("Coder:"), self.coder)
        self.form.addRow(self.tr("Save to:"), path_row(self.path, self.browse))
        self.form.addRow("", self.plain)
        self.format.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.browse.clicked.connect(self._browse)
        self.run_button.clicked.connect(self.run)
        self._format_changed()

    def chosen(self) -> tuple[str, str]:
        """The chosen format's name and the suffix of what it writes ("" for a folder)."""
        name = self.format.currentData()
        return name, self._suffix[name]

    def _format_changed(self) -> None:
        name, suffix = self.chosen()
        self.plain.setEnabled(name in ("csv", "codes"))
        if not self.plain.isEnabled():
            self.plain.setChecked(False)
        stem = self.project_path.with_suffix("")
        self.path.setText(str(stem.parent / f"{stem.name}-{name}{suffix}"))

    def _browse(self) -> None:
        name, suffix = self.chosen()
        if not suffix:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"),
                                                      self.path.text())
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text(),
                                                    f"*{suffix}")
        if chosen:
            self.path.setText(chosen)

    def run(self) -> bool:
        name, _suffix = self.chosen()
        out = self.path.text().strip()
        if not out:
            self.say(self.tr("Choose where to save the export."), ok=False)
            return False
        coder, plain, path = self.coder.currentData(), self.plain.isChecked(), self.project_path
        try:
            self.result = run_task(self, self.tr("Exporting"), lambda progress: export_at(
                path, name, out, coder, plain, progress))
        except AnnotatorError as exc:
            self.say(str(exc), ok=False)
            return False
        self.say(self.result, ok=True)
        return True


class ImportOtherDialog(_TaskForm):
    """objectName ``importOtherDialog``; ``run()`` imports (``report`` holds the result)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window, self.tr("Import"))
        self.setObjectName("importOtherDialog")
        self.setWindowTitle(self.tr("Import from another tool"))
        self.project_path = Path(window.session.path)
        self.report = None
        self.format = QComboBox()
        self.format.setObjectName("formatBox")
        for fmt in FORMATS:
            if fmt.imports:
                self.format.addItem(f"{fmt.title} — {fmt.unit}", fmt.name)
        self.folder = QPushButton(self.tr("Folder…"))
        self.layer = QLineEdit()
        self.layer.setObjectName("layerEdit")
        self.layer.setPlaceholderText(self.tr("the only custom span layer, or Frame"))
        self.layer.setToolTip(self.tr("INCEpTION's span layer to read (--layer): a full type "
                                      "name, or a name under webanno.custom"))
        row = path_row(self.path, self.browse)
        row.layout().addWidget(self.folder)
        self.form.addRow(self.tr("Format:"), self.format)
        self.form.addRow(self.tr("File or folder:"), row)
        self.form.addRow(self.tr("Layer:"), self.layer)
        self.browse.clicked.connect(self._browse)
        self.folder.clicked.connect(self._browse_folder)
        self.format.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.run_button.clicked.connect(self.run)
        self._format_changed()

    def _format_changed(self) -> None:
        inception = self.format.currentData() == "inception"
        self.layer.setEnabled(inception)
        if not inception:
            self.layer.clear()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import from"), self.path.text())
        if chosen:
            self.path.setText(chosen)

    def _browse_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Import from folder"),
                                                  self.path.text())
        if chosen:
            self.path.setText(chosen)

    def run(self) -> bool:
        source, where = self.format.currentData(), self.path.text().strip()
        if not where:
            self.say(self.tr("Choose the file or folder to import."), ok=False)
            return False
        path = self.project_path
        options = {"layer": self.layer.text().strip()} if self.layer.text().strip() else None
        try:
            self.report = run_task(self, self.tr("Importing"), lambda progress: import_at(
                path, [where], progress=progress, source=source, source_options=options))
        except AnnotatorError as exc:
            self.say(str(exc), ok=False)
            return False
        self.say(self.report.summary(), ok=True)
        self.window_.project_changed()
        return True


def export_project(window: QMainWindow) -> ExportDialog:
    """File → Export…: the dialog, shown without blocking the window."""
    dialog = ExportDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def import_other(window: QMainWindow) -> ImportOtherDialog:
    """File → Import from another tool…: the dialog, shown without blocking the window."""
    dialog = ImportOtherDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
