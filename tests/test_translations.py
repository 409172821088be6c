"""The Japanese interface's translation files: complete, compiled, and extractable.

A visible text reaches Japanese only if pyside6-lupdate finds it in the sources (a literal in
tr() / translate() / QT_TRANSLATE_NOOP, under the context the running app asks for), a
translator finished it in resources/i18n/annotator_ja.ts, and the committed .qm is that .ts
compiled. Each test here fails when one of those links is broken, naming what to fix.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "tools" / "translations.py")
translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translations)


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed .ts updated from the current sources, in a temporary folder."""
    ts = tmp_path_factory.mktemp("i18n") / "annotator_ja.ts"
    shutil.copyfile(translations.ts_path(), ts)
    translations.update(ts)
    return ts


def test_every_source_text_has_a_japanese_translation(fresh_ts: Path) -> None:
    missing = translations.untranslated(fresh_ts)
    listed = "\n".join(f"  [{context or 'no context'}] {source!r}" for context, source in missing)
    assert not missing, (
        f"{len(missing)} interface text(s) without a finished Japanese translation. Run "
        "`.venv/bin/python tools/translations.py update`, translate them in "
        "resources/i18n/annotator_ja.ts (pyside6-linguist), then `... compile`:\n" + listed)


def test_the_committed_ts_is_up_to_date_with_the_sources(fresh_ts: Path) -> None:
    """No text in the sources that the committed .ts lacks (run `tools/translations.py update`)."""
    committed = {(c, s) for c, s, _t in translations.messages(translations.ts_path())}
    current = {(c, s) for c, s, _t in translations.messages(fresh_ts)}
    assert not current - committed, sorted(current - committed)


PLACEHOLDER = re.compile(r"\{\w*\}|%\d")
#: English plural endings ("{n} unit{s}": annotator.core.measure_notes), which a language
#: without plurals leaves out.
PLURAL_ENDING = "{s}"


def test_translations_keep_placeholders_and_menu_keys() -> None:
    """A translation has the same {name} fields as its source (else .format() fails or drops a
    value; only an English plural ending may be left out), and a menu title with an &-key
    keeps one."""
    wrong = []
    for context, source, text in translations.messages(translations.ts_path()):
        if text is None:
            continue
        fields = sorted(PLACEHOLDER.findall(source))
        if sorted(PLACEHOLDER.findall(text)) not in (
                fields, [f for f in fields if f != PLURAL_ENDING]):
            wrong.append(f"[{context}] {source!r} -> {text!r}: placeholders differ")
        if re.match(r"&\w", source) and not re.search(r"&\w", text):
            wrong.append(f"[{context}] {source!r} -> {text!r}: the menu key is gone")
    assert not wrong, "\n".join(wrong)


def test_the_committed_qm_is_the_compiled_ts(tmp_path: Path) -> None:
    qm = tmp_path / "annotator_ja.qm"
    translations.compile_ts(translations.ts_path(), qm)
    assert qm.read_bytes() == translations.qm_path().read_bytes(), (
        "resources/i18n/annotator_ja.qm is not the compiled .ts: run "
        "`.venv/bin/python tools/translations.py compile`")


def test_the_qm_translates_what_the_ts_says(qapp) -> None:
    """Loaded into Qt, the .qm gives each finished message's Japanese (in its context)."""
    translator = QTranslator()
    assert translator.load(str(translations.qm_path()))
    QCoreApplication.installTranslator(translator)
    try:
        done = [(c, s, t) for c, s, t in translations.messages(translations.ts_path()) if t]
        assert done, "no finished translation in the .ts"
        wrong = [(c, s) for c, s, t in done if QCoreApplication.translate(c, s) != t]
        assert not wrong, wrong[:20]
    finally:
        QCoreApplication.removeTranslator(translator)


