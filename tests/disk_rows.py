"""A project file's rows as another program reads them (plain sqlite3, not the store)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def spans_on_disk(path: Path) -> list[tuple]:
    """Every span row, oldest first: uuid, start, end, covered text, label, note, deleted (0/1)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT uuid, start_offset, end_offset, text, label, note, deleted_at IS NOT NULL "
            "FROM annotations ORDER BY rowid"
        ).fetchall()
    finally:
        conn.close()
