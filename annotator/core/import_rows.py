"""Turning what a JSONL line says about spans and statuses into portable rows for the store.

A line written by `annotator export` carries each row's revision (``rev``, ``rev_file``,
``seen``) and deletion; those rows are kept exactly, so a project rebuilt from its export
merges like the original (a deleted span stays deleted). A line from elsewhere (no revision)
gives rows that are new local edits of the importing file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.errors import InputError, ProjectError
from annotator.core.store import Project, now
from annotator.core.store import revisions


@dataclass
class Revision:
    """A row's revision as written in JSONL (all three fields, or none)."""

    rev: int
    rev_file: str
    seen: dict[str, int] = field(default_factory=dict)


def read_revision(obj: dict[str, Any], at: str) -> Revision | None:
    """The revision fields of a span or status object, checked; None if it has none."""
    present = [k for k in ("rev", "rev_file", "seen") if obj.get(k) is not None]
    if not present:
        return None
    if len(present) != 3:
        missing = ", ".join(k for k in ("rev", "rev_file", "seen") if k not in present)
        raise InputError(f"{at}: has {', '.join(present)} but not {missing}; give all or none")
    try:
        rev = revisions.check_counter(obj["rev"], at)
        seen = revisions.check_seen(obj["seen"], at)
    except ProjectError as exc:
        raise InputError(str(exc)) from None
    rev_file = obj["rev_file"]
    if not isinstance(rev_file, str) or not 0 < len(rev_file) <= 64:
        raise InputError(f"{at}: field 'rev_file' must be a file id (text of 1-64 characters)")
    if seen.get(rev_file, -1) < rev:
        raise InputError(f"{at}: 'seen' must include the row's own revision ({rev_file}: {rev})")
    return Revision(rev, rev_file, seen)


def stamp(project: Project, row: dict[str, Any], revision: Revision | None) -> dict[str, Any]:
    """Give a portable row its revision: the one it came with, or a new local edit."""
    if revision is None:
        rev = project.next_rev()
        row.update(rev=rev.counter, rev_file=rev.file, seen={rev.file: rev.counter})
    else:
        row.update(rev=revision.rev, rev_file=revision.rev_file, seen=dict(revision.seen))
    row.setdefault("updated_at", None)
    if row["updated_at"] is None:
        row["updated_at"] = now()
    return row
