"""Row sync: how rows travel between project files, for every kind of row, in one place.

Blind copies, merge, JSONL export and JSONL import all move rows the same way: a row leaves a
file as a *portable row* (a plain dict: its article named by the SHA-256 of the text, its
columns, its revision and ``seen``) and is applied to another file by :func:`apply_rows`, which

- refuses a row whose identity differs from the row of the same key already there (a UUID is
  one article, one coder and one stretch of text for ever), naming what differs;
- refuses a row the file cannot hold (unknown label, offsets outside the text, ...);
- decides between two versions by revision (:mod:`.revisions`), never by clock, and reports
  conflicts.

A kind of row takes part by declaring itself once as a :class:`RowKind` (see ``KINDS``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.core.errors import ProjectError
from annotator.core.store import revisions
from annotator.core.store.annotations import check_label
from annotator.core.store.coders import validate_coder_name
from annotator.core.store.statuses import check_status

if TYPE_CHECKING:
    from annotator.core.store.project import Project

Row = dict[str, Any]


@dataclass(frozen=True)
class RowKind:
    """A table whose rows travel. ``key`` names a row across files (with ``article_sha`` when
    it is part of the key); ``fixed`` never changes under a key; ``content`` is what an edit
    changes; ``info`` travels with the content (times, for people)."""

    name: str
    table: str
    key: tuple[str, ...]
    fixed: tuple[str, ...]
    content: tuple[str, ...]
    info: tuple[str, ...]
    check: Callable[[Project, dict[str, Any], Row], None]
    json_list: str  # the list of an article's JSONL object that holds these rows
    json_fields: dict[str, str]  # column -> JSONL field
    removed: Callable[[Row], bool] = lambda row: False

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(
            c if c != "article_sha" else "article_id"
            for c in (*self.key, *self.fixed, *self.content, *self.info)
        ))


def _check_span(project: Project, article: dict[str, Any], row: Row) -> None:
    validate_coder_name(row["coder"])
    try:
        check_label(project, row["label"])
    except ProjectError as exc:
        raise ProjectError(f"span {row['uuid']}: {exc}") from None
    start, end, text = row["start_offset"], row["end_offset"], article["text"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise ProjectError(
            f"span {row['uuid']}: offsets {start}-{end} are outside article "
            f"{article['external_id']!r} ({len(text)} characters)"
        )
    if text[start:end] != row["text"]:
        raise ProjectError(
            f"span {row['uuid']} in article {article['external_id']!r} covers "
            f"{row['text'][:40]!r} but the text there is {text[start:end][:40]!r}"
        )


def _check_status(project: Project, article: dict[str, Any], row: Row) -> None:
    validate_coder_name(row["coder"])
    check_status(row["status"])


SPANS = RowKind(
    name="span",
    table="annotations",
    key=("uuid",),
    fixed=("article_sha", "coder", "start_offset", "end_offset"),
    content=("label", "note", "deleted_at"),
    info=("text", "created_at", "updated_at"),
    check=_check_span,
    json_list="annotations",
    json_fields={
        "uuid": "uuid", "coder": "coder", "label": "label", "start_offset": "start",
        "end_offset": "end", "text": "text", "note": "note", "created_at": "created",
        "updated_at": "updated", "deleted_at": "deleted",
    },
    removed=lambda row: row["deleted_at"] is not None,
)
STATUS = RowKind(
    name="status",
    table="article_status",
    key=("article_sha", "coder"),
    fixed=("article_sha", "coder"),
    content=("status",),
    info=("updated_at",),
    check=_check_status,
    json_list="statuses",
    json_fields={"coder": "coder", "status": "status", "updated_at": "updated"},
)
KINDS = (SPANS, STATUS)


def to_json(kind: RowKind, row: Row) -> dict[str, Any]:
    """A portable row as it is written in an article's JSONL object."""
    obj = {name: row[column] for column, name in kind.json_fields.items()}
    obj["rev"], obj["rev_file"], obj["seen"] = row["rev"], row["rev_file"], row["seen"]
    return obj


