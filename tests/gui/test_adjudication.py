"""The lead mode (issue 10): the coder prompt on a master, and the adjudication window driven
with keys and clicks, everything in the file at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from annotator.core.store import Project
from annotator.gui.app import LEAD_ROLE, build_adjudication_window, choose_coder
from annotator.gui.coder_dialog import CoderDialog
from annotator.gui.settings import remember_coder
from tests.core.test_lead import three_coder_master
from tests.gui.conftest import drag_select


@pytest.fixture
def master(tmp_path: Path, seed_files: list[Path]):
    path = tmp_path / "master.annot"
    return path, three_coder_master(path, seed_files)


def answer_dialog(qtbot, check) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CoderDialog)
        check(dialog)

    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), CoderDialog))
    answer()


def test_the_coder_prompt_on_a_master_offers_the_lead_and_prefills_nobody(qtbot, master):
    path, _spans = master
    remember_coder(path, "alice")  # even a remembered coder is not taken on a master
    seen = {}

    def choose_lead(dialog: CoderDialog) -> None:
        seen["text"] = dialog.combo.currentText()
        seen["items"] = [dialog.combo.itemText(i) for i in range(dialog.combo.count())]
        dialog.lead_button.click()

    QTimer.singleShot(0, lambda: answer_dialog(qtbot, choose_lead))
    assert choose_coder(path) == LEAD_ROLE
    assert seen == {"text": "", "items": ["alice", "bob", "carol"]}


def test_a_blind_copy_still_opens_as_its_coder(qtbot, master, tmp_path: Path):
    path, _spans = master
    with Project.open(path) as project:
        project.set_assignment("bob", "master")
    assert choose_coder(path) == "bob"


def test_a_lead_adjudicates_an_article(qtbot, master):
    path, spans = master
    window = build_adjudication_window(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    article = window.current_id
    s = spans[article]
    assert [lane.coder for lane in window.session.lanes(article)] == ["alice", "bob", "carol"]
    assert window.articles.coders == ["alice", "bob", "carol"]
    assert [window.articles.currentItem().text(c) for c in (3, 4, 5)] == ["●"] * 3

    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_G)  # accept what all coders marked identically
    gold = window.session.gold(article)
    assert [(g.label, g.start, g.end) for g in gold] == [s["A"]]
    assert window.articles.currentItem().toolTip(2) == "gold: in progress"

    # Accept alice's B by clicking it in her lane, then the A key.
    b = next(u for u, a in window.coder_spans.items()
             if a.coder == "alice" and (a.label, a.start, a.end) == s["B"])
    lane_row = 1 + ["alice", "bob", "carol"].index("alice")
    rect = window.lanes._rect(lane_row, s["B"][1], s["B"][2])
    qtbot.mouseClick(window.lanes, Qt.MouseButton.LeftButton,
                     pos=QPoint(int(rect.center().x()), int(rect.center().y())))
    assert window.picked == b
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    gold_b = next(g for g in window.session.gold(article) if g.start == s["B"][1])
    assert gold_b.coders == ("alice", "bob")

    # Fix its boundary: select carol's shorter stretch, B moves the gold span there.
    window.pick(gold_b.uuid)
    window.view.select_range(s["B2"][1], s["B2"][2])
    qtbot.keyClick(window.view, Qt.Key.Key_B)
    labels = {(g.label, g.start, g.end) for g in window.session.gold(article)}
    assert labels == {s["A"], s["B2"]}

    # Add a span nobody marked (drag, key 1), then undo it.
    b_ = window.opened.bounds
    drag_select(qtbot, window.view, b_[40][0], b_[42][1])
    key = window.schema.labels[0].key
    qtbot.keyClick(window.view, key)
    new = (window.schema.labels[0].id, b_[40][0], b_[42][1])
    assert new in {(g.label, g.start, g.end) for g in window.session.gold(article)}
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert new not in {(g.label, g.start, g.end) for g in window.session.gold(article)}
    qtbot.keyClick(window.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    added = next(g for g in window.session.gold(article) if (g.label, g.start, g.end) == new)
    assert window.set_note(added.uuid, "nobody marked it; the codebook says so")

    # Take carol's tone into gold, then mark the article adjudicated: the next one opens.
    tone = next(item for item in window.coder_answers.findItems(
        "carol", Qt.MatchFlag.MatchRecursive) if item.data(0, Qt.ItemDataRole.UserRole) == (
        "tone", "carol"))
    window.coder_answers.itemActivated.emit(tone, 0)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.current_id != article
    window.close()

    with Project.open(path, read_only=True) as project:
        gold = {(g.label, g.start, g.end): g for g in project.gold.spans(article)}
        assert set(gold) == {s["A"], s["B2"], new}
        assert gold[new].rationale.startswith("nobody marked it")
        assert gold[s["B2"]].coders == ("carol",) and gold[s["B2"]].overlapping == (
            "alice", "bob")
        assert project.gold.answers(article)["tone"] == "neutral"
        assert project.gold.status(article) == "done"
        assert "lead" not in project.coders.names()
