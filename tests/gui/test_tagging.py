"""A coder selects text and tags it: the span lands in the project file with the right offsets."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from tests.gui.conftest import TRICKY, drag_select, point_of


def rows(path, article_external_id="tricky"):
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT a.label, a.start_offset, a.end_offset, a.text, a.coder, a.deleted_at "
            "FROM annotations a JOIN articles r ON r.id = a.article_id "
            "WHERE r.external_id = ? ORDER BY a.start_offset",
            [article_external_id],
        ).fetchall()


def stored_text(path, external_id="tricky"):
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT text FROM articles WHERE external_id = ?", [external_id]
        ).fetchone()[0]


def test_first_article_opens_and_is_marked_in_progress(window, project_path):
    assert window.view.text == stored_text(project_path)
    assert window.session.project.statuses.get(window.current_article_id, "alice") == "in_progress"
    assert "alice" in window.windowTitle() and "coding" in window.windowTitle()


def test_mouse_selection_snaps_to_tokens_and_key_tags_it(qtbot, window, project_path):
    text = window.view.text
    start = text.index("安全保障")
    # From the middle of 安全 to the middle of 保障: snaps outward to 安全保障.
    drag_select(qtbot, window.view, start + 1, start + 3)
    assert window.view.selection() == (start, start + 4)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert rows(project_path) == [("security_concern", start, start + 4, "安全保障", "alice", None)]


def test_offsets_after_astral_characters_and_crlf(qtbot, window, project_path):
    text = window.view.text
    assert "\r" not in text and TRICKY["text"].replace("\r\n", "\n") == text
    start = text.index("懸念")
    drag_select(qtbot, window.view, start, start + 2)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    (label, s, e, covered, _coder, _deleted), = rows(project_path)
    assert (s, e, covered) == (start, start + 2, "懸念")
    assert stored_text(project_path)[s:e] == "懸念"


def test_shift_arrows_extend_by_whole_tokens(qtbot, window, project_path):
    view = window.view
    text = view.text
    start = text.index("安全保障")
    view.select_range(start, start)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection() == (start, start + 2)  # 安全
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection() == (start, start + 4)  # 安全保障
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection() == (start, start + 2)
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert rows(project_path)[0][:4] == ("self_reliance", start, start + 2, "安全")


def test_emoji_sequence_is_never_split(qtbot, window, project_path):
    view = window.view
    text = view.text
    family = "👨‍👩‍👧"
    start = text.index(family)
    view.precise = True  # even with character precision, a cluster stays whole
    view.select_range(start + 1, start + 3)  # inside the ZWJ sequence
    assert view.selection() == (start, start + len(family))
    view.precise = False
    view.select_range(start + 2, start + 3)
    s, e = view.selection()
    assert text[s:e] == family


def test_character_precision_toggle(qtbot, window, project_path):
    text = window.view.text
    start = text.index("安全保障")
    window.precise_action.trigger()
    drag_select(qtbot, window.view, start + 1, start + 3)
    assert window.view.selection() == (start + 1, start + 3)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert rows(project_path)[0][:4] == ("economic_interest", start + 1, start + 3, "全保")


def test_toolbar_button_and_context_menu_create_spans(qtbot, window, project_path):
    view = window.view
    text = view.text
    a = text.index("懸念")
    view.select_range(a, a + 2)
    window.label_actions["economic_interest"].trigger()
    b = text.index("経済")
    view.select_range(b, b + 2)
    menu = view.build_context_menu(b)
    tag = [act for act in menu.actions() if act.text().startswith("Tag as") and "自立" in act.text()]
    tag[0].trigger()
    got = [(r[0], r[3]) for r in rows(project_path)]
    assert got == [("economic_interest", "懸念"), ("self_reliance", "経済")]


def test_overlapping_and_nested_spans(qtbot, window, project_path):
    view = window.view
    text = view.text
    a = text.index("安全保障上の懸念")
    view.select_range(a, a + 8)
    qtbot.keyClick(view, Qt.Key.Key_1)
    view.select_range(a + 6, a + 8)
    qtbot.keyClick(view, Qt.Key.Key_2)
    got = rows(project_path)
    assert [(r[1], r[2]) for r in got] == [(a, a + 8), (a + 6, a + 8)]
    inner = view.spans_at(a + 6)
    assert [s.label for s in inner] == ["economic_interest", "security_concern"]
    depths = {layer[2]: layer[3] for layer in view.span_layers}
    assert depths == {"security_concern": 0, "economic_interest": 1}
    # The two layers are painted differently from a single one.
    block = view.document().findBlock(view.to_qt(a))
    formats = {(r.start, r.length): r.format.background().color().name()
               for r in block.layout().formats()}
    colours = set(formats.values())
    assert len(colours) >= 2


def test_hover_shows_label_and_note(qtbot, window):
    view = window.view
    text = view.text
    a = text.index("懸念")
    view.select_range(a, a + 2)
    qtbot.keyClick(view, Qt.Key.Key_1)
    uuid = window.session.spans(window.current_article_id)[0].uuid
    window.set_note(uuid, "引用内の懸念")
    local = point_of(view, a + 1)
    event = QHelpEvent(QEvent.Type.ToolTip, local, view.viewport().mapToGlobal(local))
    QApplication.sendEvent(view, event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "安全保障上の懸念" in QToolTip.text() and "引用内の懸念" in QToolTip.text()
