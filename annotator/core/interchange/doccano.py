"""doccano sequence labeling JSONL: one line per article, spans as ``[start, end, label]``.

Written as doccano imports it::

    {"id": "hard-1", "title": …, "text": …, "label": [[0, 7, "security_concern"], …],
     "coders": ["alice", …], "notes": ["astral 𠮷", …]}

``coders`` and ``notes`` run beside ``label`` (the same length, entry by entry): doccano keeps
keys it does not know as the document's metadata and has no per-span coder or note. The gold
standard is the coder ``gold``. Offsets are UTF-16 code units, as doccano's browser counts them.

Import reads ``label`` lists and the ``entities`` lists of ``{"start_offset", "end_offset",
"label"}`` newer doccano writes, from one .jsonl, a folder of them or doccano's export .zip. A
line without ``coders`` belongs to the coder named like its file: doccano exports each user's
work as ``<user>.jsonl`` when the project is not collaborative (``all.jsonl`` when it is, so the
coder is then ``all``). Lines of the same text in several files are one article. doccano stores
no covered text with a span, so offsets are taken as UTF-16 and an offset inside a surrogate
pair (the middle of 𠮷 or an emoji) is refused by name.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from annotator.core import safejson
from annotator.core.errors import InputError
from annotator.core.files import atomic_open
from annotator.core.interchange.span_offsets import (
    SpanRead,
    articles_with_spans,
    fill_record,
    text_field,
    utf16_reading,
)
from annotator.core.limits import MAX_DATA_FILE_BYTES, check_text_size, short_repr
from annotator.core.progress import Progress
from annotator.core.read_jsonl import _jsonl_lines
from annotator.core.records import ArticleRecord, is_blank
from annotator.core.safe_zip import SafeZip
from annotator.core.store import Project
from annotator.core.text import Utf16Map, normalize_with_map

#: Line separators other than LF written as JSON escapes, so that a reader splitting lines on
#: every Unicode line boundary (Python's ``splitlines``) still sees one article a line.
_LINE_BREAKS = {0x2028: "\\u2028", 0x2029: "\\u2029", 0x85: "\\u0085"}


def export_project(project: Project, out: Path, coder: str | None = None,
                   progress: Progress | None = None) -> str:
    """Write one JSON line per article to ``out`` (whole or not at all)."""
    lines, spans = [], 0
    for article, mine in articles_with_spans(project, coder, progress):
        positions = Utf16Map(article.text)
        mine = sorted(mine, key=lambda s: (s.start, -s.end, s.coder, s.label, s.note))
        lines.append(json.dumps({
            "id": article.external_id, "title": article.title, "text": article.text,
            "label": [[positions.to_utf16(s.start), positions.to_utf16(s.end), s.label]
                      for s in mine],
            "coders": [s.coder for s in mine], "notes": [s.note for s in mine],
        }, ensure_ascii=False).translate(_LINE_BREAKS))
        spans += len(mine)
    with atomic_open(Path(out), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("".join(line + "\n" for line in lines))
    return f"wrote {len(lines)} article(s) with {spans} span(s) to {out}"


def _entries(obj: dict, where: str) -> list[tuple[Any, Any, Any, str]]:
    """(start, end, label, where) of each span of a line, ``label`` or ``entities`` style."""
    if "entities" in obj and obj["entities"] is not None:
        entities = obj["entities"]
        if not isinstance(entities, list) or not all(isinstance(e, dict) for e in entities):
            raise InputError(f"{where}: 'entities' must be a list of objects with "
                             "start_offset, end_offset and label")
        return [(e.get("start_offset"), e.get("end_offset"), e.get("label"),
                 f"{where} entity {k + 1}") for k, e in enumerate(entities)]
    labels = obj.get("label", obj.get("labels", []))
    if labels is None:
        return []
    if not isinstance(labels, list):
        raise InputError(f"{where}: 'label' must be a list of [start, end, label]")
    out = []
    for k, entry in enumerate(labels):
        at = f"{where} label {k + 1}"
        if isinstance(entry, str):
            raise InputError(f"{at}: {short_repr(entry)} is a category, not a span; export "
                             "a sequence labeling project from doccano")
        if not isinstance(entry, list) or len(entry) < 3:
            raise InputError(f"{at}: must be [start, end, label]")
        out.append((entry[0], entry[1], entry[2], at))
    return out


def _beside(obj: dict, key: str, count: int, where: str) -> list[str] | None:
    values = obj.get(key)
    if values is None:
        return None
    if not isinstance(values, list) or len(values) != count \
            or not all(isinstance(v, str) for v in values):
        raise InputError(f"{where}: {key!r} must be a list of {count} text(s), one per span "
                         "in 'label'")
    return values


def _line_record(obj: Any, where: str, default_coder: str
                 ) -> tuple[ArticleRecord, list[SpanRead]]:
    """A line's article and its spans, already in code points of the normalized text."""
    if not isinstance(obj, dict):
        raise InputError(f"{where}: each line must be a JSON object")
    raw = obj.get("text", obj.get("data"))
    if not isinstance(raw, str) or is_blank(raw):
        raise InputError(f"{where}: field 'text' is missing or empty")
    check_text_size(raw, where)
    body, move = normalize_with_map(raw)
    external_id = obj.get("id")
    if external_id is not None and not isinstance(external_id, (str, int)) \
            or isinstance(external_id, bool):
        raise InputError(f"{where}: field 'id' must be text or a number")
    record = ArticleRecord(origin=where, text=body,
                           external_id=None if external_id is None else str(external_id),
                           title=text_field(obj, "title", where))
    entries = _entries(obj, where)
    coders = _beside(obj, "coders", len(entries), where)
    notes = _beside(obj, "notes", len(entries), where)
    positions = Utf16Map(raw)
    spans = []
    for k, (start, end, label, at) in enumerate(entries):
        if any(isinstance(v, bool) or not isinstance(v, int) for v in (start, end)):
            raise InputError(f"{at}: start and end must be whole numbers")
        if not isinstance(label, str) or not label:
            raise InputError(f"{at}: the label must be a name")
        begin, stop = utf16_reading(raw, start, end, at, positions)
        spans.append(SpanRead(coders[k] if coders else default_coder, label, move(begin),
                              move(stop), notes[k] if notes else ""))
    return record, spans


