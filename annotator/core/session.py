"""A coder at work in a project: everything the annotation window needs, without Qt.

The window calls one method per user action; each returns the :class:`Change` it made, and the
views refresh from that (the Anki pattern). Edits run as commands through the session's
:class:`History`, so undo and redo live here and are tested without Qt. The window never
reaches past its session into the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core import lemma_index
from annotator.core.commands import (
    AddSpan,
    AdjustSpan,
    Command,
    DeleteSpan,
    EditNote,
    Relabel,
    SetCode,
    SetStatus,
    rev_of,
)
from annotator.core.errors import AnnotatorError, BusyError, StaleError
from annotator.core.history import History
from annotator.core.model import Annotation, Article, ArticleSummary, Change, Round
from annotator.core.schema import Schema
from annotator.core.spans import TokenIndex
from annotator.core.store import Project, validate_coder_name
from annotator.core.tokenizer import (
    CueSpan,
    cues_from_lemmas,
    token_bounds_and_lemmas,
    tokenizer_id,
)
from annotator.core.variables import Answer, Variable, missing_required

if TYPE_CHECKING:
    from annotator.core.coder_progress import ProgressRow


@dataclass(frozen=True)
class OpenArticle:
    """An article ready to show: its text, token boundaries for snapping, cue highlights."""

    article: Article
    bounds: list[tuple[int, int]]
    token_index: TokenIndex
    cues: list[CueSpan]


def tokens_and_cues(
    project: Project, article: Article, with_cues: bool = True
) -> tuple[list[tuple[int, int]], list[CueSpan]]:
    """Token boundaries and cue spans, from the project's cache when it is current
    (``with_cues`` False: no cue spans at all, none looked for; an article of a cue-free copy).

    Import stores the boundaries with the lemmas the cue lookup needs; an article whose cue
    cache is missing or stale (another schema) has its cues matched from those lemmas, with no
    tokenizing. Only an article without them (imported by an older version, another dictionary,
    an unreadable cache) is tokenized now. What was computed is stored (when the file can be
    written), so it happens once.
    """
    schema, tok = project.schema, tokenizer_id()
    text, length = article.text, len(article.text)
    if not with_cues:
        flat = project.tokens.bounds_flat(article.id, tok, length)
        if flat is None:
            flat, lemmas = token_bounds_and_lemmas(text)
            _store(project, article.id, flat, tok, lemma_index.encode(lemmas))
        return list(zip(flat[0::2], flat[1::2])), []
    cached = project.tokens.cues(article.id, schema.sha256, tok, length)
    flat = project.tokens.bounds_flat(article.id, tok, length) if cached is not None else None
    if cached is not None and flat is not None:
        ids = schema.label_ids
        return list(zip(flat[0::2], flat[1::2])), [CueSpan(s, e, ids[k]) for s, e, k in cached]
    flat, lemmas = project.tokens.bounds_and_lemmas(article.id, tok, length)
    tokenized = flat is None or lemmas is None
    if tokenized:
        flat, lemmas = token_bounds_and_lemmas(text)
    cues = cues_from_lemmas(text, flat, lemmas, schema)
    if not project.read_only:
        index = {label: k for k, label in enumerate(schema.label_ids)}
        try:
            with project.transaction():
                if tokenized:
                    project.tokens.store_bounds(article.id, flat, tok, lemma_index.encode(lemmas))
                project.tokens.store_cues(
                    article.id, schema.sha256, tok, [(c.start, c.end, index[c.label]) for c in cues]
                )
        except BusyError:
            pass  # another program is writing: the cache is stored at a later opening
    return list(zip(flat[0::2], flat[1::2])), cues


def _store(project: Project, article_id: int, flat: object, tok: str, lemmas: bytes) -> None:
    """Keep token bounds computed at an opening, when the file can be written."""
    if project.read_only:
        return
    try:
        project.tokens.store_bounds(article_id, flat, tok, lemmas)  # type: ignore[arg-type]
    except BusyError:
        pass  # another program is writing: the cache is stored at a later opening


class MissingAnswers(AnnotatorError):
    """An article cannot be marked done: required article codes are unanswered."""

    def __init__(self, message: str, missing: list[Variable]) -> None:
        super().__init__(message)
        self.missing = missing


class ProjectSession:
    """What every window's session has: its project, its undo history, and what the window
    shows of the file (the coder's :class:`Session` and the lead's ``LeadSession`` build on it)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.history = History()

    @property
    def schema(self) -> Schema:
        return self.project.schema

    @property
    def read_only(self) -> bool:
        return self.project.read_only

    @property
    def why_read_only(self) -> str:
        return self.project.why_read_only if self.project.read_only else ""

    @property
    def path(self) -> Path:
        return self.project.path

    @property
    def name(self) -> str:
        return self.project.name

    @property
    def assigned_coder(self) -> str | None:
        """The coder a blind copy was made for; None in a master (where the lead works)."""
        return self.project.assigned_coder

    def coders(self) -> list[str]:
        """Every coder registered in the file (the Agreement window's coder filter)."""
        return self.project.coders.names()

    def rounds(self) -> list[Round]:
        """The calibration rounds, in creation order (a copy has those of its articles)."""
        return self.project.rounds.list()

    # The lead's edits of the rounds (Project → Calibration rounds…). Rounds are master data,
    # like titles: each edit is saved at once in one transaction and is NOT in the undo history
    # (undo is for coding and adjudication; a round is changed back by editing it again).

    def add_round(self, name: str, date: str = "", article_ids: Sequence[int] = ()) -> Round:
        """A new round (outside the undo history; a taken or empty name is refused)."""
        return self.project.rounds.add(name, date, article_ids)

    def rename_round(self, name: str, new_name: str, date: str | None = None) -> Round:
        """Rename a round and, when ``date`` is given, set its date (outside the undo history)."""
        return self.project.rounds.rename(name, new_name, date)

    def set_round_articles(self, name: str, article_ids: Sequence[int]) -> Round:
        """Replace a round's articles (outside the undo history)."""
        return self.project.rounds.set_articles(name, article_ids)

    def delete_round(self, name: str) -> None:
        """Remove a round; its articles and their annotations stay (outside the undo history)."""
        self.project.rounds.delete(name)

    def progress(self) -> list[ProgressRow]:
        """Each coder's done / in progress / not started, for all articles and per round."""
        from annotator.core.coder_progress import coder_progress

        return coder_progress(self.project)

    def undo(self) -> Change:
        return self.history.undo(self.project)

    def redo(self) -> Change:
        return self.history.redo(self.project)

    def close(self) -> None:
        self.project.close()


