"""The coders a lead hands copies to: a list, a field offering the project's coders, Add and
Remove; a name is checked as it is typed, with the reason shown under the field (the same rule
the store applies, :func:`~annotator.core.model.validate_coder_name`), and a name is listed once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.model import validate_coder_name


class CoderNames(QGroupBox):
    changed = Signal()

    def __init__(self, known: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Coders (one copy each)"))
        self.list = QListWidget(objectName="coderList")
        self.list.setMaximumHeight(84)
        self.edit = QComboBox(objectName="coderEdit")
        self.edit.setEditable(True)
        self.edit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.edit.addItems(known)
        self.edit.setCurrentText("")
        self.edit.lineEdit().setPlaceholderText(self.tr("A coder's name"))
        self.edit.setToolTip(self.tr("Type a name or pick one of the project's coders; "
                                     "Enter or Add puts it in the list"))
        self.add_button = QPushButton(self.tr("Add"), objectName="addCoderButton")
        self.remove_button = QPushButton(self.tr("Remove"), objectName="removeCoderButton")
        self.message = QLabel(objectName="coderMessage")
        self.message.setStyleSheet("color: #B00020")
        self.message.setWordWrap(True)
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)  # Enter in the field adds the name once, by itself
        self.add_button.clicked.connect(self.add)
        self.edit.lineEdit().returnPressed.connect(self._enter)
        self.edit.editTextChanged.connect(self._check_name)
        self.remove_button.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        inner = QVBoxLayout(self)
        inner.addWidget(self.list)
        inner.addLayout(row)
        inner.addWidget(self.message)

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _check_name(self, text: str) -> str | None:
        """The name as stored, or None with the reason shown under the field."""
        if not text.strip():
            self.message.setText("")
            return None
        try:
            name = validate_coder_name(text)
        except AnnotatorError as exc:
            self.message.setText(str(exc))
            return None
        taken = name in self.names()
        self.message.setText(self.tr("{0} is in the list already").format(name)
                             if taken else "")
        return None if taken else name

    def add(self) -> None:
        text = self.edit.currentText()
        if not text.strip():
            self.message.setText(self.tr("Type a coder's name first"))
            return
        name = self._check_name(text)
        if name is None:
            return
        self.list.addItem(name)
        self.edit.setCurrentText("")
        self.changed.emit()

    def _enter(self) -> None:
        # An editable combo box passes one Return to its line edit twice: the second finds the
        # field emptied by the first, and says nothing.
        if self.edit.currentText().strip():
            self.add()

    def remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()
