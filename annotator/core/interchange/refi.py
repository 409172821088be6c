"""REFI-QDA projects (.qdpx): the exchange format of MAXQDA, ATLAS.ti, NVivo and QualCoder.

A .qdpx is a ZIP holding ``project.qde`` (XML in the namespace ``urn:QDA-XML:project:1.0``,
written to the structure of the standard's ``Project.xsd``) and ``sources/`` with
each article's stored text as ``<guid>.txt`` (UTF-8, LF).

What goes where:

- every coder with a span is a ``<User>``; the gold standard is the user ``gold`` (written by a
  full export and by ``--coder gold``; read back as the article's gold, not as a coder);
- every label is a ``<Code>`` named by its display name (import accepts the id or the display
  name), with the label's colour;
- every article is a ``<TextSource>`` named by its id, its title as the ``<Description>``;
- every span is a ``<PlainTextSelection>`` (its ``name`` is the covered text, as QualCoder
  and MAXQDA write it) with one ``<Coding>`` by the span's coder; the span's note is the
  selection's ``<Description>``.

Positions are Unicode code points, as the standard counts characters. GUIDs are stable, so a
re-export is byte-identical: a span's is its uuid, the others are uuid5 of their names.
Reading is in :mod:`annotator.core.interchange.refi_read`.
"""

from __future__ import annotations

import uuid
import zipfile
from pathlib import Path

from annotator.core.exporters import spans_of
from annotator.core.files import atomic_open
from annotator.core.gold_io import GOLD
from annotator.core.interchange.refi_read import read_records
from annotator.core.interchange.refi_xml import Element, serialize
from annotator.core.model import Annotation
from annotator.core.progress import Progress, report
from annotator.core.store import Project

__all__ = ["NAMESPACE", "export_project", "qde_text", "read_records"]

NAMESPACE = "urn:QDA-XML:project:1.0"
#: The REFI-QDA standard's schema (QDA-XML 1.0, 18 March 2019, MIT licence), for checks.
_GUIDS = uuid.UUID("6f1d0c2e-5b7a-5e0e-9d0c-2a6f2f1a9b31")  # namespace of our uuid5 GUIDs
_STAMP = (1980, 1, 1, 0, 0, 0)  # every ZIP entry's time: the same bytes on every export


def guid(kind: str, name: str) -> str:
    """The stable GUID of a user, code or source: uuid5 of its kind and name."""
    return str(uuid.uuid5(_GUIDS, f"{kind}:{name}"))


def _spans(project: Project, coder: str | None) -> list[Annotation]:
    spans = list(spans_of(project, coder))
    if coder is None:
        spans += spans_of(project, GOLD)
    return sorted(spans, key=lambda a: (a.article_id, a.start, a.end, a.coder, a.label, a.uuid))


def qde_text(project: Project, coder: str | None = None,
             progress: Progress | None = None) -> tuple[str, dict[str, str]]:
    """``project.qde`` as text and the source files (zip name -> text) of ``project`` (one
    coder's spans, or ``"gold"``; None: every coder and the gold standard)."""
    spans = _spans(project, coder)
    by_article: dict[int, list[Annotation]] = {}
    for span in spans:
        by_article.setdefault(span.article_id, []).append(span)
    users = sorted({s.coder for s in spans})
    labels = project.schema.labels
    root = Element("Project", name=project.path.stem, origin="Framing Annotator",
                   xmlns=NAMESPACE)
    if users:
        root.add("Users", children=[Element("User", guid=guid("user", u), name=u)
                                    for u in users])
    if labels:
        root.add("CodeBook").add("Codes", children=[
            Element("Code", guid=guid("code", lab.id), name=lab.display_name, isCodable="true",
                    color=lab.color) for lab in labels])
    files: dict[str, str] = {}
    summaries = project.articles.summaries()
    sources = root.add("Sources") if summaries else None
    for done, summary in enumerate(summaries):
        report(progress, done, len(summaries), summary.external_id)
        article = project.articles.get(summary.id)
        source_guid = guid("source", article.external_id)
        files[f"sources/{source_guid}.txt"] = article.text
        assert sources is not None
        source = sources.add("TextSource", guid=source_guid, name=article.external_id,
                             plainTextPath=f"internal://{source_guid}.txt")
        if article.title:
            source.add("Description", text=article.title)
        for span in by_article.get(article.id, []):
            user = guid("user", span.coder)
            selection = source.add(
                "PlainTextSelection", guid=span.uuid, name=span.text,
                startPosition=str(span.start), endPosition=str(span.end), creatingUser=user,
                creationDateTime=span.created_at or None, modifyingUser=user,
                modifiedDateTime=span.updated_at or None)
            if span.note:
                selection.add("Description", text=span.note)
            selection.add("Coding", guid=guid("coding", span.uuid), creatingUser=user,
                          creationDateTime=span.created_at or None).add(
                "CodeRef", targetGUID=guid("code", span.label))
    report(progress, len(summaries), len(summaries), "")
    return serialize(root), files


def export_project(project: Project, out: Path, coder: str | None = None,
                   progress: Progress | None = None) -> str:
    """Write ``project`` to ``out`` as a .qdpx (whole or not at all); returns the line to show."""
    qde, files = qde_text(project, coder, progress)
    out = Path(out)
    with atomic_open(out, "wb") as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in [("project.qde", qde), *files.items()]:
            info = zipfile.ZipInfo(name, _STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))
    spans = qde.count("<PlainTextSelection ")
    return f"wrote {len(files)} source(s) and {spans} coded selection(s) to {out}"
