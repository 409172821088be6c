"""The rounds tables: calibration rounds, each a named set of articles with a date.

A round is master data, like an article's title: the lead defines it, copies carry the rounds
of their own articles (so a coder's list can filter by round), and neither merge nor JSONL
moves it. Names are unique; the creation order is the order rounds are listed and compared in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date as _date
from typing import TYPE_CHECKING

from annotator.core.errors import ProjectError
from annotator.core.model import Round

if TYPE_CHECKING:
    from annotator.core.store.project import Project

MAX_NAME = 64


def validate_round_name(name: str) -> str:
    """A round name as stored: stripped, non-empty, printable, at most 64 characters."""
    if not isinstance(name, str):
        raise ProjectError(f"a round name must be text, not {name!r:.40}")
    cleaned = name.strip()
    if not cleaned:
        raise ProjectError("a round name cannot be empty")
    if len(cleaned) > MAX_NAME:
        raise ProjectError(f"round name {cleaned[:20]!r}… is longer than {MAX_NAME} characters")
    if any(not ch.isprintable() for ch in cleaned):
        raise ProjectError(f"round name {cleaned[:40]!r} contains control characters")
    return cleaned


def validate_round_date(value: str) -> str:
    """An ISO date (YYYY-MM-DD) or "" (no date)."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        parsed = _date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise ProjectError(f"round date {value[:30]!r} is not a date; write it as YYYY-MM-DD "
                           "(e.g. 2026-12-02) or leave it empty")
    return parsed.isoformat()


class Rounds:
    def __init__(self, project: Project) -> None:
        self._p = project

    def list(self) -> list[Round]:
        """Every round, in creation order."""
        members: dict[int, list[int]] = {}
        for round_id, article_id in self._p.execute(
            "SELECT round_id, article_id FROM round_articles ORDER BY article_id"
        ):
            members.setdefault(round_id, []).append(article_id)
        return [
            Round(rid, name, day, tuple(members.get(rid, ())))
            for rid, name, day in self._p.execute(
                "SELECT id, name, date FROM rounds ORDER BY id"
            )
        ]

    def names(self) -> list[str]:
        return [r[0] for r in self._p.execute("SELECT name FROM rounds ORDER BY id")]

    def get(self, name: str) -> Round:
        """The round of this name; an unknown name is refused naming the rounds there are."""
        row = self._p.execute(
            "SELECT id, name, date FROM rounds WHERE name = ?", [str(name).strip()]
        ).fetchone()
        if row is None:
            known = self.names()
            there = (f"its rounds are: {', '.join(map(repr, known))}" if known
                     else "it has no rounds yet; add one with `annotator round add`")
            raise ProjectError(f"{self._p.path}: no round {str(name)[:40]!r}; {there}")
        rid, found, day = row
        ids = tuple(r[0] for r in self._p.execute(
            "SELECT article_id FROM round_articles WHERE round_id = ? ORDER BY article_id", [rid]
        ))
        return Round(rid, found, day, ids)

    def add(self, name: str, date: str = "", article_ids: Sequence[int] = ()) -> Round:
        """A new round (a duplicate or empty name is refused) with these articles."""
        from annotator.core.store.project import now

        name, date = validate_round_name(name), validate_round_date(date)
        with self._p.transaction():
            self._refuse_taken(name)
            cursor = self._p.execute(
                "INSERT INTO rounds (name, date, created_at) VALUES (?, ?, ?)", [name, date, now()]
            )
            self._store_articles(cursor.lastrowid, article_ids)
        return self.get(name)

    def set_articles(self, name: str, article_ids: Sequence[int]) -> Round:
        """Replace the round's articles."""
        with self._p.transaction():
            found = self.get(name)
            self._p.execute("DELETE FROM round_articles WHERE round_id = ?", [found.id])
            self._store_articles(found.id, article_ids)
        return self.get(found.name)

    def rename(self, name: str, new_name: str, date: str | None = None) -> Round:
        """Rename a round and, when ``date`` is given, change its date ("" clears it)."""
        new_name = validate_round_name(new_name)
        day = None if date is None else validate_round_date(date)
        with self._p.transaction():
            found = self.get(name)
            if new_name != found.name:
                self._refuse_taken(new_name)
            self._p.execute(
                "UPDATE rounds SET name = ?, date = ? WHERE id = ?",
                [new_name, found.date if day is None else day, found.id],
            )
        return self.get(new_name)

    def delete(self, name: str) -> None:
        """Remove a round (its articles and their annotations stay)."""
        with self._p.transaction():
            found = self.get(name)
            self._p.execute("DELETE FROM round_articles WHERE round_id = ?", [found.id])
            self._p.execute("DELETE FROM rounds WHERE id = ?", [found.id])

    def of_article(self, article_id: int) -> list[str]:
        """The names of the rounds holding this article, in round order."""
        return [r[0] for r in self._p.execute(
            "SELECT r.name FROM rounds r JOIN round_articles m ON m.round_id = r.id "
            "WHERE m.article_id = ? ORDER BY r.id", [article_id]
        )]

    def by_article(self) -> dict[int, list[str]]:
        """article id -> the names of its rounds (for the article list's filter)."""
        out: dict[int, list[str]] = {}
        for article_id, name in self._p.execute(
            "SELECT m.article_id, r.name FROM rounds r JOIN round_articles m ON m.round_id = r.id "
            "ORDER BY r.id"
        ):
            out.setdefault(article_id, []).append(name)
        return out

    def copy_to(self, target: Project, article_ids: Sequence[int]) -> None:
        """Give a copy (same article ids) the rounds holding any of its articles, restricted to
        them; call inside the copy's transaction."""
        wanted = set(article_ids)
        for found in self.list():
            mine = [a for a in found.article_ids if a in wanted]
            if mine:
                target.rounds.add(found.name, found.date, mine)

    def _refuse_taken(self, name: str) -> None:
        if self._p.execute("SELECT 1 FROM rounds WHERE name = ?", [name]).fetchone():
            raise ProjectError(f"{self._p.path}: there is already a round {name!r}; "
                               "choose another name")

    def _store_articles(self, round_id: int, article_ids: Sequence[int]) -> None:
        ids = list(dict.fromkeys(int(a) for a in article_ids))
        known = set(self._p.articles.ids())
        missing = [a for a in ids if a not in known]
        if missing:
            raise ProjectError(f"{self._p.path}: no article with internal id "
                               f"{', '.join(map(str, missing[:5]))}; nothing was changed")
        self._p.executemany(
            "INSERT INTO round_articles (round_id, article_id) VALUES (?, ?)",
            [(round_id, a) for a in ids],
        )
