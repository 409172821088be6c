"""The import preview's table: one row per article to import (a .txt file, a CSV row, a JSONL
line) or per file that cannot be read, with what the import will make of it.

The rows, their clean-up and the project's texts come from the Qt-free
:class:`~annotator.core.import_preview.ImportPreview`; the model adds the lead's choices and
recomputes the outcome and state of every row when one changes (a text edited here may now
equal one in the project, or stop equalling one).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from annotator.core.import_preview import ImportPreview, Outcome, PreviewArticle
from annotator.core.import_text import ArticleChoice
from annotator.gui.plain_text import plain_tip
from annotator.gui.texts import tr

__all__ = ["ImportPreviewModel"]

_Index = QModelIndex | QPersistentModelIndex
_ERROR = QColor("#B00020")
_QUIET = QColor("#757575")


class ImportPreviewModel(QAbstractTableModel):
    """Columns: origin, state, characters kept, encoding, title, id."""

    HEADERS = ("Origin", "State", "Characters", "Encoding", "Title", "Id")
    ORIGIN, STATE, CHARS, ENCODING, TITLE, ID = range(6)

    def __init__(self, preview: ImportPreview | None = None) -> None:
        super().__init__()
        self.preview = preview
        self.clean = True
        self.choices: dict[str, ArticleChoice] = {}
        self.outcomes: list[Outcome] = []
        self.states: list[str] = []
        self._recompute()

    # --- data ---------------------------------------------------------------------------

    def set_preview(self, preview: ImportPreview | None) -> None:
        """Show a new reading of the files; choices of articles still there are kept."""
        self.beginResetModel()
        self.preview = preview
        origins = {a.origin for a in preview.articles} if preview else set()
        self.choices = {k: v for k, v in self.choices.items() if k in origins}
        self._recompute()
        self.endResetModel()

    def set_clean(self, clean: bool) -> None:
        self.clean = clean
        self.refresh()

    def set_choice(self, origin: str, choice: ArticleChoice | None) -> None:
        """The lead's lines, title or skip for one article (None: as proposed)."""
        if choice is None or choice == ArticleChoice():
            self.choices.pop(origin, None)
        else:
            self.choices[origin] = choice
        self.refresh()

    def refresh(self) -> None:
        """Recompute every row's outcome and state (texts the project may have are looked up)."""
        self._recompute()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1,
                                                               len(self.HEADERS) - 1))

    def _recompute(self) -> None:
        if self.preview is None:
            self.outcomes, self.states = [], []
            return
        self.outcomes = self.preview.outcomes(self.clean, self.choices)
        self.preview.look_up(o.text for o in self.outcomes if not o.error)
        self.states = self.preview.states(self.outcomes)

    def article(self, row: int) -> PreviewArticle:
        assert self.preview is not None
        return self.preview.articles[row]

    def row_of(self, origin: str) -> int:
        articles = self.preview.articles if self.preview else []
        return next((k for k, a in enumerate(articles) if a.origin == origin), -1)

    def counts(self) -> dict[str, int]:
        """How many rows are new, already there (or repeated), skipped, errors."""
        counts = {"new": 0, "known": 0, "skipped": 0, "error": 0}
        for state in self.states:
            key = state if state in ("new", "skipped") else \
                "error" if state.startswith("error") else "known"
            counts[key] += 1
        return counts

    # --- the model ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self.preview is None else len(self.preview.articles)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        article, outcome, state = self.article(row), self.outcomes[row], self.states[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(article, outcome, state, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.STATE or article.error:
                return plain_tip(state)
            if column == self.ORIGIN:
                return plain_tip(article.origin)
            if column == self.CHARS and article.record is not None:
                return tr("{kept} of {whole} characters kept").format(
                    kept=f"{len(outcome.text):,}", whole=f"{len(article.text):,}")
            return plain_tip(self._text(article, outcome, state, column))
        if role == Qt.ItemDataRole.ForegroundRole:
            if state.startswith("error"):
                return QBrush(_ERROR)
            if state != "new":
                return QBrush(_QUIET)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.CHARS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, article: PreviewArticle, outcome: Outcome, state: str, column: int) -> str:
        if column == self.ORIGIN:  # the file's name (its folder is in the tooltip)
            return Path(article.file).name + article.origin[len(article.file):] \
                if article.origin.startswith(article.file) else article.origin
        if column == self.ID:
            return article.external_id
        if column == self.ENCODING:
            return article.encoding
        if column == self.CHARS:
            return "" if article.record is None else f"{len(outcome.text):,}"
        if column == self.TITLE:
            return outcome.title
        return _state_text(state)


def _headers() -> tuple[str, ...]:
    return (tr("Origin"), tr("State"), tr("Characters"), tr("Encoding"), tr("Title"),
            tr("Id"))


def _state_text(state: str) -> str:
    """The state, translated (an id, origin or error message stays as the core wrote it)."""
    if state == "new":
        return tr("new")
    if state == "skipped":
        return tr("skipped")
    for prefix, shown in (("already in the project as ", tr("already in the project as {}")),
                          ("same text as ", tr("same text as {}")),
                          ("error: ", tr("error: {}"))):
        if state.startswith(prefix):
            return shown.format(state[len(prefix):])
    return state
