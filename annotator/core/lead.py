"""The lead at work on a master: adjudicating the coders' spans and answers into gold, no Qt.

:class:`LeadSession` is to the adjudication window what :class:`~annotator.core.session.Session`
is to the annotation window: one method per action, each an undoable command run through a
:class:`History` (the commands are in :mod:`annotator.core.gold_commands`). The lead is not a coder: nothing here registers a coder, sets a coder's status
or writes a coder's span; every edit goes to the gold tables (see ``store/gold.py``).

:meth:`LeadSession.lanes` gives every done coder's spans of an article, each with its agreement
class: ``agreed`` (every other done coder marked exactly this span), ``partial`` (another coder
marked an overlapping span of this label, or the same stretch, or the same span but not all
did) or ``alone`` (nobody else marked anything like it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.commands import Command
from annotator.core.gold_commands import (
    AcceptAgreed,
    AddGold,
    Batch,
    EditGold,
    SetAdjudication,
    SetGoldAnswer,
)
from annotator.core.gold_fill import provenance
from annotator.core.model import Annotation, ArticleSummary, Change, GoldSpan
from annotator.core.session import OpenArticle, ProjectSession, tokens_and_cues
from annotator.core.spans import TokenIndex
from annotator.core.store import Project

AGREED, PARTIAL, ALONE = "agreed", "partial", "alone"
LEAD = "lead"


# --- what the adjudication window shows ----------------------------------------------------------


@dataclass(frozen=True)
class LaneSpan:
    span: Annotation
    agreement: str  # AGREED, PARTIAL or ALONE
    in_gold: bool  # a live gold span has this label and these offsets


@dataclass
class Lane:
    coder: str
    spans: list[LaneSpan] = field(default_factory=list)


@dataclass(frozen=True)
class LeadRow:
    """One article in the lead's list: its adjudication status, the coders who are done and
    every coder's status (``statuses`` has a key for each coder of the project)."""

    id: int
    external_id: str
    title: str
    status: str
    done: tuple[str, ...]
    statuses: dict[str, str] = field(default_factory=dict)


def agreement_class(span: Annotation, others: dict[str, list[Annotation]]) -> str:
    """AGREED, PARTIAL or ALONE for one coder's span against the other done coders' spans."""
    if not others:
        return ALONE
    same = [any((o.label, o.start, o.end) == (span.label, span.start, span.end) for o in spans)
            for spans in others.values()]
    if all(same):
        return AGREED
    for spans in others.values():
        for o in spans:
            overlap = o.start < span.end and span.start < o.end
            if (overlap and o.label == span.label) or (o.start, o.end) == (span.start, span.end):
                return PARTIAL
    return ALONE


