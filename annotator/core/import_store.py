"""Storing one prepared article of an import: its text and token bounds, then the annotations,
statuses, article codes and gold that came with it, or a note that the text is already there.

Runs inside :func:`annotator.core.importers.import_paths`'s transaction: an error here undoes the
whole import.
"""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING, Any

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.gold_io import store_gold
from annotator.core.import_rows import stamp
from annotator.core.records import ArticleRecord, CodeRecord, default_title
from annotator.core.store import Project, now, validate_coder_name
from annotator.core.store.codes import check_answer, encode
from annotator.core.store.rowkinds import CODES, SPANS, STATUS
from annotator.core.store.sync import apply_rows
from annotator.core.text import text_sha256
from annotator.core.values import new_uuid

if TYPE_CHECKING:
    from annotator.core.importers import ImportReport


def store_record(
    project: Project,
    record: ArticleRecord,
    text: str,
    bounds: array,
    tokenizer: str,
    report: ImportReport,
    title: str = "",
    lemmas: bytes | None = None,
) -> None:
    """Store one prepared article with its token bounds (and the lemma index the cue lookup
    needs, :mod:`annotator.core.lemma_index`), annotations and statuses (or skip a text the
    project already has)."""
    sha = text_sha256(text)
    existing = project.articles.by_sha(sha)
    if existing is not None:
        other = project.articles.get(existing).external_id
        report.skipped.append((record.origin, f"same text as article {other!r}, not imported again"))
        return
    external_id = (record.external_id or "").strip()
    if project.articles.by_external_id(external_id) is not None:
        raise InputError(
            f"{record.origin}: id {external_id!r} is already used by another article with a "
            "different text; give this one another id"
        )
    project.articles.add(
        external_id=external_id,
        text=text,
        title=title or record.title or default_title(text),
        source=record.source,
        published=record.published,
        meta=record.meta,
        origin=record.origin,
        bounds=bounds,
        tokenizer=tokenizer,
        sha256=sha,
        lemmas=lemmas,
    )
    fresh = [ann.uuid for ann in record.annotations if ann.revision is None and ann.uuid]
    for uuid in fresh:
        if fresh.count(uuid) > 1 or project.execute(
            "SELECT 1 FROM annotations WHERE uuid = ?", [uuid]
        ).fetchone():
            raise InputError(f"{record.origin}: an annotation with uuid {uuid} already exists")
    spans = [
        stamp(project, {
            "uuid": ann.uuid or new_uuid(), "coder": ann.coder, "label": ann.label,
            "start_offset": ann.start, "end_offset": ann.end, "text": text[ann.start:ann.end],
            "note": ann.note, "created_at": ann.created_at or ann.updated_at or now(),
            "updated_at": ann.updated_at, "deleted_at": ann.deleted_at, "article_sha": sha,
        }, ann.revision)
        for ann in record.annotations
    ]
    statuses = [
        stamp(project, {"coder": coder, "status": status, "article_sha": sha,
                        "updated_at": record.status_revisions.get(coder, (None, None))[0]},
              record.status_revisions.get(coder, (None, None))[1])
        for coder, status in record.status.items()
    ]
    answers = [
        stamp(project, {"coder": code.coder, "variable": code.variable, "article_sha": sha,
                        "value": encode(_checked_answer(project, record, code)),
                        "updated_at": code.updated_at}, code.revision)
        for code in record.codes
    ]
    try:
        apply_rows(project, SPANS, spans, record.origin)
        apply_rows(project, STATUS, statuses, record.origin)
        apply_rows(project, CODES, answers, record.origin)
    except AnnotatorError as exc:
        message = str(exc)
        raise InputError(message if message.startswith(record.origin)
                         else f"{record.origin}: {message}") from None
    if record.gold is not None:
        store_gold(project, project.articles.by_sha(sha), text, record.gold, record.origin)
    _store_cue_conditions(project, record, project.articles.by_sha(sha))
    report.annotations += len(spans)
    report.added.append((external_id, record.origin))


def _store_cue_conditions(project: Project, record: ArticleRecord, article_id: int) -> None:
    """Record the cue conditions a JSONL export carried (``cues_shown``), so a cue-effect
    analysis of the imported project sees who coded the article without cue underlines."""
    for coder, shown in record.cues_shown.items():
        try:
            validate_coder_name(coder)
        except AnnotatorError as exc:
            raise InputError(f"{record.origin} $.cues_shown: {exc}") from None
        project.cue_conditions.record(coder, [(article_id, shown)])


def _checked_answer(project: Project, record: ArticleRecord, code: CodeRecord) -> Any:
    """An answer checked against the project's schema, or a refusal naming line and path."""
    where = code.path if code.path.startswith(record.origin) else f"{record.origin} {code.path}"
    try:
        return check_answer(project.schema, code.variable, code.value)
    except AnnotatorError as exc:
        raise InputError(f"{where}: {exc}") from None
