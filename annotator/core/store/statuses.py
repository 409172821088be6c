"""The article_status table: each coder's not started / in progress / done, with revisions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.errors import ProjectError
from annotator.core.model import STATUSES, Rev
from annotator.core.store import keyed
from annotator.core.store.coders import validate_coder_name

if TYPE_CHECKING:
    from annotator.core.store.project import Project


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise ProjectError(f"unknown status {status!r:.40}; use one of: {', '.join(STATUSES)}")
    return status


class Statuses:
    def __init__(self, project: Project) -> None:
        self._p = project

    def get(self, article_id: int, coder: str) -> str:
        row = self._p.execute(
            "SELECT status FROM article_status WHERE article_id = ? AND coder = ?",
            [article_id, coder],
        ).fetchone()
        return row[0] if row else "not_started"

    def rev(self, article_id: int, coder: str) -> Rev | None:
        return keyed.current_rev(self._p, "article_status",
                                 {"article_id": article_id, "coder": coder})

    def set(self, article_id: int, coder: str, status: str, expect: Rev | None = None) -> str:
        """Set one coder's status of one article (a local edit); returns the previous status.

        ``expect`` refuses the change if the status was changed since the caller saw it."""
        check_status(status)
        self._p.articles.get(article_id, verify=False)
        coder = validate_coder_name(coder)
        with self._p.transaction():
            coder = self._p.coders.add(coder)
            previous = self.get(article_id, coder)
            keyed.upsert(
                self._p, "article_status", {"article_id": article_id, "coder": coder},
                {"status": status}, expect,
                "this article's status was changed in another window or program; "
                "nothing was done",
            )
        return previous

    def of_article(self, article_id: int) -> dict[str, str]:
        return dict(
            self._p.execute(
                "SELECT coder, status FROM article_status WHERE article_id = ? ORDER BY coder",
                [article_id],
            ).fetchall()
        )

    def all(self) -> dict[int, dict[str, str]]:
        """Every article's statuses: article id -> coder -> status."""
        out: dict[int, dict[str, str]] = {}
        for article_id, coder, status in self._p.execute(
            "SELECT article_id, coder, status FROM article_status"
        ):
            out.setdefault(article_id, {})[coder] = status
        return out

    def done(self) -> dict[int, set[str]]:
        """article id -> the coders who marked it done."""
        out: dict[int, set[str]] = {}
        for article_id, coder in self._p.execute(
            "SELECT article_id, coder FROM article_status WHERE status = 'done'"
        ):
            out.setdefault(article_id, set()).add(coder)
        return out
