"""The Japanese interface: every visible text goes through tr() and has its Japanese, Qt's own
buttons are translated, and View → Language switches at once and is remembered.

Two translators drive the walk over the windows and dialogs: a pseudo-Japanese one made here
from the current sources (every extracted text with its letters turned full-width), which
catches texts that never went through tr() whatever the state of the translations; and the
shipped annotator_ja.qm, which also catches texts still waiting for their translation.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow, QMenu

from annotator.gui import language
from annotator.gui.app import build_adjudication_window, build_main_window
from tests.core.test_lead import three_coder_master
from tests.gui.visible_texts import english_left, schema_strings, widget_texts
from tests.test_translations import translations

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"(\{\w*\}|<[^>]*>|&\w+;|%\d)")


def pseudo(text: str) -> str:
    """``text`` with its ASCII letters full-width, placeholders and tags kept."""
    return "".join(part if PLACEHOLDER.fullmatch(part) else
                   "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalpha() else c
                           for c in part)
                   for part in PLACEHOLDER.split(text))


@pytest.fixture(scope="session")
def pseudo_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pseudo")
    ts = folder / "pseudo.ts"
    translations.update(ts)
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        translation.text = pseudo(message.findtext("source") or "")
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    translations.compile_ts(ts, folder / "pseudo.qm")
    return folder / "pseudo.qm"


@pytest.fixture(params=["pseudo", "ja"])
def interface(request, qapp, pseudo_qm: Path):
    """The interface in pseudo-Japanese (any text not through tr() stays ASCII) or in the
    shipped Japanese; English again afterwards."""
    if request.param == "ja":
        language.install_language("ja")
        yield "ja"
    else:
        language.install_language("ja")  # Qt's own texts (OK, Cancel) in Japanese
        translator = QTranslator()
        assert translator.load(str(pseudo_qm))
        QCoreApplication.installTranslator(translator)  # the last installed is asked first
        yield "pseudo"
        QCoreApplication.removeTranslator(translator)
    language.install_language("en")


@pytest.fixture
def master(tmp_path: Path, seed_files: list[Path]) -> Path:
    path = tmp_path / "master.annot"
    three_coder_master(path, seed_files)
    return path


def _coder_window(qtbot, path: Path) -> QMainWindow:
    window = build_main_window(path, "alice")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _data(window) -> list[str]:
    """What the window shows that is data: the schema's texts, coders, articles, paths."""
    session = window.session
    articles = [(a.external_id, a.title) for a in session.articles()]
    return [*schema_strings(window.schema.data), *session.coders(), session.name,
            str(session.path), session.path.name, str(session.path.parent),
            *(text for pair in articles for text in pair)]


# What the walk opens: the windows, and each dialog reachable from their menus.
def _open_coder(qtbot, window, tmp_path):
    return window


def _open_lead(qtbot, window, tmp_path):
    lead = build_adjudication_window(Path(window.session.path).with_name("lead.annot"))
    qtbot.addWidget(lead)
    lead.show()
    return lead


def _dialog(factory):
    def open_it(qtbot, window, tmp_path):
        dialog = factory(window, tmp_path)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog
    return open_it


def _new_project(window, tmp_path):
    from annotator.gui.new_project_dialog import NewProjectDialog
    return NewProjectDialog(tmp_path, window)


def _import(window, tmp_path):
    from annotator.gui.import_dialog import ImportDialog
    return ImportDialog(window)


def _export(window, tmp_path):
    from annotator.gui.interchange_dialog import ExportDialog
    return ExportDialog(window)


def _import_other(window, tmp_path):
    from annotator.gui.interchange_dialog import ImportOtherDialog
    return ImportOtherDialog(window)


def _rounds(window, tmp_path):
    from annotator.gui.rounds_dialog import RoundsDialog
    return RoundsDialog(window)


def _copies(window, tmp_path):
    from annotator.gui.copies_dialog import CopiesDialog
    return CopiesDialog(window.session.path, window)


def _merge(window, tmp_path):
    from annotator.gui.merge_dialog import MergeDialog
    return MergeDialog(window)


def _progress(window, tmp_path):
    from annotator.gui.progress_dialog import show_progress
    return show_progress(window)


def _report(window, tmp_path):
    from annotator.gui.report_dialog import ReportDialog
    return ReportDialog(window)


def _coder(window, tmp_path):
    from annotator.gui.coder_dialog import CoderDialog
    return CoderDialog(window.session.coders(), None, offer_lead=True)


def _note(window, tmp_path):
    from annotator.gui.note_dialog import NoteDialog
    return NoteDialog(window.schema.labels[0].display_name, "安全保障上の懸念", "", window)


def _agreement(window, tmp_path):
    return window.show_agreement()


def _from_help(action_name, attribute):
    """Help → Keyboard shortcuts / About: the dialog the menu entry opens."""
    def open_it(window, tmp_path):
        window.findChild(QAction, action_name).trigger()
        return getattr(window, attribute)
    return open_it


