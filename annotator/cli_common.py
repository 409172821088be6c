"""What every `annotator` command shares: the group that turns errors into one line, opening a
project (read-only when the command only reads), refusing damaged files, and comma lists.

Its own module, so the command modules (:mod:`annotator.cli`, :mod:`annotator.cli_rounds`,
:mod:`annotator.cli_analysis`) import it at the top without importing each other; `python -m
annotator.cli` then registers every command too.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.core.errors import AnnotatorError

class CommandGroup(click.Group):
    """Turns AnnotatorError, and a damaged file met while reading, into click's one-line error
    instead of a traceback."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        import sqlite3

        try:
            return super().invoke(ctx)
        except AnnotatorError as exc:
            raise click.ClickException(str(exc)) from None
        except sqlite3.DatabaseError as exc:
            where = opened[-1] if opened else "the project file"
            code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
            if code in (10, 13, 14):  # SQLITE_IOERR, _FULL, _CANTOPEN: the disk, not the file
                from annotator.core.files import reason

                folder = Path(where).parent if opened else None
                raise click.ClickException(f"{where}: {reason(exc, folder)}") from None
            raise click.ClickException(
                f"{where}: the file is damaged ({exc}); run `annotator check {where}`"
            ) from None
        except BrokenPipeError:  # `annotator export ... --out - | head`
            sys.stderr.close()
            sys.exit(0)


opened: list[str] = []  # project files opened by this command, for error messages


def open_project(path: str, read_only: bool = False):
    """Open a project; ``read_only`` for commands that only read it (they then work on
    read-only media and write nothing beside the file). A command that writes is refused at
    once, saying why, if the file cannot be written."""
    from annotator.core.store import Project

    opened.append(path)
    project = Project.open(path, read_only=read_only)
    if not read_only:
        try:
            project.require_writable()
        except AnnotatorError:
            project.close()
            raise
    return project


def require_sound(project) -> None:
    """Refuse damaged texts or spans before reading them (names `annotator check`)."""
    from annotator.core.store.integrity import require_sound as check

    check(project)


def split_list(value: str | None) -> list[str] | None:
    """'a,b, c' -> ['a', 'b', 'c'] (None stays None)."""
    if value is None:
        return None
    items = [v.strip() for v in value.split(",") if v.strip()]
    return items or None