def from_json(kind: RowKind, obj: dict[str, Any], article_sha: str) -> Row:
    """The reverse of :func:`to_json` (fields already checked by the reader)."""
    row: Row = {column: obj.get(name) for column, name in kind.json_fields.items()}
    row["article_sha"] = article_sha
    row["rev"], row["rev_file"], row["seen"] = obj["rev"], obj["rev_file"], obj["seen"]
    return row


def read_rows(
    project: Project, kind: RowKind, article_ids: Iterable[int] | None = None,
    coder: str | None = None,
) -> Iterator[Row]:
    """Every row of ``kind`` as a portable row (optionally of some articles, of one coder)."""
    where, params = [], []
    if article_ids is not None:
        ids = list(article_ids)
        where.append(f"t.article_id IN ({','.join('?' * len(ids))})" if ids else "0")
        params += ids
    if coder is not None:
        where.append("t.coder = ?")
        params.append(coder)
    cols = kind.columns
    sql = (
        f"SELECT a.sha256, {', '.join('t.' + c for c in cols)}, t.rev, t.rev_file, t.seen "
        f"FROM {kind.table} t JOIN articles a ON a.id = t.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY t.article_id, t.rowid"
    )
    for values in project.db.execute(sql, params):
        row = dict(zip(cols, values[1:-3]))
        row["article_sha"] = values[0]
        row["rev"], row["rev_file"] = values[-3], values[-2]
        row["seen"] = revisions.parse_seen(values[-1], f"{project.path} {kind.name}")
        yield row


@dataclass
class SyncCounts:
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    tombstones: int = 0  # removed rows the target never had live
    conflicts: list[str] = field(default_factory=list)
    coders: set[str] = field(default_factory=set)


def _key(kind: RowKind, row: Row) -> tuple:
    return tuple(row[c] for c in kind.key)


def _existing(project: Project, kind: RowKind, keys: list[tuple], articles: dict) -> dict:
    """The target's rows for these keys, as portable rows."""
    found: dict[tuple, Row] = {}
    ids_by_sha = {sha: a["id"] for sha, a in articles.items()}
    sha_by_id = {v: k for k, v in ids_by_sha.items()}

    def sha_of(article_id: int) -> str:
        if article_id not in sha_by_id:  # a known UUID in another article: read its hash
            sha_by_id[article_id] = project.articles.sha(article_id) or ""
        return sha_by_id[article_id]

    cols = kind.columns
    select = f"SELECT {', '.join(cols)}, rev, rev_file, seen FROM {kind.table} WHERE "
    for i in range(0, len(keys), 400):
        chunk = keys[i:i + 400]
        if kind.key == ("uuid",):
            sql = select + f"uuid IN ({','.join('?' * len(chunk))})"
            params = [k[0] for k in chunk]
        else:
            sql = select + " OR ".join(["(article_id = ? AND coder = ?)"] * len(chunk))
            params = [p for sha, coder in chunk for p in (ids_by_sha.get(sha, -1), coder)]
        for values in project.db.execute(sql, params):
            row = dict(zip(cols, values[:-3]))
            row["article_sha"] = sha_of(row["article_id"])
            row["rev"], row["rev_file"] = values[-3], values[-2]
            row["seen"] = revisions.parse_seen(values[-1], f"{project.path} {kind.name}")
            found[_key(kind, row)] = row
    return found


def _differs(kind: RowKind, mine: Row, theirs: Row) -> list[str]:
    names = {"article_sha": "article", "start_offset": "start", "end_offset": "end"}
    return [names.get(c, c) for c in kind.fixed if mine[c] != theirs[c]]


def _rank(kind: RowKind, row: Row) -> tuple:
    content = tuple(row[c] for c in kind.content)
    return (row["rev"], row["rev_file"], revisions.digest(content))


