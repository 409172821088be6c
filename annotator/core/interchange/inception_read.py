"""Reading INCEpTION / WebAnno XMI: our own ZIP (or its unpacked folder), INCEpTION's project
export made with XMI as its secondary format, and loose ``.xmi`` files.

- Our ZIP: ``annotator-mapping.json`` gives the article ids, titles, folders and coders.
- INCEpTION's project export: ``annotation/<document>/<user>.zip`` each holding the user's XMI
  and its type system, ``curation/<document>/CURATION_USER.zip`` the curated (gold) spans;
  the article id is the document's name without ``.txt``/``.xmi``, coders are the users
  (``INITIAL_CAS`` is not a user and is skipped).
- Loose ``.xmi`` files (a ``TypeSystem.xml`` beside each): one article each, its id from
  DocumentMetaData's ``documentId`` (else the file name), its spans by the coder ``inception``.

The span layer is the one named (``--layer``), else ``webanno.custom.Frame`` when the type
system has it, else the only custom span layer (a ``webanno.custom.*`` annotation type);
several are refused by name. Its label
is the feature ``label`` (else the only string feature besides ``note``), matched to the
scheme's label ids or display names. Offsets come from dkpro-cassis as code points of the
sofa and are moved to the normalized text (CRLF, BOM) with ``normalize_with_map``.

The files are someone else's: they are read one at a time when needed (:mod:`.inception_files`,
archives through :mod:`annotator.core.safe_zip`), and every XMI and type system is checked by
:mod:`annotator.core.safe_xml` (no DTD, no entities, a size limit) before dkpro-cassis sees it.
"""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any

from annotator.core import safe_xml
from annotator.core.errors import InputError
from annotator.core.interchange.inception_files import Documents
from annotator.core.interchange.inception_types import (
    CURATION_USER,
    LABEL_FEATURE,
    LAYER,
    MAPPING,
    METADATA,
    NOTE_FEATURE,
    TYPESYSTEM,
    cassis,
)
from annotator.core.limits import MAX_XML_BYTES, check_text_size, short_repr
from annotator.core.model import GoldSpan
from annotator.core.records import (
    AnnotationRecord,
    ArticleRecord,
    default_title,
    is_blank,
)
from annotator.core.safe_zip import SafeZip
from annotator.core.text import normalize_with_map

#: The coder of spans read from loose XMI files, which name no user.
LOOSE_CODER = "inception"
_NOT_USERS = {"INITIAL_CAS"}
Span = tuple[str, int, int, str]  # label id, start, end (normalized text), note
Files = Mapping[str, bytes]


