"""INCEpTION / WebAnno: a project written as UIMA CAS XMI files in a ZIP, and read back from
that ZIP, loose XMI files or INCEpTION's own project export (:mod:`.inception_read`).

The ZIP holds ``TypeSystem.xml`` (the span layer ``webanno.custom.Frame`` with ``label`` and
``note``, see :mod:`.inception_types`), ``source/<article>.txt`` (the stored text),
``annotation/<article>/<coder>.xmi`` for each coder with spans in the article,
``curation/<article>/CURATION_USER.xmi`` for the gold spans (INCEpTION's curation user) and
``annotator-mapping.json`` (article id -> folder, coder -> file name), because ids such as
``web/p1`` and ``web_p1`` must become distinct, safe file names. Each XMI is one document
INCEpTION imports in its "UIMA CAS XMI (XML 1.0)" format; offsets in it are UTF-16 code units
(dkpro-cassis converts from our code points when it writes).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from annotator.core.files import atomic_open
from annotator.core.gold_io import GOLD
from annotator.core.interchange.inception_read import read_records
from annotator.core.interchange.inception_types import (
    CURATION_USER,
    LABEL_FEATURE,
    LAYER,
    MAPPING,
    MAPPING_FORMAT,
    METADATA,
    NOTE_FEATURE,
    TYPESYSTEM,
    cassis,
    check_xml,
    frame_typesystem,
    unique_names,
)
from annotator.core.progress import Progress, report
from annotator.core.store import Project

__all__ = ["article_xmi", "export_project", "read_records"]

#: Every entry gets this time, so that the same project always makes the same ZIP.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def article_xmi(typesystem: Any, text: str, external_id: str, title: str,
                spans: list[tuple[str, int, int, str]]) -> bytes:
    """One document as XMI: the text as its sofa, DocumentMetaData (id, title) and a
    ``webanno.custom.Frame`` per (label, start, end, note), offsets in code points."""
    c = cassis()
    cas = c.Cas(typesystem=typesystem)
    cas.sofa_string = text
    cas.sofa_mime = "text/plain"
    meta = typesystem.get_type(METADATA)
    cas.add(meta(begin=0, end=len(text), documentId=external_id, documentTitle=title,
                 language="ja"))
    frame = typesystem.get_type(LAYER)
    for label, start, end, note in spans:
        cas.add(frame(begin=start, end=end, **{LABEL_FEATURE: label, NOTE_FEATURE: note}))
    return cas.to_xmi(pretty_print=True).encode("utf-8")


def _check_article(article: Any, spans: dict[str, list[tuple[str, int, int, str]]]) -> None:
    """Every value of the article XML 1.0 must hold, refused by name before anything is
    written."""
    where = f"article {article.external_id!r}"
    check_xml(article.external_id, f"{where} id")
    check_xml(article.title, f"{where} title")
    check_xml(article.text, f"{where} text")
    for coder, rows in spans.items():
        check_xml(coder, f"{where} coder name {coder!r}")
        for label, start, _end, note in rows:
            check_xml(label, f"{where} label of {coder}'s span at {start}")
            check_xml(note, f"{where} note of {coder}'s span at {start}")


def _spans(project: Project, article_id: int, coder: str | None
           ) -> dict[str, list[tuple[str, int, int, str]]]:
    """Coder -> (label, start, end, note) of the live spans written for the article; gold as
    the coder ``gold`` (its rationale as the note)."""
    out: dict[str, list[tuple[str, int, int, str]]] = {}
    if coder != GOLD:
        for ann in project.annotations.list(article_id, coder=coder):
            out.setdefault(ann.coder, []).append((ann.label, ann.start, ann.end, ann.note))
    if coder in (None, GOLD):
        for g in project.gold.spans(article_id):
            out.setdefault(GOLD, []).append((g.label, g.start, g.end, g.rationale))
    # coders by name, gold last, spans by position: the same project makes the same ZIP
    return {name: sorted(out[name], key=lambda r: (r[1], r[2], r[0], r[3]))
            for name in sorted(out, key=lambda n: (n == GOLD, n))}


def _write(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, _ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, data)


def export_project(project: Project, out: Path, coder: str | None = None,
                   progress: Progress | None = None) -> str:
    """Write the project (or one coder's spans, or ``gold``) as an INCEpTION ZIP at ``out``;
    nothing is written if a value cannot go into XML or the progress cancels."""
    typesystem = frame_typesystem()
    summaries = project.articles.summaries()
    folders = unique_names([s.external_id for s in summaries])
    coders = [] if coder == GOLD else [coder] if coder else sorted(
        set(project.coders.names()) | {a.coder for a in project.annotations.list()})
    user_files = dict(zip(coders, unique_names(coders)))
    mapping: dict[str, Any] = {"format": MAPPING_FORMAT, "layer": LAYER, "articles": [],
                               "users": {name: c for c, name in user_files.items()}}
    written = 0
    with atomic_open(out, "wb") as fh, zipfile.ZipFile(fh, "w") as zf:
        _write(zf, TYPESYSTEM, typesystem.to_xml().encode("utf-8"))
        for k, (summary, folder) in enumerate(zip(summaries, folders)):
            report(progress, k, len(summaries), summary.external_id)
            article = project.articles.get(summary.id)
            spans = _spans(project, summary.id, coder)
            _check_article(article, spans)
            mapping["articles"].append({"id": article.external_id, "title": article.title,
                                        "folder": folder})
            _write(zf, f"source/{folder}.txt", article.text.encode("utf-8"))
            for name, rows in spans.items():
                place = (f"curation/{folder}/{CURATION_USER}.xmi" if name == GOLD else
                         f"annotation/{folder}/{user_files[name]}.xmi")
                _write(zf, place, article_xmi(typesystem, article.text, article.external_id,
                                              article.title, rows))
                written += 1
        _write(zf, MAPPING, json.dumps(mapping, ensure_ascii=False, indent=1).encode("utf-8"))
        report(progress, len(summaries), len(summaries), "")
    return (f"wrote {out}: {len(summaries)} article(s), {written} XMI file(s); span layer "
            f"{LAYER} (features {LABEL_FEATURE}, {NOTE_FEATURE}), offsets in UTF-16 code units")
