"""The spans panel: this coder's spans in the current article, in text order."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from annotator.core.model import Annotation
from annotator.core.schema import Schema
from annotator.gui.colors import swatch
from annotator.gui.table_model import ListTableModel

Index = QModelIndex | QPersistentModelIndex


class SpansModel(ListTableModel):
    HEADERS = ("Label", "Text", "Note", "Position")

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schema = schema
        self._icons = {lab.id: swatch(lab.color) for lab in schema.labels}

    @property
    def spans(self) -> list[Annotation]:
        return self.rows

    def set_spans(self, spans: Sequence[Annotation]) -> None:
        self.set_rows(sorted(spans, key=lambda a: (a.start, -a.end, a.created_at)))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        ann = self.spans[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return self.schema.label(ann.label).name_ja or ann.label
            if col == 1:
                return ann.text.replace("\n", " ⏎ ")
            if col == 2:
                return ann.note
            return f"{ann.start}–{ann.end}"
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return self._icons.get(ann.label)
        if role == Qt.ItemDataRole.ToolTipRole:
            label = self.schema.label(ann.label).display_name
            return f"{label}\n{ann.text}" + (f"\n\n{ann.note}" if ann.note else "")
        if role == Qt.ItemDataRole.UserRole:
            return ann.uuid
        return None

    def row_of(self, uuid: str) -> int:
        return next((i for i, a in enumerate(self.spans) if a.uuid == uuid), -1)


class SpansView(QTableView):
    """objectName ``spanList``. Selecting a row selects the span in the article view."""

    spanSelected = Signal(str)  # noqa: N815
    deleteRequested = Signal(str)  # noqa: N815
    relabelRequested = Signal(str, str)  # noqa: N815
    noteRequested = Signal(str)  # noqa: N815

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spanList")
        self.schema = schema
        self.spans_model = SpansModel(schema, self)
        self.setModel(self.spans_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.selectionModel().currentRowChanged.connect(self._row_changed)
        self.doubleClicked.connect(self._double_clicked)
        self._quiet = False

    def set_spans(self, spans: Sequence[Annotation], selected: str | None = None) -> None:
        self._quiet = True
        self.spans_model.set_spans(spans)
        self._quiet = False
        self.show_selected(selected)

    def show_selected(self, uuid: str | None) -> None:
        row = self.spans_model.row_of(uuid) if uuid else -1
        self._quiet = True
        if row >= 0:
            self.selectRow(row)
            self.scrollTo(self.spans_model.index(row, 0))
        else:
            self.clearSelection()
        self._quiet = False

    def current_uuid(self) -> str | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row()):
            return None
        return self.spans_model.spans[index.row()].uuid

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.spanSelected.emit(self.spans_model.spans[current.row()].uuid)

    def _double_clicked(self, index: QModelIndex) -> None:
        self.noteRequested.emit(self.spans_model.spans[index.row()].uuid)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        uuid = self.current_uuid()
        if uuid and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deleteRequested.emit(uuid)
            return
        if uuid and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.noteRequested.emit(uuid)
            return
        label = next((lab for lab in self.schema.labels if lab.key == event.text()), None)
        if uuid and label is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.relabelRequested.emit(uuid, label.id)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        index = self.indexAt(event.pos())
        if not index.isValid():
            return
        uuid = self.spans_model.spans[index.row()].uuid
        menu = QMenu(self)
        current = self.spans_model.spans[index.row()].label
        for lab in self.schema.labels:
            if lab.id != current:
                menu.addAction(swatch(lab.color), f"Relabel as {lab.display_name}\t{lab.key}") \
                    .triggered.connect(lambda _=False, i=lab.id: self.relabelRequested.emit(uuid, i))
        menu.addSeparator()
        menu.addAction("Edit note…\tEnter").triggered.connect(lambda: self.noteRequested.emit(uuid))
        menu.addAction("Delete span\tDel").triggered.connect(
            lambda: self.deleteRequested.emit(uuid)
        )
        menu.exec(event.globalPos())
        menu.deleteLater()
