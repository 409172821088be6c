"""Writing files so that they appear whole or not at all: the one place for it.

Every file the program writes (exports, reports, blind copies, new projects) is written under a
temporary name in the same folder, flushed to disk and renamed over the target. A full disk, a
failed write or a crash leaves the target as it was and no temporary file behind; the error is
one line naming the file and the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from annotator.core.errors import AnnotatorError


class WriteError(AnnotatorError):
    """A file could not be written (full disk, no permission, read-only media)."""


def _partial(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.partial")


def _remove(*paths: Path) -> None:
    for p in paths:
        try:
            p.unlink(missing_ok=True)
        except OSError:
            pass


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


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
        raise WriteError(f"{path}: cannot write ({_reason(exc)})") from None
    except BaseException:
        _remove(partial)
        raise


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
    """A temporary name for a new project file that appears at ``path`` only when the block
    succeeds (its SQLite journal files are cleaned up either way)."""
    path = Path(path)
    partial = _partial(path)
    leftovers = (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm"))
    _remove(*leftovers)
    try:
        yield partial
        if path.exists():
            raise WriteError(f"{path}: already exists; choose another file name")
        os.replace(partial, path)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({_reason(exc)})") from None
    finally:
        _remove(*leftovers)


def atomic_write_many(folder: str | Path, files: dict[str, bytes]) -> list[Path]:
    """Write several files into ``folder``: all of them, or (on any error) none of them new.

    Each is written whole under a temporary name first; only when all are on disk are they
    renamed into place."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(f"{folder}: cannot create the folder ({_reason(exc)})") from None
    done: list[tuple[Path, Path]] = []
    try:
        for name, data in files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = _partial(target)
            done.append((partial, target))
            with open(partial, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        for partial, target in done:
            os.replace(partial, target)
    except OSError as exc:
        _remove(*(p for p, _ in done))
        raise WriteError(f"{folder}: cannot write ({_reason(exc)})") from None
    return [target for _, target in done]
