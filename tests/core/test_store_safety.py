"""The project file under stress (issue 8): read-only media and files, damage, another writer,
a full disk. Real files, real mounts (as root), the real CLI in separate processes."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.older_files import make_format_2
from tests.run_cli import cli, mount, one_line_error

from annotator.core.importers import import_paths
from annotator.core.store import Project
from annotator.core.tokenizer import tokenizer_id






@pytest.fixture
def coded(tmp_path: Path, seed_files: list[Path]) -> Path:
    """A project with the two seeds, two coders' spans and statuses."""
    path = tmp_path / "study.annot"
    with Project.create(path) as project:
        import_paths(project, seed_files)
        for article in project.articles.ids():
            bounds = project.tokens.bounds(article, tokenizer_id())
            for k, coder in enumerate(("alice", "bob")):
                project.annotations.add(article, coder, "security_concern",
                                        bounds[10 + k][0], bounds[14][1])
                project.statuses.set(article, coder, "done")
    return path




@pytest.fixture
def read_only_copy(coded: Path, tmp_path: Path):
    """The project on read-only media (a read-only bind mount)."""
    source = tmp_path / "media-src"
    source.mkdir()
    shutil.copy(coded, source / coded.name)
    media = tmp_path / "media"
    media.mkdir()
    mount("--bind", "-o", "ro", str(source), str(media))
    try:
        yield media / coded.name
    finally:
        subprocess.run(["umount", str(media)], check=False)


def test_a_project_on_read_only_media_can_be_read_exported_assigned_and_merged_from(
    read_only_copy: Path, tmp_path: Path
):
    listing = sorted(os.listdir(read_only_copy.parent))
    out = tmp_path / "out"
    out.mkdir()
    for args in (
        ("articles", read_only_copy),
        ("tokens", read_only_copy, "1"),
        ("export", read_only_copy, "--out", out / "all.jsonl"),
        ("export", read_only_copy, "--format", "csv", "--out", out / "spans.csv"),
        ("agreement", read_only_copy, "--out", out / "agreement"),
        ("assign", read_only_copy, "--coder", "carol", "--out", out / "carol.annot"),
        ("check", read_only_copy),
    ):
        result = cli(*args)
        assert result.returncode == 0, (args, result.stderr)
    master = tmp_path / "master.annot"
    assert cli("new", master).returncode == 0
    assert cli("import", master, out / "all.jsonl").returncode == 0
    assert "nothing new" in cli("merge", master, read_only_copy).stdout
    refused = one_line_error(cli("import", read_only_copy, out / "all.jsonl"))
    assert "cannot be changed" in refused and "read-only media" in refused
    assert sorted(os.listdir(read_only_copy.parent)) == listing


def test_a_read_only_file_is_read_by_a_normal_user_without_leaving_files(coded: Path):
    os.chmod(coded, 0o444)
    os.chmod(coded.parent, 0o777)
    before = coded.read_bytes()
    listing = sorted(os.listdir(coded.parent))
    result = cli("articles", coded, drop_root=True)
    assert result.returncode == 0, result.stderr
    assert "alice" in result.stdout
    refused = one_line_error(cli("trim", coded, "1", "--lines", "2-", drop_root=True))
    assert "the file is read-only" in refused
    assert coded.read_bytes() == before
    assert sorted(os.listdir(coded.parent)) == listing


def test_an_older_file_opened_read_only_is_migrated_in_memory_only(coded: Path):
    make_format_2(coded)
    before = coded.read_bytes()
    with Project.open(coded, read_only=True) as project:
        assert project.read_only and len(project.annotations.list()) == 4
    assert coded.read_bytes() == before
    assert not list(coded.parent.glob("*.bak"))
    with Project.open(coded) as project:  # opened to write: backed up, then migrated
        spans = project.annotations.list()
        assert all(a.rev_file == "legacy" and a.rev > 1_600_000_000_000 for a in spans)
        assert project.clock >= max(a.rev for a in spans)
        project.annotations.update(spans[0].uuid, note="after")  # a new edit ranks after all
        assert project.annotations.get(spans[0].uuid).rev == project.clock > max(a.rev for a in spans)
    assert len(list(coded.parent.glob("*.v2-*.bak"))) == 1


# --- damage ---------------------------------------------------------------------------------


