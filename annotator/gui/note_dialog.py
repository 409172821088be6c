"""The dialog that edits a span's note (a coder's note, or the lead's reason for a gold span).

Its own dialog rather than QInputDialog's multi-line box: there Return makes a new line and
nothing confirms from the keyboard, so a coder writing notes all day had to reach for the mouse.
Here Ctrl+Enter (and Ctrl+Return) accepts, Esc cancels, Return still makes a new line.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

#: The keys that accept the dialog (Return on the main keyboard, Enter on the keypad).
ACCEPT_KEYS = ("Ctrl+Return", "Ctrl+Enter")


class NoteDialog(QDialog):
    """objectName ``noteDialog``; the text box is ``noteEdit``."""

    def __init__(self, label: str, text: str, note: str, parent: QWidget | None = None,
                 title: str | None = None, prompt: str | None = None) -> None:
        """``title`` and ``prompt`` (a line above the span's text) default to a coder's note."""
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(title or self.tr("Note"))
        first = prompt or self.tr("Note on {label}:").format(label=label)
        heading = QLabel(f"{first}\n「{_short(text)}」")
        heading.setTextFormat(Qt.TextFormat.PlainText)  # the label and text come from data
        heading.setWordWrap(True)
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit = QPlainTextEdit(note)
        self.edit.setObjectName("noteEdit")
        self.edit.setTabChangesFocus(True)
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setToolTip(self.tr("Save the note (Ctrl+Enter)"))
        hint = QLabel(self.tr("Ctrl+Enter saves the note; Enter starts a new line."))
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.edit, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        for keys in ACCEPT_KEYS:
            QShortcut(QKeySequence(keys), self, self.accept)
        self.resize(460, 260)
        self.edit.setFocus()

    @property
    def note(self) -> str:
        return self.edit.toPlainText()


def _short(text: str, limit: int = 60) -> str:
    """The span's text as the heading quotes it: its first ``limit`` characters."""
    return text if len(text) <= limit else text[:limit] + "…"


def ask_note(parent: QWidget, label: str, text: str, note: str, title: str | None = None,
             prompt: str | None = None) -> str | None:
    """The edited note, or None if the coder cancelled."""
    dialog = NoteDialog(label, text, note, parent, title, prompt)
    try:
        return dialog.note if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
