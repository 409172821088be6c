"""Project → Calibration rounds… (issue 11, item 5) driven with keys and clicks on real files:
a round made, its articles checked, sampled and added, dated, renamed and deleted; each edit
stored at once; closing the dialog refreshes the window's round filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox

from annotator.core.store import Project
from annotator.gui.app import build_adjudication_window
from annotator.gui.round_articles import sample_ids
from annotator.gui.rounds_dialog import RoundsDialog
from tests.gui.test_lead_overview import IDS, same_title_project, shown


def stored(path: Path) -> list[tuple[str, str, tuple[int, ...]]]:
    with Project.open(path, read_only=True) as project:
        return [(r.name, r.date, r.article_ids) for r in project.rounds.list()]


def open_dialog(qtbot, window) -> RoundsDialog:
    dialog = RoundsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot, dialog: RoundsDialog, name: str) -> None:
    qtbot.mouseClick(dialog.findChild(type(dialog.delete_button), name),
                     Qt.MouseButton.LeftButton)


def new_round(qtbot, dialog: RoundsDialog, name: str) -> None:
    dialog.new_name.setFocus()
    qtbot.keyClicks(dialog.new_name, name)
    qtbot.keyClick(dialog.new_name, Qt.Key.Key_Return)


def toggle(qtbot, dialog: RoundsDialog, row: int) -> None:
    """Space on a row of the article list checks or unchecks it."""
    dialog.members.list.setFocus()
    dialog.members.list.setCurrentItem(dialog.members.list.topLevelItem(row))
    qtbot.keyClick(dialog.members.list, Qt.Key.Key_Space)


@pytest.fixture
def master(tmp_path: Path):
    path = tmp_path / "master.annot"
    return path, same_title_project(path)


def test_a_round_is_made_filled_dated_and_the_window_follows(qtbot, master):
    path, ids = master
    window = shown(qtbot, build_adjudication_window(path))
    dialog = open_dialog(qtbot, window)
    assert dialog.table.topLevelItemCount() == 0
    assert not dialog.round_pane.isEnabled()
    new_round(qtbot, dialog, "training 1")
    assert stored(path) == [("training 1", "", ())]
    assert dialog.new_name.text() == ""
    assert dialog.current_name() == "training 1"
    assert [dialog.members.list.topLevelItem(r).text(0) for r in range(5)] == IDS

    toggle(qtbot, dialog, 0)
    toggle(qtbot, dialog, 2)
    assert stored(path) == [("training 1", "", (ids["a1"], ids["a10"]))]
    toggle(qtbot, dialog, 0)
    assert stored(path) == [("training 1", "", (ids["a10"],))]
    assert dialog.members.count.text() == "1 of 5 articles in this round"
    assert dialog.table.topLevelItem(0).text(2) == "1"

    click(qtbot, dialog, "todayButton")
    today = QDate.currentDate().toString("yyyy-MM-dd")
    assert stored(path)[0][1] == today
    assert dialog.table.topLevelItem(0).text(1) == today
    click(qtbot, dialog, "noDateButton")
    assert stored(path)[0][1] == ""

    # A second round: a random sample of 2 with seed 7, from the articles in no round.
    new_round(qtbot, dialog, "main")
    dialog.members.sample_size.setFocus()
    dialog.members.sample_size.selectAll()
    qtbot.keyClicks(dialog.members.sample_size, "2")
    dialog.members.seed.selectAll()
    qtbot.keyClicks(dialog.members.seed, "7")
    click(qtbot, dialog, "sampleButton")
    free = [ids[e] for e in IDS if e != "a10"]
    drawn = tuple(sample_ids(free, 2, 7))
    assert stored(path)[1] == ("main", "", drawn)
    assert dialog.members.list.topLevelItem(IDS.index("a10")).text(2) == "training 1"  # other rounds
    click(qtbot, dialog, "unassignedButton")  # every article not yet in a round
    assert stored(path)[1] == ("main", "", tuple(free))
    click(qtbot, dialog, "clearArticlesButton")
    assert stored(path)[1] == ("main", "", ())

    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    combo = window.articles.round_filter
    assert combo.isVisible()
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All articles", "training 1 (1)", "main (0)"]


def test_a_round_is_renamed_refused_a_taken_name_and_deleted(qtbot, master):
    path, ids = master
    with Project.open(path) as project:
        project.rounds.add("training 1", "2026-11-30", [ids["a1"], ids["a2"]])
        project.rounds.add("main", "", [ids["b3"]])
    window = shown(qtbot, build_adjudication_window(path))
    dialog = open_dialog(qtbot, window)
    assert [dialog.table.topLevelItem(r).text(0) for r in range(2)] == ["training 1", "main"]
    assert dialog.date.date() == QDate(2026, 11, 30)
    checked = [dialog.members.list.topLevelItem(r).checkState(0) == Qt.CheckState.Checked
               for r in range(5)]
    assert checked == [True, True, False, False, False]

    click(qtbot, dialog, "renameRoundButton")
    rename = dialog.rename_dialog
    qtbot.waitExposed(rename)
    line = rename.findChild(QLineEdit)
    line.selectAll()
    qtbot.keyClicks(line, "training A")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert stored(path)[0] == ("training A", "2026-11-30", (ids["a1"], ids["a2"]))
    assert dialog.current_name() == "training A"

    dialog.table.setCurrentItem(dialog.table.topLevelItem(1))  # main
    assert dialog.current_name() == "main"
    click(qtbot, dialog, "renameRoundButton")
    line = dialog.rename_dialog.findChild(QLineEdit)
    line.selectAll()
    qtbot.keyClicks(line, "training A")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert "already a round 'training A'" in dialog.error.text()
    assert dialog.current_name() == "main"
    assert [r[0] for r in stored(path)] == ["training A", "main"]

    click(qtbot, dialog, "deleteRoundButton")
    box = dialog.delete_box
    qtbot.waitExposed(box)
    assert "It holds 1 article(s)" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert [r[0] for r in stored(path)] == ["training A", "main"]
    click(qtbot, dialog, "deleteRoundButton")
    qtbot.mouseClick(dialog.delete_box.button(QMessageBox.StandardButton.Yes),
                     Qt.MouseButton.LeftButton)
    assert [r[0] for r in stored(path)] == ["training A"]
    assert dialog.error.text() == ""
    with Project.open(path, read_only=True) as project:
        assert len(project.articles.ids()) == 5  # the articles stay


def test_the_menu_entry_opens_the_dialog_over_the_coders_window(qtbot, window, project_path):
    seen = {}

    def use_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog.objectName()
        new_round(qtbot, dialog, "reliability")
        click(qtbot, dialog, "unassignedButton")  # all three articles
        dialog.reject()

    QTimer.singleShot(0, use_dialog)
    window.lead_actions["roundsAction"].trigger()
    assert seen == {"dialog": "roundsDialog"}
    assert [(name, len(ids)) for name, _day, ids in stored(project_path)] == [("reliability", 3)]
    combo = window.articles.round_filter
    assert combo.isVisible()
    assert [combo.itemText(i) for i in range(combo.count())] == ["All rounds", "reliability (3)"]
