"""A cue-free copy's window (issue 16, point 1): no cue underline anywhere in the article's
layout, article by article as the copy's design says, and nothing offers to turn them on."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCharFormat

from annotator.core.assign import assign
from annotator.core.store import Project
from tests.gui.conftest import shown

UNDERLINED = (QTextCharFormat.UnderlineStyle.DotLine,
              QTextCharFormat.UnderlineStyle.SingleUnderline,
              QTextCharFormat.UnderlineStyle.DashUnderline,
              QTextCharFormat.UnderlineStyle.WaveUnderline)


def underlines(view) -> int:
    """How many stretches of the shown article the highlighter underlines (layout formats)."""
    count = 0
    block = view.document().begin()
    while block.isValid():
        for fr in block.layout().formats():
            fmt = fr.format
            if fmt.fontUnderline() or fmt.underlineStyle() in UNDERLINED:
                count += 1
        block = block.next()
    return count


def show(qtbot, path: Path, coder: str):
    from annotator.gui.app import build_main_window

    return shown(qtbot, build_main_window(path, coder))


def click_row(qtbot, win, article_id: int) -> None:
    panel = win.articles
    index = panel._proxy_index(article_id)
    rect = panel.view.visualRect(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.current_article_id == article_id


@pytest.fixture
def copies(tmp_path: Path, project_path: Path) -> dict[str, Path]:
    """Copies of the GUI test project: cues on, off, and half of the articles without."""
    out = {}
    with Project.open(project_path) as master:
        for design in ("on", "off", "per-article"):
            out[design] = tmp_path / f"{design}.annot"
            assign(master, "alice", out[design], cues=design, seed=5)
    return out


def cued_articles(path: Path) -> list[int]:
    """The articles with cue words of the default schema (in a copy with cues)."""
    from annotator.core.session import Session

    with Project.open(path, read_only=True) as project:
        session = Session(project, "alice")
        return [a for a in project.articles.ids() if session.open_article(a).cues]


def test_a_cue_free_copy_shows_no_underline_and_offers_no_switch(qtbot, copies):
    cued = cued_articles(copies["on"])
    assert cued  # the seeds hold cue words: with cues, they are underlined
    win = show(qtbot, copies["off"], "alice")
    for article_id in cued:
        click_row(qtbot, win, article_id)
        assert underlines(win.view) == 0
        assert win.view.cues_between(0, len(win.view.text)) == []
    actions = [a for a in win.findChildren(QAction)]
    for menu_action in win.menuBar().actions():
        if menu_action.menu() is not None:
            actions += menu_action.menu().actions()
    texts = [a.text().lower() for a in actions]
    assert texts and not [t for t in texts if "cue" in t or "highlight" in t or "underline" in t]
    menu = win.view.build_context_menu(0)
    assert not [a for a in menu.actions() if "cue" in a.text().lower()]
    win.close()


def test_the_same_article_is_underlined_in_a_copy_with_cues(qtbot, copies):
    cued = cued_articles(copies["on"])
    win = show(qtbot, copies["on"], "alice")
    click_row(qtbot, win, cued[0])
    assert underlines(win.view) > 0
    win.close()


def test_a_per_article_copy_hides_them_article_by_article(qtbot, copies):
    with Project.open(copies["per-article"], read_only=True) as project:
        shown = project.cue_conditions.of_coder("alice")
    cued = cued_articles(copies["on"])
    with_cues = [a for a in cued if shown[a]]
    without = [a for a in cued if not shown[a]]
    assert with_cues and without  # three cued articles split both ways by seed 5
    win = show(qtbot, copies["per-article"], "alice")
    click_row(qtbot, win, without[0])
    assert underlines(win.view) == 0
    click_row(qtbot, win, with_cues[0])
    assert underlines(win.view) > 0
    click_row(qtbot, win, without[0])
    assert underlines(win.view) == 0
    win.close()
