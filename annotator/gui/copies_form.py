"""The form of *Hand out copies…*: coders, articles, design, cue words, seed and output folder.

It only gathers what the lead chose into a :class:`Request` (with the reasons it cannot be
planned yet, such as no coder or no ticked article) and says when anything changed; planning
and writing are the dialog's (:mod:`annotator.gui.copies_dialog`), the coders' list is
:mod:`annotator.gui.coder_names`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.copies_task import CopiesChoices
from annotator.core.cue_design import DRAWN
from annotator.gui.coder_names import CoderNames
from annotator.gui.path_row import path_row
from annotator.gui.plain_text import plain_tip

MAX_SEED = 999_999  # the range `annotator assign` draws its seeds from


def new_seed() -> int:
    return random.SystemRandom().randrange(1, MAX_SEED + 1)


@dataclass(frozen=True)
class Request:
    """What the lead asked for, as the core's plan takes it."""

    coders: tuple[str, ...]
    article_ids: tuple[int, ...] | None  # None: every article
    sample: int | None
    overlap: int | float | None  # None: every coder codes every article
    seed: int | None
    round: str | None  # the round in the file names
    out_dir: Path
    problems: tuple[str, ...]  # why it cannot be planned yet
    cues: str = "on"  # the cue design: on, off, per-coder, per-article (core.cue_design)


