"""Project → Import articles…: choose files and folders, see what the import will store, import.

The preview reads every file without writing (:mod:`annotator.core.import_preview`) and lists
every article: its origin, the encoding found, the characters kept, the title and whether it is
new, already in the project or in error. Selecting one shows its text with the proposed
clean-up; the lead can change its kept lines, its title, leave it out, or read its file in
another encoding. Import runs :func:`~annotator.core.importers.import_at` off the GUI thread
with exactly those choices, behind a progress bar whose Cancel stores nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.import_preview import preview_import
from annotator.core.import_text import ArticleChoice
from annotator.core.importers import ImportReport, import_at
from annotator.core.progress import Cancelled
from annotator.gui.import_article_panel import ArticlePanel
from annotator.gui.import_paths import PathsBox
from annotator.gui.import_preview_model import ImportPreviewModel
from annotator.gui.task_runner import run_task

__all__ = ["ImportDialog", "import_articles"]


class ImportDialog(QDialog):
    """The import preview of ``window``'s project (``window.session.path``); after an import
    ``report`` is the import's report and ``window.project_changed()`` has been called."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window_ = window
        self.project_path = Path(window.session.path)
        self.encodings: dict[str, str] = {}  # file -> encoding the lead chose
        self.report: ImportReport | None = None
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import articles"))
        self.model = ImportPreviewModel()

        self.paths_box = PathsBox(self.project_path.parent)
        self.paths_box.changed.connect(self.read_files)
        self.path_edit = self.paths_box.path_edit
        self.clean_box = QCheckBox(self.tr("Clean up scraped pages (navigation, copies, other "
                                           "stories after the article)"))
        self.clean_box.setObjectName("cleanPages")
        self.clean_box.setChecked(True)
        self.clean_box.toggled.connect(self._clean_toggled)

        self.table = QTableView()
        self.table.setObjectName("importTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.panel = ArticlePanel()
        self.panel.lines_changed.connect(self._lines_changed)
        self.panel.title_edited.connect(self._title_edited)
        self.panel.skip_toggled.connect(self._skip_toggled)
        self.panel.encoding_chosen.connect(self._encoding_chosen)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.panel)
        splitter.setSizes([620, 640])

        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("importError")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B00020")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report_view = QPlainTextEdit()
        self.report_view.setObjectName("importReport")
        self.report_view.setReadOnly(True)
        self.report_view.setMaximumHeight(110)
        self.report_view.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.import_button = buttons.addButton(self.tr("Import"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.run_import)

        layout = QVBoxLayout(self)
        layout.addWidget(self.paths_box)
        layout.addWidget(self.clean_box)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.report_view)
        layout.addWidget(buttons)
        for button in buttons.buttons():  # Enter in the path field adds the path, no more
            button.setAutoDefault(False)
        self.resize(1280, 820)
        self._update_summary()

    # --- the files ----------------------------------------------------------------------

    def paths(self) -> list[str]:
        return self.paths_box.paths()

    def add_paths(self, paths: list[str | Path]) -> None:
        """Add files or folders to the list and read them all again."""
        self.paths_box.add(paths)

    def read_files(self) -> None:
        """Read every listed path (off the GUI thread), keeping the lead's choices."""
        self.message.clear()
        paths = self.paths()
        if not paths:
            self.model.set_preview(None)
        else:
            try:
                preview = run_task(self, self.tr("Reading the files"), lambda progress:
                                   preview_import(self.project_path, paths, self.encodings,
                                                  progress))
            except AnnotatorError as exc:
                preview = None
                self.message.setText(str(exc))
            self.model.set_preview(preview)
        self._after_reset(None)

    def _after_reset(self, origin: str | None) -> None:
        """Select ``origin`` again (or the first row), size the columns, update the summary."""
        row = self.model.row_of(origin) if origin else -1
        if self.model.rowCount():
            self.table.resizeColumnsToContents()
            for column, most in ((self.model.ORIGIN, 200), (self.model.STATE, 220),
                                 (self.model.TITLE, 300)):
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), most))
            self.table.selectionModel().setCurrentIndex(
                self.model.index(max(row, 0), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self._show_current()

    # --- one article --------------------------------------------------------------------

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _show_current(self) -> None:
        row = self.current_row()
        if row < 0 or row >= self.model.rowCount():
            self.panel.show_article(None, None, self.model.clean, "")
        else:
            article = self.model.article(row)
            self.panel.show_article(article, self.model.outcomes[row], self.model.clean,
                                    self.model.states[row], self.encodings.get(article.file, ""))
        self._update_summary()

    def _change(self, **changes) -> None:
        """Change the current article's choice (lines, title, skip) and show the result."""
        row = self.current_row()
        if row < 0:
            return
        origin = self.model.article(row).origin
        old = self.model.choices.get(origin, ArticleChoice())
        choice = ArticleChoice(**{"lines": old.lines, "title": old.title, "skip": old.skip,
                                  **changes})
        self.model.set_choice(origin, choice)
        self._show_current()

    def _lines_changed(self, first: int, last: int) -> None:
        row = self.current_row()
        if row < 0:
            return
        outcome = self.model.outcomes[row]
        old = self.model.choices.get(self.model.article(row).origin)
        # the title shown stays when only the lines change (not the first kept line's)
        title = old.title if old is not None and old.title is not None else outcome.title
        self._change(lines=(first, max(first, last)), title=title or None)

    def _title_edited(self, title: str) -> None:
        self._change(title=title)

    def _skip_toggled(self, skip: bool) -> None:
        self._change(skip=skip)

    def _encoding_chosen(self, encoding: str) -> None:
        """Read the current article's file again in ``encoding`` ('' = detect)."""
        row = self.current_row()
        if row < 0 or self.model.preview is None:
            return
        article = self.model.article(row)
        if encoding:
            self.encodings[article.file] = encoding
        else:
            self.encodings.pop(article.file, None)
        self.model.preview.reread(article.file, encoding or None)
        self.model.set_preview(self.model.preview)
        self._after_reset(article.origin)

    def _clean_toggled(self, clean: bool) -> None:
        self.model.set_clean(clean)
        self._show_current()

    def _update_summary(self) -> None:
        counts = self.model.counts()
        self.summary.setText(self.tr(
            "{new} new, {known} already in the project or repeated, {skipped} left out, "
            "{error} with errors").format(**counts)
            + "".join(f"\n{note}" for note in (self.model.preview.notes
                                                 if self.model.preview else [])))
        self.import_button.setEnabled(counts["new"] > 0 and counts["error"] == 0)
        self.import_button.setToolTip(
            self.tr("Leave out the articles with errors, or set their file's encoding")
            if counts["error"] else "")

    # --- the import ---------------------------------------------------------------------

    def run_import(self) -> None:
        """Import with the choices shown; on success show the report and read the files again
        (the imported articles are now in the project)."""
        paths, clean = self.paths(), self.clean_box.isChecked()
        choices, encodings = dict(self.model.choices), dict(self.encodings)
        self.message.clear()
        try:
            report = run_task(self, self.tr("Importing"), lambda progress: import_at(
                self.project_path, paths, clean=clean, choices=choices, encodings=encodings,
                progress=progress))
        except Cancelled:
            self.message.setText(self.tr("Import cancelled; nothing was stored."))
            return
        except AnnotatorError as exc:
            self.message.setText(str(exc))
            return
        self.report = report
        self.report_view.setPlainText(report.summary())
        self.report_view.show()
        self.window_.project_changed()
        self.read_files()


def import_articles(window: QWidget) -> None:
    """Project → Import articles… (the entry the menu calls)."""
    ImportDialog(window).exec()
