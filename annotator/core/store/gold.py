"""The gold standard: the lead's adjudicated spans and answers, and each article's
adjudication status. It lives in the master only: gold rows are not coders' rows, so they never
appear among coders, statuses, blind copies or merges.

A rejected gold span keeps its row (deleted), so the automatic pre-fill never brings back what
the lead decided against; a lead's decision is never overwritten by it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from annotator.core.errors import ProjectError
from annotator.core.model import STATUSES, GoldSpan
from annotator.core.store.annotations import check_span
from annotator.core.store.codes import check_answer, decode, encode
from annotator.core.values import new_uuid

if TYPE_CHECKING:
    from annotator.core.store.project import Project

_COLUMNS = ("uuid, article_id, label, start_offset, end_offset, text, source, coders, "
            "overlapping, decided_by, rationale, created_at, updated_at, deleted_at")


def _span(row: Sequence[Any]) -> GoldSpan:
    values = list(row)
    values[7], values[8] = tuple(json.loads(values[7])), tuple(json.loads(values[8]))
    return GoldSpan(*values)


class Gold:
    def __init__(self, project: Project) -> None:
        self._p = project

    # --- spans ----------------------------------------------------------------------------

    def spans(self, article_id: int | None = None, include_deleted: bool = False) -> list[GoldSpan]:
        where, params = [], []
        if article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        if not include_deleted:
            where.append("deleted_at IS NULL")
        sql = f"SELECT {_COLUMNS} FROM gold_spans"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY article_id, start_offset, end_offset DESC, label, uuid"
        return [_span(row) for row in self._p.execute(sql, params)]

    def get(self, uuid: str) -> GoldSpan:
        row = self._p.execute(
            f"SELECT {_COLUMNS} FROM gold_spans WHERE uuid = ?", [uuid]
        ).fetchone()
        if row is None:
            raise ProjectError(f"no gold span {uuid}")
        return _span(row)

    def add(
        self, article_id: int, label: str, start: int, end: int, *, source: str = "decided",
        coders: Sequence[str] = (), overlapping: Sequence[str] = (), decided_by: str = "",
        rationale: str = "", uuid: str | None = None,
    ) -> GoldSpan:
        """Add a gold span with its provenance and commit it."""
        from annotator.core.store.project import now

        article = self._p.articles.get(article_id)
        check_span(self._p, article, label, start, end)
        stamp = now()
        span = GoldSpan(uuid or new_uuid(), article_id, label, start, end,
                        article.text[start:end], source, tuple(sorted(coders)),
                        tuple(sorted(overlapping)), decided_by, rationale, stamp, stamp)
        with self._p.transaction():
            self._p.execute(
                f"INSERT INTO gold_spans ({_COLUMNS}) VALUES ({', '.join('?' * 14)})",
                [span.uuid, article_id, label, start, end, span.text, source,
                 json.dumps(span.coders), json.dumps(span.overlapping), decided_by, rationale,
                 stamp, stamp, None],
            )
        return span

    def insert(self, span: GoldSpan) -> None:
        """Store a gold span as it was exported (its times and provenance kept)."""
        article = self._p.articles.get(span.article_id)
        check_span(self._p, article, span.label, span.start, span.end)
        if self._p.execute("SELECT 1 FROM gold_spans WHERE uuid = ?", [span.uuid]).fetchone():
            raise ProjectError(f"a gold span with uuid {span.uuid} already exists")
        with self._p.transaction():
            self._p.execute(
                f"INSERT INTO gold_spans ({_COLUMNS}) VALUES ({', '.join('?' * 14)})",
                [span.uuid, span.article_id, span.label, span.start, span.end,
                 article.text[span.start:span.end], span.source, json.dumps(list(span.coders)),
                 json.dumps(list(span.overlapping)), span.decided_by, span.rationale,
                 span.created_at, span.updated_at, span.deleted_at],
            )

    def _edit(self, uuid: str, changes: dict[str, Any]) -> GoldSpan:
        from annotator.core.store.project import now

        self.get(uuid)
        sets = ", ".join(f"{c} = ?" for c in changes)
        with self._p.transaction():
            self._p.execute(f"UPDATE gold_spans SET {sets}, updated_at = ? WHERE uuid = ?",
                               [*changes.values(), now(), uuid])
        return self.get(uuid)

    def decide(
        self, uuid: str, *, decided_by: str, label: str | None = None,
        rationale: str | None = None,
    ) -> GoldSpan:
        """The lead relabels a gold span or notes why: it becomes the lead's decision."""
        changes: dict[str, Any] = {"source": "decided", "decided_by": decided_by}
        if label is not None:
            from annotator.core.store.annotations import check_label

            check_label(self._p, label)
            changes["label"] = label
        if rationale is not None:
            changes["rationale"] = rationale
        return self._edit(uuid, changes)

    def reject(self, uuid: str, decided_by: str) -> GoldSpan:
        """Remove a span from gold; the row stays, so the pre-fill never brings it back."""
        from annotator.core.store.project import now

        return self._edit(uuid, {"deleted_at": now(), "source": "decided",
                                 "decided_by": decided_by})

    def restore(self, uuid: str) -> GoldSpan:
        return self._edit(uuid, {"deleted_at": None})

    def revert(self, span: GoldSpan) -> GoldSpan:
        """Put back a span's decision fields as they were in ``span`` (the lead's undo)."""
        return self._edit(span.uuid, {"label": span.label, "source": span.source,
                                      "decided_by": span.decided_by,
                                      "rationale": span.rationale,
                                      "deleted_at": span.deleted_at})

    def purge(self, uuid: str) -> None:
        """Remove a span's row as if it was never added (undoing an addition only: a rejection
        keeps its row, see :meth:`reject`)."""
        with self._p.transaction():
            self._p.execute("DELETE FROM gold_spans WHERE uuid = ?", [uuid])

    # --- answers --------------------------------------------------------------------------

    def answers(self, article_id: int) -> dict[str, Any]:
        """The gold answers of one article (variable -> value), without cleared ones."""
        return {v: decode(value) for v, value in self._p.execute(
            "SELECT variable, value FROM gold_codes WHERE article_id = ? AND value IS NOT NULL",
            [article_id])}

    def answer_rows(self, article_id: int) -> dict[str, dict[str, Any]]:
        """The gold answers with their provenance, cleared ones included."""
        out = {}
        for variable, value, source, coders, by, why, updated in self._p.execute(
            "SELECT variable, value, source, coders, decided_by, rationale, updated_at "
            "FROM gold_codes WHERE article_id = ?", [article_id]
        ):
            out[variable] = {"value": decode(value), "source": source,
                             "coders": json.loads(coders), "decided_by": by, "rationale": why,
                             "updated": updated}
        return out

    def set_answer(
        self, article_id: int, variable: str, value: Any, *, source: str = "decided",
        coders: Sequence[str] = (), decided_by: str = "", rationale: str = "",
        updated: str | None = None,
    ) -> None:
        """Set (or clear, with None) one gold answer with its provenance (``updated``: the
        time of an imported answer; now otherwise)."""
        from annotator.core.store.project import now

        value = check_answer(self._p.schema, variable, value)
        self._p.articles.get(article_id, verify=False)
        with self._p.transaction():
            self._p.execute(
                "INSERT INTO gold_codes (article_id, variable, value, source, coders, "
                "decided_by, rationale, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(article_id, variable) DO UPDATE SET value = excluded.value, "
                "source = excluded.source, coders = excluded.coders, "
                "decided_by = excluded.decided_by, rationale = excluded.rationale, "
                "updated_at = excluded.updated_at",
                [article_id, variable, encode(value), source, json.dumps(sorted(coders)),
                 decided_by, rationale, updated or now()],
            )

    def put_answer_row(self, article_id: int, variable: str, row: dict[str, Any] | None) -> None:
        """Put back one answer row as :meth:`answer_rows` gave it, or remove it (None)."""
        if row is None:
            with self._p.transaction():
                self._p.execute("DELETE FROM gold_codes WHERE article_id = ? AND variable = ?",
                                   [article_id, variable])
            return
        self.set_answer(article_id, variable, row["value"], source=row["source"],
                        coders=row["coders"], decided_by=row["decided_by"],
                        rationale=row["rationale"])

    # --- adjudication status --------------------------------------------------------------

    def status(self, article_id: int) -> str:
        row = self._p.execute(
            "SELECT status FROM adjudication WHERE article_id = ?", [article_id]
        ).fetchone()
        return row[0] if row else "not_started"

    def statuses(self) -> dict[int, str]:
        return dict(self._p.execute("SELECT article_id, status FROM adjudication"))

    def set_status(self, article_id: int, status: str) -> str:
        """Set an article's adjudication status; returns the previous one."""
        from annotator.core.store.project import now

        if status not in STATUSES:
            raise ProjectError(f"unknown status {status!r:.40}; use one of: {', '.join(STATUSES)}")
        self._p.articles.get(article_id, verify=False)
        previous = self.status(article_id)
        with self._p.transaction():
            self._p.execute(
                "INSERT INTO adjudication (article_id, status, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(article_id) DO UPDATE SET status = excluded.status, "
                "updated_at = excluded.updated_at", [article_id, status, now()])
        return previous

    def any_in(self, article_id: int) -> bool:
        return self._p.execute(
            "SELECT 1 FROM gold_spans WHERE article_id = ? LIMIT 1", [article_id]
        ).fetchone() is not None

