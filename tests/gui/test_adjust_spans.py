"""Adjusting a span in the window: Alt+Shift+arrows move its end (with Ctrl its start) token by
token or character by character, dragging an edge moves it; each move is one undoable
replacement (new UUID, old one deleted) in the file at once, and the span stays selected."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.gui.pointer import (
    add_edges_article,
    drag,
    left_edge,
    live_on_disk,
    open_article,
    right_edge,
    show,
    spans_on_disk,
)

ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
CTRL_ALT_SHIFT = ALT_SHIFT | Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def project_path(project_path: Path, tmp_path: Path) -> Path:
    add_edges_article(project_path, tmp_path)
    return project_path


def tag(qtbot, window, start: int, end: int) -> str:
    window.view.select_range(start, end)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    (span,) = window.session.spans(window.current_article_id)
    assert window.view.selected_uuid == span.uuid
    return span.uuid


def press(qtbot, window, key, modifiers) -> None:
    qtbot.keyClick(window.view, key, modifiers)


def selected(window) -> tuple[int, int]:
    """The selected span's offsets; it is the one live span, and the Spans panel shows it."""
    (span,) = window.session.spans(window.current_article_id)
    assert window.view.selected_uuid == span.uuid
    assert window.spans.current_uuid() == span.uuid
    return span.start, span.end


def test_keys_move_the_end_and_start_token_by_token(qtbot, window, project_path):
    text = open_article(window, "003")
    a = text.index("中国輸出を承認し")  # 中国|輸出|を|承認|し
    first = tag(qtbot, window, a + 5, a + 7)  # 承認
    press(qtbot, window, Qt.Key.Key_Right, ALT_SHIFT)
    assert selected(window) == (a + 5, a + 8)
    assert live_on_disk(project_path) == [(a + 5, a + 8, "承認し")]
    rows = spans_on_disk(project_path)
    assert [(r[0] == first, r[1], r[2], r[6]) for r in rows] == [
        (True, a + 5, a + 7, 1), (False, a + 5, a + 8, 0)]
    press(qtbot, window, Qt.Key.Key_Left, CTRL_ALT_SHIFT)  # the start: を
    press(qtbot, window, Qt.Key.Key_Left, CTRL_ALT_SHIFT)  # 輸出
    assert live_on_disk(project_path) == [(a + 2, a + 8, "輸出を承認し")]
    press(qtbot, window, Qt.Key.Key_Right, CTRL_ALT_SHIFT)
    press(qtbot, window, Qt.Key.Key_Left, ALT_SHIFT)
    assert selected(window) == (a + 4, a + 7)
    assert live_on_disk(project_path) == [(a + 4, a + 7, "を承認")]
    assert len(spans_on_disk(project_path)) == 6  # five moves, five replacements
    # Each move is one step back, and one step forward again.
    for expected in [(a + 4, a + 8), (a + 2, a + 8), (a + 4, a + 8), (a + 5, a + 8),
                     (a + 5, a + 7)]:
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert selected(window) == expected
        assert live_on_disk(project_path) == [(*expected, text[expected[0]:expected[1]])]
    assert window.session.spans(window.current_article_id)[0].uuid == first
    for expected in [(a + 5, a + 8), (a + 4, a + 8)]:
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
        assert selected(window) == expected
        assert live_on_disk(project_path) == [(*expected, text[expected[0]:expected[1]])]


def test_a_move_that_would_empty_the_span_or_leave_the_article_is_refused(
    qtbot, window, project_path
):
    text = open_article(window, "003")
    a = text.index("承認")
    tag(qtbot, window, a, a + 2)
    before = spans_on_disk(project_path)
    press(qtbot, window, Qt.Key.Key_Left, ALT_SHIFT)
    assert "empty" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_Right, CTRL_ALT_SHIFT)
    assert spans_on_disk(project_path) == before
    assert window.session.history.undo_text == "add security_concern"
    window.undo()
    s, e = window.view.token_index.bounds[0]  # the article's first token
    tag(qtbot, window, s, e)
    press(qtbot, window, Qt.Key.Key_Left, CTRL_ALT_SHIFT)
    assert "start or end of the article" in window.statusBar().currentMessage()
    assert live_on_disk(project_path) == [(s, e, text[s:e])]


def test_character_precision_moves_one_character_never_splitting_one(
    qtbot, window, project_path
):
    text = open_article(window, "edges")
    window.precise_action.trigger()
    family = text.index("👩")  # 👩 ZWJ 💻: three code points, four UTF-16 units

    def moves(key, modifiers, times=1):
        for _ in range(times):
            press(qtbot, window, key, modifiers)

    tag(qtbot, window, 1, 3)  # 野家
    moves(Qt.Key.Key_Right, ALT_SHIFT, 2)
    assert live_on_disk(project_path) == [(1, family + 3, "野家で👩\u200d💻")]
    moves(Qt.Key.Key_Left, CTRL_ALT_SHIFT)
    assert live_on_disk(project_path) == [(0, family + 3, "𠮷野家で👩\u200d💻")]
    moves(Qt.Key.Key_Left, CTRL_ALT_SHIFT)
    assert "start or end of the article" in window.statusBar().currentMessage()
    moves(Qt.Key.Key_Right, CTRL_ALT_SHIFT, 4)
    assert live_on_disk(project_path) == [(family, family + 3, "👩\u200d💻")]
    moves(Qt.Key.Key_Right, CTRL_ALT_SHIFT)
    assert "empty" in window.statusBar().currentMessage()
    moves(Qt.Key.Key_Right, ALT_SHIFT, 5)  # と会った。
    assert selected(window) == (family, text.index("。") + 1)
    moves(Qt.Key.Key_Right, ALT_SHIFT)  # over the line break (a CRLF in the source) to か゚
    assert live_on_disk(project_path) == [(family, family + 11, "👩\u200d💻と会った。\nか\u309a")]
    moves(Qt.Key.Key_Left, ALT_SHIFT)  # back, and never ending on the line break
    assert selected(window) == (family, text.index("。") + 1)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert selected(window) == (family, family + 11)
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert selected(window) == (family, family + 8)
    assert [r[6] for r in spans_on_disk(project_path)].count(0) == 1


