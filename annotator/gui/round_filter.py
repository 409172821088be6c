"""The round filter above an article list: "All articles" (or another first entry) and each
calibration round, shown only when the project has rounds. Used by the coder's and the lead's
lists, so both offer the rounds the same way."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from annotator.core.model import Round


class RoundFilter(QComboBox):
    """objectName ``roundFilter``; ``currentIndexChanged`` when the lead or coder picks a round."""

    def __init__(self, first: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roundFilter")
        self.setToolTip(QCoreApplication.translate("RoundFilter",
                                                   "Show the articles of one calibration round"))
        self.setVisible(False)
        self._first = first
        self._ids: dict[str, set[int]] = {}

    def set_rounds(self, rounds: Sequence[Round]) -> bool:
        """Offer these rounds, keeping the chosen one while it exists; returns whether the
        choice had to fall back to all articles (the chosen round is gone)."""
        chosen = self.currentData()
        self._ids = {r.name: set(r.article_ids) for r in rounds}
        self.blockSignals(True)
        self.clear()
        self.addItem(self._first, None)
        for r in rounds:
            self.addItem(f"{r.name} ({len(r.article_ids)})", r.name)
            self.setItemData(self.count() - 1, f"{r.name} {r.date}".strip(),
                             Qt.ItemDataRole.ToolTipRole)
        self.setCurrentIndex(max(0, self.findData(chosen)))
        self.blockSignals(False)
        self.setVisible(bool(rounds))
        return chosen is not None and self.currentData() != chosen

    def chosen_ids(self) -> set[int] | None:
        """The ids of the chosen round's articles (None: all articles)."""
        name = self.currentData()
        return self._ids.get(name) if name is not None else None
