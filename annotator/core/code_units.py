"""Article codes as coding units: per variable, one value per coder and article.

The rules (README, "Agreement on article codes"):

* The coders and articles are those of the span report (:func:`annotator.core.units.collect`).
* A coder's answer counts only on an article that coder marked done; otherwise it is missing,
  because an unfinished article is not a judgement yet.
* An answer counts only where its variable applies, judged on that coder's own answers
  (:func:`annotator.core.variables.effective`): a variable that does not apply (e.g. the tone of
  an article the coder found not relevant) is missing for that coder and article, not a
  disagreement. A stale answer kept from before the condition changed is dropped the same way.
* A ``multi`` variable becomes one yes/no unit per option, named ``variable:option``: a coder
  who answered it (on a done article, where it applies) has ``True`` if the option is in the
  list, ``False`` if not (an empty list is an answer: none of the options); a coder who did not
  answer it is missing.
* ``single`` and ``boolean`` variables and multi options are nominal; ``ordinal`` variables keep
  their options' order (lowest first) for the ordinal measures.

An answer the schema does not know (impossible through the store, which checks every answer)
is treated as missing rather than crashing a report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.store import Project
from annotator.core.units import StudyData
from annotator.core.variables import Variable, effective

YES_NO = (True, False)


@dataclass(frozen=True)
class CodeUnit:
    """One compared variable: a schema variable, or one option of a multi variable."""

    id: str  # the variable id, or "variable:option"
    variable: Variable
    option: str | None = None
    categories: tuple[Any, ...] = YES_NO  # every possible answer, in order (lowest first)

    @property
    def ordinal(self) -> bool:
        return self.variable.type == "ordinal"

    @property
    def metric(self) -> str:
        return "ordinal" if self.ordinal else "nominal"


@dataclass
class CodeData:
    """The coder x article matrices of every code unit, articles in the study's order."""

    coders: list[str]
    article_ids: list[int]
    units: list[CodeUnit]
    rows: dict[str, dict[str, list[Any]]] = field(default_factory=dict)  # unit -> coder -> values

    def matrix(self, unit: str) -> list[list[Any]]:
        """One row per coder (in ``coders`` order), one value or None per article."""
        return [self.rows[unit][c] for c in self.coders]


def code_units_of(variables: Sequence[Variable]) -> list[CodeUnit]:
    """The units compared for these variables, in schema order (multi options expanded)."""
    units = []
    for var in variables:
        if var.type == "multi":
            units += [CodeUnit(f"{var.id}:{o}", var, o) for o in var.option_ids]
        elif var.type == "boolean":
            units.append(CodeUnit(var.id, var))
        else:
            units.append(CodeUnit(var.id, var, None, var.option_ids))
    return units


def _value(unit: CodeUnit, counted: Mapping[str, Any]) -> Any:
    answer = counted.get(unit.variable.id)
    if answer is None:
        return None
    if unit.option is not None:
        return unit.option in answer if isinstance(answer, list) else None
    if unit.variable.type == "boolean":
        return answer if isinstance(answer, bool) else None
    return answer if isinstance(answer, str) and answer in unit.categories else None


def build_code_data(
    variables: Sequence[Variable],
    answers: Mapping[int, Mapping[str, Mapping[str, Any]]],
    coders: Sequence[str],
    articles: Sequence[tuple[int, set[str]]],
) -> CodeData:
    """The matrices from plain data: ``answers`` as ``Codes.all()`` returns them (article ->
    coder -> variable -> answer), ``articles`` as (article id, coders who marked it done)."""
    units = code_units_of(variables)
    data = CodeData(list(coders), [a for a, _ in articles], units,
                    {u.id: {c: [] for c in coders} for u in units})
    for article_id, done in articles:
        by_coder = answers.get(article_id, {})
        for coder in coders:
            counted = effective(variables, by_coder.get(coder, {})) if coder in done else {}
            for unit in units:
                data.rows[unit.id][coder].append(_value(unit, counted))
    return data


def collect_codes(project: Project, study: StudyData) -> CodeData:
    """The article-code matrices of a project for the coders and articles of ``study``."""
    return build_code_data(
        project.schema.variables, project.codes.all(), study.coders,
        [(a.id, a.done) for a in study.articles],
    )
