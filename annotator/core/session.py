"""A coder at work in a project: what the annotation window needs, without Qt.

The window calls one method per user action; each returns what changed, and the views
refresh from that (the Anki pattern).
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.commands import Command, Change
from annotator.core.project import Annotation, Article, Project, validate_coder_name
from annotator.core.spans import TokenIndex
from annotator.core.tokenizer import CueSpan, bounds_and_cues, tokenizer_id


@dataclass(frozen=True)
class OpenArticle:
    """An article ready to show: its text, token boundaries for snapping, cue highlights."""

    article: Article
    bounds: list[tuple[int, int]]
    token_index: TokenIndex
    cues: list[CueSpan]


def tokens_and_cues(
    project: Project, article: Article
) -> tuple[list[tuple[int, int]], list[CueSpan]]:
    """Token boundaries and cue spans, from the project's cache when it is current.

    Import stores the boundaries; an article whose cue cache is missing or stale (another
    dictionary or schema) is tokenized with lemmas now and the result stored, so it happens once.
    """
    schema, tok = project.schema, tokenizer_id()
    bounds = project.cached_bounds(article.id, tok)
    cached = project.cached_cues(article.id, schema.sha256, tok)
    if bounds is not None and cached is not None:
        ids = schema.label_ids
        return bounds, [CueSpan(s, e, ids[k]) for s, e, k in cached]
    bounds, cues = bounds_and_cues(article.text, schema)
    index = {label: k for k, label in enumerate(schema.label_ids)}
    with project.transaction():
        project.store_bounds(article.id, bounds, tok)
        project.store_cues(
            article.id, schema.sha256, tok, [(c.start, c.end, index[c.label]) for c in cues]
        )
    return bounds, cues


class Session:
    def __init__(self, project: Project, coder: str) -> None:
        self.project = project
        self.coder = project.add_coder(validate_coder_name(coder))

    def open_article(self, article_id: int) -> OpenArticle:
        """Tokenize and find cues; opening a not-started article marks it in progress."""
        article = self.project.article(article_id)
        bounds, cues = tokens_and_cues(self.project, article)
        if self.project.status(article_id, self.coder) == "not_started":
            self.project.set_status(article_id, self.coder, "in_progress")
        return OpenArticle(article, bounds, TokenIndex(bounds), cues)

    def spans(self, article_id: int) -> list[Annotation]:
        """This coder's live spans in the article, in text order."""
        return self.project.annotations(article_id, coder=self.coder)

    def apply(self, command: Command) -> Change:
        return command.do(self.project)

    def revert(self, command: Command) -> Change:
        return command.undo(self.project)
