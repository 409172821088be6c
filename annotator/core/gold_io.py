"""The gold standard in exported files: with its provenance in JSONL (read back by import), as
the coder ``gold`` in the span CSV, the codes CSV and brat.

In JSONL an article's gold is one object::

    "gold": {"status": "done",
             "spans": [{"uuid", "label", "start", "end", "text", "source", "coders",
                        "overlapping", "decided_by", "rationale", "created", "updated",
                        "deleted"}, ...],
             "codes": {"tone": {"value": "negative", "source": "decided", "coders": ["alice"],
                                "decided_by": "lead", "rationale": "…", "updated": "…"}}}
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from annotator.core.errors import InputError, ProjectError
from annotator.core.model import STATUSES, Annotation, GoldSpan
from annotator.core.store import Project
from annotator.core.values import canonical_uuid, utc_timestamp

#: The name gold takes where files list coders (`--coder gold`, the coder column of CSVs).
GOLD = "gold"
_SOURCES = ("auto", "decided")


def gold_object(project: Project, article_id: int) -> dict[str, Any] | None:
    """An article's gold with provenance, or None when it has none."""
    spans = project.gold.spans(article_id, include_deleted=True)
    codes = project.gold.answer_rows(article_id)
    status = project.gold.status(article_id)
    if not spans and not codes and status == "not_started":
        return None
    return {
        "status": status,
        "spans": [{"uuid": g.uuid, "label": g.label, "start": g.start, "end": g.end,
                   "text": g.text, "source": g.source, "coders": list(g.coders),
                   "overlapping": list(g.overlapping), "decided_by": g.decided_by,
                   "rationale": g.rationale, "created": g.created_at, "updated": g.updated_at,
                   "deleted": g.deleted_at} for g in spans],
        "codes": codes,
    }


def as_annotations(project: Project) -> list[Annotation]:
    """Live gold spans as rows of the coder ``gold`` (the rationale as the note)."""
    return [Annotation(g.uuid, g.article_id, GOLD, g.label, g.start, g.end, g.text, g.rationale,
                       g.created_at, g.updated_at) for g in project.gold.spans()]


def _names(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{where}: must be a list of coder names")
    return tuple(value)


def _time(value: Any, where: str, required: bool = True) -> str | None:
    if value is None and not required:
        return None
    try:
        return utc_timestamp(value) if isinstance(value, str) else utc_timestamp("")
    except ValueError as exc:
        raise InputError(f"{where}: {exc}") from None


def read_gold(obj: Any, where: str) -> dict[str, Any]:
    """Check an article's ``gold`` object as read from JSONL (values against the schema come
    later, in :func:`store_gold`)."""
    if not isinstance(obj, dict):
        raise InputError(f"{where}: must be an object with status, spans and codes")
    status = obj.get("status", "not_started")
    if status not in STATUSES:
        raise InputError(f"{where}.status: {status!r:.40} is not one of {', '.join(STATUSES)}")
    spans = []
    for k, raw in enumerate(obj.get("spans", [])):
        at = f"{where}.spans[{k}]"
        if not isinstance(raw, dict):
            raise InputError(f"{at}: must be an object")
        try:
            uuid = canonical_uuid(raw.get("uuid") or "")
        except ValueError as exc:
            raise InputError(f"{at}.uuid: {exc}") from None
        if raw.get("source") not in _SOURCES:
            raise InputError(f"{at}.source: must be auto or decided")
        for key in ("label", "decided_by", "rationale", "text"):
            if not isinstance(raw.get(key, ""), str):
                raise InputError(f"{at}.{key}: must be text")
        for key in ("start", "end"):
            if isinstance(raw.get(key), bool) or not isinstance(raw.get(key), int):
                raise InputError(f"{at}.{key}: must be a whole number")
        spans.append(GoldSpan(
            uuid, 0, raw["label"], raw["start"], raw["end"], raw.get("text", ""),
            raw["source"], _names(raw.get("coders", []), f"{at}.coders"),
            _names(raw.get("overlapping", []), f"{at}.overlapping"), raw.get("decided_by", ""),
            raw.get("rationale", ""), _time(raw.get("created"), f"{at}.created"),
            _time(raw.get("updated"), f"{at}.updated"),
            _time(raw.get("deleted"), f"{at}.deleted", required=False),
        ))
    codes = obj.get("codes", {})
    if not isinstance(codes, dict) or not all(isinstance(v, dict) for v in codes.values()):
        raise InputError(f"{where}.codes: must be an object of variable -> answer object")
    for variable, row in codes.items():
        if row.get("source") not in _SOURCES:
            raise InputError(f"{where}.codes.{variable}.source: must be auto or decided")
        _names(row.get("coders", []), f"{where}.codes.{variable}.coders")
    return {"status": status, "spans": spans, "codes": codes}


def store_gold(project: Project, article_id: int, text: str, gold: dict[str, Any],
               origin: str) -> None:
    """Store an imported article's gold as it was exported (times and provenance kept)."""
    try:
        for k, span in enumerate(gold["spans"]):
            if text[span.start:span.end] != span.text:
                raise ProjectError(f"gold.spans[{k}]: 'text' is not the text at "
                                   f"{span.start}-{span.end}")
            project.gold.insert(replace(span, article_id=article_id))
        for variable, row in gold["codes"].items():
            project.gold.set_answer(article_id, variable, row.get("value"),
                                    source=row["source"], coders=row.get("coders", []),
                                    decided_by=row.get("decided_by", ""),
                                    rationale=row.get("rationale", ""),
                                    updated=_time(row.get("updated"), "updated", required=False))
        if gold["status"] != "not_started":
            project.gold.set_status(article_id, gold["status"])
    except ProjectError as exc:
        raise InputError(f"{origin}: {exc}") from None


def gold_json(gold: dict[str, Any]) -> str:
    return json.dumps(gold, ensure_ascii=False, sort_keys=True)
