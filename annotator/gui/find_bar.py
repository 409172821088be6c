"""Find in the article (Ctrl+F): a bar under the text with the term and "3 of 12".

Every match is painted in the view (yellow; the current one orange) through the view's own
highlighter, so spans and cues stay drawn under them. F3 / Shift+F3 (and Enter / Shift+Enter in
the field) go to the next / previous match, wrapping; Esc closes the bar and the paint goes.

Selection rule, chosen so that a frame key never tags something the coder did not pick: find
never selects text. Going to a match puts the text cursor, without a selection, at the match's
start and scrolls it into view, so an earlier selection is dropped (it may be out of sight) and
a frame key does nothing until the coder selects again; Shift+arrows select from the match.
The selected span (drawn stronger) is left as it is.

Matching is :mod:`annotator.core.find` (case- and width-insensitive, never inside a character).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from annotator.core.find import FoldedText, first_from

if TYPE_CHECKING:
    from annotator.gui.article_view import ArticleView


class FindBar(QWidget):
    """objectName ``findBar``; its field is ``findField`` and the count ``findCount``."""

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.matches: list[tuple[int, int]] = []
        self.current: int | None = None
        self._origin = 0  # where the find started: the first match from here is current
        self._folded: FoldedText | None = None

        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(self.tr("Find in the article"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(lambda _t: self.search())
        self.field.installEventFilter(self)
        self.count = QLabel()
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("0000 / 0000") + 8)
        previous = self._button("▲", self.tr("Previous match (Shift+F3)"), self.find_previous)
        following = self._button("▼", self.tr("Next match (F3)"), self.find_next)
        close = self._button("✕", self.tr("Close find (Esc)"), self.close_bar)
        close.setObjectName("findClose")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        label = QLabel(self.tr("Find:"))
        label.setBuddy(self.field)
        layout.addWidget(label)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addStretch(0)
        layout.addWidget(close)
        self.hide()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the field
        button.clicked.connect(lambda _c=False: slot())
        return button

    # --- opening and closing ------------------------------------------------------------

    def start(self) -> None:
        """Ctrl+F: show the bar with the keyboard in the field (its term selected, so typing
        replaces it); matches are counted from where the text cursor is."""
        self._origin = self.view.from_qt(self.view.textCursor().selectionStart())
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.search()

    def show_term(self, term: str) -> bool:
        """Open on the first match of ``term`` in the article (the article list's search did
        this); False, and nothing changes, when the text does not contain it. The keyboard
        stays where it is."""
        if not self._folded_text().find_all(term):
            return False
        self._origin = 0
        self.show()
        if self.field.text() == term:
            self.search()
        else:
            self.field.setText(term)  # searches
        return True

    def article_changed(self, list_search: str = "") -> None:
        """Another article is shown. When the article list's search (``list_search``) is in
        its text, the bar opens on its first match; else, with the bar open, its own term is
        found there, first match on."""
        self._folded = None
        self._origin = 0
        if list_search.strip() and self.show_term(list_search.strip()):
            return
        if not self.isHidden():
            self.search()

    def close_bar(self) -> None:
        """Esc: hide the bar and the matches; the keyboard goes back to the text."""
        had_focus = self.field.hasFocus()
        self.hide()
        self.matches, self.current = [], None
        self.view.set_found([], None)
        if had_focus:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- finding ------------------------------------------------------------------------

    def _folded_text(self) -> FoldedText:
        if self._folded is None or self._folded.text is not self.view.text:
            self._folded = FoldedText(self.view.text)
        return self._folded

    def search(self) -> None:
        """Find the field's term again (it was typed, or the article changed)."""
        term = self.field.text()
        self.matches = self._folded_text().find_all(term) if not self.isHidden() else []
        self.current = first_from(self.matches, self._origin)
        self.view.set_found(self.matches, self.current)
        self._show_current()

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        """F3 / Shift+F3: the next or previous match, wrapping; with the bar closed, they
        open it as Ctrl+F does (the term left from before found from the text cursor on)."""
        if self.isHidden():
            self.start()
            return
        if not self.matches:
            return
        current = 0 if self.current is None else (self.current + step) % len(self.matches)
        self.current = current
        self._origin = self.matches[current][0]
        self.view.set_found(self.matches, current)
        self._show_current()

    def _show_current(self) -> None:
        term = self.field.text()
        if self.current is None:
            self.count.setText(self.tr("No matches") if term else "")
            return
        self.count.setText(
            self.tr("{current} of {total}").format(current=self.current + 1,
                                                   total=len(self.matches)))
        start, end = self.matches[self.current]
        self._reveal(start, end)

    def _reveal(self, start: int, end: int) -> None:
        """Put the text cursor (no selection) on the match and scroll it into the middle of
        the view when it is not already in sight."""
        view = self.view
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.to_qt(start))
        top = view.cursorRect(cursor).top()
        probe = QTextCursor(view.document())
        probe.setPosition(view.to_qt(end))
        bottom = view.cursorRect(probe).bottom()
        bar = view.verticalScrollBar()
        before = bar.value()  # the rectangles above are measured at this scroll position
        view.setTextCursor(cursor)
        height = view.viewport().height()
        if top < 0 or bottom > height:
            bar.setValue(before + (top + bottom) // 2 - height // 2)
        else:
            bar.setValue(before)

    # --- keys ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter / Shift+Enter in the field: next / previous; Esc closes."""
        if watched is self.field and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self._step(-1 if shift else 1)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)


def with_find_bar(view: ArticleView) -> tuple[QWidget, FindBar]:
    """The view with its find bar under it, as one widget for a window's centre."""
    centre = QWidget()
    column = QVBoxLayout(centre)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    bar = FindBar(view)
    column.addWidget(view, 1)
    column.addWidget(bar)
    return centre, bar


def _keys(standard: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's keys for a standard action, with ``fallback`` (F3, Ctrl+F) always in."""
    keys = list(QKeySequence.keyBindings(standard))
    if QKeySequence(fallback) not in keys:
        keys.insert(0, QKeySequence(fallback))
    return keys


def find_actions(window: QWidget, bar: FindBar) -> list[QAction]:
    """Find…, Find next and Find previous for a window's Edit menu (window-wide keys)."""
    specs = [
        ("findAction", QCoreApplication.translate("FindBar", "Find…"),
         _keys(QKeySequence.StandardKey.Find, "Ctrl+F"), bar.start),
        ("findNextAction", QCoreApplication.translate("FindBar", "Find next"),
         _keys(QKeySequence.StandardKey.FindNext, "F3"), bar.find_next),
        ("findPreviousAction", QCoreApplication.translate("FindBar", "Find previous"),
         _keys(QKeySequence.StandardKey.FindPrevious, "Shift+F3"), bar.find_previous),
    ]
    actions = []
    for name, text, keys, slot in specs:
        action = QAction(text, window)
        action.setObjectName(name)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _c=False, s=slot: s())
        window.addAction(action)
        actions.append(action)
    return actions
