"""File → New project…: a new project file from the default framing schema or a schema file.

The dialog checks as the lead types, in the words of ``annotator new`` (both go through
:mod:`annotator.core.new_project`): a schema file's first problem, or a file that already
exists, shows in red under the fields and OK stays disabled until it is gone. Paths are
line edits beside their Browse… buttons, so tests (and keyboard users) need no file dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.new_project import (
    create_project,
    new_project_problem,
    project_file_name,
)
from annotator.core.schema import default_schema, load_schema
from annotator.gui.path_row import path_row

__all__ = ["NewProjectDialog", "new_project"]


class NewProjectDialog(QDialog):
    """The form; OK creates the file (``created`` is then its path, ``summary`` what
    ``annotator new`` would print) and the dialog closes."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newProjectDialog")
        self.setWindowTitle(self.tr("New project"))
        self.folder = folder
        self.created: Path | None = None
        self.summary = ""
        self.problem = ""

        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("projectPath")
        self.path_edit.setPlaceholderText(self.tr("study.annot (.annot is added when no suffix)"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("browseProject")
        browse.clicked.connect(self._browse_project)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("projectName")
        self.name_edit.setPlaceholderText(self.tr("default: the file name"))

        self.default_radio = QRadioButton(self.tr("Default framing schema"))
        self.default_radio.setObjectName("defaultSchema")
        self.default_radio.setChecked(True)
        self.file_radio = QRadioButton(self.tr("Schema file:"))
        self.file_radio.setObjectName("schemaFileChoice")
        self.schema_edit = QLineEdit()
        self.schema_edit.setObjectName("schemaFile")
        self.schema_edit.setPlaceholderText(self.tr("schema.json"))
        schema_browse = QPushButton(self.tr("Browse…"))
        schema_browse.setObjectName("browseSchema")
        schema_browse.clicked.connect(self._browse_schema)
        self.schema_info = QLabel()
        self.schema_info.setObjectName("schemaInfo")
        self.schema_info.setWordWrap(True)
        self.schema_info.setStyleSheet("color: palette(mid)")

        self.message = QLabel()
        self.message.setObjectName("problemLabel")
        self.message.setStyleSheet("color: #B00020")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_box = QCheckBox(self.tr("Open the new project when it is created"))
        self.open_box.setObjectName("openNewProject")
        self.open_box.setChecked(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Project file:"), path_row(self.path_edit, browse))
        form.addRow(self.tr("Project name:"), self.name_edit)
        form.addRow(self.tr("Schema:"), self.default_radio)
        form.addRow("", self.file_radio)
        form.addRow("", path_row(self.schema_edit, schema_browse))
        form.addRow("", self.schema_info)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.open_box)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

        for edit in (self.path_edit, self.schema_edit):
            edit.textChanged.connect(self.check)
        self.schema_edit.textChanged.connect(lambda text: text and self.file_radio.setChecked(True))
        self.default_radio.toggled.connect(self.check)
        self.check()

    # --- what the fields say ------------------------------------------------------------

    def project_path(self) -> Path | None:
        """The file to create, ``.annot`` added, relative to the open project's folder."""
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return project_file_name(path if path.is_absolute() else self.folder / path)

    def schema_file(self) -> Path | None:
        text = self.schema_edit.text().strip()
        if self.default_radio.isChecked() or not text:
            return None
        path = Path(text).expanduser()
        return path if path.is_absolute() else self.folder / path

    def check(self) -> bool:
        """Say the first problem (red, one line) and enable Create only when there is none."""
        problem = ""
        try:
            if self.file_radio.isChecked():
                schema_file = self.schema_file()
                if schema_file is None:
                    raise AnnotatorError(self.tr("Give a schema file, or choose the default schema"))
                schema = load_schema(schema_file)
            else:
                schema = default_schema()
            labels = ", ".join(f"{lab.key}={lab.id}" for lab in schema.labels)
            self.schema_info.setText(self.tr("schema '{name}' ({labels})").format(
                name=schema.name, labels=labels))
        except AnnotatorError as exc:
            self.schema_info.setText("")
            problem = str(exc)
        path = self.project_path()
        if not problem and path is not None:
            problem = new_project_problem(path)
        self._say(problem)
        ready = not problem and path is not None
        self.ok_button.setEnabled(ready)
        return ready

    def _say(self, problem: str) -> None:
        self.problem = problem
        self.message.setToolTip(problem)
        width = max(self.message.width(), 560)
        self.message.setText(self.message.fontMetrics().elidedText(
            problem, Qt.TextElideMode.ElideMiddle, width))

    # --- buttons ------------------------------------------------------------------------

    def _browse_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New project file"), str(self.folder),
            self.tr("Framing Annotator projects (*.annot)"))
        if path:
            self.path_edit.setText(str(project_file_name(path)))

    def _browse_schema(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Schema file"), str(self.folder), self.tr("Schema files (*.json)"))
        if path:
            self.file_radio.setChecked(True)
            self.schema_edit.setText(path)

    def accept(self) -> None:
        """Create the file; a problem found only now (the disk) stays in the dialog."""
        if not self.check():
            return
        path = self.project_path()
        try:
            self.summary = create_project(path, self.schema_file(), self.name_edit.text().strip())
        except AnnotatorError as exc:
            self._say(str(exc))
            return
        self.created = path
        super().accept()


def open_created(window: QWidget, path: Path) -> QWidget | None:
    """Open the new project: the coder's window reopens on it as the same coder (and closes);
    from the lead's window it opens in a new lead's window beside it."""
    if hasattr(window, "open_project_file"):
        return window.open_project_file(path, window.session.coder)
    from annotator.gui.app import LEAD_ROLE, open_project_window

    try:
        return open_project_window(path, LEAD_ROLE)
    except AnnotatorError as exc:
        window._error(str(exc))
        return None


def new_project(window: QWidget) -> None:
    """File → New project… (the entry the menu calls)."""
    dialog = NewProjectDialog(window.session.path.parent, window)
    if dialog.exec() and dialog.created is not None:
        window.statusBar().showMessage(dialog.summary, 8000)
        if dialog.open_box.isChecked():
            open_created(window, dialog.created)
