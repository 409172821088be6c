"""Project → Merge returned copies…: choose the coders' files, see what each would change, merge.

Nothing is written until Merge: every change of the file list previews the merge at once
(:func:`~annotator.core.merge.merge_at` with ``preview=True``: the real merge, rolled back), per
file: its coder(s), new, changed and deleted spans, status changes, answers, conflicts, and in
red the reason a file would be refused. A merge is all or nothing, so Merge stays off while any
file would be refused (remove it, or have the coder send it again). Preview and merge run off
the GUI thread with a progress bar and Cancel; both open the master from its path.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.merge import FileMerge, MergeReport, merge_at
from annotator.core.progress import Cancelled
from annotator.gui.colors import shade
from annotator.gui.task_runner import run_task

RED = QColor("#B00020")
PALE_RED = QColor("#FDE7EA")


class MergeDialog(QDialog):
    """The files on the left, what merging them would do on the right, Merge at the bottom."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        session = window.session  # type: ignore[attr-defined]
        self.master_path = Path(session.path)
        self.read_only = bool(session.read_only)
        self.report: MergeReport | None = None  # the preview, or the merge once done
        self.merged = False
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge returned copies into {0}").format(
            self.master_path.name))

        self.files = QListWidget()
        self.files.setObjectName("mergeFiles")
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # long paths: …/name.annot
        self.files.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        add = QPushButton(self.tr("Add files…"))
        add.setObjectName("addButton")
        add.clicked.connect(self.browse)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeButton")
        self.remove_button.clicked.connect(self.remove_selected)
        self.preview_button = QPushButton(self.tr("Preview again"))
        self.preview_button.setObjectName("previewButton")
        self.preview_button.setToolTip(self.tr("Read the files again (a coder sent a new one)"))
        self.preview_button.clicked.connect(self.preview)
        row = QHBoxLayout()
        for button in (add, self.remove_button, self.preview_button):
            row.addWidget(button)
        row.addStretch(1)
        left = QWidget()
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel(self.tr("Returned copies (.annot files):")))
        side.addWidget(self.files, 1)
        side.addLayout(row)

        self.table = QTableWidget(0, 9)
        self.table.setObjectName("previewTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("File"), self.tr("Coder(s)"), self.tr("New spans"), self.tr("Changed"),
            self.tr("Deleted"), self.tr("Status changes"), self.tr("Answers"),
            self.tr("Conflicts"), self.tr("Refused because")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line a file; the whole reason is in the pane
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._show_detail)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("detailPane")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("Select a file to see its conflicts"))
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.table)
        right.addWidget(self.detail)
        right.setSizes([300, 200])

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([280, 1000])
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.clicked.connect(self.merge)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in buttons.buttons():
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(1280, 560)
        self._update_buttons()
        self.summary.setText(self.tr("Add the files the coders returned; nothing is written "
                                     "until you press Merge."))

    # --- the files ----------------------------------------------------------------------

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def add_paths(self, paths: Iterable[str | Path]) -> None:
        """Add files (each once) and preview them all again."""
        have = set(self.paths())
        new = [Path(p) for p in paths if Path(p) not in have]
        for path in new:
            self.files.addItem(str(path))
            self.files.item(self.files.count() - 1).setToolTip(str(path))
            have.add(path)
        if new:
            self.preview()

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Returned copies"), str(self.master_path.parent),
            self.tr("Project files (*.annot);;All files (*)"))
        self.add_paths(chosen)

    def remove_selected(self) -> None:
        rows = sorted((self.files.row(i) for i in self.files.selectedItems()), reverse=True)
        for row in rows:
            self.files.takeItem(row)
        if rows:
            self.preview()

    # --- preview and merge --------------------------------------------------------------

    def preview(self) -> None:
        """What merging the listed files would do, computed by the real merge, rolled back."""
        self.merged = False
        paths, master = self.paths(), self.master_path
        if not paths:
            self._fill(None)
            self.summary.setText(self.tr("No files to merge."))
            return
        try:
            report = run_task(self, self.tr("Previewing the merge"),
                              lambda progress: merge_at(master, paths, progress, preview=True))
        except Cancelled:
            self._fill(None)
            self.summary.setText(self.tr("Preview cancelled; press Preview again."))
            return
        except AnnotatorError as exc:
            self._fill(None)
            self.summary.setText(str(exc))
            return
        self._fill(report)
        refused = len(report.refused)
        if refused:
            self.summary.setText(self.tr(
                "{0} of {1} file(s) would be refused (in red). A merge takes all files or none: "
                "remove the refused ones to merge the others.").format(refused, len(paths)))
        else:
            self.summary.setText(self._totals(report, self.tr(
                "Preview, nothing written yet: {0} file(s) would bring {1} new span(s), "
                "{2} changed, {3} deleted, {4} status change(s), {5} answer(s), "
                "{6} conflict(s).")))

    def merge(self) -> None:
        """Merge the files previewed, off the GUI thread; then say what it did."""
        if self.report is None or self.report.refused or self.merged:
            return
        paths, master = self.paths(), self.master_path
        try:
            report = run_task(self, self.tr("Merging"),
                              lambda progress: merge_at(master, paths, progress))
        except Cancelled:
            self.summary.setText(self.tr("Merge cancelled; nothing was changed."))
            return
        except AnnotatorError as exc:  # a file changed since the preview, the disk, a lock
            self.report = None
            self._update_buttons()
            self.summary.setText(self.tr("{0}\nNothing was merged; press Preview again to see "
                                         "the files as they are now.").format(exc))
            return
        self._fill(report)
        self.merged = True
        self._update_buttons()
        self.summary.setText(self._totals(report, self.tr(
            "Merged {0} file(s): {1} new span(s), {2} changed, {3} deleted, "
            "{4} status change(s), {5} answer(s), {6} conflict(s).")))
        self.window_.project_changed()  # type: ignore[attr-defined]

    def _totals(self, report: MergeReport, text: str) -> str:
        files = report.files
        return text.format(
            len(files), sum(f.spans.added for f in files), sum(f.spans.changed for f in files),
            sum(f.spans.removed for f in files), sum(f.status_changes for f in files),
            sum(f.answers for f in files), sum(len(f.conflicts) for f in files))

    # --- showing it -----------------------------------------------------------------------

    def _fill(self, report: MergeReport | None) -> None:
        self.report = report
        files = [] if report is None else report.files
        self.table.setRowCount(len(files))
        for row, one in enumerate(files):
            s = one.spans
            numbers = [] if one.refused else [
                s.added, s.changed, s.removed, one.status_changes, one.answers,
                len(one.conflicts)]
            cells = [one.path.name, one.who, *map(str, numbers)]
            cells += [""] * (8 - len(cells)) + [one.refused]
            tip = "\n".join(self._detail_lines(one)[:25])
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if column >= 2 and column < 8:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if one.refused:
                    shade(item, PALE_RED, text=RED)
                self.table.setItem(row, column, item)
        self.detail.setPlainText("")
        if files:
            self.table.selectRow(next((i for i, f in enumerate(files) if f.refused), 0))
        self._update_buttons()

    def _detail_lines(self, one: FileMerge) -> list[str]:
        lines = [str(one.path)]
        if one.refused:
            return lines + [self.tr("Refused: {0}").format(one.refused)]
        s, c = one.spans, one.codes
        lines += [
            self.tr("Coder(s): {0}").format(one.who),
            self.tr("Spans: {0} new, {1} changed, {2} deleted, {3} already merged").format(
                s.added, s.changed, s.removed, s.unchanged),
            self.tr("Deletions of spans the master never had: {0}").format(s.tombstones),
            self.tr("Status changes: {0}").format(one.status_changes),
            self.tr("Answers: {0} new, {1} changed, {2} cleared").format(
                c.added, c.changed, c.removed),
            self.tr("Conflicts (edited in both files; the edit named is kept): {0}")
            .format(len(one.conflicts)),
        ]
        if one.without_cues:
            lines.append(self.tr("Articles its window showed without cue underlines: {0}")
                         .format(one.without_cues))
        return lines + [f"  {text}" for text in one.conflicts]

    def _show_detail(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if self.report is None or len(rows) != 1:
            return
        self.detail.setPlainText("\n".join(self._detail_lines(self.report.files[rows.pop()])))

    def _update_buttons(self) -> None:
        ready = (self.report is not None and bool(self.report.files)
                 and not self.report.refused and not self.merged)
        self.merge_button.setEnabled(ready and not self.read_only)
        self.merge_button.setToolTip(
            self.tr("The project is open read-only") if self.read_only
            else self.tr("Merge the files shown into the project"))
        self.remove_button.setEnabled(self.files.count() > 0)
        self.preview_button.setEnabled(self.files.count() > 0)


def merge_copies(window: QMainWindow) -> MergeDialog:
    """Project → Merge returned copies…: the dialog on the window's project (it does not
    block)."""
    dialog = MergeDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
