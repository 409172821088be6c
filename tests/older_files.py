"""Turning a current project file back into what an older version wrote, to test migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def make_format_5(path: Path) -> None:
    """The file as format 5 wrote it: no calibration rounds (migration 6)."""
    conn = sqlite3.connect(path)
    with conn:
        _drop_token_lemmas(conn)
        _drop_rounds(conn)
        conn.execute("PRAGMA user_version = 5")
    conn.close()


def make_format_7(path: Path) -> None:
    """The file as format 7 wrote it: no lemma index beside the token bounds (migration 8)."""
    conn = sqlite3.connect(path)
    with conn:
        _drop_token_lemmas(conn)
        conn.execute("PRAGMA user_version = 7")
    conn.close()


def _drop_token_lemmas(conn: sqlite3.Connection) -> None:
    _drop_cue_conditions(conn)
    conn.execute("ALTER TABLE article_tokens DROP COLUMN lemmas")


def _drop_cue_conditions(conn: sqlite3.Connection) -> None:
    conn.execute("DROP TABLE cue_conditions")


def make_format_8(path: Path) -> None:
    """The file as format 8 wrote it: no cue conditions (migration 9)."""
    conn = sqlite3.connect(path)
    with conn:
        _drop_cue_conditions(conn)
        conn.execute("PRAGMA user_version = 8")
    conn.close()


def _drop_rounds(conn: sqlite3.Connection) -> None:
    conn.execute("DROP TABLE round_articles")
    conn.execute("DROP TABLE rounds")


def make_format_2(path: Path) -> None:
    """The file as format 2 wrote it: no revisions (migration 3), no article codes (4)."""
    conn = sqlite3.connect(path)
    with conn:
        _drop_token_lemmas(conn)
        _drop_rounds(conn)
        conn.execute("DROP TABLE article_codes")
        for table in ("gold_spans", "gold_codes", "adjudication"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DROP TRIGGER articles_text_frozen_by_gold")
        for table in ("annotations", "article_status"):
            for column in ("rev", "rev_file", "seen"):
                conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        conn.execute("DELETE FROM meta WHERE key IN ('file_id', 'clock')")
        conn.execute("PRAGMA user_version = 2")
    conn.close()


def make_format_6(path: Path) -> None:
    """The file as format 6 wrote it: its token caches made by tokenizer rules 1, which made
    tokens of whitespace (migration 7 drops them). The caches' rows are relabelled, so a test
    stores the old bounds first."""
    conn = sqlite3.connect(path)
    with conn:
        _drop_token_lemmas(conn)
        for table in ("article_tokens", "article_cues"):
            conn.execute(f"UPDATE {table} SET tokenizer = replace(tokenizer, ' rules 2', ' rules 1')")
        conn.execute("PRAGMA user_version = 6")
    conn.close()
