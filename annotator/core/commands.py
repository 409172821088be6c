"""Undoable edits as command objects, built from plain values: ``do`` and ``undo`` against a
project, no Qt.

A command records what it replaces when it first runs. ``revs`` is the session's record of the
revision its own last edit (or view) left on each row; every do and undo passes it to the store,
which refuses (:class:`StaleError`) if the row has been changed since by another window or
program, so an undo never reverts someone else's later edit, and records the new revision. Undoing an added span deletes it (a recorded deletion); redoing restores the same
row, so the span keeps its UUID through any number of undos. New boundaries are never an
edit of a row: :class:`AdjustSpan` replaces the span by a new one.
"""

from __future__ import annotations

from typing import Any

from annotator.core.errors import ProjectError, StaleError
from annotator.core.model import Annotation, Change, Rev
from annotator.core.store import Project

#: The revision this session last left on (or saw of) each row: ("span", uuid) or
#: ("status", article id, coder) -> Rev.
Revs = dict[tuple, Rev]


def rev_of(ann: Annotation) -> Rev:
    return Rev(ann.rev, ann.rev_file)


class Command:
    """Base class: ``text`` is what the Edit menu shows (Undo <text>); ``words`` is the same
    before its values were put in (a template and the values), so that a window can show it
    in the interface's language. A command with a fixed text needs no ``words``."""

    text = ""
    words: tuple[str, dict[str, Any]] = ("", {})

    def describe(self, template: str, **values: Any) -> None:
        self.words = (template, values)
        self.text = template.format(**values)

    def do(self, project: Project, revs: Revs) -> Change:  # pragma: no cover - abstract
        raise NotImplementedError

    def undo(self, project: Project, revs: Revs) -> Change:  # pragma: no cover - abstract
        raise NotImplementedError


class AddSpan(Command):
    def __init__(
        self, article_id: int, coder: str, label: str, start: int, end: int, note: str = "",
        expect_sha: str | None = None,
    ) -> None:
        self.article_id, self.coder, self.label = article_id, coder, label
        self.start, self.end, self.note, self.expect_sha = start, end, note, expect_sha
        self.uuid: str | None = None
        self.describe("add {label}", label=label)

    def do(self, project: Project, revs: Revs) -> Change:
        if self.uuid is None:
            ann = project.annotations.add(
                self.article_id, self.coder, self.label, self.start, self.end, self.note,
                expect_sha=self.expect_sha,
            )
            self.uuid = ann.uuid
        else:
            ann = project.annotations.restore(self.uuid, expect=revs.get(("span", self.uuid)))
        revs[("span", self.uuid)] = rev_of(ann)
        return Change(self.article_id, self.uuid)

    def undo(self, project: Project, revs: Revs) -> Change:
        assert self.uuid is not None
        key = ("span", self.uuid)
        revs[key] = rev_of(project.annotations.delete(self.uuid, expect=revs.get(key)))
        return Change(self.article_id, self.uuid)


class _SpanEdit(Command):
    """An edit of an existing span; ``expect`` is the revision the window showed."""

    def __init__(self, uuid: str, expect: Rev | None = None) -> None:
        self.uuid = uuid
        self.key = ("span", uuid)
        self._first_expect = expect
        self.article_id = -1

    def expect(self, revs: Revs) -> Rev | None:
        if self._first_expect is not None:
            revs.setdefault(self.key, self._first_expect)
            self._first_expect = None
        return revs.get(self.key)

    def _done(self, ann: Annotation, revs: Revs) -> Change:
        revs[self.key] = rev_of(ann)
        self.article_id = ann.article_id
        return Change(ann.article_id, self.uuid)


class DeleteSpan(_SpanEdit):
    text = "delete span"

    def do(self, project: Project, revs: Revs) -> Change:
        return self._done(project.annotations.delete(self.uuid, expect=self.expect(revs)), revs)

    def undo(self, project: Project, revs: Revs) -> Change:
        return self._done(project.annotations.restore(self.uuid, expect=self.expect(revs)), revs)