OPENERS = {
    "coder window": _open_coder, "lead window": _open_lead,
    "new project": _dialog(_new_project), "import": _dialog(_import),
    "export": _dialog(_export), "import from another tool": _dialog(_import_other),
    "rounds": _dialog(_rounds), "copies": _dialog(_copies), "merge": _dialog(_merge),
    "progress": _dialog(_progress), "report": _dialog(_report), "coder": _dialog(_coder),
    "note": _dialog(_note), "agreement": _dialog(_agreement),
    "keyboard shortcuts": _dialog(_from_help("shortcutsAction", "shortcuts_dialog")),
    "about": _dialog(_from_help("aboutAction", "about_box")),
}


@pytest.mark.parametrize("what", list(OPENERS))
def test_no_english_left_in_the_japanese_interface(qtbot, interface, master, tmp_path, what):
    shutil.copyfile(master, master.with_name("lead.annot"))
    window = _coder_window(qtbot, master)
    shown = OPENERS[what](qtbot, window, tmp_path)
    texts = widget_texts(shown)
    assert len(texts) >= 3, texts  # the walk sees the widget's texts at all
    left = english_left(texts, _data(window))
    how = ("never went through tr() (or lupdate cannot extract them: see "
           "tests/test_translations.py)" if interface == "pseudo" else
           "have no Japanese translation yet (tools/translations.py check)")
    assert not left, f"{len(left)} text(s) of the {what} that {how}:\n" + "\n".join(left)


def test_qt_own_buttons_are_japanese(qtbot, qapp):
    from annotator.gui.coder_dialog import CoderDialog

    language.install_language("ja")
    try:
        assert language.qt_translation_installed()
        dialog = CoderDialog(["alice"], None)
        qtbot.addWidget(dialog)
        buttons = dialog.findChild(QDialogButtonBox)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text().replace("(&C)", "") == "キャンセル"
    finally:
        language.install_language("en")


# --- View → Language -------------------------------------------------------------------------

def _click_menu_path(qtbot, window: QMainWindow, *path: str) -> None:
    """Open the menu bar's menu ``path[0]`` and go down the submenus by clicks, then click the
    entry ``path[-1]`` (object names of menus, then of the action)."""
    bar = window.menuBar()
    menu = window.findChild(QMenu, path[0])
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible)
    for name in path[1:-1]:
        sub = menu.findChild(QMenu, name)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton,
                         pos=menu.actionGeometry(sub.menuAction()).center())
        qtbot.waitUntil(sub.isVisible)
        menu = sub
    action = next(a for a in menu.actions() if a.objectName() == path[-1])
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def _menu_titles(window: QMainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def _replaced(qtbot, old: QMainWindow) -> QMainWindow:
    """The window that took ``old``'s place after a language switch (``old`` is deleted)."""
    kind = type(old)

    def others():
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, kind) and w is not old and w.isVisible()]
    qtbot.waitUntil(lambda: len(others()) == 1)
    qtbot.waitUntil(lambda: not shiboken6.isValid(old))
    return others()[0]


