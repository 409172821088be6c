"""Merging coders' returned files into the master project.

Articles are matched by the SHA-256 of their text, never by position or id alone: an article
whose text differs from the master's is refused by name, because its offsets would point at
other characters. Rows (spans, statuses) travel by :mod:`annotator.core.store.sync`: a UUID
that the master knows for another article, coder or stretch of text is refused; which edit
wins is decided by revision, never by a laptop's clock; two edits neither file has seen are a
conflict, resolved the same way in any order and listed. Merging the same file twice changes
nothing, and merging A then B gives the same master as B then A. Returned files are opened
read-only and never written. One merge command is one transaction: any refusal leaves the
master as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.core.schema import Schema
from annotator.core.store import Project
from annotator.core.store.rowkinds import CODES, SPANS, STATUS
from annotator.core.store.sync import SyncCounts, apply_rows, read_rows


@dataclass
class FileMerge:
    """What one returned file brought."""

    path: Path
    spans: SyncCounts = field(default_factory=SyncCounts)
    statuses: SyncCounts = field(default_factory=SyncCounts)
    codes: SyncCounts = field(default_factory=SyncCounts)

    @property
    def coders(self) -> set[str]:
        return self.spans.coders | self.statuses.coders | self.codes.coders

    @property
    def conflicts(self) -> list[str]:
        return self.spans.conflicts + self.statuses.conflicts + self.codes.conflicts

    def line(self) -> str:
        who = ", ".join(sorted(self.coders)) or "no coder"
        s, st, c = self.spans, self.statuses, self.codes
        status_changes = st.added + st.changed + st.removed
        answers = c.added + c.changed + c.removed
        if not (s.added or s.changed or s.removed or s.tombstones or status_changes
                or answers or self.conflicts):
            return f"{self.path} ({who}): nothing new ({s.unchanged} span(s) already merged)"
        text = (
            f"{self.path} ({who}): {s.added} new span(s), {s.changed} changed, "
            f"{s.removed} deleted, {status_changes} status change(s), {s.unchanged} unchanged"
        )
        if answers:
            text += (f", {c.added} new answer(s), {c.changed} changed, {c.removed} cleared")
        if s.tombstones:
            text += f", {s.tombstones} deletion record(s) of spans the master never had"
        if self.conflicts:
            text += f", {len(self.conflicts)} conflict(s):"
            text += "".join(f"\n  conflict: {c}" for c in self.conflicts[:20])
            if len(self.conflicts) > 20:
                text += f"\n  … and {len(self.conflicts) - 20} more conflict(s)"
        return text


@dataclass
class MergeReport:
    files: list[FileMerge] = field(default_factory=list)

    def summary(self) -> str:
        return "\n".join(f.line() for f in self.files) or "no files merged"


def schema_differences(master: Schema, other: Schema) -> list[str]:
    """Human-readable differences between two schemas, label by label and variable by
    variable (at most 10)."""
    notes = []
    for part, what in (("labels", "label"), ("article_codes", "article code")):
        mine = {item["id"]: item for item in master.data.get(part, ())}
        theirs = {item["id"]: item for item in other.data.get(part, ())}
        notes += [f"{what} {i!r} only in the master" for i in mine if i not in theirs]
        notes += [f"{what} {i!r} only in the file" for i in theirs if i not in mine]
        for item_id in mine.keys() & theirs.keys():
            a, b = mine[item_id], theirs[item_id]
            if json.dumps(a, sort_keys=True) != json.dumps(b, sort_keys=True):
                fields = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
                notes.append(f"{what} {item_id!r} differs in {', '.join(fields)}")
    if not notes:
        notes.append(f"schema {other.name!r} {other.version} vs {master.name!r} {master.version}")
    return notes[:10]


def merge(master: Project, paths: list[str | Path]) -> MergeReport:
    """Bring the coders' spans, notes, statuses and answers from ``paths`` into ``master``."""
    report = MergeReport()
    with master.transaction():
        # a merge never adds articles: their hashes are read once, not once per file
        known = {sha for (sha,) in master.db.execute("SELECT sha256 FROM articles")}
        texts: dict = {}  # the master's articles as read by the row sync, read once
        for path in map(Path, paths):
            if path.resolve() == master.path.resolve():
                raise ProjectError(f"{path}: is the master project itself")
            with Project.open(path, read_only=True) as other:
                report.files.append(_merge_one(master, other, known, texts))
    return report


def _merge_one(master: Project, other: Project, known: set[str], texts: dict) -> FileMerge:
    if other.schema.sha256 != master.schema.sha256:
        raise ProjectError(
            f"{other.path}: its schema differs from the master's: "
            + "; ".join(schema_differences(master.schema, other.schema))
            + ". Give coders copies made with `annotator assign` from this master."
        )
    for sha, external_id in other.db.execute("SELECT sha256, external_id FROM articles"):
        if sha in known:
            continue
        if master.articles.by_external_id(external_id) is not None:
            raise ProjectError(
                f"{other.path}: article {external_id!r} has a different text from the "
                "master's (its offsets would point at other characters); it was not merged. "
                "Was it trimmed or re-imported after the copies were made?"
            )
        raise ProjectError(f"{other.path}: article {external_id!r} is not in the master project")
    source = str(other.path)
    return FileMerge(
        other.path,
        spans=apply_rows(master, SPANS, read_rows(other, SPANS), source, texts),
        statuses=apply_rows(master, STATUS, read_rows(other, STATUS), source, texts),
        codes=apply_rows(master, CODES, read_rows(other, CODES), source, texts),
    )
