"""The annotation window's size and dock layout: restored as the user left them, and the right
column (article codes, spans, codebook) sized so that every question shows whole.

A mixin of :class:`~annotator.gui.main_window.MainWindow`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent

#: The version of the dock layout a saved window state must have to be restored: raised when a
#: dock is added (1: Article codes), so an older layout does not squeeze the new dock to nothing.
LAYOUT_VERSION = 1


class WindowLayout:
    """Layout of the annotation window (see the module docstring)."""

    def save_layout(self) -> None:
        from annotator.gui.settings import settings

        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState(LAYOUT_VERSION))

    def restore_layout(self) -> None:
        """Window size, dock layout: as the user left them."""
        from annotator.gui.settings import settings

        store = settings()
        geometry, state = store.value("window/geometry"), store.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self._docks_sized = self.restoreState(state, LAYOUT_VERSION)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._docks_sized and self.schema.variables:
            self._docks_sized = True
            QTimer.singleShot(0, self, self._size_right_docks)

    def _size_right_docks(self) -> None:
        """Once shown: every question whole, the spans table short, the codebook the rest (sized
        when the window has its final size, as sizes given before are spread anew)."""
        docks = self._right_docks
        if all(d.isVisible() for d in docks):
            total = sum(d.height() for d in docks)
            title = docks[0].height() - self.codes.height()  # the dock's title bar
            codes, spans = self.codes.full_height() + title + 2, 190
            self.resizeDocks(docks, [codes, spans, max(120, total - codes - spans)],
                             Qt.Orientation.Vertical)
