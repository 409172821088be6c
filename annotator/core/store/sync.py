"""Row sync: how rows travel between project files, for every kind of row, in one place.

Blind copies, merge, JSONL export and JSONL import all move rows the same way: a row leaves a
file as a *portable row* (a plain dict: its article named by the SHA-256 of the text, its
columns, its revision and ``seen``) and is applied to another file by :func:`apply_rows`, which

- refuses a row whose identity differs from the row of the same key already there (a UUID is
  one article, one coder and one stretch of text for ever), naming what differs;
- refuses a row the file cannot hold (unknown label, offsets outside the text, ...);
- decides between two versions by revision (:mod:`.revisions`), never by clock, and reports
  conflicts.

A kind of row takes part by declaring itself once in :mod:`.rowkinds`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from annotator.core.errors import ProjectError
from annotator.core.store import revisions
from annotator.core.store.rowkinds import KINDS, SPANS, STATUS, Row, RowKind, to_json

__all__ = ["KINDS", "SPANS", "STATUS", "RowKind", "SyncCounts", "apply_rows", "read_rows",
           "to_json"]

if TYPE_CHECKING:
    from annotator.core.store.project import Project


def read_rows(
    project: Project, kind: RowKind, article_ids: Iterable[int] | None = None,
    coder: str | None = None,
) -> Iterator[Row]:
    """Every row of ``kind`` as a portable row (optionally of some articles, of one coder).

    The revision of each row is checked here, where it is read (the JSONL reader checks the
    rows it reads the same way), so :func:`apply_rows` can trust it. ``_seen`` keeps the
    stored text of ``seen``, written again as it is when the row is taken unchanged."""
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
    where_seen = f"{project.path} {kind.name}"
    names = ("article_sha", *cols, "rev", "rev_file", "seen")
    for values in project.execute(sql, params):
        row = dict(zip(names, values))
        revisions.check_counter(row["rev"], where_seen)
        row["_seen"] = row["seen"]
        row["seen"] = revisions.parse_seen(row["seen"], where_seen)
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


def _key_of(kind: RowKind) -> Callable[[Row], tuple]:
    """A row's key (a tuple of its ``kind.key`` columns), as a function made once per call:
    it runs for every row of a merge."""
    if len(kind.key) == 1:
        (column,) = kind.key
        return lambda row: (row[column],)
    return itemgetter(*kind.key)


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
    key_of = _key_of(kind)
    where_seen = f"{project.path} {kind.name}"
    names = (*cols, "rev", "rev_file", "seen")
    select = f"SELECT {', '.join(cols)}, rev, rev_file, seen FROM {kind.table} WHERE "
    if len(kind.key) == 1:  # one column (a UUID): IN (...)
        step, (column,) = 400, kind.key
        match = lambda chunk: f"{column} IN ({','.join('?' * len(chunk))})"  # noqa: E731
    else:  # the article and other columns: one parenthesis per key
        step = 800 // len(kind.key)
        one = "(" + " AND ".join(
            f"{'article_id' if c == 'article_sha' else c} = ?" for c in kind.key) + ")"
        match = lambda chunk: " OR ".join([one] * len(chunk))  # noqa: E731
    at_sha = [k == "article_sha" for k in kind.key]
    for i in range(0, len(keys), step):
        chunk = keys[i:i + step]
        sql = select + match(chunk)
        params = [ids_by_sha.get(v, -1) if is_sha else v
                  for key in chunk for v, is_sha in zip(key, at_sha)]
        for values in project.execute(sql, params):
            row = dict(zip(names, values))
            row["article_sha"] = sha_of(row["article_id"])
            row["seen"] = revisions.parse_seen(row["seen"], where_seen)
            found[key_of(row)] = row
    return found


def _differs(kind: RowKind, mine: Row, theirs: Row) -> list[str]:
    names = {"article_sha": "article", "start_offset": "start", "end_offset": "end"}
    return [names.get(c, c) for c in kind.fixed if mine[c] != theirs[c]]


def _rank(kind: RowKind, row: Row) -> tuple:
    content = tuple(row[c] for c in kind.content)
    return (row["rev"], row["rev_file"], revisions.digest(content))


def _where(source: str, kind: RowKind, key: tuple) -> str:
    """How an error names a row (built only when there is an error: it costs per row)."""
    return f"{source}: {kind.name} {' '.join(str(v) for v in key)}"


def _check(project: Project, kind: RowKind, article: dict[str, Any], row: Row, source: str) -> None:
    """The kind's own check of a row the target is about to take, naming where it came from."""
    try:
        kind.check(project, article, row)
    except ProjectError as exc:
        raise ProjectError(f"{source}: {exc}") from None