class LeadSession(ProjectSession):
    """The lead adjudicating a master (see the module docstring)."""

    def __init__(self, project: Project, lead: str = LEAD) -> None:
        super().__init__(project)
        self.lead = lead

    def articles(self) -> list[LeadRow]:
        """Every article in import order, with its adjudication status and each coder's."""
        statuses = self.project.gold.statuses()
        summaries = self.project.articles.summaries()
        coders = self._coders_of(summaries)
        rows = []
        for a in summaries:
            mine = {c: a.status(c) for c in coders}
            rows.append(LeadRow(a.id, a.external_id, a.title, statuses.get(a.id, "not_started"),
                                tuple(c for c in coders if mine[c] == "done"), mine))
        return rows

    def _coders_of(self, summaries: list[ArticleSummary]) -> list[str]:
        """The coders the list has a column for, sorted: those registered and any with a
        status (a merged copy's coder has both)."""
        names = set(self.project.coders.names())
        for a in summaries:
            names.update(a.statuses)
        return sorted(names)

    def status(self, article_id: int) -> str:
        return self.project.gold.status(article_id)

    def done_coders(self, article_id: int) -> list[str]:
        return sorted(self.project.statuses.done().get(article_id, ()))

    def open_article(self, article_id: int) -> OpenArticle:
        article = self.project.articles.get(article_id)
        bounds, cues = tokens_and_cues(self.project, article)
        return OpenArticle(article, bounds, TokenIndex(bounds), cues)

    def lanes(self, article_id: int) -> list[Lane]:
        """Every done coder's live spans in text order, with agreement classes."""
        coders = self.done_coders(article_id)
        by_coder: dict[str, list[Annotation]] = {c: [] for c in coders}
        for ann in self.project.annotations.list(article_id):
            if ann.coder in by_coder:
                by_coder[ann.coder].append(ann)
        gold = {(g.label, g.start, g.end) for g in self.gold(article_id)}
        lanes = []
        for coder in coders:
            others = {c: s for c, s in by_coder.items() if c != coder}
            lanes.append(Lane(coder, [
                LaneSpan(a, agreement_class(a, others), (a.label, a.start, a.end) in gold)
                for a in by_coder[coder]]))
        return lanes

    def gold(self, article_id: int) -> list[GoldSpan]:
        return self.project.gold.spans(article_id)

    def gold_span(self, uuid: str) -> GoldSpan:
        return self.project.gold.get(uuid)

    def gold_answers(self, article_id: int) -> dict[str, Any]:
        return self.project.gold.answers(article_id)

    def coder_answers(self, article_id: int) -> dict[str, dict[str, Any]]:
        """coder -> answers, for the done coders of the article."""
        return {c: self.project.codes.answers(article_id, c) for c in self.done_coders(article_id)}

    # --- edits (each undoable; the first edit of an article marks it in progress) ------------

    def apply(self, article_id: int, command: Command) -> Change:
        if self.status(article_id) == "not_started" and not isinstance(command, SetAdjudication):
            command = Batch([SetAdjudication(article_id, "in_progress"), command])
        return self.history.run(self.project, command)

    def _provenance(self, article_id: int, label: str, start: int, end: int
                    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        marks = [(lane.coder, ls.span.label, ls.span.start, ls.span.end)
                 for lane in self.lanes(article_id) for ls in lane.spans]
        return provenance(marks, label, start, end)

    def add_gold(self, article_id: int, label: str, start: int, end: int,
                 rationale: str = "") -> Change:
        """A gold span the lead marks (provenance: the coders who had it, or overlapping)."""
        coders, overlapping = self._provenance(article_id, label, start, end)
        return self.apply(article_id, AddGold(article_id, label, start, end, self.lead, coders,
                                              overlapping, rationale))

    def accept_span(self, ann: Annotation) -> Change:
        """Take a coder's span into gold (nothing happens if gold has it already)."""
        if any((g.label, g.start, g.end) == (ann.label, ann.start, ann.end)
               for g in self.gold(ann.article_id)):
            return Change(ann.article_id, spans=False)
        coders, overlapping = self._provenance(ann.article_id, ann.label, ann.start, ann.end)
        return self.apply(ann.article_id, AddGold(
            ann.article_id, ann.label, ann.start, ann.end, self.lead, coders, overlapping,
            words=("accept {coder}'s span", {"coder": ann.coder})))

    def accept_agreed(self, article_id: int, rule: str | int) -> Change:
        """Every span (and answer) that all / a majority / at least k done coders agree on."""
        return self.apply(article_id, AcceptAgreed(article_id, rule, self.lead))

    def reject(self, uuid: str) -> Change:
        return self.apply(self.gold_span(uuid).article_id, EditGold(uuid, self.lead, reject=True))

    def relabel(self, uuid: str, label: str) -> Change:
        return self.apply(self.gold_span(uuid).article_id, EditGold(uuid, self.lead, label=label))

    def note(self, uuid: str, rationale: str) -> Change:
        return self.apply(self.gold_span(uuid).article_id,
                          EditGold(uuid, self.lead, rationale=rationale))

    def move(self, uuid: str, start: int, end: int) -> Change:
        """New boundaries: the span is rejected and a new one added, keeping its rationale."""
        old = self.gold_span(uuid)
        coders, overlapping = self._provenance(old.article_id, old.label, start, end)
        return self.apply(old.article_id, Batch([
            EditGold(uuid, self.lead, reject=True),
            AddGold(old.article_id, old.label, start, end, self.lead, coders, overlapping,
                    old.rationale)], words=("change boundaries", {})))

    def set_answer(self, article_id: int, variable: str, value: Any,
                   from_coder: str | None = None) -> Change:
        """Set a gold answer; taking a coder's answer records that coder (and the others who
        gave the same answer)."""
        coders: tuple[str, ...] = ()
        if from_coder is not None:
            answers = self.coder_answers(article_id)
            value = answers[from_coder].get(variable)
            coders = tuple(sorted(c for c, a in answers.items() if a.get(variable) == value))
        return self.apply(article_id, SetGoldAnswer(article_id, variable, value, self.lead,
                                                    coders))

    def set_status(self, article_id: int, status: str) -> Change:
        return self.apply(article_id, SetAdjudication(article_id, status))


__all__ = ["AGREED", "ALONE", "LEAD", "PARTIAL", "Lane", "LaneSpan", "LeadRow", "LeadSession",
           "agreement_class"]
