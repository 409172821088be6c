"""Pre-filling the gold standard where the coders agree (`annotator gold --accept ...`).

Among the coders who marked an article done, a span that enough of them marked identically
(same label, same offsets) becomes a gold span, and an article code that enough of them answered
the same becomes a gold answer: all of them (``all``), more than half (``majority``) or at least
N. At least two coders must agree. Each row records which coders had it (and, for spans, which
had an overlapping span of the same label) and that it was accepted automatically.

The lead's decisions are never overwritten: a gold span or answer that is already there, or
that the lead rejected, is left as it is, so running the pre-fill twice changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.errors import ProjectError
from annotator.core.store import Project
from annotator.core.store.codes import encode
from annotator.core.variables import effective

RULES = ("all", "majority")


def parse_rule(value: str) -> str | int:
    """'all', 'majority' or a whole number of coders, at least 2."""
    value = value.strip().lower()
    if value in RULES:
        return value
    if value.isdigit() and int(value) >= 2:
        return int(value)
    raise ProjectError(f"--accept {value!r}: write all, majority or a number of coders (2 or more)")


def needed(rule: str | int, done: int) -> int:
    """How many of ``done`` coders must agree for the rule (never fewer than 2)."""
    if rule == "all":
        return max(2, done)
    if rule == "majority":
        return max(2, done // 2 + 1)
    return int(rule)


def provenance(
    marks: Iterable[tuple[str, str, int, int]], label: str, start: int, end: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Who had a gold span, from the coders' marks (coder, label, start, end): the coders who
    marked exactly it, and those whose span of the same label only overlapped it."""
    exact, overlapping = set(), set()
    for coder, lab, s, e in marks:
        if (lab, s, e) == (label, start, end):
            exact.add(coder)
        elif lab == label and s < end and start < e:
            overlapping.add(coder)
    return tuple(sorted(exact)), tuple(sorted(overlapping - exact))


@dataclass
class FillReport:
    articles: int = 0
    spans_added: int = 0
    spans_there: int = 0  # already in gold (accepted before, or the lead's)
    spans_rejected: int = 0  # the lead rejected them: left out
    answers_added: int = 0
    answers_there: int = 0

    def summary(self) -> str:
        return (
            f"{self.articles} article(s): {self.spans_added} gold span(s) added, "
            f"{self.spans_there} already in gold, {self.spans_rejected} rejected by the lead "
            f"and left out; {self.answers_added} gold answer(s) added, "
            f"{self.answers_there} already in gold"
        )


def accept(
    project: Project, rule: str | int, article_ids: list[int] | None = None,
    by: str = "annotator gold",
) -> FillReport:
    """Add the agreed spans and answers to gold (one transaction); see the module docstring."""
    report = FillReport()
    done_by = project.statuses.done()
    with project.transaction():
        for article_id in article_ids if article_ids is not None else project.articles.ids():
            done = done_by.get(article_id, set())
            report.articles += 1
            if len(done) >= 2:
                _spans(project, article_id, done, needed(rule, len(done)), by, report)
                _answers(project, article_id, done, needed(rule, len(done)), by, report)
    return report


def _spans(project: Project, article_id: int, done: set[str], need: int, by: str,
           report: FillReport) -> None:
    marked: dict[tuple[str, int, int], set[str]] = defaultdict(set)
    for ann in project.annotations.list(article_id):
        if ann.coder in done:
            marked[(ann.label, ann.start, ann.end)].add(ann.coder)
    gold = {(g.label, g.start, g.end): g for g in project.gold.spans(article_id, True)}
    for (label, start, end), coders in sorted(marked.items(), key=lambda kv: kv[0][1:]):
        if len(coders) < need:
            continue
        there = gold.get((label, start, end))
        if there is not None:
            if there.deleted:
                report.spans_rejected += 1
            else:
                report.spans_there += 1
            continue
        marks = [(c, *key) for key, cs in marked.items() for c in cs]
        exact, overlapping = provenance(marks, label, start, end)
        project.gold.add(article_id, label, start, end, source="auto", coders=exact,
                         overlapping=overlapping, decided_by=by)
        report.spans_added += 1


def _answers(project: Project, article_id: int, done: set[str], need: int, by: str,
             report: FillReport) -> None:
    variables = project.schema.variables
    there = project.gold.answer_rows(article_id)
    by_coder = {c: effective(variables, project.codes.answers(article_id, c)) for c in done}
    for var in variables:
        groups: dict[str, set[str]] = defaultdict(set)
        for coder, answers in by_coder.items():
            if var.id in answers:
                groups[encode(answers[var.id]) or ""].add(coder)
        agreed = [(value, coders) for value, coders in groups.items() if len(coders) >= need]
        if len(agreed) != 1:  # nobody, or two answers each with enough coders: not agreed
            continue
        if var.id in there:
            report.answers_there += 1
            continue
        value, coders = agreed[0]
        sample = next(iter(coders))
        project.gold.set_answer(article_id, var.id, by_coder[sample][var.id], source="auto",
                                coders=sorted(coders), decided_by=by)
        report.answers_added += 1
