"""A local edit of a row named by its key (a status, an answer): one place for the revision.

The row gets a new revision of this file and takes it into its ``seen``; ``expect`` (the
revision the caller last saw) refuses the edit if another window or program changed the row
since. Used inside the caller's transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.core.errors import StaleError
from annotator.core.model import Rev
from annotator.core.store import revisions

if TYPE_CHECKING:
    from annotator.core.store.project import Project


def current_rev(project: Project, table: str, key: dict[str, Any]) -> Rev | None:
    where = " AND ".join(f"{c} = ?" for c in key)
    row = project.execute(
        f"SELECT rev, rev_file FROM {table} WHERE {where}", list(key.values())
    ).fetchone()
    return Rev(row[0], row[1]) if row else None


def upsert(
    project: Project, table: str, key: dict[str, Any], content: dict[str, Any],
    expect: Rev | None, stale: str,
) -> None:
    """Write ``content`` to the row ``key`` (creating it) as a new local edit."""
    from annotator.core.store.project import now

    where = " AND ".join(f"{c} = ?" for c in key)
    row = project.execute(
        f"SELECT rev, rev_file, seen FROM {table} WHERE {where}", list(key.values())
    ).fetchone()
    if expect is not None and (row is None or Rev(row[0], row[1]) != expect):
        raise StaleError(stale)
    seen = revisions.parse_seen(row[2], table) if row else {}
    rev = project.next_rev()
    seen = revisions.join(seen, {rev.file: rev.counter})
    values = {**key, **content, "updated_at": now(), "rev": rev.counter, "rev_file": rev.file,
              "seen": revisions.dump_seen(seen)}
    updates = ", ".join(f"{c} = excluded.{c}" for c in values if c not in key)
    project.execute(
        f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join('?' * len(values))}) "
        f"ON CONFLICT({', '.join(key)}) DO UPDATE SET {updates}",
        list(values.values()),
    )