def apply_rows(project: Project, kind: RowKind, rows: Iterable[Row], source: str) -> SyncCounts:
    """Apply portable rows to ``project`` (inside the caller's transaction); see module doc.

    Nothing is written if any row is refused: the caller's transaction rolls back."""
    counts = SyncCounts()
    incoming = list(rows)
    articles: dict[str, dict[str, Any]] = {}
    shas = list({row["article_sha"] for row in incoming})
    for i in range(0, len(shas), 500):
        chunk = shas[i:i + 500]
        for aid, sha, ext, text in project.db.execute(
            "SELECT id, sha256, external_id, text FROM articles "
            f"WHERE sha256 IN ({','.join('?' * len(chunk))})", chunk,
        ):
            articles[sha] = {"id": aid, "external_id": ext, "text": text}
    existing = _existing(project, kind, [_key(kind, r) for r in incoming], articles)
    inserts, updates = [], []
    highest = 0
    for row in incoming:
        where = f"{source}: {kind.name} {' '.join(str(v) for v in _key(kind, row))}"
        article = articles.get(row["article_sha"])
        if article is None:
            raise ProjectError(f"{where}: its article is not in {project.path}")
        revisions.check_counter(row["rev"], where)
        revisions.check_seen(row["seen"], where)
        highest = max(highest, row["rev"], *row["seen"].values())
        counts.coders.add(row.get("coder", ""))
        mine = existing.get(_key(kind, row))
        if mine is None:
            try:
                kind.check(project, article, row)
            except ProjectError as exc:
                raise ProjectError(f"{source}: {exc}") from None
            row = {**row, "article_id": article["id"]}
            inserts.append(row)
            existing[_key(kind, row)] = row
            if kind.removed(row):
                counts.tombstones += 1
            else:
                counts.added += 1
            continue
        differs = _differs(kind, mine, row)
        if differs:
            raise ProjectError(
                f"{where} differs from the one in {project.path} in {', '.join(differs)} "
                f"(there: {', '.join(str(mine[c]) for c in kind.fixed if c != 'article_sha')}); "
                "a UUID belongs to one article, coder and stretch of text; nothing was merged"
            )
        order = revisions.compare(mine["seen"], row["seen"])
        same = all(mine[c] == row[c] for c in kind.content)
        if order is revisions.Order.OLDER or (order is revisions.Order.SAME and same):
            counts.unchanged += 1
            continue
        if order in (revisions.Order.CONFLICT, revisions.Order.SAME):
            winner = row if _rank(kind, row) > _rank(kind, mine) else mine
            counts.conflicts.append(
                f"{kind.name} {' '.join(str(v) for v in _key(kind, row))[:60]}: edited in both "
                f"files; kept the edit of revision {winner['rev']} ({winner['rev_file'][:8]})"
            )
            new = {**winner, "seen": revisions.join(mine["seen"], row["seen"])}
        else:
            new = row
        try:
            kind.check(project, article, new)
        except ProjectError as exc:
            raise ProjectError(f"{source}: {exc}") from None
        new = {**new, "article_id": article["id"]}
        updates.append(new)
        existing[_key(kind, row)] = new
        if all(mine[c] == new[c] for c in kind.content):
            counts.unchanged += 1
        elif kind.removed(new) and not kind.removed(mine):
            counts.removed += 1
        else:
            counts.changed += 1
    _write(project, kind, inserts, updates)
    project.observe(highest)
    counts.coders.discard("")
    return counts


def _write(project: Project, kind: RowKind, inserts: list[Row], updates: list[Row]) -> None:
    cols = (*kind.columns, "rev", "rev_file", "seen")
    if "coder" in kind.columns:
        for coder in {r["coder"] for r in (*inserts, *updates)}:
            project.coders.add(coder)

    def values(row: Row) -> list:
        return [*(row[c] for c in kind.columns), row["rev"], row["rev_file"],
                revisions.dump_seen(row["seen"])]

    conn = project.db.conn
    if inserts:
        conn.executemany(
            f"INSERT INTO {kind.table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [values(r) for r in inserts],
        )
    if updates:
        keys = [c if c != "article_sha" else "article_id" for c in kind.key]
        sets = [c for c in cols if c not in keys]
        conn.executemany(
            f"UPDATE {kind.table} SET {', '.join(c + ' = ?' for c in sets)} "
            f"WHERE {' AND '.join(k + ' = ?' for k in keys)}",
            [[*(dict(zip(cols, values(r)))[c] for c in sets), *(r[k] for k in keys)]
             for r in updates],
        )
