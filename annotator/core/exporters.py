"""Writing a project out: JSONL, the format that import reads back unchanged."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from annotator.core.project import Project


def article_objects(project: Project) -> Iterator[dict[str, Any]]:
    """One JSON-ready object an article, with its live annotations and every coder's status."""
    by_article: dict[int, list] = {}
    for ann in project.annotations():
        by_article.setdefault(ann.article_id, []).append(ann)
    for summary in project.articles():
        article = project.article(summary.id)
        yield {
            "id": article.external_id,
            "title": article.title,
            "text": article.text,
            "source": article.source,
            "published": article.published,
            "meta": article.meta,
            "sha256": article.sha256,
            "annotations": [
                {
                    "uuid": ann.uuid,
                    "coder": ann.coder,
                    "label": ann.label,
                    "start": ann.start,
                    "end": ann.end,
                    "text": ann.text,
                    "note": ann.note,
                    "created": ann.created_at,
                    "updated": ann.updated_at,
                }
                for ann in by_article.get(article.id, [])
            ],
            "status": summary.statuses,
        }


def write_jsonl(project: Project, out: TextIO) -> int:
    """Write every article as one JSON line (UTF-8, LF); returns the number written."""
    count = 0
    for obj in article_objects(project):
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        count += 1
    return count
