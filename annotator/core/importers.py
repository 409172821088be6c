"""Reading articles from .txt files and folders, CSV and JSONL into a project.

One call of :func:`import_paths` is one transaction: if any file, row or line is bad, the error
names it and nothing of that call is stored. The same text imported again is skipped and
reported, never duplicated.
"""

from __future__ import annotations

import csv
import io
import json
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.encoding import decode_bytes
from annotator.core.errors import InputError
from annotator.core.project import STATUSES, Project
from annotator.core.text import normalize_text, normalize_with_map, text_sha256
from annotator.core.parallel import BoundsWorkers
from annotator.core.tokenizer import token_bounds, tokenizer_id

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
    coder: str
    label: str
    start: int
    end: int
    note: str = ""
    uuid: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


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


def _read(path: Path, encoding: str | None, report: ImportReport) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    decoded = decode_bytes(data, str(path), encoding)
    report.encodings[str(path)] = decoded.encoding
    return decoded.text


# --- readers ------------------------------------------------------------------------------


def read_txt(path: Path, external_id: str, text: str) -> Iterator[ArticleRecord]:
    yield ArticleRecord(origin=str(path), text=normalize_text(text), external_id=external_id)


def read_csv(path: Path, text: str) -> Iterator[ArticleRecord]:
    """A header row; a `text` column; optional id, title, source, published; the rest is meta."""
    text = normalize_text(text)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{path}: the CSV file is empty") from None
    except csv.Error as exc:
        raise InputError(f"{path} line 1: malformed CSV header ({exc})") from None
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if "text" not in names:
        raise InputError(
            f"{path} line 1: no 'text' column (columns found: {', '.join(header)}); "
            "name the column that holds the article text 'text'"
        )
    dupes = {n for n in names if names.count(n) > 1 and n}
    if dupes:
        raise InputError(f"{path} line 1: column(s) named twice: {', '.join(sorted(dupes))}")
    while True:
        line = reader.line_num + 1  # where the row starts; a quoted cell may span lines
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"{path} line {reader.line_num}: malformed CSV ({exc})") from None
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(names):
            raise InputError(
                f"{path} line {line}: {len(row)} field(s), but the header has {len(names)}; "
                "check for an unquoted comma or a missing quote"
            )
        values = dict(zip(names, row))
        body = normalize_text(values["text"])
        if not body.strip():
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
        raise InputError(f"{where}: field {key!r} must be {kind.__name__}, not {value!r}")
    return value


def read_jsonl(path: Path, text: str) -> Iterator[ArticleRecord]:
    """One JSON object an article a line (see README for the fields)."""
    # Not str.splitlines(): U+2028, U+2029 and U+0085 may stand unescaped inside a JSON string
    # (json.dumps(ensure_ascii=False) writes them so); only CR and LF end a JSONL line.
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if not line.strip():
            continue
        where = f"{path} line {number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(obj, dict):
            raise InputError(f"{where}: each line must be a JSON object")
        raw_text = _field(obj, "text", str, where)
        if raw_text is None or not raw_text.strip():
            raise InputError(f"{where}: field 'text' is missing or empty")
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
                    f"{at}: 'text' is {covered!r} but the text at {start}-{end} is "
                    f"{raw_text[start:end]!r}; offsets are Python code points, end exclusive"
                )
            record.annotations.append(
                AnnotationRecord(
                    coder=coder,
                    label=label,
                    start=move(start),
                    end=move(end),
                    note=_field(ann, "note", str, at, ""),
                    uuid=_field(ann, "uuid", str, at),
                    created_at=_field(ann, "created", str, at),
                    updated_at=_field(ann, "updated", str, at),
                )
            )
        status = _field(obj, "status", dict, where, {})
        for coder, value in status.items():
            if value not in STATUSES:
                raise InputError(
                    f"{where}: status {value!r} of coder {coder!r} is not one of "
                    f"{', '.join(STATUSES)}"
                )
        record.status = dict(status)
        yield record


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
                f"{record.origin}: unknown label {ann.label!r}; this project's labels are: "
                f"{', '.join(sorted(labels))}"
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
    existing = project.article_by_sha(sha)
    if existing is not None:
        other = project.article(existing).external_id
        report.skipped.append((record.origin, f"same text as article {other!r}, not imported again"))
        return
    external_id = (record.external_id or "").strip()
    if project.article_by_external_id(external_id) is not None:
        raise InputError(
            f"{record.origin}: id {external_id!r} is already used by another article with a "
            "different text; give this one another id"
        )
    article_id = project.add_article(
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
    for ann in record.annotations:
        try:
            project.add_annotation(
                article_id, ann.coder, ann.label, ann.start, ann.end, ann.note,
                uuid=ann.uuid, created_at=ann.created_at, updated_at=ann.updated_at,
            )
        except Exception as exc:  # ProjectError: name the line it came from
            raise InputError(f"{record.origin}: {exc}") from None
        report.annotations += 1
    for coder, status in record.status.items():
        try:
            project.set_status(article_id, coder, status)
        except Exception as exc:  # ProjectError (e.g. an empty coder name): name the line
            raise InputError(f"{record.origin}: {exc}") from None
    report.added.append((external_id, record.origin))


def trim_article(project: Project, ref: str, text_filter: TextFilter) -> str:
    """Cut an article that nobody has annotated yet down to its article part; returns a note."""
    article = project.find_article(ref)
    text, note = text_filter.apply(article.text)
    if not text.strip():
        raise InputError(f"article {article.external_id!r}: nothing would be left of the text")
    if text == article.text:
        return f"article {article.external_id!r} unchanged" + (f" ({note})" if note else "")
    project.replace_text(article.id, text, token_bounds(text), tokenizer_id())
    return (
        f"article {article.external_id!r}: {len(article.text)} -> {len(text)} characters"
        + (f" ({note})" if note else "")
    )
