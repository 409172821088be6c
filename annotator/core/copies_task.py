"""What the *Hand out copies* dialog asks of the master, by its path.

The dialog lives in the GUI thread and never holds the store: it reads the articles, coders and
rounds once (:func:`copies_choices`), asks for a plan on every change of its form
(:func:`plan_copies_at`, which opens the master read-only for the moment it takes) and writes
the copies with :func:`~annotator.core.assign.assign_copies` in a worker thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.assign import CopyPlan, copy_path, plan_copies
from annotator.core.model import Round
from annotator.core.store import Project


@dataclass(frozen=True)
class ArticleChoice:
    """An article the lead can pick: internal id, the id people use, the title."""

    id: int
    external_id: str
    title: str


@dataclass(frozen=True)
class CopiesChoices:
    """What the form offers: the master's articles, its known coders and its rounds."""

    articles: tuple[ArticleChoice, ...]
    coders: tuple[str, ...]
    rounds: tuple[Round, ...]


def copies_choices(master_path: str | Path) -> CopiesChoices:
    """The master's articles (in project order), coders (by name) and rounds (in order)."""
    with Project.open(master_path, read_only=True) as master:
        articles = tuple(ArticleChoice(a.id, a.external_id, a.title)
                         for a in master.articles.summaries())
        return CopiesChoices(articles, tuple(master.coders.names()),
                             tuple(master.rounds.list()))


def plan_copies_at(
    master_path: str | Path,
    coders: Sequence[str],
    article_ids: Sequence[int] | None = None,
    **options: Any,
) -> CopyPlan:
    """:func:`~annotator.core.assign.plan_copies` (same keyword options: ``sample``,
    ``overlap``, ``seed``, ``round``) on the master at ``master_path``, opened read-only."""
    with Project.open(master_path, read_only=True) as master:
        return plan_copies(master, list(coders),
                           None if article_ids is None else list(article_ids), **options)


def copy_paths(
    master_path: str | Path, coders: Sequence[str], out_dir: str | Path, round: str | None = None
) -> dict[str, Path]:
    """coder -> the file :func:`~annotator.core.assign.assign_copies` will write for them."""
    return {coder: copy_path(Path(master_path), coder, Path(out_dir), round) for coder in coders}
