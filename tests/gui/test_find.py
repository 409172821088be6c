"""Find in the article (issue 14, point 3): Ctrl+F, every match painted on exactly its
characters, F3 / Shift+F3 and Enter / Shift+Enter wrapping, Esc; the article list's search
opening an article on its first match; the lead's adjudication window."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QToolButton

from annotator.gui.found_marks import CURRENT_COLOR, MATCH_COLOR
from tests.gui.conftest import drag_select, shown

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
# 𠮷 (two UTF-16 units), 👩‍💻 (a ZWJ sequence) and a CRLF before the matches.
ASTRAL = {
    "id": "astral",
    "title": "find test",
    "text": "𠮷野家の👩‍💻は\r\nＡＩを語る。一方、ai と AI は違う👩。",
}


@pytest.fixture
def seeds_window(qtbot, tmp_path: Path, seed_files: list[Path]):
    from annotator.core.importers import TextFilter, import_paths
    from annotator.core.store import Project
    from annotator.gui.app import build_main_window

    path = tmp_path / "seeds.annot"
    with Project.create(path) as project:
        import_paths(project, [seed_files[0]], text_filter=TextFilter(cut_at="更多新聞"))
        import_paths(project, [seed_files[1]], text_filter=TextFilter(lines=(2, None)))
    win = shown(qtbot, build_main_window(path, "alice"))
    yield win
    win.close()


@pytest.fixture
def astral_window(qtbot, tmp_path: Path):
    from annotator.core.importers import import_paths
    from annotator.core.store import Project
    from annotator.gui.app import build_main_window

    path = tmp_path / "astral.annot"
    jsonl = tmp_path / "astral.jsonl"
    jsonl.write_text(json.dumps(ASTRAL, ensure_ascii=False) + "\n", encoding="utf-8")
    with Project.create(path) as project:
        import_paths(project, [jsonl])
    win = shown(qtbot, build_main_window(path, "alice"))
    yield win
    win.close()


def painted(view) -> list[tuple[int, int, bool]]:
    """What the view paints as find matches, read back from its layout formats: (start, end,
    is_current) in code points, adjacent pieces (split by span or cue edges) joined."""
    colors = {MATCH_COLOR.name(): False, CURRENT_COLOR.name(): True}
    pieces = []
    block = view.document().begin()
    while block.isValid():
        for fr in block.layout().formats():
            current = colors.get(fr.format.background().color().name())
            if current is not None:
                a = view.from_qt(block.position() + fr.start)
                b = view.from_qt(block.position() + fr.start + fr.length)
                pieces.append((a, b, current))
        block = block.next()
    joined: list[tuple[int, int, bool]] = []
    for a, b, current in sorted(pieces):
        if joined and joined[-1][1] == a and joined[-1][2] == current:
            joined[-1] = (joined[-1][0], b, current)
        else:
            joined.append((a, b, current))
    return joined


def background_at(view, offset: int) -> str | None:
    """The background colour the view paints the character at ``offset`` with."""
    block = view.document().findBlock(view.to_qt(offset))
    at = view.to_qt(offset) - block.position()
    ranges = block.layout().formats()
    for fr in ranges:
        if fr.start <= at < fr.start + fr.length:
            return fr.format.background().color().name()
    return None


def qt_text(view, start: int, end: int) -> str:
    """The characters Qt holds between two code-point offsets (through UTF-16 positions)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.to_qt(start))
    cursor.setPosition(view.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def in_sight(view, start: int, end: int) -> bool:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.to_qt(start))
    top = view.cursorRect(cursor).top()
    cursor.setPosition(view.to_qt(end))
    return top >= 0 and view.cursorRect(cursor).bottom() <= view.viewport().height()


def expected(matches, current):
    return [(s, e, i == current) for i, (s, e) in enumerate(matches)]


