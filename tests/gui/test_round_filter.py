"""The round filter of both article lists (issue 11, item 5): shown only when the project has
rounds, chosen with the mouse, combined with the coder's status filter, refreshed by
``window.project_changed()``."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from annotator.core.store import Project
from annotator.gui.app import build_adjudication_window, build_main_window
from tests.gui.test_lead_overview import same_title_project, shown


@pytest.fixture
def with_rounds(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "rounds.annot"
    ids = same_title_project(path)
    with Project.open(path) as project:
        project.rounds.add("training 1", "2026-12-01", [ids[e] for e in ("a1", "a2", "a10")])
        project.rounds.add("main", "", [ids["b3"], ids["b4"]])
    return path, ids


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Open the combo with a click and click the entry."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    rect = view.visualRect(view.model().index(combo.findText(text), 0))
    qtbot.mouseMove(view.viewport(), rect.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: combo.currentText() == text)


def items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_coders_list_filters_by_round_and_status(qtbot, with_rounds):
    path, ids = with_rounds
    window = shown(qtbot, build_main_window(path, "alice"))
    panel = window.articles
    assert panel.round_filter.isVisible()
    assert items(panel.round_filter) == ["All rounds", "training 1 (3)", "main (2)"]
    assert len(panel.visible_ids()) == 5
    choose(qtbot, panel.round_filter, "training 1 (3)")
    assert panel.visible_ids() == [ids["a1"], ids["a2"], ids["a10"]]
    assert panel.counts.text() == "○ 0 not started · ◐ 1 in progress · ● 2 done"
    choose(qtbot, panel.status_filter, "● Done")
    assert panel.visible_ids() == [ids["a1"], ids["a2"]]
    choose(qtbot, panel.round_filter, "main (2)")
    assert panel.visible_ids() == []
    assert panel.counts.text() == "○ 2 not started · ◐ 0 in progress · ● 0 done"
    choose(qtbot, panel.status_filter, "All articles")
    assert panel.visible_ids() == [ids["b3"], ids["b4"]]
    # Going to an article outside the round shows all rounds again.
    assert panel.select_article(ids["a1"])
    assert panel.round_filter.currentText() == "All rounds"
    assert len(panel.visible_ids()) == 5


def test_the_coders_round_filter_follows_project_changed(qtbot, with_rounds):
    path, ids = with_rounds
    window = shown(qtbot, build_main_window(path, "alice"))
    panel = window.articles
    choose(qtbot, panel.round_filter, "main (2)")
    rect = panel.view.visualRect(panel.proxy.index(1, 1))  # open b4 with a click
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_article_id == ids["b4"]
    with Project.open(path) as other:  # the rounds dialog's edits, as another program would
        other.rounds.set_articles("main", [ids["b4"]])
        other.rounds.add("reliability", "", [ids["a1"]])
    window.project_changed()
    assert items(panel.round_filter) == [
        "All rounds", "training 1 (3)", "main (1)", "reliability (1)"]
    assert panel.round_filter.currentText() == "main (1)"  # still chosen, its articles anew
    assert panel.visible_ids() == [ids["b4"]]
    with Project.open(path) as other:
        for name in ("training 1", "main", "reliability"):
            other.rounds.delete(name)
    window.project_changed()
    assert not panel.round_filter.isVisible()
    assert len(panel.visible_ids()) == 5


def test_the_leads_list_filters_by_round(qtbot, with_rounds):
    path, ids = with_rounds
    window = shown(qtbot, build_adjudication_window(path))
    tree = window.articles
    assert tree.round_filter.isVisible()
    assert items(tree.round_filter) == ["All articles", "training 1 (3)", "main (2)"]
    assert window.current_id == ids["a1"]
    choose(qtbot, tree.round_filter, "main (2)")
    assert tree.visible_ids() == [ids["b3"], ids["b4"]]
    assert sum(not tree.topLevelItem(r).isHidden() for r in range(tree.topLevelItemCount())) == 2
    assert window.current_id == ids["b3"]  # the open article left the list: the first shown
    assert tree.counts.text() == "alice 0/2 done · bob 0/2 done · adjudicated 0/2"
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.current_id == ids["b4"]  # the next one in the round
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.current_id == ids["b4"]  # the round is adjudicated: it stays
    assert tree.counts.text().endswith("adjudicated 2/2")
    choose(qtbot, tree.round_filter, "training 1 (3)")
    assert tree.counts.text() == "alice 2/3 done · bob 1/3 done · adjudicated 0/3"
    window.session.add_round("reliability", "2026-12-24", [ids["a2"]])
    window.project_changed()
    assert items(tree.round_filter) == [
        "All articles", "training 1 (3)", "main (2)", "reliability (1)"]
    assert tree.round_filter.currentText() == "training 1 (3)"
    assert tree.visible_ids() == [ids["a1"], ids["a2"], ids["a10"]]
