"""The annotation window: article list, article view, article codes, spans, codebook, toolbar.

Each user action is one call into the window's :class:`~annotator.core.session.Session` (which
keeps the undo history); the views then refresh from the :class:`~annotator.core.model.Change` it
returns. No SQL here, and nothing reaches past the session into the store.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from annotator.core.errors import AnnotatorError, StaleError
from annotator.core.model import Change
from annotator.core.session import MissingAnswers, OpenArticle, Session
from annotator.core.variables import Answer
from annotator.gui.article_list import STATUS_TEXT, ArticleListPanel
from annotator.gui.article_view import ArticleView
from annotator.gui.codebook import CodebookPanel
from annotator.gui.codes_panel import CodesPanel
from annotator.gui.colors import readable
from annotator.gui.core_texts import shown
from annotator.gui.find_bar import with_find_bar
from annotator.gui.span_editing import SpanEditing
from annotator.gui.spans_panel import SpansView
from annotator.gui.texts import tr
from annotator.gui.undo_texts import undo_words
from annotator.gui.window_actions import build_actions
from annotator.gui.window_layout import WindowLayout

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from annotator.gui.agreement_window import AgreementWindow



class MainWindow(SpanEditing, WindowLayout, QMainWindow):
    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        open_window: Callable[[Path, str | None], MainWindow | None] | None = None,
    ) -> None:
        """``open_window`` opens another project in a new window (File → Open project…); the
        app passes its own, so this module never imports the app's start-up."""
        super().__init__(parent)
        self.session = session
        self._open_window = open_window
        self.schema = session.schema
        self.opened: OpenArticle | None = None
        self.last_error = ""
        self.setObjectName("mainWindow")
        self.resize(1280, 800)

        self.view = ArticleView(self.schema)
        centre, self.find_bar = with_find_bar(self.view)
        self.setCentralWidget(centre)
        self.articles = ArticleListPanel(session.coder, session.search, session.rounds)
        self.spans = SpansView(self.schema)
        self.codebook = CodebookPanel(self.schema)
        self.codes = CodesPanel(self.schema.variables, self.schema.labels)
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self._dock(self.tr("Articles"), self.articles, Qt.DockWidgetArea.LeftDockWidgetArea,
                   "articlesDock")
        codes = self._dock(self.tr("Article codes"), self.codes, right, "codesDock")
        spans = self._dock(self.tr("Spans"), self.spans, right, "spansDock")
        codebook = self._dock(self.tr("Codebook"), self.codebook, right, "codebookDock")
        self.resizeDocks([self.findChild(QDockWidget, "articlesDock"), spans], [330, 380],
                         Qt.Orientation.Horizontal)
        self._right_docks = [codes, spans, codebook]
        self._docks_sized = False  # the right column is sized when first shown (or restored)
        if not self.schema.variables:
            codes.hide()

        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        saved = QLabel(
            self.tr("Read-only: {why}. Nothing can be changed.").format(why=shown(session.why_read_only))
            if session.read_only
            else self.tr("Every edit is saved to the project file as you make it.")
        )
        saved.setObjectName("savedLabel")
        saved.setStyleSheet(f"color: {readable('#a33' if session.read_only else '#666').name()}")
        self.statusBar().addPermanentWidget(saved)

        build_actions(self)
        self._connect()
        self.articles.set_articles(self.session.articles())
        self._update_title()
        self._update_undo()
        first = self._first_article()
        if first is not None:
            self.articles.select_article(first)
        else:
            self.status_label.setText(
                self.tr("This project has no articles yet: import some with `annotator import`.")
            )

    # --- construction -------------------------------------------------------------------

    def _dock(
        self, title: str, widget: QWidget, area: Qt.DockWidgetArea, name: str
    ) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        self.articles.articleSelected.connect(self.open_article)
        self.view.labelRequested.connect(self.tag_selection)
        self.view.spanClicked.connect(lambda u: self.spans.show_selected(u))
        self.view.spanClicked.connect(self.follow_codebook)
        self.view.deleteRequested.connect(self.delete_span)
        self.view.relabelRequested.connect(self.relabel_span)
        self.view.noteRequested.connect(self.edit_note)
        self.view.selectionChanged.connect(self._update_actions)
        self.spans.spanSelected.connect(self._span_row_selected)
        self.spans.deleteRequested.connect(self.delete_span)
        self.spans.relabelRequested.connect(self.relabel_span)
        self.spans.noteRequested.connect(self.edit_note)
        self.codes.answerChanged.connect(self.answer_code)
        # Tab from the text goes to its questions first, then the spans, codebook, article list.
        chain = [self.view, *self.codes.focus_chain(), self.spans, self.codebook,
                 self.articles.search_box, self.articles.status_filter,
                 self.articles.round_filter, self.articles.view]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _first_article(self) -> int | None:
        """Where a coder left off: the first article not done, else the first."""
        rows = self.articles.model.rows
        for row in rows:
            if row.status(self.session.coder) != "done":
                return row.id
        return rows[0].id if rows else None

    # --- state shown --------------------------------------------------------------------

    @property
    def current_article_id(self) -> int | None:
        return self.opened.article.id if self.opened else None

    def _update_title(self) -> None:
        """Article title — project — coder (each once: core.window_title) — the app."""
        from annotator.core.window_title import SEPARATOR, title_parts

        article = self.opened.article.title if self.opened else ""
        parts = title_parts(self.session.name, self.session.coder, article)
        if self.session.read_only:
            parts[-1] += self.tr(" [read-only]")
        self.setWindowTitle(SEPARATOR.join([*parts, self.tr("Framing Annotator")]))

    def _update_undo(self) -> None:
        """The undo and redo actions mirror the session's history."""
        history = self.session.history
        self.undo_action.setEnabled(history.can_undo)
        self.redo_action.setEnabled(history.can_redo)
        self.undo_action.setToolTip(
            self.tr("Undo {what} (Ctrl+Z)").format(
                what=undo_words(history.undo_command, self.schema)) if history.can_undo
            else self.tr("Undo (Ctrl+Z)")
        )
        self.redo_action.setToolTip(
            self.tr("Redo {what} (Ctrl+Shift+Z)").format(
                what=undo_words(history.redo_command, self.schema))
            if history.can_redo
            else self.tr("Redo (Ctrl+Shift+Z)")
        )

    def _update_actions(self) -> None:
        writable = not self.session.read_only
        has_article = self.opened is not None
        has_span = bool(self.view.selected_uuid)
        for action in self.label_actions.values():
            action.setEnabled(has_article and writable)
        self.delete_action.setEnabled(has_span and writable)
        self.note_action.setEnabled(has_span and writable)
        for action in self.adjust_actions:
            action.setEnabled(has_span and writable)
        status = self.session.status(self.current_article_id) if has_article else None
        self.done_action.setEnabled(has_article and writable)
        self.reopen_action.setEnabled(status == "done" and writable)
        self.codes.set_read_only(not (has_article and writable))
        self._update_undo()
        if has_article:
            art = self.opened.article
            spans = len(self.spans.spans_model.spans)
            self.status_label.setText(
                self.tr("{id} · {chars} characters · {spans} span(s) · {status}").format(
                    id=art.external_id, chars=f"{len(art.text):,}", spans=spans,
                    status=tr(STATUS_TEXT[status]))
            )

    def _set_precise(self, on: bool) -> None:
        self.view.precise = on

    # --- navigation ---------------------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        """Show an article; opening a not-started one marks it in progress."""
        if self.current_article_id == article_id:
            return
        try:
            self.opened = self.session.open_article(article_id)
        except AnnotatorError as exc:
            self._error(str(exc))
            return
        spans = self.session.spans(article_id)
        self.view.set_article(self.opened, spans)
        self.find_bar.article_changed(self.articles.search_box.text())
        self.spans.set_spans(spans)
        self.codes.set_answers(self.session.answers(article_id))
        self.codes.show_missing([])
        self._update_title()
        self.articles.update_status(article_id, self.session.status(article_id))
        self.articles.mark_shown(article_id)
        if self.articles.current_id() != article_id:
            self.articles.select_article(article_id)
        self._update_actions()

    def go(self, step: int) -> bool:
        target = self.articles.neighbour(self.current_article_id, step)
        if target is None:
            self.statusBar().showMessage(self.tr("No more articles in this list."), 4000)
            return False
        self.articles.select_article(target)
        self.view.setFocus()
        return True

    # --- edits --------------------------------------------------------------------------

    def _edit(self, action) -> bool:
        """Do one edit through the session (committed at once), then refresh from its Change.

        If the article or span was changed by another window or program since this window
        showed it, nothing is done: the user is told and the view is reloaded."""
        if self.opened is not None and not self.session.is_current(self.opened):
            self._reload(self.tr("This article was changed by another program; it has been "
                                 "reloaded. Select the passage again."))
            return False
        try:
            change = action()
        except StaleError as exc:
            self._reload(str(exc))
            return False
        except AnnotatorError as exc:
            self._error(str(exc))
            self._update_undo()
            return False
        self.apply_change(change)
        return True

    def undo(self) -> bool:
        return self.session.history.can_undo and self._edit(self.session.undo)

    def redo(self) -> bool:
        return self.session.history.can_redo and self._edit(self.session.redo)

    def project_changed(self) -> None:
        """Re-read the article list after a lead's task changed the file (import, merge,
        rounds), keeping the open article when it is still there."""
        current = self.current_article_id
        self.articles.set_articles(self.session.articles())
        if current is not None and self.articles.select_article(current):
            self.open_article(current)
        elif (first := self._first_article()) is not None:
            self.articles.select_article(first)
            self.open_article(first)

    def _reload(self, message: str) -> None:
        """Show the current article afresh from the file, and say why."""
        current = self.current_article_id
        self.opened = None
        self.articles.set_articles(self.session.articles())
        if current is not None:
            self.open_article(current)
        self._error(message)

    def apply_change(self, change: Change) -> None:
        """Refresh the views from what an edit (or its undo) changed."""
        if change.article_id != self.current_article_id:
            self.articles.select_article(change.article_id)
            self.open_article(change.article_id)
        if change.spans:
            spans = self.session.spans(change.article_id)
            self.view.set_spans(spans)
            selected = change.uuid if change.uuid in {a.uuid for a in spans} else None
            self.view.select_span(selected, scroll=False)
            self.spans.set_spans(spans, selected)
            if selected is not None:  # a span just made, relabelled or adjusted: its rules
                self.follow_codebook(selected)
        if change.status:
            self.articles.update_status(change.article_id, self.session.status(change.article_id))
        if change.codes or change.status:
            self.codes.set_answers(self.session.answers(change.article_id))
        self._update_actions()

    def answer_code(self, variable: str, value: Answer) -> None:
        """Answer (None: clear) one article code of the open article, as one undoable edit."""
        if self.opened is None or self.session.read_only:
            return
        article_id = self.opened.article.id
        self._edit(lambda: self.session.set_code(article_id, variable, value))
        if self.current_article_id == article_id:  # a refused edit: show what the file holds
            self.codes.set_answers(self.session.answers(article_id))

    def mark_done_and_next(self) -> None:
        """Ctrl+Enter. With a required article code unanswered, the article stays as it is:
        the message names the code and the keyboard is put on it."""
        if self.opened is None:
            return
        article_id = self.opened.article.id

        def done() -> Change:
            try:
                return self.session.set_status(article_id, "done")
            except MissingAnswers as exc:
                self.codes.show_missing([v.id for v in exc.missing])
                raise

        if not self._edit(done):
            return
        if not self.go(1):
            self.statusBar().showMessage(
                self.tr("Marked done. That was the last article in the list."), 5000)

    def reopen_article(self) -> None:
        if self.opened is not None:
            article_id = self.opened.article.id
            self._edit(lambda: self.session.set_status(article_id, "in_progress"))

    def choose_project(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open project"), str(self.session.path.parent),
            self.tr("Framing Annotator projects (*.annot);;All files (*)"),
        )
        if path:
            self.open_project_file(Path(path))

    def open_project_file(self, path: Path, coder: str | None = None) -> MainWindow | None:
        """Open another project in a new window (asking for the coder if needed) and close
        this one; on a bad file, say why and keep this window."""
        if self._open_window is None:
            return None
        try:
            window = self._open_window(path, coder)
        except AnnotatorError as exc:
            self._error(str(exc))
            return None
        if window is None:
            return None
        self.close()
        return window

    def switch_coder(self) -> None:
        from annotator.gui.coder_dialog import CoderDialog
        from annotator.gui.settings import remember_coder

        dialog = CoderDialog(self.session.coders(), self.session.coder, self)
        if dialog.exec() and dialog.coder and dialog.coder != self.session.coder:
            self.set_coder(dialog.coder)
            remember_coder(self.session.path, dialog.coder)

    def set_coder(self, coder: str) -> None:
        """Work as another coder: the views show that coder's spans and statuses."""
        current = self.current_article_id
        self.session = self.session.as_coder(coder)
        self.articles.model.coder = self.session.coder
        self.opened = None
        self.articles.set_articles(self.session.articles())
        self._update_title()
        target = current if current is not None else self._first_article()
        if target is not None:
            self.articles.select_article(target)
            self.open_article(target)

    def show_agreement(self) -> AgreementWindow | None:
        """Compute agreement on this project off the GUI thread and show it (for leads, on the
        merged master); None if cancelled or the file could not be read (said in a box)."""
        from annotator.gui.agreement_open import open_agreement

        return open_agreement(self)

    def show_place(self, article_id: int, start: int, end: int) -> None:
        """Open an article with a stretch of its text selected (from the Agreement window)."""
        self.articles.select_article(article_id)
        self.open_article(article_id)
        self.view.select_centred(start, end)
        self.raise_()
        self.activateWindow()

    def _error(self, message: str) -> None:
        """Say what went wrong in a message box that does not block the window (in the
        interface's language when the core's catalog knows the message)."""
        from PySide6.QtWidgets import QMessageBox  # built at the first error, not at start-up

        message = shown(message)
        self.last_error = message
        self.statusBar().showMessage(message, 8000)
        box = QMessageBox(QMessageBox.Icon.Warning, "Framing Annotator", message,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802

        self.save_layout()
        self.session.close()
        lock = getattr(self, "instance_lock", None)
        if lock is not None:
            lock.release()
        super().closeEvent(event)
