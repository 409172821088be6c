"""Project → Merge returned copies… (issue 11): real copies made with `annotator assign` and
coded through a real Session, previewed, merged; a copy of another project refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.core.session import Session
from annotator.core.store import Project
from annotator.gui.merge_dialog import MergeDialog
from tests.run_cli import cli


def coded_copy(master: Path, coder: str, out: Path, spans: int) -> Path:
    """`annotator assign`, then the first article opened (in progress), ``spans`` spans in it
    and its relevance answered."""
    result = cli("assign", master, "--coder", coder, "--out", out)
    assert result.returncode == 0, result.stderr
    session = Session(Project.open(out), coder)
    try:
        first = session.articles()[0].id
        opened = session.open_article(first)
        for k in range(spans):
            start, end = opened.bounds[2 + 3 * k][0], opened.bounds[3 + 3 * k][1]
            session.add_span(opened, "security_concern", start, end)
        session.set_code(first, "relevance", True)
    finally:
        session.close()
    return out


@pytest.fixture
def lead(qtbot, project_path: Path):
    from annotator.gui.app import build_adjudication_window

    window = build_adjudication_window(project_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def open_dialog(qtbot, window) -> MergeDialog:
    window.lead_actions["mergeAction"].trigger()
    dialog = window.findChild(MergeDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def row(dialog: MergeDialog, r: int) -> list[str]:
    return [dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]


def spans_in(path: Path) -> dict[str, int]:
    with Project.open(path, read_only=True) as project:
        found: dict[str, int] = {}
        for span in project.annotations.list():
            found[span.coder] = found.get(span.coder, 0) + 1
        return found


def test_preview_shows_each_file_then_merge_writes_them(qtbot, lead, project_path, tmp_path):
    alice = coded_copy(project_path, "alice", tmp_path / "alice.annot", 2)
    bob = coded_copy(project_path, "bob", tmp_path / "bob.annot", 1)
    dialog = open_dialog(qtbot, lead)
    assert not dialog.merge_button.isEnabled()
    before = project_path.read_bytes()
    dialog.add_paths([alice, bob])
    assert project_path.read_bytes() == before and spans_in(project_path) == {}
    assert dialog.table.rowCount() == 2
    assert row(dialog, 0) == ["alice.annot", "alice", "2", "0", "0", "1", "1", "0", ""]
    assert row(dialog, 1) == ["bob.annot", "bob", "1", "0", "0", "1", "1", "0", ""]
    assert "3 new span(s)" in dialog.summary.text() and "nothing written" in dialog.summary.text()
    assert "Spans: 2 new" in dialog.detail.toPlainText()  # the first row's detail
    dialog.add_paths([alice])  # listed once
    assert dialog.files.count() == 2
    assert dialog.merge_button.isEnabled()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert spans_in(project_path) == {"alice": 2, "bob": 1}
    assert "Merged 2 file(s): 3 new span(s)" in dialog.summary.text()
    assert not dialog.merge_button.isEnabled()  # merged: nothing left to do
    assert lead.articles.coders == ["alice", "bob"]  # the window re-read the project
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert row(dialog, 0)[2:5] == ["0", "0", "0"]  # a second merge would bring nothing


def test_a_copy_of_another_project_is_refused_in_red(qtbot, lead, project_path, tmp_path,
                                                     seed_files):
    alice = coded_copy(project_path, "alice", tmp_path / "alice.annot", 1)
    elsewhere = tmp_path / "elsewhere.annot"
    with Project.create(elsewhere) as other:
        from annotator.core.importers import import_paths

        import_paths(other, [seed_files[1]])
    stranger = coded_copy(elsewhere, "carol", tmp_path / "carol.annot", 1)
    dialog = open_dialog(qtbot, lead)
    dialog.add_paths([alice, stranger])
    refused = row(dialog, 1)
    assert refused[:2] == ["carol.annot", "carol"] and refused[2:8] == [""] * 6
    assert "has a different text from the master's" in refused[8]
    assert dialog.table.item(1, 0).foreground().color().name() == "#b00020"
    assert "Refused: article" in dialog.table.item(1, 0).toolTip()
    assert "Refused: " in dialog.detail.toPlainText()  # the refused row is selected
    assert row(dialog, 0)[2] == "1"  # alice's file is still previewed
    assert "1 of 2 file(s) would be refused" in dialog.summary.text()
    assert not dialog.merge_button.isEnabled()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert spans_in(project_path) == {}
    # remove the stranger with real clicks: Merge comes on
    item = dialog.files.item(1)
    qtbot.mouseClick(dialog.files.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.files.visualItemRect(item).center())
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.paths() == [alice] and dialog.table.rowCount() == 1
    assert dialog.merge_button.isEnabled()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert spans_in(project_path) == {"alice": 1}
    assert QApplication.activeModalWidget() is dialog  # still open, showing the summary


def test_a_file_changed_after_the_preview_stops_the_merge(qtbot, lead, project_path, tmp_path,
                                                          seed_files):
    alice = coded_copy(project_path, "alice", tmp_path / "alice.annot", 1)
    elsewhere = tmp_path / "elsewhere.annot"
    with Project.create(elsewhere) as other:
        from annotator.core.importers import import_paths

        import_paths(other, [seed_files[1]])
    stranger = coded_copy(elsewhere, "alice", tmp_path / "stranger.annot", 1)
    dialog = open_dialog(qtbot, lead)
    dialog.add_paths([alice])
    assert dialog.merge_button.isEnabled()
    alice.write_bytes(stranger.read_bytes())  # alice sends another file under the same name
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert "has a different text from the master's" in dialog.summary.text()
    assert "Nothing was merged" in dialog.summary.text()
    assert not dialog.merge_button.isEnabled() and spans_in(project_path) == {}
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "has a different text" in row(dialog, 0)[8]
