"""What the Label Studio and doccano modules share: the spans an export writes (gold as the
coder ``gold``), where a span read from another tool lands (code points or UTF-16 code units,
told apart by the span's stored text where it has one) and gold read back from such a file.

Offsets move between code points and UTF-16 only through :class:`~annotator.core.text.Utf16Map`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from annotator.core.errors import InputError
from annotator.core.gold_io import GOLD, as_annotations, read_gold
from annotator.core.limits import short_repr
from annotator.core.model import Annotation, Article, reads_as
from annotator.core.progress import Progress, report
from annotator.core.records import AnnotationRecord, ArticleRecord
from annotator.core.store import Project
from annotator.core.text import Utf16Map


def span_key(span: Annotation) -> tuple:
    """The order spans are written in: by coder, then position (longest first), so that a
    round trip writes the same file whatever order the project lists them in."""
    return (span.coder, span.start, -span.end, span.label, span.note, span.uuid)


def articles_with_spans(
    project: Project, coder: str | None, progress: Progress | None = None
) -> Iterator[tuple[Article, list[Annotation]]]:
    """Every article with its live spans: all coders' and the gold standard's (as the coder
    ``gold``, its rationale as the note), one coder's, or (``coder="gold"``) gold's alone."""
    by_article: dict[int, list[Annotation]] = {}
    spans = [] if coder == GOLD else project.annotations.list(coder=coder)
    if coder in (None, GOLD):
        spans = spans + as_annotations(project)
    for span in spans:
        by_article.setdefault(span.article_id, []).append(span)
    summaries = project.articles.summaries()
    for done, summary in enumerate(summaries):
        report(progress, done, len(summaries), summary.external_id)
        yield (project.articles.get(summary.id),
               sorted(by_article.get(summary.id, []), key=span_key))
    report(progress, len(summaries), len(summaries), "")


def utf16_reading(raw: str, start16: int, end16: int, where: str,
                  positions: Utf16Map | None = None) -> tuple[int, int]:
    """Code points of ``raw`` for a span given in UTF-16 code units; an offset outside the
    text or between the two halves of a surrogate pair is refused (``where`` names the span)."""
    positions = positions or Utf16Map(raw)
    if not (0 <= start16 < end16 <= positions.length16):
        raise InputError(f"{where}: offsets {start16}-{end16} are outside the text "
                         f"({positions.length16} UTF-16 code units) or empty")
    out = []
    for offset16 in (start16, end16):
        point = positions.from_utf16(offset16)
        if positions.to_utf16(point) != offset16:
            raise InputError(
                f"{where}: offset {offset16} falls inside a character outside the BMP (between "
                "the two UTF-16 code units of a surrogate pair); the offsets do not fit the text")
        out.append(point)
    return out[0], out[1]


def locate(raw: str, start: int, end: int, covered: str | None, where: str,
           positions: Utf16Map | None = None) -> tuple[int, int]:
    """Code points of ``raw`` for a span whose unit is not known (Label Studio): the reading as
    code points when it covers ``covered`` (or no text was stored), else the UTF-16 reading
    when that does, else refused with both readings named."""
    if isinstance(start, bool) or isinstance(end, bool) or not isinstance(start, int) \
            or not isinstance(end, int):
        raise InputError(f"{where}: 'start' and 'end' must be whole numbers")
    fits = 0 <= start < end <= len(raw)
    if fits and (covered is None or raw[start:end] == covered):
        return start, end
    if covered is not None:
        try:
            begin, stop = utf16_reading(raw, start, end, where, positions)
        except InputError:
            begin = stop = -1
        if begin >= 0 and raw[begin:stop] == covered:
            return begin, stop
        found = short_repr(raw[start:end]) if fits else "outside the text"
        raise InputError(
            f"{where}: 'text' is {short_repr(covered)} but offsets {start}-{end} read "
            f"{found} as code points and "
            f"{short_repr(raw[begin:stop]) if begin >= 0 else 'nothing'} as UTF-16 code units; "
            "fix the offsets or the text")
    raise InputError(f"{where}: offsets {start}-{end} are outside the text "
                     f"({len(raw)} characters) or empty")


def now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class SpanRead:
    """A span read from another tool's file, in code points of the raw text."""

    coder: str
    label: str
    start: int
    end: int
    note: str = ""
    uuid: str | None = None


def fill_record(record: ArticleRecord, move: Callable[[int], int], spans: list[SpanRead],
                gold_status: str = "done") -> ArticleRecord:
    """Put ``spans`` (code points of the raw text) on ``record`` (whose text is the raw text
    normalized, ``move`` mapping offsets): the coder ``gold``'s become the article's gold standard
    (decided, its note as the rationale), the others annotations."""
    gold = []
    for span in spans:
        start, end = move(span.start), move(span.end)
        if reads_as(span.coder, GOLD):
            stamp = now_utc()
            gold.append({"uuid": span.uuid or "", "label": span.label, "start": start,
                         "end": end, "text": record.text[start:end], "source": "decided",
                         "rationale": span.note, "created": stamp, "updated": stamp})
        else:
            record.annotations.append(AnnotationRecord(span.coder, span.label, start, end,
                                                       span.note, uuid=span.uuid))
    if gold:
        record.gold = read_gold({"status": gold_status, "spans": gold}, f"{record.origin} gold")
    return record


def text_field(obj: dict, key: str, where: str, default: Any = "") -> Any:
    """A string field (or ``default`` when absent), refused by name when it is not text."""
    value = obj.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise InputError(f"{where}: field {key!r} must be text, not {short_repr(value)}")
    return value