def test_missing_translation_is_reported(tmp_path: Path) -> None:
    """The check itself: an unfinished message and an empty one are listed, a vanished one not."""
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ja">'
        "<context><name>W</name>"
        "<message><source>Done</source><translation>完了</translation></message>"
        '<message><source>Open</source><translation type="unfinished">開く</translation></message>'
        "<message><source>Quit</source><translation></translation></message>"
        '<message><source>Old</source><translation type="vanished">古い</translation></message>'
        "</context></TS>", encoding="utf-8")
    assert translations.untranslated(ts) == [("W", "Open"), ("W", "Quit")]
    assert [m[1] for m in translations.messages(ts)] == ["Done", "Open", "Quit"]


# --- texts lupdate can extract ---------------------------------------------------------------

def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _is_text(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def extraction_problems(path: Path) -> list[str]:
    """Calls whose text lupdate cannot extract, or extracts under another context than the one
    the running app asks for."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems = []

    def say(node: ast.AST, what: str) -> None:
        where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
        problems.append(f"{where}:{node.lineno}: {what}")

    for node in ast.walk(tree):  # def _tr(text): return translate("X", text): not extracted
        if isinstance(node, ast.FunctionDef) and node.name != "tr" and node.args.args:
            param = node.args.args[0].arg
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and _call_name(call) == "translate" and \
                        len(call.args) > 1 and ast.unparse(call.args[1]) == param:
                    say(node, f"{node.name}(): lupdate extracts only calls named tr(); import "
                              "tr from annotator.gui.texts instead")
    helpers = {node for node in ast.walk(tree)
               if isinstance(node, ast.FunctionDef) and node.name == "tr"}
    in_helper = {id(call) for helper in helpers for call in ast.walk(helper)}
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and _call_name(inner) in ("tr", "translate") \
                        and inner.args and _is_text(inner.args[-1]):
                    say(inner, "tr() inside an f-string: lupdate does not look there; call it "
                               "before and put the result in")
        if not isinstance(node, ast.Call):
            continue
        name, args = _call_name(node), node.args
        if name in ("translate", "QT_TRANSLATE_NOOP") and args and \
                isinstance(node.func, ast.Name | ast.Attribute) and \
                (name == "QT_TRANSLATE_NOOP" or "QCoreApplication" in ast.unparse(node.func)):
            if id(node) in in_helper:
                if not (_is_text(args[0]) and args[0].value == ""):
                    say(node, "a module's tr() helper must translate in the empty context "
                              "(lupdate files bare tr() calls there): translate(\"\", text)")
            elif not _is_text(args[0]):
                say(node, f"{name}() needs a literal context, not {ast.unparse(args[0])}")
            elif name == "QT_TRANSLATE_NOOP" and not _is_text(args[1] if len(args) > 1 else None):
                say(node, "QT_TRANSLATE_NOOP() needs a literal text")
        if name == "tr" and isinstance(node.func, ast.Attribute):
            owner = ast.unparse(node.func.value)
            if owner != "self":
                say(node, f"{owner}.tr(): lupdate takes '{owner}' as the context; use tr() "
                          "from annotator.gui.texts or self.tr()")
        if name in ("tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP") and \
                any(isinstance(arg, ast.JoinedStr) for arg in args):
            say(node, f"an f-string in {name}(): lupdate cannot extract it; format after tr()")
    return sorted(problems, key=lambda p: int(p.split(":")[1]))


def test_every_translated_text_is_extractable() -> None:
    problems = [p for path in translations.sources() for p in extraction_problems(path)]
    assert not problems, "\n".join(problems)


def test_the_extraction_check_catches_what_lupdate_misses(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text(
        "from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP\n"
        "C = 'Mine'\n"
        "def tr(text):\n    return QCoreApplication.translate(C, text)\n"
        "X = QT_TRANSLATE_NOOP(C, 'text')\n"
        "def f(window, n):\n    return window.tr('Open'), tr(f'{n} spans')\n"
        "def _tr(text):\n    return QCoreApplication.translate('', text)\n"
        "def g(n):\n    return f\"{tr('Done')}: {n}\"\n", encoding="utf-8")
    problems = extraction_problems(source)
    assert [p.split(": ", 1)[1].split(" ")[0] for p in problems] == [
        "a", "QT_TRANSLATE_NOOP()", "window.tr():", "an", "_tr():", "tr()"], problems
