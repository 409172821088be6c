"""One project = one SQLite file: articles, coders, annotations, statuses and the schema.

Every public method that changes something commits before it returns, so an edit survives a
crash the moment it is made. Several changes that must land together (an import) run inside
:meth:`Project.transaction`, where the inner commits become savepoints.
"""

from __future__ import annotations

import json
import sqlite3
import uuid as uuid_mod
from array import array
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from annotator import __version__
from annotator.core import migrations
from annotator.core.errors import ProjectError
from annotator.core.schema import Schema, default_schema, stored_schema
from annotator.core.text import text_sha256

STATUSES = ("not_started", "in_progress", "done")
_SQLITE_MAGIC = b"SQLite format 3\x00"


def now() -> str:
    """UTC timestamp with milliseconds, sortable as text."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Article:
    id: int
    external_id: str
    title: str
    source: str
    published: str
    text: str
    sha256: str
    meta: dict[str, Any] = field(default_factory=dict)
    origin: str = ""


@dataclass(frozen=True)
class ArticleSummary:
    """A row of the article list: no text, the statuses of every coder who has one."""

    id: int
    external_id: str
    title: str
    length: int
    statuses: dict[str, str]

    def status(self, coder: str) -> str:
        return self.statuses.get(coder, "not_started")


@dataclass(frozen=True)
class Annotation:
    uuid: str
    article_id: int
    coder: str
    label: str
    start: int
    end: int
    text: str
    note: str
    created_at: str
    updated_at: str
    deleted_at: str | None = None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


def validate_coder_name(name: str) -> str:
    """A coder name as stored: stripped, non-empty, printable, at most 64 characters."""
    cleaned = name.strip()
    if not cleaned:
        raise ProjectError("a coder name cannot be empty")
    if len(cleaned) > 64:
        raise ProjectError(f"coder name {cleaned[:20]!r}… is longer than 64 characters")
    if any(not ch.isprintable() for ch in cleaned):
        raise ProjectError(f"coder name {cleaned!r} contains control characters")
    return cleaned


class Project:
    """An open project file. Use :meth:`create` or :meth:`open`; close when done."""

    def __init__(self, path: Path, db: sqlite_utils.Database) -> None:
        self.path = path
        self.db = db
        self._schema: Schema | None = None

    # --- opening ------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, schema: Schema | None = None, name: str = "") -> Project:
        """Create a new project file; refuses to overwrite an existing file."""
        path = Path(path)
        if path.exists():
            raise ProjectError(f"{path}: already exists; choose another name or open it")
        if not path.parent.exists():
            raise ProjectError(f"{path.parent}: no such folder")
        schema = schema or default_schema()
        try:
            project = cls._connect(path)
        except sqlite3.Error as exc:
            raise ProjectError(f"{path}: cannot create the project file ({exc})") from None
        with project.transaction():
            project._set_meta("name", name or path.stem)
            project._set_meta("created_at", now())
            project._set_meta("created_by", f"framing-annotator {__version__}")
            project._set_meta("schema_json", schema.to_json())
            project._set_meta("schema_sha256", schema.sha256)
        return project

    @classmethod
    def open(cls, path: str | Path) -> Project:
        """Open an existing project, migrating it (after a backup) if it is older."""
        path = Path(path)
        if not path.exists():
            raise ProjectError(f"{path}: no such project file (create one with `annotator new`)")
        if path.is_dir():
            raise ProjectError(f"{path}: is a folder, not a project file")
        try:
            with path.open("rb") as fh:
                head = fh.read(len(_SQLITE_MAGIC))
        except OSError as exc:
            raise ProjectError(f"{path}: cannot read ({exc.strerror})") from None
        if head != _SQLITE_MAGIC:
            raise ProjectError(f"{path}: not a Framing Annotator project (not an SQLite file)")
        try:
            project = cls._connect(path, create=False)
        except sqlite3.Error as exc:
            raise ProjectError(f"{path}: cannot open ({exc})") from None
        if project._meta("schema_json") is None:
            project.close()
            raise ProjectError(f"{path}: the project file has no schema; it is damaged")
        return project

    @classmethod
    def _connect(cls, path: Path, create: bool = True) -> Project:
        conn = sqlite3.connect(str(path))
        try:
            # Before any write: a newer, foreign or empty file stays exactly as it is.
            version = migrations.check_openable(conn, path)
            if version == 0 and not create:
                raise ProjectError(
                    f"{path}: not a Framing Annotator project (it has no project tables); "
                    "create a project with `annotator new`"
                )
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")  # a dead battery loses no committed edit
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 5000")
            migrations.migrate(conn, path)
        except BaseException:
            conn.close()
            raise
        return cls(path, sqlite_utils.Database(conn, execute_plugins=False))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Project]:
        """All or nothing: everything inside commits together or not at all."""
        with self.db.atomic():
            yield self

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write: its own transaction, or part of the caller's (no savepoint needed, since
        a failure inside a transaction aborts all of it)."""
        if self.db.conn.in_transaction:
            yield
        else:
            with self.db.atomic():
                yield

    # --- metadata -----------------------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        with self._write():
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    @property
    def name(self) -> str:
        return self._meta("name") or self.path.stem

    @property
    def assigned_coder(self) -> str | None:
        """The coder a blind copy was made for (None in a master project)."""
        return self._meta("assigned_coder")

    def set_assignment(self, coder: str, master_name: str) -> None:
        with self._write():
            self._set_meta("assigned_coder", coder)
            self._set_meta("master_name", master_name)

    @property
    def schema(self) -> Schema:
        if self._schema is None:
            self._schema = stored_schema(
                self._meta("schema_json") or "",
                self._meta("schema_sha256") or "",
                f"{self.path} schema",
            )
        return self._schema

    # --- articles -----------------------------------------------------------------------

    def add_article(
        self,
        *,
        external_id: str,
        text: str,
        title: str = "",
        source: str = "",
        published: str = "",
        meta: dict[str, Any] | None = None,
        origin: str = "",
        bounds: Sequence[tuple[int, int]] | array | None = None,
        tokenizer: str = "",
        sha256: str | None = None,
    ) -> int:
        """Store a normalized text; the caller has checked for duplicates. Returns the id."""
        with self._write():
            cur = self.db.execute(
                "INSERT INTO articles (external_id, title, source, published, text, sha256, "
                "meta, origin, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    external_id,
                    title,
                    source,
                    published,
                    text,
                    sha256 or text_sha256(text),
                    json.dumps(meta or {}, ensure_ascii=False),
                    origin,
                    now(),
                ],
            )
            article_id = int(cur.lastrowid)
            if bounds is not None:
                self.store_bounds(article_id, bounds, tokenizer)
        return article_id

    def article_by_sha(self, sha256: str) -> int | None:
        row = self.db.execute("SELECT id FROM articles WHERE sha256 = ?", [sha256]).fetchone()
        return row[0] if row else None

    def article_by_external_id(self, external_id: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM articles WHERE external_id = ?", [external_id]
        ).fetchone()
        return row[0] if row else None

    def article(self, article_id: int) -> Article:
        row = self.db.execute(
            "SELECT id, external_id, title, source, published, text, sha256, meta, origin "
            "FROM articles WHERE id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            raise ProjectError(f"{self.path}: no article with id {article_id}")
        return Article(*row[:7], meta=json.loads(row[7]), origin=row[8])

    def find_article(self, ref: str) -> Article:
        """An article by its external id or, failing that, by its number in the list (1-based)."""
        found = self.article_by_external_id(ref)
        if found is None and ref.isdigit():
            ids = self.article_ids()
            if 1 <= int(ref) <= len(ids):
                found = ids[int(ref) - 1]
        if found is None:
            raise ProjectError(
                f"{self.path}: no article {ref!r}; `annotator articles` lists their ids"
            )
        return self.article(found)

    def article_ids(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def articles(self) -> list[ArticleSummary]:
        """All articles in import order, with every coder's status."""
        statuses: dict[int, dict[str, str]] = {}
        for article_id, coder, status in self.db.execute(
            "SELECT article_id, coder, status FROM article_status"
        ):
            statuses.setdefault(article_id, {})[coder] = status
        return [
            ArticleSummary(aid, ext, title, length, statuses.get(aid, {}))
            for aid, ext, title, length in self.db.execute(
                "SELECT id, external_id, title, length(text) FROM articles ORDER BY id"
            )
        ]

    def is_annotated(self, article_id: int) -> bool:
        """Whether any span (even a deleted one) points into this article's text."""
        row = self.db.execute(
            "SELECT 1 FROM annotations WHERE article_id = ? LIMIT 1", [article_id]
        ).fetchone()
        return row is not None

    def replace_text(
        self, article_id: int, text: str, bounds: list[tuple[int, int]], tokenizer: str
    ) -> None:
        """Change a text nobody has annotated yet (trimming); refused once annotated."""
        article = self.article(article_id)
        if self.is_annotated(article_id):
            raise ProjectError(
                f"article {article.external_id!r} already has annotations; its text can no "
                "longer change"
            )
        sha = text_sha256(text)
        other = self.article_by_sha(sha)
        if other is not None and other != article_id:
            raise ProjectError(
                f"article {article.external_id!r}: the trimmed text is identical to article "
                f"{self.article(other).external_id!r}"
            )
        with self._write():
            self.db.execute(
                "UPDATE articles SET text = ?, sha256 = ? WHERE id = ?", [text, sha, article_id]
            )
            self.db.execute("DELETE FROM article_cues WHERE article_id = ?", [article_id])
            self.store_bounds(article_id, bounds, tokenizer)

    # --- token cache --------------------------------------------------------------------

    def store_bounds(
        self, article_id: int, bounds: Sequence[tuple[int, int]] | array, tokenizer: str
    ) -> None:
        """Keep an article's token boundaries (computed at import) for snapping and agreement.

        ``bounds`` is a list of (start, end) pairs or an array of them laid flat.
        """
        flat = bounds if isinstance(bounds, array) else array("I", chain.from_iterable(bounds))
        with self._write():
            self.db.execute(
                "INSERT INTO article_tokens (article_id, tokenizer, bounds) VALUES (?, ?, ?) "
                "ON CONFLICT(article_id) DO UPDATE SET tokenizer = excluded.tokenizer, "
                "bounds = excluded.bounds",
                [article_id, tokenizer, flat.tobytes()],
            )

    def store_cues(
        self,
        article_id: int,
        schema_sha256: str,
        tokenizer: str,
        cues: Sequence[tuple[int, int, int]] | array,
    ) -> None:
        """Keep an article's cue spans as (start, end, label index) for the next opening."""
        flat = cues if isinstance(cues, array) else array("I", chain.from_iterable(cues))
        with self._write():
            self.db.execute(
                "INSERT INTO article_cues (article_id, schema_sha256, tokenizer, cues) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET "
                "schema_sha256 = excluded.schema_sha256, tokenizer = excluded.tokenizer, "
                "cues = excluded.cues",
                [article_id, schema_sha256, tokenizer, flat.tobytes()],
            )

    def cached_cues(
        self, article_id: int, schema_sha256: str, tokenizer: str
    ) -> list[tuple[int, int, int]] | None:
        row = self.db.execute(
            "SELECT schema_sha256, tokenizer, cues FROM article_cues WHERE article_id = ?",
            [article_id],
        ).fetchone()
        if row is None or row[0] != schema_sha256 or row[1] != tokenizer:
            return None
        flat = array("I")
        flat.frombytes(row[2])
        return list(zip(flat[0::3], flat[1::3], flat[2::3]))

    def cached_bounds(self, article_id: int, tokenizer: str) -> list[tuple[int, int]] | None:
        """Token boundaries stored at import, if they came from the same tokenizer."""
        flat = self.cached_bounds_flat(article_id, tokenizer)
        return None if flat is None else list(zip(flat[0::2], flat[1::2]))

    def cached_bounds_flat(self, article_id: int, tokenizer: str) -> array | None:
        """The same, laid flat (start, end, start, end, ...), without a tuple per token."""
        row = self.db.execute(
            "SELECT tokenizer, bounds FROM article_tokens WHERE article_id = ?", [article_id]
        ).fetchone()
        if row is None or row[0] != tokenizer:
            return None
        flat = array("I")
        flat.frombytes(row[1])
        return flat

    # --- coders -------------------------------------------------------------------------

    def coders(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM coders ORDER BY name")]

    def add_coder(self, name: str) -> str:
        """Register a coder (idempotent); returns the stored name."""
        name = validate_coder_name(name)
        with self._write():
            self.db.execute(
                "INSERT INTO coders (name, added_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING",
                [name, now()],
            )
        return name

    # --- annotations --------------------------------------------------------------------

    _ANN_COLUMNS = (
        "uuid, article_id, coder, label, start_offset, end_offset, text, note, "
        "created_at, updated_at, deleted_at"
    )

    def annotations(
        self,
        article_id: int | None = None,
        coder: str | None = None,
        include_deleted: bool = False,
    ) -> list[Annotation]:
        """Spans in text order (start, then longer first)."""
        where, params = [], []
        if article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        if coder is not None:
            where.append("coder = ?")
            params.append(coder)
        if not include_deleted:
            where.append("deleted_at IS NULL")
        sql = f"SELECT {self._ANN_COLUMNS} FROM annotations"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY article_id, start_offset, end_offset DESC, created_at, uuid"
        return [Annotation(*row) for row in self.db.execute(sql, params)]

    def annotation(self, uuid: str) -> Annotation:
        row = self.db.execute(
            f"SELECT {self._ANN_COLUMNS} FROM annotations WHERE uuid = ?", [uuid]
        ).fetchone()
        if row is None:
            raise ProjectError(f"no annotation {uuid}")
        return Annotation(*row)

    def check_span(self, article: Article, label: str, start: int, end: int) -> None:
        if label not in self.schema.label_ids:
            known = ", ".join(self.schema.label_ids)
            raise ProjectError(f"unknown label {label!r}; this project's labels are: {known}")
        if not (0 <= start < end <= len(article.text)):
            raise ProjectError(
                f"span {start}-{end} is outside article {article.external_id!r} "
                f"(its text has {len(article.text)} characters) or empty"
            )

    def add_annotation(
        self,
        article_id: int,
        coder: str,
        label: str,
        start: int,
        end: int,
        note: str = "",
        *,
        uuid: str | None = None,
        created_at: str | None = None,
        updated_at: str | None = None,
    ) -> Annotation:
        """Create a span and commit it; the covered text is stored as a check."""
        article = self.article(article_id)
        self.check_span(article, label, start, end)
        coder = self.add_coder(coder)
        created = created_at or now()
        ann = Annotation(
            uuid=uuid or str(uuid_mod.uuid4()),
            article_id=article_id,
            coder=coder,
            label=label,
            start=start,
            end=end,
            text=article.text[start:end],
            note=note,
            created_at=created,
            updated_at=updated_at or created,
        )
        with self._write():
            try:
                self.db.execute(
                    f"INSERT INTO annotations ({self._ANN_COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        ann.uuid, ann.article_id, ann.coder, ann.label, ann.start, ann.end,
                        ann.text, ann.note, ann.created_at, ann.updated_at, None,
                    ],
                )
            except sqlite3.IntegrityError:
                raise ProjectError(f"an annotation with uuid {ann.uuid} already exists") from None
        return ann

    def update_annotation(
        self, uuid: str, *, label: str | None = None, note: str | None = None
    ) -> Annotation:
        """Relabel a span or change its note."""
        old = self.annotation(uuid)
        if label is not None and label not in self.schema.label_ids:
            raise ProjectError(f"unknown label {label!r}")
        with self._write():
            self.db.execute(
                "UPDATE annotations SET label = ?, note = ?, updated_at = ? WHERE uuid = ?",
                [label if label is not None else old.label,
                 note if note is not None else old.note, now(), uuid],
            )
        return self.annotation(uuid)

    def delete_annotation(self, uuid: str) -> Annotation:
        """Mark a span deleted. The row stays, so a merge cannot bring it back."""
        self.annotation(uuid)
        with self._write():
            stamp = now()
            self.db.execute(
                "UPDATE annotations SET deleted_at = ?, updated_at = ? WHERE uuid = ?",
                [stamp, stamp, uuid],
            )
        return self.annotation(uuid)

    def restore_annotation(self, uuid: str) -> Annotation:
        """Undo a deletion."""
        self.annotation(uuid)
        with self._write():
            self.db.execute(
                "UPDATE annotations SET deleted_at = NULL, updated_at = ? WHERE uuid = ?",
                [now(), uuid],
            )
        return self.annotation(uuid)

    def insert_annotation_row(self, ann: Annotation, article_id: int) -> None:
        """Store a span from another project file as it is (uuid, times, deletion)."""
        article = self.article(article_id)
        self.check_span(article, ann.label, ann.start, ann.end)
        if article.text[ann.start : ann.end] != ann.text:
            raise ProjectError(
                f"span {ann.uuid} in article {article.external_id!r} covers {ann.text!r} but the "
                f"text there is {article.text[ann.start:ann.end]!r}"
            )
        self.add_coder(ann.coder)
        with self._write():
            self.db.execute(
                f"INSERT INTO annotations ({self._ANN_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [ann.uuid, article_id, ann.coder, ann.label, ann.start, ann.end, ann.text,
                 ann.note, ann.created_at, ann.updated_at, ann.deleted_at],
            )

    def overwrite_annotation_row(self, ann: Annotation) -> None:
        """Take a newer version of a span (label, note, deletion) from another file."""
        if ann.label not in self.schema.label_ids:
            raise ProjectError(f"unknown label {ann.label!r}")
        with self._write():
            self.db.execute(
                "UPDATE annotations SET label = ?, note = ?, updated_at = ?, deleted_at = ? "
                "WHERE uuid = ?",
                [ann.label, ann.note, ann.updated_at, ann.deleted_at, ann.uuid],
            )

    # --- status -------------------------------------------------------------------------

    def status(self, article_id: int, coder: str) -> str:
        row = self.db.execute(
            "SELECT status FROM article_status WHERE article_id = ? AND coder = ?",
            [article_id, coder],
        ).fetchone()
        return row[0] if row else "not_started"

    def set_status(self, article_id: int, coder: str, status: str) -> str:
        """Set one coder's status of one article; returns the previous status."""
        if status not in STATUSES:
            raise ProjectError(f"unknown status {status!r}; use one of: {', '.join(STATUSES)}")
        self.article(article_id)
        coder = validate_coder_name(coder)
        previous = self.status(article_id, coder)
        self.put_status(article_id, coder, status, now())
        return previous

    def status_updated_at(self, article_id: int, coder: str) -> str | None:
        row = self.db.execute(
            "SELECT updated_at FROM article_status WHERE article_id = ? AND coder = ?",
            [article_id, coder],
        ).fetchone()
        return row[0] if row else None

    def put_status(self, article_id: int, coder: str, status: str, updated_at: str | None) -> None:
        """Store a status from another project file with its own time (used by merge)."""
        if status not in STATUSES:
            raise ProjectError(f"unknown status {status!r}")
        coder = self.add_coder(coder)
        with self._write():
            self.db.execute(
                "INSERT INTO article_status (article_id, coder, status, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(article_id, coder) DO UPDATE SET "
                "status = excluded.status, updated_at = excluded.updated_at",
                [article_id, coder, status, updated_at or now()],
            )

    def statuses(self, article_id: int) -> dict[str, str]:
        return dict(
            self.db.execute(
                "SELECT coder, status FROM article_status WHERE article_id = ? ORDER BY coder",
                [article_id],
            ).fetchall()
        )

    # --- copying between project files ------------------------------------------------

    _ARTICLE_COLUMNS = (
        "id, external_id, title, source, published, text, sha256, meta, origin, imported_at"
    )

    def copy_articles_from(self, source: Path, article_ids: list[int], coder: str) -> None:
        """Copy articles (with their token and cue caches) and one coder's own annotations
        and statuses from another project file, in one transaction."""
        conn = self.db.conn
        conn.execute("ATTACH DATABASE ? AS src", [str(source)])
        try:
            with self.transaction():
                conn.execute("CREATE TEMP TABLE pick (id INTEGER PRIMARY KEY)")
                conn.executemany("INSERT INTO temp.pick (id) VALUES (?)", [(i,) for i in article_ids])
                picked = "IN (SELECT id FROM temp.pick)"
                conn.execute(
                    f"INSERT INTO articles ({self._ARTICLE_COLUMNS}) "
                    f"SELECT {self._ARTICLE_COLUMNS} FROM src.articles WHERE id {picked}"
                )
                conn.execute(
                    "INSERT INTO article_tokens (article_id, tokenizer, bounds) SELECT "
                    f"article_id, tokenizer, bounds FROM src.article_tokens WHERE article_id {picked}"
                )
                conn.execute(
                    "INSERT INTO article_cues (article_id, schema_sha256, tokenizer, cues) SELECT "
                    "article_id, schema_sha256, tokenizer, cues FROM src.article_cues "
                    f"WHERE article_id {picked}"
                )
                self.add_coder(coder)
                conn.execute(
                    f"INSERT INTO annotations ({self._ANN_COLUMNS}) SELECT {self._ANN_COLUMNS} "
                    f"FROM src.annotations WHERE coder = ? AND article_id {picked}",
                    [coder],
                )
                conn.execute(
                    "INSERT INTO article_status (article_id, coder, status, updated_at) SELECT "
                    "article_id, coder, status, updated_at FROM src.article_status "
                    f"WHERE coder = ? AND article_id {picked}",
                    [coder],
                )
                conn.execute("DROP TABLE temp.pick")
        finally:
            conn.execute("DETACH DATABASE src")

    # --- search -------------------------------------------------------------------------

    def search_articles(self, query: str) -> set[int]:
        """Ids of articles whose id, title or text contains ``query`` (case-insensitive for ASCII)."""
        needle = query.strip().lower()
        if not needle:
            return set(self.article_ids())
        return {
            r[0]
            for r in self.db.execute(
                "SELECT id FROM articles WHERE instr(lower(external_id), ?) "
                "OR instr(lower(title), ?) OR instr(lower(text), ?)",
                [needle, needle, needle],
            )
        }
