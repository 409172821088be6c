"""The lead's undoable edits of gold, as commands (see :mod:`annotator.core.commands`): each
``do`` and ``undo`` runs against a project, no Qt. Undoing an addition removes the row (so the
automatic pre-fill is not told the lead rejected it); undoing a decision puts back what it was.
"""

from __future__ import annotations

from typing import Any

from annotator.core.commands import Command, Revs
from annotator.core.model import Change, GoldSpan
from annotator.core.store import Project


class AddGold(Command):
    """Add a gold span; undo removes the row, redo brings it back with the same UUID."""

    def __init__(self, article_id: int, label: str, start: int, end: int, by: str,
                 coders: tuple[str, ...] = (), overlapping: tuple[str, ...] = (),
                 rationale: str = "", words: tuple[str, dict] = ("add gold span", {})) -> None:
        self.article_id, self.label, self.start, self.end = article_id, label, start, end
        self.by, self.coders, self.overlapping, self.rationale = by, coders, overlapping, rationale
        self.uuid: str | None = None
        self.describe(words[0], **words[1])

    def do(self, project: Project, revs: Revs) -> Change:
        span = project.gold.add(self.article_id, self.label, self.start, self.end,
                                coders=self.coders, overlapping=self.overlapping,
                                decided_by=self.by, rationale=self.rationale, uuid=self.uuid)
        self.uuid = span.uuid
        return Change(self.article_id, span.uuid)

    def undo(self, project: Project, revs: Revs) -> Change:
        assert self.uuid is not None
        project.gold.purge(self.uuid)
        return Change(self.article_id)


class EditGold(Command):
    """Reject, relabel or annotate a gold span; undo puts back what it was."""

    def __init__(self, uuid: str, by: str, *, reject: bool = False, label: str | None = None,
                 rationale: str | None = None) -> None:
        self.uuid, self.by, self.reject = uuid, by, reject
        self.label, self.rationale = label, rationale
        self.old: GoldSpan | None = None
        self.describe("reject gold span" if reject else
                      "relabel as {label}" if label else "edit rationale", label=label)

    def do(self, project: Project, revs: Revs) -> Change:
        self.old = project.gold.get(self.uuid)
        if self.reject:
            span = project.gold.reject(self.uuid, self.by)
        else:
            span = project.gold.decide(self.uuid, decided_by=self.by, label=self.label,
                                       rationale=self.rationale)
        return Change(span.article_id, self.uuid)

    def undo(self, project: Project, revs: Revs) -> Change:
        assert self.old is not None
        return Change(project.gold.revert(self.old).article_id, self.uuid)


class SetGoldAnswer(Command):
    def __init__(self, article_id: int, variable: str, value: Any, by: str,
                 coders: tuple[str, ...] = (), rationale: str = "") -> None:
        self.article_id, self.variable, self.value = article_id, variable, value
        self.by, self.coders, self.rationale = by, coders, rationale
        self.old: dict[str, Any] | None = None
        self.describe("answer {variable}" if value is not None else "clear {variable}",
                      variable=variable)

    def do(self, project: Project, revs: Revs) -> Change:
        self.old = project.gold.answer_rows(self.article_id).get(self.variable)
        project.gold.set_answer(self.article_id, self.variable, self.value, coders=self.coders,
                                decided_by=self.by, rationale=self.rationale)
        return Change(self.article_id, spans=False, codes=True)

    def undo(self, project: Project, revs: Revs) -> Change:
        project.gold.put_answer_row(self.article_id, self.variable, self.old)
        return Change(self.article_id, spans=False, codes=True)


class SetAdjudication(Command):
    def __init__(self, article_id: int, status: str) -> None:
        self.article_id, self.status = article_id, status
        self.old: str | None = None
        self.describe({"done": "mark adjudicated", "in_progress": "reopen"}.get(status, "{status}"),
                      status=status)

    def do(self, project: Project, revs: Revs) -> Change:
        self.old = project.gold.set_status(self.article_id, self.status)
        return Change(self.article_id, spans=False, status=True)

    def undo(self, project: Project, revs: Revs) -> Change:
        assert self.old is not None
        project.gold.set_status(self.article_id, self.old)
        return Change(self.article_id, spans=False, status=True)


class AcceptAgreed(Command):
    """The pre-fill (``gold_fill.accept``) for one article; undo removes what it added."""

    def __init__(self, article_id: int, rule: str | int, by: str) -> None:
        self.article_id, self.rule, self.by = article_id, rule, by
        self.added: list[str] = []
        self.answered: list[str] = []
        self.describe("accept agreed ({rule})", rule=rule)

    def do(self, project: Project, revs: Revs) -> Change:
        from annotator.core.gold_fill import accept

        before = {g.uuid for g in project.gold.spans(self.article_id, True)}
        answers = set(project.gold.answer_rows(self.article_id))
        accept(project, self.rule, [self.article_id], by=self.by)
        self.added = [g.uuid for g in project.gold.spans(self.article_id, True)
                      if g.uuid not in before]
        self.answered = [v for v in project.gold.answer_rows(self.article_id) if v not in answers]
        return Change(self.article_id, codes=True)

    def undo(self, project: Project, revs: Revs) -> Change:
        with project.transaction():
            for uuid in self.added:
                project.gold.purge(uuid)
            for variable in self.answered:
                project.gold.put_answer_row(self.article_id, variable, None)
        return Change(self.article_id, codes=True)


class Batch(Command):
    """Several commands as one step (all in one transaction); undone in reverse."""

    def __init__(self, commands: list[Command], text: str = "",
                 words: tuple[str, dict] | None = None) -> None:
        self.commands = commands
        if words is not None:
            self.describe(words[0], **words[1])
        elif text:
            self.describe(text)
        else:
            self.words, self.text = commands[-1].words, commands[-1].text

    def do(self, project: Project, revs: Revs) -> Change:
        with project.transaction():
            changes = [c.do(project, revs) for c in self.commands]
        return _merged(changes)

    def undo(self, project: Project, revs: Revs) -> Change:
        with project.transaction():
            changes = [c.undo(project, revs) for c in reversed(self.commands)]
        return _merged(changes)


def _merged(changes: list[Change]) -> Change:
    uuid = next((c.uuid for c in reversed(changes) if c.uuid), None)
    return Change(changes[0].article_id, uuid, any(c.spans for c in changes),
                  any(c.status for c in changes), any(c.codes for c in changes))
