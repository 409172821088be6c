"""Project → Import articles…: the preview driven with keys and clicks on real files, then the
import (and its Cancel) into a real project file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from annotator.core.new_project import create_project
from annotator.core.store import Project
from annotator.core.text import normalize_text
from annotator.gui.import_dialog import ImportDialog
from annotator.gui.task_runner import TaskDialog

SEED_0 = "000_fb971bd7b072aebd"
SEED_3 = "003_93ad8a1bf324f6e8"
HEADLINE_0 = "論評:NVIDIAの黄仁勳氏、米政府に「H200」輸出認可を要請 中国は慎重姿勢を崩さず"


def lines_of(path: Path, first: int, last: int) -> str:
    return "\n".join(normalize_text(path.read_text(encoding="utf-8")).split("\n")[first - 1:last])


def stored(path: Path) -> dict[str, tuple[str, str]]:
    with Project.open(path, read_only=True) as project:
        return {a.external_id: (project.articles.get(a.id).text, a.title)
                for a in project.articles.summaries()}


@pytest.fixture
def lead_window(qtbot, tmp_path: Path):
    """The main window on a new, empty project."""
    from annotator.gui.app import build_main_window

    path = tmp_path / "study.annot"
    create_project(path)
    window = build_main_window(path, "alice")
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def importer(qtbot, window, *paths: Path) -> ImportDialog:
    """The dialog, with ``paths`` typed into its path field (Enter after each)."""
    dialog = ImportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for path in paths:
        qtbot.keyClicks(dialog.path_edit, str(path))
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    return dialog


def click_row(qtbot, dialog: ImportDialog, row: int) -> None:
    index = dialog.model.index(row, dialog.model.TITLE)
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.table.visualRect(index).center())
    assert dialog.current_row() == row


def cell(dialog: ImportDialog, row: int, column: int) -> str:
    return dialog.model.index(row, column).data()


def retype(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_the_seeds_cleaned_then_imported(qtbot, lead_window, seed_files: list[Path]) -> None:
    dialog = importer(qtbot, lead_window, *seed_files)
    assert dialog.paths() == [str(p) for p in seed_files]
    assert dialog.clean_box.isChecked()
    assert [cell(dialog, r, dialog.model.ORIGIN) for r in (0, 1)] == [p.name for p in seed_files]
    assert [cell(dialog, r, dialog.model.ENCODING) for r in (0, 1)] == ["utf-8", "utf-8"]
    assert [cell(dialog, r, dialog.model.STATE) for r in (0, 1)] == ["new", "new"]
    assert cell(dialog, 0, dialog.model.TITLE) == HEADLINE_0
    assert cell(dialog, 1, dialog.model.TITLE) == lines_of(seed_files[1], 2, 2)
    assert cell(dialog, 1, dialog.model.CHARS) == f"{len(lines_of(seed_files[1], 2, 15)):,}"

    panel = dialog.panel  # the first row is shown: its clean-up on the text
    assert (panel.first.value(), panel.last.value()) == (2, 19)
    assert panel.title.text() == HEADLINE_0
    shown = panel.view.toHtml()
    assert "lines 1-1 removed (54 characters): navigation before the headline" in shown
    assert "lines 20-42 removed" in shown and "更多新聞請搜尋" in shown
    assert "line-through" in shown and "headline" in shown
    click_row(qtbot, dialog, 1)
    assert (panel.first.value(), panel.last.value()) == (2, 15)
    assert panel.title.text() == lines_of(seed_files[1], 2, 2)
    assert "a copy of the article run together on one line" in panel.view.toHtml()

    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == ""
    assert len(dialog.report.added) == 2
    assert dialog.report_view.isVisible()
    assert "lines 1-1 (54 chars, navigation before the headline)" in dialog.report_view.toPlainText()
    texts = stored(lead_window.session.path)
    assert texts[SEED_0] == (lines_of(seed_files[0], 2, 19), HEADLINE_0)
    assert texts[SEED_3] == (lines_of(seed_files[1], 2, 15), lines_of(seed_files[1], 2, 2))
    assert lead_window.articles.model.rowCount() == 2  # project_changed() was called
    # read again: both are in the project now, and there is nothing left to import
    assert [cell(dialog, r, dialog.model.STATE) for r in (0, 1)] == [
        f"already in the project as {SEED_0}", f"already in the project as {SEED_3}"]
    assert not dialog.import_button.isEnabled()


def test_lines_and_title_edited_for_one_article(qtbot, lead_window,
                                                seed_files: list[Path]) -> None:
    dialog = importer(qtbot, lead_window, *seed_files)
    click_row(qtbot, dialog, 0)
    retype(qtbot, dialog.panel.last, "5")
    retype(qtbot, dialog.panel.first, "3")
    retype(qtbot, dialog.panel.title, "H200 export permit")
    assert (dialog.panel.first.value(), dialog.panel.last.value()) == (3, 5)
    assert cell(dialog, 0, dialog.model.TITLE) == "H200 export permit"
    assert cell(dialog, 0, dialog.model.CHARS) == f"{len(lines_of(seed_files[0], 3, 5)):,}"
    assert "outside the lines you keep" in dialog.panel.view.toHtml()  # line 2 is the lead's cut
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    texts = stored(lead_window.session.path)
    assert texts[SEED_0] == (lines_of(seed_files[0], 3, 5), "H200 export permit")
    assert texts[SEED_3][0] == lines_of(seed_files[1], 2, 15)  # the other one as proposed


def test_clean_up_turned_off_keeps_the_pages_whole(qtbot, lead_window,
                                                   seed_files: list[Path]) -> None:
    dialog = importer(qtbot, lead_window, seed_files[0])
    qtbot.mouseClick(dialog.clean_box, Qt.MouseButton.LeftButton,
                     pos=dialog.clean_box.rect().topLeft() + dialog.clean_box.rect().center() / 4)
    assert not dialog.clean_box.isChecked()
    assert (dialog.panel.first.value(), dialog.panel.last.value()) == (1, 42)
    assert "removed" not in dialog.panel.view.toPlainText()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    text = normalize_text(seed_files[0].read_text(encoding="utf-8"))
    assert stored(lead_window.session.path)[SEED_0][0] == text


def test_a_file_read_in_the_encoding_the_lead_sets(qtbot, lead_window, tmp_path: Path) -> None:
    text = "中国の国産化\n半導体の輸出規制が続く。"
    euc = tmp_path / "euc.txt"
    euc.write_bytes(text.encode("euc-jp"))
    dialog = importer(qtbot, lead_window, euc)
    assert cell(dialog, 0, dialog.model.ENCODING) == "euc-jp"
    combo = dialog.panel.encoding
    assert combo.currentText() == "detected: euc-jp"
    combo.setFocus()
    qtbot.keyClicks(combo, "utf-8")  # the lead picks UTF-8: the file is read again, and fails
    assert combo.currentData() == "utf-8"
    assert cell(dialog, 0, dialog.model.STATE).startswith(f"error: {euc}: is not valid utf-8")
    assert not dialog.import_button.isEnabled()
    assert "1 with errors" in dialog.summary.text()
    qtbot.wait(QApplication.keyboardInputInterval() + 100)  # a new keyboard search
    qtbot.keyClicks(combo, "euc")
    assert combo.currentData() == "euc-jp"
    assert cell(dialog, 0, dialog.model.STATE) == "new"
    assert dialog.encodings == {str(euc): "euc-jp"}
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.report.encodings == {str(euc): "euc-jp"}
    assert stored(lead_window.session.path)["euc"][0] == text


def test_texts_already_in_the_project(qtbot, window, seed_files: list[Path]) -> None:
    """The shared window's project has 003 from line 2 (what the clean-up keeps) and 000 cut at
    its marker (with the breadcrumb line the clean-up removes)."""
    dialog = importer(qtbot, window, *seed_files)
    assert cell(dialog, 1, dialog.model.STATE) == f"already in the project as {SEED_3}"
    assert cell(dialog, 0, dialog.model.STATE).startswith(
        f"error: {seed_files[0]}: id '{SEED_0}' is already used by another article")
    assert not dialog.import_button.isEnabled()
    click_row(qtbot, dialog, 0)
    qtbot.mouseClick(dialog.panel.skip, Qt.MouseButton.LeftButton,
                     pos=dialog.panel.skip.rect().center() / 4)
    assert cell(dialog, 0, dialog.model.STATE) == "skipped"
    assert dialog.summary.text().startswith(
        "0 new, 1 already in the project or repeated, 1 left out, 0 with errors")
    assert not dialog.import_button.isEnabled()  # nothing new to import


def test_cancel_halfway_stores_nothing(qtbot, lead_window, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for k in range(400):
        (folder / f"{k:03}.txt").write_text(
            f"記事{k}の見出し\n米中の半導体をめぐる対立は{k}日目に入った。輸出規制が続く。\n",
            encoding="utf-8")
    dialog = importer(qtbot, lead_window, folder)
    assert dialog.model.rowCount() == 400 and dialog.import_button.isEnabled()
    seen: list[tuple[int, int]] = []

    def cancel_halfway() -> None:
        task = next((t for t in dialog.findChildren(TaskDialog)
                     if t.windowTitle() == "Importing" and t.isVisible()), None)
        if task is None or task.value() < 20:
            QTimer.singleShot(2, cancel_halfway)
            return
        seen.append((task.value(), task.maximum()))
        qtbot.mouseClick(task.findChild(QPushButton), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, cancel_halfway)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    value, maximum = seen[0]
    assert maximum == 400 and 20 <= value < 400  # the bar moved, and Cancel came before the end
    assert dialog.message.text() == "Import cancelled; nothing was stored."
    assert dialog.report is None
    assert stored(lead_window.session.path) == {}
    assert cell(dialog, 0, dialog.model.STATE) == "new"


def test_the_project_menu_opens_it(qtbot, lead_window) -> None:
    seen: list[object] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, close_it)
            return
        seen.append(dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, close_it)
    lead_window.lead_actions["importAction"].trigger()
    assert isinstance(seen[0], ImportDialog)
    assert seen[0].windowTitle() == "Import articles"


def test_an_import_error_is_shown_in_the_dialog(qtbot, lead_window, tmp_path: Path,
                                                seed_files: list[Path]) -> None:
    gone = tmp_path / "gone.txt"
    gone.write_text("消える記事\n本文。", encoding="utf-8")
    dialog = importer(qtbot, lead_window, seed_files[1], gone)
    assert dialog.import_button.isEnabled()
    gone.unlink()  # removed after the preview read it
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == f"{gone}: no such file or folder"
    assert dialog.report is None
    assert stored(lead_window.session.path) == {}


def test_a_path_removed_from_the_list(qtbot, lead_window, seed_files: list[Path],
                                      tmp_path: Path) -> None:
    dialog = importer(qtbot, lead_window, tmp_path / "typo", *seed_files)
    assert dialog.message.text() == f"{tmp_path / 'typo'}: no such file or folder"
    assert dialog.model.rowCount() == 0 and not dialog.import_button.isEnabled()
    box = dialog.paths_box
    first = box.path_list.item(0)
    qtbot.mouseClick(box.path_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=box.path_list.visualItemRect(first).center())
    qtbot.mouseClick(box.findChild(QPushButton, "removePaths"), Qt.MouseButton.LeftButton)
    assert dialog.paths() == [str(p) for p in seed_files] and dialog.message.text() == ""
    assert dialog.model.rowCount() == 2
    qtbot.mouseClick(box.path_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=box.path_list.visualItemRect(box.path_list.item(0)).center())
    qtbot.mouseClick(box.findChild(QPushButton, "removePaths"), Qt.MouseButton.LeftButton)
    assert dialog.paths() == [str(seed_files[1])]
    assert dialog.model.rowCount() == 1 and dialog.model.article(0).external_id == SEED_3
