"""One project = one SQLite file. :class:`Project` opens and creates it, runs transactions,
holds the schema and the file's identity and revision clock, and hands the rows to its parts:

``project.articles``, ``project.tokens`` (token and cue caches), ``project.coders``,
``project.annotations``, ``project.statuses``, ``project.codes`` (answers to the article
codes), ``project.gold`` (the lead's gold standard), ``project.rounds`` (calibration
rounds) and ``project.cue_conditions`` (cue underlines shown or not, per coder and
article), each owning its table's SQL and rules.

Every part runs its SQL on the file's connection through :meth:`Project.execute`;
``project.db`` is the same connection as a sqlite-utils ``Database``, made when first asked
for (the coder's window never asks, and starts 0.045 s sooner for it).

Every public change commits before it returns, so an edit survives a crash the moment it is
made. A transaction takes the write lock when it begins (``BEGIN IMMEDIATE``) and waits for
another writer up to the busy timeout; past that it fails with :class:`BusyError`, one line.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from annotator import __version__
from annotator.core import files, messages
from annotator.core.errors import BusyError, ProjectError, ReadOnlyError
from annotator.core.model import Rev
from annotator.core.schema import Schema, default_schema, stored_schema
from annotator.core.store import connection
from annotator.core.store.annotations import Annotations
from annotator.core.store.articles import Articles
from annotator.core.store.codes import Codes
from annotator.core.store.gold import Gold
from annotator.core.store.coders import Coders
from annotator.core.store.cue_conditions import CueConditions
from annotator.core.store.rounds import Rounds
from annotator.core.store.statuses import Statuses
from annotator.core.store.tokens import TokenCache

if TYPE_CHECKING:
    import sqlite_utils

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
        #: The file's connection: every part of the store runs its SQL here, through
        #: :meth:`execute` and :meth:`executemany` (and transactions through
        #: :meth:`transaction`).
        self.conn: sqlite3.Connection = conn.conn
        self._db: sqlite_utils.Database | None = None
        self.read_only = conn.read_only
        self.why_read_only = conn.why_read_only or messages.OPENED_FOR_READING
        self._schema: Schema | None = None
        self._building = False  # True while :meth:`build` fills in a new file
        self.articles = Articles(self)
        self.tokens = TokenCache(self)
        self.coders = Coders(self)
        self.annotations = Annotations(self)
        self.statuses = Statuses(self)
        self.codes = Codes(self)
        self.gold = Gold(self)
        self.rounds = Rounds(self)
        self.cue_conditions = CueConditions(self)

    # --- SQL ---------------------------------------------------------------------------

    def execute(
        self, sql: str, params: Sequence[object] | Mapping[str, object] = ()
    ) -> sqlite3.Cursor:
        """Run one statement on the project's connection."""
        return self.conn.execute(sql, params)

    def executemany(
        self, sql: str, rows: Iterable[Sequence[object] | Mapping[str, object]]
    ) -> sqlite3.Cursor:
        """Run one statement for each of ``rows``."""
        return self.conn.executemany(sql, rows)

    @property
    def db(self) -> sqlite_utils.Database:
        """The same connection as a sqlite-utils ``Database`` (tables, schema, queries as
        dicts), for scripts, tests and tools that read a project.

        Made, and sqlite-utils imported, on first use: importing it costs a coder's window a
        sixth of its start-up (about 0.045 s: its plugin hooks bring click, pluggy and
        dateutil), and nothing the window does needs it. The store itself runs plain SQL
        through :meth:`execute`, which is all it ever asked of sqlite-utils."""
        if self._db is None:
            import sqlite_utils

            # Nothing else: the connection stays as the store set it (sqlite-utils would turn
            # on recursive triggers by default), whether or not anything asked for this.
            self._db = sqlite_utils.Database(self.conn, recursive_triggers=False,
                                             execute_plugins=False)
        return self._db

    # --- opening ------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, schema: Schema | None = None, name: str = "") -> Project:
        """Create a new project file and open it; refuses to overwrite an existing file.

        The file is built under a temporary name and renamed when whole (:meth:`build`), so a
        full disk or a crash leaves no empty project behind."""
        path = Path(path)
        with cls.build(path, schema, name):
            pass
        try:
            return cls.open(path)
        except BaseException:
            _remove(path)  # ours, made a moment ago: a failed `new` leaves nothing behind
            raise

    @classmethod
    @contextmanager
    def build(
        cls, path: str | Path, schema: Schema | None = None, name: str = ""
    ) -> Iterator[Project]:
        """A new project, filled in by the block, that appears at ``path`` only when the block
        succeeds: it is written under a temporary name beside ``path`` and renamed when whole.

        On any error (a full disk, an error in the block) nothing is left behind and the error
        names ``path``, which is also the yielded project's ``path`` while it is being built."""
        path = Path(path)
        if path.exists():
            raise ProjectError(f"{path}: already exists; choose another name or open it")
        if not path.parent.is_dir():
            raise ProjectError(f"{path.parent}: no such folder")
        schema = schema or default_schema()
        with files.project_file(path) as partial:
            try:
                conn = connection.connect_write(partial, BUSY_TIMEOUT_MS, create=True, shown=path)
            except sqlite3.Error as exc:
                raise ProjectError(
                    f"{path}: cannot create the project file ({files.reason(exc, path.parent)})"
                ) from None
            project = cls(path, conn)
            project._building = True
            try:
                with project.transaction():
                    project.set_meta("name", name or path.stem)
                    project.set_meta("created_at", now())
                    project.set_meta("created_by", f"framing-annotator {__version__}")
                    project.set_meta("schema_json", schema.to_json())
                    project.set_meta("schema_sha256", schema.sha256)
                yield project
                project._finish_build()
            except sqlite3.Error as exc:
                raise ProjectError(
                    f"{path}: cannot create the project file ({files.reason(exc, path.parent)})"
                ) from None
            finally:
                project.close()

    def _finish_build(self) -> None:
        """Move everything from the journal into the file itself, so the file alone is the
        whole project when it is renamed (its journal files are then deleted)."""
        conn = self.conn
        busy, frames, done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy or frames != done:  # (-1, -1: not in WAL mode, so no journal to move)
            raise ProjectError(
                f"{self.path}: cannot create the project file (its journal could not be written "
                "into it; is the disk full?)"
            )

    @classmethod
    def open(
        cls, path: str | Path, *, read_only: bool = False, busy_ms: int = BUSY_TIMEOUT_MS,
        reason: str = "", untrusted: bool = False,
    ) -> Project:
        """Open a project, migrating it (after a backup) if it is older.

        It opens read-only when asked (``read_only``: a file from someone else, read and never
        written; ``reason`` says why, for messages) or when the file cannot be written
        (read-only media, file or folder, a full disk: then that is the reason).

        ``untrusted``: a file someone else made (a returned copy): opened read-only, its schema
        compared with ours and its pages checked before any row is used
        (:mod:`annotator.core.store.untrusted`); never migrated on disk, never backed up."""
        path = Path(path)
        connection.check_header(path)
        why = connection.why_read_only(path)
        try:
            if read_only or why or untrusted:
                read_only = True
                conn = connection.connect_read(path, why, untrusted=untrusted)
            else:
                conn = connection.connect_write(path, busy_ms, create=False)
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"{path}: cannot open ({files.reason(exc, path)})") from None
        project = cls(path, conn)
        if read_only and not why and reason:
            project.why_read_only = reason
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
        conn = self.conn
        if conn.in_transaction:
            yield self
            return
        self.require_writable()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            yield self
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:  # SQLite may have rolled back already (a full disk)
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # the journal undoes it when the file is next opened
            if isinstance(exc, sqlite3.Error):
                raise self._error(exc) from None
            raise

    def require_writable(self) -> None:
        """Refuse, saying why, to change a project opened read-only."""
        if self.read_only:
            advice = messages.FREE_SPACE if self.why_read_only == messages.DISK_FULL \
                else messages.COPY_TO_CHANGE
            raise ReadOnlyError(messages.CANNOT_CHANGE.format(
                path=self.path, why=self.why_read_only, advice=advice))

    def _error(self, exc: sqlite3.Error) -> ProjectError:
        """The one line for an SQLite error met while changing the file."""
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        text = str(exc)
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text or "busy" in text:
            return BusyError(messages.BUSY.format(path=self.path))
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return ProjectError(messages.DAMAGED.format(path=self.path, detail=text))
        why = files.reason(exc, self.path.parent)
        if self._building:
            return ProjectError(f"{self.path}: cannot create the project file ({why})")
        return ProjectError(messages.CANNOT_WRITE.format(path=self.path, why=why))

    # --- metadata, identity and the revision clock --------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.execute(
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


_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_CORRUPT, _SQLITE_NOTADB = 5, 6, 11, 26


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
