"""Moving the selected span's edges: the Edit menu's keys and the article view's edge drag.

A mixin of :class:`~annotator.gui.main_window.MainWindow` (through
:class:`~annotator.gui.span_editing.SpanEditing`). **Alt+Shift+Right/Left** move the selected
span's end one token (one character in character precision), **Ctrl+Alt+Shift+Right/Left**
its start; dragging an edge of the selected span in the view moves it too. Each move is one
undoable :class:`~annotator.core.commands.AdjustSpan`, in the file at once: the span is
replaced by a new one (new UUID, same label and note) and the old one recorded as deleted. The
new span stays selected, so repeated presses go on moving the same edge. A move that would
leave the span empty or run it off the article is refused with a line in the status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from annotator.core.span_edges import EMPTY, Edge, EdgeRefused, step_edge
from annotator.gui.texts import tr

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


class SpanAdjusting:
    """Span-edge moves of the annotation window (see the module docstring)."""

    def move_span_edge(self, edge: Edge, forward: bool) -> None:
        """Move one edge of the selected span one step (a token, or a character)."""
        if self.opened is None or self.session.read_only:
            return
        uuid = self.view.selected_uuid or self.spans.current_uuid()
        if not uuid:
            self.statusBar().showMessage(
                tr("Click a span first, then move its edges with Alt+Shift+arrows."), 4000)
            return
        ann = self._shown(uuid)
        tokens = None if self.view.precise else self.opened.token_index
        try:
            start, end = step_edge(self.view.text, tokens, ann.start, ann.end, edge, forward)
        except EdgeRefused as exc:
            self.adjust_refused(exc.reason)
            return
        self.adjust_span(uuid, start, end)

    def adjust_span(self, uuid: str, start: int, end: int) -> bool:
        """Give a span new boundaries (one undoable replacement); False if nothing was done."""
        ann = self._shown(uuid)
        if self.session.read_only or (ann.start, ann.end) == (start, end):
            return False
        return self._edit(lambda: self.session.adjust_span(ann, start, end))

    def adjust_refused(self, reason: str) -> None:
        """Say in the status bar why an edge did not move."""
        if reason == EMPTY:
            message = tr("The span cannot become empty: its start and end would meet.")
        else:
            message = tr("The span already reaches the start or end of the article.")
        self.statusBar().showMessage(message, 4000)


def adjust_actions(window: MainWindow) -> list[QAction]:
    """The Edit menu's four edge moves (with their keys), and the view's edge drag wired to
    the window. Enabled while a span is selected in a writable window."""
    moves = [
        (tr("Move span end right"), "Alt+Shift+Right", "end", True),
        (tr("Move span end left"), "Alt+Shift+Left", "end", False),
        (tr("Move span start left"), "Ctrl+Alt+Shift+Left", "start", False),
        (tr("Move span start right"), "Ctrl+Alt+Shift+Right", "start", True),
    ]
    tip = tr("One token at a time (one character in character precision); "
              "you can also drag an edge of the selected span")
    actions = []
    for text, keys, edge, forward in moves:
        action = QAction(text, window)
        action.setObjectName(f"move_{edge}_{'right' if forward else 'left'}")
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(f"{text} ({keys}): {tip}")
        action.setEnabled(False)
        action.triggered.connect(
            lambda _c=False, e=edge, f=forward: window.move_span_edge(e, f))
        window.addAction(action)
        actions.append(action)
    window.view.editable = not window.session.read_only
    window.view.adjustRequested.connect(window.adjust_span)
    window.view.adjustRefused.connect(window.adjust_refused)
    return actions