def test_a_damaged_page_is_named_in_one_line(coded: Path):
    with Project.open(coded) as project:
        page = project.db.execute("PRAGMA page_size").fetchone()[0]
        root = project.db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'article_status'"
        ).fetchone()[0]
    data = bytearray(coded.read_bytes())
    at = (root - 1) * page
    data[at:at + page] = b"\xa5" * page
    coded.write_bytes(bytes(data))
    for args in (("articles", coded), ("export", coded, "--out", coded.with_suffix(".jsonl")),
                 ("agreement", coded, "--out", coded.parent / "agr")):
        line = one_line_error(cli(*args))
        assert "annotator check" in line, line
    result = cli("check", coded)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.strip() and all(
        line.startswith(f"{coded}: ") for line in result.stdout.strip().splitlines()
    )


def test_a_damaged_cache_is_rebuilt_never_fatal(coded: Path, tmp_path: Path):
    with Project.open(coded) as project:
        project.db.execute("UPDATE article_tokens SET bounds = x'0102030405'")
        project.db.execute("UPDATE article_cues SET cues = x'01'")
    checked = cli("check", coded)
    assert checked.returncode == 1 and "token cache is unreadable" in checked.stdout
    assert cli("agreement", coded, "--out", tmp_path / "agr").returncode == 0
    assert cli("assign", coded, "--coder", "carol", "--out", tmp_path / "c.annot").returncode == 0
    from annotator.core.session import Session

    with Project.open(coded) as project:
        session = Session(project, "alice")
        for article in project.articles.ids():
            opened = session.open_article(article)
            assert opened.bounds and opened.bounds[0][0] >= 0
    assert cli("check", coded).returncode == 0  # opening rebuilt what it needed


@pytest.mark.parametrize(
    "damage, expected",
    [
        ("UPDATE articles SET text = text || '改' WHERE id = 1", "SHA-256"),
        ("UPDATE annotations SET end_offset = 999999 WHERE rowid = 1", "outside the text"),
        ("UPDATE annotations SET label = 'bogus' WHERE rowid = 1", "label 'bogus'"),
        ("INSERT INTO article_codes (article_id, coder, variable, value, updated_at) "
         "VALUES (1, 'alice', 'tone', '\"angry\"', '2026-01-01T00:00:00.000Z')",
         "'tone' has no option 'angry'"),
    ],
)
def test_data_changed_behind_the_stores_back_is_refused(
    coded: Path, tmp_path: Path, damage: str, expected: str
):
    conn = sqlite3.connect(coded)
    conn.execute("DROP TRIGGER articles_text_frozen")
    conn.execute(damage)
    conn.commit()
    conn.close()
    for args in (("export", coded, "--out", tmp_path / "x.jsonl"),
                 ("assign", coded, "--coder", "carol", "--out", tmp_path / "c.annot"),
                 ("agreement", coded, "--out", tmp_path / "agr")):
        line = one_line_error(cli(*args))
        assert expected in line and "annotator check" in line, line
    checked = cli("check", coded)
    assert checked.returncode == 1 and expected in checked.stdout
    assert not (tmp_path / "x.jsonl").exists() and not (tmp_path / "c.annot").exists()


def test_a_sound_project_checks_clean(coded: Path):
    result = cli("check", coded)
    assert result.returncode == 0 and "no problems" in result.stdout


# --- another writer -------------------------------------------------------------------------

HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def hold_write_lock(path: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_a_command_waits_for_another_writer(coded: Path, seed_files: list[Path], tmp_path: Path):
    (tmp_path / "new.txt").write_text("新しい記事です。経済安全保障の話。\n", encoding="utf-8")
    holder = hold_write_lock(coded, 1.0)
    started = time.monotonic()
    result = cli("import", coded, tmp_path / "new.txt")
    holder.wait()
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started >= 0.9  # it waited rather than failing at once


def test_a_command_blocked_too_long_says_so_in_one_line(coded: Path, tmp_path: Path):
    (tmp_path / "new.txt").write_text("新しい記事です。経済安全保障の話。\n", encoding="utf-8")
    holder = hold_write_lock(coded, 8.0)
    try:
        line = one_line_error(cli("import", coded, tmp_path / "new.txt"))
    finally:
        holder.kill()
        holder.wait()
    assert line == (f"Error: {coded} is being changed by another program; "
                    "try again when it has finished")
    with Project.open(coded) as project:
        assert len(project.articles.ids()) == 2
