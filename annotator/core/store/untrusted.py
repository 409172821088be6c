"""Checks on a project file that someone else made, before any of its rows is used.

A coder's returned copy (or any project file the lead only reads) may have been changed by
anything, not only by this program. SQLite runs whatever a file's schema holds: a trigger fires
on a write, a view or a generated column evaluates its expression on every read. So a file read
from someone else is compared, object by object, with the schema this program's own migrations
make at the file's version; a table, index, trigger or view that is not ours, or ours with
another definition, is refused by name and never used. The connection also runs with
``trusted_schema`` off, SQLite's defensive mode where Python offers it (3.12 and newer; below
that ``query_only`` and this check keep the schema out of play), and the file must pass
SQLite's quick check.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.core.store import migrations

#: Objects SQLite makes by itself (AUTOINCREMENT's counters, ANALYZE's statistics), not code.
_SQLITE_OWN = re.compile(r"sqlite_(sequence|stat\d)")


def _normal(sql: str | None) -> str:
    return " ".join((sql or "").split())


@lru_cache(maxsize=None)
def reference_objects(version: int) -> dict[tuple[str, str], tuple[str, str]]:
    """``(type, name) -> (table, sql)`` of every object our migrations make up to ``version``."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for migration in migrations.MIGRATIONS:
            if migration.version > version:
                break
            for statement in migration.statements:
                conn.execute(statement)
        return _objects(conn)
    finally:
        conn.close()


def _objects(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, str]]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {(kind, name): (table, _normal(sql)) for kind, name, table, sql in rows
            if not _SQLITE_OWN.fullmatch(name)}


def foreign_objects(conn: sqlite3.Connection, version: int) -> list[str]:
    """Each object of the file that our migrations did not make as it is, described."""
    ours = reference_objects(version)
    found = _objects(conn)
    problems = []
    for (kind, name), (table, sql) in sorted(found.items()):
        expected = ours.get((kind, name))
        if expected is None:
            problems.append(f"{kind} {name!r} is not one this program makes")
        elif expected != (table, sql):
            problems.append(f"{kind} {name!r} is defined differently from this program's")
    problems.extend(f"{kind} {name!r} is missing" for kind, name in sorted(ours)
                    if (kind, name) not in found and kind != "index")
    return problems


def harden(conn: sqlite3.Connection) -> None:
    """Set what SQLite offers against a crafted schema, before anything is read."""
    conn.execute("PRAGMA trusted_schema = OFF")
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12+
    if setconfig is not None:
        setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)


def check(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Refuse, in one line naming the file and what is wrong, a file whose schema is not ours
    or that fails SQLite's quick check."""
    problems = foreign_objects(conn, version)
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise ProjectError(
            f"{path}: refused: its schema was changed outside Framing Annotator: "
            + "; ".join(problems[:3]) + more + ". Nothing in it was used; ask for a copy "
            "made by the app"
        )
    try:
        verdict = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        verdict = [str(exc)]
    if verdict != ["ok"]:
        raise ProjectError(
            f"{path}: refused: the file is damaged ({verdict[0]}); nothing in it was used"
        )
