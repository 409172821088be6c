"""The import preview's right side: one article's text with the proposed clean-up shown on it,
and the lead's controls for that article (kept lines, title, skip, its file's encoding).

Removed lines stay visible, greyed and struck through under a line that says why they go, so
the lead sees what the clean-up would take away before anything is stored; the line the
headline comes from is marked. Every control says what it changed with a signal; the dialog
turns that into the article's :class:`~annotator.core.importers.ArticleChoice`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.core.cleanup import PageCleanup
from annotator.core.import_preview import Outcome, PreviewArticle, page_lines
from annotator.gui.plain_text import escaped

__all__ = ["ENCODINGS", "ArticlePanel", "page_html"]

#: The encodings offered per file (the first entry re-detects).
ENCODINGS = ("utf-8", "utf-8-sig", "cp932", "shift_jis", "euc-jp", "iso-2022-jp", "utf-16",
             "utf-16-le", "utf-16-be")
#: Lines shown at most (a longer text is shown cut, with a note): the view stays quick.
MAX_SHOWN_LINES = 3000


def _why(cleanup: PageCleanup | None, first: int, last: int, chosen: str) -> str:
    """Why lines ``first..last`` go: the clean-up's reason when it removes them, else ``chosen``."""
    for removal in cleanup.removals if cleanup is not None else ():
        if removal.first <= first and last <= removal.last:
            return removal.why
    return chosen


def page_html(article: PreviewArticle, outcome: Outcome, clean: bool, texts: dict[str, str]) -> str:
    """The article's lines as HTML: kept lines plain, removed ones greyed and struck through
    under a note saying why, the headline's line marked. ``texts`` holds the translated words
    ("removed", "headline", "chosen", "more")."""
    lines = page_lines(article.text)
    cleanup = article.cleanup if clean else None
    headline = next((k for k, line in enumerate(lines, 1)
                     if outcome.title and outcome.title in line), 0)
    width = len(str(len(lines)))
    out = ['<div style="white-space: pre-wrap">']
    k = 1
    shown = min(len(lines), MAX_SHOWN_LINES)
    while k <= shown:
        kept = outcome.first <= k <= outcome.last
        end = k
        while end < shown and (outcome.first <= end + 1 <= outcome.last) == kept:
            end += 1
        if not kept:
            chars = sum(len(line) + 1 for line in lines[k - 1:end])
            why = _why(cleanup, k, end, texts["chosen"])
            out.append('<p style="color:#8a1c1c; margin:4px 0 0 0"><i>✂ '
                       + escaped(texts["removed"].format(first=k, last=end,
                                                             chars=f"{chars:,}", why=why))
                       + "</i></p>")
        for n in range(k, end + 1):
            number = f'<span style="color:#9e9e9e">{n:>{width}} │ </span>'
            body = escaped(lines[n - 1]) or " "
            if not kept:
                body = f'<span style="color:#9e9e9e; text-decoration: line-through">{body}</span>'
            if n == headline:
                body = (f'<span style="background:#fff3c4; color:#5d4300"><b> '
                        f'{escaped(texts["headline"])} </b></span> <b>{body}</b>')
            out.append(f'<p style="margin:0">{number}{body}</p>')
        k = end + 1
    if shown < len(lines):
        out.append(f"<p><i>{escaped(texts['more'].format(len(lines) - shown))}</i></p>")
    out.append("</div>")
    return "".join(out)


