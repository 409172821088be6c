"""Test helpers for real mouse events in the article view: pixel positions of character edges
(from ``view.cursorRect``), seed articles opened, span rows read from the file on disk."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from tests.disk_rows import spans_on_disk  # noqa: F401 (the tests import it from here)

#: 𠮷 (a surrogate pair), 👩‍💻 (a ZWJ sequence), か゚ (a combining mark) and a CRLF line end
EDGES = {
    "id": "edges",
    "title": "edges",
    "text": "𠮷野家で👩\u200d💻と会った。\r\nか\u309aは鼻濁音を表す記号です。",
}


def add_edges_article(path: Path, folder: Path) -> None:
    """Import :data:`EDGES` into an existing project file."""
    from annotator.core.importers import import_paths
    from annotator.core.store import Project

    source = folder / "edges.jsonl"
    source.write_text(json.dumps(EDGES, ensure_ascii=False) + "\n", encoding="utf-8")
    with Project.open(path) as project:
        import_paths(project, [source])


def open_article(window, external_id_start: str) -> str:
    """Open the article whose id starts with ``external_id_start``; returns its text."""
    row = next(r for r in window.articles.model.rows if r.external_id.startswith(external_id_start))
    window.articles.select_article(row.id)
    window.open_article(row.id)
    assert window.current_article_id == row.id
    window.view.setFocus()
    return window.view.text


def show(view, offset: int) -> None:
    """Scroll so the character at ``offset`` is in sight, with nothing selected."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.to_qt(offset))
    view.setTextCursor(cursor)
    view.ensureCursorVisible()


def edge_x(view, offset: int) -> tuple[int, int]:
    """Viewport x of the caret before the character at ``offset`` and the middle of its line."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.to_qt(offset))
    rect = view.cursorRect(cursor)
    return rect.left(), rect.center().y()


def left_edge(view, offset: int) -> QPoint:
    x, y = edge_x(view, offset)
    return QPoint(x, y)


def right_edge(view, offset: int, length: int = 1) -> QPoint:
    """The right edge of the character at ``offset`` (``length`` code points long), on its
    own line."""
    x, y = edge_x(view, offset + length)
    assert edge_x(view, offset)[1] == y, "the character is the last on its line"
    return QPoint(x, y)


def drag(qtbot, view, a: QPoint, b: QPoint) -> None:
    """Press at ``a``, move through the middle to ``b``, release there: a coder's drag."""
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(viewport, pos=QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    qtbot.mouseMove(viewport, pos=b)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


def live_on_disk(path: Path) -> list[tuple]:
    """(start, end, text) of the live spans in the file, in text order."""
    return sorted((r[1], r[2], r[3]) for r in spans_on_disk(path) if not r[6])
