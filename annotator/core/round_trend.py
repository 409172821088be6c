"""Agreement round by round: does the coders' agreement improve from training to the main
round? Each round's figures are exactly those of the agreement report restricted to that
round (:func:`~annotator.core.reports.agreement_report` with ``round=``), so the trend table
and a per-round report never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.core.progress import Progress, report
from annotator.core.reports import ARTICLE_CODE, OVERALL, agreement_report

if TYPE_CHECKING:
    from annotator.core.store import Project

#: The measures of the trend: (measure in the trend, measure and level in the report).
TOKEN_ALPHA = "token_alpha"  # Krippendorff's alpha on tokens, per label
UNITIZING_ALPHA = "unitizing_alpha"  # Krippendorff's unitizing alpha on characters
CODE_ALPHA = "code_alpha"  # alpha of an article code (ordinal metric for ordinal variables)


@dataclass(frozen=True)
class TrendRow:
    round: str
    date: str
    label: str  # a frame label, "*" (all labels) or an article code's id
    measure: str  # token_alpha, unitizing_alpha or code_alpha
    value: float | None
    n_articles: int  # articles of the round marked done by at least two of the coders
    coders: tuple[str, ...]


def round_trend(
    project: Project, coders: Sequence[str] | None = None, progress: Progress | None = None,
    *, only: str | None = None,
) -> list[TrendRow]:
    """Per round (in order; ``only``: that round alone): per label token alpha and unitizing
    alpha, unitizing alpha over all labels ("*"), and each article code's alpha. Without
    ``coders``, each round compares the coders who marked one of its articles done."""
    rounds = [project.rounds.get(only)] if only is not None else project.rounds.list()
    done = project.statuses.done()
    rows: list[TrendRow] = []
    for k, found in enumerate(rounds):
        report(progress, k, len(rounds), found.name)
        if not found.article_ids:
            continue
        result = agreement_report(project, list(coders) if coders else None, round=found.name,
                                  bootstrap=0)  # the trend shows values only
        compared = tuple(result.coders)
        n_articles = sum(
            len(done.get(a, set()) & set(compared)) >= 2 for a in found.article_ids
        )

        def row(label: str, measure: str, value: float | None) -> TrendRow:
            return TrendRow(found.name, found.date, label, measure, value, n_articles, compared)

        for label in result.labels:
            rows.append(row(label, TOKEN_ALPHA,
                            result.value("krippendorff_alpha", "token", label)))
            rows.append(row(label, UNITIZING_ALPHA,
                            result.value("unitizing_alpha", "character", label)))
        rows.append(row(OVERALL, UNITIZING_ALPHA,
                        result.value("unitizing_alpha", "character", OVERALL)))
        for line in result.summary:
            if line.level == ARTICLE_CODE and line.measure.startswith("krippendorff_alpha"):
                rows.append(row(line.label, CODE_ALPHA, line.value))
    report(progress, len(rounds), len(rounds), "")
    return rows


def trend_table(rows: Sequence[TrendRow], measure: str = TOKEN_ALPHA) -> list[list[str]]:
    """The trend of one measure as a text table: a header of round names, then one line per
    label with its value in each round ("—" where there is none)."""
    rounds = list(dict.fromkeys(r.round for r in rows))
    labels = list(dict.fromkeys(r.label for r in rows if r.measure == measure))
    values = {(r.round, r.label): r.value for r in rows if r.measure == measure}
    table = [["label", *rounds]]
    for label in labels:
        cells = [values.get((name, label)) for name in rounds]
        table.append([label, *("—" if v is None else f"{v:.3f}" for v in cells)])
    return table
