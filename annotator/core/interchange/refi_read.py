"""Reading a REFI-QDA project (.qdpx) into article records: ours, QualCoder's, MAXQDA's.

The standard counts positions in characters (code points) and we write them so; QualCoder
writes Qt's UTF-16 positions. A selection's ``name`` usually holds the coded text, which tells
the two apart: code points are tried first, then UTF-16 (through :class:`~annotator.core.text.
Utf16Map`); a selection whose text is at neither is refused by its GUID. Without a ``name``,
positions are code points. Source files are read as UTF-8 (a BOM dropped); CRLF sources are
normalized and the positions moved with :func:`~annotator.core.text.normalize_with_map`.

Each ``<Coding>`` of a selection is one span, by the coding's user (else the selection's;
``refi`` when neither names a user); the user ``gold`` is read as the article's gold standard
(decided, in progress). Selections without a coding (MAXQDA memos) and non-text sources (PDF,
pictures, audio, video) are left out.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from annotator.core import safe_xml
from annotator.core.errors import InputError
from annotator.core.gold_io import GOLD, read_gold
from annotator.core.model import reads_as
from annotator.core.interchange.refi_xml import xml_safe
from annotator.core.limits import (
    MAX_TEXT_CHARS,
    MAX_XML_BYTES,
    check_text_size,
    short_repr,
)
from annotator.core.records import AnnotationRecord, ArticleRecord
from annotator.core.safe_zip import SafeZip
from annotator.core.text import Utf16Map, normalize_with_map
from annotator.core.values import utc_timestamp

_NS = "{urn:QDA-XML:project:1.0}"
#: The coder of a selection whose file names no user.
NO_USER = "refi"
_ATTR_SPACE = re.compile("[\t\n\r]")


def _guid(value: str | None, where: str) -> str:
    try:
        return str(uuid.UUID((value or "").strip()))
    except ValueError:
        raise InputError(f"{where}: {short_repr(value)} is not a GUID") from None


def _time(value: str | None) -> str | None:
    """A time the file gives, as the project writes it; None when missing or without a zone."""
    try:
        return utc_timestamp(value) if value else None
    except ValueError:
        return None


def _open_qde(path: Path) -> tuple[SafeZip, ET.Element]:
    """The .qdpx (checked as every archive from others) and its project.qde, parsed without
    DTDs or entities (:mod:`annotator.core.safe_xml`)."""
    if not zipfile.is_zipfile(path):
        raise InputError(f"{path}: not a REFI-QDA project (.qdpx, a ZIP file)")
    zf = SafeZip(path, str(path))
    try:
        qde = [n for n in zf.names if "/" not in n and n.lower().endswith(".qde")]
        if len(qde) != 1:
            raise InputError(f"{path}: a .qdpx holds one project.qde; this one holds {len(qde)}")
        data = zf.read(qde[0], MAX_XML_BYTES, "; export the project in parts")
        root = safe_xml.parse(data, f"{path} {qde[0]}", "a REFI-QDA project")
        if root.tag != f"{_NS}Project":
            raise InputError(f"{path}: {qde[0]} is not a QDA-XML project (root "
                             f"{short_repr(root.tag)}); export a REFI-QDA project (.qdpx) "
                             "from the QDA program")
    except BaseException:
        zf.close()
        raise
    return zf, root


def _source_text(zf: SafeZip, source: ET.Element, where: str) -> str:
    content = source.find(f"{_NS}PlainTextContent")
    if content is not None:
        return content.text or ""
    plain = source.get("plainTextPath") or ""
    if not plain.startswith("internal://"):
        raise InputError(f"{where}: its text is not inside the .qdpx (plainTextPath "
                         f"{short_repr(plain)}); export the project with its sources")
    wanted = "sources/" + plain[len("internal://"):]
    members = {n.lower(): n for n in zf.names}
    name = members.get(wanted.lower())
    if name is None:
        raise InputError(f"{where}: {wanted} is missing from the .qdpx")
    data = zf.read(name, 4 * MAX_TEXT_CHARS, " (an article's text in UTF-8 at most)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: {wanted} is not UTF-8 (byte {exc.start})") from None


def _same(covered: str, stored: str) -> bool:
    """Whether the text at a selection's positions is its ``name`` (as XML hands back an
    attribute: TAB, CR and LF written raw come back as spaces)."""
    covered = xml_safe(covered)
    if covered == stored:
        return True
    return _ATTR_SPACE.sub(" ", covered.replace("\r\n", "\n")) == _ATTR_SPACE.sub(" ", stored)


def positions(raw: str, u16: Utf16Map, start: int, end: int, stored: str | None,
              where: str) -> tuple[int, int]:
    """Code-point offsets into ``raw`` of a selection given as ``start``-``end`` (code points,
    or UTF-16 units when only they land on ``stored``, the selection's text)."""
    fits = 0 <= start < end <= len(raw)
    if not stored:
        if not fits:
            raise InputError(f"{where}: positions {start}-{end} are outside the source "
                             f"({len(raw)} characters) or empty")
        return start, end
    if fits and _same(raw[start:end], stored):
        return start, end
    s, e = u16.from_utf16(start), u16.from_utf16(end)
    if (0 <= start < end <= u16.length16 and u16.to_utf16(s) == start
            and u16.to_utf16(e) == end and _same(raw[s:e], stored)):
        return s, e
    raise InputError(
        f"{where}: its text is {short_repr(stored)} but positions {start}-{end} hold "
        f"{short_repr(raw[start:end])} as characters and {short_repr(raw[s:e])} as UTF-16 "
        "units; the source text does not match the coding")


def _labels(root: ET.Element, schema: Any, where: str) -> dict[str, str]:
    """Code GUID -> label id (a code named by a label's id or display name; another name is
    kept, and the import refuses it with the schema's labels)."""
    by_name = {lab.display_name: lab.id for lab in schema.labels}
    by_name.update({lab.id: lab.id for lab in schema.labels})
    return {_guid(code.get("guid"), f"{where} code {short_repr(code.get('name'))}"):
            by_name.get(code.get("name") or "", code.get("name") or "")
            for code in root.iter(f"{_NS}Code")}


def read_records(path: Path, schema: Any) -> Iterator[ArticleRecord]:
    """The articles and spans of the .qdpx at ``path`` (see the module docstring)."""
    path = Path(path)
    zf, root = _open_qde(path)
    with zf:
        users = {_guid(u.get("guid"), f"{path} user {short_repr(u.get('name'))}"):
                 u.get("name") or NO_USER for u in root.iter(f"{_NS}User")}
        labels = _labels(root, schema, str(path))
        sources = root.find(f"{_NS}Sources")
        for source in [] if sources is None else sources.findall(f"{_NS}TextSource"):
            yield _record(zf, source, users, labels, path)


def _record(zf: SafeZip, source: ET.Element, users: dict[str, str],
            labels: dict[str, str], path: Path) -> ArticleRecord:
    name = source.get("name") or ""
    where = f"{path} source {short_repr(name or source.get('guid'))}"
    raw = _source_text(zf, source, where)
    check_text_size(raw, where)
    body, move = normalize_with_map(raw)
    u16 = Utf16Map(raw)
    description = source.find(f"{_NS}Description")
    record = ArticleRecord(origin=where, text=body, external_id=name or None,
                           title=(description.text or "").strip() if description is not None
                           else "")
    gold: list[dict[str, Any]] = []
    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    for sel in source.findall(f"{_NS}PlainTextSelection"):
        at = f"{where} selection {sel.get('guid')}"
        try:
            start, end = int(sel.get("startPosition", "")), int(sel.get("endPosition", ""))
        except ValueError:
            raise InputError(f"{at}: startPosition and endPosition must be whole numbers") \
                from None
        s, e = positions(raw, u16, start, end, sel.get("name"), at)
        s, e = move(s), move(e)
        note_el = sel.find(f"{_NS}Description")
        note = (note_el.text or "") if note_el is not None else ""
        codings = sel.findall(f"{_NS}Coding")
        for coding in codings:
            ref = coding.find(f"{_NS}CodeRef")
            target = _guid(ref.get("targetGUID") if ref is not None else None, f"{at} CodeRef")
            if target not in labels:
                raise InputError(f"{at}: its coding refers to code {target}, which the "
                                 "codebook does not have")
            user = coding.get("creatingUser") or sel.get("creatingUser")
            coder = users.get(_guid(user, f"{at} creatingUser"), NO_USER) if user else NO_USER
            span_uuid = _guid(sel.get("guid") if len(codings) == 1 else coding.get("guid"), at)
            created = _time(coding.get("creationDateTime") or sel.get("creationDateTime"))
            updated = _time(sel.get("modifiedDateTime")) or created
            if reads_as(coder, GOLD):
                gold.append({"uuid": span_uuid, "label": labels[target], "start": s, "end": e,
                             "text": body[s:e], "source": "decided", "rationale": note,
                             "created": created or now, "updated": updated or now})
            else:
                record.annotations.append(AnnotationRecord(
                    coder, labels[target], s, e, note, span_uuid, created, updated))
    if gold:
        record.gold = read_gold({"status": "in_progress", "spans": gold}, f"{where} gold")
    return record
