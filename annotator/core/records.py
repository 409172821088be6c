"""What a reader makes of an input file: articles (and their annotations) before they are stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.errors import InputError
from annotator.core.import_rows import Revision


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
class CodeRecord:
    """One answer to an article code as read from JSONL (checked against the schema when it
    is stored); ``path`` is where it stands in the line, for messages."""

    coder: str
    variable: str
    value: Any
    path: str
    updated_at: str | None = None
    revision: Revision | None = None


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
    codes: list[CodeRecord] = field(default_factory=list)
    gold: dict[str, Any] | None = None  # checked by annotator.core.gold_io.read_gold
    # coder -> whether the window showed cue underlines (the JSONL ``cues_shown``: recorded
    # cue conditions, annotator.core.store.cue_conditions); a coder not listed saw them
    cues_shown: dict[str, bool] = field(default_factory=dict)


def default_title(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            title = line.strip()
            return title if len(title) <= 80 else title[:79] + "…"
    return ""


#: The longest title accepted by ``retitle`` (and the app): a headline, not a paragraph.
MAX_TITLE_CHARS = 300


def check_title(title: str, where: str) -> str:
    """A title given by hand, stripped; refused in one line (``where`` names the article) when
    it is empty, runs over several lines or is longer than :data:`MAX_TITLE_CHARS`."""
    stripped = title.strip()
    if not stripped:
        raise InputError(f"{where}: the title is empty; give the headline")
    if any(ch in stripped for ch in "\n\r\u2028\u2029\x85\v\f"):
        raise InputError(f"{where}: the title has several lines; give it on one line")
    if len(stripped) > MAX_TITLE_CHARS:
        raise InputError(f"{where}: the title has {len(stripped):,} characters; the limit is "
                         f"{MAX_TITLE_CHARS}")
    return stripped


def is_blank(text: str) -> bool:
    """``not text.strip()`` without copying a text that may be 50 MB."""
    return not text or text.isspace()
