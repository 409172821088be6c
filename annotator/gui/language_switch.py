"""View → Language: 日本語 / English, applied at once and remembered.

Switching installs the other language's translators and then rebuilds each open coder's and
lead's window in it: a new window on the same open project (the same session, so the undo
history and the file's instance lock carry over), the same coder, article, precision mode,
scroll position, size and dock layout; the old window goes without closing the project. Qt's
other way, every widget re-setting its texts on a LanguageChange event, would need a
retranslate method beside every text of every panel and dialog and would break each time a
text is added; building anew uses the one code path that is tested anyway. Dialogs and the
Agreement window belong to their window and close with it.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from annotator.gui.language import (
    LANGUAGES,
    install_language,
    installed_language,
    remember_language,
)
from annotator.gui.texts import tr
from annotator.gui.window_lock import hand_over_lock


def language_menu(window: QMainWindow, parent: QMenu) -> QMenu:
    """The Language submenu of ``parent`` (View): each language named in its own language,
    the one in use checked. objectName ``languageMenu``; entries ``language_<code>``."""
    menu = parent.addMenu(tr("Language"))
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    shown = installed_language()
    for code, name in LANGUAGES.items():
        action = QAction(name, menu)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == shown)
        action.triggered.connect(lambda _c=False, c=code: _switch_later(c))
        group.addAction(action)
        menu.addAction(action)
    return menu


def _switch_later(code: str) -> None:
    """After the menu has closed: the window whose menu was used is replaced."""
    QTimer.singleShot(0, lambda: switch_language(code))


def switch_language(code: str) -> list[QMainWindow]:
    """Use ``code`` from now on (and at the next start); returns the rebuilt windows."""
    remember_language(code)
    install_language(code)
    return [rebuild(window) for window in open_windows()]


def open_windows() -> list[QMainWindow]:
    """The visible windows that have a Language menu: the coder's and the lead's."""
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMainWindow) and w.isVisible()
            and w.findChild(QMenu, "languageMenu") is not None]


def rebuild(old: QMainWindow) -> QMainWindow:
    """A new window like ``old`` in the language now installed; ``old`` is hidden and deleted
    without closing its session (the new window has it).

    The coder's window (``MainWindow``, made with an ``open_window``) and the lead's
    (``AdjudicationWindow``) are both built from their session; what the user had open is put
    back. Duck-typed, so that this module imports neither window (they import it)."""
    opener = getattr(old, "_open_window", None)
    new = type(old)(old.session, open_window=opener) if opener is not None \
        else type(old)(old.session)
    if hasattr(old, "articles") and hasattr(old.articles, "search_box"):
        new.articles.search_box.setText(old.articles.search_box.text())
    article = old.opened.article.id if getattr(old, "opened", None) is not None else None
    if article is not None:
        new.articles.select_article(article)  # opens it (the list's selection signal)
        if getattr(new, "opened", None) is None or new.opened.article.id != article:
            new.open_article(article)
    if hasattr(old, "precise_action"):
        new.precise_action.setChecked(old.precise_action.isChecked())
    if hasattr(new, "_docks_sized"):
        new._docks_sized = True  # the old window's dock sizes are restored instead
    new.restoreGeometry(old.saveGeometry())
    new.restoreState(old.saveState())
    hand_over_lock(old, new)
    new.show()
    new.view.verticalScrollBar().setValue(old.view.verticalScrollBar().value())
    if old.isActiveWindow():
        new.activateWindow()
    old.hide()  # hide, not close: closing would close the session the new window now uses
    old.deleteLater()
    return new
