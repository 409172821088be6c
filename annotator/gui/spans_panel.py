"""The spans panel: this coder's spans in the current article, in text order."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from annotator.core.model import Annotation
from annotator.core.schema import Schema
from annotator.gui.colors import swatch
from annotator.gui.column_fit import fit_to_texts
from annotator.gui.plain_text import plain_tip
from annotator.gui.table_model import ListTableModel
from annotator.gui.texts import tr
from annotator.gui.wrap_delegate import WrapDelegate

Index = QModelIndex | QPersistentModelIndex


class SpansModel(ListTableModel):
    # No position column: offsets mean little to a coder, and the text and note need the width
    # (the label's tooltip gives the characters).
    HEADERS = (QT_TRANSLATE_NOOP("", "Label"), QT_TRANSLATE_NOOP("", "Text"),
               QT_TRANSLATE_NOOP("", "Note"))

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
            return ann.note.replace("\n", " ⏎ ")
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return self._icons.get(ann.label)
        if role == Qt.ItemDataRole.ToolTipRole:  # each cell's full text
            if col == 0:
                return plain_tip(self.schema.label(ann.label).display_name + "\n" + tr(
                    "characters {start}–{end}").format(start=ann.start, end=ann.end))
            return plain_tip(ann.text if col == 1 else ann.note) or None
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
        # Text and note wrap onto two lines (see wrap_delegate): the end of a span's text
        # matters, so its last line is elided in the middle; a note's at its end.
        self.setWordWrap(True)
        self.setItemDelegateForColumn(1, WrapDelegate(2, Qt.TextElideMode.ElideMiddle, self))
        self.setItemDelegateForColumn(2, WrapDelegate(2, Qt.TextElideMode.ElideRight, self))
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)  # fitted in set_spans
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.selectionModel().currentRowChanged.connect(self._row_changed)
        self.doubleClicked.connect(self._double_clicked)
        self._quiet = False

    def set_spans(self, spans: Sequence[Annotation], selected: str | None = None) -> None:
        self._quiet = True
        self.spans_model.set_spans(spans)
        self._quiet = False
        # Every frame's name fits (not only those used), so the column keeps its width as
        # spans come and go; measured from the names, not by asking each row (column_fit).
        fit_to_texts(self, 0, (lab.name_ja or lab.id for lab in self.schema.labels))
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
                text = self.tr("Relabel as {label}").format(label=lab.display_name)
                menu.addAction(swatch(lab.color), f"{text}\t{lab.key}") \
                    .triggered.connect(lambda _=False, i=lab.id: self.relabelRequested.emit(uuid, i))
        menu.addSeparator()
        menu.addAction(self.tr("Edit note…") + "\tEnter").triggered.connect(lambda: self.noteRequested.emit(uuid))
        menu.addAction(self.tr("Delete span") + "\tDel").triggered.connect(
            lambda: self.deleteRequested.emit(uuid)
        )
        menu.exec(event.globalPos())
        menu.deleteLater()
