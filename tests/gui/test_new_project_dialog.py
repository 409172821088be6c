"""File → New project…: typed into, checked as it is typed, and creating a real project file."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from annotator.core.schema import default_schema, load_schema
from annotator.gui.new_project_dialog import NewProjectDialog, open_created
from tests.run_cli import cli, one_line_error
from tests.schemas import with_multi_data


def _dialog(qtbot, folder: Path) -> NewProjectDialog:
    dialog = NewProjectDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _project_facts(path: Path) -> tuple[str, str, int]:
    from annotator.core.store import Project

    with Project.open(path, read_only=True) as project:
        return project.name, project.schema.sha256, len(project.articles.ids())


def test_default_schema_and_the_suffix_added(qtbot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    assert not dialog.ok_button.isEnabled()  # no file name yet
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "study"))
    qtbot.keyClicks(dialog.name_edit, "Reliability 2026")
    assert dialog.ok_button.isEnabled() and dialog.problem == ""
    assert "Framing: security, economy, self-reliance" in dialog.schema_info.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.created == tmp_path / "study.annot"
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.summary.startswith(f"created {tmp_path / 'study.annot'} with schema "
                                     "'Framing: security, economy, self-reliance' (")
    assert _project_facts(tmp_path / "study.annot") == ("Reliability 2026",
                                                         default_schema().sha256, 0)


def test_a_schema_file_is_checked_with_the_cli_message(qtbot, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": 1, "name": "x", "version": "1", "labels": [{"id": "a"}]}',
                   encoding="utf-8")
    expected = one_line_error(cli("new", tmp_path / "cli.annot", "--schema", bad))
    dialog = _dialog(qtbot, tmp_path)
    qtbot.keyClicks(dialog.path_edit, "relative")  # in the open project's folder
    qtbot.mouseClick(dialog.file_radio, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, dialog.file_radio.height() // 2))
    assert dialog.file_radio.isChecked()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.schema_edit, str(bad))
    assert "$.labels[0]" in dialog.problem
    assert expected == f"Error: {dialog.problem}"  # the same words as `annotator new`
    assert dialog.message.isVisible() and "\n" not in dialog.message.text()
    assert not dialog.ok_button.isEnabled()

    good = tmp_path / "multi.json"
    good.write_text(json.dumps(with_multi_data(), ensure_ascii=False), encoding="utf-8")
    dialog.schema_edit.clear()
    qtbot.keyClicks(dialog.schema_edit, str(good))
    assert dialog.problem == "" and dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.created == tmp_path / "relative.annot"
    assert _project_facts(dialog.created) == ("relative", load_schema(good).sha256, 0)
    assert not (tmp_path / "cli.annot").exists()


def test_an_existing_file_is_refused(qtbot, tmp_path: Path) -> None:
    existing = tmp_path / "taken.annot"
    existing.write_bytes(b"not a project, but somebody's file")
    dialog = _dialog(qtbot, tmp_path)
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "taken"))  # .annot added: it exists
    assert dialog.problem == f"{existing}: already exists; choose another name or open it"
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)  # Enter does not create it either
    assert dialog.created is None and dialog.isVisible()
    assert existing.read_bytes() == b"not a project, but somebody's file"


def test_the_new_project_opens_in_the_coders_window(qtbot, window, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, window.session.path.parent)
    qtbot.keyClicks(dialog.path_edit, "fresh.annot")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.open_box.isChecked()
    opened = open_created(window, dialog.created)
    qtbot.addWidget(opened)
    assert opened.session.path == window.session.path.parent / "fresh.annot"
    assert opened.session.coder == "alice"
    qtbot.waitUntil(lambda: not window.isVisible())
    assert opened in QApplication.topLevelWidgets() and opened.isVisible()
    opened.close()


def test_from_the_leads_window_it_opens_in_a_lead_window(qtbot, project_path: Path,
                                                         tmp_path: Path) -> None:
    from annotator.gui.adjudication_window import AdjudicationWindow
    from annotator.gui.app import build_adjudication_window

    lead = build_adjudication_window(project_path)
    qtbot.addWidget(lead)
    lead.show()
    seen: list[object] = []

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, fill_in)
            return
        seen.append(dialog)
        qtbot.keyClicks(dialog.path_edit, str(tmp_path / "second"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    lead.findChild(QAction, "newProjectAction").trigger()  # File → New project…
    assert isinstance(seen[0], NewProjectDialog) and seen[0].created == tmp_path / "second.annot"
    opened = [w for w in QApplication.topLevelWidgets()
              if isinstance(w, AdjudicationWindow) and w is not lead and w.isVisible()]
    assert [w.session.path for w in opened] == [tmp_path / "second.annot"]
    assert lead.isVisible()  # the lead's window stays: the new one opens beside it
    assert "created" in lead.statusBar().currentMessage()
    for window in opened:
        qtbot.addWidget(window)
        window.close()
