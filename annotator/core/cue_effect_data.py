"""What the cue-effect analysis compares: every coded article with its cue words, the condition
in which each done coder saw it, and its gold spans (README, "The cue effect").

The condition of a coder in an article is the master's ``cue_conditions`` row (recorded by
merge from a cue-free copy, :mod:`annotator.core.store.cue_conditions`); no row means the
cues were shown. The cue words are the schema's lexicon matched in the article the way the
window underlines them (:func:`annotator.core.session.tokens_and_cues`); overlapping matches of
one label (安全 inside 安全保障) are one cue word. Everything here is plain data, so the measures
(:mod:`annotator.core.cue_effect`) can be tested on hand-made studies without a project.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.core.agreement import _merge
from annotator.core.units import ArticleUnits, Span, collect

WITH, WITHOUT = "with_cues", "without_cues"
CONDITIONS = (WITH, WITHOUT)


@dataclass
class CueArticle:
    """One article: its tokens, who is done, their spans (``units``), its cue words per label,
    the done coders who saw it with and without cues, and its gold spans (None: no gold)."""

    units: ArticleUnits
    cues: dict[str, list[Span]]  # label -> cue words, merged, ascending
    seen: dict[str, tuple[str, ...]]  # condition -> done coders in it, in study order
    gold: dict[str, list[Span]] | None = None

    def coders(self, condition: str) -> tuple[str, ...]:
        return self.seen.get(condition, ())


@dataclass
class CueStudy:
    coders: list[str]
    labels: list[str]
    articles: list[CueArticle] = field(default_factory=list)

    @property
    def has_gold(self) -> bool:
        return any(a.gold is not None for a in self.articles)


def cue_article(
    units: ArticleUnits, cues: dict[str, Sequence[Span]], without: set[str],
    coders: Sequence[str], gold: dict[str, list[Span]] | None = None,
) -> CueArticle:
    """An article of the analysis: ``without`` are the coders who saw it without cues (the
    others of ``coders`` done with it saw them); cue matches of a label are merged."""
    done = [c for c in coders if c in units.done]
    seen = {WITH: tuple(c for c in done if c not in without),
            WITHOUT: tuple(c for c in done if c in without)}
    merged = {label: _merge(spans)[0] for label, spans in cues.items() if spans}
    return CueArticle(units, merged, seen, gold)


def has_both_conditions(project, coders: Sequence[str] | None = None,
                        article_ids: Sequence[int] | None = None) -> bool:
    """Whether some done coder saw an article without cues and some done coder (of
    ``coders``, default all; on ``article_ids``, default all) saw one with them: only then
    is there anything to compare."""
    hidden = {(a, c) for a, c, shown in project.cue_conditions.rows() if not shown}
    if not hidden:
        return False
    wanted = set(coders) if coders else None
    seen = {False: False, True: False}
    scope = set(article_ids) if article_ids is not None else None
    for article_id, done in project.statuses.done().items():
        if scope is not None and article_id not in scope:
            continue
        for coder in done:
            if wanted is None or coder in wanted:
                seen[(article_id, coder) in hidden] = True
    return seen[False] and seen[True]


def read_cue_study(project, coders: list[str] | None = None,
                   articles: list[str] | None = None) -> CueStudy:
    """The analysis' data from a project (a writable one keeps the cue cache computed): the
    coders and articles (external ids, default all) of the agreement report
    (:func:`annotator.core.units.collect`), articles no chosen coder has done left out."""
    from annotator.core.coder_vs_gold import has_gold, read_gold
    from annotator.core.session import tokens_and_cues

    data = collect(project, coders, articles)
    hidden: dict[int, set[str]] = {}
    for article_id, coder, shown in project.cue_conditions.rows():
        if not shown:
            hidden.setdefault(article_id, set()).add(coder)
    gold = read_gold(project, data) if has_gold(project) else None
    study = CueStudy(list(data.coders), list(data.labels))
    for units in data.articles:
        if not units.done:
            continue
        article = project.articles.get(units.id, verify=False)
        _, found = tokens_and_cues(project, article, True)
        cues: dict[str, list[Span]] = {}
        for cue in found:
            cues.setdefault(cue.label, []).append((cue.start, cue.end))
        spans = None
        if gold is not None and units.id in gold.spans:
            spans = gold.spans[units.id]
        study.articles.append(cue_article(units, cues, hidden.get(units.id, set()),
                                          study.coders, spans))
    return study


__all__ = ["CONDITIONS", "WITH", "WITHOUT", "CueArticle", "CueStudy", "cue_article",
           "has_both_conditions", "read_cue_study"]
