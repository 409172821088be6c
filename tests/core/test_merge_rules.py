"""Merge by identity and revision (issue 8): hijacked UUIDs, skewed clocks, conflicts, order,
deletions that travel through JSONL. Real project files, real assign/merge/export/import."""

from __future__ import annotations

import io
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from annotator.core.assign import assign
from annotator.core.errors import ProjectError
from annotator.core.exporters import write_jsonl
from annotator.core.importers import import_paths
from annotator.core.merge import merge
from annotator.core.store import Project
from annotator.core.store import project as project_module
from annotator.core.tokenizer import tokenizer_id


@pytest.fixture
def master_path(tmp_path: Path, seed_files: list[Path]) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    base = [p.read_text(encoding="utf-8") for p in seed_files]
    for k in range(4):
        (folder / f"a{k}.txt").write_text(f"記事{k}\n" + base[k % 2][:1200], encoding="utf-8")
    path = tmp_path / "master.annot"
    with Project.create(path) as project:
        import_paths(project, [folder])
    return path


def span_at(project: Project, article_id: int, k: int) -> tuple[int, int]:
    bounds = project.tokens.bounds(article_id, tokenizer_id())
    return bounds[k][0], bounds[k + 1][1]


def content(path: Path) -> list[tuple]:
    """What a merge decides: every span's and status's content and revision (not row order)."""
    with sqlite3.connect(path) as conn:
        spans = conn.execute(
            "SELECT s.uuid, a.sha256, coder, label, start_offset, end_offset, note, "
            "deleted_at IS NOT NULL, rev, rev_file, seen FROM annotations s "
            "JOIN articles a ON a.id = s.article_id ORDER BY uuid"
        ).fetchall()
        statuses = conn.execute(
            "SELECT a.sha256, coder, status, rev, rev_file, seen FROM article_status s "
            "JOIN articles a ON a.id = s.article_id ORDER BY 1, 2"
        ).fetchall()
    return spans + statuses


def skew(monkeypatch: pytest.MonkeyPatch, days: float) -> None:
    """This process's clock runs ``days`` ahead (or behind): every timestamp it writes is off."""
    def skewed() -> str:
        when = datetime.now(timezone.utc) + timedelta(days=days)
        return when.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    monkeypatch.setattr(project_module, "now", skewed)


def copy_for(master_path: Path, coder: str, out: Path) -> Path:
    with Project.open(master_path) as master:
        assign(master, coder, out)
    return out


def coded_copy(master_path: Path, tmp_path: Path) -> tuple[Path, str]:
    """Alice's blind copy with one span of hers in the first article."""
    alice = copy_for(master_path, "alice", tmp_path / "alice.annot")
    with Project.open(alice) as copy:
        article = copy.articles.ids()[0]
        s, e = span_at(copy, article, 3)
        return alice, copy.annotations.add(article, "alice", "security_concern", s, e).uuid


def test_a_reused_uuid_for_another_coder_and_article_is_refused(master_path: Path, tmp_path: Path):
    alice = copy_for(master_path, "alice", tmp_path / "alice.annot")
    carol = copy_for(master_path, "carol", tmp_path / "carol.annot")
    with Project.open(alice) as copy:
        first = copy.articles.ids()[0]
        s, e = span_at(copy, first, 3)
        uuid = copy.annotations.add(first, "alice", "security_concern", s, e, "alice's").uuid
    with Project.open(master_path) as master:
        merge(master, [alice])
    before = content(master_path)
    with Project.open(carol) as copy:  # a hostile file: alice's UUID, carol, another article
        second = copy.articles.ids()[1]
        s, e = span_at(copy, second, 5)
        forged = copy.annotations.add(second, "carol", "economic_interest", s, e, "carol's")
        copy.db.execute("UPDATE annotations SET uuid = ? WHERE uuid = ?", [uuid, forged.uuid])
    with Project.open(master_path) as master:
        with pytest.raises(ProjectError) as caught:
            merge(master, [carol])
    message = str(caught.value)
    assert str(carol) in message and uuid in message
    assert "article" in message and "coder" in message and "nothing was merged" in message
    assert content(master_path) == before


