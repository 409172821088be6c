"""Where in a character the pointer is decides: a drag begins and ends at the character edge
nearer the pointer, so a drag that starts a few pixels into a particle does not take it in.
Real mouse events on the seed articles, at pixels computed from the view's own caret rects."""

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
)


@pytest.fixture
def project_path(project_path: Path, tmp_path: Path) -> Path:
    add_edges_article(project_path, tmp_path)
    return project_path


def nudge(point: QPoint, dx: int) -> QPoint:
    return QPoint(point.x() + dx, point.y())


@pytest.mark.parametrize(
    "seed, before, word",
    [("003", "中国輸出を", "承認"), ("000", "中国は", "慎重姿勢"), ("003", "エヌビディアの", "高性能")],
)
def test_a_drag_starting_in_a_particle_does_not_take_it(
    qtbot, window, project_path, seed, before, word
):
    view = window.view
    text = open_article(window, seed)
    start = text.index(before + word) + len(before)
    end = start + len(word)
    particle = view.token_index.snap(start - 1, start)
    assert particle == (start - 1, start), "the particle is a token of its own"
    show(view, start)
    press = nudge(right_edge(view, start - 1), -2)  # 2 px into the particle's last character
    release = nudge(right_edge(view, end - 1), -2)  # 2 px before the word's right edge
    drag(qtbot, view, press, release)
    assert view.selection() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert live_on_disk(project_path) == [(start, end, word)]


def test_a_drag_starting_into_the_particle_from_its_left_takes_it(qtbot, window):
    view = window.view
    text = open_article(window, "003")
    start = text.index("中国輸出を承認") + 4  # を
    show(view, start)
    drag(qtbot, view, nudge(left_edge(view, start), 2), nudge(right_edge(view, start + 2), -2))
    assert view.selection() == (start, start + 3)  # を承認


def test_character_precision_drag_does_not_take_the_character_it_starts_near_the_end_of(
    qtbot, window, project_path
):
    view = window.view
    text = open_article(window, "000")
    window.precise_action.trigger()
    a = text.index("慎重姿勢")
    show(view, a)
    # From 2 px before the right edge of 慎 to 2 px before the right edge of 姿: 重姿.
    drag(qtbot, view, nudge(right_edge(view, a), -2), nudge(right_edge(view, a + 2), -2))
    assert view.selection() == (a + 1, a + 3)
    # Backwards, from 2 px into 勢 to 2 px into 重 from its left: 重姿 again.
    drag(qtbot, view, nudge(left_edge(view, a + 3), 2), nudge(left_edge(view, a + 1), 2))
    assert view.selection() == (a + 1, a + 3)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert live_on_disk(project_path) == [(a + 1, a + 3, "重姿")]


def test_astral_and_combined_characters_snap_by_their_nearer_edge(qtbot, window, project_path):
    view = window.view
    text = open_article(window, "edges")
    assert "\r" not in text
    window.precise_action.trigger()
    show(view, 0)
    family = text.index("👩")
    from_yoshi = nudge(right_edge(view, 0), -2)  # 2 px before the right edge of 𠮷
    drag(qtbot, view, from_yoshi, nudge(left_edge(view, family), 2))
    assert view.selection() == (1, family)  # 野家で: 2 px into 👩‍💻 does not take it
    drag(qtbot, view, from_yoshi, nudge(right_edge(view, family, 3), -2))
    assert view.selection() == (1, family + 3)  # all of 👩‍💻
    qtbot.keyClick(view, Qt.Key.Key_1)
    ka = text.index("か")
    drag(qtbot, view, nudge(left_edge(view, ka), 2), nudge(left_edge(view, ka + 2), 2))
    assert view.selection() == (ka, ka + 2)  # か゚ is one character; は is not taken
    drag(qtbot, view, nudge(left_edge(view, ka), 2), nudge(right_edge(view, ka + 2), -2))
    assert view.selection() == (ka, ka + 3)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert live_on_disk(project_path) == [(1, family + 3, "野家で👩\u200d💻"),
                                          (ka, ka + 3, "か\u309aは")]


def test_a_jittering_click_selects_nothing(qtbot, window, project_path):
    view = window.view
    text = open_article(window, "003")
    wo = text.index("を承認")
    show(view, wo)
    left, right = left_edge(view, wo), right_edge(view, wo)
    middle = (left.x() + right.x()) / 2  # 3 px across the middle of を
    drag(qtbot, view, QPoint(round(middle - 1.5), left.y()), QPoint(round(middle + 1.5), left.y()))
    assert view.selection() is None
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert live_on_disk(project_path) == []


def test_a_click_near_the_end_of_a_span_selects_it(qtbot, window):
    view = window.view
    text = open_article(window, "003")
    a = text.index("承認")
    view.select_range(a, a + 2)
    qtbot.keyClick(view, Qt.Key.Key_1)
    (span,) = window.session.spans(window.current_article_id)
    view.select_span(None)
    show(view, a)
    inside = nudge(right_edge(view, a + 1), -2)  # the right part of 認, the span's last one
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=inside)
    assert view.selected_uuid == span.uuid
    outside = nudge(right_edge(view, a + 1), 2)  # the left part of the next character
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=outside)
    assert view.selected_uuid is None
