"""A full disk, for real: every command that writes fails in one line, leaves nothing behind,
and the disk is usable again once there is room.

Each test mounts a small tmpfs (as root; skipped otherwise), fills it with a filler file until
only ``room`` bytes are free, and runs the real `annotator` command in a new process. The rooms
are chosen so that each write really runs out of space part-way (the message says so): too
little room for SQLite to start its journal, and room for part of the file but not all of it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.older_files import make_format_2
from tests.run_cli import cli, one_line_error

from annotator.core.importers import import_paths
from annotator.core.store import Project
from annotator.core.store.integrity import problems
from annotator.core.tokenizer import tokenizer_id

ROOT = Path(__file__).resolve().parents[2]
KiB = 1024
DISK_SIZE = 2048 * KiB






def disk_full_error(result: subprocess.CompletedProcess, path: Path) -> str:
    """Exit 1 and one line that names ``path`` and says the disk is full."""
    line = one_line_error(result)
    assert str(path) in line, line
    assert "the disk is full" in line, line
    return line


class Disk:
    """A mounted tmpfs that can be filled up to a few bytes and freed again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.filler = folder / "filler"

    def free_bytes(self) -> int:
        st = os.statvfs(self.folder)
        return st.f_bavail * st.f_frsize

    def fill(self, room: int) -> None:
        """Leave exactly ``room`` bytes free (a multiple of the page size)."""
        self.free()
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT, 0o644)
        try:
            os.posix_fallocate(fd, 0, self.free_bytes() - room)
        finally:
            os.close(fd)
        assert self.free_bytes() == room

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def listing(self) -> list[str]:
        """Every name on the disk, hidden ones and those in sub-folders included."""
        return sorted(
            str(Path(top, name).relative_to(self.folder))
            for top, dirs, names in os.walk(self.folder) for name in [*dirs, *names]
        )


