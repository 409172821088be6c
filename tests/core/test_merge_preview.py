"""Merge preview (issue 11): the same merge, rolled back; refused files listed with their
reasons while the others are still previewed; progress per file; Cancel stores nothing; the
`merge --dry-run` command. Real project files, real assign, real merge."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import ProjectError
from annotator.core.importers import import_paths
from annotator.core.merge import merge, merge_at
from annotator.core.progress import Cancelled
from annotator.core.store import Project
from tests.core.test_merge_rules import content, copy_for, span_at
from tests.run_cli import cli, one_line_error


@pytest.fixture
def master_path(tmp_path: Path, seed_files: list[Path]) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    base = [p.read_text(encoding="utf-8") for p in seed_files]
    for k in range(3):
        (folder / f"a{k}.txt").write_text(f"記事{k}\n" + base[k % 2][:900], encoding="utf-8")
    path = tmp_path / "master.annot"
    with Project.create(path) as project:
        import_paths(project, [folder])
    return path


def everything(path: Path) -> tuple[bytes, list[str]]:
    """The file's bytes and every row of every table (meta too: the clock, the file id)."""
    with sqlite3.connect(path) as conn:
        rows = list(conn.iterdump())
    conn.close()
    return path.read_bytes(), rows


def coded(master_path: Path, tmp_path: Path, coder: str, k: int) -> Path:
    """``coder``'s copy with two spans in the first article (one deleted), a status and an
    answer in the second."""
    out = copy_for(master_path, coder, tmp_path / f"{coder}.annot")
    with Project.open(out) as copy:
        first, second = copy.articles.ids()[:2]
        s, e = span_at(copy, first, k)
        copy.annotations.add(first, coder, "security_concern", s, e, f"{coder}'s")
        s, e = span_at(copy, first, k + 4)
        dropped = copy.annotations.add(first, coder, "economic_interest", s, e)
        copy.annotations.delete(dropped.uuid)
        copy.statuses.set(second, coder, "done")
        copy.codes.set(second, coder, "relevance", True)
    return out


def counts(report) -> list[tuple]:
    return [(f.path, f.spans, f.statuses, f.codes, f.refused) for f in report.files]


def test_preview_reports_what_the_merge_does_and_writes_nothing(master_path: Path, tmp_path):
    alice = coded(master_path, tmp_path, "alice", 3)
    bob = coded(master_path, tmp_path, "bob", 5)
    with Project.open(master_path) as master:
        merge(master, [alice])  # so that bob's preview also meets rows already there
        clock, file_id = master.clock, master.file_id
    with Project.open(alice) as copy:  # alice relabels after the first merge
        span = copy.annotations.list()[0]
        copy.annotations.update(span.uuid, label="self_reliance")
    before = everything(master_path)
    seen: list[tuple[int, int, str]] = []
    preview = merge_at(master_path, [alice, bob], lambda *a: seen.append(a), preview=True)
    assert everything(master_path) == before
    with Project.open(master_path) as master:
        assert (master.clock, master.file_id) == (clock, file_id)
    assert seen == [(0, 2, "alice.annot"), (1, 2, "bob.annot"), (2, 2, "")]
    a, b = preview.files
    assert (a.spans.changed, a.spans.added, a.spans.unchanged, a.spans.tombstones) == (1, 0, 1, 0)
    assert (b.spans.added, b.spans.tombstones, b.status_changes, b.answers) == (1, 1, 1, 1)
    assert a.copy_coder == "alice" and b.who == "bob" and not preview.refused
    assert "dry run: nothing was written" in preview.summary()
    real = merge_at(master_path, [alice, bob])
    assert counts(real) == counts(preview)
    assert [f.line() for f in real.files] == [f.line() for f in preview.files]
    assert everything(master_path) != before


