"""The disagreement list as a lead reads it (title, id, the stretch in its context) and its
double-click: the article opens with the stretch selected and centred, in the coder's window
and in the lead's adjudication window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.core.store import Project
from tests.gui.test_agreement_window_filters import mark

NEEDLE = "安全保障上の懸念"
LONG_TEXT = "\n".join(
    f"第{n}段落。これは長い記事の本文で、読み進めるための文章がまだ続いている。"
    + ("政府は安全保障上の懸念を理由に輸出を止めた。" if n == 90 else "")
    for n in range(1, 131)
)


@pytest.fixture
def long_path(project_path: Path, tmp_path: Path) -> Path:
    """The GUI project plus a 130-paragraph article whose disagreement is far down."""
    from annotator.core.importers import import_paths

    jsonl = tmp_path / "long.jsonl"
    jsonl.write_text(json.dumps({"id": "long-1", "title": "長い記事", "text": LONG_TEXT},
                                ensure_ascii=False) + "\n", encoding="utf-8")
    with Project.open(project_path) as project:
        import_paths(project, [jsonl])
        long_id = project.articles.find("long-1").id
        mark(project, long_id, "alice", NEEDLE)
        mark(project, long_id, "bob", "安全保障")
    return project_path


def double_click_row(qtbot, agreement, row: int) -> None:
    table = agreement.disagreements
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def assert_centred(view, start: int) -> None:
    cursor = view.textCursor()
    assert cursor.selectedText() == "上の懸念"
    assert view.from_qt(cursor.selectionStart()) == start
    assert view.verticalScrollBar().value() > view.viewport().height()  # far down
    middle = view.cursorRect().center().y()
    height = view.viewport().height()
    assert abs(middle - height / 2) < height / 8, (middle, height)


def test_disagreement_list_and_centred_place(qtbot, long_path: Path):
    from annotator.gui.app import build_main_window

    window = build_main_window(long_path, "alice")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    qtbot.waitExposed(agreement)
    table = agreement.disagreements
    assert table.rowCount() == 1
    start = LONG_TEXT.index(NEEDLE) + len("安全保障")
    assert table.item(0, 0).text() == "長い記事 (long-1)"
    before = LONG_TEXT[start - 20:start].replace("\n", " ⏎ ")
    after = LONG_TEXT[start + 4:start + 24].replace("\n", " ⏎ ")
    assert table.item(0, 1).text() == f"…{before}【上の懸念】{after}…"
    assert table.item(0, 1).toolTip() == "上の懸念"
    assert (table.item(0, 2).text(), table.item(0, 3).text()) == ("alice", "bob")
    assert table.item(0, 4).text() == f"{start}–{start + 4}"

    window.articles.select_article(window.articles.visible_ids()[0])  # look elsewhere first
    double_click_row(qtbot, agreement, 0)
    assert window.current_article_id == window.session.project.articles.find("long-1").id
    assert_centred(window.view, start)


def test_from_the_adjudication_window(qtbot, long_path: Path):
    from annotator.gui.app import build_adjudication_window

    lead = build_adjudication_window(long_path)
    qtbot.addWidget(lead)
    lead.show()
    qtbot.waitExposed(lead)
    menus = {a.text(): a.menu() for a in lead.menuBar().actions()}
    assert lead.agreement_action in menus["&Tools"].actions()
    lead.agreement_action.trigger()
    agreement = lead.agreement_window
    qtbot.addWidget(agreement)
    qtbot.waitExposed(agreement)
    assert agreement.report.coders == ["alice", "bob"]
    assert agreement.filters.coders() == ["alice", "bob"]
    double_click_row(qtbot, agreement, 0)
    long_id = next(r.id for r in lead.session.articles() if r.external_id == "long-1")
    assert lead.opened.article.id == long_id
    assert_centred(lead.view, LONG_TEXT.index(NEEDLE) + len("安全保障"))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is lead)
