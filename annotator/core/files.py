"""Writing files so that they appear whole or not at all: the one place for it.

Every file the program writes (exports, reports, blind copies, new projects) is written under a
temporary name in the same folder, flushed to disk and renamed over the target. A full disk, a
failed write or a crash leaves the target as it was and no temporary file behind; the error is
one line naming the file and the reason.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from annotator.core import messages
from annotator.core.errors import AnnotatorError


class WriteError(AnnotatorError):
    """A file could not be written (full disk, no permission, read-only media).

    ``reason`` is the why alone ("the disk is full"), for a caller that words its own line."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


def _partial(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.partial")


def _remove(*paths: Path) -> None:
    for p in paths:
        try:
            p.unlink(missing_ok=True)
        except OSError:
            pass


#: Less free space than this on a disk is "full": SQLite needs 32 KiB for the shared-memory
#: index of a project's journal and some pages of journal before a write can even start.
NEARLY_FULL_BYTES = 64 * 1024

_SQLITE_FULL = 13
_SQLITE_IOERR = 10


def free_bytes(where: str | Path) -> int | None:
    """Free space for us on the disk holding ``where`` (a file or folder), None if unknown."""
    where = Path(where)
    for place in (where, where.parent):
        try:
            st = os.statvfs(place)
        except (AttributeError, OSError):
            continue
        return st.f_bavail * st.f_frsize
    return None


def nearly_full(where: str | Path) -> bool:
    free = free_bytes(where)
    return free is not None and free < NEARLY_FULL_BYTES


def reason(exc: BaseException, where: str | Path | None = None) -> str:
    """Why a write failed, in a few words. A full disk is called "the disk is full" whoever
    reported it: the OS (ENOSPC), SQLite (SQLITE_FULL), or SQLite's "disk I/O error" when it
    could not grow its shared-memory index on a disk (holding ``where``) that has no room."""
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return messages.DISK_FULL
        return exc.strerror or str(exc)
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and code & 0xFF == _SQLITE_FULL:
            return messages.DISK_FULL
        if (code is not None and code & 0xFF == _SQLITE_IOERR and where is not None
                and nearly_full(where)):
            return messages.DISK_FULL
    text = str(exc)
    if "disk is full" in text or "No space left" in text:
        return messages.DISK_FULL
    return text


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (best effort; not possible on every system)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_open(path: str | Path, mode: str = "w", **kwargs: object) -> Iterator[IO]:
    """Open ``path`` for writing; the file appears under its name only if the block succeeds."""
    path = Path(path)
    partial = _partial(path)
    try:
        with open(partial, mode, **kwargs) as fh:  # type: ignore[call-overload]
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, path)
    except OSError as exc:
        _remove(partial)
        why = reason(exc, path.parent)
        raise WriteError(f"{path}: cannot write ({why})", why) from None
    except BaseException:
        _remove(partial)
        raise
    _sync_folder(path.parent)


def atomic_write(path: str | Path, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` whole or not at all (text is written without newline changes)."""
    if isinstance(data, str):
        with atomic_open(path, "w", encoding=encoding, newline="") as fh:
            fh.write(data)
    else:
        with atomic_open(path, "wb") as fh:
            fh.write(data)


@contextmanager
def project_file(path: str | Path) -> Iterator[Path]:
    """A temporary name for a new SQLite file that appears at ``path`` only when the block
    succeeds (its journal files are cleaned up either way). The block must close every
    connection to the temporary file before it ends."""
    path = Path(path)
    partial = _partial(path)
    leftovers = [partial, *(Path(f"{partial}{tail}") for tail in ("-wal", "-shm", "-journal"))]
    _remove(*leftovers)
    try:
        yield partial
        if path.exists():
            raise WriteError(f"{path}: already exists; choose another file name")
        os.replace(partial, path)
    except OSError as exc:
        why = reason(exc, path.parent)
        raise WriteError(f"{path}: cannot write ({why})", why) from None
    finally:
        _remove(*leftovers)
    _sync_folder(path.parent)


def atomic_write_many(folder: str | Path, files: dict[str, bytes]) -> list[Path]:
    """Write several files into ``folder``: all of them, or (on any error) none of them new.

    Each is written whole under a temporary name first; only when all are on disk are they
    renamed into place. Folders this call created are removed again on an error."""
    folder = Path(folder)
    created: list[Path] = []
    done: list[tuple[Path, Path]] = []
    where = folder
    try:
        _make_folder(folder, created)
        for name, data in files.items():
            where = target = folder / name
            _make_folder(target.parent, created)
            partial = _partial(target)
            done.append((partial, target))
            with open(partial, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        for partial, target in done:
            where = target
            os.replace(partial, target)
    except OSError as exc:
        _remove(*(p for p, _ in done))
        for made in reversed(created):
            try:
                made.rmdir()
            except OSError:
                pass
        what = "cannot create the folder" if where == folder else "cannot write"
        why = reason(exc, folder)
        raise WriteError(f"{where}: {what} ({why})", why) from None
    for made in {target.parent for _, target in done}:
        _sync_folder(made)
    return [target for _, target in done]


def _make_folder(folder: Path, created: list[Path]) -> None:
    """``mkdir -p``, noting each folder it made (outermost first) in ``created``."""
    missing = []
    at = folder
    while not at.exists():
        missing.append(at)
        if at.parent == at:
            break
        at = at.parent
    for made in reversed(missing):
        made.mkdir()
        created.append(made)