def test_a_reused_uuid_with_other_offsets_is_refused(master_path: Path, tmp_path: Path):
    alice = copy_for(master_path, "alice", tmp_path / "alice.annot")
    with Project.open(alice) as copy:
        first = copy.articles.ids()[0]
        s, e = span_at(copy, first, 3)
        uuid = copy.annotations.add(first, "alice", "security_concern", s, e).uuid
    with Project.open(master_path) as master:
        merge(master, [alice])
    with Project.open(alice) as copy:
        text = copy.articles.get(first).text
        copy.db.execute(
            "UPDATE annotations SET start_offset = ?, end_offset = ?, text = ? WHERE uuid = ?",
            [s + 1, e + 1, text[s + 1:e + 1], uuid],
        )
    with Project.open(master_path) as master:
        with pytest.raises(ProjectError, match=r"differs .* in start, end"):
            merge(master, [alice])


@pytest.mark.parametrize("days", [365, -365])
def test_a_skewed_laptop_clock_changes_nothing_about_the_outcome(
    master_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, days: int
):
    alice = copy_for(master_path, "alice", tmp_path / "alice.annot")
    with Project.open(alice) as copy:
        first = copy.articles.ids()[0]
        s, e = span_at(copy, first, 3)
        keep = copy.annotations.add(first, "alice", "security_concern", s, e).uuid
        s2, e2 = span_at(copy, first, 8)
        drop = copy.annotations.add(first, "alice", "self_reliance", s2, e2).uuid
        copy.statuses.set(first, "alice", "done")
    with Project.open(master_path) as master:
        merge(master, [alice])
    # Alice's laptop clock is now a year off; she relabels, deletes and reopens.
    with monkeypatch.context() as m:
        skew(m, days)
        with Project.open(alice) as copy:
            copy.annotations.update(keep, label="economic_interest", note="relabelled")
            copy.annotations.delete(drop)
            copy.statuses.set(first, "alice", "in_progress")
    with Project.open(master_path) as master:
        report = merge(master, [alice])
        assert report.files[0].spans.changed == 1 and report.files[0].spans.removed == 1
        assert master.annotations.get(keep).label == "economic_interest"
        assert master.annotations.get(drop).deleted
        target = master.articles.by_sha(master.articles.get(master.articles.ids()[0]).sha256)
        assert master.statuses.get(target, "alice") == "in_progress"
        # The lead's later correction, made with a right clock, wins over the skewed edit.
        master.annotations.update(keep, label="self_reliance", note="lead's correction")
    with Project.open(master_path) as master:
        assert "nothing new" in merge(master, [alice]).summary()
        assert master.annotations.get(keep).note == "lead's correction"


def test_a_garbage_timestamp_does_not_win_forever(master_path: Path, tmp_path: Path):
    alice = copy_for(master_path, "alice", tmp_path / "alice.annot")
    with Project.open(alice) as copy:
        first = copy.articles.ids()[0]
        s, e = span_at(copy, first, 3)
        uuid = copy.annotations.add(first, "alice", "security_concern", s, e).uuid
        copy.db.execute("UPDATE annotations SET updated_at = 'zzzz'")
    with Project.open(master_path) as master:
        merge(master, [alice])
        master.annotations.update(uuid, note="later")
        assert "nothing new" in merge(master, [alice]).summary()
        assert master.annotations.get(uuid).note == "later"


