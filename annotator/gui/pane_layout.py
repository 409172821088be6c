"""The layout the Agreement window's report tabs share: a chooser, a line that says what is
shown, and a table that takes the rest."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget


def chooser_and_table(
    pane: QWidget, caption: str, chooser: QComboBox, explanation: QLabel, table: QWidget
) -> None:
    """Lay ``pane`` out; the pane refreshes itself (``fill``) when the choice changes."""
    top = QHBoxLayout()
    top.addWidget(QLabel(caption))
    top.addWidget(chooser, 1)
    top.addStretch(2)
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addLayout(top)
    layout.addWidget(explanation)
    layout.addWidget(table, 1)
    chooser.currentIndexChanged.connect(lambda _i: pane.fill())
