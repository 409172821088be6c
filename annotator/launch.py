"""The `annotator` program's entry point: the app's start without click, everything else to it.

`annotator` alone, `annotator PROJECT` and `annotator PROJECT --coder NAME` (what a coder runs,
and what a desktop shortcut runs, many times a day) start the app here, without building click's
command table and importing the commands' modules and the formats of other tools (nor click:
the store runs its SQL without sqlite-utils, whose plugin hooks import it): the app starts that
much sooner. Every other
command line, and any of these whose project cannot be opened, goes to :mod:`annotator.cli`
unchanged, which gives the same one-line errors as always (`annotator open` is the same
command). No Qt at the top of this module: the GUI is imported only when a window is wanted.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

#: The subcommands of :mod:`annotator.cli` (a test keeps this equal to its command table): a
#: first argument that is one of them is a command, not a project file.
COMMANDS = frozenset({
    "agreement", "articles", "assign", "check", "cue-effect", "export", "gold", "import", "merge",
    "new", "open", "progress", "report", "retitle", "round", "schema", "selfcheck", "tokens",
    "trim",
})


def lean_gui_process() -> None:
    """Keep the app short of pandas and numpy (~0.3 s) in a lead's analysis environment where
    they are installed: sqlite-utils imports them whenever it can, should anything in the
    window ask for ``Project.db`` (nothing does today; the store runs plain SQL)."""
    for name in ("pandas", "numpy"):
        if name not in sys.modules:
            sys.modules[name] = None  # type: ignore[assignment]  # `import name` now fails


def app_arguments(args: list[str]) -> tuple[str | None, str | None] | None:
    """``(project, coder)`` when ``args`` only start the app (``[]``, ``[PROJECT]``,
    ``[PROJECT, "--coder", NAME]`` or ``[PROJECT, "--coder=NAME"]``); None for anything else,
    which is click's to parse (options, commands, help, mistakes)."""
    if not args:
        return None, None
    project, rest = args[0], args[1:]
    if project.startswith("-") or project in COMMANDS:
        return None
    if not rest:
        return project, None
    if len(rest) == 2 and rest[0] == "--coder" and rest[1] and not rest[1].startswith("-"):
        return project, rest[1]
    if len(rest) == 1 and rest[0].startswith("--coder=") and len(rest[0]) > len("--coder="):
        return project, rest[0][len("--coder="):]
    return None


def start(args: list[str]) -> QMainWindow | int | None:
    """What `annotator ARGS` does before the event loop: when ARGS only start the app, the window
    shown (or the exit code when none was, e.g. the coder cancelled). None when the command line
    is click's, or the project cannot be opened (click then says why, in one line)."""
    from annotator.core.logs import ensure_streams

    ensure_streams()  # a windowed build has no console: print to the log folder instead
    if getattr(sys, "frozen", False):  # a no-op unfrozen, where importing it costs ~5 ms
        import multiprocessing

        multiprocessing.freeze_support()  # import's tokenizer workers, in a frozen build
    parsed = app_arguments(args)
    if parsed is None:
        return None
    project, coder = parsed
    lean_gui_process()
    # Start-up makes some 40,000 objects that live as long as the app (modules, classes, the
    # enum classes PySide6 builds); the garbage collector would scan them again and again while
    # they are made (~0.015 s) and twice more at exit (~0.04 s). Collection is off until the
    # window is shown; then they are frozen (gc.freeze: never scanned again) and it is back on.
    # The few hundred cycles start-up leaves behind stay in memory, which is all they cost.
    gc.disable()
    try:
        return _start_app(project, coder)
    finally:
        gc.freeze()
        gc.enable()


def _start_app(project: str | None, coder: str | None) -> QMainWindow | int | None:
    import sqlite3

    from annotator.core.demo import ensure_demo_project
    from annotator.core.errors import AnnotatorError
    from annotator.core.store import Project

    path = Path(project) if project else ensure_demo_project()
    try:
        Project.open(path, read_only=True).close()  # a bad file is refused before Qt, by click
    except (AnnotatorError, sqlite3.DatabaseError, OSError):
        return None
    from annotator.gui.app import start as start_app

    return start_app(path, coder)


def main(argv: list[str] | None = None) -> None:
    """Entry point of `annotator`, `python -m annotator` and the bundle."""
    import sqlite3

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        shown = start(args)
    except sqlite3.DatabaseError:  # damaged past the header: click words it as always
        shown = None
    if shown is None:
        from annotator.cli import main as cli_main

        cli_main(args)
        return
    if isinstance(shown, int):
        sys.exit(shown)
    from annotator.gui.application import application

    sys.exit(application().exec())
