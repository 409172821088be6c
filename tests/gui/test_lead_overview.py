"""The lead's overview (issue 11, item 6): the lead's article list shows each article's id and
every coder's status with counts; the coder's list shows the id too; both sort by a click on a
column header. Real project files, statuses set through coders' sessions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHeaderView

from annotator.core.importers import import_paths
from annotator.core.session import Session
from annotator.core.store import Project
from annotator.gui.app import build_adjudication_window, build_main_window
from tests.gui.conftest import shown

TITLE = "同じ見出しの記事"
IDS = ["a1", "a2", "a10", "b3", "b4"]  # import order; natural order puts a10 after a2


def same_title_project(path: Path) -> dict[str, int]:
    """Five articles with one title; alice done with a1, a2, busy with a10; bob done with a1,
    busy with b3. Returns external id -> internal id."""
    jsonl = path.with_suffix(".jsonl")
    lines = [json.dumps({"id": ext, "title": TITLE,
                         "text": f"記事{n}。政府は安全保障上の懸念を{n}回表明した。"},
                        ensure_ascii=False) for n, ext in enumerate(IDS)]
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Project.create(path) as project:
        import_paths(project, [jsonl])
        ids = {ext: project.articles.find(ext).id for ext in IDS}
        alice, bob = Session(project, "alice"), Session(project, "bob")
        for coder, done, busy in ((alice, ["a1", "a2"], ["a10"]), (bob, ["a1"], ["b3"])):
            for ext in done:
                coder.set_code(ids[ext], "relevance", False)  # required before done
                coder.set_status(ids[ext], "done")
            for ext in busy:
                coder.set_status(ids[ext], "in_progress")
    return ids


@pytest.fixture
def master(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "master.annot"
    return path, same_title_project(path)


def click_header(qtbot, header: QHeaderView, section: int) -> None:
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def lead_rows(tree) -> list[list[str]]:
    return [[tree.topLevelItem(r).text(c) for c in range(tree.columnCount())]
            for r in range(tree.topLevelItemCount())]


def test_the_lead_list_shows_ids_each_coders_status_and_counts(qtbot, master):
    path, _ids = master
    window = shown(qtbot, build_adjudication_window(path))
    tree = window.articles
    head = tree.headerItem()
    assert [head.text(c) for c in range(tree.columnCount())] == [
        "ID", "Article", "★gold", "alice", "bob"]
    assert lead_rows(tree) == [
        ["a1", TITLE, "○", "●", "●"],
        ["a2", TITLE, "○", "●", "○"],
        ["a10", TITLE, "○", "◐", "○"],
        ["b3", TITLE, "○", "○", "◐"],
        ["b4", TITLE, "○", "○", "○"],
    ]
    a10 = tree.topLevelItem(2)
    assert (a10.toolTip(3), a10.toolTip(4)) == ("alice: in progress", "bob: not started")
    assert a10.toolTip(2) == "gold: not started"
    assert tree.counts.text() == "alice 2/5 done · bob 1/5 done · adjudicated 0/5"
    assert head.toolTip(3) == "alice: 2 done, 1 in progress, 2 not started of 5 shown"
    assert not tree.round_filter.isVisible()  # no rounds in this project


def test_the_lead_list_counts_an_adjudicated_article(qtbot, master):
    path, ids = master
    window = shown(qtbot, build_adjudication_window(path))
    window.articles.select_article(ids["a1"])
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.status(ids["a1"]) == "done"
    assert window.articles.topLevelItem(0).toolTip(2) == "gold: adjudicated"
    assert window.articles.counts.text().endswith("adjudicated 1/5")
    assert window.current_id == ids["a2"]  # the next one not adjudicated


def test_the_lead_list_sorts_by_a_clicked_column(qtbot, master):
    path, ids = master
    window = shown(qtbot, build_adjudication_window(path))
    tree = window.articles
    header = tree.header()
    click_header(qtbot, header, 0)
    assert [row[0] for row in lead_rows(tree)] == ["a1", "a2", "a10", "b3", "b4"]
    click_header(qtbot, header, 0)
    assert [row[0] for row in lead_rows(tree)] == ["b4", "b3", "a10", "a2", "a1"]
    click_header(qtbot, header, 3)  # alice: not started, in progress, done (ties: import order)
    assert [row[0] for row in lead_rows(tree)] == ["b3", "b4", "a10", "a1", "a2"]
    assert tree.ids() == [ids[e] for e in ["b3", "b4", "a10", "a1", "a2"]]


def test_the_coder_list_has_an_id_column_and_sorts(qtbot, master):
    path, ids = master
    window = shown(qtbot, build_main_window(path, "bob"))
    panel = window.articles
    model = panel.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "ID", "Title", "Chars", "Status"]
    view_rows = [[panel.proxy.index(r, c).data() for c in (0, 1, 3)] for r in range(5)]
    # Only bob's own status; opening the window opened a2, his first not done.
    assert view_rows == [["a1", TITLE, "●"], ["a2", TITLE, "◐"], ["a10", TITLE, "○"],
                         ["b3", TITLE, "◐"], ["b4", TITLE, "○"]]
    assert panel.proxy.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == "● Done"
    click_header(qtbot, panel.view.header(), 3)  # bob's status: not started first
    assert panel.visible_ids() == [ids[e] for e in ["a10", "b4", "a2", "b3", "a1"]]
    click_header(qtbot, panel.view.header(), 0)
    assert panel.visible_ids() == [ids[e] for e in ["a1", "a2", "a10", "b3", "b4"]]
    click_header(qtbot, panel.view.header(), 0)
    assert panel.visible_ids() == [ids[e] for e in ["b4", "b3", "a10", "a2", "a1"]]
    # Next article follows the list as sorted now.
    panel.select_article(ids["a10"])
    assert panel.neighbour(ids["a10"], 1) == ids["a2"]

