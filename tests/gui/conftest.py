"""GUI fixtures: a real project file with the seeds and tricky texts, the real main window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication

TRICKY = {
    "id": "tricky",
    "title": "𠮷田さん🇯🇵👨‍👩‍👧",
    # CRLF on purpose: it is stored as LF, and offsets must still land right.
    "text": "𠮷田さんは👨‍👩‍👧と来日した。\r\n安全保障上の懸念がある😀。Jose\u0301は経済的利益を語った。",
}


@pytest.fixture
def project_path(tmp_path: Path, seed_files: list[Path]) -> Path:
    from annotator.core.importers import TextFilter, import_paths
    from annotator.core.store import Project

    path = tmp_path / "coding.annot"
    jsonl = tmp_path / "tricky.jsonl"
    jsonl.write_text(json.dumps(TRICKY, ensure_ascii=False) + "\n", encoding="utf-8")
    with Project.create(path) as project:
        import_paths(project, [jsonl])
        import_paths(project, [seed_files[0]], text_filter=TextFilter(cut_at="更多新聞"))
        import_paths(project, [seed_files[1]], text_filter=TextFilter(lines=(2, None)))
    return path


@pytest.fixture
def window(qtbot, project_path: Path):
    from annotator.gui.app import build_main_window

    win = shown(qtbot, build_main_window(project_path, "alice"))
    yield win
    win.close()


def shown(qtbot, window):
    """``window`` shown and active (a QAction's shortcut fires only in the active window)."""
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def point_of(view, offset: int) -> QPoint:
    """Viewport coordinates of the left edge of the character at a code-point offset."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.to_qt(offset))
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def drag_select(qtbot, view, start: int, end: int) -> None:
    """Select with the mouse as a coder does: press, move, release."""
    view.ensureCursorVisible()
    a, b = point_of(view, start), point_of(view, end)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), pos=QPoint((a.x() + b.x()) // 2, b.y()))
    qtbot.mouseMove(view.viewport(), pos=b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp):
    """The app in a light or a dark colour scheme (as a desktop in dark mode gives it)."""
    from annotator.gui.colors import dark_palette

    hints = QGuiApplication.styleHints()
    palette = QApplication.palette()
    if request.param == "dark":
        qapp.setPalette(dark_palette())
        hints.setColorScheme(Qt.ColorScheme.Dark)
    else:
        hints.setColorScheme(Qt.ColorScheme.Light)
    yield request.param
    hints.unsetColorScheme()
    qapp.setPalette(palette)