def test_ctrl_f_paints_every_match_and_f3_shift_f3_enter_go_round(qtbot, seeds_window):
    window = seeds_window
    view, bar = window.view, window.find_bar
    assert bar.isHidden()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    assert bar.isVisible()
    qtbot.waitUntil(bar.field.hasFocus)
    qtbot.keyClicks(bar.field, "ai")
    # Case- and width-insensitive: AI, ai, ＡＩ... all count (an oracle that is not the code).
    want = [(m.start(), m.end()) for m in re.finditer("[AaＡａ][IiＩｉ]", view.text)]
    assert len(want) > 10
    assert bar.matches == want
    n = len(want)
    assert bar.count.text() == f"1 of {n}"
    assert painted(view) == expected(want, 0)
    assert view.from_qt(view.textCursor().position()) == want[0][0]
    assert not view.textCursor().hasSelection()

    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert bar.count.text() == f"2 of {n}" and painted(view) == expected(want, 1)
    qtbot.keyClick(bar.field, Qt.Key.Key_F3, SHIFT)
    qtbot.keyClick(bar.field, Qt.Key.Key_F3, SHIFT)  # wraps to the last match
    assert bar.count.text() == f"{n} of {n}" and painted(view) == expected(want, n - 1)
    assert view.verticalScrollBar().value() > 0 and in_sight(view, *want[-1])
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # wraps to the first
    assert bar.count.text() == f"1 of {n}" and painted(view) == expected(want, 0)
    assert in_sight(view, *want[0])
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)
    assert bar.count.text() == f"{n} of {n}"

    # F3 from the text itself (a window-wide key) goes on as well.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F3)
    assert bar.count.text() == f"1 of {n}"

    # Typing on narrows the term; the count follows.
    bar.field.setFocus()
    qtbot.keyClicks(bar.field, "x")
    assert bar.matches == [] and bar.count.text() == "No matches" and painted(view) == []
    qtbot.keyClick(bar.field, Qt.Key.Key_Backspace)
    assert len(bar.matches) == n

    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert bar.isHidden() and painted(view) == [] and view.hasFocus()
    # Ctrl+F again: the old term, selected, is found again.
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    assert bar.field.selectedText() == "ai" and len(painted(view)) == n
    # The bar's ✕ closes it too; F3 with the bar closed opens it as Ctrl+F does.
    close = bar.findChild(QToolButton, "findClose")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert bar.isHidden() and painted(view) == []
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F3)
    assert bar.isVisible() and bar.field.hasFocus() and len(painted(view)) == n


def test_matches_after_astral_characters_and_crlf_are_painted_on_exactly_their_characters(
    qtbot, astral_window,
):
    window = astral_window
    view, bar = window.view, window.find_bar
    text = view.text
    assert "\r" not in text and text.index("ＡＩ") == 9  # 𠮷野家の 👩‍💻 は LF
    assert view.to_qt(9) == 12  # 𠮷, 👩 and 💻 are two UTF-16 units each: Qt counts 3 more
    # A span under the first match stays drawn under the find colour and after it.
    ai = text.index("ＡＩを語る")
    drag_select(qtbot, view, ai, ai + 5)
    qtbot.keyClick(view, Qt.Key.Key_1)
    (span,) = window.session.spans(window.current_article_id)
    span_background = background_at(view, ai)
    assert span_background not in (None, MATCH_COLOR.name(), CURRENT_COLOR.name())

    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(bar.field, "AI")
    want = [(9, 11), (text.index("ai"), text.index("ai") + 2),
            (text.index("AI"), text.index("AI") + 2)]
    # The find starts from the text cursor, left after the span just tagged: past ＡＩ.
    assert bar.matches == want and bar.count.text() == "2 of 3"
    assert painted(view) == expected(want, 1)
    assert [qt_text(view, s, e) for s, e, _c in painted(view)] == ["ＡＩ", "ai", "AI"]
    qtbot.keyClick(bar.field, Qt.Key.Key_F3, SHIFT)
    assert painted(view) == expected(want, 0)
    block = view.document().findBlock(view.to_qt(ai))
    ranges = block.layout().formats()
    under = [fr.format for fr in ranges if fr.format.background().color() == CURRENT_COLOR]
    assert under and all(f.underlineStyle() == f.UnderlineStyle.SingleUnderline
                         for f in under)  # the span's underline is kept
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert painted(view) == expected(want, 1)
    assert view.from_qt(view.textCursor().position()) == want[1][0]

    # Emoji: 👩 matches the lone woman, never inside 👩‍💻.
    bar.field.clear()
    bar.field.insert("👩")  # QTest types ASCII only: insert as an input method commits
    alone = text.index("👩。")
    assert bar.matches == [(alone, alone + 1)]
    assert [qt_text(view, s, e) for s, e, _c in painted(view)] == ["👩"]

    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert painted(view) == []
    assert background_at(view, ai) == span_background
    assert window.session.spans(window.current_article_id) == [span]


def test_find_never_selects_so_a_frame_key_tags_only_what_the_coder_selected(
    qtbot, astral_window,
):
    window = astral_window
    view, bar = window.view, window.find_bar
    drag_select(qtbot, view, 0, 4)
    assert view.selection() is not None
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(bar.field, "ai")
    assert not view.textCursor().hasSelection()
    qtbot.keyClick(bar.field, Qt.Key.Key_1)  # typed into the field, not a frame key
    assert bar.field.text() == "ai1" and window.session.spans(window.current_article_id) == []
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert view.hasFocus() and view.selection() is None
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert window.session.spans(window.current_article_id) == []
    # Shift+arrows select from the match the find went to.
    bar.start()
    bar.field.setText("語る")
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT)
    start = view.text.index("語る")
    assert view.selection() is not None and view.selection()[0] == start


