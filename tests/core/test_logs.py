"""The app's log file: made at the first record, rotated at about 1 MB with three old files."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core import logs


@pytest.fixture
def log_path(private_home: Path) -> Iterator[Path]:
    """setup_logging() into the test's home; the handler is removed afterwards."""
    root = logging.getLogger()
    before = list(root.handlers)
    path = logs.setup_logging()
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_the_log_is_in_the_home_and_made_only_when_a_record_comes(log_path: Path,
                                                                     private_home: Path):
    assert log_path == private_home / "logs" / logs.LOG_NAME
    assert not log_path.parent.exists()  # nothing logged yet: no folder, no file
    logging.getLogger("annotator.test").warning("言語 %s", "日本語")
    text = log_path.read_text(encoding="utf-8")
    assert "WARNING annotator.test: 言語 日本語" in text
    assert logs.setup_logging() == log_path  # a second call adds no second handler
    logging.getLogger("annotator.test").warning("once")
    assert log_path.read_text(encoding="utf-8").count("once") == 1


def test_the_log_is_rotated_keeping_three_old_files(log_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(logs, "_MAX_BYTES", 2000)
    log = logging.getLogger("annotator.test")
    for n in range(200):
        log.warning("record %03d %s", n, "x" * 80)
    names = sorted(p.name for p in log_path.parent.iterdir())
    assert names == [logs.LOG_NAME, *(f"{logs.LOG_NAME}.{n}" for n in (1, 2, 3))]
    current = log_path.read_text(encoding="utf-8")
    newest_old = Path(f"{log_path}.1").read_text(encoding="utf-8")
    oldest = Path(f"{log_path}.3").read_text(encoding="utf-8")
    assert "record 199" in current
    last_old = int(newest_old.strip().splitlines()[-1].split("record ")[1][:3])
    first_current = int(current.splitlines()[0].split("record ")[1][:3])
    assert first_current == last_old + 1  # nothing lost between the files
    assert int(oldest.splitlines()[0].split("record ")[1][:3]) < last_old
    for path in log_path.parent.iterdir():  # none grows far past the limit
        assert path.stat().st_size < 2000 + 200


def test_a_log_that_cannot_be_written_never_breaks_the_app(log_path: Path,
                                                           capsys: pytest.CaptureFixture):
    log_path.parent.parent.mkdir(parents=True, exist_ok=True)
    log_path.parent.write_text("a file where the log folder should be")
    logging.getLogger("annotator.test").error("lost")  # reported by logging, not raised
    assert "lost" not in log_path.parent.read_text()


def test_a_rotation_that_fails_keeps_logging_and_is_tried_again(log_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch):
    """On Windows another instance may hold the log open, and renaming it fails: the records
    go on into the current file, and the rotation happens once the rename works."""
    import os

    monkeypatch.setattr(logs, "_MAX_BYTES", 500)
    log = logging.getLogger("annotator.test")

    def refuse(*_args) -> None:
        raise PermissionError("the file is open in another process")

    real_replace = os.replace
    monkeypatch.setattr(logs.os, "replace", refuse)
    for n in range(20):
        log.warning("held %02d %s", n, "x" * 40)
    assert sorted(p.name for p in log_path.parent.iterdir()) == [logs.LOG_NAME]
    assert "held 19" in log_path.read_text(encoding="utf-8")
    monkeypatch.setattr(logs.os, "replace", real_replace)
    log.warning("after")
    assert Path(f"{log_path}.1").read_text(encoding="utf-8").count("held") == 20
    assert "after" in log_path.read_text(encoding="utf-8")