def point(view, offset: int) -> QPoint:
    """The caret position before the character at ``offset``: a span edge."""
    return left_edge(view, offset)


def test_dragging_an_edge_moves_it(qtbot, window, project_path):
    view = window.view
    viewport = view.viewport()
    text = open_article(window, "003")
    a = text.index("中国輸出を承認し")  # 中国|輸出|を|承認|し
    first = tag(qtbot, window, a + 5, a + 7)  # 承認
    show(view, a)
    end = point(view, a + 7)
    qtbot.mouseMove(viewport, pos=end)
    assert viewport.cursor().shape() == Qt.CursorShape.SizeHorCursor
    qtbot.mouseMove(viewport, pos=QPoint(end.x() + 8, end.y()))
    assert viewport.cursor().shape() == Qt.CursorShape.IBeamCursor

    # The end, dragged to 2 px before the right edge of し: it takes し in.
    target = QPoint(right_edge(view, a + 7).x() - 2, end.y())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(end.x() + 1, end.y()))
    qtbot.mouseMove(viewport, pos=target)
    cursor = view.textCursor()  # the span as it would become is shown selected
    assert (view.from_qt(cursor.selectionStart()), view.from_qt(cursor.selectionEnd())) == (
        a + 5, a + 8)
    assert live_on_disk(project_path) == [(a + 5, a + 7, "承認")]  # nothing yet
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=target)
    assert live_on_disk(project_path) == [(a + 5, a + 8, "承認し")]
    assert selected(window) == (a + 5, a + 8) and not view.textCursor().hasSelection()

    # The start, dragged to 2 px into を from its left: を is taken in.
    drag(qtbot, view, point(view, a + 5), QPoint(left_edge(view, a + 4).x() + 2, end.y()))
    assert live_on_disk(project_path) == [(a + 4, a + 8, "を承認し")]
    # Character precision: the end, dragged to 2 px into 認 from its left, ends after 承.
    window.precise_action.trigger()
    drag(qtbot, view, right_edge(view, a + 7), QPoint(left_edge(view, a + 6).x() + 2, end.y()))
    assert live_on_disk(project_path) == [(a + 4, a + 6, "を承")]
    # Past the start: refused, nothing changes.
    before = spans_on_disk(project_path)
    drag(qtbot, view, right_edge(view, a + 5), point(view, a + 2))
    assert "empty" in window.statusBar().currentMessage()
    assert spans_on_disk(project_path) == before

    for expected in [(a + 4, a + 8), (a + 5, a + 8), (a + 5, a + 7)]:
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert selected(window) == expected
        assert live_on_disk(project_path) == [(*expected, text[expected[0]:expected[1]])]
    assert window.session.spans(window.current_article_id)[0].uuid == first
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert live_on_disk(project_path) == [(a + 5, a + 8, "承認し")]


def test_a_press_on_an_edge_without_a_move_is_a_click(qtbot, window, project_path):
    view = window.view
    text = open_article(window, "003")
    a = text.index("承認し")
    tag(qtbot, window, a, a + 2)
    show(view, a)
    outside = QPoint(point(view, a + 2).x() + 2, point(view, a + 2).y())  # in し, on the edge
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=outside)
    assert view.selected_uuid is None
    assert live_on_disk(project_path) == [(a, a + 2, "承認")]
    assert len(spans_on_disk(project_path)) == 1


def test_a_drag_from_just_outside_the_selected_span_makes_a_new_selection(
    qtbot, window, project_path
):
    view = window.view
    text = open_article(window, "003")
    a = text.index("承認し、米中間")
    tag(qtbot, window, a, a + 2)  # 承認, selected
    show(view, a)
    assert view.edge_drag.hit(QPoint(point(view, a + 2).x() - 2, point(view, a + 2).y()))
    start = QPoint(point(view, a + 2).x() + 2, point(view, a + 2).y())  # 2 px into し
    drag(qtbot, view, start, QPoint(right_edge(view, a + 4).x() - 2, start.y()))
    assert view.selection() == (a + 2, a + 5)  # し、米
    assert live_on_disk(project_path) == [(a, a + 2, "承認")]


def test_a_read_only_window_offers_no_edge(qtbot, window, project_path):
    from annotator.gui.app import build_main_window

    text = open_article(window, "003")
    a = text.index("承認し")
    tag(qtbot, window, a, a + 2)
    second = build_main_window(project_path, "alice", if_open_elsewhere="read_only")
    qtbot.addWidget(second)
    assert second.session.read_only and not second.view.editable
    open_article(second, "003")
    view, viewport = second.view, second.view.viewport()
    show(view, a)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=left_edge(view, a + 1))
    assert view.selected_uuid == window.view.selected_uuid
    assert not any(action.isEnabled() for action in second.adjust_actions)
    end = point(view, a + 2)
    qtbot.mouseMove(viewport, pos=end)
    assert viewport.cursor().shape() != Qt.CursorShape.SizeHorCursor
    drag(qtbot, view, end, right_edge(view, a + 2))
    second.move_span_edge("end", True)
    assert live_on_disk(project_path) == [(a, a + 2, "承認")]
    second.close()