class _Reader:
    """Reads XMI documents with one schema and one chosen layer for a whole import."""

    def __init__(self, schema: Any, layer: str | None = None) -> None:
        # a bare name is INCEpTION's custom layer of that name
        self.layer = layer if layer is None or "." in layer else f"webanno.custom.{layer}"
        self.labels: dict[str, str] = {}
        for lab in schema.labels:
            for name in (lab.name_en, lab.name_ja, lab.display_name, lab.id):
                self.labels[name] = lab.id

    def cas(self, xmi: bytes, typesystem: bytes | None, where: str, ts_where: str = "") -> Any:
        """The CAS of ``xmi``; both XML files are checked (no DTD, entities, size) before
        dkpro-cassis parses them (see :mod:`annotator.core.safe_xml`)."""
        c = cassis()
        if typesystem is not None:
            safe_xml.check(typesystem, ts_where or f"{where} {TYPESYSTEM}", "a UIMA type system")
        safe_xml.check(xmi, where, "a UIMA CAS XMI that dkpro-cassis reads")
        try:
            ts = c.load_typesystem(io.BytesIO(typesystem)) if typesystem else None
            return c.load_cas_from_xmi(io.BytesIO(xmi), typesystem=ts, lenient=True)
        except (ValueError, TypeError, LookupError, AttributeError, SyntaxError) as exc:
            # lxml's XMLSyntaxError is a SyntaxError; cassis raises the others on a bad file
            raise InputError(f"{where}: not a UIMA CAS XMI that dkpro-cassis reads "
                             f"({type(exc).__name__}: {str(exc)[:200]})") from None

    def document(self, cas: Any, where: str) -> tuple[str, list[Span]]:
        """The normalized text and the spans of the chosen layer, on that text."""
        raw = cas.sofa_string
        if raw is None or is_blank(raw):
            raise InputError(f"{where}: the document has no text")
        check_text_size(raw, where)
        text, move = normalize_with_map(raw)
        layer = self._layer(cas.typesystem, where)
        found = list(cas.select(layer.name)) if layer is not None else []
        if not found:
            return text, []
        label_feature = self._label_feature(layer, where)
        spans = []
        for ann in found:
            at = f"{where} {layer.name} at {ann.begin}-{ann.end}"
            if not (0 <= ann.begin < ann.end <= len(raw)):
                raise InputError(f"{at}: offsets outside the text ({len(raw)} characters) "
                                 "or empty")
            value = ann.get(label_feature)
            if not value:
                raise InputError(f"{at}: the span has no {label_feature}; give every span "
                                 "a label in INCEpTION")
            if value not in self.labels:
                known = ", ".join(sorted(set(self.labels.values())))
                raise InputError(f"{at}: label {short_repr(value)} is not in the coding "
                                 f"scheme; use one of: {known}")
            note = ann.get(NOTE_FEATURE) if layer.get_feature(NOTE_FEATURE) else ""
            spans.append((self.labels[value], move(ann.begin), move(ann.end), note or ""))
        return text, spans

    def _layer(self, ts: Any, where: str) -> Any:
        spans = [t for t in ts.get_types() if ts.subsumes("uima.tcas.Annotation", t)]
        if self.layer is not None:
            if any(t.name == self.layer for t in spans):
                return ts.get_type(self.layer)
            raise InputError(f"{where}: no span layer {self.layer}; its span layers: "
                             + ", ".join(sorted(t.name for t in spans
                                                if not t.name.startswith("uima."))))
        custom = [t for t in spans if t.name.startswith("webanno.custom.")]
        if any(t.name == LAYER for t in custom):
            return ts.get_type(LAYER)
        if len(custom) > 1:
            raise InputError(
                f"{where}: several custom span layers ({', '.join(sorted(t.name for t in custom))})"
                "; name the one to import with --layer")
        return custom[0] if custom else None

    @staticmethod
    def _label_feature(layer: Any, where: str) -> str:
        if layer.get_feature(LABEL_FEATURE):
            return LABEL_FEATURE
        strings = [f.name for f in layer.all_features
                   if f.rangeType.name == "uima.cas.String" and f.name != NOTE_FEATURE]
        if len(strings) != 1:
            raise InputError(f"{where}: layer {layer.name} needs a string feature "
                             f"{LABEL_FEATURE!r} (it has: {', '.join(strings) or 'none'})")
        return strings[0]


def _metadata(cas: Any) -> tuple[str | None, str]:
    """(documentId, documentTitle) of a CAS that has DocumentMetaData."""
    if not cas.typesystem.contains_type(METADATA):
        return None, ""
    for meta in cas.select(METADATA):
        return meta.get("documentId") or None, meta.get("documentTitle") or ""
    return None, ""


def _gold(spans: list[Span], text: str) -> dict[str, Any]:
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    return {"status": "not_started", "codes": {}, "spans": [
        GoldSpan(str(uuid.uuid4()), 0, label, start, end, text[start:end], "decided", (), (),
                 "", note, now, now) for label, start, end, note in spans]}


class _Article:
    """The documents of one article gathered before its record is made."""

    def __init__(self, external_id: str, origin: str, title: str = "") -> None:
        self.external_id, self.origin, self.title = external_id, origin, title
        self.text: str | None = None
        self.where = ""
        self.users: list[tuple[str, list[Span]]] = []
        self.gold: list[Span] | None = None

    def add(self, user: str, text: str, spans: list[Span], where: str) -> None:
        if self.text is None:
            self.text, self.where = text, where
        elif text != self.text:
            raise InputError(f"{where}: the text differs from {self.where}'s; both must be "
                             f"the same document {self.external_id!r}")
        if user == CURATION_USER:
            self.gold = spans
        else:
            self.users.append((user, spans))

    def record(self) -> ArticleRecord:
        if self.text is None:
            raise InputError(f"{self.origin}: no text for article {self.external_id!r}")
        rec = ArticleRecord(origin=self.origin, text=self.text, external_id=self.external_id,
                            title=self.title or default_title(self.text))
        for user, spans in self.users:
            rec.annotations += [AnnotationRecord(user, label, s, e, note)
                                for label, s, e, note in spans]
        if self.gold:
            rec.gold = _gold(self.gold, self.text)
        return rec


def read_records(path: Path, schema: Any, layer: str | None = None
                 ) -> Iterator[ArticleRecord]:
    """Articles and spans of an INCEpTION ZIP, folder or XMI file (see the module docstring);
    ``layer`` names the span layer to read (a bare name is ``webanno.custom.NAME``)."""
    path = Path(path)
    reader = _Reader(schema, layer)
    with Documents(path) as files:
        if MAPPING in files:
            articles = _ours(path, files, reader)
        elif any(_user_zip(name) for name in files):
            articles = _inception(path, files, reader)
        else:
            articles = _loose(path, files, reader)
    if not articles:
        raise InputError(f"{path}: no XMI documents found; give an INCEpTION project export "
                         "(.zip), our INCEpTION ZIP, or .xmi files with a TypeSystem.xml")
    for article in articles:
        yield article.record()


