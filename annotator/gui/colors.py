"""Small colour helpers shared by the views."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap


def swatch(color: str, size: int = 14) -> QIcon:
    """A square icon of one colour: how a frame is shown beside its name."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)
