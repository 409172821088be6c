"""The Disagreements tab of the Agreement window: every stretch of text that some done coders
gave the frame and others did not, read in place.

A row names the article (title and id), shows the stretch in its sentence (about 20 characters
each side, the stretch between 【 and 】) and who marked it and who did not; a double-click opens
the article in the window the Agreement window came from, with the stretch selected and centred.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QWidget

from annotator.core.reports import Disagreement
from annotator.gui.agreement_tables import cell
from annotator.gui.texts import tr

OPEN, CLOSE = "【", "】"
HEADERS = (QT_TRANSLATE_NOOP("", "article"), QT_TRANSLATE_NOOP("", "text in context"),
           QT_TRANSLATE_NOOP("", "coders with"), QT_TRANSLATE_NOOP("", "coders without"),
           QT_TRANSLATE_NOOP("", "position"))


def one_line(text: str) -> str:
    return text.replace("\r", "").replace("\n", " ⏎ ")


def in_context(d: Disagreement) -> str:
    """The stretch between 【 and 】 with the text around it, on one line."""
    before = ("…" if d.before and d.start > len(d.before) else "") + one_line(d.before)
    after = one_line(d.after) + ("…" if d.after else "")
    return f"{before}{OPEN}{one_line(d.text)}{CLOSE}{after}"


def article_text(d: Disagreement) -> str:
    return f"{d.title} ({d.article_id})"


class DisagreementList(QTableWidget):
    """``open_place(article, start, end)`` opens a row's stretch (the rows are those of the
    frame chosen in the window)."""

    def __init__(
        self,
        open_place: Callable[[int, int, int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setObjectName("disagreementList")
        self.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.setWordWrap(False)
        self.rows: list[Disagreement] = []
        self._open_place = open_place
        self.doubleClicked.connect(lambda index: self.open_row(index.row()))

    def set_rows(self, rows: Sequence[Disagreement]) -> None:
        self.rows = list(rows)
        self.setRowCount(len(self.rows))
        for k, d in enumerate(self.rows):
            where = self.tr("characters {start}–{end}").format(start=d.start, end=d.end)
            cells = [
                (article_text(d), d.title),
                (in_context(d), d.text),
                (", ".join(d.coders_with), ""),
                (", ".join(d.coders_without), ""),
                (f"{d.start}–{d.end}", where),
            ]
            for col, (text, tooltip) in enumerate(cells):
                self.setItem(k, col, cell(text, tooltip))
        self.resizeColumnsToContents()
        for col, most in ((0, 280), (1, 660)):  # long titles and contexts: tooltips have all
            self.setColumnWidth(col, min(self.columnWidth(col), most))

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            d = self.rows[row]
            self._open_place(d.article, d.start, d.end)
