"""The reading and tagging view: an article's text with cue hints and the coder's spans.

Qt counts text positions in UTF-16 code units; the project stores code points. The conversion
happens here, in :meth:`ArticleView.to_qt` and :meth:`ArticleView.from_qt`, and nowhere else.
Highlights are drawn by a QSyntaxHighlighter (layout formats, not ExtraSelections: assigning
ExtraSelection.cursor repeatedly aborts PySide6 6.12.0 on CPython 3.11).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QSyntaxHighlighter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip, QWidget

from annotator.core.model import Annotation
from annotator.core.schema import Label, Schema
from annotator.core.session import OpenArticle
from annotator.core.spans import TokenIndex, layers, snap_selection
from annotator.core.text import Utf16Map
from annotator.core.tokenizer import CueSpan
from annotator.gui.colors import edge_color, mix, readable_ink
from annotator.gui.found_marks import FoundMarks, FoundPainter, found_format
from annotator.gui.plain_text import escaped
from annotator.gui.reading_theme import ReadingTheme
from annotator.gui.view_pointer import ViewPointer

if TYPE_CHECKING:
    from annotator.gui.edge_drag import EdgeDrag

READING_FONTS = [
    "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN",
    "Yu Gothic UI", "Yu Gothic", "Meiryo", "Source Han Sans JP", "IPAexGothic", "sans-serif",
]
LINE_HEIGHT_PERCENT = 150.0


class _Highlighter(QSyntaxHighlighter):
    """Paints one block at a time from the view's spans and cues (in code points)."""

    def __init__(self, view: ArticleView, document: QTextDocument) -> None:
        super().__init__(document)
        self._view = view
        self._formats: dict[tuple, QTextCharFormat] = {}

    def clear_formats(self) -> None:
        """Forget the formats made (the reading colours changed: light / dark mode)."""
        self._formats.clear()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        view = self._view
        block = self.currentBlock()
        b16 = block.position()
        start = view.from_qt(b16)
        end = start + len(text)  # `text` is the block as Python code points
        if end == start:
            return
        spans = [s for s in view.span_layers if s[0] < end and s[1] > start]
        cues = view.cues_between(start, end)
        found = view.found.between(start, end)
        if not spans and not cues and not found:
            return
        edges = {start, end}
        for s in spans:
            edges.update((max(s[0], start), min(s[1], end)))
        for c in cues:
            edges.update((max(c.start, start), min(c.end, end)))
        for f in found:
            edges.update((max(f[0], start), min(f[1], end)))
        points = sorted(edges)
        for a, b in zip(points, points[1:]):
            covering = tuple(
                (s[2], s[3], s[4] == view.selected_uuid) for s in spans if s[0] <= a and s[1] >= b
            )
            cue = next((c.label for c in cues if c.start <= a and c.end >= b), None)
            match = next((f[2] for f in found if f[0] <= a and f[1] >= b), None)
            if not covering and cue is None and match is None:
                continue
            q_a, q_b = view.to_qt(a) - b16, view.to_qt(b) - b16
            self.setFormat(q_a, q_b - q_a, self._format(covering, cue, match))

    def _format(self, covering: tuple, cue: str | None, match: bool | None = None
                ) -> QTextCharFormat:
        """``match``: None outside find matches, else whether it is the current match."""
        key = (covering, cue, match)
        fmt = self._formats.get(key)
        if fmt is not None:
            return fmt
        if match is not None:
            base = self._format(covering, cue) if covering or cue is not None else None
            fmt = self._formats[key] = self._readable(found_format(base, match))
            return fmt
        colors = self._view.label_colors
        fmt = QTextCharFormat()
        if covering:
            background = self._view.paper
            for label, _depth, selected in sorted(covering, key=lambda c: c[1]):
                background = mix(background, colors[label], 0.55 if selected else 0.28)
            fmt.setBackground(background)
            innermost = max(covering, key=lambda c: c[1])
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(edge_color(colors[innermost[0]], self._view.dark))
            if any(c[2] for c in covering):
                fmt.setFontWeight(QFont.Weight.DemiBold)
        elif cue is not None:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(colors[cue].lighter(140) if self._view.dark else colors[cue])
        self._formats[key] = self._readable(fmt)
        return fmt

    def _readable(self, fmt: QTextCharFormat) -> QTextCharFormat:
        """Shaded text in an ink that reads on its shade (contrast >= 4.5, light or dark)."""
        if fmt.background().style() != Qt.BrushStyle.NoBrush:
            fmt.setForeground(readable_ink(fmt.background().color(), self._view.ink))
        return fmt


