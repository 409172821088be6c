"""The files and folders an import reads: a list with Add files…, Add folder… and Remove, and a
line where a path can be typed (Enter adds it), so neither a lead at the keyboard nor a test
needs the file dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

__all__ = ["PathsBox"]


class PathsBox(QWidget):
    """Emits ``changed`` when a path was added or removed."""

    changed = Signal()

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder  # where the file dialogs start
        self.path_list = QListWidget()
        self.path_list.setObjectName("pathList")
        self.path_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.path_list.setMaximumHeight(90)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("pathEdit")
        self.path_edit.setPlaceholderText(self.tr("Type a file or folder and press Enter"))
        self.path_edit.returnPressed.connect(self._typed)
        buttons = []
        for name, text, slot in (("addFiles", self.tr("Add files…"), self._browse_files),
                                 ("addFolder", self.tr("Add folder…"), self._browse_folder),
                                 ("removePaths", self.tr("Remove"), self._remove)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAutoDefault(False)  # Enter in the path line adds the path, nothing else
            button.clicked.connect(slot)
            buttons.append(button)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Files and folders (.txt, .csv, .jsonl):")), 0, 0, 1, 2)
        layout.addWidget(self.path_list, 1, 0, 3, 1)
        for row, button in enumerate(buttons, start=1):
            layout.addWidget(button, row, 1)
        layout.addWidget(self.path_edit, 4, 0, 1, 2)

    def paths(self) -> list[str]:
        return [self.path_list.item(k).text() for k in range(self.path_list.count())]

    def add(self, paths: list[str | Path]) -> None:
        """Add paths not listed yet, then emit ``changed``."""
        known = set(self.paths())
        for path in map(str, paths):
            if path not in known:
                self.path_list.addItem(path)
                known.add(path)
        self.changed.emit()

    def _typed(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.clear()
            path = Path(text).expanduser()
            self.add([path if path.is_absolute() else self.folder / path])

    def _browse_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Articles to import"), str(self.folder),
            self.tr("Articles (*.txt *.csv *.jsonl);;All files (*)"))
        if files:
            self.add(files)

    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of articles"),
                                                  str(self.folder))
        if folder:
            self.add([folder])

    def _remove(self) -> None:
        selected = self.path_list.selectedItems()
        for item in selected:
            self.path_list.takeItem(self.path_list.row(item))
        if selected:
            self.changed.emit()