class CopiesForm(QWidget):
    changed = Signal()

    def __init__(self, choices: CopiesChoices, out_dir: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.coders = CoderNames(choices.coders)
        self.coders.changed.connect(self.changed)
        layout.addWidget(self.coders)
        layout.addWidget(self._articles_box(), 1)
        layout.addWidget(self._design_box())
        layout.addWidget(self._cues_box())
        layout.addWidget(self._output_box(str(out_dir)))
        self._enable()

    # --- articles ---------------------------------------------------------------------------

    def _articles_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Articles"))
        count = len(self.choices.articles)
        self.all_radio = QRadioButton(self.tr("All articles ({0})").format(count),
                                      objectName="allArticles")
        self.round_radio = QRadioButton(self.tr("A round:"), objectName="roundArticles")
        self.round_combo = QComboBox(objectName="roundCombo")
        for found in self.choices.rounds:
            self.round_combo.addItem(self.tr("{0} ({1} articles)").format(
                found.name, len(found.article_ids)), found.name)
        if not self.choices.rounds:
            self.round_radio.setEnabled(False)
            self.round_radio.setToolTip(self.tr("No rounds yet: Project → Calibration rounds…"))
        self.round_combo.setToolTip(self.tr("The round's name goes into the file names"))
        self.selection_radio = QRadioButton(self.tr("A selection:"),
                                            objectName="selectedArticles")
        self.article_list = QListWidget(objectName="articleList")
        self.article_list.setMinimumHeight(120)
        self.article_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.article_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        for article in self.choices.articles:
            item = QListWidgetItem(f"{article.external_id}  {article.title}")
            item.setData(Qt.ItemDataRole.UserRole, article.id)
            item.setToolTip(plain_tip(f"{article.external_id}: {article.title}"))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.article_list.addItem(item)
        self.sample_radio = QRadioButton(self.tr("A random sample of"),
                                         objectName="sampleArticles")
        self.sample_count = QSpinBox(objectName="sampleCount")
        self.sample_count.setRange(1, max(1, count))
        self.sample_count.setValue(max(1, min(10, count)))
        self.seed_edit = QSpinBox(objectName="seedEdit")
        self.seed_edit.setRange(0, MAX_SEED)
        self.seed_edit.setValue(new_seed())
        self.seed_edit.setToolTip(self.tr("The same seed draws the same articles again"))
        self.seed_button = QPushButton(self.tr("New seed"), objectName="newSeedButton")
        self.seed_button.setAutoDefault(False)
        self.seed_button.clicked.connect(lambda: self.seed_edit.setValue(new_seed()))
        self.article_group = QButtonGroup(self)
        for radio in (self.all_radio, self.round_radio, self.selection_radio, self.sample_radio):
            self.article_group.addButton(radio)
        self.all_radio.setChecked(True)

        round_row = QHBoxLayout()
        round_row.addWidget(self.round_radio)
        round_row.addWidget(self.round_combo, 1)
        sample_row = QHBoxLayout()
        sample_row.addWidget(self.sample_radio)
        sample_row.addWidget(self.sample_count)
        sample_row.addWidget(QLabel(self.tr("articles")))
        sample_row.addStretch(1)
        seed_row = QHBoxLayout()
        seed_row.addWidget(QLabel(self.tr("Seed of the random draws:")))
        seed_row.addWidget(self.seed_edit)
        seed_row.addWidget(self.seed_button)
        seed_row.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addWidget(self.all_radio)
        inner.addLayout(round_row)
        inner.addWidget(self.selection_radio)
        inner.addWidget(self.article_list, 1)
        inner.addLayout(sample_row)
        inner.addLayout(seed_row)
        self.article_group.buttonToggled.connect(self._toggled)
        self.round_combo.currentIndexChanged.connect(self._emit)
        self.article_list.itemChanged.connect(self._emit)
        self.sample_count.valueChanged.connect(self._emit)
        self.seed_edit.valueChanged.connect(self._emit)
        return box

    def checked_articles(self) -> list[int]:
        items = (self.article_list.item(i) for i in range(self.article_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    # --- design and output ------------------------------------------------------------------

    def _design_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Design"))
        self.every_radio = QRadioButton(self.tr("Every coder codes every article"),
                                        objectName="everyArticle")
        self.reliability_radio = QRadioButton(self.tr("Reliability design:"),
                                              objectName="reliabilityDesign")
        self.overlap_value = QSpinBox(objectName="overlapValue")
        self.overlap_value.setRange(1, 100_000)
        self.overlap_value.setValue(min(10, max(1, len(self.choices.articles))))
        self.overlap_unit = QComboBox(objectName="overlapUnit")
        self.overlap_unit.addItem(self.tr("articles"), "count")
        self.overlap_unit.addItem(self.tr("% of them"), "share")
        self.design_group = QButtonGroup(self)
        self.design_group.addButton(self.every_radio)
        self.design_group.addButton(self.reliability_radio)
        self.every_radio.setChecked(True)
        row = QHBoxLayout()
        row.addWidget(self.reliability_radio)
        row.addWidget(self.overlap_value)
        row.addWidget(self.overlap_unit)
        row.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addWidget(self.every_radio)
        inner.addLayout(row)
        inner.addWidget(QLabel(self.tr("coded by every coder (to measure agreement), "
                                       "the rest divided among them")))
        self.design_group.buttonToggled.connect(self._toggled)
        self.overlap_value.valueChanged.connect(self._emit)
        self.overlap_unit.currentIndexChanged.connect(self._unit_changed)
        return box

    def _cues_box(self) -> QGroupBox:
        """Whether the copies underline the schema's cue words (``assign --cues``)."""
        box = QGroupBox(self.tr("Cue words"))
        self.cues_on_radio = QRadioButton(self.tr("Underlined in every article"),
                                          objectName="cuesOn")
        self.cues_off_radio = QRadioButton(self.tr("Not underlined in any article"),
                                           objectName="cuesOff")
        self.cues_coders_radio = QRadioButton(
            self.tr("Half of the coders without underlines in any article"),
            objectName="cuesPerCoder")
        self.cues_coders_radio.setToolTip(self.tr(
            "Which coders get copies without underlines is drawn with the seed (the smaller half "
            "when the number of coders is odd)."))
        self.cues_half_radio = QRadioButton(
            self.tr("Half of each coder's articles without underlines (counterbalanced)"),
            objectName="cuesPerArticle")
        self.cues_half_radio.setToolTip(self.tr(
            "Each coder sees half of their articles with the cue underlines and half without; "
            "an article every coder codes is shown both ways across coders. Drawn with the seed."))
        self.cues_group = QButtonGroup(self)
        inner = QVBoxLayout(box)
        for radio, design in ((self.cues_on_radio, "on"), (self.cues_off_radio, "off"),
                              (self.cues_coders_radio, "per-coder"),
                              (self.cues_half_radio, "per-article")):
            radio.setProperty("cues", design)
            self.cues_group.addButton(radio)
            inner.addWidget(radio)
        self.cues_on_radio.setChecked(True)
        inner.addWidget(QLabel(self.tr("A coder cannot turn hidden underlines on; merge records "
                                       "each article's condition per coder.")))
        self.cues_group.buttonToggled.connect(self._toggled)
        return box

    def cues(self) -> str:
        return self.cues_group.checkedButton().property("cues")

    def _output_box(self, out_dir: str) -> QGroupBox:
        box = QGroupBox(self.tr("Output"))
        self.out_edit = QLineEdit(out_dir, objectName="outputEdit")
        self.browse_button = QPushButton(self.tr("Browse…"), objectName="browseButton")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self._browse)
        self.out_edit.textChanged.connect(self._emit)
        inner = QFormLayout(box)
        inner.addRow(self.tr("Folder:"), path_row(self.out_edit, self.browse_button))
        return box

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the copies"), self.out_edit.text())
        if folder:
            self.out_edit.setText(folder)

    def _unit_changed(self) -> None:
        share = self.overlap_unit.currentData() == "share"
        self.overlap_value.setRange(1, 100 if share else 100_000)
        self._emit()

    def _toggled(self, _button: object, checked: bool) -> None:
        if checked:  # one of the pair goes off as the other goes on: react once
            self._emit()

    def _emit(self, *_args: object) -> None:
        self._enable()
        self.changed.emit()

    def _enable(self) -> None:
        self.round_combo.setEnabled(self.round_radio.isChecked())
        self.article_list.setEnabled(self.selection_radio.isChecked())
        self.sample_count.setEnabled(self.sample_radio.isChecked())
        reliability = self.reliability_radio.isChecked()
        self.overlap_value.setEnabled(reliability)
        self.overlap_unit.setEnabled(reliability)
        drawn = self.sample_radio.isChecked() or reliability or self.cues() in DRAWN
        self.seed_edit.setEnabled(drawn)
        self.seed_button.setEnabled(drawn)

    # --- what was asked ---------------------------------------------------------------------

    def request(self) -> Request:
        problems = []
        coders = tuple(self.coders.names())
        if not coders:
            problems.append(self.tr("Add the coders who get a copy."))
        article_ids: tuple[int, ...] | None = None
        round_name = sample = overlap = None
        if self.round_radio.isChecked():
            round_name = self.round_combo.currentData()
        elif self.selection_radio.isChecked():
            article_ids = tuple(self.checked_articles())
            if not article_ids:
                problems.append(self.tr("Tick the articles to hand out."))
        elif self.sample_radio.isChecked():
            sample = self.sample_count.value()
        if self.reliability_radio.isChecked():
            value = self.overlap_value.value()
            overlap = value / 100 if self.overlap_unit.currentData() == "share" else value
        folder = self.out_edit.text().strip()
        if not folder:
            problems.append(self.tr("Choose the folder for the copies."))
        cues = self.cues()
        drawn = sample is not None or overlap is not None or cues in DRAWN
        return Request(coders, article_ids, sample, overlap,
                       self.seed_edit.value() if drawn else None, round_name,
                       Path(folder).expanduser(), tuple(problems), cues)