class ArticlePanel(QWidget):
    """The selected article: text view and controls. Signals carry the lead's edits."""

    lines_changed = Signal(int, int)
    title_edited = Signal(str)
    skip_toggled = Signal(bool)
    encoding_chosen = Signal(str)  # '' = detect again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QTextBrowser()
        self.view.setObjectName("importText")
        self.view.setOpenLinks(False)
        self.first = QSpinBox()
        self.first.setObjectName("firstLine")
        self.last = QSpinBox()
        self.last.setObjectName("lastLine")
        self.title = QLineEdit()
        self.title.setObjectName("importTitle")
        self.skip = QCheckBox(self.tr("Leave this article out"))
        self.skip.setObjectName("skipArticle")
        self.encoding = QComboBox()
        self.encoding.setObjectName("fileEncoding")
        self.encoding.addItem(self.tr("detect"), "")
        for name in ENCODINGS:
            self.encoding.addItem(name, name)
        self.encoding.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.encoding.setMinimumContentsLength(16)
        self.encoding.setToolTip(self.tr("Read this file again in another encoding"))
        self.heading = QLabel()
        self.heading.setObjectName("articleHeading")
        self.heading.setWordWrap(True)

        lines = QWidget()
        row = QHBoxLayout(lines)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.first)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.last)
        self.of_lines = QLabel()
        row.addWidget(self.of_lines)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("File encoding:")))
        row.addWidget(self.encoding)
        form = QFormLayout()
        form.addRow(self.tr("Keep lines:"), lines)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow("", self.skip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)

        self._filling = False
        self._origin = ""
        self._typing = False
        self.first.valueChanged.connect(self._lines_moved)
        self.last.valueChanged.connect(self._lines_moved)
        self.title.textEdited.connect(self._title_typed)
        self.skip.toggled.connect(lambda on: self._filling or self.skip_toggled.emit(on))
        self.encoding.activated.connect(
            lambda index: self.encoding_chosen.emit(self.encoding.itemData(index)))
        self.show_article(None, None, True, "")

    def _texts(self) -> dict[str, str]:
        return {
            "removed": self.tr("lines {first}-{last} removed ({chars} characters): {why}"),
            "headline": self.tr("headline"),
            "chosen": self.tr("outside the lines you keep"),
            "more": self.tr("… {} more lines not shown"),
        }

    def _title_typed(self, text: str) -> None:
        self._typing = True
        try:
            self.title_edited.emit(text)
        finally:
            self._typing = False

    def _lines_moved(self) -> None:
        if not self._filling:
            self.lines_changed.emit(self.first.value(), self.last.value())

    def show_article(self, article: PreviewArticle | None, outcome: Outcome | None, clean: bool,
                     state: str, chosen_encoding: str = "") -> None:
        """Show one article (None: nothing selected) with what the import will make of it."""
        self._filling = True
        try:
            editable = article is not None and article.record is not None and outcome is not None
            for widget in (self.title, self.skip):
                widget.setEnabled(editable)
            for box in (self.first, self.last):  # a text with annotations is kept whole
                box.setEnabled(editable and article.cleanup is not None)
            self.encoding.setEnabled(article is not None)
            if article is None or outcome is None:
                self.heading.setText(self.tr("Select an article to see its text."))
                self.view.clear()
                return
            switched, self._origin = article.origin != self._origin, article.origin
            self.heading.setText(f"<b>{escaped(article.origin)}</b> — {escaped(state)}")
            self.encoding.setItemText(0, self.tr("detected: {}").format(article.encoding)
                                      if article.encoding and not chosen_encoding
                                      else self.tr("detect"))
            self.encoding.setCurrentIndex(max(self.encoding.findData(chosen_encoding), 0))
            if article.record is None:
                self.view.setPlainText(article.error)
                return
            count = article.line_count
            for box in (self.first, self.last):
                box.setRange(1, count)
            self.first.setValue(outcome.first)
            self.last.setValue(outcome.last)
            self.of_lines.setText(self.tr("of {}").format(count))
            # the lead's typing is not rewritten under the cursor (a space before the next
            # word, a field emptied to type anew); another article's title always shows
            if switched or not self._typing:
                self.title.setText(outcome.title)
            self.skip.setChecked(outcome.skip)
            self.view.setHtml(page_html(article, outcome, clean, self._texts()))
        finally:
            self._filling = False
