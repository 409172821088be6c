"""Reading JSONL into article records: one JSON object an article a line (see README).

Everything a line says is checked before it is stored: nesting before parsing, then lone
surrogates, text size, offsets against the text, uuids, times and exported revisions, so a bad
line is refused with its number and field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core import safejson
from annotator.core.errors import InputError
from annotator.core.gold_io import read_gold
from annotator.core.import_rows import read_revision
from annotator.core.limits import (
    MAX_JSON_DEPTH,
    check_text_size,
    short_repr,
)
from annotator.core.model import STATUSES
from annotator.core.records import AnnotationRecord, ArticleRecord, CodeRecord, is_blank
from annotator.core.text import normalize_with_map, text_sha256
from annotator.core.values import canonical_uuid, utc_timestamp

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
        if is_blank(line):
            continue
        where = f"{path} line {number}"
        obj = _json_line(line, where)
        if not isinstance(obj, dict):
            raise InputError(f"{where}: each line must be a JSON object")
        raw_text = _field(obj, "text", str, where)
        if raw_text is None or is_blank(raw_text):
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
        _read_codes(obj, where, record)
        _read_cues_shown(obj, where, record)
        if obj.get("gold") is not None:
            record.gold = read_gold(obj["gold"], f"{where} $.gold")
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


def _read_cues_shown(obj: dict, where: str, record: ArticleRecord) -> None:
    """The article's recorded cue conditions (coder -> true/false), which import records again.
    The spans' ``cue_own`` and ``cue_other`` are derived from the text and the schema, so
    import ignores them (the project computes its own)."""
    shown = _field(obj, "cues_shown", dict, where, {})
    for coder, value in shown.items():
        if not isinstance(value, bool):
            raise InputError(f"{where} $.cues_shown.{short_repr(coder)}: must be true or false, "
                             f"not {short_repr(value)}")
    record.cues_shown = dict(shown)


def _read_codes(obj: dict, where: str, record: ArticleRecord) -> None:
    """Answers to article codes: the ``code_rows`` list an export writes (each with its
    revision), else the ``codes`` map (coder -> variable -> value). Values are checked against
    the schema when the article is stored."""
    listed = _field(obj, "code_rows", list, where, None)
    if listed is not None:
        for k, item in enumerate(listed):
            at = f"{where} $.code_rows[{k}]"
            if not isinstance(item, dict):
                raise InputError(f"{at}: must be an object")
            coder, variable = _field(item, "coder", str, at), _field(item, "variable", str, at)
            if not coder or not variable:
                raise InputError(f"{at}: needs a coder and a variable")
            updated = _field(item, "updated", str, at)
            try:
                updated = None if updated is None else utc_timestamp(updated)
            except ValueError as exc:
                raise InputError(f"{at}: field 'updated': {exc}") from None
            record.codes.append(CodeRecord(coder, variable, item.get("value"), f"{at}.value",
                                           updated, read_revision(item, at)))
        return
    answers = _field(obj, "codes", dict, where, {})
    for coder, by_variable in answers.items():
        if not isinstance(by_variable, dict):
            raise InputError(f"{where} $.codes.{coder}: must be an object of variable -> answer")
        for variable, value in by_variable.items():
            record.codes.append(CodeRecord(coder, variable, value, f"$.codes.{coder}.{variable}"))
