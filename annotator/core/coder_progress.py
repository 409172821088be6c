"""How far each coder is, per calibration round: the lead's *Progress* table and
`annotator progress`.

A coder's ``not_started`` counts the round's articles without a status from that coder (or
with ``not_started``), so a coder who never opened a round still shows all its articles there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.core.store import Project


@dataclass(frozen=True)
class ProgressRow:
    round: str | None  # None: all articles of the project
    coder: str
    done: int
    in_progress: int
    not_started: int
    total: int


def coder_progress(project: Project) -> list[ProgressRow]:
    """One row per round (None first: all articles, then the rounds in order) and coder
    (the project's coders, by name)."""
    statuses = project.statuses.all()
    coders = project.coders.names()
    groups: list[tuple[str | None, tuple[int, ...]]] = [(None, tuple(project.articles.ids()))]
    groups += [(r.name, r.article_ids) for r in project.rounds.list()]
    rows = []
    for name, article_ids in groups:
        for coder in coders:
            done = in_progress = 0
            for article_id in article_ids:
                status = statuses.get(article_id, {}).get(coder, "not_started")
                done += status == "done"
                in_progress += status == "in_progress"
            total = len(article_ids)
            rows.append(ProgressRow(name, coder, done, in_progress, total - done - in_progress,
                                    total))
    return rows
