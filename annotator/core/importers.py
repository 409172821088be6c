"""Reading articles from .txt files and folders, CSV and JSONL into a project.

One call of :func:`import_paths` is one transaction: if any file, row or line is bad, the error
names it and nothing of that call is stored. The same text imported again is skipped and
reported, never duplicated.
"""
from __future__ import annotations

import uuid as uuid_mod
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core import safejson
from annotator.core.encoding import decode_bytes
from annotator.core.errors import AnnotatorError, InputError
from annotator.core.gold_io import store_gold
from annotator.core.import_rows import stamp
from annotator.core.limits import (
    MAX_DATA_FILE_BYTES,
    MAX_TEXT_CHARS,
    MAX_TXT_FILE_BYTES,
    first_few,
    short_repr,
)
from annotator.core.parallel import BoundsWorkers
from annotator.core.read_csv import read_csv, read_txt
from annotator.core.read_jsonl import read_jsonl
from annotator.core.records import ArticleRecord, CodeRecord, default_title
from annotator.core.store import Project, now
from annotator.core.store.codes import check_answer, encode
from annotator.core.store.rowkinds import CODES, SPANS, STATUS
from annotator.core.store.sync import apply_rows
from annotator.core.text import text_sha256
from annotator.core.textfilter import TextFilter, parse_line_range
from annotator.core.tokenizer import token_bounds, tokenizer_id

__all__ = ["ImportReport", "TextFilter", "import_paths", "parse_line_range", "trim_article"]

SUPPORTED = (".txt", ".csv", ".jsonl")
_CSV_FIELDS = ("id", "title", "source", "published", "text")


@dataclass
class ImportReport:
    added: list[tuple[str, str]] = field(default_factory=list)  # (external id, origin)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)
    notes: list[str] = field(default_factory=list)
    annotations: int = 0
    encodings: dict[str, str] = field(default_factory=dict)  # file -> encoding used

    def summary(self) -> str:
        lines = [f"imported {len(self.added)} article(s), {self.annotations} annotation(s)"]
        lines += [f"skipped {origin}: {reason}" for origin, reason in self.skipped]
        lines += self.notes
        return "\n".join(lines)


def _too_big(path: Path, size: int) -> InputError:
    if path.suffix.lower() == ".txt":
        return InputError(
            f"{path}: the file has {size:,} bytes, more than any article within the limit of "
            f"{MAX_TEXT_CHARS:,} characters can take ({MAX_TXT_FILE_BYTES:,} bytes); "
            "a .txt file is one article: split it into several files"
        )
    return InputError(
        f"{path}: the file has {size:,} bytes; the limit is {MAX_DATA_FILE_BYTES:,} bytes per "
        ".csv or .jsonl file; split it into several files and import them together "
        "(still all or nothing)"
    )


def _read(path: Path, encoding: str | None, report: ImportReport) -> str:
    """The decoded text of a file; a file too big to hold what it may is refused unread."""
    limit = MAX_TXT_FILE_BYTES if path.suffix.lower() == ".txt" else MAX_DATA_FILE_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            raise _too_big(path, size)
        with path.open("rb") as file:
            data = file.read(limit + 1)  # the file may have grown since
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > limit:
        raise _too_big(path, len(data))
    decoded = decode_bytes(data, str(path), encoding)
    del data
    at = safejson.first_surrogate(decoded.text)  # only unusual --encoding codecs make them
    if at is not None:
        line, _column = safejson.line_and_column(decoded.text, at)
        raise InputError(
            f"{path} line {line}: holds {safejson.surrogate_reason(decoded.text[at])}; "
            "or give the file's real --encoding"
        )
    report.encodings[str(path)] = decoded.encoding
    return decoded.text


# --- the import ---------------------------------------------------------------------------


def _files(paths: list[Path], report: ImportReport) -> Iterator[tuple[Path, str]]:
    """(file, default external id) for every importable file named or inside a folder."""
    for path in paths:
        if path.is_dir():
            ignored = 0
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUPPORTED:
                    yield child, child.relative_to(path).with_suffix("").as_posix()
                elif not child.name.startswith("."):
                    ignored += 1
            if ignored:
                report.notes.append(f"{path}: ignored {ignored} file(s) that are not .txt/.csv/.jsonl")
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED:
                raise InputError(
                    f"{path}: unsupported file type {path.suffix or '(none)'}; "
                    "import .txt files or folders of them, .csv or .jsonl"
                )
            yield path, path.stem
        else:
            raise InputError(f"{path}: no such file or folder")


def read_records(
    paths: list[Path], encoding: str | None, report: ImportReport
) -> Iterator[ArticleRecord]:
    for path, default_id in _files(paths, report):
        text = _read(path, encoding, report)
        suffix = path.suffix.lower()
        if suffix == ".txt":
            yield from read_txt(path, default_id, text)
        elif suffix == ".csv":
            for k, record in enumerate(read_csv(path, text), start=1):
                record.external_id = record.external_id or f"{default_id}-{k}"
                yield record
        else:
            for k, record in enumerate(read_jsonl(path, text), start=1):
                record.external_id = record.external_id or f"{default_id}-{k}"
                yield record


