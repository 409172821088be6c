"""Export… of the Agreement window: the report's CSV files into a folder, or the same tables as
one Excel workbook (a sheet per CSV file), never over earlier reports without asking.

The folder is created when missing. If any file the export would write is there already, a
question lists them; No writes nothing. The files are written all or none
(:func:`annotator.core.csvout.write_files`), the workbook whole or not at all
(:func:`annotator.core.xlsx.write_workbook`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.report_files import report_tables, write_report
from annotator.core.reports import AgreementReport

if TYPE_CHECKING:
    from annotator.core.round_trend import TrendRow
    from annotator.gui.agreement_window import AgreementWindow


def tr(text: str) -> str:
    """Bare tr() texts are in the empty context (see annotator.gui.texts)."""
    return QCoreApplication.translate("", text)


def existing_reports(
    report: AgreementReport, folder: Path, trend: Sequence[TrendRow] | None = None
) -> list[Path]:
    """The files of ``report`` (and rounds.csv with a trend) that a write into ``folder``
    would replace."""
    names = list(report_tables(report, trend))
    return [folder / name for name in names if (folder / name).exists()]


def confirm_overwrite(parent: QWidget | None, existing: list[Path]) -> bool:
    """Ask before replacing earlier reports; the answer is No unless the lead says Yes."""
    box = QMessageBox(
        QMessageBox.Icon.Question, tr("Export"),
        tr("{folder} already holds {n} report file(s) of an earlier export:\n\n{names}\n\n"
           "Replace them?").format(folder=existing[0].parent, n=len(existing),
                                   names="\n".join(p.name for p in existing)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("overwriteBox")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def export_report(
    parent: QWidget | None, report: AgreementReport, folder: Path,
    trend: Sequence[TrendRow] | None = None, encoding: str = "utf-8-sig",
) -> list[Path] | None:
    """Write the report's files (rounds.csv too when ``trend`` is given) into ``folder``
    (created if missing); None when the lead chose not to replace earlier files. Raises
    :class:`~annotator.core.errors.AnnotatorError` when the folder cannot be written."""
    existing = existing_reports(report, folder, trend)
    if existing and not confirm_overwrite(parent, existing):
        return None
    return write_report(report, folder, encoding, trend)


def confirm_replace_file(parent: QWidget | None, path: Path) -> bool:
    """Ask before replacing an existing workbook; No unless the lead says Yes."""
    box = QMessageBox(
        QMessageBox.Icon.Question, tr("Export"),
        tr("{file} already exists.\n\nReplace it?").format(file=path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("overwriteBox")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def export_workbook(
    parent: QWidget | None, report: AgreementReport, path: Path,
    trend: Sequence[TrendRow] | None = None,
) -> Path | None:
    """Write the report as one workbook at ``path`` (``.xlsx`` added when missing; its folder
    created); None when the lead chose not to replace an existing file. Raises
    :class:`~annotator.core.errors.AnnotatorError` when it cannot be written."""
    from annotator.core.xlsx import write_workbook

    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    if path.exists() and not confirm_replace_file(parent, path):
        return None
    return write_workbook(path, report_tables(report, trend))


def export_workbook_to(window: AgreementWindow, path: Path) -> Path | None:
    """The Agreement window's Excel workbook export once the file is chosen: asks before
    replacing it, says on the window what it wrote or why not (None: nothing written)."""
    try:
        written = export_workbook(window, window.report, path, window.exported_trend)
    except AnnotatorError as exc:
        window.say(str(exc), error=True)
        return None
    if written is None:
        window.say(tr("Nothing written: the earlier workbook {file} is kept.").format(file=path))
    else:
        window.say(tr("Wrote {file}: one sheet per report file.").format(file=written))
    return written


def choose_workbook(window: AgreementWindow) -> None:
    """Ask for the workbook's name (the system's file dialog), then export to it."""
    name, _ = QFileDialog.getSaveFileName(
        window, tr("Export agreement report as Excel workbook"), "report.xlsx",
        tr("Excel workbook (*.xlsx)"))
    if name:
        export_workbook_to(window, Path(name))


def export_menu(window: AgreementWindow) -> QMenu:
    """The Export button's menu: the CSV files into a folder, or one Excel workbook."""
    menu = QMenu(window)
    menu.setObjectName("exportMenu")
    csv_files = menu.addAction(tr("CSV files (into a folder)…"))
    csv_files.setObjectName("exportCsv")
    csv_files.triggered.connect(window.export_dialog)
    workbook = menu.addAction(tr("Excel workbook (.xlsx)…"))
    workbook.setObjectName("exportXlsx")
    workbook.triggered.connect(lambda: choose_workbook(window))
    return menu
