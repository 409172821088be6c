"""Zoom of the article text: View → Zoom in / Zoom out / Reset zoom and Ctrl+wheel.

Qt's read-only QTextEdit already zoomed on Ctrl+wheel, but without limits and forgotten at the
next start; coders reading for hours set the size once. Every way of zooming goes through
:class:`ArticleZoom`, which clamps it and remembers it per user (settings.ini).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from annotator.gui.settings import remember_zoom, remembered_zoom
from annotator.gui.texts import tr

if TYPE_CHECKING:
    from annotator.gui.article_view import ArticleView

#: Points added or taken per step; the zoom stays between MIN and MAX points from the default.
STEP, MIN, MAX = 1.0, -6.0, 24.0


class ArticleZoom(QObject):
    """The article view's font size as the default plus ``points`` (remembered)."""

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self.view = view
        self.base = view.font().pointSizeF()
        self.points = 0.0
        self.set_points(remembered_zoom(), remember=False)
        view.zoomRequested.connect(self.zoom_by)  # Ctrl+wheel, instead of QTextEdit's own zoom

    def set_points(self, points: float, remember: bool = True) -> None:
        self.points = min(MAX, max(MIN, round(points * 2) / 2))
        font = self.view.font()
        font.setPointSizeF(self.base + self.points)
        self.view.setFont(font)  # the document's default font follows the view's
        if remember:
            remember_zoom(self.points)

    def zoom_in(self) -> None:
        self.set_points(self.points + STEP)

    def zoom_out(self) -> None:
        self.set_points(self.points - STEP)

    def reset(self) -> None:
        self.set_points(0.0)

    def zoom_by(self, notches: float) -> None:
        """Ctrl+wheel: one step per notch (a fraction of a notch from a touchpad)."""
        self.set_points(self.points + notches * STEP)

def zoom_actions(window, view: ArticleView) -> list[QAction]:
    """View → Zoom in (Ctrl++, also Ctrl+=), Zoom out (Ctrl+-), Reset zoom (Ctrl+0)."""
    window.zoom = ArticleZoom(view)
    entries = (
        (tr("Zoom in"), window.zoom.zoom_in,
         [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")], "zoomInAction"),
        (tr("Zoom out"), window.zoom.zoom_out,
         [QKeySequence(QKeySequence.StandardKey.ZoomOut)], "zoomOutAction"),
        (tr("Reset zoom"), window.zoom.reset, [QKeySequence("Ctrl+0")], "resetZoomAction"),
    )
    actions = []
    for text, slot, keys, name in entries:
        action = QAction(text, window)
        action.setObjectName(name)
        action.setShortcuts(keys)
        action.triggered.connect(lambda _checked=False, s=slot: s())
        window.addAction(action)
        actions.append(action)
    return actions