class Session(ProjectSession):
    """A coder at work (see the module docstring)."""

    def __init__(self, project: Project, coder: str) -> None:
        super().__init__(project)
        self.coder = validate_coder_name(coder)
        if not project.read_only:
            try:
                project.coders.add(self.coder)
            except BusyError:
                pass  # another program is writing; the first edit registers the coder

    # --- what the window shows ----------------------------------------------------------

    def articles(self) -> list[ArticleSummary]:
        return self.project.articles.summaries()

    def search(self, query: str) -> set[int]:
        return self.project.articles.search(query)

    def status(self, article_id: int) -> str:
        return self.project.statuses.get(article_id, self.coder)

    def annotation(self, uuid: str) -> Annotation:
        return self.project.annotations.get(uuid)

    def spans(self, article_id: int) -> list[Annotation]:
        """This coder's live spans in the article, in text order."""
        return self.project.annotations.list(article_id, coder=self.coder)

    def shows_cues(self, article_id: int) -> bool:
        """Whether the window underlines cue words in the article: always in a master; in a
        blind copy as the copy's cue design says for its coder (no switch turns them on)."""
        coder = self.project.assigned_coder
        return coder is None or self.project.cue_conditions.shows(article_id, coder)

    def open_article(self, article_id: int) -> OpenArticle:
        """Tokenize and find cues (none in a cue-free article); opening a not-started article
        marks it in progress."""
        article = self.project.articles.get(article_id)
        bounds, cues = tokens_and_cues(self.project, article, self.shows_cues(article_id))
        if not self.read_only and self.status(article_id) == "not_started":
            try:
                self.project.statuses.set(article_id, self.coder, "in_progress")
            except BusyError:
                pass  # another program is writing; the article still opens (not yet marked)
        rev = self.project.statuses.rev(article_id, self.coder)
        if rev is not None:
            self.history.revs[("status", article_id, self.coder)] = rev
        for var in self.schema.variables:  # what this window shows of each answer
            rev = self.project.codes.rev(article_id, self.coder, var.id)
            if rev is not None:
                self.history.revs[("code", article_id, self.coder, var.id)] = rev
        return OpenArticle(article, bounds, TokenIndex(bounds), cues)

    def is_current(self, opened: OpenArticle) -> bool:
        """Whether the article's text is still the one shown (not trimmed by another program)."""
        return self.project.articles.sha(opened.article.id) == opened.article.sha256

    # --- edits (each undoable) ----------------------------------------------------------

    def apply(self, command: Command) -> Change:
        return self.history.run(self.project, command)

    def add_span(self, opened: OpenArticle, label: str, start: int, end: int) -> Change:
        return self.apply(AddSpan(opened.article.id, self.coder, label, start, end,
                                  expect_sha=opened.article.sha256))

    def delete_span(self, ann: Annotation) -> Change:
        return self.apply(DeleteSpan(ann.uuid, expect=rev_of(ann)))

    def adjust_span(self, ann: Annotation, start: int, end: int) -> Change:
        """New boundaries for a span as the window showed it: it is replaced by a new span
        (new UUID, same label and note) and recorded as deleted (see :class:`AdjustSpan`)."""
        return self.apply(AdjustSpan(ann.uuid, start, end, expect=rev_of(ann)))

    def relabel(self, ann: Annotation, label: str) -> Change:
        return self.apply(Relabel(ann.uuid, label, expect=rev_of(ann)))

    def edit_note(self, ann: Annotation, note: str) -> Change:
        return self.apply(EditNote(ann.uuid, note, expect=rev_of(ann)))

    def set_status(self, article_id: int, status: str) -> Change:
        """Mark an article done (or reopen it); done is refused while a required article code
        that applies has no answer, naming it."""
        if status == "done":
            missing = missing_required(self.schema.variables, self.answers(article_id))
            if missing:
                names = ", ".join(v.display_name for v in missing)
                raise MissingAnswers(f"answer {names} before marking this article done", missing)
        return self.apply(SetStatus(article_id, self.coder, status))

    def answers(self, article_id: int) -> dict[str, Answer]:
        """This coder's answers to the article codes of one article."""
        return self.project.codes.answers(article_id, self.coder)

    def set_code(self, article_id: int, variable: str, value: Answer) -> Change:
        """Answer one article code (None clears it): one undoable edit."""
        return self.apply(SetCode(article_id, self.coder, variable, value))

    # --- the rest -----------------------------------------------------------------------

    def as_coder(self, coder: str) -> Session:
        """A session of another coder on the same project (its own undo history)."""
        return Session(self.project, coder)


__all__ = ["MissingAnswers", "OpenArticle", "ProjectSession", "Session", "StaleError",
           "tokens_and_cues"]
