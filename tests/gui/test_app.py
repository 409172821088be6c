"""Starting the app: coder identity, the demo project, and the PySide6 crash we must not reach."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import PySide6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import annotator.gui
from annotator.core.demo import demo_project_path, ensure_demo_project
from annotator.gui.app import build_main_window, choose_coder
from annotator.gui.coder_dialog import CoderDialog
from annotator.gui.settings import remember_coder, remembered_coder


def answer_coder_dialog(name: str) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CoderDialog)
        dialog.combo.setCurrentText(name)
        dialog.accept()

    QTimer.singleShot(50, answer)


def test_coder_is_asked_once_then_remembered(qtbot, project_path: Path):
    assert remembered_coder(project_path) is None
    answer_coder_dialog("  hanako  ")
    coder = choose_coder(project_path)
    assert coder == "hanako"
    remember_coder(project_path, coder)
    # Second opening: no dialog (a dialog would block this test until it timed out).
    assert choose_coder(project_path) == "hanako"


def test_coder_dialog_refuses_an_empty_name(qtbot):
    dialog = CoderDialog(["alice", "bob"])
    qtbot.addWidget(dialog)
    dialog.combo.setCurrentText("   ")
    dialog.accept()
    assert dialog.result() == 0 and "empty" in dialog.message.text()
    dialog.combo.setCurrentText("bob")
    dialog.accept()
    assert dialog.coder == "bob"


def test_demo_project_is_created_in_the_data_folder_and_opens(qtbot, private_home: Path):
    path = ensure_demo_project()
    assert path == demo_project_path() and path.parent == private_home
    before = path.read_bytes()
    assert ensure_demo_project() == path and path.read_bytes() == before
    window = build_main_window(path, "demo")
    qtbot.addWidget(window)
    assert window.articles.model.rowCount() == 5
    assert "Demo" in window.windowTitle()
    # The samples were written to exercise offsets: a character outside the BMP among them.
    texts = [window.session.project.articles.get(i).text for i in window.session.project.articles.ids()]
    assert any(any(ord(ch) > 0xFFFF for ch in t) for t in texts)
    window.close()


def test_pyside_version_that_aborts_python_is_not_installed():
    # PySide6 6.12.0 on CPython 3.11 aborts after repeated ExtraSelection.cursor assignments.
    assert not (PySide6.__version__ == "6.12.0" and sys.version_info[:2] == (3, 11))


def test_gui_does_not_use_extra_selections():
    sources = Path(annotator.gui.__file__).parent.glob("*.py")
    for source in sources:
        code = source.read_text(encoding="utf-8")
        assert "ExtraSelection(" not in code and "setExtraSelections" not in code, source.name


def test_thousands_of_highlight_updates_do_not_abort(tmp_path: Path, project_path: Path):
    # Run in a child: an abort there is a failed test here, not a dead test run.
    script = textwrap.dedent(
        f"""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from annotator.gui.app import application, build_main_window
        app = application()
        win = build_main_window({str(project_path)!r}, "stress")
        win.show()
        view = win.view
        bounds = win.opened.bounds
        for i in range(400):
            start, end = bounds[i % len(bounds)]
            view.select_range(start, end)
            win.tag_selection(win.schema.labels[i % 3].id)
            if i % 2:
                win.undo()
            view.select_span(None)
            app.processEvents()
        spans = win.session.spans(win.current_article_id)
        for _ in range(4):
            for s in spans:
                view.select_span(s.uuid)
        print("survived", len(spans))
        win.close()
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived 200" in result.stdout


def test_open_another_project_from_the_window(qtbot, project_path: Path, tmp_path: Path):
    from annotator.core.store import Project

    window = build_main_window(project_path, "alice")
    qtbot.addWidget(window)
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    other = tmp_path / "other.annot"
    Project.create(other, name="Other").close()
    second = window.open_project_file(other, "bob")
    qtbot.addWidget(second)
    assert "Other" in second.windowTitle() and "bob" in second.windowTitle()
    broken = tmp_path / "broken.annot"
    broken.write_text("not a database", encoding="utf-8")
    assert second.open_project_file(broken, "bob") is None
    box = second.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible() and "not an SQLite file" in box.text()
    assert "not an SQLite file" in second.last_error
    box.accept()
    assert second.isVisible()
    second.close()


def test_a_coder_remembered_again_leaves_the_settings_file_alone(project_path: Path,
                                                                  private_home: Path):
    """Every start remembers the coder: unchanged, the settings file is not rewritten (Qt
    writes a new file, synced, and renames it over the old one)."""
    remember_coder(project_path, "hanako")
    ini = private_home / "settings.ini"
    written = ini.stat().st_ino
    remember_coder(project_path, "hanako")
    assert ini.stat().st_ino == written and remembered_coder(project_path) == "hanako"
    remember_coder(project_path, "taro")
    assert ini.stat().st_ino != written and remembered_coder(project_path) == "taro"
