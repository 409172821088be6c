"""Asks who is coding: once per project, remembered, switchable from the File menu."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.model import validate_coder_name


class CoderDialog(QDialog):
    def __init__(
        self, coders: list[str], current: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Who is coding?")
        self.combo = QComboBox()
        self.combo.setObjectName("coderName")
        self.combo.setEditable(True)
        self.combo.addItems(coders)
        self.combo.setCurrentText(current or "")
        self.combo.lineEdit().setPlaceholderText("Your coder name")
        self.message = QLabel("")
        self.message.setStyleSheet("color: #B00020")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Your coder name is stored with every span you make."))
        layout.addWidget(self.combo)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.coder: str | None = None

    def accept(self) -> None:
        try:
            self.coder = validate_coder_name(self.combo.currentText())
        except AnnotatorError as exc:
            self.message.setText(str(exc))
            return
        super().accept()