def test_a_refused_file_is_listed_and_the_others_still_previewed(master_path: Path, tmp_path,
                                                                  seed_files: list[Path]):
    alice = coded(master_path, tmp_path, "alice", 3)
    bob = coded(master_path, tmp_path, "bob", 5)
    twin = tmp_path / "bob-twin.annot"  # the same file, with an answer no project writes:
    twin.write_bytes(bob.read_bytes())  # refused after its spans and status were applied
    with Project.open(twin) as copy:
        copy.db.execute("UPDATE article_codes SET value = '{bad'")
    with Project.open(alice) as copy:
        stolen = copy.annotations.list()[0].uuid
    thief = copy_for(master_path, "dan", tmp_path / "dan.annot")
    with Project.open(thief) as copy:  # a span with alice's UUID on another article
        third = copy.articles.ids()[2]
        s, e = span_at(copy, third, 2)
        forged = copy.annotations.add(third, "dan", "self_reliance", s, e)
        copy.db.execute("UPDATE annotations SET uuid = ? WHERE uuid = ?", [stolen, forged.uuid])
    other = tmp_path / "other.annot"  # a copy of another project
    with Project.create(tmp_path / "other-master.annot") as elsewhere:
        import_paths(elsewhere, [seed_files[1]])
        from annotator.core.assign import assign
        assign(elsewhere, "carol", other)
    with Project.open(master_path) as master:
        merge(master, [alice])
        with Project.open(alice) as copy:
            copy.annotations.update(stolen, note="edited again")
    before = everything(master_path)
    preview = merge_at(
        master_path, [twin, thief, other, alice, bob, tmp_path / "missing.annot"], preview=True)
    assert everything(master_path) == before
    bad_twin, refused_thief, refused_other, kept, good_bob, missing = preview.files
    assert bad_twin.refused == "answer 'relevance': not valid JSON"
    assert not bad_twin.refused.startswith(str(twin))  # the path is not said twice
    assert stolen in refused_thief.refused and "differs" in refused_thief.refused
    assert "not in the master project" in refused_other.refused
    assert refused_other.copy_coder == "carol" and refused_other.who == "carol"
    assert "no such project file" in missing.refused
    assert (kept.refused, kept.spans.changed, kept.spans.unchanged) == ("", 1, 1)
    # the twin's rows were undone: bob's own file still brings all of them
    assert (good_bob.spans.added, good_bob.spans.tombstones, good_bob.status_changes,
            good_bob.answers) == (1, 1, 1, 1)
    assert preview.refused == [bad_twin, refused_thief, refused_other, missing]
    assert f"{other} (carol): refused: " in preview.summary()
    assert "4 file(s) would be refused" in preview.summary()
    # a real merge refuses all; the previewed files merge as the preview said
    with pytest.raises(ProjectError, match="not in the master project"):
        merge_at(master_path, [alice, other])
    assert everything(master_path) == before
    real = merge_at(master_path, [alice, bob])
    assert counts(real) == [counts(preview)[3], counts(preview)[4]]


def test_cancel_in_the_middle_of_a_merge_stores_nothing(master_path: Path, tmp_path: Path):
    alice = coded(master_path, tmp_path, "alice", 3)
    bob = coded(master_path, tmp_path, "bob", 5)
    before = content(master_path)

    def cancel_at_bob(done: int, total: int, what: str) -> None:
        if what == "bob.annot":
            raise Cancelled()

    with pytest.raises(Cancelled):
        merge_at(master_path, [alice, bob], cancel_at_bob)
    assert content(master_path) == before
    with Project.open(master_path) as master:
        assert master.coders.names() == []


def test_preview_of_a_read_only_master_runs_on_a_copy_in_memory(master_path: Path, tmp_path):
    alice = coded(master_path, tmp_path, "alice", 3)
    before = everything(master_path)
    with Project.open(master_path, read_only=True) as master:
        preview = merge(master, [alice], preview=True)
        assert master.read_only and master.coders.names() == []
    assert everything(master_path) == before
    assert preview.files[0].spans.added == 1 and preview.files[0].status_changes == 1


def test_dry_run_command_on_a_read_only_master(master_path: Path, tmp_path: Path,
                                               seed_files: list[Path]):
    alice = coded(master_path, tmp_path, "alice", 3)
    stranger = tmp_path / "notes.annot"
    stranger.write_text("not a project", encoding="utf-8")
    os.chmod(master_path, 0o444)
    before = everything(master_path)
    try:
        result = cli("merge", master_path, alice, stranger, "--dry-run", drop_root=True)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert lines[0].startswith(f"{alice} (alice): 1 new span(s), 0 changed, 0 deleted, "
                                   "1 status change(s)")
        assert lines[1].startswith(f"{stranger} (no coder): refused: not a Framing Annotator")
        assert lines[2].startswith("dry run: nothing was written; 1 file(s) would be refused")
        assert result.stderr == ""  # no bar when standard error is not a terminal
        assert "read-only" in one_line_error(cli("merge", master_path, alice, drop_root=True))
    finally:
        os.chmod(master_path, 0o644)
    assert everything(master_path) == before
    merged = cli("merge", master_path, alice)
    assert merged.returncode == 0 and "dry run" not in merged.stdout
    assert content(master_path) != []
