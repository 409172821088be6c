"""The interface language: which one (system, the user's choice, a test's override) and the Qt
translators that make it so.

The app's texts are English in the source, wrapped in ``tr()``; the Japanese ones come from
``resources/i18n/annotator_ja.qm`` (compiled from the Qt Linguist source ``annotator_ja.ts`` by
``tools/translations.py``), and Qt's own texts (OK, Cancel, the file dialog) from the
``qtbase_ja.qm`` that PySide6 ships. The language follows the system locale unless the user chose
one in *View → Language* (remembered in the settings), and the environment variable
:data:`ENV_VAR` overrides both, so tests and screenshots can force one.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from annotator.core.data_files import data_folder

#: The languages of the interface, each named in its own language (as the menu shows them).
LANGUAGES = {"ja": "日本語", "en": "English"}
#: Forces a language (``ja`` or ``en``) over the system's and the user's choice.
ENV_VAR = "FRAMING_ANNOTATOR_LANG"
SETTINGS_KEY = "interface/language"

_installed: list[QTranslator] = []  # held here: Qt does not own installed translators
_shown = {"language": "en"}  # the language installed last (the source's until then)


def system_language() -> str:
    """``ja`` on a Japanese system, else ``en`` (the source language)."""
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def chosen_language() -> str | None:
    """The language the user chose in View → Language, if any."""
    from annotator.gui.settings import settings

    value = settings().value(SETTINGS_KEY)
    return str(value) if value in LANGUAGES else None


def remember_language(code: str) -> None:
    """Keep the user's choice for the next start."""
    from annotator.gui.settings import settings

    if code not in LANGUAGES:
        raise ValueError(f"unknown interface language: {code!r}")
    store = settings()
    store.setValue(SETTINGS_KEY, code)
    store.sync()


def current_language() -> str:
    """The language the interface should use now: the override, the user's choice, the system's."""
    forced = os.environ.get(ENV_VAR, "").strip().lower()
    if forced in LANGUAGES:
        return forced
    return chosen_language() or system_language()


def translations_folder() -> Path:
    """Where the app's compiled translations (``annotator_<code>.qm``) are."""
    return Path(str(data_folder("resources").joinpath("i18n")))


def qt_translations_folders() -> list[Path]:
    """Where Qt's own translations may be: Qt's configured folder, then PySide6's package (a
    PyInstaller bundle keeps them there, beside the Qt libraries)."""
    import PySide6
    from PySide6.QtCore import QLibraryInfo  # only for Japanese: not on an English start-up

    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
               Path(PySide6.__file__).resolve().parent / "Qt" / "translations"]
    return [folder for i, folder in enumerate(folders) if folder not in folders[:i]]


def install_language(code: str | None = None) -> str:
    """Install the translators of ``code`` (default :func:`current_language`) in the running
    application, replacing those of the language before; returns the language installed.

    English installs nothing: it is the source language. Widgets already built keep their texts
    (see :mod:`annotator.gui.language_switch` for rebuilding the open windows)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language() needs a QApplication")
    code = code or current_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _shown["language"] = "en"
    if code == "en":
        return code
    ours = QTranslator(app)
    if not ours.load(f"annotator_{code}.qm", str(translations_folder())):
        raise FileNotFoundError(f"the interface translation annotator_{code}.qm is missing "
                                f"from {translations_folder()}")
    _installed.append(ours)
    for folder in qt_translations_folders():
        qt = QTranslator(app)
        if qt.load(f"qtbase_{code}.qm", str(folder)):
            _installed.append(qt)
            break
    for translator in _installed:
        app.installTranslator(translator)
    _shown["language"] = code
    return code


def installed_language() -> str:
    """The language the interface shows now (what View → Language checks)."""
    return _shown["language"]


def qt_translation_installed() -> bool:
    """Whether Qt's own texts (OK, Cancel…) are translated too, for ``selfcheck`` and tests."""
    return len(_installed) > 1


def check_translations() -> str:
    """For ``annotator selfcheck``: the Japanese interface and Qt's own Japanese load, and a
    menu title and a standard button come out in Japanese."""
    ours = QTranslator()
    path = translations_folder() / "annotator_ja.qm"
    if not ours.load(str(path)):
        raise AssertionError(f"the Japanese interface {path} is missing or unreadable")
    if not ours.translate("", "&File"):
        raise AssertionError(f"{path} has no Japanese for the File menu")
    for folder in qt_translations_folders():
        qt = QTranslator()
        if qt.load("qtbase_ja.qm", str(folder)):
            if not qt.translate("QPlatformTheme", "Cancel"):
                raise AssertionError(f"{folder}/qtbase_ja.qm has no Japanese for Cancel")
            return f"Japanese interface {path.name}, Qt's own from {folder}"
    raise AssertionError("Qt's Japanese (qtbase_ja.qm) is in none of "
                         + ", ".join(map(str, qt_translations_folders())))
