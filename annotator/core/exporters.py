"""Writing a project out: JSONL, the format that import reads back unchanged."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from annotator.core.csvout import Table, render_csv
from annotator.core.gold_io import GOLD, as_annotations, gold_object
from annotator.core.model import Annotation
from annotator.core.store import Project
from annotator.core.store.rowkinds import KINDS, to_json
from annotator.core.store.sync import read_rows


def article_objects(project: Project, coder: str | None = None) -> Iterator[dict[str, Any]]:
    """One JSON-ready object an article: its text and metadata, every row that travels (spans
    with their deletions, statuses, answers to article codes) with its revision, and, for
    readers that want just that, ``status`` (coder -> status) and ``codes`` (coder ->
    variable -> answer); ``gold`` (see :mod:`annotator.core.gold_io`) when the article has any.
    Import reads all of it back; merge respects it. ``coder`` keeps one coder's rows only
    (``gold``: the gold standard only)."""
    rows: dict[str, dict[str, list]] = {}
    if coder != GOLD:
        for kind in KINDS:
            for row in read_rows(project, kind, coder=coder):
                rows.setdefault(row["article_sha"], {}).setdefault(kind.json_list, []).append(
                    to_json(kind, row)
                )
    answers = project.codes.all() if coder != GOLD else {}
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
        }
        for kind in KINDS:
            obj[kind.json_list] = mine.get(kind.json_list, [])
        gold = gold_object(project, summary.id) if coder in (None, GOLD) else None
        if gold is not None:
            obj["gold"] = gold
        yield obj


def write_jsonl(project: Project, out: TextIO, coder: str | None = None) -> int:
    """Write every article as one JSON line (UTF-8, LF); returns the number written."""
    count = 0
    for obj in article_objects(project, coder):
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        count += 1
    return count


ANNOTATION_CSV = (
    "article_id", "title", "coder", "label", "start", "end", "text", "note", "created",
    "updated", "uuid",
)


def spans_of(project: Project, coder: str | None = None) -> list[Annotation]:
    """Live spans of every coder, of one, or of the gold standard (as the coder ``gold``)."""
    if coder == GOLD:
        return as_annotations(project)
    return project.annotations.list(coder=coder)


def annotations_table(project: Project, coder: str | None = None) -> Table:
    """One row per live span (for R, pandas, Excel); offsets are code points, end exclusive."""
    articles = {s.id: (s.external_id, s.title) for s in project.articles.summaries()}
    return Table(ANNOTATION_CSV, [
        (*articles[a.article_id], a.coder, a.label, a.start, a.end, a.text, a.note,
         a.created_at, a.updated_at, a.uuid)
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
