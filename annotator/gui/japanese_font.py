"""A font for Japanese text when the system has none: the one the coders' bundle carries.

A Linux laptop without a CJK font draws every kana and kanji as a box. The coders' bundle
therefore carries Noto Sans CJK (``annotator/fonts/`` in the bundle, with its licence; see
``packaging/bundled_font.py``). At start-up :func:`ensure_japanese_font` lays out a few kana
and kanji with the application font, through Qt's own font fallback; only when some of them
would be a box does it load the bundled font. Loading a 19 MB font collection takes about
15 ms, so systems that draw Japanese never pay for it, and their own fonts are used.

The loaded collection also holds Korean and Chinese faces whose kanji are drawn differently,
so its Japanese family is put after the default family in the application font: every widget
then falls back to the Japanese face, not to whichever face Qt's fallback would pick. The
article view names the same family first in its own font (``READING_FONTS``).

Where the bundled font is: the folder ``fonts`` beside this package (where the bundle puts it),
or the folder named by :data:`FONT_DIR_ENV` (for tests, and for packagers who keep fonts
elsewhere). A pip install has no such folder: there the system must have a Japanese font, and
``annotator selfcheck`` says so when it has none.
"""

from __future__ import annotations

import logging
import os
import unicodedata
from pathlib import Path

from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QApplication

import annotator

#: Names a folder of fonts to use instead of the bundled ``fonts`` folder beside the package.
FONT_DIR_ENV = "FRAMING_ANNOTATOR_FONTS"
#: The font files looked at in that folder (other files there, such as the licence, are not).
FONT_SUFFIXES = (".ttc", ".otf", ".ttf")
#: Kana, kanji and Japanese punctuation: a system that draws all of these has a Japanese font.
PROBE = "日本語の文字、ひらがなとカタカナ。「」ー"

# Categories whose characters are not drawn on their own (controls, format characters, marks
# drawn on their base, separators): a missing-glyph check cannot judge them one by one.
_NOT_ON_THEIR_OWN = {"Cc", "Cf", "Cs", "Co", "Mn", "Me", "Zs", "Zl", "Zp"}

#: What :func:`ensure_japanese_font` found, for the selfcheck's report.
_UNCHECKED = "not checked yet"
_state = {"source": _UNCHECKED}


def bundled_font_folder() -> Path:
    """The folder of the font used when the system has no Japanese font."""
    override = os.environ.get(FONT_DIR_ENV)
    if override:
        return Path(override)
    return Path(annotator.__file__).resolve().parent / "fonts"


def undrawable(text: str, font: QFont) -> list[str]:
    """The distinct characters of ``text`` that ``font`` (with Qt's fallback to other fonts)
    would draw as the missing-glyph box, in text order.

    The characters are laid out as Qt lays out text, all together first and one by one only
    if that shows a box: a glyph index of 0 (``.notdef``, the box) in any resulting glyph run
    means no font had it. Together, a character several scripts share (punctuation such as
    「。」) takes its neighbours' font, as it does in an article; alone it takes its own, so
    the one-by-one list may name such a character that drew in context. Controls, spaces and
    combining marks are skipped: they are not drawn on their own."""
    drawn = [c for c in dict.fromkeys(text) if unicodedata.category(c) not in _NOT_ON_THEIR_OWN]
    if not drawn or not _has_missing_glyph("".join(drawn), font):
        return []  # the usual answer, from one layout of all the characters
    return [char for char in drawn if _has_missing_glyph(char, font)]


def _has_missing_glyph(text: str, font: QFont) -> bool:
    """Whether laying out ``text`` as Qt does gives glyph 0 (``.notdef``, the box) anywhere.

    ``text`` must hold only characters drawn on their own (see :func:`undrawable`)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return any(0 in run.glyphIndexes() for run in layout.glyphRuns())


def ensure_japanese_font(app: QApplication) -> str:
    """Load the bundled font and make it the application's fallback if the system's fonts
    cannot draw Japanese; returns how Japanese is drawn (also kept for :func:`font_source`)."""
    if _state["source"] != _UNCHECKED:  # once per run: the application font is set by then
        return _state["source"]
    if not undrawable(PROBE, app.font()):
        return _remember("the system's fonts")
    from PySide6.QtGui import QFontDatabase  # only without a system font: not at every start-up

    folder = bundled_font_folder()
    files = sorted(p for p in folder.glob("*") if p.suffix.lower() in FONT_SUFFIXES) \
        if folder.is_dir() else []
    families: list[str] = []
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            logging.getLogger(__name__).warning("Qt could not load the font %s", path)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        logging.getLogger(__name__).warning(
            "the system has no Japanese font and %s holds none: Japanese text shows as boxes",
            folder)
        return _remember(f"no Japanese font on the system and none in {folder}")
    japanese = next((f for f in families if f.endswith(" JP")), families[0])
    font = app.font()
    base = font.families() or [font.family()]
    if japanese not in base:
        font.setFamilies([*base, japanese])
        app.setFont(font)
    return _remember(f"the bundled {japanese} ({folder})")


def font_source() -> str:
    """How Japanese text is drawn in this run, as :func:`ensure_japanese_font` found it."""
    return _state["source"]


def _remember(source: str) -> str:
    _state["source"] = source
    return source