@pytest.fixture
def disk(tmp_path: Path):
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE // KiB}k", "tmpfs", str(folder)],
        capture_output=True, text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill up ({mounted.stderr.strip()}); "
                    "this needs root on Linux")
    try:
        yield Disk(folder)
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory, seed_files: list[Path]) -> Path:
    """A real project elsewhere: the two seeds, two coders' spans with notes, both done.
    Every output written from it is far larger than the room left on the disk."""
    path = tmp_path_factory.mktemp("source") / "study.annot"
    with Project.create(path) as project:
        import_paths(project, seed_files)
        labels = project.schema.label_ids
        for article in project.articles.ids():
            bounds = project.tokens.bounds(article, tokenizer_id())
            with project.transaction():
                for k, coder in enumerate(("alice", "bob")):
                    for i in range(0, min(len(bounds) - 8, 600), 12):
                        project.annotations.add(
                            article, coder, labels[(i // 12 + k) % len(labels)],
                            bounds[i + k][0], bounds[i + 6][1], note=f"メモ {i}",
                        )
                    project.statuses.set(article, coder, "done")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- new files: projects, blind copies ------------------------------------------------------


@pytest.mark.parametrize("room", [0, 32 * KiB, 128 * KiB],
                         ids=["no-room", "no-room-for-the-journal", "room-for-part"])
def test_new_on_a_full_disk_says_so_and_leaves_no_project(disk: Disk, room: int):
    target = disk.folder / "p.annot"
    disk.fill(room)
    disk_full_error(cli("new", target), target)
    assert disk.listing() == ["filler"]  # no 0-byte project, no .partial, no journal
    assert disk.free_bytes() == room
    disk.free()
    created = cli("new", target)
    assert created.returncode == 0, created.stderr  # not "already exists"
    with Project.open(target) as project:
        assert project.articles.ids() == []


@pytest.mark.parametrize("room", [32 * KiB, 128 * KiB],
                         ids=["no-room-for-the-journal", "room-for-part"])
def test_assign_on_a_full_disk_says_so_and_leaves_no_copy(disk: Disk, source: Path, room: int):
    target = disk.folder / "x.annot"
    disk.fill(room)
    disk_full_error(cli("assign", source, "--coder", "x", "--out", target), target)
    assert disk.listing() == ["filler"]
    assert disk.free_bytes() == room
    disk.free()
    done = cli("assign", source, "--coder", "x", "--out", target)
    assert done.returncode == 0, done.stderr
    with Project.open(target, read_only=True) as copy:
        assert copy.assigned_coder == "x" and len(copy.articles.ids()) == 2


# --- exports and reports --------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, out",
    [
        (["export", "{src}", "--out", "{out}"], "all.jsonl"),
        (["export", "{src}", "--format", "csv", "--out", "{out}"], "s.csv"),
        (["export", "{src}", "--format", "brat", "--out", "{out}"], "brat"),
        (["agreement", "{src}", "--out", "{out}"], "report"),
    ],
    ids=["jsonl", "csv", "brat", "agreement"],
)
def test_an_export_on_a_full_disk_says_so_and_leaves_nothing(
    disk: Disk, source: Path, args: list[str], out: str
):
    target = disk.folder / out
    command = [a.format(src=source, out=target) for a in args]
    room = 32 * KiB  # each output is at least 50 KiB: part of it is written, then no more
    disk.fill(room)
    disk_full_error(cli(*command), target)
    assert disk.listing() == ["filler"]  # no half file, no .partial, no empty folder
    assert disk.free_bytes() == room
    disk.free()
    assert cli(*command).returncode == 0
    assert target.exists()


# --- a project on the full disk -------------------------------------------------------------


@pytest.fixture
def big_files(tmp_path: Path, seed_files: list[Path]) -> list[Path]:
    """Six new articles of ~45 KiB each: far more than the room left."""
    text = seed_files[0].read_text(encoding="utf-8")
    folder = tmp_path / "big"
    folder.mkdir()
    paths = []
    for i in range(6):
        path = folder / f"big{i}.txt"
        path.write_text(f"第{i}号\n" + text * 2, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("room", [8 * KiB, 128 * KiB],
                         ids=["no-room-for-the-journal", "room-for-part"])
def test_import_into_a_project_on_a_full_disk_fails_as_a_whole(
    disk: Disk, seed_files: list[Path], big_files: list[Path], room: int
):
    target = disk.folder / "p.annot"
    with Project.create(target) as project:
        import_paths(project, seed_files[1:])
        before = [a.external_id for a in project.articles.summaries()]
    disk.fill(room)
    disk_full_error(cli("import", target, *big_files), target)
    assert disk.listing() == ["filler", "p.annot"]  # its journal files are gone too
    assert disk.free_bytes() == room
    with Project.open(target, read_only=True) as project:  # still whole, on the full disk
        assert [a.external_id for a in project.articles.summaries()] == before
        assert problems(project) == []
    disk.free()
    with Project.open(target) as project:
        assert [a.external_id for a in project.articles.summaries()] == before
    assert cli("new", disk.folder / "q.annot").returncode == 0


def test_an_older_project_is_not_migrated_without_room_for_its_backup(
    disk: Disk, source: Path, tmp_path: Path, seed_files: list[Path]
):
    older = tmp_path / "older.annot"
    shutil.copy(source, older)
    make_format_2(older)
    target = disk.folder / "p.annot"
    shutil.copy(older, target)
    before = digest(target)
    room = 128 * KiB  # room to open it (journal index), not for a ~200 KiB backup copy
    assert target.stat().st_size > room
    disk.fill(room)
    line = disk_full_error(cli("import", target, seed_files[0]), target)
    assert "back it up" in line and "not changed" in line, line
    assert disk.listing() == ["filler", "p.annot"]  # no .bak, no half backup
    assert digest(target) == before
    disk.free()
    with Project.open(target) as project:  # with room: backed up, then migrated
        assert len(project.annotations.list()) > 0
    assert len(list(disk.folder.glob("p.annot.v2-*.bak"))) == 1
