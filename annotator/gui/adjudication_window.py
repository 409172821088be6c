"""The adjudication window: the lead turns the coders' work on a master into gold.

Left, the articles with their adjudication status and the coders who are done. In the middle,
the article text once, with the gold spans shaded, and beside it a lane per done coder (gold
first): each span a small copy of where it lies on the lines, with a mark under it: green (all agree),
amber (partly) or red (alone). Right, every coder's spans by coder, the gold answers to the article
codes and the coders' answers.

Keys: 1-9 make a gold span of the selection (or relabel the selected gold span); A accepts the
picked coder span; G accepts what all done coders marked identically, Shift+G a majority;
Del rejects the selected gold span; B moves it to the selection; N notes why; Ctrl+Z / Ctrl+Shift+Z
undo and redo; Ctrl+Enter marks the article adjudicated and opens the next; Ctrl+F finds in the
text (F3 / Shift+F3 next and previous, Esc closes). Each action is one
call into the :class:`~annotator.core.lead.LeadSession`, saved at once and undoable.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.lead import LeadSession
from annotator.core.model import Annotation, Change
from annotator.core.session import OpenArticle
from annotator.gui.adjudication_lanes import CoderSpansTree, LanesStrip, legend
from annotator.gui.adjudication_panels import (
    ADJ_STATUS_TEXT,
    CoderAnswersTree,
    GoldView,
    LeadArticleList,
)
from annotator.gui.codes_panel import CodesPanel
from annotator.gui.core_texts import shown
from annotator.gui.find_bar import FindBar, find_actions
from annotator.gui.help_menu import help_menu, view_keys
from annotator.gui.language_switch import language_menu
from annotator.gui.lead_menu import exchange_actions, new_project_action, project_menu
from annotator.gui.plain_text import escaped
from annotator.gui.texts import tr
from annotator.gui.undo_texts import undo_words


class AdjudicationWindow(QMainWindow):
    def __init__(self, session: LeadSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.schema = session.schema
        self.setObjectName("adjudicationWindow")
        self.setWindowTitle(self.tr("{project} — Adjudication (lead) — Framing Annotator").format(
            project=session.name))
        self.resize(1400, 860)
        self.opened: OpenArticle | None = None
        self.coder_spans: dict[str, Annotation] = {}
        self.picked: str | None = None  # the coder span picked in the lanes or the list
        self.last_error = ""

        self.view = GoldView(self.schema)
        self.lanes = LanesStrip(self.schema, self.view)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(4, 4, 4, 0)
        column.addWidget(self.heading)
        row = QHBoxLayout()
        row.setSpacing(2)
        row.addWidget(self.lanes)
        row.addWidget(self.view, 1)
        column.addLayout(row, 1)
        self.find_bar = FindBar(self.view)  # Ctrl+F, as in the coders' window
        column.addWidget(self.find_bar)
        self.setCentralWidget(centre)
        self.articles = LeadArticleList(session.rounds)
        self.coder_list = CoderSpansTree(self.schema)
        self.codes = CodesPanel(self.schema.variables, self.schema.labels)
        self.coder_answers = CoderAnswersTree(self.schema.variables, self.schema.labels)
        right = QSplitter(Qt.Orientation.Vertical)
        for widget in (self.coder_list, self.codes, self.coder_answers):
            right.addWidget(widget)
        right.setSizes([380, 260, 200])
        self._dock(self.tr("Articles"), self.articles.panel, Qt.DockWidgetArea.LeftDockWidgetArea,
                   "articlesDock")
        self._dock(self.tr("Coders' spans · gold answers · coders' answers"), right,
                   Qt.DockWidgetArea.RightDockWidgetArea, "coders'Dock")
        self.resizeDocks(self.findChildren(QDockWidget), [340, 400], Qt.Orientation.Horizontal)
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # names from the schema
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(QLabel(
            self.tr("Read-only: nothing can be changed.") if session.read_only
            else self.tr("Every decision is saved to the master as you make it.")))
        self._actions()
        self.articles.articleSelected.connect(self.open_article)
        self.view.labelRequested.connect(self.tag_selection)
        self.view.deleteRequested.connect(self.reject)
        self.view.relabelRequested.connect(lambda u, lab: self._edit(
            lambda: self.session.relabel(u, lab)))
        self.view.noteRequested.connect(self.edit_note)
        self.lanes.spanPicked.connect(self.pick)
        self.coder_list.spanPicked.connect(self.pick)
        self.coder_list.acceptRequested.connect(lambda u: (self.pick(u), self.accept_picked()))
        self.codes.answerChanged.connect(lambda var, value: self._edit(
            lambda: self.session.set_answer(self.current_id, var, value)))
        self.coder_answers.takeRequested.connect(lambda var, coder: self._edit(
            lambda: self.session.set_answer(self.current_id, var, None, from_coder=coder)))
        self.articles.set_rows(session.articles())
        ids = self.articles.ids()
        if ids:
            self.articles.select_article(next(
                (i for i in ids if self.articles.status_of(i) != "done"), ids[0]))

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea, name: str) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(area, dock)

    def _actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(new_project_action(self))
        file_menu.addSeparator()
        file_menu.addActions(exchange_actions(self, self.session))
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(lambda _c=False: self.close())
        menu = self.menuBar().addMenu(self.tr("&Adjudicate"))
        specs = [  # (name, text, key, slot)
            ("undo", self.tr("Undo"), QKeySequence.StandardKey.Undo, self.undo),
            ("redo", self.tr("Redo"), "Ctrl+Shift+Z", self.redo),
            ("acceptPicked", self.tr("Accept picked coder span"), "A", self.accept_picked),
            ("acceptAll", self.tr("Accept agreed by all coders"), "G",
             lambda: self.accept_agreed("all")),
            ("acceptMajority", self.tr("Accept agreed by a majority"), "Shift+G",
             lambda: self.accept_agreed("majority")),
            ("acceptK", self.tr("Accept agreed by at least k coders…"), "K", self.accept_agreed_k),
            ("reject", self.tr("Reject selected gold span"), None, self.reject_selected),
            ("move", self.tr("Move gold span to the selection"), "B", self.move_selected),
            ("note", self.tr("Note why…"), "N", lambda: self.edit_note(self.view.selected_uuid)),
            ("adjudicated", self.tr("Mark adjudicated and open next"), "Ctrl+Return",
             self.mark_adjudicated_and_next),
            ("reopen", self.tr("Reopen article"), None, lambda: self._edit(
                lambda: self.session.set_status(self.current_id, "in_progress"))),
        ]
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, key, slot in specs:
            action = menu.addAction(text)
            if key is not None:
                action.setShortcut(QKeySequence(key))
            if name == "redo":
                action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, s=slot: s())
            self.addAction(action)
            self.actions_by_name[name] = action
        menu.addSeparator()
        menu.addActions(find_actions(self, self.find_bar))

        view = self.menuBar().addMenu(self.tr("&View"))
        view.setObjectName("viewMenu")
        language_menu(self, view)  # 日本語 / English
        project_menu(self, self.session)
        tools = self.menuBar().addMenu(self.tr("&Tools"))
        self.agreement_action = tools.addAction(self.tr("Agreement…"))
        self.agreement_action.setObjectName("agreementAction")
        self.agreement_action.setStatusTip(self.tr(
            "Inter-annotator agreement of the coders who have marked articles done"))
        self.agreement_action.triggered.connect(lambda _c=False: self.show_agreement())
        self.report_action = tools.addAction(self.tr("Reliability report…"))
        self.report_action.setObjectName("reportAction")
        self.report_action.setStatusTip(self.tr(
            "One HTML file with alpha, intervals, figures and a methods paragraph"))
        self.report_action.triggered.connect(lambda _c=False: self.show_report())
        help_menu(self, self.session.path, lambda: view_keys(self.schema))  # keys, About

    def show_agreement(self) -> QWidget | None:
        """Tools → Agreement… on this master; a double-clicked disagreement opens here."""
        from annotator.gui.agreement_open import open_agreement

        return open_agreement(self)

    def show_report(self) -> QWidget | None:
        """Tools → Reliability report… of this master."""
        from annotator.gui.report_dialog import reliability_report

        self.report_dialog = reliability_report(self)
        return self.report_dialog

    def show_place(self, article_id: int, start: int, end: int) -> None:
        """Open an article with a stretch of its text selected and centred (from the
        Agreement window)."""
        self.articles.select_article(article_id)
        if self.opened is None or self.opened.article.id != article_id:
            self.open_article(article_id)
        self.view.select_centred(start, end)
        self.raise_()
        self.activateWindow()

    # --- showing ---------------------------------------------------------------------------

    def project_changed(self) -> None:
        """Re-read the article list after a lead's task changed the file (import, merge,
        rounds), keeping the open article when it is still there."""
        current = self.opened.article.id if self.opened is not None else None
        self.articles.set_rows(self.session.articles())
        ids = self.articles.ids()
        if current in ids:
            self.open_article(current)
        elif ids:
            self.articles.select_article(ids[0])

    @property
    def current_id(self) -> int:
        assert self.opened is not None
        return self.opened.article.id

    def open_article(self, article_id: int) -> None:
        try:
            self.opened = self.session.open_article(article_id)
        except AnnotatorError as exc:
            self._error(str(exc))
            return
        self.picked = None
        self.view.set_article(self.opened, self.session.gold(article_id))
        self.find_bar.article_changed()
        self.refresh()

    def refresh(self) -> None:
        """Lanes, lists, answers and status of the open article, from the file."""
        article_id = self.current_id
        lanes = self.session.lanes(article_id)
        gold = self.session.gold(article_id)
        self.coder_spans = {x.span.uuid: x.span for lane in lanes for x in lane.spans}
        self.view.set_spans(gold)
        self.lanes.set_lanes(lanes, gold)
        self.lanes.select(self.picked or self.view.selected_uuid)
        self.coder_list.set_lanes(lanes)
        if self.picked:
            self.coder_list.select(self.picked)
        self.codes.set_answers(self.session.gold_answers(article_id))
        self.coder_answers.set_answers(self.session.coder_answers(article_id),
                                       self.session.gold_answers(article_id))
        status = self.session.status(article_id)
        self.articles.update_status(article_id, status)
        coders = ", ".join(lane.coder for lane in lanes) or self.tr("no coder is done yet")
        self.heading.setText(f"<b>{escaped(self.opened.article.title)}</b><br>" + self.tr(
            "coders done: {coders} · {n} gold span(s) · {status} · lanes beside the text, "
            "mark under a bar: {legend}").format(
                coders=escaped(coders), n=len(gold), status=tr(ADJ_STATUS_TEXT[status]),
                legend=legend()))
        history = self.session.history
        self.status_label.setText(
            self.tr("Undo: {what}").format(
                what=undo_words(history.undo_command, self.schema)) if history.can_undo
            else self.tr("Pick a coder's span (A accepts it), select text and press 1-9, or G to "
                         "accept what all coders agree on."))

    def pick(self, uuid: str) -> None:
        """A coder span (its stretch is selected in the text) or a gold span was picked."""
        if uuid in self.coder_spans:
            span = self.coder_spans[uuid]
            self.picked = uuid
            self.view.select_span(None)
            self.view.select_range(span.start, span.end)
            self.view.ensureCursorVisible()
            self.coder_list.select(uuid)
        else:
            self.picked = None
            self.view.select_span(uuid)
        self.lanes.select(uuid)

    # --- edits -----------------------------------------------------------------------------

    def _edit(self, action) -> bool:
        if self.opened is None or self.session.read_only:
            return False
        try:
            change: Change = action()
        except AnnotatorError as exc:
            self._error(str(exc))
            return False
        if change.article_id != self.current_id:
            self.articles.select_article(change.article_id)
        self.refresh()
        return True

    def tag_selection(self, label: str) -> None:
        selection = self.view.selection()
        if selection is None:
            if self.view.selected_uuid:
                self._edit(lambda: self.session.relabel(self.view.selected_uuid, label))
            return
        start, end = selection
        if self._edit(lambda: self.session.add_gold(self.current_id, label, start, end)):
            self._clear_selection()

    def accept_picked(self) -> None:
        span = self.coder_spans.get(self.picked or "")
        if span is None:
            self.statusBar().showMessage(
                self.tr("Pick a coder's span first (in the lanes or the list)."), 4000)
            return
        self._edit(lambda: self.session.accept_span(span))

    def accept_agreed(self, rule: str | int) -> None:
        self._edit(lambda: self.session.accept_agreed(self.current_id, rule))

    def accept_agreed_k(self) -> None:
        k, ok = QInputDialog.getInt(self, self.tr("Accept agreed"),
                                    self.tr("At least how many coders?"), 2, 2, 99)
        if ok:
            self.accept_agreed(k)

    def reject(self, uuid: str) -> None:
        self._edit(lambda: self.session.reject(uuid))

    def reject_selected(self) -> None:
        if self.view.selected_uuid:
            self.reject(self.view.selected_uuid)

    def move_selected(self) -> None:
        uuid, selection = self.view.selected_uuid, self.view.selection()
        if uuid and selection and self._edit(lambda: self.session.move(uuid, *selection)):
            self._clear_selection()

    def edit_note(self, uuid: str | None) -> None:
        if not uuid:
            return
        from annotator.gui.note_dialog import ask_note  # only when asked: start-up

        span = self.session.gold_span(uuid)
        old = span.rationale
        note = ask_note(self, self.schema.label(span.label).display_name, span.text, old,
                        title=self.tr("Why"), prompt=self.tr("The reason for this decision:"))
        if note is not None and note != old:
            self.set_note(uuid, note)

    def set_note(self, uuid: str, note: str) -> bool:
        return self._edit(lambda: self.session.note(uuid, note))

    def undo(self) -> bool:
        return self.session.history.can_undo and self._edit(self.session.undo)

    def redo(self) -> bool:
        return self.session.history.can_redo and self._edit(self.session.redo)

    def mark_adjudicated_and_next(self) -> None:
        if not self._edit(lambda: self.session.set_status(self.current_id, "done")):
            return
        following = self.articles.following(self.current_id)
        if following is not None:
            self.articles.select_article(following)

    def _clear_selection(self) -> None:
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)

    def _error(self, message: str) -> None:
        message = shown(message)  # in the interface's language when the core's catalog knows it
        self.last_error = message
        self.statusBar().showMessage(message, 8000)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.session.close()
        lock = getattr(self, "instance_lock", None)
        if lock is not None:  # the file can be opened again at once, in this process too
            lock.release()
        super().closeEvent(event)
