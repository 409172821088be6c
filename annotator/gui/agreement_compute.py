"""Computing the Agreement window's report off the GUI thread, and what it is computed from.

The worker opens the project itself, read-only, from its path (a SQLite connection belongs to
the thread that opened it), so the window never hands its session to another thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from annotator.core.agreement_task import agreement_at, trend_at
from annotator.core.model import Round
from annotator.core.progress import Cancelled, Progress, scaled
from annotator.core.reports import AgreementReport
from annotator.gui.task_runner import run_task

if TYPE_CHECKING:
    from annotator.core.round_trend import TrendRow


@dataclass
class AgreementSource:
    """What the window reads from the session: the file (computing opens it itself), every
    coder registered in it and its calibration rounds."""

    path: Path
    coders: list[str]
    rounds: list[Round] = field(default_factory=list)


def compute(
    parent: QWidget | None, path: Path, coders: list[str] | None, round_name: str | None,
    with_trend: bool,
) -> tuple[AgreementReport, list[TrendRow]] | None:
    """The report (and, with rounds, the trend) computed in a worker thread behind a progress
    dialog; None if the lead cancelled."""

    def work(progress: Progress) -> tuple[AgreementReport, list[TrendRow]]:
        share = 50 if with_trend else 100
        report = agreement_at(path, coders, round_name, scaled(progress, 0, share, 100))
        # the trend compares the report's coders (the checked ones) in every round
        trend = (trend_at(path, report.coders or None, scaled(progress, 50, 50, 100))
                 if with_trend else [])
        return report, trend

    title = QCoreApplication.translate("AgreementWindow", "Computing agreement")
    try:
        return run_task(parent, title, work)
    except Cancelled:
        return None
