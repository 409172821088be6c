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

A *preview* (``merge(..., preview=True)``, ``annotator merge --dry-run``, the app's Merge dialog)
runs exactly the same merge inside the transaction and rolls it all back, so what it reports is
what a merge would do and nothing is written (not even the master's revision clock). Unlike a
merge it does not stop at a refused file: the file is listed with its reason (each file is
merged under a savepoint, undone if refused) and the other files are still previewed. A
read-only master is previewed on a copy in memory.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError, ProjectError
from annotator.core.progress import Cancelled, Progress, tracked
from annotator.core.schema import Schema
from annotator.core.store import Project, validate_coder_name
from annotator.core.store.connection import Connection
from annotator.core.store.rowkinds import CODES, SPANS, STATUS
from annotator.core.store.sync import SyncCounts, apply_rows, read_rows


@dataclass
class FileMerge:
    """What one returned file brought (or, in a preview, why it would be refused)."""

    path: Path
    spans: SyncCounts = field(default_factory=SyncCounts)
    statuses: SyncCounts = field(default_factory=SyncCounts)
    codes: SyncCounts = field(default_factory=SyncCounts)
    #: in a preview: the one-line reason this file would be refused ('' if it would merge)
    refused: str = ""
    #: the coder the copy was made for (its ``assigned_coder``), '' if unknown
    copy_coder: str = ""
    #: how many of the copy's articles its window showed without cue underlines
    without_cues: int = 0

    @property
    def coders(self) -> set[str]:
        return self.spans.coders | self.statuses.coders | self.codes.coders

    @property
    def who(self) -> str:
        """The coders whose rows the file holds, else the coder it was made for."""
        return ", ".join(sorted(self.coders)) or self.copy_coder or "no coder"

    @property
    def conflicts(self) -> list[str]:
        return self.spans.conflicts + self.statuses.conflicts + self.codes.conflicts

    @property
    def status_changes(self) -> int:
        st = self.statuses
        return st.added + st.changed + st.removed

    @property
    def answers(self) -> int:
        """New, changed and cleared answers to the article codes."""
        c = self.codes
        return c.added + c.changed + c.removed

    def line(self) -> str:
        who = self.who
        if self.refused:
            return f"{self.path} ({who}): refused: {self.refused}"
        s, c = self.spans, self.codes
        status_changes = self.status_changes
        answers = self.answers
        blind = (f", {self.without_cues} article(s) without cue underlines"
                 if self.without_cues else "")
        if not (s.added or s.changed or s.removed or s.tombstones or status_changes
                or answers or self.conflicts):
            return (f"{self.path} ({who}): nothing new ({s.unchanged} span(s) already merged)"
                    + blind)
        text = (
            f"{self.path} ({who}): {s.added} new span(s), {s.changed} changed, "
            f"{s.removed} deleted, {status_changes} status change(s), {s.unchanged} unchanged"
        )
        if answers:
            text += (f", {c.added} new answer(s), {c.changed} changed, {c.removed} cleared")
        text += blind
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
    #: True for a preview: nothing was written
    preview: bool = False

    @property
    def refused(self) -> list[FileMerge]:
        return [f for f in self.files if f.refused]

    def summary(self) -> str:
        text = "\n".join(f.line() for f in self.files) or "no files merged"
        if not self.preview:
            return text
        text += "\ndry run: nothing was written"
        if self.refused:
            text += (f"; {len(self.refused)} file(s) would be refused, and a merge refuses "
                     "all files then: leave the refused ones out or fix them")
        return text


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


def merge(
    master: Project, paths: Sequence[str | Path], progress: Progress | None = None,
    preview: bool = False,
) -> MergeReport:
    """Bring the coders' spans, notes, statuses and answers from ``paths`` into ``master``.

    ``progress`` is told each file's name before it is merged; :class:`Cancelled` from it
    leaves the master as it was. ``preview``: compute everything, write nothing, and list a
    refused file with its reason instead of refusing them all (see the module doc)."""
    files = [Path(p) for p in paths]
    if preview and master.read_only:
        with _scratch_copy(master) as scratch:
            return merge(scratch, files, progress, preview=True)
    report = MergeReport(preview=preview)
    with master.transaction(), _savepoint(master, "merge_preview", undo=preview):
        # a merge never adds articles: their hashes are read once, not once per file
        known = {sha for (sha,) in master.execute("SELECT sha256 FROM articles")}
        texts: dict = {}  # the master's articles as read by the row sync, read once
        for path in tracked(files, progress, lambda p: p.name):
            report.files.append(_merge_file(master, path, known, texts, preview))
    return report


def merge_at(
    master_path: str | Path, paths: Sequence[str | Path], progress: Progress | None = None,
    preview: bool = False,
) -> MergeReport:
    """:func:`merge` into the master at ``master_path``, opened here (for a worker thread,
    whose SQLite connection must be its own). A preview opens a master that cannot be written
    read-only; a merge refuses it at once, saying why."""
    with Project.open(master_path) as master:
        if not preview:
            master.require_writable()
        return merge(master, paths, progress, preview)


def _merge_file(master: Project, path: Path, known: set[str], texts: dict,
                preview: bool) -> FileMerge:
    """One file; in a preview a refusal becomes the file's ``refused`` reason, its rows undone."""
    coder = ""
    try:
        if path.resolve() == master.path.resolve():
            raise ProjectError(f"{path}: is the master project itself")
        with Project.open(path, untrusted=True) as other:
            coder = other.assigned_coder or ""
            with _savepoint(master, "merge_file", undo=False):
                done = _merge_one(master, other, known, texts)
            done.copy_coder = coder
            return done
    except Cancelled:
        raise
    except AnnotatorError as exc:
        if not preview:
            raise
        reason = str(exc)
        reason = reason.removeprefix(f"{path}: ")
        return FileMerge(path, refused=reason, copy_coder=coder)


@contextmanager
def _savepoint(project: Project, name: str, undo: bool) -> Iterator[None]:
    """A savepoint inside the open transaction: undone on an error, and always if ``undo``."""
    conn = project.conn
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        _undo(conn, name)
        raise
    if undo:
        _undo(conn, name)
    else:
        conn.execute(f"RELEASE {name}")


def _undo(conn: sqlite3.Connection, name: str) -> None:
    if not conn.in_transaction:  # SQLite rolled everything back already (a full disk)
        return
    try:
        conn.execute(f"ROLLBACK TO {name}")
        conn.execute(f"RELEASE {name}")
    except sqlite3.Error:
        pass  # the transaction's own rollback undoes it


@contextmanager
def _scratch_copy(master: Project) -> Iterator[Project]:
    """A writable copy in memory of a master that cannot be written, for a preview."""
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        master.conn.backup(memory)
        memory.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        memory.close()
        raise
    with Project(master.path, Connection(memory, read_only=False)) as scratch:
        yield scratch


def _merge_one(master: Project, other: Project, known: set[str], texts: dict) -> FileMerge:
    if other.schema.sha256 != master.schema.sha256:
        raise ProjectError(
            f"{other.path}: its schema differs from the master's: "
            + "; ".join(schema_differences(master.schema, other.schema))
            + ". Give coders copies made with `annotator assign` from this master."
        )
    for sha, external_id in other.execute("SELECT sha256, external_id FROM articles"):
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
        without_cues=_record_cues(master, other),
    )


def _record_cues(master: Project, other: Project) -> int:
    """Record in the master whether the copy's window showed cue underlines, per article of
    the copy, for the coder it was made for (a copy made before cue-free designs showed them
    everywhere). A file made for no coder records nothing. Returns the count shown without."""
    coder = other.assigned_coder
    if not coder:
        return 0
    coder = validate_coder_name(coder)
    shown = other.cue_conditions.read_returned(coder)
    ids = {sha: article_id for article_id, sha in master.execute(
        "SELECT id, sha256 FROM articles")}
    master.cue_conditions.record(coder, [(ids[sha], cues) for sha, cues in shown.items()])
    return sum(1 for cues in shown.values() if not cues)
