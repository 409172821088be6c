"""Writing a project out: JSONL, the format that import reads back unchanged."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from annotator.core.csvout import Table, render_csv
from annotator.core.cue_overlap import CueLookup, conditions_of, cues_shown
from annotator.core.gold_io import GOLD, as_annotations, gold_object
from annotator.core.model import Annotation, Article
from annotator.core.store import Project
from annotator.core.store.rowkinds import KINDS, SPANS, to_json
from annotator.core.store.sync import read_rows


def article_objects(project: Project, coder: str | None = None) -> Iterator[dict[str, Any]]:
    """One JSON-ready object an article: its text and metadata, every row that travels (spans
    with their deletions, statuses, answers to article codes) with its revision, and, for
    readers that want just that, ``status`` (coder -> status) and ``codes`` (coder ->
    variable -> answer); ``gold`` (see :mod:`annotator.core.gold_io`) when the article has any.
    Import reads all of it back; merge respects it. ``coder`` keeps one coder's rows only
    (``gold``: the gold standard only).

    Each span (and gold span) also says whether it overlaps a cue word of its label
    (``cue_own``) and of another (``cue_other``): derived, for analysis, ignored by import.
    ``cues_shown`` (coder -> whether the window underlined cues) lists the article's recorded
    cue conditions (:mod:`annotator.core.store.cue_conditions`), which import records again;
    a coder not listed saw the cues."""
    rows: dict[str, dict[str, list]] = {}
    if coder != GOLD:
        for kind in KINDS:
            for row in read_rows(project, kind, coder=coder):
                rows.setdefault(row["article_sha"], {}).setdefault(kind.json_list, []).append(
                    to_json(kind, row)
                )
    answers = project.codes.all() if coder != GOLD else {}
    cues, shown = CueLookup(project), _conditions_by_article(project, coder)
    for summary in project.articles.summaries():
        article = project.articles.get(summary.id)
        mine = rows.get(article.sha256, {})
        statuses = summary.statuses if coder is None else \
            {c: s for c, s in summary.statuses.items() if c == coder}
        codes = answers.get(summary.id, {})
        obj: dict[str, Any] = {
            "id": article.external_id,
            "title": article.title,
            "text": article.text,
            "source": article.source,
            "published": article.published,
            "meta": article.meta,
            "sha256": article.sha256,
            "status": statuses,
            "codes": codes if coder is None else {c: a for c, a in codes.items() if c == coder},
            "cues_shown": shown.get(summary.id, {}),
        }
        for kind in KINDS:
            obj[kind.json_list] = mine.get(kind.json_list, [])
        gold = gold_object(project, summary.id) if coder in (None, GOLD) else None
        if gold is not None:
            obj["gold"] = gold
        _mark_cues(cues, article, [*obj[SPANS.json_list], *(gold or {}).get("spans", [])])
        yield obj


def _conditions_by_article(project: Project, coder: str | None) -> dict[int, dict[str, bool]]:
    """article id -> coder -> cues shown, for the recorded conditions of the exported coders."""
    found: dict[int, dict[str, bool]] = {}
    for (article_id, name), cues in conditions_of(project).items():
        if coder is None or name == coder:
            found.setdefault(article_id, {})[name] = cues
    return found


def _mark_cues(cues: CueLookup, article: Article, spans: list[dict[str, Any]]) -> None:
    """Add ``cue_own`` and ``cue_other`` to each span object (the article's cue words are
    looked up only when it has spans)."""
    if not spans:
        return
    words = cues.of(article)
    for span in spans:
        span["cue_own"], span["cue_other"] = words.hits(span["start"], span["end"], span["label"])


def write_jsonl(project: Project, out: TextIO, coder: str | None = None) -> int:
    """Write every article as one JSON line (UTF-8, LF); returns the number written."""
    count = 0
    for obj in article_objects(project, coder):
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        count += 1
    return count


ANNOTATION_CSV = (
    "article_id", "title", "coder", "label", "start", "end", "text", "note", "created",
    "updated", "uuid", "cue_own", "cue_other", "cues_shown",
)


def spans_of(project: Project, coder: str | None = None) -> list[Annotation]:
    """Live spans of every coder, of one, or of the gold standard (as the coder ``gold``)."""
    if coder == GOLD:
        return as_annotations(project)
    return project.annotations.list(coder=coder)


def annotations_table(project: Project, coder: str | None = None) -> Table:
    """One row per live span (for R, pandas, Excel); offsets are code points, end exclusive.
    The last columns say whether the span overlaps a cue word of its label and of another,
    and whether its coder saw the cue underlines there (:mod:`annotator.core.cue_overlap`)."""
    articles = {s.id: (s.external_id, s.title) for s in project.articles.summaries()}
    cues, shown = CueLookup(project), conditions_of(project)
    return Table(ANNOTATION_CSV, [
        (*articles[a.article_id], a.coder, a.label, a.start, a.end, a.text, a.note,
         a.created_at, a.updated_at, a.uuid, *cues.flags(a.article_id, a.start, a.end, a.label),
         cues_shown(shown, a.article_id, a.coder))
        for a in spans_of(project, coder)
    ])


def annotations_csv(project: Project, coder: str | None = None, plain: bool = False) -> str:
    """:func:`annotations_table` as CSV (``plain``: text cells as they are, for R and pandas)."""
    table = annotations_table(project, coder)
    return render_csv(table.header, table.rows, plain)


STATUS_COLUMNS = ("article_id", "title", "coder", "status", "spans")


def statuses_table(project: Project, coder: str | None = None) -> Table:
    """One row per article and coder who has a status or a span there (``gold``: the
    adjudication status and the gold spans), with that coder's number of live spans."""
    if coder == GOLD:
        statuses = {aid: {GOLD: status} for aid, status in project.gold.statuses().items()}
    else:
        statuses = project.statuses.all()
    counts: dict[int, dict[str, int]] = {}
    for span in spans_of(project, coder):
        per = counts.setdefault(span.article_id, {})
        per[span.coder] = per.get(span.coder, 0) + 1
    rows = []
    for summary in project.articles.summaries():
        have, spans = statuses.get(summary.id, {}), counts.get(summary.id, {})
        for name in sorted(set(have) | set(spans)):
            if coder is None or name == coder:
                rows.append((summary.external_id, summary.title, name,
                             have.get(name, "not_started"), spans.get(name, 0)))
    return Table(STATUS_COLUMNS, rows)


def workbook_tables(project: Project, coder: str | None = None) -> dict[str, Table]:
    """The sheets of ``export --format xlsx``: spans, codes and statuses."""
    from annotator.core.codes_csv import codes_table

    return {"spans": annotations_table(project, coder), "codes": codes_table(project, coder),
            "statuses": statuses_table(project, coder)}
