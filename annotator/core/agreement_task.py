"""Agreement computed from a project's path, for the Agreement window's worker thread.

The window computes off the GUI thread (:func:`annotator.gui.task_runner.run_task`), and a
SQLite connection belongs to the thread that opened it, so these functions take the path and
open the project themselves, read-only: nothing is written, and the window's own connection is
never touched from the worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.progress import Progress, report
from annotator.core.reports import AgreementReport, agreement_report
from annotator.core.store import Project

if TYPE_CHECKING:
    from annotator.core.round_trend import TrendRow


def agreement_at(
    path: Path,
    coders: list[str] | None = None,
    round: str | None = None,  # noqa: A002 - the name the CLI and the core use
    progress: Progress | None = None,
    *, bootstrap: int = 2000, seed: int | None = None, level: float = 0.95,
) -> AgreementReport:
    """The agreement report of the project at ``path``: the given coders (None: all who marked
    an article done) on the articles of the round named ``round`` (None: all articles), every
    alpha with its interval from ``bootstrap`` resamples of the articles (0: none)."""
    report(progress, 0, 1, "reading the project")
    with Project.open(path, read_only=True, reason="agreement only reads it") as project:
        result = agreement_report(project, coders, round=round, bootstrap=bootstrap, seed=seed,
                                  level=level, progress=progress)
    report(progress, 1, 1, "")
    return result


def trend_at(
    path: Path, coders: list[str] | None = None, progress: Progress | None = None
) -> list[TrendRow]:
    """The round by round trend (alpha per frame, all frames and article code) of the project
    at ``path``; empty when it has no rounds."""
    from annotator.core.round_trend import round_trend

    with Project.open(path, read_only=True, reason="agreement only reads it") as project:
        return round_trend(project, coders, progress=progress)
