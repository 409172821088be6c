"""One project = one SQLite file. :class:`Project` opens and creates it, runs transactions,
holds the schema and the file's identity and revision clock, and hands the rows to its parts:

``project.articles``, ``project.tokens`` (token and cue caches), ``project.coders``,
``project.annotations`` and ``project.statuses``, each owning its table's SQL and rules.

Every public change commits before it returns, so an edit survives a crash the moment it is
made. A transaction takes the write lock when it begins (``BEGIN IMMEDIATE``) and waits for
another writer up to the busy timeout; past that it fails with :class:`BusyError`, one line.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from annotator import __version__
from annotator.core.errors import BusyError, ProjectError, ReadOnlyError
from annotator.core.model import Rev
from annotator.core.schema import Schema, default_schema, stored_schema
from annotator.core.store import connection
from annotator.core.store.annotations import Annotations
from annotator.core.store.articles import Articles
from annotator.core.store.coders import Coders
from annotator.core.store.statuses import Statuses
from annotator.core.store.tokens import TokenCache

#: How long a command waits for another program's write to finish.
BUSY_TIMEOUT_MS = 5000


def now() -> str:
    """UTC timestamp with milliseconds, sortable as text (for people, never for ordering)."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Project:
    """An open project file. Use :meth:`create` or :meth:`open`; close when done."""

    def __init__(self, path: Path, conn: connection.Connection) -> None:
        self.path = path
        self._conn = conn
        self.db = sqlite_utils.Database(conn.conn, execute_plugins=False)
        self.read_only = conn.read_only
        self.why_read_only = conn.why_read_only or "it was opened for reading only"
        self._schema: Schema | None = None
        self.articles = Articles(self)
        self.tokens = TokenCache(self)
        self.coders = Coders(self)
        self.annotations = Annotations(self)
        self.statuses = Statuses(self)

    # --- opening ------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, schema: Schema | None = None, name: str = "") -> Project:
        """Create a new project file; refuses to overwrite an existing file.

        The file is written under a temporary name and renamed when whole, so a full disk or
        a crash leaves no empty project behind."""
        path = Path(path)
        if path.exists():
            raise ProjectError(f"{path}: already exists; choose another name or open it")
        if not path.parent.is_dir():
            raise ProjectError(f"{path.parent}: no such folder")
        schema = schema or default_schema()
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        try:
            conn = connection.connect_write(partial, BUSY_TIMEOUT_MS, create=True)
            project = cls(partial, conn)
            with project.transaction():
                project.set_meta("name", name or path.stem)
                project.set_meta("created_at", now())
                project.set_meta("created_by", f"framing-annotator {__version__}")
                project.set_meta("schema_json", schema.to_json())
                project.set_meta("schema_sha256", schema.sha256)
            conn.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
            if path.exists():
                raise ProjectError(f"{path}: already exists; choose another name or open it")
            os.replace(partial, path)
        except (sqlite3.Error, OSError) as exc:
            raise ProjectError(f"{path}: cannot create the project file ({_reason(exc)})") from None
        finally:
            for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
                try:
                    leftover.unlink(missing_ok=True)
                except OSError:
                    pass
        return cls.open(path)

    @classmethod
    def open(
        cls, path: str | Path, *, read_only: bool = False, busy_ms: int = BUSY_TIMEOUT_MS
    ) -> Project:
        """Open a project, migrating it (after a backup) if it is older.

        It opens read-only when asked (``read_only``: a file from someone else, read and never
        written) or when the file cannot be written (read-only media, file or folder)."""
        path = Path(path)
        connection.check_header(path)
        why = connection.why_read_only(path)
        try:
            if read_only or why:
                conn = connection.connect_read(path, why)
            else:
                conn = connection.connect_write(path, busy_ms, create=False)
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"{path}: cannot open ({_reason(exc)})") from None
        project = cls(path, conn)
        try:
            if project.meta("schema_json") is None:
                raise ProjectError(f"{path}: the project file has no schema; it is damaged")
        except BaseException:
            project.close()
            raise
        return project

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions -------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Project]:
        """All or nothing: everything inside commits together or not at all. The write lock
        is taken at the start (waiting for another writer up to the busy timeout)."""
        conn = self.db.conn
        if conn.in_transaction:
            yield self
            return
        self.require_writable()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._error(exc) from None
        try:
            yield self
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise self._error(exc) from None
            raise

    def require_writable(self) -> None:
        """Refuse, saying why, to change a project opened read-only."""
        if self.read_only:
            raise ReadOnlyError(
                f"{self.path}: cannot be changed: {self.why_read_only}. Copy it to a writable "
                "folder to change it"
            )

    def _error(self, exc: sqlite3.Error) -> ProjectError:
        text = str(exc)
        if "locked" in text or "busy" in text:
            return BusyError(
                f"{self.path} is being changed by another program; try again when it has finished"
            )
        return ProjectError(f"{self.path}: cannot write ({_reason(exc)})")

    # --- metadata, identity and the revision clock --------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    @property
    def file_id(self) -> str:
        """This file's own identity: the author of its edits in every revision."""
        return self.meta("file_id") or ""

    @property
    def clock(self) -> int:
        return int(self.meta("clock") or 0)

    def next_rev(self) -> Rev:
        """The revision of a new local edit (call inside the edit's transaction)."""
        counter = self.clock + 1
        self.set_meta("clock", str(counter))
        return Rev(counter, self.file_id)

    def observe(self, counter: int) -> None:
        """Lift the clock past a counter received from another file."""
        if counter > self.clock:
            self.set_meta("clock", str(counter))

    @property
    def name(self) -> str:
        return self.meta("name") or self.path.stem

    @property
    def assigned_coder(self) -> str | None:
        """The coder a blind copy was made for (None in a master project)."""
        return self.meta("assigned_coder")

    def set_assignment(self, coder: str, master_name: str) -> None:
        with self.transaction():
            self.set_meta("assigned_coder", coder)
            self.set_meta("master_name", master_name)

    @property
    def schema(self) -> Schema:
        if self._schema is None:
            self._schema = stored_schema(
                self.meta("schema_json") or "",
                self.meta("schema_sha256") or "",
                f"{self.path} schema",
            )
        return self._schema


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc)
    if "disk is full" in text or "No space" in text:
        return "the disk is full"
    return text
