"""The project file's reasons and errors come from one catalog and read back into template and
values (for the window's translation), with the English the command line always printed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core import catalog, messages
from annotator.core.errors import BusyError, ReadOnlyError
from annotator.core.store import Project
from tests.core.test_measure_notes import marked


def test_every_marked_message_is_in_the_catalog() -> None:
    marked_here = marked(messages)
    assert len(marked_here) >= 12
    assert sorted(marked_here) == sorted(messages.CATALOG.templates)


@pytest.mark.parametrize("path", ["/data/研究: 2026/study.annot", r"C:\研究\a; b.annot"])
def test_errors_read_back_with_their_path_and_nested_reason(path: str) -> None:
    text = messages.CANNOT_CHANGE.format(path=path, why=messages.DISK_FULL,
                                         advice=messages.FREE_SPACE)
    assert messages.CATALOG.read(text) == (messages.CANNOT_CHANGE, {
        "path": path, "why": messages.DISK_FULL, "advice": messages.FREE_SPACE})
    assert messages.CATALOG.read(messages.DISK_FULL) == (messages.DISK_FULL, {})
    damaged = messages.DAMAGED.format(path=path, detail="database disk image is malformed")
    assert messages.CATALOG.read(damaged) == (messages.DAMAGED, {
        "path": path, "detail": "database disk image is malformed"})
    # the same path twice, or it is not this message
    assert messages.CATALOG.read(damaged.replace("check " + path, "check /else")) is None
    assert messages.CATALOG.read("something the catalog never wrote") is None


def test_the_errors_a_coder_meets_are_in_the_catalog(tmp_path: Path) -> None:
    path = tmp_path / "研究 study.annot"
    Project.create(path).close()
    with Project.open(path, read_only=True) as project, \
            pytest.raises(ReadOnlyError) as refused:
        project.set_meta("name", "x")
    assert str(refused.value) == (f"{path}: cannot be changed: it was opened for reading only. "
                                  "Copy it to a writable folder to change it")
    assert messages.CATALOG.read(str(refused.value))[0] == messages.CANNOT_CHANGE

    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writes
    try:
        with Project.open(path, busy_ms=50) as project, pytest.raises(BusyError) as busy:
            project.set_meta("name", "x")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert str(busy.value) == (f"{path} is being changed by another program; try again when it "
                               "has finished")
    assert messages.CATALOG.read(str(busy.value)) == (messages.BUSY, {"path": str(path)})


def test_counts_and_plural_endings() -> None:
    notes = catalog.Catalog(["{n} unit{s} dropped", "alpha undefined on {undefined} of {b}"])
    assert catalog.write("{n} unit{s} dropped", n=1) == "1 unit dropped"
    assert notes.read("12,000 units dropped") == ("{n} unit{s} dropped",
                                                  {"n": "12,000", "s": "s"})
    assert notes.read("many units dropped") is None  # a count is digits
    assert notes.read("alpha undefined on 3 of 2000") == (
        "alpha undefined on {undefined} of {b}", {"undefined": "3", "b": "2000"})
