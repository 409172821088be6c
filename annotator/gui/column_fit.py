"""Column widths measured from the values, never by asking the view for every row.

QHeaderView's ``ResizeToContents`` and ``QTreeView.sizeHintForColumn`` ask every row of the
model for every role, and ``ResizeToContents`` does it again at each layout: a coder's list of
5 articles answered 1,215 calls of the model's ``data()`` while the window opened, a list of
500 answered 86,000, and the window took most of a second longer to appear. A column whose
texts are known (lengths, status marks, ids) is sized here instead: the widest text by the
font's measure, plus what the view's delegate adds around a text (margins, measured once on
one row), and never narrower than its header.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QTableView, QTreeView


def fit_to_texts(
    view: QTreeView | QTableView, column: int, texts: Iterable[str], most: int | None = None,
    least: int = 0,
) -> int:
    """Set ``column``'s width so the widest of ``texts`` shows whole, as does the header (at
    most ``most`` pixels, at least ``least``); returns the width set.

    ``texts`` are what the column shows (its display role), for the rows hidden by a filter as
    well, so the width does not change as filters do."""
    metrics = view.fontMetrics()
    widest = max((metrics.horizontalAdvance(text) for text in texts), default=None)
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    width = header.sectionSizeHint(column)
    model = view.model()
    if widest is not None and model is not None and model.rowCount() > 0:
        sample = model.index(0, column)
        shown = sample.data()
        margins = view.sizeHintForIndex(sample).width() - metrics.horizontalAdvance(
            "" if shown is None else str(shown))
        if isinstance(view, QTableView) and view.showGrid():
            margins += 1  # the grid line, as QTableView counts it
        width = max(width, margins + widest)
    if most is not None:
        width = min(width, most)
    width = max(width, least)
    view.setColumnWidth(column, width)
    return width
