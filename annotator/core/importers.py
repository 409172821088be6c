"""Reading articles from .txt files and folders, CSV and JSONL into a project.

One call of :func:`import_paths` is one transaction: if any file, row or line is bad, the error
names it and nothing of that call is stored. The same text imported again is skipped and
reported, never duplicated.
"""

from __future__ import annotations

import csv
import json
import re
import uuid as uuid_mod
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core import safejson
from annotator.core.encoding import decode_bytes
from annotator.core.errors import AnnotatorError, InputError
from annotator.core.import_rows import Revision, read_revision, stamp
from annotator.core.limits import (
    MAX_CSV_COLUMNS,
    MAX_DATA_FILE_BYTES,
    MAX_JSON_DEPTH,
    MAX_TEXT_CHARS,
    MAX_TXT_FILE_BYTES,
    check_text_size,
    first_few,
    short_repr,
    short_text,
)
from annotator.core.model import STATUSES
from annotator.core.store import Project, now
from annotator.core.store.sync import SPANS, STATUS, apply_rows
from annotator.core.text import normalize_text, normalize_with_map, text_sha256
from annotator.core.parallel import BoundsWorkers
from annotator.core.tokenizer import token_bounds, tokenizer_id
from annotator.core.values import canonical_uuid, utc_timestamp

SUPPORTED = (".txt", ".csv", ".jsonl")
_CSV_FIELDS = ("id", "title", "source", "published", "text")


@dataclass(frozen=True)
class TextFilter:
    """Keeps only the article part of a scraped text.

    ``lines`` is a 1-based inclusive (first, last) range, either end may be None. ``cut_at``
    drops everything from the first line that starts with the marker (leading spaces ignored).
    """

    lines: tuple[int | None, int | None] | None = None
    cut_at: str | None = None

    @property
    def active(self) -> bool:
        return self.lines is not None or bool(self.cut_at)

    def apply(self, text: str) -> tuple[str, str]:
        """Return the kept text and a note for the report ('' when nothing to say)."""
        lines = text.split("\n")
        note = ""
        if self.lines is not None:
            first, last = self.lines
            first = first or 1
            last = last or len(lines)
            if first > len(lines):
                raise InputError(
                    f"--lines {first}-{last}: the text has only {len(lines)} line(s)"
                )
            lines = lines[first - 1 : last]
        if self.cut_at:
            # leading spaces are ignored on both sides: " 更多新聞" finds "更多新聞..." too
            marker = self.cut_at.lstrip(" \t\u3000") or self.cut_at
            for i, line in enumerate(lines):
                if line.lstrip(" \t\u3000").startswith(marker):
                    lines = lines[:i]
                    break
            else:
                note = f"--cut-at marker {self.cut_at!r} not found; text kept whole"
        while lines and not lines[-1].strip():
            lines.pop()
        return "\n".join(lines), note


def parse_line_range(value: str) -> tuple[int | None, int | None]:
    """'2-15', '3-', '-40' or '7' -> a 1-based inclusive range."""
    match = re.fullmatch(r"\s*(\d*)\s*(?:[-:]\s*(\d*))?\s*", value)
    if not match or not (match.group(1) or match.group(2)):
        raise InputError(f"--lines {value!r}: write a range such as 2-15, 3- or -40")
    first = int(match.group(1)) if match.group(1) else None
    if match.group(2) is None and match.group(1):
        last = first
    else:
        last = int(match.group(2)) if match.group(2) else None
    if (first is not None and first < 1) or (first and last and last < first):
        raise InputError(f"--lines {value!r}: lines count from 1 and the range must not be empty")
    return first, last


@dataclass
class AnnotationRecord:
    """One annotation as read from a JSONL line, offsets already moved to the stored text.

    ``uuid`` is canonical (lower case, hyphenated; a JSONL "" got a new uuid4) and the times
    are UTC with milliseconds and a Z, or None when the line had none (the project fills in).
    """

    coder: str
    label: str
    start: int
    end: int
    note: str = ""
    uuid: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    deleted_at: str | None = None  # a deletion exported with the span (it stays deleted)
    revision: Revision | None = None  # as exported; None: a new edit of the importing file