def test_list_search_in_the_text_opens_the_article_on_its_first_match(qtbot, seeds_window):
    window = seeds_window
    panel, bar, view = window.articles, window.find_bar, window.view
    first, second = (row.id for row in panel.model.rows)
    assert window.current_article_id == first
    articles = window.session.project.articles
    second_id = articles.get(second).external_id

    # Matched by the id only: the article opens as usual, no find bar.
    qtbot.keyClicks(panel.search_box, second_id[:8])
    qtbot.waitUntil(lambda: panel.visible_ids() == [second])
    click_row(qtbot, panel, second)
    assert window.current_article_id == second and bar.isHidden()

    # In the first article's text only: it opens with the term found, on its first match.
    term = "黄仁勳"
    assert term in articles.get(first).text and term not in articles.get(second).text
    panel.search_box.clear()
    panel.search_box.insert(term)
    qtbot.waitUntil(lambda: panel.visible_ids() == [first])
    click_row(qtbot, panel, first)
    assert window.current_article_id == first
    assert bar.isVisible() and bar.field.text() == term
    at = view.text.index(term)
    assert bar.matches[0] == (at, at + len(term)) and bar.current == 0
    assert bar.count.text() == f"1 of {view.text.count(term)}"
    assert painted(view)[0] == (at, at + len(term), True)
    assert view.from_qt(view.textCursor().position()) == at and in_sight(view, at, at + 3)
    assert panel.view.hasFocus()  # the keyboard stays in the list

    # With the bar open, another article is searched for the bar's term at once.
    panel.search_box.clear()
    qtbot.waitUntil(lambda: len(panel.visible_ids()) == 2)
    qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    assert window.current_article_id == second
    assert bar.isVisible() and bar.matches == [] and bar.count.text() == "No matches"


def click_row(qtbot, panel, article_id: int) -> None:
    index = panel._proxy_index(article_id)
    rect = panel.view.visualRect(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_edit_menu_holds_find_with_its_keys(seeds_window):
    edit = next(a.menu() for a in seeds_window.menuBar().actions() if a.text() == "&Edit")
    names = [a.objectName() for a in edit.actions()]
    assert names[-3:] == ["findAction", "findNextAction", "findPreviousAction"]
    keys = {a.objectName(): [k.toString() for k in a.shortcuts()] for a in edit.actions()}
    assert "Ctrl+F" in keys["findAction"]
    assert "F3" in keys["findNextAction"] and "Shift+F3" in keys["findPreviousAction"]


def test_the_lead_finds_in_the_adjudication_window(qtbot, tmp_path: Path, seed_files):
    from annotator.gui.app import build_adjudication_window
    from tests.core.test_lead import three_coder_master

    path = tmp_path / "master.annot"
    three_coder_master(path, seed_files)
    window = shown(qtbot, build_adjudication_window(path))
    view, bar = window.view, window.find_bar
    gold = window.session.gold(window.current_id)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(bar.field.hasFocus)
    qtbot.keyClicks(bar.field, "gab")  # G, A and B are the lead's keys: here they are typed
    assert bar.field.text() == "gab" and window.session.gold(window.current_id) == gold
    bar.field.clear()
    qtbot.keyClicks(bar.field, "ai")
    want = [(m.start(), m.end()) for m in re.finditer("[AaＡａ][IiＩｉ]", view.text)]
    assert want and bar.matches == want and painted(view) == expected(want, 0)
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert painted(view) == expected(want, 1 % len(want))
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert bar.isHidden() and painted(view) == []
    window.close()


def test_a_long_article_is_painted_in_sight_at_once_and_the_rest_when_idle(qtbot, tmp_path):
    from annotator.core.importers import import_paths
    from annotator.core.store import Project
    from annotator.gui.app import build_main_window

    lines = [f"第{i}段落では、AIと半導体の話をする。" for i in range(300)]
    path, jsonl = tmp_path / "long.annot", tmp_path / "long.jsonl"
    jsonl.write_text(json.dumps({"id": "long", "title": "long", "text": "\n".join(lines)},
                                ensure_ascii=False) + "\n", encoding="utf-8")
    with Project.create(path) as project:
        import_paths(project, [jsonl])
    window = shown(qtbot, build_main_window(path, "alice"))
    view, bar = window.view, window.find_bar
    painter = view.found_painter
    assert view.document().blockCount() == 300 > painter.AT_ONCE
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(bar.field, "ai")
    want = [(m.start(), m.end()) for m in re.finditer("AI", view.text)]
    assert len(want) == 300 and bar.count.text() == "1 of 300"
    assert painter.busy  # not all painted yet, but every match in sight is
    in_view = [m for m in want if in_sight(view, *m)]
    assert in_view and set(expected(in_view, 0)) <= set(painted(view))
    qtbot.keyClick(bar.field, Qt.Key.Key_F3, SHIFT)  # to the last: it scrolls into sight...
    assert in_sight(view, *want[-1]) and (*want[-1], True) in painted(view)  # ...painted
    qtbot.waitUntil(lambda: not painter.busy)
    assert painted(view) == expected(want, 299)
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not painter.busy)
    assert painted(view) == []
    window.close()
