"""What the annotation window does with spans: tag a selection, delete, relabel, note.

A mixin of :class:`~annotator.gui.main_window.MainWindow` (it uses the window's session, views
and ``_edit``): each action is one undoable session call whose Change refreshes the views.
"""

from __future__ import annotations

from annotator.gui.span_adjusting import SpanAdjusting
from annotator.gui.texts import tr


class SpanEditing(SpanAdjusting):
    """Span actions of the annotation window (see the module docstring; moving a span's edges:
    :mod:`annotator.gui.span_adjusting`)."""

    def tag_selection(self, label: str) -> None:
        """Create a span from the selection; with no selection, relabel the selected span."""
        if self.opened is None or self.session.read_only:
            return
        selection = self.view.selection()
        if selection is None:
            if self.view.selected_uuid:
                self.relabel_span(self.view.selected_uuid, label)
            else:
                self.statusBar().showMessage(
                    tr("Select some text first, then press a frame key."), 4000)
            return
        start, end = selection
        opened = self.opened
        self._edit(lambda: self.session.add_span(opened, label, start, end))
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)

    def _shown(self, uuid: str):
        """The span as this window shows it (its revision is what an edit expects to find)."""
        for ann in self.spans.spans_model.spans:
            if ann.uuid == uuid:
                return ann
        return self.session.annotation(uuid)

    def delete_span(self, uuid: str) -> None:
        if not self.session.read_only:
            self._edit(lambda: self.session.delete_span(self._shown(uuid)))

    def delete_selected_span(self) -> None:
        uuid = self.view.selected_uuid or self.spans.current_uuid()
        if uuid:
            self.delete_span(uuid)

    def relabel_span(self, uuid: str, label: str) -> None:
        ann = self._shown(uuid)
        if ann.label != label and not self.session.read_only:
            self._edit(lambda: self.session.relabel(ann, label))

    def edit_note(self, uuid: str) -> None:
        if self.session.read_only:
            return
        from annotator.gui.note_dialog import ask_note

        ann = self._shown(uuid)
        label = self.schema.label(ann.label).display_name
        note = ask_note(self, label, ann.text, ann.note)
        if note is not None and note != ann.note:
            self.set_note(uuid, note)

    def set_note(self, uuid: str, note: str) -> bool:
        """Give a span a note (what the Note dialog does when the coder presses OK)."""
        ann = self._shown(uuid)
        return self._edit(lambda: self.session.edit_note(ann, note))

    def edit_selected_note(self) -> None:
        uuid = self.view.selected_uuid or self.spans.current_uuid()
        if uuid:
            self.edit_note(uuid)

    def _span_row_selected(self, uuid: str) -> None:
        self.view.select_span(uuid, scroll=True)
        self.follow_codebook(uuid)
        self._update_actions()

    def follow_codebook(self, uuid: str) -> None:
        """Show the selected span's frame in the codebook dock."""
        self.codebook.show_label(self._shown(uuid).label)
