"""Numbered, named migrations of the project file.

``PRAGMA user_version`` holds the number of the last migration applied. Tables are written out
here in full (never inferred from a first record). A file that already holds data is backed up
before it is migrated; a file from a newer version is refused before anything is written.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from annotator.core import files
from annotator.core.errors import ProjectError

#: PRAGMA application_id of a project file: "FRMA".
APPLICATION_ID = 0x46524D41


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "initial",
        (
            """CREATE TABLE meta (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )""",
            """CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                external_id TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL DEFAULT '',
                source TEXT NOT NULL DEFAULT '',
                published TEXT NOT NULL DEFAULT '',
                text TEXT NOT NULL,
                sha256 TEXT NOT NULL UNIQUE,
                meta TEXT NOT NULL DEFAULT '{}',
                origin TEXT NOT NULL DEFAULT '',
                imported_at TEXT NOT NULL
            )""",
            """CREATE TABLE article_tokens (
                article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                tokenizer TEXT NOT NULL,
                bounds BLOB NOT NULL
            )""",
            """CREATE TABLE coders (
                name TEXT PRIMARY KEY,
                added_at TEXT NOT NULL
            )""",
            """CREATE TABLE annotations (
                uuid TEXT PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id),
                coder TEXT NOT NULL REFERENCES coders(name),
                label TEXT NOT NULL,
                start_offset INTEGER NOT NULL,
                end_offset INTEGER NOT NULL,
                text TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT,
                CHECK (start_offset >= 0 AND end_offset > start_offset)
            )""",
            "CREATE INDEX annotations_by_article ON annotations(article_id, coder)",
            """CREATE TABLE article_status (
                article_id INTEGER NOT NULL REFERENCES articles(id),
                coder TEXT NOT NULL REFERENCES coders(name),
                status TEXT NOT NULL
                    CHECK (status IN ('not_started', 'in_progress', 'done')),
                updated_at TEXT NOT NULL,
                PRIMARY KEY (article_id, coder)
            )""",
            # Offsets point into the text: once a span exists, the text is frozen.
            """CREATE TRIGGER articles_text_frozen
                BEFORE UPDATE OF text ON articles
                WHEN NEW.text IS NOT OLD.text
                    AND EXISTS (SELECT 1 FROM annotations WHERE article_id = OLD.id)
                BEGIN
                    SELECT RAISE(ABORT, 'article text is annotated and cannot change');
                END""",
        ),
    ),
    Migration(
        2,
        "cue_cache",
        (
            # Cue highlights need every token's lemma, which costs more than the tokens
            # themselves: they are computed when an article is first opened and kept here,
            # tied to the schema and tokenizer that produced them.
            """CREATE TABLE article_cues (
                article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                schema_sha256 TEXT NOT NULL,
                tokenizer TEXT NOT NULL,
                cues BLOB NOT NULL
            )""",
        ),
    ),
    Migration(
        3,
        "revisions",
        (
            # Which edit of a row wins a merge is decided by a revision, never by a clock:
            # ``rev`` is the Lamport counter of the edit, ``rev_file`` the file that made it,
            # ``seen`` the edits (file -> counter) the row has taken in. Rows written before
            # revisions existed get the time of their last edit (in ms) as counter under the
            # pseudo-file "legacy", so files migrated apart still order them as they used to.
            *(
                f"ALTER TABLE {table} ADD COLUMN {column}"
                for table in ("annotations", "article_status")
                for column in (
                    "rev INTEGER NOT NULL DEFAULT 0",
                    "rev_file TEXT NOT NULL DEFAULT ''",
                    "seen TEXT NOT NULL DEFAULT '{}'",
                )
            ),
            *(
                f"""UPDATE {table} SET rev = COALESCE(CAST(ROUND(
                        (julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0),
                    rev_file = 'legacy'"""
                for table in ("annotations", "article_status")
            ),
            "UPDATE annotations SET seen = json_object('legacy', rev)",
            "UPDATE article_status SET seen = json_object('legacy', rev)",
            # Every project file has an identity of its own (a blind copy gets a new one).
            """INSERT OR IGNORE INTO meta (key, value) VALUES ('file_id', lower(hex(randomblob(16))))""",
            """INSERT OR REPLACE INTO meta (key, value) VALUES ('clock', (
                SELECT CAST(max(0, COALESCE((SELECT max(rev) FROM annotations), 0),
                            COALESCE((SELECT max(rev) FROM article_status), 0)) AS TEXT)))""",
        ),
    ),
    Migration(
        4,
        "article_codes",
        (
            # Answers to the schema's article_codes, one row per article, coder and variable.
            # ``value`` is the answer as JSON (NULL: cleared, a recorded edit like a deletion).
            """CREATE TABLE article_codes (
                article_id INTEGER NOT NULL REFERENCES articles(id),
                coder TEXT NOT NULL REFERENCES coders(name),
                variable TEXT NOT NULL,
                value TEXT,
                updated_at TEXT NOT NULL,
                rev INTEGER NOT NULL DEFAULT 0,
                rev_file TEXT NOT NULL DEFAULT '',
                seen TEXT NOT NULL DEFAULT '{}',
                PRIMARY KEY (article_id, coder, variable)
            )""",
        ),
    ),
    Migration(
        5,
        "gold",
        (
            # The gold standard the lead adjudicates: master only, never a coder's row (so it
            # never appears among coders, statuses, blind copies or merges). Every row says
            # where it came from: ``source`` 'auto' (agreed, accepted by `annotator gold`) or
            # 'decided' (the lead), which coders had it exactly (``coders``, JSON list) or
            # overlapping (``overlapping``), who decided and why (``rationale``).
            """CREATE TABLE gold_spans (
                uuid TEXT PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id),
                label TEXT NOT NULL,
                start_offset INTEGER NOT NULL,
                end_offset INTEGER NOT NULL,
                text TEXT NOT NULL,
                source TEXT NOT NULL CHECK (source IN ('auto', 'decided')),
                coders TEXT NOT NULL DEFAULT '[]',
                overlapping TEXT NOT NULL DEFAULT '[]',
                decided_by TEXT NOT NULL DEFAULT '',
                rationale TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT,
                CHECK (start_offset >= 0 AND end_offset > start_offset)
            )""",
            "CREATE INDEX gold_spans_by_article ON gold_spans(article_id)",
            """CREATE TABLE gold_codes (
                article_id INTEGER NOT NULL REFERENCES articles(id),
                variable TEXT NOT NULL,
                value TEXT,
                source TEXT NOT NULL CHECK (source IN ('auto', 'decided')),
                coders TEXT NOT NULL DEFAULT '[]',
                decided_by TEXT NOT NULL DEFAULT '',
                rationale TEXT NOT NULL DEFAULT '',
                updated_at TEXT NOT NULL,
                PRIMARY KEY (article_id, variable)
            )""",
            """CREATE TABLE adjudication (
                article_id INTEGER PRIMARY KEY REFERENCES articles(id),
                status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done')),
                updated_at TEXT NOT NULL
            )""",
            # Offsets point into the text: gold spans freeze it like coders' spans do.
            """CREATE TRIGGER articles_text_frozen_by_gold
                BEFORE UPDATE OF text ON articles
                WHEN NEW.text IS NOT OLD.text
                    AND EXISTS (SELECT 1 FROM gold_spans WHERE article_id = OLD.id)
                BEGIN
                    SELECT RAISE(ABORT, 'article text is adjudicated and cannot change');
                END""",
        ),
    ),
    Migration(
        6,
        "rounds",
        (
            # Calibration rounds: named sets of articles with a date ("training 1", "main").
            # Master data: a blind copy carries the rounds of its own articles, merge and
            # JSONL ignore them. The id is the creation order (a rename keeps it).
            """CREATE TABLE rounds (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                date TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL
            )""",
            """CREATE TABLE round_articles (
                round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                PRIMARY KEY (round_id, article_id)
            )""",
            "CREATE INDEX round_articles_by_article ON round_articles(article_id)",
        ),
    ),
    Migration(
        7,
        "whitespace_tokens",
        (
            # Tokenizer rules 2: whitespace of every kind (U+3000, NBSP, U+2028, NEL, form
            # feed...) is no longer a token. The caches are keyed by tokenizer_id(), which the new
            # rules changed, so rows made under rules 1 would never be read again: drop them.
            # Token bounds and cues are computed again where needed (agreement computes them on
            # the fly, opening an article in the app stores them again).
            "DELETE FROM article_tokens WHERE tokenizer LIKE '% rules 1'",
            "DELETE FROM article_cues WHERE tokenizer LIKE '% rules 1'",
        ),
    ),
    Migration(
        8,
        "token_lemmas",
        (
            # The lemmas the cue lookup needs (those of tokens whose lemma is not their own
            # text), computed at import with the bounds and kept in the same row, so that
            # whatever rewrites an article's bounds also replaces or clears them. With them, the
            # first opening of an article (or the first after a schema change) finds its cue
            # spans without tokenizing again. NULL: not known; computed at the next opening.
            "ALTER TABLE article_tokens ADD COLUMN lemmas BLOB",
        ),
    ),
    Migration(
        9,
        "cue_conditions",
        (
            # Whether a coder's window showed the cue underlines in an article (1) or not (0):
            # the condition of a cue-free design (`assign --cues`). A blind copy holds the rows
            # of its own coder, written when it is made; the window reads them, and merge
            # records them in the master (an article the coder saw with cues in any copy is
            # recorded with cues). No row: cues were shown (as in every copy before this).
            """CREATE TABLE cue_conditions (
                article_id INTEGER NOT NULL REFERENCES articles(id),
                coder TEXT NOT NULL,
                cues INTEGER NOT NULL CHECK (cues IN (0, 1)),
                PRIMARY KEY (article_id, coder)
            )""",
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version

_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


def check_openable(conn: sqlite3.Connection, path: Path) -> int:
    """Return the file's version, or refuse a foreign or newer file. Reads only."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code not in (_SQLITE_CORRUPT, _SQLITE_NOTADB) and code:
            raise  # it could not be read (a full disk, an I/O error): the caller says so
        raise ProjectError(f"{path}: not a Framing Annotator project ({exc})") from None
    if app_id != APPLICATION_ID and (app_id != 0 or tables):
        raise ProjectError(
            f"{path}: this SQLite file is not a Framing Annotator project; "
            "create one with `annotator new`"
        )
    if version > LATEST_VERSION:
        raise ProjectError(
            f"{path}: written by a newer version of Framing Annotator (file format {version}; "
            f"this version reads up to {LATEST_VERSION}). Update the app to open it; "
            "the file was not changed."
        )
    return version


def backup_path(path: Path, version: int) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.name}.v{version}-{stamp}.bak")


def write_backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the file as it is to its backup before a migration: under a temporary name, renamed
    when whole. If the copy cannot be written, the migration is refused (one line) and the file
    stays as it was."""
    target = backup_path(path, version)
    try:
        with files.project_file(target) as partial:
            dest = sqlite3.connect(partial)
            try:
                conn.backup(dest)
            finally:
                dest.close()
    except (sqlite3.Error, OSError, files.WriteError) as exc:
        why = exc.reason if isinstance(exc, files.WriteError) else files.reason(exc, path.parent)
        raise ProjectError(
            f"{path}: cannot back it up before updating it to the current file format ({why}); "
            "the file was not changed"
        ) from None
    return target


def migrate(
    conn: sqlite3.Connection, path: Path, backup: bool = True, shown: Path | None = None
) -> list[str]:
    """Bring the file to :data:`LATEST_VERSION`; return the names of migrations applied.

    ``backup=False`` is for a copy in memory (a read-only file), which needs none; ``shown``
    is the name errors give the file (a new project is built under another name)."""
    current = check_openable(conn, shown or path)
    pending = [m for m in MIGRATIONS if m.version > current]
    if not pending:
        return []
    if current > 0 and backup:
        write_backup(conn, path, current)
    applied = []
    for migration in pending:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {migration.version}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        applied.append(f"{migration.version:03d}_{migration.name}")
    return applied