def _ours(path: Path, files: Files, reader: _Reader) -> list[_Article]:
    try:
        mapping = json.loads(files[MAPPING].decode("utf-8"))
        entries, users = mapping["articles"], mapping["users"]
        rows = [(e["id"], e["title"], e["folder"]) for e in entries]
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path} {MAPPING}: not the mapping an export writes ({exc})") from None
    typesystem = files.get(TYPESYSTEM)
    out = []
    for external_id, title, folder in rows:
        article = _Article(external_id, f"{path} {folder}", title)
        source = files.get(f"source/{folder}.txt")
        if source is not None:
            try:
                article.text = normalize_with_map(source.decode("utf-8"))[0]
            except UnicodeDecodeError:
                raise InputError(f"{path} source/{folder}.txt: not UTF-8") from None
            article.where = f"source/{folder}.txt"
        for stem, coder in [*users.items(), (CURATION_USER, CURATION_USER)]:
            top = "curation" if coder == CURATION_USER else "annotation"
            name = f"{top}/{folder}/{stem}.xmi"
            if name in files:
                text, spans = reader.document(reader.cas(files[name], typesystem, name), name)
                article.add(coder, text, spans, name)
        out.append(article)
    return out


def _user_zip(name: str) -> tuple[str, str, str] | None:
    """(top folder, document, user) of ``annotation|curation/<document>/<user>.zip``."""
    parts = PurePosixPath(name).parts
    if len(parts) == 3 and parts[0] in ("annotation", "curation") and parts[2].endswith(".zip"):
        return parts[0], parts[1], parts[2][:-4]
    return None


def _doc_id(document: str) -> str:
    for suffix in (".txt", ".xmi"):
        if document.lower().endswith(suffix) and len(document) > len(suffix):
            return document[: -len(suffix)]
    return document


def _inner(inner: SafeZip, reader: _Reader) -> Any:
    """The CAS of a per-user ZIP of INCEpTION's project export (its XMI and type system)."""
    where = inner.where
    xmis = [n for n in inner.names if n.lower().endswith(".xmi")]
    if len(xmis) != 1:
        raise InputError(f"{where}: holds {len(xmis)} .xmi files, not one; export the project "
                         "from INCEpTION with UIMA CAS XMI as its secondary format")
    ts = [n for n in inner.names if n.lower().endswith(".xml")]
    typesystem = _member(inner, ts[0]) if ts else None
    return reader.cas(_member(inner, xmis[0]), typesystem, f"{where} {xmis[0]}",
                      f"{where} {ts[0]}" if ts else "")


def _member(inner: SafeZip, name: str) -> bytes:
    return inner.read(name, MAX_XML_BYTES, " for one file")


def _inception(path: Path, files: Documents, reader: _Reader) -> list[_Article]:
    articles: dict[str, _Article] = {}
    for name in sorted(files):
        found = _user_zip(name)
        if found is None:
            continue
        top, document, user = found
        if user in _NOT_USERS or (top == "curation") != (user == CURATION_USER):
            continue
        where = f"{path} {name}"
        with files.archive(name) as inner:
            cas = _inner(inner, reader)
        text, spans = reader.document(cas, where)
        article = articles.setdefault(document, _Article(_doc_id(document), where))
        article.add(user, text, spans, where)
    return list(articles.values())


def _loose(path: Path, files: Files, reader: _Reader) -> list[_Article]:
    out = []
    typesystems: dict[str, bytes | None] = {}  # each folder's, read once
    for name in sorted(n for n in files if n.lower().endswith(".xmi")):
        folder = PurePosixPath(name).parent
        ts_name = str(folder / TYPESYSTEM) if str(folder) != "." else TYPESYSTEM
        if ts_name not in typesystems:
            typesystems[ts_name] = files.get(ts_name)
        typesystem = typesystems[ts_name]
        base = path.parent if path.is_file() else path
        ts_where = str(base / ts_name)
        if typesystem is None and path.is_file():
            beside = path.parent / TYPESYSTEM
            ts_where = str(beside)
            with Documents(beside) as found:
                typesystem = found.get(TYPESYSTEM) if beside.is_file() else None
        where = str(base / name)
        cas = reader.cas(files[name], typesystem, where, ts_where)
        text, spans = reader.document(cas, where)
        doc_id, title = _metadata(cas)
        article = _Article(doc_id or PurePosixPath(name).stem, where, title)
        article.add(LOOSE_CODER, text, spans, where)
        out.append(article)
    return out
