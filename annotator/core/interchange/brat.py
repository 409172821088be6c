"""brat standoff: a folder with ``<stem>.txt`` (the stored text) and ``<stem>.ann`` per article,
``annotation.conf`` and ``annotator-mapping.tsv`` (article id -> file stem).

brat counts offsets in code points, as we do (brat master; the 1.3 release's browser counted
UTF-16 but read the same files). What the real reader does decides the rest:

- brat reads .ann files with ``readlines()``, which ends a line at every character of
  :data:`~annotator.core.escapes.LINE_BOUNDARIES`, not only LF: a span is written as fragments
  (``T1 label 0 5;6 10``) cut at those characters, and notes are escaped
  (:func:`annotator.core.escapes.escape`: TAB ``\\t``, LF ``\\n``, U+2028 ``\\u2028``...).
- brat takes a span whose text column is blank (``str.strip()``) for one without text, reports
  an error and, unless read-only, rewrites the file: a span made of nothing but white space and
  line boundaries cannot be written, so it is left out and named in :attr:`BratFiles.left_out`.
- File names must be distinct on every system: ids are made safe (path separators, reserved
  characters, Windows device names such as ``CON`` or ``com1.x``, trailing dots and spaces, a
  leading dot) and a name already taken, compared case-insensitively and in NFC as Windows and
  macOS do, gets ``-2``, ``-3``...
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.escapes import LINE_BOUNDARIES, escape
from annotator.core.exporters import spans_of
from annotator.core.file_names import name_key, safe_stem
from annotator.core.store import Project

MAPPING_FILE = "annotator-mapping.tsv"


@dataclass
class BratFiles:
    """The folder's files (name -> text, written as UTF-8 without BOM) and the spans that brat
    could not read, as ``(article id, coder, label, start, end)``."""

    files: dict[str, str] = field(default_factory=dict)
    left_out: list[tuple[str, str, str, int, int]] = field(default_factory=list)


def brat_files(project: Project, coder: str | None = None) -> BratFiles:
    """Every file of the brat folder.

    A span's coder goes into an AnnotatorNotes line with its note; with ``coder`` given, only
    that coder's spans (``gold``: the gold standard's) are written.
    """
    result = BratFiles()
    files = result.files
    files["annotation.conf"] = (
        "[entities]\n" + "\n".join(project.schema.label_ids)
        + "\n[relations]\n[events]\n[attributes]\n"
    )
    by_article: dict[int, list] = {}
    for ann in spans_of(project, coder):
        by_article.setdefault(ann.article_id, []).append(ann)
    taken: set[str] = {_key("annotation.conf"), _key(MAPPING_FILE)}
    mapping = ["article_id\tfile"]
    for summary in project.articles.summaries():
        article = project.articles.get(summary.id)
        stem = unique_stem(article.external_id, taken)
        mapping.append(f"{escape(article.external_id)}\t{escape(stem)}")
        files[f"{stem}.txt"] = article.text
        spans = by_article.get(article.id, [])
        blank = [a for a in spans if not article.text[a.start:a.end].strip()]
        result.left_out.extend((article.external_id, a.coder, a.label, a.start, a.end)
                               for a in blank)
        files[f"{stem}.ann"] = ann_text(
            article.text, [a for a in spans if article.text[a.start:a.end].strip()])
    files[MAPPING_FILE] = "\n".join(mapping) + "\n"
    return result


def ann_text(text: str, spans: list) -> str:
    """The .ann file of one article: a T line and an AnnotatorNotes line per span (each span
    holding at least one character that is not white space)."""
    lines = []
    for k, ann in enumerate(spans, start=1):
        pieces = fragments(text, ann.start, ann.end)
        where = ";".join(f"{s} {e}" for s, e in pieces)
        covered = " ".join(text[s:e] for s, e in pieces)
        lines.append(f"T{k}\t{ann.label} {where}\t{covered}")
        note = f"coder={ann.coder}" + (f"; {ann.note}" if ann.note else "")
        lines.append(f"#{k}\tAnnotatorNotes T{k}\t{escape(note)}")
    return "\n".join(lines) + ("\n" if lines else "")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of a span with every line boundary left out (brat's
    discontinuous span); the whole span if it holds nothing else."""
    parts = []
    at = start
    for i in range(start, end + 1):
        if i == end or text[i] in LINE_BOUNDARIES:
            if i > at:
                parts.append((at, i))
            at = i + 1
    return parts or [(start, end)]


def unique_stem(external_id: str, taken: set[str]) -> str:
    """:func:`safe_stem`, with ``-2``, ``-3``... when the name is in ``taken`` (compared as
    Windows and macOS compare names); the name chosen is added to ``taken``."""
    base = safe_stem(external_id)
    stem, n = base, 1
    while any(_key(f"{stem}{ext}") in taken for ext in (".txt", ".ann")):
        n += 1
        stem = f"{base}-{n}"
    taken.update(_key(f"{stem}{ext}") for ext in (".txt", ".ann"))
    return stem


_key = name_key
