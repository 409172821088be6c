"""Project → Calibration rounds…: the lead's rounds, each a named set of articles with a date
("training 1", "training 2", "reliability", "main").

Left, the rounds (name, date, number of articles) with New, Rename… and Delete…; right, the
chosen round's date and its articles as a checkable list (id, title, the other rounds holding
each), with helpers: a random sample of N articles with its seed shown (drawn from the articles
in no round, unless unticked), every article not yet in a round, none. Every edit is stored at
once through the window's session (``add_round``, ``rename_round``, ``set_round_articles``,
``delete_round``): one transaction each, outside the undo history, like the other project
edits. Closing the dialog calls ``window.project_changed()`` when anything changed, so the
article list's round filter follows. Errors (a taken name, an empty one) show in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.model import Round
from annotator.gui.plain_text import escaped
from annotator.gui.round_articles import RoundArticles, button

NO_DATE = QDate(2000, 1, 1)  # the date edit's minimum, shown as "no date"
ID_ROLE = Qt.ItemDataRole.UserRole


def edit_rounds(window: Any) -> None:
    """The menu entry: the dialog, modal over ``window``."""
    RoundsDialog(window).exec()


class RoundsDialog(QDialog):
    """objectName ``roundsDialog`` (see the module docstring)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("roundsDialog")
        self.setWindowTitle(self.tr("Calibration rounds"))
        self.resize(980, 560)
        self.session = window.session
        self.changed = False
        self.rounds: dict[str, Round] = {}
        self.articles = list(self.session.articles())
        self.finished.connect(lambda _r: self.changed and window.isVisible()
                              and window.project_changed())

        self.table = QTreeWidget()
        self.table.setObjectName("roundsTable")
        self.table.setHeaderLabels([self.tr("Round"), self.tr("Date"), self.tr("Articles")])
        self.table.setRootIsDecorated(False)
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.header().setStretchLastSection(False)
        for column in (1, 2):
            self.table.header().setSectionResizeMode(column,
                                                     QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentItemChanged.connect(lambda _c, _p: self._show_round())
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newRoundName")
        self.new_name.setPlaceholderText(self.tr("New round, e.g. training 1"))
        self.new_name.returnPressed.connect(self.add_round)
        new = button("newRoundButton", self.tr("New"), self.add_round)
        self.rename_button = button("renameRoundButton", self.tr("Rename…"), self.ask_rename)
        self.delete_button = button("deleteRoundButton", self.tr("Delete…"), self.ask_delete)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(new)
        column.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.rename_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        column.addLayout(row)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self._round_pane())
        splitter.setSizes([330, 650])
        self.error = QLabel()
        self.error.setObjectName("roundsError")
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._reload()

    def _round_pane(self) -> QWidget:
        self.heading = QLabel()
        self.date = QDateEdit()
        self.date.setObjectName("roundDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText(self.tr("no date"))
        self.date.dateChanged.connect(lambda _d: self._store_date())
        self.members = RoundArticles(self.articles)
        self.members.chosen.connect(self._store_articles)
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.heading, 1)
        row.addWidget(QLabel(self.tr("Date:")))
        row.addWidget(self.date)
        row.addWidget(button("todayButton", self.tr("Today"),
                             lambda: self.date.setDate(QDate.currentDate())))
        row.addWidget(button("noDateButton", self.tr("No date"),
                             lambda: self.date.setDate(NO_DATE)))
        layout.addLayout(row)
        layout.addWidget(self.members, 1)
        self.round_pane = pane
        return pane

    # --- what is shown ---------------------------------------------------------------------

    def current_name(self) -> str | None:
        item = self.table.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def _reload(self, select: str | None = None) -> None:
        """Rounds from the file; ``select`` (or the current round, or the first) is shown."""
        select = select or self.current_name()
        self.rounds = {r.name: r for r in self.session.rounds()}
        self.table.blockSignals(True)
        self.table.clear()
        for r in self.rounds.values():
            item = QTreeWidgetItem(self.table, [r.name, r.date or "—", str(len(r.article_ids))])
            item.setData(0, ID_ROLE, r.name)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if r.name == select:
                self.table.setCurrentItem(item)
        if self.table.currentItem() is None and self.table.topLevelItemCount():
            self.table.setCurrentItem(self.table.topLevelItem(0))
        self.table.blockSignals(False)
        self._show_round()

    def _show_round(self) -> None:
        name = self.current_name()
        found = self.rounds.get(name) if name is not None else None
        for widget in (self.round_pane, self.rename_button, self.delete_button):
            widget.setEnabled(found is not None)
        self.heading.setText(f"<b>{escaped(found.name)}</b>" if found else
                             self.tr("Add a round: type its name and press New."))
        self.date.blockSignals(True)
        self.date.setDate(QDate.fromString(found.date, "yyyy-MM-dd")
                          if found and found.date else NO_DATE)
        self.date.blockSignals(False)
        others: dict[int, list[str]] = {}
        for r in self.rounds.values():
            if r.name != name:
                for article_id in r.article_ids:
                    others.setdefault(article_id, []).append(r.name)
        self.members.show_round(set(found.article_ids) if found else set(), others)

    # --- edits (each stored at once) -------------------------------------------------------

    def _store(self, edit: Callable[[], object], select: str | None = None) -> bool:
        try:
            edit()
        except AnnotatorError as exc:
            self.error.setText(str(exc))
            self._reload()  # what the file holds, on the round shown
            return False
        self.error.clear()
        self.changed = True
        self._reload(select)
        return True

    def add_round(self) -> None:
        name = self.new_name.text().strip()
        if self._store(lambda: self.session.add_round(name), select=name):
            self.new_name.clear()

    def ask_rename(self) -> QInputDialog | None:
        """A small dialog for the new name, opened without blocking (``rename_dialog``)."""
        old = self.current_name()
        if old is None:
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("renameRoundDialog")
        dialog.setWindowTitle(self.tr("Rename round"))
        dialog.setLabelText(self.tr("New name of round {name}:").format(name=old))
        dialog.setTextValue(old)
        dialog.textValueSelected.connect(lambda new: self.rename(old, new))
        dialog.open()
        self.rename_dialog = dialog
        return dialog

    def rename(self, old: str, new: str) -> bool:
        new = new.strip()
        return self._store(lambda: self.session.rename_round(old, new), select=new)

    def ask_delete(self) -> QMessageBox | None:
        """Asks first, without blocking (``delete_box``): the articles stay, the round goes."""
        name = self.current_name()
        if name is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete round"), self.tr(
            "Delete round {name}? It holds {n} article(s); they and their annotations stay "
            "in the project.").format(name=name, n=len(self.rounds[name].article_ids)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("deleteRoundBox")
        box.accepted.connect(lambda: self._store(lambda: self.session.delete_round(name)))
        box.open()
        self.delete_box = box
        return box

    def _store_date(self) -> None:
        name = self.current_name()
        if name is not None:
            day = "" if self.date.date() == NO_DATE else self.date.date().toString("yyyy-MM-dd")
            self._store(lambda: self.session.rename_round(name, name, day))

    def _store_articles(self, ids: list[int]) -> None:
        name = self.current_name()
        if name is not None:
            self._store(lambda: self.session.set_round_articles(name, ids))
