"""Opening the SQLite file of a project: read-write, or read-only without writing beside it.

A project on read-only media, in a read-only file or folder, or a file that is only to be read
(a coder's returned copy being merged, an export) is opened read-only:

- closed cleanly (no ``-wal``): opened *immutable*: no lock, no journal, nothing written;
- open in the app right now (``-wal`` and ``-shm`` present, writable folder): a plain read-only
  connection that shares the app's journal, so it sees every committed edit;
- a journal left with edits where it cannot be shared (read-only media, a crash): the file and
  its journal are copied to a private temporary folder and read there.

A project on a disk with almost no room left (less than SQLite needs to start its journal) is
opened read-only too, saying the disk is full, rather than leaving half-made journal files.

SQLite would otherwise create ``-wal``/``-shm`` files beside the file, checkpoint into it, or
fail. An older file opened read-only is migrated in memory only.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core import files, messages
from annotator.core.errors import ProjectError
from annotator.core.store import migrations
from annotator.core.store import untrusted as untrusted_checks

_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class Connection:
    conn: sqlite3.Connection
    read_only: bool
    why_read_only: str = ""
    cleanup: list[Path] = field(default_factory=list)

    def close(self) -> None:
        self.conn.close()
        for folder in self.cleanup:
            shutil.rmtree(folder, ignore_errors=True)


def why_read_only(path: Path) -> str:
    """Why this file cannot be written ('' if it can), checked without writing anything."""
    try:
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return messages.READ_ONLY_MEDIA
    except (AttributeError, OSError):
        pass
    try:
        with path.open("r+b"):
            pass
    except OSError as exc:
        if exc.errno in (errno.EROFS,):
            return messages.READ_ONLY_MEDIA
        if exc.errno in (errno.EACCES, errno.EPERM):
            return messages.FILE_READ_ONLY
        raise ProjectError(f"{path}: cannot open ({exc.strerror})") from None
    if not os.access(path.parent, os.W_OK):
        return messages.FOLDER_READ_ONLY
    if files.nearly_full(path.parent) and not _journal_open(path):
        # opened read-only: SQLite could not even start its journal there, and would leave
        # its files behind trying
        return messages.DISK_FULL
    return ""


def _journal_open(path: Path) -> bool:
    """Whether the file's journal is there already (the project is open elsewhere, or was
    left open by a crash): then opening to write needs no new room on the disk."""
    return Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()


def check_header(path: Path) -> None:
    if not path.exists():
        raise ProjectError(f"{path}: no such project file (create one with `annotator new`)")
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read ({exc.strerror})") from None
    if head != _SQLITE_MAGIC:
        raise ProjectError(f"{path}: not a Framing Annotator project (not an SQLite file)")


def _pragmas(conn: sqlite3.Connection, busy_ms: int) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
    conn.execute("PRAGMA foreign_keys = ON")


def connect_write(path: Path, busy_ms: int, create: bool, shown: Path | None = None) -> Connection:
    """``shown`` is the name errors give the file (a new project is built under another)."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        _pragmas(conn, busy_ms)
        version = migrations.check_openable(conn, shown or path)
        if version == 0 and not create:
            raise ProjectError(
                f"{path}: not a Framing Annotator project (it has no project tables); "
                "create a project with `annotator new`"
            )
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")  # a dead battery loses no committed edit
        migrations.migrate(conn, path, shown=shown)
    except BaseException:
        conn.close()
        raise
    return Connection(conn, read_only=False)


def connect_read(path: Path, why: str, untrusted: bool = False) -> Connection:
    """Open without writing anything beside ``path`` (see the module docstring).

    ``why`` is why the file cannot be written ('' if it could be, but is only read);
    ``untrusted``: someone else's file, checked by :mod:`annotator.core.store.untrusted`
    before anything else reads it."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    cleanup: list[Path] = []
    try:
        has_journal = wal.exists() and wal.stat().st_size > 0
    except OSError:
        has_journal = False
    if wal.exists() and shm.exists() and not why:
        uri = path.resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    elif has_journal:
        import tempfile  # here: only a read of another's journal needs it, not every start-up

        folder = Path(tempfile.mkdtemp(prefix="annotator-ro-"))
        cleanup.append(folder)
        try:
            shutil.copyfile(path, folder / "p.annot")
            shutil.copyfile(wal, folder / "p.annot-wal")
        except OSError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise ProjectError(f"{path}: cannot read ({exc.strerror})") from None
        conn = sqlite3.connect(str(folder / "p.annot"), isolation_level=None,
                               check_same_thread=False)
    else:
        uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        if untrusted:
            untrusted_checks.harden(conn)
        _pragmas(conn, 0)
        version = migrations.check_openable(conn, path)
        if version == 0:
            raise ProjectError(
                f"{path}: not a Framing Annotator project (it has no project tables)"
            )
        if untrusted:
            untrusted_checks.check(conn, path, version)
        if version < migrations.LATEST_VERSION:
            memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            conn.backup(memory)
            conn.close()
            conn = memory
            _pragmas(conn, 0)
            migrations.migrate(conn, path, backup=False)
        conn.execute("PRAGMA query_only = ON")
    except BaseException:
        conn.close()
        for folder in cleanup:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    return Connection(conn, read_only=True, why_read_only=why, cleanup=cleanup)
