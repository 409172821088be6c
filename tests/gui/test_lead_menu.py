"""The lead's menus: in the coder's window on a master and in the lead's window; never in a
coder's blind copy; entries that write are off in a read-only window."""

from __future__ import annotations

from pathlib import Path

from annotator.gui.lead_menu import PROJECT_ENTRIES


def _menu_titles(window) -> list[str]:
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_coder_window_on_a_master_has_new_project_and_the_project_menu(window) -> None:
    assert "Project" in _menu_titles(window)
    names = {a.objectName() for a in window.findChildren(type(window.open_action))}
    assert "newProjectAction" in names
    assert set(window.lead_actions) == {name for name, *_ in PROJECT_ENTRIES}
    assert all(a.isEnabled() for a in window.lead_actions.values())


def test_blind_copy_has_no_project_menu(qtbot, project_path: Path, tmp_path: Path) -> None:
    from annotator.core.assign import assign
    from annotator.core.store import Project
    from annotator.gui.app import build_main_window

    copy = tmp_path / "alice.annot"
    with Project.open(project_path, read_only=True) as master:
        assign(master, "alice", copy)
    win = build_main_window(copy, "alice")
    qtbot.addWidget(win)
    assert "Project" not in _menu_titles(win)
    assert "File" in _menu_titles(win)
    win.close()


def test_read_only_window_disables_the_entries_that_write(qtbot, project_path: Path) -> None:
    from annotator.gui.app import build_main_window

    first = build_main_window(project_path, "alice")
    qtbot.addWidget(first)
    second = build_main_window(project_path, "bob", if_open_elsewhere="read_only")
    qtbot.addWidget(second)
    writes = {name for name, *_rest, w in PROJECT_ENTRIES if w}
    for name, action in second.lead_actions.items():
        assert action.isEnabled() == (name not in writes), name
    second.close()
    first.close()


def test_lead_window_has_file_and_project_menus(qtbot, project_path: Path) -> None:
    from annotator.gui.app import build_adjudication_window

    win = build_adjudication_window(project_path)
    qtbot.addWidget(win)
    titles = _menu_titles(win)
    assert titles[0] == "File" and "Project" in titles
    assert set(win.lead_actions) == {name for name, *_ in PROJECT_ENTRIES}
    win.close()


def test_closing_the_lead_window_frees_the_file_at_once(qtbot, project_path: Path) -> None:
    from annotator.gui.app import build_adjudication_window

    first = build_adjudication_window(project_path)
    qtbot.addWidget(first)
    first.close()  # closed, not yet destroyed
    again = build_adjudication_window(project_path, if_open_elsewhere="cancel")
    assert again is not None and not again.session.read_only
    qtbot.addWidget(again)
    again.close()