@dataclass
class ArticleRecord:
    """One article as read from a file, before it is stored."""

    origin: str  # where it came from, for messages: "a.csv line 4"
    text: str  # normalized
    external_id: str | None = None
    title: str = ""
    source: str = ""
    published: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    annotations: list[AnnotationRecord] = field(default_factory=list)
    status: dict[str, str] = field(default_factory=dict)
    # coder -> (updated, revision) for statuses exported with their revisions
    status_revisions: dict[str, tuple[str | None, Revision | None]] = field(default_factory=dict)


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


def default_title(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            title = line.strip()
            return title if len(title) <= 80 else title[:79] + "…"
    return ""


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


# --- readers ------------------------------------------------------------------------------


def read_txt(path: Path, external_id: str, text: str) -> Iterator[ArticleRecord]:
    """A .txt file is one article."""
    text = normalize_text(text)
    check_text_size(text, str(path))
    yield ArticleRecord(origin=str(path), text=text, external_id=external_id)


def _blank(text: str) -> bool:
    """``not text.strip()`` without copying a text that may be 50 MB."""
    return not text or text.isspace()


def _lines(text: str) -> Iterator[str]:
    """The lines of normalized text (LF only), each with its LF, one at a time: io.StringIO
    would hold a copy of the whole file at 4 bytes a character."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        end = size if end < 0 else end + 1
        yield text[start:end]
        start = end


_EOL = re.compile(r"\r\n|\r|\n")


def _jsonl_lines(text: str) -> Iterator[str]:
    """The lines of a JSONL file without their ends, one at a time (not a list of them all).

    Not str.splitlines(): U+2028, U+2029 and U+0085 may stand unescaped inside a JSON string
    (json.dumps(ensure_ascii=False) writes them so); only CR and LF end a JSONL line.
    """
    start = 0
    for end in _EOL.finditer(text):
        yield text[start : end.start()]
        start = end.end()
    yield text[start:]


def _next_row(reader: Any) -> list[str]:
    """The next CSV row, with cells limited to MAX_TEXT_CHARS (the csv module's own default,
    131,072, is below the article limit). The limit is the csv module's global state, so it is
    set only for this call."""
    old = csv.field_size_limit(MAX_TEXT_CHARS)
    try:
        return next(reader)
    finally:
        csv.field_size_limit(old)


def _csv_error(path: Path, line: int, exc: csv.Error, what: str) -> InputError:
    if str(exc).startswith("field larger than field limit"):
        return InputError(
            f"{path} line {line}: a field has more than {MAX_TEXT_CHARS:,} characters; "
            f"the limit is {MAX_TEXT_CHARS:,} per article (and per field); split the article "
            "into several rows, or check for a quote that is never closed"
        )
    return InputError(f"{path} line {line}: {what} ({exc})")


def read_csv(path: Path, text: str) -> Iterator[ArticleRecord]:
    """A header row; a `text` column; optional id, title, source, published; the rest is meta."""
    text = normalize_text(text)
    reader = csv.reader(_lines(text), strict=True)
    try:
        header = _next_row(reader)
    except StopIteration:
        raise InputError(f"{path}: the CSV file is empty") from None
    except csv.Error as exc:
        raise _csv_error(path, 1, exc, "malformed CSV header") from None
    if len(header) > MAX_CSV_COLUMNS:
        raise InputError(
            f"{path} line 1: the header has {len(header):,} columns; the limit is "
            f"{MAX_CSV_COLUMNS:,}; check that the file is comma-separated and drop unused columns"
        )
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if "text" not in names:
        raise InputError(
            f"{path} line 1: no 'text' column (columns found: "
            f"{first_few(short_text(h, 40) for h in header)}); "
            "name the column that holds the article text 'text'"
        )
    dupes = sorted(n for n, times in Counter(names).items() if times > 1 and n)
    if dupes:
        raise InputError(
            f"{path} line 1: column(s) named twice: {first_few(short_text(n, 40) for n in dupes)}"
        )
    while True:
        line = reader.line_num + 1  # where the row starts; a quoted cell may span lines
        try:
            row = _next_row(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _csv_error(path, reader.line_num, exc, "malformed CSV") from None
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(names):
            raise InputError(
                f"{path} line {line}: {len(row)} field(s), but the header has {len(names)}; "
                "check for an unquoted comma or a missing quote"
            )
        values = dict(zip(names, row))
        check_text_size(values["text"], f"{path} line {line}")
        body = normalize_text(values["text"])
        if _blank(body):
            raise InputError(f"{path} line {line}: the 'text' field is empty")
        yield ArticleRecord(
            origin=f"{path} line {line}",
            text=body,
            external_id=values.get("id", "").strip() or None,
            title=values.get("title", "").strip(),
            source=values.get("source", "").strip(),
            published=values.get("published", "").strip(),
            meta={k: v for k, v in values.items() if k not in _CSV_FIELDS and k},
        )


def _field(obj: dict, key: str, kind: type, where: str, default: Any = None) -> Any:
    value = obj.get(key, default)
    if value is None:
        return default
    if kind is int and isinstance(value, bool) or not isinstance(value, kind):
        raise InputError(
            f"{where}: field {key!r} must be {kind.__name__}, not {short_repr(value)}"
        )
    return value


def _json_line(line: str, where: str) -> Any:
    """One JSONL line parsed; too deep nesting and lone surrogates refused with the field."""
    try:
        return safejson.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    except safejson.JsonProblem as exc:
        if exc.path is not None:  # a lone surrogate: name the field (and annotation)
            path = exc.path
            if len(path) >= 3 and path[0] == "annotations" and isinstance(path[1], int):
                where, path = f"{where} annotation {path[1] + 1}", path[2:]
            field = safejson.dotted_path(path[:-1] if exc.in_key else path)
            holder = f"field {field!r} " if field else ""
            what = "has a key that holds" if exc.in_key else "holds"
            raise InputError(f"{where}: {holder}{what} {exc.reason}") from None
        if exc.offset is not None:
            raise InputError(
                f"{where}: {exc.reason} (at column {exc.offset + 1}); an article line needs "
                f"only a few levels (the limit is {MAX_JSON_DEPTH}): flatten its 'meta'"
            ) from None
        raise InputError(f"{where}: {exc.reason}") from None


def _annotation_values(ann: dict, at: str) -> tuple[str | None, str | None, str | None]:
    """The uuid (canonical; a new one for "") and the created/updated times (UTC, ms, Z)."""
    out: list[str | None] = []
    for key, check in (("uuid", canonical_uuid), ("created", utc_timestamp),
                       ("updated", utc_timestamp)):
        value = _field(ann, key, str, at)
        try:
            out.append(None if value is None else check(value))
        except ValueError as exc:
            raise InputError(f"{at}: field {key!r}: {exc}") from None
    return out[0], out[1], out[2]


def read_jsonl(path: Path, text: str) -> Iterator[ArticleRecord]:
    """One JSON object an article a line (see README for the fields).

    Each line is checked before it is parsed (nesting, see :mod:`annotator.core.safejson`) and
    after (lone surrogates, text size, annotation uuids and times), so a bad line is refused
    with its number and field instead of failing later.
    """
    for number, line in enumerate(_jsonl_lines(text), start=1):
        if _blank(line):
            continue
        where = f"{path} line {number}"
        obj = _json_line(line, where)
        if not isinstance(obj, dict):
            raise InputError(f"{where}: each line must be a JSON object")
        raw_text = _field(obj, "text", str, where)
        if raw_text is None or _blank(raw_text):
            raise InputError(f"{where}: field 'text' is missing or empty")
        check_text_size(raw_text, where)
        body, move = normalize_with_map(raw_text)
        claimed = obj.get("sha256")
        if claimed is not None and claimed != text_sha256(body):
            raise InputError(
                f"{where}: 'sha256' does not match the text; the text was changed after export"
            )
        meta = _field(obj, "meta", dict, where, {})
        external_id = obj.get("id")
        if external_id is not None and not isinstance(external_id, (str, int)):
            raise InputError(f"{where}: field 'id' must be a string")
        record = ArticleRecord(
            origin=where,
            text=body,
            external_id=str(external_id) if external_id is not None else None,
            title=_field(obj, "title", str, where, ""),
            source=_field(obj, "source", str, where, ""),
            published=_field(obj, "published", str, where, ""),
            meta=meta,
        )
        for k, ann in enumerate(_field(obj, "annotations", list, where, [])):
            at = f"{where} annotation {k + 1}"
            if not isinstance(ann, dict):
                raise InputError(f"{at}: must be an object")
            start = _field(ann, "start", int, at)
            end = _field(ann, "end", int, at)
            coder = _field(ann, "coder", str, at)
            label = _field(ann, "label", str, at)
            if start is None or end is None or not coder or not label:
                raise InputError(f"{at}: needs coder, label, start and end")
            if not (0 <= start < end <= len(raw_text)):
                raise InputError(
                    f"{at}: offsets {start}-{end} are outside the text "
                    f"({len(raw_text)} characters) or empty"
                )
            covered = _field(ann, "text", str, at)
            if covered is not None and covered != raw_text[start:end]:
                raise InputError(
                    f"{at}: 'text' is {short_repr(covered)} but the text at {start}-{end} is "
                    f"{short_repr(raw_text[start:end])}; offsets are Python code points, "
                    "end exclusive"
                )
            uuid, created, updated = _annotation_values(ann, at)
            deleted = _field(ann, "deleted", str, at)
            try:
                deleted = None if deleted is None else utc_timestamp(deleted)
            except ValueError as exc:
                raise InputError(f"{at}: field 'deleted': {exc}") from None
            record.annotations.append(
                AnnotationRecord(
                    coder=coder,
                    label=label,
                    start=move(start),
                    end=move(end),
                    note=_field(ann, "note", str, at, ""),
                    uuid=uuid,
                    created_at=created,
                    updated_at=updated,
                    deleted_at=deleted,
                    revision=read_revision(ann, at),
                )
            )
        status = _field(obj, "status", dict, where, {})
        for coder, value in status.items():
            if value not in STATUSES:
                raise InputError(
                    f"{where}: status {short_repr(value)} of coder {short_repr(coder)} is not "
                    f"one of {', '.join(STATUSES)}"
                )
        record.status = dict(status)
        _read_statuses(obj, where, record)
        yield record


def _read_statuses(obj: dict, where: str, record: ArticleRecord) -> None:
    """The ``statuses`` list an export writes (each with its revision); it wins over ``status``."""
    listed = _field(obj, "statuses", list, where, None)
    if listed is None:
        return
    record.status = {}
    for k, item in enumerate(listed):
        at = f"{where} status {k + 1}"
        if not isinstance(item, dict):
            raise InputError(f"{at}: must be an object")
        coder = _field(item, "coder", str, at)
        value = _field(item, "status", str, at)
        if not coder or value not in STATUSES:
            raise InputError(f"{at}: needs a coder and a status ({', '.join(STATUSES)})")
        updated = _field(item, "updated", str, at)
        try:
            updated = None if updated is None else utc_timestamp(updated)
        except ValueError as exc:
            raise InputError(f"{at}: field 'updated': {exc}") from None
        record.status[coder] = value
        record.status_revisions[coder] = (updated, read_revision(item, at))


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
        if record.annotations:
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
    article_id = project.articles.add(
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
    try:
        apply_rows(project, SPANS, spans, record.origin)
        apply_rows(project, STATUS, statuses, record.origin)
    except AnnotatorError as exc:
        message = str(exc)
        raise InputError(message if message.startswith(record.origin)
                         else f"{record.origin}: {message}") from None
    report.annotations += len(spans)
    report.added.append((external_id, record.origin))


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
