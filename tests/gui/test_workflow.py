"""Undo, delete, reopen, done-and-next, the article list and the spans panel, as a coder uses them."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication

from annotator.gui.app import build_main_window
from annotator.gui.note_dialog import NoteDialog
from tests.gui.conftest import point_of


def live_spans(path):
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT label, start_offset, end_offset, note FROM annotations "
            "WHERE deleted_at IS NULL ORDER BY start_offset"
        ).fetchall()


def tag(qtbot, window, needle, key=Qt.Key.Key_1):
    text = window.view.text
    start = text.index(needle)
    window.view.select_range(start, start + len(needle))
    qtbot.keyClick(window.view, key)
    return start


def test_undo_and_redo_with_keyboard_shortcuts(qtbot, window, project_path):
    start = tag(qtbot, window, "懸念")
    assert live_spans(project_path) == [("security_concern", start, start + 2, "")]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert live_spans(project_path) == []
    assert window.spans.spans_model.rowCount() == 0
    qtbot.keyClick(
        window, Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert live_spans(project_path) == [("security_concern", start, start + 2, "")]
    assert window.spans.spans_model.rowCount() == 1


def test_undo_covers_delete_relabel_note_and_done(qtbot, window, project_path):
    window.answer_code("relevance", False)  # required before done (undone last, not below)
    start = tag(qtbot, window, "懸念")
    uuid = window.session.spans(window.current_article_id)[0].uuid
    window.relabel_span(uuid, "economic_interest")
    window.set_note(uuid, "メモ")
    window.delete_span(uuid)
    first = window.current_article_id
    window.mark_done_and_next()
    assert window.session.project.statuses.get(first, "alice") == "done"
    assert window.current_article_id != first
    expected = [
        ("in_progress", []),  # undo done: back on the first article
        ("in_progress", [("economic_interest", start, start + 2, "メモ")]),  # undo delete
        ("in_progress", [("economic_interest", start, start + 2, "")]),  # undo note
        ("in_progress", [("security_concern", start, start + 2, "")]),  # undo relabel
        ("in_progress", []),  # undo add
    ]
    for status, spans in expected:
        window.undo()
        assert window.current_article_id == first
        assert window.session.project.statuses.get(first, "alice") == status
        assert live_spans(project_path) == spans
    for _ in expected:
        window.redo()
    assert live_spans(project_path) == []
    assert window.session.project.statuses.get(first, "alice") == "done"


def test_click_span_then_delete_key(qtbot, window, project_path):
    start = tag(qtbot, window, "懸念")
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=point_of(window.view, start + 1))
    assert window.view.selected_uuid is not None
    assert window.spans.current_uuid() == window.view.selected_uuid
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert live_spans(project_path) == []
    with sqlite3.connect(project_path) as conn:
        deleted = conn.execute("SELECT deleted_at FROM annotations").fetchone()[0]
    assert deleted  # the deletion is recorded, not erased


def test_everything_is_on_disk_and_reopens_identically(qtbot, window, project_path):
    window.answer_code("relevance", False)  # required before done
    start = tag(qtbot, window, "懸念")
    tag(qtbot, window, "経済的利益", Qt.Key.Key_2)
    article = window.current_article_id
    window.mark_done_and_next()
    # A second connection sees every edit before the window closes: nothing waits for a save.
    assert len(live_spans(project_path)) == 2
    window.close()
    again = build_main_window(project_path, "alice")
    qtbot.addWidget(again)
    again.articles.select_article(article)
    assert again.current_article_id == article
    assert [(a.label, a.start) for a in again.session.spans(article)] == [
        ("security_concern", start), ("economic_interest", again.view.text.index("経済的利益"))
    ]
    assert again.spans.spans_model.rowCount() == 2
    assert again.session.project.statuses.get(article, "alice") == "done"
    again.close()


def test_ctrl_enter_marks_done_and_opens_next_and_reopen(qtbot, window, project_path):
    first = window.current_article_id
    ids = window.articles.visible_ids()
    window.answer_code("relevance", False)  # required before done
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.project.statuses.get(first, "alice") == "done"
    assert window.current_article_id == ids[1]
    assert window.session.project.statuses.get(ids[1], "alice") == "in_progress"
    window.articles.select_article(first)
    assert window.reopen_action.isEnabled()
    window.reopen_action.trigger()
    assert window.session.project.statuses.get(first, "alice") == "in_progress"


def test_article_list_counts_filter_search_and_keys(qtbot, window):
    panel = window.articles
    assert panel.view.objectName() == "articleList"
    assert panel.model.rowCount() == 3
    assert "1 in progress" in panel.counts.text() and "2 not started" in panel.counts.text()
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("in_progress"))
    assert panel.visible_ids() == [window.current_article_id]
    panel.status_filter.setCurrentIndex(0)
    # QTest cannot type kana (it asserts on non-ASCII keys): insert as an input method commits.
    panel.search_box.insert("超党派")  # only in the second seed
    qtbot.waitUntil(lambda: len(panel.visible_ids()) == 1)
    (found,) = panel.visible_ids()
    assert "超党派" in window.session.project.articles.get(found).text
    panel.search_box.clear()
    qtbot.keyClicks(panel.search_box, "nvidia")  # ASCII search ignores case
    qtbot.waitUntil(lambda: len(panel.visible_ids()) == 2)
    panel.search_box.clear()
    panel.apply_filter()
    assert len(panel.visible_ids()) == 3
    first = window.current_article_id
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    assert window.current_article_id == panel.visible_ids()[1] != first
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_article_id == first
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_article_id == panel.visible_ids()[1]


def test_spans_panel_selects_relabels_and_edits_notes(qtbot, window, project_path):
    a = tag(qtbot, window, "懸念")
    b = tag(qtbot, window, "経済的利益", Qt.Key.Key_2)
    spans = window.spans
    assert spans.objectName() == "spanList"
    assert [spans.spans_model.index(r, 1).data() for r in range(2)] == ["懸念", "経済的利益"]
    spans.setFocus()
    spans.selectRow(0)
    assert window.view.selected_uuid == spans.spans_model.spans[0].uuid
    assert window.view.from_qt(window.view.textCursor().position()) == a
    spans.selectRow(1)
    assert window.view.selected_uuid == spans.spans_model.spans[1].uuid
    assert window.view.from_qt(window.view.textCursor().position()) == b
    qtbot.keyClick(spans, Qt.Key.Key_3)  # relabel from the panel
    assert live_spans(project_path)[1][0] == "self_reliance"

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NoteDialog)
        dialog.edit.setPlainText("輸出規制への言及")
        dialog.accept()

    QTimer.singleShot(50, answer)
    qtbot.keyClick(spans, Qt.Key.Key_Return)
    assert live_spans(project_path)[1][3] == "輸出規制への言及"
    qtbot.keyClick(spans, Qt.Key.Key_Delete)
    assert [r[1] for r in live_spans(project_path)] == [a]


def test_codebook_and_frame_button_tooltips(window):
    html = window.codebook.toPlainText()
    for label in window.schema.labels:
        assert label.name_ja in html
        assert label.definition["ja"][:10] in html
        assert label.definition["ja"][:10] in window.label_actions[label.id].toolTip()


def test_switching_coder_shows_that_coders_spans(qtbot, window, project_path):
    tag(qtbot, window, "懸念")
    window.set_coder("bob")
    assert "bob" in window.windowTitle()
    assert window.spans.spans_model.rowCount() == 0
    tag(qtbot, window, "経済的利益", Qt.Key.Key_2)
    window.set_coder("alice")
    assert [a.text for a in window.session.spans(window.current_article_id)] == ["懸念"]