class AdjustSpan(Command):
    """New boundaries for a span, made by replacing it: a UUID's offsets never change.

    The first ``do`` records the old span as deleted and adds a new span (new UUID) with the
    same coder, label and note; both happen in one transaction, so the file never holds both
    or neither. Undo deletes the new span and restores the old one; redo does the reverse, so
    each UUID keeps its offsets and its revisions, and a merge sees a deletion and an addition.
    """

    text = "adjust span"

    def __init__(self, uuid: str, start: int, end: int, expect: Rev | None = None) -> None:
        self.old_uuid, self.start, self.end = uuid, start, end
        self.new_uuid: str | None = None
        self._first_expect = expect
        self.article_id = -1

    def _keys(self) -> tuple[tuple, tuple]:
        return ("span", self.old_uuid), ("span", self.new_uuid)

    def do(self, project: Project, revs: Revs) -> Change:
        old_key, _ = self._keys()
        if self._first_expect is not None:
            revs.setdefault(old_key, self._first_expect)
            self._first_expect = None
        spans = project.annotations
        with project.transaction():
            if self.new_uuid is None:
                old = spans.get(self.old_uuid)
                if old.deleted:
                    raise StaleError(
                        f"the {old.label} span {old.text[:20]!r} was deleted in another window "
                        "or program; nothing was done"
                    )
                if (old.start, old.end) == (self.start, self.end):
                    raise ProjectError("the span already has these boundaries; nothing was done")
                gone = spans.delete(self.old_uuid, expect=revs.get(old_key))
                new = spans.add(old.article_id, old.coder, old.label, self.start, self.end,
                                old.note)
                self.new_uuid = new.uuid
            else:
                gone = spans.delete(self.old_uuid, expect=revs.get(old_key))
                new = spans.restore(self.new_uuid, expect=revs.get(self._keys()[1]))
        old_key, new_key = self._keys()
        revs[old_key], revs[new_key] = rev_of(gone), rev_of(new)
        self.article_id = new.article_id
        return Change(new.article_id, new.uuid)

    def undo(self, project: Project, revs: Revs) -> Change:
        assert self.new_uuid is not None
        old_key, new_key = self._keys()
        with project.transaction():
            gone = project.annotations.delete(self.new_uuid, expect=revs.get(new_key))
            old = project.annotations.restore(self.old_uuid, expect=revs.get(old_key))
        revs[new_key], revs[old_key] = rev_of(gone), rev_of(old)
        return Change(old.article_id, old.uuid)


class _SetField(_SpanEdit):
    """Set one field of a span (its label or note); undo puts back what it replaced."""

    field = ""

    def __init__(self, uuid: str, value: str, expect: Rev | None = None) -> None:
        super().__init__(uuid, expect)
        self.new = value
        self.old: str | None = None

    def _set(self, project: Project, revs: Revs, value: str) -> Change:
        ann = project.annotations.update(
            self.uuid, expect=self.expect(revs), **{self.field: value}
        )
        return self._done(ann, revs)

    def do(self, project: Project, revs: Revs) -> Change:
        if self.old is None:
            self.old = getattr(project.annotations.get(self.uuid), self.field)
        return self._set(project, revs, self.new)

    def undo(self, project: Project, revs: Revs) -> Change:
        assert self.old is not None
        return self._set(project, revs, self.old)


class Relabel(_SetField):
    field = "label"

    def __init__(self, uuid: str, label: str, expect: Rev | None = None) -> None:
        super().__init__(uuid, label, expect)
        self.describe("relabel as {label}", label=label)


class EditNote(_SetField):
    field = "note"
    text = "edit note"


class SetStatus(Command):
    def __init__(self, article_id: int, coder: str, status: str) -> None:
        self.article_id, self.coder, self.status = article_id, coder, status
        self.old: str | None = None
        self.key = ("status", article_id, coder)
        self.describe({"done": "mark done", "in_progress": "reopen"}.get(status, "set {status}"),
                      status=status)

    def _set(self, project: Project, revs: Revs, status: str) -> Change:
        previous = project.statuses.set(
            self.article_id, self.coder, status, expect=revs.get(self.key)
        )
        if self.old is None:
            self.old = previous
        rev = project.statuses.rev(self.article_id, self.coder)
        if rev is not None:
            revs[self.key] = rev
        return Change(self.article_id, spans=False, status=True)

    def do(self, project: Project, revs: Revs) -> Change:
        return self._set(project, revs, self.status)

    def undo(self, project: Project, revs: Revs) -> Change:
        assert self.old is not None
        return self._set(project, revs, self.old)


class SetCode(Command):
    """Answer (or clear, with None) one article code for one coder and article."""

    def __init__(self, article_id: int, coder: str, variable: str, value: object) -> None:
        self.article_id, self.coder, self.variable, self.value = article_id, coder, variable, value
        self.old: object = None
        self._first = True
        self.key = ("code", article_id, coder, variable)
        self.describe("answer {variable}" if value is not None else "clear {variable}",
                      variable=variable)

    def _set(self, project: Project, revs: Revs, value: object) -> Change:
        previous = project.codes.set(
            self.article_id, self.coder, self.variable, value, expect=revs.get(self.key)
        )
        if self._first:
            self.old, self._first = previous, False
        rev = project.codes.rev(self.article_id, self.coder, self.variable)
        if rev is not None:
            revs[self.key] = rev
        return Change(self.article_id, spans=False, codes=True)

    def do(self, project: Project, revs: Revs) -> Change:
        return self._set(project, revs, self.value)

    def undo(self, project: Project, revs: Revs) -> Change:
        return self._set(project, revs, self.old)
