"""Knowing that the same project file is open in another instance of the app.

The lock is an operating-system lock on a small file beside the project (``NAME.annot.lock``):
the system releases it when the process ends, however it ends, so a crashed instance can never
leave the project locked for good. The file itself holds the holder's process id and host, for
people; it is removed when the holder closes the project.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO


def host_name() -> str:
    """This computer's name, for the lock file: from the system without importing ``socket``
    (0.003 s of the window's start) where it can be, else from ``socket``. Not
    ``platform.node()``: on Windows that asks WMI, which can take seconds."""
    uname = getattr(os, "uname", None)
    if uname is not None:
        return uname().nodename
    name = os.environ.get("COMPUTERNAME")
    if name:
        return name
    import socket

    return socket.gethostname()


def lock_path(project: Path) -> Path:
    return project.with_name(project.name + ".lock")


class InstanceLock:
    def __init__(self, project: Path) -> None:
        self.path = lock_path(project)
        self._fh: IO[bytes] | None = None

    def acquire(self) -> bool:
        """Take the lock; False if another live process holds it (or it cannot be taken)."""
        try:
            fh = open(self.path, "a+b")
        except OSError:
            return True  # cannot even create it (read-only folder): nothing to coordinate
        try:
            _lock(fh)
        except OSError:
            fh.close()
            return False
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()} {host_name()}\n".encode())
        fh.flush()
        self._fh = fh
        return True

    def holder(self) -> str:
        """Who holds the lock, as written in the file ('' if unknown)."""
        try:
            return self.path.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            return ""

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass
        self._fh.close()  # closing releases the lock
        self._fh = None


if os.name == "nt":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
else:
    import fcntl

    def _lock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
