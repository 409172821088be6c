"""Project → Progress: how far each coder is, round by round and over all articles.

A lead checks this between merges, so the dialog is not modal: it stays open beside the window
and Refresh re-reads the numbers (after a merge, say). The numbers come from
``session.progress()`` (:class:`~annotator.core.coder_progress.ProgressRow`), nothing is counted
here. One cell per coder and round reads "12 ● · 3 ◐ · 5 ○": done, in progress, not started.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.coder_progress import ProgressRow
from annotator.core.errors import AnnotatorError
from annotator.gui.colors import shade
from annotator.gui.status_marks import STATUS_MARK, legend

ALL_DONE = QColor("#C8E6C9")  # every article of the round done
STARTED = QColor("#FFF59D")  # some done or in progress


class _Source(Protocol):
    name: str

    def progress(self) -> list[ProgressRow]: ...


def cell_text(row: ProgressRow) -> str:
    """'12 ● · 3 ◐ · 5 ○' (done, in progress, not started)."""
    mark = STATUS_MARK
    return (f"{row.done} {mark['done']} · {row.in_progress} {mark['in_progress']} · "
            f"{row.not_started} {mark['not_started']}")


def columns(rows: Sequence[ProgressRow]) -> list[str | None]:
    """The round columns in the order the rows give them, with None ("All articles") first."""
    seen: list[str | None] = [None]
    for row in rows:
        if row.round not in seen:
            seen.append(row.round)
    return seen


class ProgressDialog(QDialog):
    """The coders-by-rounds table with a Refresh button (see the module docstring)."""

    def __init__(self, read: Callable[[], list[ProgressRow]], title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._read = read
        self.setObjectName("progressDialog")
        self.setWindowTitle(self.tr("Progress — {0}").format(title))
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("progressTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(True)
        self.legend = QLabel(legend() + self.tr("; a round's column counts only its "
                                                 "articles"))
        self.legend.setWordWrap(True)
        self.message = QLabel("")
        self.message.setObjectName("progressMessage")
        self.message.setStyleSheet("color: #B00020")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refreshButton")
        self.refresh_button.setToolTip(self.tr("Read the numbers again (after a merge)"))
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.clicked.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.legend)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.refresh()
        self._fit()

    def refresh(self) -> None:
        """Read the numbers again and fill the table."""
        try:
            rows = self._read()
        except AnnotatorError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText("" if rows else self.tr(
            "No coder has worked on this project yet: coders appear when their copies are "
            "merged (Project → Merge returned copies…)"))
        self.fill(rows)

    def fill(self, rows: Sequence[ProgressRow]) -> None:
        rounds = columns(rows)
        coders = list(dict.fromkeys(row.coder for row in rows))
        by_key = {(row.coder, row.round): row for row in rows}
        table = self.table
        table.clear()
        table.setRowCount(len(coders))
        table.setColumnCount(len(rounds))
        totals = {r.round: r.total for r in rows}
        headers = []
        for name in rounds:
            shown = self.tr("All articles") if name is None else name
            headers.append(self.tr("{0}\n({1} articles)").format(shown, totals.get(name, 0)))
        table.setHorizontalHeaderLabels(headers)
        table.setVerticalHeaderLabels(coders)
        for r, coder in enumerate(coders):
            for c, name in enumerate(rounds):
                row = by_key.get((coder, name))
                table.setItem(r, c, self._cell(row, coder, name))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _fit(self) -> None:
        """A size that shows every column and row without empty acres (up to a screenful)."""
        table = self.table
        width = table.verticalHeader().sizeHint().width() + 150 * max(1, table.columnCount())
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        height = (table.horizontalHeader().sizeHint().height() + max(rows, 60)
                  + 2 * table.frameWidth())
        table.setMinimumHeight(min(height, 520))
        self.resize(max(480, min(width + 40, 1200)), self.minimumSizeHint().height())

    def _cell(self, row: ProgressRow | None, coder: str, name: str | None) -> QTableWidgetItem:
        if row is None:
            item = QTableWidgetItem("—")
            item.setToolTip(self.tr("No numbers for {0} here").format(coder))
        else:
            item = QTableWidgetItem(cell_text(row))
            where = self.tr("all articles") if name is None else name
            item.setToolTip(self.tr(
                "{0}, {1}: {2} done, {3} in progress, {4} not started, of {5}").format(
                coder, where, row.done, row.in_progress, row.not_started, row.total))
            if row.total and row.done == row.total:
                shade(item, ALL_DONE)
            elif row.done or row.in_progress:
                shade(item, STARTED)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        return item


def show_progress(window: QMainWindow) -> ProgressDialog:
    """Project → Progress: open (or raise and refresh) the window's progress dialog."""
    dialog = getattr(window, "progress_dialog", None)
    if isinstance(dialog, ProgressDialog):  # closed dialogs are hidden, not deleted: reuse it
        dialog.refresh()
    else:
        session: _Source = window.session  # type: ignore[attr-defined]
        dialog = ProgressDialog(session.progress, session.name, window)
        window.progress_dialog = dialog  # type: ignore[attr-defined]
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