def import_paths(
    project: Project,
    paths: list[str | Path],
    encoding: str | None = None,
    text_filter: TextFilter | None = None,
    processes: int | None = None,
) -> ImportReport:
    """Import everything named, in one transaction; see the module docstring.

    Records are read and checked in batches; each batch's texts are tokenized by worker
    processes (``processes``, default one per core up to 4; 1 keeps it all in this process)
    while this process stores the articles. Token bounds are stored with each article (cue
    spans, which need lemmas, are added the first time it is opened).
    """
    report = ImportReport()
    text_filter = text_filter or TextFilter()
    labels = set(project.schema.label_ids)
    tok = tokenizer_id()
    batch: list[tuple[ArticleRecord, str]] = []
    with project.transaction(), BoundsWorkers(processes) as workers:
        for record in read_records([Path(p) for p in paths], encoding, report):
            batch.append((record, prepare_text(record, text_filter, labels, report)))
            if len(batch) >= _BATCH:
                _store_batch(project, batch, workers, tok, report)
                batch = []
        _store_batch(project, batch, workers, tok, report)
    return report


_BATCH = 2000


def _store_batch(
    project: Project,
    batch: list[tuple[ArticleRecord, str]],
    workers: BoundsWorkers,
    tokenizer: str,
    report: ImportReport,
) -> None:
    all_bounds = workers.map([text for _record, text in batch])
    for (record, text), bounds in zip(batch, all_bounds):
        store_record(project, record, text, bounds, tokenizer, report)


def prepare_text(
    record: ArticleRecord, text_filter: TextFilter, labels: set[str], report: ImportReport
) -> str:
    """The text as it will be stored, after --lines/--cut-at; checks what needs no project."""
    text = record.text
    if text_filter.active:
        if record.annotations or record.gold:
            raise InputError(
                f"{record.origin}: has annotations, so --lines/--cut-at cannot change its text"
            )
        try:
            text, note = text_filter.apply(text)
        except InputError as exc:
            raise InputError(f"{record.origin}: {exc}") from None
        if note:
            report.notes.append(f"{record.origin}: {note}")
    if not text.strip():
        raise InputError(f"{record.origin}: the text is empty")
    if not (record.external_id or "").strip():
        raise InputError(f"{record.origin}: the article id is empty")
    for ann in record.annotations:
        if ann.label not in labels:
            raise InputError(
                f"{record.origin}: unknown label {short_repr(ann.label)}; this project's labels "
                f"are: {first_few(sorted(labels))}"
            )
    return text


def store_record(
    project: Project,
    record: ArticleRecord,
    text: str,
    bounds: array,
    tokenizer: str,
    report: ImportReport,
) -> None:
    """Store one prepared article with its token bounds, annotations and statuses (or skip a
    text the project already has)."""
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
        title=record.title or default_title(text),
        source=record.source,
        published=record.published,
        meta=record.meta,
        origin=record.origin,
        bounds=bounds,
        tokenizer=tokenizer,
        sha256=sha,
    )
    fresh = [ann.uuid for ann in record.annotations if ann.revision is None and ann.uuid]
    for uuid in fresh:
        if fresh.count(uuid) > 1 or project.db.execute(
            "SELECT 1 FROM annotations WHERE uuid = ?", [uuid]
        ).fetchone():
            raise InputError(f"{record.origin}: an annotation with uuid {uuid} already exists")
    spans = [
        stamp(project, {
            "uuid": ann.uuid or str(uuid_mod.uuid4()), "coder": ann.coder, "label": ann.label,
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
    report.annotations += len(spans)
    report.added.append((external_id, record.origin))


def _checked_answer(project: Project, record: ArticleRecord, code: CodeRecord) -> Any:
    """An answer checked against the project's schema, or a refusal naming line and path."""
    where = code.path if code.path.startswith(record.origin) else f"{record.origin} {code.path}"
    try:
        return check_answer(project.schema, code.variable, code.value)
    except AnnotatorError as exc:
        raise InputError(f"{where}: {exc}") from None


def trim_article(project: Project, ref: str, text_filter: TextFilter) -> str:
    """Cut an article that nobody has annotated yet down to its article part; returns a note."""
    article = project.articles.find(ref)
    text, note = text_filter.apply(article.text)
    if not text.strip():
        raise InputError(f"article {article.external_id!r}: nothing would be left of the text")
    if text == article.text:
        return f"article {article.external_id!r} unchanged" + (f" ({note})" if note else "")
    project.articles.replace_text(article.id, text, token_bounds(text), tokenizer_id())
    return (
        f"article {article.external_id!r}: {len(article.text)} -> {len(text)} characters"
        + (f" ({note})" if note else "")
    )
