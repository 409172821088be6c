"""The Rounds tab of the Agreement window: how agreement moved from one calibration round to the
next, as in ``rounds.csv``.

Rows are the frames, all frames together and the article codes; columns the rounds in their
order, with their dates; a cell is the round's alpha, coloured as everywhere in the window, and
its tooltip says on how many articles and between which coders. Nothing is computed here: the
values are the trend's rows (:func:`annotator.core.round_trend.round_trend`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QWidget,
)

from annotator.core.reports import OVERALL
from annotator.core.round_trend import (
    CODE_ALPHA,
    TOKEN_ALPHA,
    UNITIZING_ALPHA,
    TrendRow,
)
from annotator.gui.agreement_tables import cell, fmt, value_cell
from annotator.gui.colors import quiet_color
from annotator.gui.pane_layout import chooser_and_table
from annotator.gui.texts import tr

FRAME_MEASURES = {
    TOKEN_ALPHA: QT_TRANSLATE_NOOP("", "Krippendorff's α on tokens"),
    UNITIZING_ALPHA: QT_TRANSLATE_NOOP("", "unitizing α on characters"),
}


class RoundTrendPane(QWidget):
    """``title(label)`` names a row: a frame, all frames (``*``) or an article code."""

    def __init__(self, title: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roundTrend")
        self._title = title
        self.rows: list[TrendRow] = []
        self.measure_box = QComboBox()
        self.measure_box.setObjectName("roundTrendMeasure")
        for key, text in FRAME_MEASURES.items():
            self.measure_box.addItem(tr(text), key)
        self.explanation = QLabel()
        self.explanation.setObjectName("roundTrendExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet(f"color: {quiet_color().name()}")
        self.table = QTableWidget()
        self.table.setObjectName("roundTrendTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        chooser_and_table(self, self.tr("Frames:"), self.measure_box, self.explanation,
                          self.table)
        self.set_rows([])

    def set_rows(self, rows: Sequence[TrendRow]) -> None:
        self.rows = list(rows)
        self.fill()

    def shown(self) -> list[TrendRow]:
        """The rows of the table: the frames by the measure chosen, then all frames together
        (unitizing alpha), then the article codes."""
        measure = self.measure_box.currentData()
        frames = [r for r in self.rows if r.label != OVERALL and r.measure == measure]
        overall = [r for r in self.rows if r.label == OVERALL]
        codes = [r for r in self.rows if r.measure == CODE_ALPHA]
        return frames + overall + codes

    def fill(self) -> None:
        rows = self.shown()
        rounds = list(dict.fromkeys((r.round, r.date) for r in self.rows))
        keys = list(dict.fromkeys((r.label, r.measure) for r in rows))
        self.explanation.setText(self.tr(
            "Krippendorff's alpha of the checked coders on each round's articles: frames by the "
            "measure chosen, all frames together as unitizing alpha, article codes on articles. "
            "Hover over a cell for the articles and coders it counts. — : undefined."
        ) if rounds else self.tr(
            "No rounds yet: define calibration rounds (Project → Calibration rounds…) to see "
            "agreement round by round."))
        self.table.clear()
        self.table.setRowCount(len(keys))
        self.table.setColumnCount(len(rounds))
        self.table.setHorizontalHeaderLabels(
            [f"{name}\n{date}" if date else name for name, date in rounds])
        self.table.setVerticalHeaderLabels([self._title(label) for label, _m in keys])
        for k, (label, measure) in enumerate(keys):
            self.table.verticalHeaderItem(k).setToolTip(f"{label} · {measure}")
        column = {name: j for j, (name, _d) in enumerate(rounds)}
        row = {key: k for k, key in enumerate(keys)}
        for r in rows:
            tooltip = self.tr("{round}: {measure} {value}, {n} article(s) done by at least two "
                              "of the coders compared: {coders}").format(
                round=r.round, measure=r.measure, value=fmt(r.value), n=r.n_articles,
                coders=", ".join(r.coders) or self.tr("none"))
            self.table.setItem(row[(r.label, r.measure)], column[r.round],
                               value_cell(r.value, tooltip))
        for k in range(len(keys)):  # a round without this row (no articles): undefined
            for j in range(len(rounds)):
                if self.table.item(k, j) is None:
                    self.table.setItem(k, j, cell("—"))
