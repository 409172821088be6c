"""A coder at work in a project: what the annotation window needs, without Qt.

The window calls one method per user action; each returns what changed, and the views
refresh from that (the Anki pattern).
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.commands import Command, Change
from annotator.core.project import Annotation, Article, Project, validate_coder_name
from annotator.core.spans import TokenIndex
from annotator.core.tokenizer import CueSpan, Token, cue_spans, tokenize


@dataclass(frozen=True)
class OpenArticle:
    """An article ready to show: its text, tokens for snapping, cue highlights."""

    article: Article
    tokens: list[Token]
    token_index: TokenIndex
    cues: list[CueSpan]


class Session:
    def __init__(self, project: Project, coder: str) -> None:
        self.project = project
        self.coder = project.add_coder(validate_coder_name(coder))

    def open_article(self, article_id: int) -> OpenArticle:
        """Tokenize and find cues; opening a not-started article marks it in progress."""
        article = self.project.article(article_id)
        tokens = tokenize(article.text)
        cues = cue_spans(article.text, tokens, self.project.schema)
        if self.project.status(article_id, self.coder) == "not_started":
            self.project.set_status(article_id, self.coder, "in_progress")
        return OpenArticle(
            article, tokens, TokenIndex([(t.start, t.end) for t in tokens]), cues
        )

    def spans(self, article_id: int) -> list[Annotation]:
        """This coder's live spans in the article, in text order."""
        return self.project.annotations(article_id, coder=self.coder)

    def apply(self, command: Command) -> Change:
        return command.do(self.project)

    def revert(self, command: Command) -> Change:
        return command.undo(self.project)
