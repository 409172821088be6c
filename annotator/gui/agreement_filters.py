"""The Agreement window's filters: which coders are compared and on which round's articles.

One check box per coder of the project (checked at first: those who have marked an article
done) and a round chooser ("All articles" and each calibration round, with its date). Every
change emits :attr:`AgreementFilters.changed`, and the window computes the report again; fewer
than two coders checked compares nothing, so the filters say so and emit nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from annotator.core.model import Round


class AgreementFilters(QWidget):
    changed = Signal()

    def __init__(
        self,
        coders: Sequence[str],
        chosen: Sequence[str],
        rounds: Sequence[Round],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agreementFilters")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Coders:")))
        self.coder_boxes: dict[str, QCheckBox] = {}
        for coder in coders:
            box = QCheckBox(coder)
            box.setObjectName(f"coderFilter_{coder}")
            box.setChecked(coder in chosen)
            box.toggled.connect(lambda _on: self._coders_changed())
            layout.addWidget(box)
            self.coder_boxes[coder] = box
        self.hint = QLabel(self.tr("Check at least two coders to compare."))
        self.hint.setObjectName("coderFilterHint")
        self.hint.setStyleSheet("color: #B71C1C")
        self.hint.setVisible(len(self.coders()) < 2)
        layout.addWidget(self.hint)
        layout.addSpacing(16)
        layout.addWidget(QLabel(self.tr("Articles:")))
        self.round_box = QComboBox()
        self.round_box.setObjectName("roundFilter")
        self.round_box.addItem(self.tr("All articles"), None)
        for r in rounds:
            text = self.tr("Round {name} ({date}, {n} article(s))") if r.date else self.tr(
                "Round {name} ({n} article(s))")
            self.round_box.addItem(text.format(name=r.name, date=r.date, n=len(r.article_ids)),
                                   r.name)
        self.round_box.setEnabled(bool(rounds))
        self.round_box.setToolTip(self.tr("Compare the coders on the articles of one calibration "
                                          "round") if rounds else
                                  self.tr("No calibration rounds yet (Project → Calibration "
                                          "rounds…)"))
        self.round_box.currentIndexChanged.connect(lambda _i: self._emit())
        layout.addWidget(self.round_box)
        layout.addStretch(1)

    def coders(self) -> list[str]:
        """The checked coders, in the project's order."""
        return [c for c, box in self.coder_boxes.items() if box.isChecked()]

    @property
    def round(self) -> str | None:
        """The chosen round's name; None for all articles."""
        return self.round_box.currentData()

    def _coders_changed(self) -> None:
        self.hint.setVisible(len(self.coders()) < 2)
        self._emit()

    def _emit(self) -> None:
        if len(self.coders()) >= 2:
            self.changed.emit()
