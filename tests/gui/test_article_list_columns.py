"""The coder's article list and Spans panel size their narrow columns from their texts: every
length, status mark, frame name and id shows whole, and opening the window asks the list's
model about as often for 600 articles as for 60 (a column sized by ``ResizeToContents`` asked
every row for every role at each layout: 86,000 calls for 500 articles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from annotator.gui.article_table import CHARS_COLUMN, ID_COLUMN, STATUS_COLUMN, ArticleListModel
from tests.gui.conftest import shown


def study(folder: Path, seed_files: list[Path], count: int) -> Path:
    """A project of ``count`` articles cut from the seeds, the first one 20,000 characters long
    (the widest length) and one with a long id."""
    from annotator.core.importers import import_paths
    from annotator.core.store import Project

    lines = [line for seed in seed_files for line in seed.read_text(encoding="utf-8").splitlines()
             if len(line) > 20]
    rows = [{"id": f"a{n:03d}", "title": lines[n % len(lines)][:30],
             "text": f"{lines[n % len(lines)]}({n})"} for n in range(count)]  # all different
    rows[0]["text"] = ("".join(lines) * 20)[:20_000]
    rows[1]["id"] = "2025-12-01_nikkei_semiconductor_export_controls_0001"
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                      encoding="utf-8")
    path = folder / f"study{count}.annot"
    with Project.create(path) as project:
        import_paths(project, [source])
        assert len(project.articles.summaries()) == count
    return path


def calls_while_opening(qtbot, monkeypatch, path: Path) -> int:
    """How often the list's model was asked for data while the window was built and shown."""
    from annotator.gui.app import build_main_window

    calls = [0]
    answer = ArticleListModel.data

    def counted(self, index, role=0):
        calls[0] += 1
        return answer(self, index, role)

    monkeypatch.setattr(ArticleListModel, "data", counted)
    window = build_main_window(path, "alice")
    shown(qtbot, window)
    QApplication.processEvents()
    monkeypatch.setattr(ArticleListModel, "data", answer)
    window.close()
    return calls[0]


def test_opening_asks_the_list_as_often_for_600_articles_as_for_60(
        qtbot, monkeypatch, tmp_path, seed_files):
    few = calls_while_opening(qtbot, monkeypatch, study(tmp_path, seed_files, 60))
    many = calls_while_opening(qtbot, monkeypatch, study(tmp_path, seed_files, 600))
    assert few > 0
    assert many <= few * 1.2, (few, many)  # it was 8,600 and 11,000, and grew with the rows


def needed(view, column: int) -> int:
    """What ResizeToContents gave: the header's width or the widest cell's, whichever is more."""
    header = view.horizontalHeader() if hasattr(view, "horizontalHeader") else view.header()
    return max(header.sectionSizeHint(column), view.sizeHintForColumn(column))


@pytest.fixture
def big_window(qtbot, tmp_path, seed_files):
    from annotator.gui.app import build_main_window

    window = shown(qtbot, build_main_window(study(tmp_path, seed_files, 60), "alice"))
    yield window
    window.close()


def test_narrow_columns_show_every_text_whole(qtbot, big_window):
    view = big_window.articles.view
    # ResizeToContents' width, or one pixel more (widths are rounded up, never down)
    for column in (CHARS_COLUMN, STATUS_COLUMN):
        assert 0 <= view.columnWidth(column) - needed(view, column) <= 1, column
    assert "20,000" in [view.model().index(r, CHARS_COLUMN).data()
                        for r in range(view.model().rowCount())]
    # ids: as wide as the widest, from 36 to 90 pixels (a longer one is elided in its middle)
    assert view.columnWidth(ID_COLUMN) == 90  # the long id
    # every status mark fits, whichever the articles have now
    before = view.columnWidth(STATUS_COLUMN)
    big_window.view.select_range(0, 2)
    big_window.tag_selection(big_window.schema.labels[0].id)  # ○ becomes ◐
    QApplication.processEvents()
    assert big_window.session.status(big_window.opened.article.id) == "in_progress"
    assert view.columnWidth(STATUS_COLUMN) == before >= needed(view, STATUS_COLUMN)


@pytest.mark.parametrize("seed", range(6))
def test_short_ids_are_never_elided(qtbot, tmp_path, seed):
    """Ids of 2 to 9 letters of every width: the column is as wide as the widest needs."""
    import random

    from annotator.core.importers import import_paths
    from annotator.core.store import Project
    from annotator.gui.app import build_main_window

    pick = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz0123456789_-WMil"
    ids = {"".join(pick.choice(letters) for _ in range(pick.randint(2, 9))) for _ in range(40)}
    source = tmp_path / "ids.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": f"{i}の記事です。"}) + "\n"
                              for i in sorted(ids)), encoding="utf-8")
    path = tmp_path / "ids.annot"
    with Project.create(path) as project:
        import_paths(project, [source])
    window = shown(qtbot, build_main_window(path, "alice"))
    view = window.articles.view
    assert 0 <= view.columnWidth(ID_COLUMN) - min(90, needed(view, ID_COLUMN)) <= 1
    window.close()


def test_a_filter_that_hides_every_article_does_not_narrow_the_ids(qtbot, big_window):
    panel, view = big_window.articles, big_window.articles.view
    width = view.columnWidth(ID_COLUMN)
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("done"))  # none done
    assert panel.proxy.rowCount() == 0
    big_window.project_changed()  # the list is filled again while the filter hides it all
    assert view.columnWidth(ID_COLUMN) == width
    panel.select_article(big_window.session.articles()[2].id)  # clears the filter
    assert panel.proxy.rowCount() == 60 and view.columnWidth(ID_COLUMN) == width


def test_the_spans_label_column_fits_every_frame_name(qtbot, big_window):
    panel = big_window.spans
    view = big_window.view
    for n, label in enumerate(big_window.schema.labels):
        view.select_range(n * 3, n * 3 + 2)
        big_window.tag_selection(label.id)
    QApplication.processEvents()
    assert panel.spans_model.rowCount() == len(big_window.schema.labels)
    assert 0 <= panel.columnWidth(0) - needed(panel, 0) <= 1
    width = panel.columnWidth(0)
    for _ in big_window.schema.labels:  # fewer spans, then none: the column keeps its width
        assert big_window.undo()
        QApplication.processEvents()
        assert panel.columnWidth(0) == width
    assert panel.spans_model.rowCount() == 0