def apply_rows(
    project: Project, kind: RowKind, rows: Iterable[Row], source: str,
    articles: dict[str, dict[str, Any]] | None = None,
) -> SyncCounts:
    """Apply portable rows to ``project`` (inside the caller's transaction); see module doc.

    Nothing is written if any row is refused: the caller's transaction rolls back. The rows'
    revisions were checked where they were read (:func:`read_rows`, the JSONL reader).
    ``articles`` (SHA-256 -> the target's article, filled as needed) may be shared by calls on
    one target within one transaction, so that a merge of many files reads each text once."""
    counts = SyncCounts()
    incoming = list(rows)
    if len(kind.key) == 1:
        (column,) = kind.key
        keys = [(row[column],) for row in incoming]
    else:
        keys = list(map(itemgetter(*kind.key), incoming))
    if articles is None:
        articles = {}
    shas = list({row["article_sha"] for row in incoming} - articles.keys())
    for i in range(0, len(shas), 500):
        chunk = shas[i:i + 500]
        for aid, sha, ext, text in project.execute(
            "SELECT id, sha256, external_id, text FROM articles "
            f"WHERE sha256 IN ({','.join('?' * len(chunk))})", chunk,
        ):
            articles[sha] = {"id": aid, "external_id": ext, "text": text}
    existing = _existing(project, kind, keys, articles)
    content_of = itemgetter(*kind.content)
    inserts, updates = [], []
    highest = 0
    for row, key in zip(incoming, keys):
        article = articles.get(row["article_sha"])
        if article is None:
            raise ProjectError(f"{_where(source, kind, key)}: its article is not in {project.path}")
        highest = max(highest, row["rev"], *row["seen"].values())
        counts.coders.add(row.get("coder", ""))
        mine = existing.get(key)
        if mine is None:
            _check(project, kind, article, row, source)
            row = {**row, "article_id": article["id"]}
            inserts.append(row)
            existing[key] = row
            if kind.removed(row):
                counts.tombstones += 1
            else:
                counts.added += 1
            continue
        differs = _differs(kind, mine, row)
        if differs:
            raise ProjectError(
                f"{_where(source, kind, key)} differs from the one in {project.path} in "
                f"{', '.join(differs)} "
                f"(there: {', '.join(str(mine[c]) for c in kind.fixed if c != 'article_sha')}); "
                "a UUID belongs to one article, coder and stretch of text; nothing was merged"
            )
        # equal version vectors are SAME without comparing them entry by entry
        if mine["seen"] == row["seen"]:
            order = revisions.Order.SAME
        else:
            order = revisions.compare(mine["seen"], row["seen"])
        same = content_of(mine) == content_of(row)
        if order is revisions.Order.OLDER or (order is revisions.Order.SAME and same):
            counts.unchanged += 1
            continue
        if order in (revisions.Order.CONFLICT, revisions.Order.SAME):
            winner = row if _rank(kind, row) > _rank(kind, mine) else mine
            counts.conflicts.append(
                f"{kind.name} {' '.join(str(v) for v in key)[:60]}: edited in both "
                f"files; kept the edit of revision {winner['rev']} ({winner['rev_file'][:8]})"
            )
            new = {**winner, "seen": revisions.join(mine["seen"], row["seen"]), "_seen": None}
        else:
            new = row
        _check(project, kind, article, new, source)
        new = {**new, "article_id": article["id"]}
        updates.append(new)
        existing[key] = new
        if content_of(mine) == content_of(new):
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
    columns = kind.columns
    cols = (*columns, "rev", "rev_file", "seen")
    if "coder" in columns:
        for coder in {r["coder"] for r in (*inserts, *updates)}:
            project.coders.add(coder)
    dump_seen = revisions.dump_seen
    of_columns = itemgetter(*columns)

    def values(row: Row) -> tuple:
        return (*of_columns(row), row["rev"], row["rev_file"],
                row.get("_seen") or dump_seen(row["seen"]))

    conn = project.conn
    if inserts:
        conn.executemany(
            f"INSERT INTO {kind.table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [values(r) for r in inserts],
        )
    if updates:
        keys = [c if c != "article_sha" else "article_id" for c in kind.key]
        sets = [c for c in cols if c not in keys]

        def update_values(row: Row) -> list:
            by_column = dict(zip(cols, values(row)))
            return [*(by_column[c] for c in sets), *(row[k] for k in keys)]

        conn.executemany(
            f"UPDATE {kind.table} SET {', '.join(c + ' = ?' for c in sets)} "
            f"WHERE {' AND '.join(k + ' = ?' for k in keys)}",
            [update_values(r) for r in updates],
        )
