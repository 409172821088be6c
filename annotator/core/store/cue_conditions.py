"""The cue_conditions table: whether a coder's window showed the cue underlines in an article.

A cue-free design (``annotator assign --cues``) hides the underlines of the schema's cue words
in some or all of a copy's articles, so that a lead can compare coding with and without them.
A blind copy holds one row per article for its coder, written when the copy is made; the
coder's window reads it (:meth:`CueConditions.shows`). Merge records the rows in the master
(:meth:`CueConditions.record`), where they stay per coder and article.

No row means the cues were shown: every copy made before this table existed showed them, and
the master always shows them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from annotator.core.errors import ProjectError

if TYPE_CHECKING:
    from annotator.core.store.project import Project


class CueConditions:
    def __init__(self, project: Project) -> None:
        self._p = project

    def shows(self, article_id: int, coder: str) -> bool:
        """Whether ``coder``'s window shows cue underlines in the article (no row: it does)."""
        row = self._p.execute(
            "SELECT cues FROM cue_conditions WHERE article_id = ? AND coder = ?",
            [article_id, coder],
        ).fetchone()
        return row is None or row[0] != 0

    def of_coder(self, coder: str) -> dict[int, bool]:
        """article id -> cues shown, for every article of ``coder`` that has a row."""
        rows = self._p.execute(
            "SELECT article_id, cues FROM cue_conditions WHERE coder = ? ORDER BY article_id",
            [coder],
        )
        return {article_id: cues != 0 for article_id, cues in rows}

    def rows(self) -> list[tuple[int, str, bool]]:
        """Every recorded condition: (article id, coder, cues shown), by article and coder."""
        rows = self._p.execute(
            "SELECT article_id, coder, cues FROM cue_conditions ORDER BY article_id, coder")
        return [(article_id, coder, cues != 0) for article_id, coder, cues in rows]

    def set(self, coder: str, conditions: Iterable[tuple[int, bool]]) -> None:
        """Write a copy's conditions for its coder: (article id, cues shown), replacing any."""
        with self._p.transaction():
            self._p.executemany(
                "INSERT INTO cue_conditions (article_id, coder, cues) VALUES (?, ?, ?) "
                "ON CONFLICT(article_id, coder) DO UPDATE SET cues = excluded.cues",
                [(article_id, coder, int(bool(cues))) for article_id, cues in conditions],
            )

    def record(self, coder: str, conditions: Iterable[tuple[int, bool]]) -> int:
        """Record conditions brought by a returned copy (merge). An article the coder saw with
        cues in any copy stays recorded with cues, whatever the order of the merges: once seen
        with the underlines, it is no longer cue-free. Returns how many rows changed."""
        changed = 0
        with self._p.transaction():
            for article_id, cues in conditions:
                before = self._p.execute(
                    "SELECT cues FROM cue_conditions WHERE article_id = ? AND coder = ?",
                    [article_id, coder],
                ).fetchone()
                value = int(bool(cues)) if before is None else max(before[0], int(bool(cues)))
                if before is not None and before[0] == value:
                    continue
                self._p.execute(
                    "INSERT INTO cue_conditions (article_id, coder, cues) VALUES (?, ?, ?) "
                    "ON CONFLICT(article_id, coder) DO UPDATE SET cues = excluded.cues",
                    [article_id, coder, value],
                )
                changed += 1
        return changed

    def read_returned(self, coder: str) -> dict[str, bool]:
        """A returned copy's conditions for its coder, by the SHA-256 of each article's text
        (how merge matches articles); an article without a row was shown with cues. A value
        other than 0 or 1 (the file was changed outside the app) is refused."""
        found: dict[str, bool] = {}
        rows = self._p.execute(
            "SELECT a.sha256, c.cues FROM articles a LEFT JOIN cue_conditions c "
            "ON c.article_id = a.id AND c.coder = ?", [coder])
        for sha, cues in rows:
            if cues not in (None, 0, 1):
                raise ProjectError(f"{self._p.path}: a cue condition is {cues!r:.20}, not 0 or "
                                   "1; the file was changed outside Framing Annotator")
            found[sha] = cues != 0
        return found
