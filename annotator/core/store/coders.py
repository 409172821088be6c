"""The coders table (the rule for a coder name is :func:`~annotator.core.model.validate_coder_name`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.model import validate_coder_name

if TYPE_CHECKING:
    from annotator.core.store.project import Project


class Coders:
    def __init__(self, project: Project) -> None:
        self._p = project

    def names(self) -> list[str]:
        return [r[0] for r in self._p.execute("SELECT name FROM coders ORDER BY name")]

    def add(self, name: str) -> str:
        """Register a coder (idempotent); returns the stored name."""
        from annotator.core.store.project import now

        name = validate_coder_name(name)
        exists = self._p.execute("SELECT 1 FROM coders WHERE name = ?", [name]).fetchone()
        if exists is None:
            with self._p.transaction():
                self._p.execute(
                    "INSERT INTO coders (name, added_at) VALUES (?, ?) "
                    "ON CONFLICT(name) DO NOTHING",
                    [name, now()],
                )
        return name
