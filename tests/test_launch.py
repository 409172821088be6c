"""The `annotator` entry point (annotator.launch): the app starts without the command table,
every other command line reaches click unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator import __version__
from annotator.cli import cli
from annotator.core.demo import create_demo_project
from annotator.launch import COMMANDS, app_arguments

ROOT = Path(__file__).resolve().parents[1]


def annotator(*args: str, home: Path, code: str | None = None) -> subprocess.CompletedProcess:
    """`python -m annotator ARGS` (or ``code``) in a new process, offscreen, with its own home."""
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "annotator", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FRAMING_ANNOTATOR_HOME": str(home),
           "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env,
                          check=False)


def test_the_command_names_are_the_cli_command_table():
    assert COMMANDS == set(cli.commands)


@pytest.mark.parametrize("args, expected", [
    ([], (None, None)),
    (["study.annot"], ("study.annot", None)),
    (["研究 ファイル.annot", "--coder", "花子"], ("研究 ファイル.annot", "花子")),
    (["study.annot", "--coder=hanako"], ("study.annot", "hanako")),
])
def test_command_lines_that_only_start_the_app(args, expected):
    assert app_arguments(args) == expected


@pytest.mark.parametrize("args", [
    ["--version"], ["--help"], ["-h"], ["open"], ["open", "study.annot"], ["import", "x", "y"],
    ["selfcheck"], ["study.annot", "--coder"], ["study.annot", "--coder="],
    ["study.annot", "--coder", "--help"], ["study.annot", "--help"], ["a.annot", "b.annot"],
    ["study.annot", "--coder", "x", "extra"], ["--coder", "x", "study.annot"],
])
def test_every_other_command_line_is_clicks(args):
    assert app_arguments(args) is None


def test_annotator_project_starts_the_app_without_the_command_table(tmp_path: Path):
    """`annotator PROJECT --coder NAME`, run up to the event loop: the window shows the first
    article, and neither annotator.cli nor the other tools' formats were imported, nor the
    dialogs (the coder was given, no note or shortcut list was opened)."""
    project = tmp_path / "研究 study.annot"
    create_demo_project(project).close()
    code = textwrap.dedent(f"""
        import sys
        from annotator.launch import start
        window = start([{str(project)!r}, "--coder", "hanako"])
        from PySide6.QtWidgets import QApplication
        QApplication.instance().processEvents()
        assert window.isVisible() and window.opened is not None, window
        assert window.session.coder == "hanako"
        import gc  # collection, off while the app starts, is on again for the session
        assert gc.isenabled() and gc.get_freeze_count() > 10000, gc.get_freeze_count()
        loaded = [m for m in sys.modules if m == "annotator.cli" or m.startswith(
            ("annotator.cli_", "annotator.core.interchange"))]
        print("loaded", loaded)
        # dialogs and cell painting the first paint does not need (imported when used)
        later = ["annotator.gui.coder_dialog", "annotator.gui.note_dialog",
                 "annotator.gui.shortcuts_dialog", "multiprocessing"]
        print("dialogs", [m for m in later if m in sys.modules])
        # libraries the window does not need to show an article (each was part of the start)
        assert window.opened.cues, "cue words come from the lemmas kept at import"
        libraries = ["sqlite_utils", "click", "fugashi", "logging.handlers",
                     "importlib.resources", "html", "uuid", "socket"]
        print("libraries", [m for m in libraries if sys.modules.get(m) is not None])
        # Qt classes PySide6 builds only when first reached, each with its enums: wrapping the
        # article view's viewport built every QtWidgets class, comparing a colour with None
        # built QGradient, and the message boxes are for errors and questions
        import PySide6.QtGui, PySide6.QtWidgets
        built = [n for n in ("QWizard", "QFileDialog", "QMessageBox")
                 if n in vars(PySide6.QtWidgets)]
        print("built", built + [n for n in ("QGradient",) if n in vars(PySide6.QtGui)])
    """)
    result = annotator(home=tmp_path / "home", code=code)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "loaded []" in result.stdout
    assert "dialogs []" in result.stdout
    assert "libraries []" in result.stdout
    assert "built []" in result.stdout


def test_other_command_lines_reach_click(tmp_path: Path):
    home = tmp_path / "home"
    version = annotator("--version", home=home)
    assert version.returncode == 0 and version.stdout.strip() == f"annotator, version {__version__}"
    helped = annotator("--help", home=home)
    assert helped.returncode == 0 and "selfcheck" in helped.stdout and "import" in helped.stdout


def test_a_project_that_cannot_be_opened_gets_clicks_one_line_error(tmp_path: Path):
    home = tmp_path / "home"
    missing = annotator(str(tmp_path / "no such 記事.annot"), home=home)
    bad = tmp_path / "壊れた.annot"
    bad.write_bytes(b"not a project file" * 100)
    damaged = annotator(str(bad), "--coder", "hanako", home=home)
    for result, name in ((missing, "no such 記事.annot"), (damaged, "壊れた.annot")):
        assert result.returncode == 1, result.stdout + result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: ") and name in lines[0], lines