def two_edits_of_one_span(master_path: Path, tmp_path: Path) -> tuple[Path, Path, str]:
    """Alice's span, edited differently in her first copy and in a copy issued later."""
    first_copy = copy_for(master_path, "alice", tmp_path / "alice1.annot")
    with Project.open(first_copy) as copy:
        article = copy.articles.ids()[0]
        s, e = span_at(copy, article, 3)
        uuid = copy.annotations.add(article, "alice", "security_concern", s, e).uuid
    with Project.open(master_path) as master:
        merge(master, [first_copy])
    second_copy = copy_for(master_path, "alice", tmp_path / "alice2.annot")
    with Project.open(first_copy) as copy:
        copy.annotations.update(uuid, label="economic_interest", note="in the old copy")
    with Project.open(second_copy) as copy:
        copy.annotations.update(uuid, label="self_reliance", note="in the new copy")
        copy.statuses.set(copy.articles.ids()[1], "alice", "done")
    return first_copy, second_copy, uuid


def test_merge_order_does_not_matter_and_conflicts_are_listed(master_path: Path, tmp_path: Path):
    one, two, uuid = two_edits_of_one_span(master_path, tmp_path)
    other_master = tmp_path / "master2.annot"
    other_master.write_bytes(master_path.read_bytes())
    with Project.open(master_path) as master:
        forward = merge(master, [one, two])
    with Project.open(other_master) as master:
        backward = merge(master, [two, one])
    assert content(master_path) == content(other_master)
    conflicts = forward.files[1].conflicts + backward.files[1].conflicts
    assert len(conflicts) == 2 and all(uuid in c for c in conflicts)
    assert "conflict" in forward.summary() and uuid in forward.summary()
    # Merging either again changes nothing.
    with Project.open(master_path) as master:
        assert all("nothing new" in line for line in merge(master, [one, two]).summary().split("\n"))


def test_equal_revisions_with_different_content_resolve_the_same_in_any_order(
    master_path: Path, tmp_path: Path
):
    """A copy duplicated by hand: both files claim the same revision for different edits."""
    alice, uuid = coded_copy(master_path, tmp_path)
    twin = tmp_path / "twin.annot"
    twin.write_bytes(alice.read_bytes())
    with Project.open(alice) as copy:
        copy.annotations.update(uuid, note="one")
    with Project.open(twin) as copy:
        copy.annotations.update(uuid, note="two")
    other_master = tmp_path / "master2.annot"
    other_master.write_bytes(master_path.read_bytes())
    with Project.open(master_path) as master:
        merge(master, [alice, twin])
    with Project.open(other_master) as master:
        merge(master, [twin, alice])
    assert content(master_path) == content(other_master)


def test_deletions_travel_through_jsonl(master_path: Path, tmp_path: Path):
    alice, uuid = coded_copy(master_path, tmp_path)
    old_copy = tmp_path / "alice-old.annot"
    old_copy.write_bytes(alice.read_bytes())  # the span still live in this one
    with Project.open(alice) as copy:
        copy.annotations.delete(uuid)
    with Project.open(master_path) as master:
        report = merge(master, [alice])
        assert report.files[0].spans.removed == 0 and report.files[0].spans.tombstones == 1
        assert "never had" in report.summary()
        buffer = io.StringIO()
        write_jsonl(master, buffer)
    exported = tmp_path / "master.jsonl"
    exported.write_text(buffer.getvalue(), encoding="utf-8")
    assert '"deleted": "' in buffer.getvalue()
    rebuilt = tmp_path / "rebuilt.annot"
    with Project.create(rebuilt) as project:
        import_paths(project, [exported])
        assert project.annotations.get(uuid).deleted
        report = merge(project, [old_copy])
        assert project.annotations.get(uuid).deleted
        assert report.files[0].spans.added == 0
    assert content(rebuilt) == content(master_path)


def test_merge_never_writes_the_returned_file(master_path: Path, tmp_path: Path):
    alice, _uuid = coded_copy(master_path, tmp_path)
    before = alice.read_bytes()
    listing = sorted(p.name for p in tmp_path.iterdir())
    with Project.open(master_path) as master:
        merge(master, [alice])
    assert alice.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing
