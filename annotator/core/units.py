"""Coding units: turning spans into the values agreement measures compare.

Per label, three levels (README, "Coding units"):

* token: every token fugashi yields for the stored text, punctuation included. A coder's value
  is 1 if any of their spans with that label covers any character of the token, else 0; it is
  missing (None) when the coder has not marked the article done. Done with nothing marked is 0.
* character: the articles every compared coder has done, laid end to end, for unitizing alpha
  (and, per pair, the articles both have done, for span F1).
* article: 1 if the coder has any span with that label in the article, else 0; missing when
  the coder has not marked it done.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.core.errors import ProjectError
from annotator.core.store import Project
from annotator.core.tokenizer import token_bounds_flat, tokenizer_id

Span = tuple[int, int]


@dataclass
class ArticleUnits:
    """One article as the measures see it: tokens, who is done, and their spans per label."""

    id: int
    external_id: str
    title: str
    text: str
    starts: Sequence[int]  # token starts, ascending
    ends: Sequence[int]
    done: set[str]
    spans: dict[str, dict[str, list[Span]]] = field(default_factory=dict)  # coder -> label -> spans

    @property
    def length(self) -> int:
        return len(self.text)

    def coder_spans(self, coder: str, label: str) -> list[Span]:
        return self.spans.get(coder, {}).get(label, [])

    def token_values(self, coder: str, label: str) -> list[int | None]:
        """This coder's token values for one label in this article."""
        if coder not in self.done:
            return [None] * len(self.starts)
        return list(self.marks(self.coder_spans(coder, label)))

    def marks(self, spans: Sequence[Span]) -> list[int]:
        """1 for each token any of ``spans`` covers a character of, else 0 (the token level's
        one rule, for coders' spans, gold spans and cue words alike)."""
        values = [0] * len(self.starts)
        for start, end in spans:
            first, last = self.token_range(start, end)
            if last > first:
                values[first:last] = [1] * (last - first)
        return values

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices ``first:last`` of the tokens a span covers any character of (empty if none)."""
        first = bisect_right(self.ends, start)  # first token ending after the span starts
        last = bisect_left(self.starts, end)  # first token starting at or after its end
        return first, last

    def article_value(self, coder: str, label: str) -> int | None:
        if coder not in self.done:
            return None
        return 1 if self.coder_spans(coder, label) else 0


@dataclass
class StudyData:
    """What agreement is computed on: the chosen coders, labels and articles."""

    coders: list[str]
    labels: list[str]
    articles: list[ArticleUnits]

    def token_rows(self, label: str) -> dict[str, list[int | None]]:
        """One row per coder, one column per token of every article, in article order."""
        rows: dict[str, list[int | None]] = {c: [] for c in self.coders}
        for article in self.articles:
            for coder in self.coders:
                rows[coder].extend(article.token_values(coder, label))
        return rows

    def article_rows(self, label: str) -> dict[str, list[int | None]]:
        return {c: [a.article_value(c, label) for a in self.articles] for c in self.coders}

    def continuum(
        self, coders: list[str], label: str | None = None
    ) -> tuple[dict[str, list[tuple[int, int, str]]], int, int]:
        """Spans of ``coders`` on the articles all of them have done, laid end to end.

        Returns ({coder: [(start, end, label)]}, total length, number of articles). With
        ``label`` None, spans of every label are included.
        """
        spans: dict[str, list[tuple[int, int, str]]] = {c: [] for c in coders}
        offset = 0
        count = 0
        labels = [label] if label else self.labels
        for article in self.articles:
            if not all(c in article.done for c in coders):
                continue
            count += 1
            for coder in coders:
                for lab in labels:
                    for start, end in article.coder_spans(coder, lab):
                        spans[coder].append((offset + start, offset + end, lab))
            offset += article.length
        return spans, offset, count


def collect(
    project: Project,
    coders: list[str] | None = None,
    article_refs: list[str] | None = None,
) -> StudyData:
    """Read what the measures need from a project (nothing is written).

    By default the coders are all who have marked at least one article done, and the
    articles all articles of the project.
    """
    known = project.coders.names()
    if coders:
        unknown = [c for c in coders if c not in known]
        if unknown:
            raise ProjectError(
                f"no coder(s) {', '.join(map(repr, unknown))} in {project.path}; "
                f"its coders are: {', '.join(known) or 'none'}"
            )
        chosen_coders = list(dict.fromkeys(coders))
    else:
        done_by = set().union(*project.statuses.done().values())
        chosen_coders = [c for c in known if c in done_by]
    if article_refs:
        ids = [project.articles.find(ref).id for ref in article_refs]
    else:
        ids = project.articles.ids()
    statuses = project.statuses.done()
    spans: dict[int, dict[str, dict[str, list[Span]]]] = {}
    for ann in project.annotations.list():
        if ann.coder in chosen_coders:
            by_coder = spans.setdefault(ann.article_id, {})
            by_coder.setdefault(ann.coder, {}).setdefault(ann.label, []).append((ann.start, ann.end))
    tok = tokenizer_id()
    articles = []
    for article_id in dict.fromkeys(ids):
        article = project.articles.get(article_id)
        flat = project.tokens.bounds_flat(article_id, tok, len(article.text))
        if flat is None:
            flat = token_bounds_flat(article.text)
        articles.append(
            ArticleUnits(
                id=article_id,
                external_id=article.external_id,
                title=article.title,
                text=article.text,
                starts=flat[0::2],
                ends=flat[1::2],
                done=statuses.get(article_id, set()) & set(chosen_coders),
                spans=spans.get(article_id, {}),
            )
        )
    return StudyData(chosen_coders, list(project.schema.label_ids), articles)
