"""Undo and Redo name the step in the interface's language: every template a core command
describes itself with is listed for translation, and a real edit reads in Japanese."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt

from annotator.gui import language
from annotator.gui.undo_texts import TEMPLATES
from tests.gui.conftest import drag_select

CORE = Path(__file__).resolve().parents[2] / "annotator" / "core"


def _templates_in(path: Path) -> set[str]:
    """Strings a command's description is made of: describe(...)'s first argument, words=(...)
    and ``words`` defaults, and fixed ``text = "..."`` of a command class (dict keys left out:
    they are statuses, not texts)."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    keys = {id(k) for node in ast.walk(tree) if isinstance(node, ast.Dict) for k in node.keys}

    def strings(node: ast.AST) -> None:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Constant) and isinstance(sub.value, str) \
                    and id(sub) not in keys:
                found.add(sub.value)

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "describe" \
                and node.args:
            strings(node.args[0])
        if isinstance(node, ast.keyword) and node.arg == "words" \
                and isinstance(node.value, ast.Tuple):
            strings(node.value.elts[0])
        if isinstance(node, ast.arguments):
            for arg, default in zip(node.args[-len(node.defaults):] if node.defaults else [],
                                    node.defaults):
                if arg.arg == "words" and isinstance(default, ast.Tuple):
                    strings(default.elts[0])
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.Assign) and [getattr(t, "id", "") for t in
                                                     item.targets] == ["text"]:
                    strings(item.value)
    return {s for s in found if s}


def test_every_template_the_core_uses_is_listed_for_translation() -> None:
    used = set().union(*(_templates_in(p) for p in CORE.glob("*.py")))
    assert used >= {"add {label}", "accept agreed ({rule})", "delete span", "change boundaries"}
    assert used <= set(TEMPLATES), sorted(used - set(TEMPLATES))


def test_undo_names_the_step_in_japanese(qtbot, window) -> None:
    language.install_language("ja")
    try:
        view = window.view
        start = view.text.index("安全保障")
        drag_select(qtbot, view, start, start + 4)
        qtbot.keyClick(view, Qt.Key.Key_1)
        tip = window.undo_action.toolTip()
        name = window.schema.labels[0].name_ja
        assert name in tip and "add" not in tip and "(Ctrl+Z)" in tip
        assert tip != f"Undo add {name} (Ctrl+Z)"
    finally:
        language.install_language("en")
    window._update_undo()
    assert window.undo_action.toolTip() == \
        f"Undo add {window.schema.labels[0].name_ja} (Ctrl+Z)"


def test_the_accept_rule_reads_in_the_interfaces_language(qapp) -> None:
    from annotator.core.gold_commands import AcceptAgreed
    from annotator.core.schema import default_schema
    from annotator.gui.undo_texts import undo_words

    schema = default_schema()
    assert undo_words(AcceptAgreed(1, "majority", "lead"), schema) == \
        "accept agreed (majority)"
    assert undo_words(AcceptAgreed(1, 3, "lead"), schema) == "accept agreed (at least 3)"
    language.install_language("ja")
    try:
        assert undo_words(AcceptAgreed(1, "majority", "lead"), schema) == "一致したものを採用(過半数)"
        assert undo_words(AcceptAgreed(1, "all", "lead"), schema) == "一致したものを採用(全員)"
        assert undo_words(AcceptAgreed(1, 3, "lead"), schema) == "一致したものを採用(3 人以上)"
    finally:
        language.install_language("en")
