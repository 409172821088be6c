"""The annotations table: spans with UUIDs, their labels, notes, deletions and revisions.

A span's article, coder and offsets never change under its UUID (new boundaries make a new
span); its label, note and deletion are edits, each with a new revision. A deletion is kept as
a row, so no merge can bring the span back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.errors import ProjectError, StaleError
from annotator.core.model import Annotation, Article, Rev
from annotator.core.store import revisions
from annotator.core.values import new_uuid

if TYPE_CHECKING:
    from annotator.core.store.project import Project

COLUMNS = (
    "uuid, article_id, coder, label, start_offset, end_offset, text, note, "
    "created_at, updated_at, deleted_at, rev, rev_file"
)


def check_label(project: Project, label: str) -> None:
    if label not in project.schema.label_ids:
        known = ", ".join(project.schema.label_ids)
        raise ProjectError(f"unknown label {label!r:.60}; this project's labels are: {known}")


def check_span(project: Project, article: Article, label: str, start: int, end: int) -> None:
    """The rule for a span this project can hold: a known label, offsets inside the text."""
    check_label(project, label)
    if not (0 <= start < end <= len(article.text)):
        raise ProjectError(
            f"span {start}-{end} is outside article {article.external_id!r} "
            f"(its text has {len(article.text)} characters) or empty"
        )


class Annotations:
    def __init__(self, project: Project) -> None:
        self._p = project

    def list(
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
        sql = f"SELECT {COLUMNS} FROM annotations"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY article_id, start_offset, end_offset DESC, created_at, uuid"
        return [Annotation(*row) for row in self._p.execute(sql, params)]

    def get(self, uuid: str) -> Annotation:
        row = self._p.execute(
            f"SELECT {COLUMNS} FROM annotations WHERE uuid = ?", [uuid]
        ).fetchone()
        if row is None:
            raise ProjectError(f"no annotation {uuid}")
        return Annotation(*row)

    def any_in(self, article_id: int) -> bool:
        """Whether any span (even a deleted one) points into this article's text."""
        row = self._p.execute(
            "SELECT 1 FROM annotations WHERE article_id = ? LIMIT 1", [article_id]
        ).fetchone()
        return row is not None

    def add(
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
        expect_sha: str | None = None,
    ) -> Annotation:
        """Create a span (a local edit with a new revision) and commit it.

        ``expect_sha`` is the text the caller showed: if the article changed since (trimmed
        by another program), the span is refused rather than put on other characters."""
        from annotator.core.store.project import now

        article = self._p.articles.get(article_id)
        if expect_sha is not None and article.sha256 != expect_sha:
            raise StaleError(
                f"article {article.external_id!r} was changed by another program; it has been "
                "reloaded, select the passage again"
            )
        check_span(self._p, article, label, start, end)
        with self._p.transaction():
            coder = self._p.coders.add(coder)
            rev = self._p.next_rev()
            stamp = now()
            ann = Annotation(
                uuid=uuid or new_uuid(), article_id=article_id, coder=coder,
                label=label, start=start, end=end, text=article.text[start:end], note=note,
                created_at=created_at or stamp, updated_at=stamp,
                rev=rev.counter, rev_file=rev.file,
            )
            if self._p.execute(
                "SELECT 1 FROM annotations WHERE uuid = ?", [ann.uuid]
            ).fetchone():
                raise ProjectError(f"an annotation with uuid {ann.uuid} already exists")
            self._p.execute(
                f"INSERT INTO annotations ({COLUMNS}, seen) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [ann.uuid, ann.article_id, ann.coder, ann.label, ann.start, ann.end, ann.text,
                 ann.note, ann.created_at, ann.updated_at, None, rev.counter, rev.file,
                 revisions.dump_seen({rev.file: rev.counter})],
            )
        return ann

    def _edit(
        self, uuid: str, expect: Rev | None, changes: dict[str, object], stamp: str | None = None
    ) -> Annotation:
        """One local edit of a span's label, note or deletion, refused if the span is no longer
        as the caller last saw it (``expect``)."""
        from annotator.core.store.project import now

        with self._p.transaction():
            old = self.get(uuid)
            if expect is not None and (old.rev, old.rev_file) != (expect.counter, expect.file):
                raise StaleError(
                    f"the {old.label} span {old.text[:20]!r} was changed in another window or "
                    "program since you last saw it; nothing was done"
                )
            seen_text = self._p.execute(
                "SELECT seen FROM annotations WHERE uuid = ?", [uuid]
            ).fetchone()[0]
            seen = revisions.parse_seen(seen_text, f"span {uuid}")
            rev = self._p.next_rev()
            seen = revisions.join(seen, {rev.file: rev.counter})
            sets = ", ".join(f"{column} = ?" for column in changes)
            self._p.execute(
                f"UPDATE annotations SET {sets}, updated_at = ?, rev = ?, rev_file = ?, seen = ? "
                "WHERE uuid = ?",
                [*changes.values(), stamp or now(), rev.counter, rev.file,
                 revisions.dump_seen(seen), uuid],
            )
            return self.get(uuid)

    def update(
        self, uuid: str, *, label: str | None = None, note: str | None = None,
        expect: Rev | None = None,
    ) -> Annotation:
        """Relabel a span or change its note."""
        changes: dict[str, object] = {}
        if label is not None:
            check_label(self._p, label)
            changes["label"] = label
        if note is not None:
            changes["note"] = note
        current = self.get(uuid)
        if current.deleted:
            raise StaleError(
                f"the {current.label} span {current.text[:20]!r} was deleted in another window "
                "or program; nothing was done"
            )
        return self._edit(uuid, expect, changes) if changes else current

    def delete(self, uuid: str, expect: Rev | None = None) -> Annotation:
        """Mark a span deleted. The row stays, so a merge cannot bring it back."""
        from annotator.core.store.project import now

        stamp = now()
        return self._edit(uuid, expect, {"deleted_at": stamp}, stamp)

    def restore(self, uuid: str, expect: Rev | None = None) -> Annotation:
        """Undo a deletion."""
        return self._edit(uuid, expect, {"deleted_at": None})

