"""Export… of the Agreement window offers an Excel workbook besides the CSV files; the workbook
holds every report file as a sheet and is replaced only when the lead says Yes."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPushButton

from annotator.gui.report_export import export_workbook_to
from tests.gui.test_agreement_window_export import NAMES, answer_overwrite
from tests.gui.test_agreement_window_filters import mark


def agreement_of(qtbot, window):
    project = window.session.project
    tricky = project.articles.find("tricky").id
    mark(project, tricky, "alice", "安全保障上の懸念")
    mark(project, tricky, "bob", "安全保障")
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    qtbot.waitExposed(agreement)
    return agreement


def test_export_button_offers_csv_and_a_workbook(qtbot, window):
    agreement = agreement_of(qtbot, window)
    button = agreement.findChild(QPushButton, "exportButton")
    seen: list[list[str]] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, read_menu)
            return
        seen.append([a.text() for a in menu.actions()])
        qtbot.keyClick(menu, Qt.Key.Key_Escape)

    QTimer.singleShot(0, read_menu)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [["CSV files (into a folder)…", "Excel workbook (.xlsx)…"]]


def test_workbook_has_a_sheet_per_report_file_and_asks_before_replacing(qtbot, window,
                                                                         tmp_path: Path):
    agreement = agreement_of(qtbot, window)
    target = tmp_path / "new folder" / "alpha"  # no folder yet, no extension
    written = export_workbook_to(agreement, target)
    assert written == tmp_path / "new folder" / "alpha.xlsx"
    assert agreement.message.text() == f"Wrote {written}: one sheet per report file."
    book = openpyxl.load_workbook(written)
    assert set(book.sheetnames) == {name[:-4] for name in NAMES}
    titles = {row[1].value for row in list(book["per_article"].iter_rows())[1:]}
    assert "𠮷田さん🇯🇵👨‍👩‍👧" in titles
    assert book["summary"].freeze_panes == "A2"

    written.write_bytes(b"earlier")
    seen: list[str] = []
    answer_overwrite(qtbot, QMessageBox.StandardButton.No, seen)
    assert export_workbook_to(agreement, written) is None
    assert len(seen) == 1 and str(written) in seen[0]
    assert written.read_bytes() == b"earlier"
    assert agreement.message.text().startswith("Nothing written")

    answer_overwrite(qtbot, QMessageBox.StandardButton.Yes, seen)
    assert export_workbook_to(agreement, written) == written
    assert "summary" in openpyxl.load_workbook(written).sheetnames


def test_a_workbook_that_cannot_be_written_says_why(qtbot, window, tmp_path: Path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    agreement = agreement_of(qtbot, window)
    assert export_workbook_to(agreement, blocker / "report.xlsx") is None
    assert agreement.message.isVisibleTo(agreement)
    assert str(blocker) in agreement.message.text()
    assert blocker.read_text(encoding="utf-8") == "not a folder"
