"""Asks who is coding: once per project, remembered, switchable from the File menu.

On a master (``offer_lead``) it also offers self.tr("Adjudicate (lead)"): the lead is not a coder, so
choosing it sets :attr:`CoderDialog.lead` and no coder name."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.model import validate_coder_name


class CoderDialog(QDialog):
    def __init__(
        self, coders: list[str], current: str | None = None, parent: QWidget | None = None,
        offer_lead: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is coding?"))
        self.combo = QComboBox()
        self.combo.setObjectName("coderName")
        self.combo.setEditable(True)
        self.combo.addItems(coders)
        self.combo.setCurrentText(current or "")
        self.combo.lineEdit().setPlaceholderText(self.tr("Your coder name"))
        self.message = QLabel("")
        self.message.setStyleSheet("color: #B00020")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.lead = False
        self.lead_button: QPushButton | None = None
        if offer_lead:
            self.lead_button = buttons.addButton(
                self.tr("Adjudicate (lead)"), QDialogButtonBox.ButtonRole.ActionRole)
            self.lead_button.setObjectName("leadButton")
            self.lead_button.setToolTip(self.tr("Open the adjudication view: compare the coders' "
                                                "work and decide the gold standard (not as a "
                                                "coder)"))
            self.lead_button.clicked.connect(self.accept_lead)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Your coder name is stored with every span you make.")))
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

    def accept_lead(self) -> None:
        self.lead, self.coder = True, None
        super().accept()