def _lines(name: str, text: str) -> Iterator[tuple[str, Any]]:
    for number, line in enumerate(_jsonl_lines(text), start=1):
        if is_blank(line):
            continue
        where = f"{name} line {number}"
        try:
            yield where, safejson.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg} at column "
                             f"{exc.colno})") from None
        except safejson.JsonProblem as exc:
            raise InputError(f"{where}: {exc.reason}") from None


def _decode(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 (byte {exc.start}); export JSONL from "
                         "doccano") from None


def _files(path: Path) -> Iterator[tuple[str, str, str]]:
    """(name for messages, coder the file stands for, its text) of each JSONL file."""
    try:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.jsonl") if p.is_file())
            if not found:
                raise InputError(f"{path}: the folder holds no .jsonl file")
            for p in found:
                yield str(p), p.stem, _decode(str(p), p.read_bytes())
        elif zipfile.is_zipfile(path):
            with SafeZip(path, str(path)) as archive:
                names = sorted(n for n in archive.names if n.endswith(".jsonl"))
                if not names:
                    raise InputError(f"{path}: the ZIP holds no .jsonl file")
                for n in names:
                    where = f"{path}:{n}"
                    data = archive.read(n, MAX_DATA_FILE_BYTES, " for one .jsonl file")
                    yield where, PurePosixPath(n).stem, _decode(where, data)
        else:
            yield str(path), path.stem, _decode(str(path), path.read_bytes())
    except (OSError, zipfile.BadZipFile) as exc:
        raise InputError(f"{path}: cannot be read ({getattr(exc, 'strerror', None) or exc})") \
            from None


def read_records(path: Path, schema: object = None) -> Iterator[ArticleRecord]:
    """The articles of doccano JSONL (a file, a folder of per-user files or the export ZIP),
    one record per text with every file's spans on it."""
    merged: dict[str, tuple[ArticleRecord, list[SpanRead]]] = {}
    for name, coder, text in _files(Path(path)):
        for where, obj in _lines(name, text):
            record, spans = _line_record(obj, where, coder)
            if record.text in merged:
                merged[record.text][1].extend(spans)
            else:
                merged[record.text] = (record, spans)
    for record, spans in merged.values():
        yield fill_record(record, lambda offset: offset, spans)
