"""Thin QUndoCommands around the core's command objects (the glue pattern)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from annotator.core.commands import Change, Command
from annotator.core.session import Session


class CoreUndoCommand(QUndoCommand):
    """Pushed after the core command has already run once, so errors surface before the push."""

    def __init__(
        self, session: Session, command: Command, on_change: Callable[[Change], None]
    ) -> None:
        super().__init__(command.text)
        self._session = session
        self._command = command
        self._on_change = on_change
        self._first = True

    def redo(self) -> None:
        if self._first:  # QUndoStack.push calls redo(); the edit is already done
            self._first = False
            return
        self._on_change(self._session.apply(self._command))

    def undo(self) -> None:
        self._on_change(self._session.revert(self._command))
