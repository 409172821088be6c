"""Export… of the Agreement window: the report's CSV files into a folder, never over earlier
reports without asking.

The folder is created when missing. If any file the export would write is there already, a
question lists them; No writes nothing. The files are written all or none
(:func:`annotator.core.csvout.write_files`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.core.report_files import report_tables, write_report
from annotator.core.reports import AgreementReport

if TYPE_CHECKING:
    from annotator.core.round_trend import TrendRow


def tr(text: str) -> str:
    return QCoreApplication.translate("ReportExport", text)


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
