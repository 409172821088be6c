"""The Article codes panel: answered with the mouse and the keyboard, undone and redone, required
answers checked on Ctrl+Enter, and every answer in the file when it is opened again."""

from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.schema import default_schema
from annotator.core.variables import Option, Variable
from annotator.gui.app import build_main_window
from annotator.gui.codes_panel import CodesPanel

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def stored(path, article_id: int, coder: str = "alice") -> dict:
    """The answers as a second connection reads them from the file (cleared ones left out)."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT variable, value FROM article_codes WHERE article_id = ? AND coder = ? "
            "AND value IS NOT NULL", [article_id, coder],
        ).fetchall()
    return {variable: json.loads(value) for variable, value in rows}


def button(panel: CodesPanel, variable: str, value) -> object:
    box = panel.boxes[variable]
    return box.buttons[box.values.index(value)]


def click(qtbot, panel: CodesPanel, variable: str, value) -> None:
    qtbot.mouseClick(button(panel, variable, value), Qt.MouseButton.LeftButton)


def activate(qtbot, widget) -> None:
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())


@pytest.fixture
def panel(qtbot):
    schema = default_schema()
    widget = CodesPanel(schema.variables, schema.labels)
    qtbot.addWidget(widget)
    widget.changes = []
    widget.answerChanged.connect(lambda v, a: widget.changes.append((v, a)))
    activate(qtbot, widget)
    return widget


# --- the panel on its own -------------------------------------------------------------------


def test_mouse_answers_and_questions_that_apply(qtbot, panel):
    assert panel.shown_ids() == ["relevance"]
    assert "関連性" in panel.boxes["relevance"].title() and "*" in panel.boxes["relevance"].title()
    assert panel.not_asked.text() == "Asked when 関連性 is はい Yes: 主なフレーム, 政策へのトーン"
    click(qtbot, panel, "relevance", True)
    assert panel.changes == [("relevance", True)]
    click(qtbot, panel, "relevance", True)  # the answer already given: no edit
    assert panel.changes == [("relevance", True)]
    assert panel.shown_ids() == ["relevance", "primary_frame", "tone"]
    assert panel.not_asked.isHidden()
    click(qtbot, panel, "primary_frame", "security_concern")
    click(qtbot, panel, "tone", "negative")
    click(qtbot, panel, "relevance", False)
    assert panel.changes[1:] == [("primary_frame", "security_concern"), ("tone", "negative"),
                                 ("relevance", False)]
    assert panel.shown_ids() == ["relevance"]
    qtbot.mouseClick(panel.boxes["relevance"].clear_button, Qt.MouseButton.LeftButton)
    assert panel.changes[-1] == ("relevance", None)
    assert panel.boxes["relevance"].value() is None
    assert not panel.boxes["relevance"].clear_button.isEnabled()


def test_ordinal_options_run_left_to_right_and_tooltips_define(panel):
    panel.set_answers({"relevance": True})
    xs = [b.mapTo(panel, b.rect().topLeft()).x() for b in panel.boxes["tone"].buttons]
    assert xs == sorted(xs) and len(set(xs)) == 3
    assert [b.text() for b in panel.boxes["tone"].buttons] == ["否定的", "中立", "肯定的"]
    relevance = default_schema().variable("relevance")
    tip = panel.boxes["relevance"].toolTip()
    assert relevance.definition["ja"][:20] in tip and relevance.definition["en"][:20] in tip
    # An option taken from the frames explains that frame.
    assert "軍事" in button(panel, "primary_frame", "security_concern").toolTip()


def test_setting_answers_emits_nothing_and_hides_what_does_not_apply(panel):
    panel.set_answers({"relevance": False, "primary_frame": "none", "tone": "neutral"})
    assert panel.changes == []
    assert panel.shown_ids() == ["relevance"]
    assert button(panel, "relevance", False).isChecked()
    panel.set_answers({"relevance": True, "primary_frame": "none", "tone": "neutral"})
    assert panel.boxes["primary_frame"].value() == "none"
    assert panel.boxes["tone"].value() == "neutral"
    panel.set_answers({})  # an exclusive group can be emptied again
    assert all(box.value() is None for box in panel.boxes.values())
    assert panel.changes == []


def test_keyboard_tab_arrows_space_and_delete(qtbot, panel):
    panel.set_answers({"relevance": True})
    yes = button(panel, "relevance", True)
    yes.setFocus()
    qtbot.waitUntil(yes.hasFocus)
    qtbot.keyClick(yes, Qt.Key.Key_Right)  # the answer moves with the focus in a radio group
    assert panel.changes == [("relevance", False)]
    assert panel.shown_ids() == ["relevance"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert panel.changes[-1] == ("relevance", True)
    QApplication.processEvents()  # the questions shown again are laid out (arrows go by place)
    assert yes.hasFocus()
    qtbot.keyClick(yes, Qt.Key.Key_Tab)  # the Clear button, then the next question
    assert QApplication.focusWidget() is panel.boxes["relevance"].clear_button
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    first = button(panel, "primary_frame", "security_concern")
    assert QApplication.focusWidget() is first
    qtbot.keyClick(first, Qt.Key.Key_Down)  # nothing chosen yet: the focus moves alone
    assert QApplication.focusWidget() is button(panel, "primary_frame", "self_reliance")
    assert panel.changes[-1] == ("relevance", True)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert panel.changes[-1] == ("primary_frame", "self_reliance")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is button(panel, "tone", "negative")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert panel.changes[-2:] == [("tone", "negative"), ("tone", "neutral")]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    assert panel.changes[-1] == ("tone", None)
    assert panel.boxes["tone"].value() is None


def test_multi_answers_are_check_boxes_each_reached_with_tab(qtbot):
    topics = Variable(
        "topics", "話題", "Topics", "multi", {"ja": "記事の話題。", "en": "What it is about."},
        options=(Option("chips", "半導体", "Chips"), Option("food", "食料", "Food"),
                 Option("energy", "エネルギー", "Energy")),
    )
    panel = CodesPanel([topics])
    qtbot.addWidget(panel)
    changes = []
    panel.answerChanged.connect(lambda v, a: changes.append(a))
    activate(qtbot, panel)
    chips, food, energy = panel.boxes["topics"].buttons
    qtbot.mouseClick(energy, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(chips, Qt.MouseButton.LeftButton)
    assert changes == [["energy"], ["chips", "energy"]]  # in the schema's order
    chips.setFocus()
    qtbot.waitUntil(chips.hasFocus)
    qtbot.keyClick(chips, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is food
    qtbot.keyClick(food, Qt.Key.Key_Space)
    assert changes[-1] == ["chips", "food", "energy"]
    for box in (chips, food, energy):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert changes[-1] is None  # nothing ticked: no answer


def test_read_only_panel_cannot_be_answered(qtbot, panel):
    panel.set_read_only(True)
    click(qtbot, panel, "relevance", True)
    assert panel.changes == [] and not button(panel, "relevance", True).isEnabled()
    panel.set_read_only(False)
    assert button(panel, "relevance", True).isEnabled()


# --- the panel in the window ----------------------------------------------------------------


def test_window_answers_with_the_mouse_are_in_the_file_at_once(qtbot, window, project_path):
    article = window.current_article_id
    codes = window.codes
    assert codes.shown_ids() == ["relevance"]
    click(qtbot, codes, "relevance", True)
    assert stored(project_path, article) == {"relevance": True}
    assert codes.shown_ids() == ["relevance", "primary_frame", "tone"]
    click(qtbot, codes, "primary_frame", "economic_interest")
    click(qtbot, codes, "tone", "neutral")
    assert stored(project_path, article) == {
        "relevance": True, "primary_frame": "economic_interest", "tone": "neutral"}
    click(qtbot, codes, "relevance", False)  # the others stay in the file, but are not asked
    assert codes.shown_ids() == ["relevance"]
    assert stored(project_path, article)["relevance"] is False
    assert window.session.history.undo_text == "answer relevance"


def test_window_answers_with_the_keyboard_from_the_text(qtbot, window, project_path):
    article = window.current_article_id
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)

    def press(key) -> None:
        qtbot.keyClick(QApplication.focusWidget(), key)
        QApplication.processEvents()

    press(Qt.Key.Key_Tab)  # from the article text straight to its first question
    assert QApplication.focusWidget() is button(window.codes, "relevance", True)
    press(Qt.Key.Key_Space)
    assert stored(project_path, article) == {"relevance": True}
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Right, Qt.Key.Key_Space):
        press(key)
    assert stored(project_path, article)["primary_frame"] == "economic_interest"
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Space, Qt.Key.Key_Right):
        press(key)
    assert stored(project_path, article) == {
        "relevance": True, "primary_frame": "economic_interest", "tone": "neutral"}
    press(Qt.Key.Key_Backspace)
    assert "tone" not in stored(project_path, article)
    assert window.codes.boxes["tone"].value() is None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)  # undo from the panel
    assert stored(project_path, article)["tone"] == "neutral"


def test_undo_and_redo_answers_with_the_keyboard(qtbot, window, project_path):
    article = window.current_article_id
    codes = window.codes
    click(qtbot, codes, "relevance", True)
    click(qtbot, codes, "tone", "positive")
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert stored(project_path, article) == {"relevance": True}
    assert codes.boxes["tone"].value() is None
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert stored(project_path, article) == {}
    assert codes.shown_ids() == ["relevance"] and codes.boxes["relevance"].value() is None
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert codes.shown_ids() == ["relevance", "primary_frame", "tone"]
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored(project_path, article) == {"relevance": True, "tone": "positive"}
    assert codes.boxes["tone"].value() == "positive"
    # Undo from another article goes back to the one answered.
    window.go(1)
    assert window.current_article_id != article
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert window.current_article_id == article
    assert codes.boxes["tone"].value() is None and codes.boxes["relevance"].value() is True


def test_ctrl_enter_names_a_missing_required_answer_and_stays(qtbot, window, project_path):
    article = window.current_article_id
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)
    assert "関連性" in window.last_error
    assert window.session.status(article) == "in_progress"
    assert window.current_article_id == article
    relevance = window.codes.boxes["relevance"]
    assert relevance.missing and relevance.font().bold()
    assert "Not answered" in relevance.toolTip()
    assert window.focusWidget() in relevance.buttons  # the keyboard is on the question
    window.findChild(QMessageBox, "errorBox").close()
    activate(qtbot, window)
    click(qtbot, window.codes, "relevance", True)
    assert not relevance.missing and not relevance.font().bold()
    window.last_error = ""
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)  # now the frame and tone apply
    assert "主なフレーム" in window.last_error and "政策へのトーン" in window.last_error
    assert window.session.status(article) == "in_progress"
    assert window.codes.boxes["primary_frame"].missing and window.codes.boxes["tone"].missing
    window.findChild(QMessageBox, "errorBox").close()
    activate(qtbot, window)
    click(qtbot, window.codes, "primary_frame", "security_concern")
    click(qtbot, window.codes, "tone", "negative")
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)
    assert window.session.status(article) == "done"
    assert window.current_article_id != article
    assert window.codes.boxes["relevance"].value() is None  # the next article's own answers


def test_answers_that_do_not_apply_are_not_counted(qtbot, window):
    article = window.current_article_id
    click(qtbot, window.codes, "relevance", True)
    click(qtbot, window.codes, "tone", "negative")
    click(qtbot, window.codes, "relevance", False)  # frame and tone no longer asked
    window.mark_done_and_next()
    assert window.session.status(article) == "done"


def test_reopening_the_file_shows_every_answer(qtbot, window, project_path):
    answers = {"relevance": True, "primary_frame": "self_reliance", "tone": "positive"}
    article = window.current_article_id
    for variable, value in answers.items():
        click(qtbot, window.codes, variable, value)
    window.go(1)
    other = window.current_article_id
    click(qtbot, window.codes, "relevance", False)
    window.close()
    again = build_main_window(project_path, "alice")
    qtbot.addWidget(again)
    again.articles.select_article(article)
    assert again.current_article_id == article
    assert {v: box.value() for v, box in again.codes.boxes.items()} == answers
    assert again.codes.shown_ids() == list(answers)
    again.articles.select_article(other)
    assert again.codes.boxes["relevance"].value() is False
    assert again.codes.shown_ids() == ["relevance"]
    again.set_coder("bob")  # another coder answers for themself
    assert again.codes.boxes["relevance"].value() is None
    again.close()


def test_a_read_only_window_shows_answers_but_cannot_change_them(qtbot, window, project_path):
    click(qtbot, window.codes, "relevance", True)
    article = window.current_article_id
    second = build_main_window(project_path, "alice", if_open_elsewhere="read_only")
    qtbot.addWidget(second)
    assert second.session.read_only
    second.articles.select_article(article)
    box = second.codes.boxes["relevance"]
    assert box.value() is True and not box.isEnabled()
    second.close()


def test_codebook_shows_the_article_codes(window):
    text = window.codebook.toPlainText()
    for var in window.schema.variables:
        assert var.name_ja in text and var.definition["ja"][:15] in text
        assert var.include[0]["ja"][:15] in text
    assert text.index("関連性") > text.index(window.schema.labels[-1].definition["ja"][:15])
    assert "asked when 関連性 is はい" in text


def test_a_schema_without_article_codes_has_no_codes_dock(qtbot, tmp_path):
    from PySide6.QtWidgets import QDockWidget

    from annotator.core.schema import schema_from_data
    from annotator.core.store import Project

    data = dict(default_schema().data)
    data.pop("article_codes")
    path = tmp_path / "frames-only.annot"
    with Project.create(path, schema=schema_from_data(data)):
        pass
    window = build_main_window(path, "alice")
    qtbot.addWidget(window)
    window.show()
    assert window.findChild(QDockWidget, "codesDock").isHidden()
    assert window.findChild(QDockWidget, "spansDock").isVisible()
    window.close()


def test_the_questions_show_whole_even_after_an_older_saved_layout(qtbot, window, project_path):
    from PySide6.QtWidgets import QDockWidget

    from annotator.gui.settings import settings

    older = window.saveState()  # no version: a layout saved before the Article codes dock
    window.close()
    settings().setValue("window/state", older)
    again = build_main_window(project_path, "alice")
    qtbot.addWidget(again)
    again.resize(1280, 800)
    again.restore_layout()
    again.show()
    qtbot.waitExposed(again)
    assert again.findChild(QDockWidget, "codesDock").isVisible()
    qtbot.waitUntil(lambda: again.codes.height() >= again.codes.full_height())
    again.close()
