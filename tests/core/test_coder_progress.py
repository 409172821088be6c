"""Coders by rounds: done, in progress, not started (not started counts articles without a
status from that coder)."""

from __future__ import annotations

from pathlib import Path

from annotator.core.coder_progress import ProgressRow, coder_progress
from annotator.core.session import ProjectSession
from tests.round_projects import make_master


def test_progress_per_round_and_coder(tmp_path: Path, seed_files: list[Path]):
    with make_master(tmp_path, seed_files, count=5) as master:
        ids = master.articles.ids()
        master.rounds.add("training 1", "2026-12-01", ids[:2])
        master.rounds.add("main", "", ids[2:])
        master.statuses.set(ids[0], "alice", "done")
        master.statuses.set(ids[1], "alice", "in_progress")
        master.statuses.set(ids[2], "alice", "done")
        master.statuses.set(ids[3], "bob", "not_started")
        master.statuses.set(ids[4], "bob", "in_progress")
        rows = coder_progress(master)
        assert rows == [
            ProgressRow(None, "alice", 2, 1, 2, 5),
            ProgressRow(None, "bob", 0, 1, 4, 5),
            ProgressRow("training 1", "alice", 1, 1, 0, 2),
            ProgressRow("training 1", "bob", 0, 0, 2, 2),
            ProgressRow("main", "alice", 1, 0, 2, 3),
            ProgressRow("main", "bob", 0, 1, 2, 3),
        ]
        assert ProjectSession(master).progress() == rows


def test_no_coders_no_rows_and_no_rounds_only_all_articles(tmp_path: Path,
                                                           seed_files: list[Path]):
    with make_master(tmp_path, seed_files, count=2) as master:
        assert coder_progress(master) == []
        master.statuses.set(master.articles.ids()[1], "carol", "done")
        assert coder_progress(master) == [ProgressRow(None, "carol", 1, 0, 1, 2)]
