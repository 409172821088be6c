"""Project → Hand out copies…: one blind copy per coder, as `annotator assign` writes them.

The lead fills in a form (coders, which articles, the design, the output folder) and sees the
plan before anything is written: per coder how many articles (shared + own), the seed of any
random draw, the file names, and in red any file that already exists. The plan shown is the plan
written: it is computed by the core (:func:`~annotator.core.copies_task.plan_copies_at`, from
the master's path) and handed as is to :func:`~annotator.core.assign.assign_copies`, which runs
off the GUI thread with a progress bar. The form itself is in :mod:`annotator.gui.copies_form`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.assign import AssignReport, CopyPlan, assign_copies
from annotator.core.copies_task import copies_choices, copy_paths, plan_copies_at
from annotator.core.errors import AnnotatorError
from annotator.core.progress import Cancelled
from annotator.gui.copies_form import CopiesForm
from annotator.gui.copies_preview import CopiesPreview
from annotator.gui.task_runner import run_task


class CopiesDialog(QDialog):
    """The form on the left, the live preview of the plan on the right, Write copies."""

    def __init__(self, master_path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.master_path = Path(master_path)
        self.setObjectName("copiesDialog")
        self.setWindowTitle(self.tr("Hand out copies — {0}").format(self.master_path.name))
        self.plan: CopyPlan | None = None
        self.reports: list[AssignReport] = []
        self.form = CopiesForm(copies_choices(self.master_path), self.master_path.parent)
        self.form.changed.connect(self._form_changed)

        self.preview = CopiesPreview(self.form.choices.articles)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.write_button = QPushButton(self.tr("Write copies"))
        self.write_button.setObjectName("writeButton")
        buttons.addButton(self.write_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.write_button.clicked.connect(self.write)
        for button in buttons.buttons():
            button.setAutoDefault(False)  # Enter in a field adds a coder, never writes

        columns = QHBoxLayout()
        columns.addWidget(self.form, 5)
        columns.addWidget(self.preview, 6)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)
        self.resize(1240, 780)
        self.update_preview()

    def _form_changed(self) -> None:
        self.preview.summary.setText("")  # what was written before is not this plan
        self.update_preview()

    # --- the preview ------------------------------------------------------------------------

    def update_preview(self) -> None:
        """Plan again from the form; say what stands in the way of writing, in red."""
        request = self.form.request()
        self.plan, problems = None, list(request.problems)
        if not problems:
            try:
                self.plan = plan_copies_at(
                    self.master_path, request.coders, request.article_ids,
                    sample=request.sample, overlap=request.overlap, seed=request.seed,
                    round=request.round, cues=request.cues)
            except AnnotatorError as exc:
                problems.append(str(exc))
        paths = {} if self.plan is None else copy_paths(
            self.master_path, self.plan.coders, request.out_dir, request.round)
        self.preview.show_plan(self.plan, paths)
        if paths and not request.out_dir.exists():
            self.preview.shared_label.setText("\n".join([
                self.preview.shared_label.text(),
                self.tr("The folder {0} will be made.").format(request.out_dir)]))
        if paths and request.out_dir.exists() and not request.out_dir.is_dir():
            problems.append(self.tr("{0}: is a file, not a folder").format(request.out_dir))
        problems += [self.tr("{0}: already exists; choose another folder or move it away")
                     .format(path) for path in paths.values() if path.exists()]
        self.preview.message.setText("\n".join(problems))
        self.write_button.setEnabled(self.plan is not None and not problems)

    # --- writing ----------------------------------------------------------------------------

    def write(self) -> None:
        """Write the copies of the plan shown, off the GUI thread; then say what was written."""
        plan, request = self.plan, self.form.request()
        if plan is None:
            return
        master = self.master_path
        try:
            self.reports = run_task(
                self, self.tr("Writing copies"),
                lambda progress: assign_copies(master, plan, request.out_dir,
                                               round=request.round, progress=progress))
        except Cancelled:
            self.preview.summary.setText(self.tr("Cancelled; no copy was written."))
            return
        except AnnotatorError as exc:
            self.preview.summary.setText("")
            self.preview.message.setText(str(exc))
            return
        lines = [self.tr("Wrote {0} copies to {1}:").format(len(self.reports), request.out_dir)]
        lines += [self.tr("• {0} for {1}: {2} article(s)").format(
            r.path.name, r.coder, len(r.articles))
            + (self.tr(", {0} without cue underlines").format(len(r.without_cues))
               if r.without_cues else "")
            for r in self.reports]
        if plan.seed is not None:
            lines.append(self.tr("Seed {0}: enter it again to draw the same articles.")
                         .format(plan.seed))
        self.update_preview()  # the files exist now: Write is off until the form changes
        self.preview.message.setText("")  # (they are the ones just written, not a problem)
        self.preview.summary.setText("\n".join(lines))


def hand_out_copies(window: QMainWindow) -> CopiesDialog | None:
    """Project → Hand out copies…: the dialog on the window's project (it does not block)."""
    try:
        dialog = CopiesDialog(window.session.path, window)  # type: ignore[attr-defined]
    except AnnotatorError as exc:  # the master cannot be read
        window._error(str(exc))  # type: ignore[attr-defined]
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
