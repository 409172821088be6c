"""The log folder, logging to a file, and a program that may have no console.

A windowed build (the coders' `annotator` on Windows and macOS) starts without a console:
``sys.stdout`` and ``sys.stderr`` are None there, and the first ``print`` or ``click.echo`` would
raise. ensure_streams() gives them a file in the log folder instead (``console.log``, opened on
the first write, so a run that prints nothing leaves nothing behind). setup_logging() sends log
records to ``annotator.log`` in the same folder, and to stderr only when there is a console.

The log folder is ``$FRAMING_ANNOTATOR_HOME/logs`` when that variable is set (tests, CI, a
portable install), otherwise the platform's user log folder (platformdirs): e.g.
``%LOCALAPPDATA%\\FramingAnnotator\\Logs`` on Windows, ``~/Library/Logs/FramingAnnotator`` on
macOS, ``~/.local/state/FramingAnnotator/log`` on Linux.
"""

from __future__ import annotations

import io
import logging
import os
import sys
import time
from pathlib import Path

#: The same variable as annotator.core.demo.HOME_ENV: all per-user files in one folder.
HOME_ENV = "FRAMING_ANNOTATOR_HOME"
APP_NAME = "FramingAnnotator"
LOG_NAME = "annotator.log"
CONSOLE_NAME = "console.log"
SELFCHECK_NAME = "selfcheck.txt"

_MAX_BYTES = 1_000_000
_BACKUPS = 3
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

_no_console = False


def log_dir() -> Path:
    """Where logs go: $FRAMING_ANNOTATOR_HOME/logs, else the platform's user log folder."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override) / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    """The app's log file (rotated at about 1 MB, three old ones kept)."""
    return log_dir() / LOG_NAME


class _LateFile(io.TextIOBase):
    """A text stream that opens ``path`` for appending on the first write (UTF-8, whatever the
    locale), starting with a line that says which run wrote what follows."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: io.TextIOBase | None = None
        self._failed = False

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    @property
    def errors(self) -> str:  # type: ignore[override]
        return "backslashreplace"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def _open(self) -> io.TextIOBase | None:
        if self._file is None and not self._failed:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._file = open(  # noqa: SIM115 - kept open for the life of the process
                    self.path, "a", encoding="utf-8", errors="backslashreplace", buffering=1
                )
                stamp = time.strftime("%Y-%m-%d %H:%M:%S")
                self._file.write(f"--- {stamp} pid {os.getpid()}: {' '.join(sys.argv)}\n")
            except OSError:
                self._failed = True  # nowhere to write: drop the text rather than crash
        return self._file

    def write(self, text: str) -> int:
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        target = self._open()
        if target is not None:
            target.write(text)
        return len(text)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def ensure_streams() -> bool:
    """Give a missing ``sys.stdout`` / ``sys.stderr`` the file ``console.log`` in the log folder.

    Call it first thing in an entry point. Returns whether the program has a console (False when
    either stream was missing, now or at an earlier call).
    """
    global _no_console
    missing = [name for name in ("stdout", "stderr") if getattr(sys, name) is None]
    if missing:
        _no_console = True
        stream = _LateFile(log_dir() / CONSOLE_NAME)
        for name in missing:
            setattr(sys, name, stream)
    return not _no_console


def has_console() -> bool:
    """False in a program started without a console (see ensure_streams)."""
    return not _no_console and sys.stdout is not None and sys.stderr is not None


class _FileHandler(logging.FileHandler):
    """UTF-8, the folder made and the file opened at the first record, and rotated at about
    ``_MAX_BYTES`` with ``_BACKUPS`` old files kept (``annotator.log.1`` the newest), as
    ``logging.handlers.RotatingFileHandler`` does. Not that class itself: importing
    ``logging.handlers`` (sockets, pickling, queues) was 0.005 s of every start of the app,
    which logs one line as it starts."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=True)

    def _open(self):  # type: ignore[override]
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is None:
                self.stream = self._open()
            if self.stream.tell() >= _MAX_BYTES:
                self._rotate()
        except Exception:  # noqa: BLE001 - logging must never break the app
            self.handleError(record)
            return
        super().emit(record)

    def _rotate(self) -> None:
        """Move the files one place up. When that fails (on Windows another instance of the
        app may have the log open), this record goes to the current file, and the rotation
        is tried again at the next record."""
        self.stream.close()
        self.stream = None  # type: ignore[assignment]
        base = self.baseFilename
        try:
            for n in range(_BACKUPS - 1, 0, -1):
                if os.path.exists(f"{base}.{n}"):
                    os.replace(f"{base}.{n}", f"{base}.{n + 1}")
            os.replace(base, f"{base}.1")
        except OSError:
            pass
        self.stream = self._open()


class _StderrHandler(logging.StreamHandler):
    """Writes to ``sys.stderr`` as it is when a record comes (it may be replaced later)."""

    @property  # type: ignore[override]
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def setup_logging(level: int = logging.INFO) -> Path:
    """Log records of ``level`` and above to the log file; warnings also to stderr when there is
    a console. Safe to call more than once. Returns the log file's path."""
    path = log_file()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _FileHandler):
            if handler.baseFilename == os.path.abspath(path):
                return path
            root.removeHandler(handler)  # the log folder moved (tests change the home)
            handler.close()
    file_handler = _FileHandler(path)
    file_handler.setLevel(level)
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(file_handler)
    if has_console() and not any(isinstance(h, _StderrHandler) for h in root.handlers):
        console = _StderrHandler()
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        console.setLevel(logging.WARNING)
        root.addHandler(console)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    logging.captureWarnings(True)
    return path
