"""annotator.core and annotator.cli never import Qt or the GUI (the core must run headless)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import annotator

PACKAGE = Path(annotator.__file__).parent
FORBIDDEN = ("PySide6", "shiboken6", "annotator.gui")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _headless_files() -> list[Path]:
    return sorted((PACKAGE / "core").rglob("*.py"))


def test_core_sources_import_no_qt():
    files = _headless_files()
    assert len(files) > 5
    for path in files:
        bad = [n for n in _imports(path) if n.split(".")[0] in FORBIDDEN or n.startswith(FORBIDDEN)]
        assert not bad, f"{path.name} imports {bad}"


def test_cli_imports_gui_only_inside_the_open_command():
    tree = ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8"))
    top_level = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    for node in top_level:
        module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
        assert not (module or "").startswith(FORBIDDEN)


def test_importing_core_and_cli_loads_no_qt():
    code = (
        "import sys, annotator.launch, annotator.cli, annotator.core.store, "
        "annotator.core.importers, "
        "annotator.core.exporters, annotator.core.tokenizer, annotator.core.selfcheck;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'annotator.gui'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _runtime_nodes(tree: ast.AST):
    """Every node, but not those under ``if TYPE_CHECKING:`` (never imported when running)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            continue
        yield node
        yield from _runtime_nodes(node)


def _gui_imports(path: Path) -> set[str]:
    """Every annotator module a GUI file imports when it runs, at the top or in a function."""
    names = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return {n for n in names if n.startswith("annotator.")}


def test_the_gui_modules_import_each_other_without_cycles():
    modules = {f"annotator.gui.{p.stem}": p for p in (PACKAGE / "gui").glob("*.py")}
    graph = {m: {n for n in _gui_imports(p) if n in modules and n != m} for m, p in modules.items()}
    visiting: list[str] = []
    done: set[str] = set()

    def visit(module: str) -> None:
        assert module not in visiting, " -> ".join([*visiting[visiting.index(module):], module])
        if module in done:
            return
        visiting.append(module)
        for target in graph[module]:
            visit(target)
        visiting.pop()
        done.add(module)

    for module in graph:
        visit(module)


def test_windows_talk_to_their_session_not_the_store():
    """Only start-up (app, selfcheck) opens project files; windows and panels use a Session."""
    allowed = {"app.py", "selfcheck.py"}
    for path in (PACKAGE / "gui").glob("*.py"):
        if path.name in allowed:
            continue
        reached = [n for n in _gui_imports(path)
                   if n.startswith("annotator.core.store")]
        assert not reached, f"{path.name} imports {reached}"
        assert "session.project" not in path.read_text(encoding="utf-8"), path.name
