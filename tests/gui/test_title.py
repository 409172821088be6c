"""A coder's blind copy (made as `annotator assign` makes it) shows article, study and coder once
in the window title; a master names the coder; a read-only window says so."""

from __future__ import annotations

from pathlib import Path

from annotator.core.assign import assign
from annotator.core.store import Project
from annotator.gui.app import build_main_window


def test_blind_copy_title_names_the_coder_once(qtbot, project_path: Path, tmp_path: Path):
    with Project.open(project_path) as master:
        master.set_meta("name", "H200 export study")
    copy = tmp_path / "study-alice.annot"
    with Project.open(project_path, read_only=True) as master:
        assign(master, "alice", copy)
    window = build_main_window(copy, "alice")
    qtbot.addWidget(window)
    title = window.windowTitle()
    assert window.session.name == "H200 export study — alice"
    assert title.count("alice") == 1
    assert title == (f"{window.opened.article.title} — H200 export study — alice"
                     " — Framing Annotator")
    # Opening another article puts its title first.
    other = next(r.id for r in window.articles.model.rows if r.id != window.current_article_id)
    window.articles.select_article(other)
    window.open_article(other)
    assert window.windowTitle().startswith(window.opened.article.title[:20])
    assert window.windowTitle().count("alice") == 1
    window.close()


def test_master_title_names_project_and_coder(qtbot, project_path: Path):
    window = build_main_window(project_path, "bob")
    qtbot.addWidget(window)
    parts = window.windowTitle().split(" — ")
    assert parts[1:] == ["coding", "bob", "Framing Annotator"]
    assert parts[0] == window.opened.article.title
    second = build_main_window(project_path, "carol", if_open_elsewhere="read_only")
    qtbot.addWidget(second)
    assert second.windowTitle().endswith(" — coding — carol [read-only] — Framing Annotator")
    second.close()
    window.close()