@pytest.fixture
def closes_windows(qtbot):
    """The windows a switch makes replace each other, so none is left to qtbot: close those
    still open at the end (closing releases the project's lock)."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            widget.close()
            widget.deleteLater()
    language.install_language("en")


ENGLISH_MENUS = ["&File", "&Edit", "&Article", "&View", "&Project", "&Tools"]
JAPANESE_MENUS = ["ファイル(&F)", "編集(&E)", "記事(&A)", "表示(&V)", "プロジェクト(&P)", "ツール(&T)"]


def test_view_language_switches_at_once_and_is_remembered(qtbot, master, monkeypatch,
                                                          closes_windows):
    monkeypatch.delenv(language.ENV_VAR, raising=False)
    language.remember_language("en")
    language.install_language()
    window = build_main_window(master, "alice")
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    session, lock = window.session, window.instance_lock
    article = window.articles.select_article(window.session.articles()[1].id)
    assert article
    opened = window.current_article_id
    window.precise_action.setChecked(True)
    assert [t for t in _menu_titles(window) if t in ENGLISH_MENUS][:3] == ENGLISH_MENUS[:3]
    english = window.findChild(QMenu, "languageMenu")
    assert [(a.text(), a.isChecked()) for a in english.actions()] == [
        ("日本語", False), ("English", True)]

    _click_menu_path(qtbot, window, "viewMenu", "languageMenu", "language_ja")
    japanese = _replaced(qtbot, window)
    assert _menu_titles(japanese)[:4] == JAPANESE_MENUS[:4]
    assert japanese.session is session  # same project, coder, undo history
    assert japanese.current_article_id == opened
    assert japanese.precise_action.isChecked()
    assert japanese.instance_lock is lock and not lock.acquire()  # still held, by the new one
    assert language.chosen_language() == "ja"
    checked = japanese.findChild(QMenu, "languageMenu")
    assert [(a.text(), a.isChecked()) for a in checked.actions()] == [
        ("日本語", True), ("English", False)]

    japanese.activateWindow()
    _click_menu_path(qtbot, japanese, "viewMenu", "languageMenu", "language_en")
    back = _replaced(qtbot, japanese)
    assert _menu_titles(back)[:4] == ENGLISH_MENUS[:4]
    assert language.chosen_language() == "en"

    back.activateWindow()
    _click_menu_path(qtbot, back, "viewMenu", "languageMenu", "language_ja")
    again = _replaced(qtbot, back)
    again.close()  # the project is closed and its lock released: it can be opened anew
    language.install_language("en")

    # A restart: the app installs the remembered language before building its window.
    assert language.install_language() == "ja"
    restarted = _coder_window(qtbot, master)
    assert _menu_titles(restarted)[:4] == JAPANESE_MENUS[:4]


def test_the_lead_window_switches_too(qtbot, master, monkeypatch, closes_windows):
    monkeypatch.delenv(language.ENV_VAR, raising=False)
    language.install_language("en")
    lead = build_adjudication_window(master)
    lead.show()
    qtbot.waitExposed(lead)
    lead.activateWindow()
    session = lead.session
    opened = lead.articles.ids()[1]
    lead.articles.select_article(opened)
    assert lead.current_id == opened
    _click_menu_path(qtbot, lead, "viewMenu", "languageMenu", "language_ja")
    new = _replaced(qtbot, lead)
    assert _menu_titles(new)[:2] == ["ファイル(&F)", "裁定(&A)"]
    assert new.current_id == opened and new.session is session


def test_the_environment_forces_a_language(monkeypatch):
    monkeypatch.setenv(language.ENV_VAR, "ja")
    language.remember_language("en")
    assert language.current_language() == "ja"
    monkeypatch.setenv(language.ENV_VAR, "en")
    language.remember_language("ja")
    assert language.current_language() == "en"
    monkeypatch.delenv(language.ENV_VAR)
    assert language.current_language() == "ja"  # the user's choice over the system's


def test_selfcheck_loads_both_translations(monkeypatch, tmp_path):
    assert language.check_translations().startswith("Japanese interface annotator_ja.qm")
    monkeypatch.setattr(language, "translations_folder", lambda: tmp_path)
    with pytest.raises(AssertionError, match="annotator_ja.qm is missing"):
        language.check_translations()


def test_the_agreement_windows_notes_are_in_the_interfaces_language(qtbot, interface, master):
    """The notes beside the values (why a value is undefined, what was left out) are the core's
    English in the CSV files, and the interface's language in the window."""
    from PySide6.QtWidgets import QTableWidget

    window = _coder_window(qtbot, master)
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    headers = {QCoreApplication.translate(context, "note")
               for context in ("AgreementWindow", "CodeAgreementPane")}

    def notes() -> list[str]:
        found = []
        for table in agreement.findChildren(QTableWidget):
            for column in range(table.columnCount()):
                header = table.horizontalHeaderItem(column)
                if header is not None and header.text() in headers:
                    found += [table.item(row, column).text() for row in range(table.rowCount())
                              if table.item(row, column) is not None]
        return [note for note in found if note]

    qtbot.waitUntil(lambda: len(notes()) >= 2)
    for note in notes():
        assert not re.search(r"[a-z]{3,}", note), note  # D_e, P_e and α are not words


def _words(text: str, path: Path) -> list[str]:
    """The English words of a message once its project path is taken out."""
    return re.findall(r"[A-Za-z]{3,}", text.replace(str(path), " ").replace("Framing Annotator", " "))


def test_the_project_files_reasons_and_errors_are_in_the_interfaces_language(
        qtbot, interface, master):
    """Why a window is read-only, and why an edit was not saved: the core's English for the
    command line and the log, the interface's language in the window (the path as it is)."""
    import sqlite3

    from PySide6.QtWidgets import QLabel

    from annotator.core.store.instance import InstanceLock
    from tests.gui.conftest import drag_select

    holder = InstanceLock(master)  # another window has the file: this one opens read-only
    assert holder.acquire()
    try:
        reader = build_main_window(master, "alice", if_open_elsewhere="read_only")
        qtbot.addWidget(reader)
        assert reader.session.read_only
        saved = reader.findChild(QLabel, "savedLabel").text()
    finally:
        holder.release()
    reader.close()
    assert saved and not _words(saved, master), saved

    window = _coder_window(qtbot, master)
    writer = sqlite3.connect(master, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another program writes to the file
    try:
        view = window.view
        drag_select(qtbot, view, 0, 4)
        qtbot.keyClick(view, Qt.Key.Key_1)
        qtbot.waitUntil(lambda: bool(window.last_error), timeout=5000)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert str(master) in window.last_error
    assert not _words(window.last_error, master), window.last_error
