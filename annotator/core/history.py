"""The undo history of one window's session, in the core (the GUI's undo actions mirror it).

A step moves between the undo and redo lists only when its undo or redo succeeded. A step whose
row was changed since by another window or program (:class:`StaleError`) cannot be undone any
more: it is dropped and the error is passed on, so the file and the history stay consistent.
Any other failure (a full disk, another program holding the file) leaves the history as it was.
"""

from __future__ import annotations

from annotator.core.commands import Command, Revs
from annotator.core.errors import StaleError
from annotator.core.model import Change
from annotator.core.store import Project


class History:
    def __init__(self, limit: int = 1000) -> None:
        self._undo: list[Command] = []
        self._redo: list[Command] = []
        self._limit = limit
        self.revs: Revs = {}

    def run(self, project: Project, command: Command) -> Change:
        """Do a new command; it becomes the step to undo (and the redo list is cleared)."""
        change = command.do(project, self.revs)
        self._undo.append(command)
        del self._undo[: -self._limit]
        self._redo.clear()
        return change

    def undo(self, project: Project) -> Change:
        command = self._undo[-1]
        try:
            change = command.undo(project, self.revs)
        except StaleError:
            self._undo.pop()
            raise
        self._redo.append(self._undo.pop())
        return change

    def redo(self, project: Project) -> Change:
        command = self._redo[-1]
        try:
            change = command.do(project, self.revs)
        except StaleError:
            self._redo.pop()
            raise
        self._undo.append(self._redo.pop())
        return change

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_command(self) -> Command | None:
        """The command Undo would undo (its ``words`` say it in the interface's language)."""
        return self._undo[-1] if self._undo else None

    @property
    def redo_command(self) -> Command | None:
        return self._redo[-1] if self._redo else None

    @property
    def undo_text(self) -> str:
        return self._undo[-1].text if self._undo else ""

    @property
    def redo_text(self) -> str:
        return self._redo[-1].text if self._redo else ""

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()
