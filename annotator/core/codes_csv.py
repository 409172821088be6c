"""The article codes as a table: one row per article and coder, one column per variable.

For R, pandas and Excel. ``single`` and ``ordinal`` answers are option ids, ``boolean`` answers
1/0, and a ``multi`` variable becomes one 0/1 column per option (``variable:option``). A cell is
empty when the coder gave no answer or the variable does not apply to that article for that
coder (its answer is then not counted). Written Excel-safe like the other CSV files, or plain
(text as it is), or as a sheet of a workbook.
"""

from __future__ import annotations

from collections.abc import Iterator

from annotator.core.csvout import Table, render_csv
from annotator.core.gold_io import GOLD
from annotator.core.store import Project
from annotator.core.variables import Answer, Variable, effective

FIXED_COLUMNS = ("article_id", "title", "coder", "status")


def columns(variables: tuple[Variable, ...]) -> list[str]:
    out = list(FIXED_COLUMNS)
    for var in variables:
        if var.type == "multi":
            out += [f"{var.id}:{option}" for option in var.option_ids]
        else:
            out.append(var.id)
    return out


def _cells(var: Variable, value: Answer) -> list[object]:
    if var.type == "multi":
        return [None if value is None else int(option in value) for option in var.option_ids]
    if var.type == "boolean":
        return [None if value is None else int(value)]
    return [value]


def rows(project: Project, only: str | None = None) -> Iterator[list[object]]:
    """Every article and coder with a status or an answer, in article order, coders by name
    (``only``: one coder, or ``gold``: the gold answers with the adjudication status)."""
    variables = project.schema.variables
    if only == GOLD:
        answers = {aid: {GOLD: project.gold.answers(aid)} for aid in project.articles.ids()}
        statuses = {aid: {GOLD: status} for aid, status in project.gold.statuses().items()}
    else:
        answers, statuses = project.codes.all(), project.statuses.all()
    for summary in project.articles.summaries():
        by_coder = answers.get(summary.id, {})
        for coder in sorted(set(by_coder) | set(statuses.get(summary.id, {}))):
            if only is not None and coder != only or not (by_coder.get(coder) or
                                                           coder in statuses.get(summary.id, {})):
                continue
            counted = effective(variables, by_coder.get(coder, {}))
            status = statuses.get(summary.id, {}).get(coder, "not_started")
            row: list[object] = [summary.external_id, summary.title, coder, status]
            for var in variables:
                row += _cells(var, counted.get(var.id))
            yield row


def codes_table(project: Project, coder: str | None = None) -> Table:
    """The table this module describes, for CSV and workbooks alike."""
    return Table(tuple(columns(project.schema.variables)),
                 [tuple(row) for row in rows(project, coder)])


def codes_csv(project: Project, coder: str | None = None, plain: bool = False) -> str:
    """:func:`codes_table` as CSV (``plain``: text cells as they are, for R and pandas)."""
    table = codes_table(project, coder)
    return render_csv(table.header, table.rows, plain)