class ArticleView(ReadingTheme, ViewPointer, QTextEdit):
    """Read-only article text; selections snap to tokens; keys 1-9 ask for a span; the selected
    span's edges can be dragged (mouse handling: :mod:`annotator.gui.view_pointer`)."""

    labelRequested = Signal(str)  # noqa: N815 - Qt signal naming
    spanClicked = Signal(str)  # noqa: N815
    deleteRequested = Signal(str)  # noqa: N815
    relabelRequested = Signal(str, str)  # noqa: N815
    noteRequested = Signal(str)  # noqa: N815
    adjustRequested = Signal(str, int, int)  # noqa: N815 - uuid, new start, new end
    adjustRefused = Signal(str)  # noqa: N815 - a reason of annotator.core.span_edges
    zoomRequested = Signal(float)  # noqa: N815 - Ctrl+wheel notches (annotator.gui.zoom)

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setMouseTracking(True)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        font = QFont()
        font.setFamilies(READING_FONTS)
        font.setPointSizeF(max(font.pointSizeF(), 11.0) * 1.15)
        self.setFont(font)
        self.setViewportMargins(24, 16, 24, 16)
        self.follow_color_scheme()  # paper and ink, light or dark (reading_theme)
        self.schema = schema
        self.label_colors = {lab.id: QColor(lab.color) for lab in schema.labels}
        self._by_key = {lab.key: lab for lab in schema.labels}
        self.precise = False
        self.editable = False  # edges can be dragged: set by the coder's (writable) window
        self.selected_uuid: str | None = None
        self.span_layers: list[tuple[int, int, str, int, str]] = []  # start, end, label, depth, uuid
        self._spans: list[Annotation] = []
        self._cues: list[CueSpan] = []
        self._cue_starts: list[int] = []
        self._cue_max = 0
        self._text = ""
        self._map = Utf16Map("")
        self._tokens: TokenIndex | None = None
        self.found = FoundMarks()  # find matches (annotator.gui.find_bar), painted with spans
        self._highlighter: _Highlighter | None = None
        self.found_painter = FoundPainter(self, lambda: self._highlighter)
        self._document: QTextDocument | None = None
        self._edge_drag: EdgeDrag | None = None  # made at the first pointer event

    @property
    def edge_drag(self) -> EdgeDrag:
        """Dragging the selected span's edges (annotator.gui.edge_drag), made when the pointer
        first moves over the text: showing an article does not need it."""
        if self._edge_drag is None:
            from annotator.gui.edge_drag import EdgeDrag

            self._edge_drag = EdgeDrag(self, LINE_HEIGHT_PERCENT / 100)
        return self._edge_drag

    # --- the one place where Qt positions and stored offsets meet -----------------------

    def to_qt(self, offset: int) -> int:
        """Stored code-point offset -> Qt (UTF-16) position."""
        return self._map.to_utf16(offset)

    def from_qt(self, position: int) -> int:
        """Qt (UTF-16) position -> stored code-point offset."""
        return self._map.from_utf16(position)

    # --- content ------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    @property
    def token_index(self) -> TokenIndex | None:
        return self._tokens

    def spans_shown(self) -> list[Annotation]:
        return self._spans

    def set_article(self, opened: OpenArticle, spans: Sequence[Annotation]) -> None:
        """Show an article: the text with comfortable line spacing, cues and spans."""
        self._text = opened.article.text
        self._map = Utf16Map(self._text)
        self._tokens = opened.token_index
        self._cues = list(opened.cues)
        self._cue_starts = [c.start for c in self._cues]
        self._cue_max = max((c.end - c.start for c in self._cues), default=0)
        self.selected_uuid = None
        self._set_spans_data(spans)
        self.found.clear()  # matches belong to the text they were found in
        self.found_painter.forget()
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)
        document.setDefaultFont(self.font())
        document.setDocumentMargin(8)
        cursor = QTextCursor(document)
        block = QTextBlockFormat()
        block.setLineHeight(
            LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        block.setBottomMargin(6)
        cursor.setBlockFormat(block)
        cursor.insertText(self._text)
        if self._highlighter is not None:
            self._highlighter.setDocument(None)
        self._highlighter = _Highlighter(self, document)
        self._highlighter.rehighlight()  # now, not on the next event-loop turn
        self.setDocument(document)
        if self._document is not None:
            self._document.deleteLater()
        self._document = document
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _set_spans_data(self, spans: Sequence[Annotation]) -> None:
        self._spans = list(spans)
        depth = layers([(a.start, a.end) for a in self._spans])
        self.span_layers = [
            (a.start, a.end, a.label, d, a.uuid) for a, d in zip(self._spans, depth)
        ]

    def set_spans(self, spans: Sequence[Annotation]) -> None:
        """Redraw after an edit: only the blocks whose spans changed are repainted."""
        before = {(a.uuid, a.start, a.end, a.label) for a in self._spans}
        after = {(a.uuid, a.start, a.end, a.label) for a in spans}
        changed = before ^ after
        self._set_spans_data(spans)
        if self.selected_uuid and self.selected_uuid not in {a.uuid for a in spans}:
            self.selected_uuid = None
        if changed:
            self._rehighlight([(s, e) for _u, s, e, _l in changed])

    def set_found(self, matches: Sequence[tuple[int, int]], current: int | None) -> None:
        """Paint find matches (code points) and the current one; only blocks that change
        are repainted, those in sight first."""
        self.found_painter.repaint(self.found.set(matches, current), self.to_qt)

    def cues_between(self, start: int, end: int) -> list[CueSpan]:
        i = bisect_left(self._cue_starts, start - self._cue_max)
        found = []
        while i < len(self._cues) and self._cues[i].start < end:
            cue = self._cues[i]
            if cue.end > start:
                found.append(cue)
            i += 1
        return found

    def _rehighlight(self, ranges: Sequence[tuple[int, int]]) -> None:
        if self._highlighter is None:
            return
        document = self.document()
        done: set[int] = set()
        for start, end in ranges:
            block = document.findBlock(self.to_qt(start))
            last = document.findBlock(self.to_qt(max(start, end - 1)))
            while block.isValid():
                if block.blockNumber() not in done:
                    done.add(block.blockNumber())
                    self._highlighter.rehighlightBlock(block)
                if block == last:
                    break
                block = block.next()

    # --- spans under the pointer, selection ---------------------------------------------

    def spans_at(self, offset: int) -> list[Annotation]:
        """Spans covering ``offset``, innermost (shortest) first."""
        hits = [a for a in self._spans if a.start <= offset < a.end]
        return sorted(hits, key=lambda a: (a.end - a.start, a.start))

    def select_span(self, uuid: str | None, scroll: bool = True) -> None:
        """Mark a span as the current one (drawn stronger) and scroll to it."""
        previous = self.selected_uuid
        self.selected_uuid = uuid
        touched = [(a.start, a.end) for a in self._spans if a.uuid in (previous, uuid)]
        self._rehighlight(touched)
        if uuid and scroll:
            span = next((a for a in self._spans if a.uuid == uuid), None)
            if span is not None:
                cursor = self.textCursor()
                cursor.setPosition(self.to_qt(span.start))
                self.setTextCursor(cursor)
                self.ensureCursorVisible()

    def selection(self) -> tuple[int, int] | None:
        """The current selection as a span would store it (snapped), or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.from_qt(cursor.selectionStart())
        end = self.from_qt(cursor.selectionEnd())
        return snap_selection(self._text, start, end, None if self.precise else self._tokens)

    def select_range(self, start: int, end: int) -> None:
        """Select code points ``[start, end)`` (tests and keyboard snapping use this)."""
        cursor = self.textCursor()
        cursor.setPosition(self.to_qt(start))
        cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def select_centred(self, start: int, end: int) -> None:
        """Select ``[start, end)`` and scroll so the selection sits in the middle of the view
        (the Agreement window's double-click: the lead reads the stretch in its paragraph)."""
        self.select_range(start, end)
        probe = QTextCursor(self.document())
        probe.setPosition(self.to_qt(start))
        top = self.cursorRect(probe).top()
        probe.setPosition(self.to_qt(end))
        bottom = self.cursorRect(probe).bottom()
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + (top + bottom) // 2 - self.viewport().height() // 2)

    def _snap_keyboard_edge(self, forward: bool) -> None:
        """After Shift+arrow: move the moving edge to the next token boundary that way."""
        cursor = self.textCursor()
        if self._tokens is None or self.precise or not cursor.hasSelection():
            return
        anchor = self.from_qt(cursor.anchor())
        position = self.from_qt(cursor.position())
        tokens = self._tokens
        if position > anchor:  # the end moves
            position = tokens.ceil_end(position) if forward else tokens.floor_end(position)
            anchor = tokens.floor_start(anchor)
        else:  # the start moves
            position = tokens.ceil_start(position) if forward else tokens.floor_start(position)
            anchor = tokens.ceil_end(anchor)
        if position == anchor:
            cursor.clearSelection()
            self.setTextCursor(cursor)
            return
        self.select_range(anchor, position)

    # --- events -------------------------------------------------------------------------

    def label_for_key(self, text: str) -> Label | None:
        return self._by_key.get(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        label = self.label_for_key(event.text()) if mods == Qt.KeyboardModifier.NoModifier else None
        if label is not None:
            self.labelRequested.emit(label.id)
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected_uuid:
            self.deleteRequested.emit(self.selected_uuid)
            return
        if event.key() == Qt.Key.Key_Escape and self._edge_drag is not None \
                and self._edge_drag.active is not None:
            self.edge_drag.cancel()
            return
        if event.key() == Qt.Key.Key_Escape:
            cursor = self.textCursor()
            cursor.clearSelection()
            self.setTextCursor(cursor)
            self.select_span(None)
            return
        super().keyPressEvent(event)
        if mods & Qt.KeyboardModifier.ShiftModifier and event.key() in (
            Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
            Qt.Key.Key_Home, Qt.Key.Key_End,
        ):
            forward = event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_End)
            self._snap_keyboard_edge(forward)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            offset = self.offset_at(self.viewport().mapFromGlobal(event.globalPos()))
            hits = self.spans_at(offset) if 0 <= offset < len(self._text) else []
            if hits:
                QToolTip.showText(event.globalPos(), self.tooltip_for(hits), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_for(self, spans: Sequence[Annotation]) -> str:
        rows = []
        for ann in spans:
            label = self.schema.label(ann.label)
            note = f"<br><i>{escaped(ann.note)}</i>" if ann.note else ""
            rows.append(
                f"<span style='color:{label.color}'>■</span> <b>{escaped(label.display_name)}</b>"
                f"{note}"
            )
        return "<br>".join(rows)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = self.build_context_menu(self.offset_at(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def build_context_menu(self, offset: int) -> QMenu:
        """Tag the selection, or relabel / annotate / delete the span under the pointer."""
        menu = QMenu(self)
        if self.selection() is not None:
            for lab in self.schema.labels:
                text = self.tr("Tag as {label}").format(label=lab.display_name)
                action = menu.addAction(f"{text}\t{lab.key}")
                action.triggered.connect(lambda _=False, i=lab.id: self.labelRequested.emit(i))
            menu.addSeparator()
        hits = self.spans_at(offset) if 0 <= offset < len(self._text) else []
        if not hits and self.selected_uuid:
            hits = [a for a in self._spans if a.uuid == self.selected_uuid]
        for ann in hits[:3]:
            title = f"{self.schema.label(ann.label).display_name}: {ann.text[:20]}"
            sub = menu.addMenu(title)
            for lab in self.schema.labels:
                if lab.id != ann.label:
                    act = sub.addAction(self.tr("Relabel as {label}").format(
                        label=lab.display_name))
                    act.triggered.connect(
                        lambda _=False, u=ann.uuid, i=lab.id: self.relabelRequested.emit(u, i)
                    )
            sub.addAction(self.tr("Edit note…")).triggered.connect(
                lambda _=False, u=ann.uuid: self.noteRequested.emit(u)
            )
            sub.addAction(self.tr("Delete span")).triggered.connect(
                lambda _=False, u=ann.uuid: self.deleteRequested.emit(u)
            )
        if hits:
            menu.addSeparator()
        copy = menu.addAction(self.tr("Copy"))
        copy.setEnabled(self.textCursor().hasSelection())
        copy.triggered.connect(self.copy)
        return menu

