"""Undoable edits as command objects: ``do`` and ``undo`` against a project, no Qt.

The GUI wraps each in a thin QUndoCommand. Every ``do``/``undo`` commits at once and returns a
:class:`Change` saying what to refresh. Undoing an added span deletes it (a recorded deletion),
and redoing restores the same row, so the span keeps its UUID through any number of undos.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.project import Project


@dataclass(frozen=True)
class Change:
    """What an edit changed: the article, and the span it is about (if any)."""

    article_id: int
    uuid: str | None = None
    spans: bool = True
    status: bool = False


class Command:
    """Base class: ``text`` is what the Edit menu shows (Undo <text>)."""

    text = ""

    def do(self, project: Project) -> Change:  # pragma: no cover - abstract
        raise NotImplementedError

    def undo(self, project: Project) -> Change:  # pragma: no cover - abstract
        raise NotImplementedError


class AddSpan(Command):
    def __init__(
        self, article_id: int, coder: str, label: str, start: int, end: int, note: str = ""
    ) -> None:
        self.article_id, self.coder, self.label = article_id, coder, label
        self.start, self.end, self.note = start, end, note
        self.uuid: str | None = None
        self.text = f"add {label}"

    def do(self, project: Project) -> Change:
        if self.uuid is None:
            ann = project.add_annotation(
                self.article_id, self.coder, self.label, self.start, self.end, self.note
            )
            self.uuid = ann.uuid
        else:
            project.restore_annotation(self.uuid)
        return Change(self.article_id, self.uuid)

    def undo(self, project: Project) -> Change:
        assert self.uuid is not None
        project.delete_annotation(self.uuid)
        return Change(self.article_id, self.uuid)


class DeleteSpan(Command):
    def __init__(self, project: Project, uuid: str) -> None:
        ann = project.annotation(uuid)
        self.uuid, self.article_id = uuid, ann.article_id
        self.text = f"delete {ann.label}"

    def do(self, project: Project) -> Change:
        project.delete_annotation(self.uuid)
        return Change(self.article_id, self.uuid)

    def undo(self, project: Project) -> Change:
        project.restore_annotation(self.uuid)
        return Change(self.article_id, self.uuid)


class Relabel(Command):
    def __init__(self, project: Project, uuid: str, label: str) -> None:
        ann = project.annotation(uuid)
        self.uuid, self.article_id = uuid, ann.article_id
        self.old, self.new = ann.label, label
        self.text = f"relabel {ann.label} as {label}"

    def do(self, project: Project) -> Change:
        project.update_annotation(self.uuid, label=self.new)
        return Change(self.article_id, self.uuid)

    def undo(self, project: Project) -> Change:
        project.update_annotation(self.uuid, label=self.old)
        return Change(self.article_id, self.uuid)


class EditNote(Command):
    def __init__(self, project: Project, uuid: str, note: str) -> None:
        ann = project.annotation(uuid)
        self.uuid, self.article_id = uuid, ann.article_id
        self.old, self.new = ann.note, note
        self.text = "edit note"

    def do(self, project: Project) -> Change:
        project.update_annotation(self.uuid, note=self.new)
        return Change(self.article_id, self.uuid)

    def undo(self, project: Project) -> Change:
        project.update_annotation(self.uuid, note=self.old)
        return Change(self.article_id, self.uuid)


class SetStatus(Command):
    def __init__(self, project: Project, article_id: int, coder: str, status: str) -> None:
        self.article_id, self.coder, self.status = article_id, coder, status
        self.old = project.status(article_id, coder)
        self.text = {"done": "mark done", "in_progress": "reopen"}.get(status, f"set {status}")

    def do(self, project: Project) -> Change:
        project.set_status(self.article_id, self.coder, self.status)
        return Change(self.article_id, spans=False, status=True)

    def undo(self, project: Project) -> Change:
        project.set_status(self.article_id, self.coder, self.old)
        return Change(self.article_id, spans=False, status=True)
