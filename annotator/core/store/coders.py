"""The coders table, and the one rule for what a coder name may be."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.errors import ProjectError

if TYPE_CHECKING:
    from annotator.core.store.project import Project


def validate_coder_name(name: str) -> str:
    """A coder name as stored: stripped, non-empty, printable, at most 64 characters."""
    if not isinstance(name, str):
        raise ProjectError(f"a coder name must be text, not {name!r:.40}")
    cleaned = name.strip()
    if not cleaned:
        raise ProjectError("a coder name cannot be empty")
    if len(cleaned) > 64:
        raise ProjectError(f"coder name {cleaned[:20]!r}… is longer than 64 characters")
    if any(not ch.isprintable() for ch in cleaned):
        raise ProjectError(f"coder name {cleaned[:40]!r} contains control characters")
    return cleaned


class Coders:
    def __init__(self, project: Project) -> None:
        self._p = project

    def names(self) -> list[str]:
        return [r[0] for r in self._p.db.execute("SELECT name FROM coders ORDER BY name")]

    def add(self, name: str) -> str:
        """Register a coder (idempotent); returns the stored name."""
        from annotator.core.store.project import now

        name = validate_coder_name(name)
        exists = self._p.db.execute("SELECT 1 FROM coders WHERE name = ?", [name]).fetchone()
        if exists is None:
            with self._p.transaction():
                self._p.db.execute(
                    "INSERT INTO coders (name, added_at) VALUES (?, ?) "
                    "ON CONFLICT(name) DO NOTHING",
                    [name, now()],
                )
        return name
