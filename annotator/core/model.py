"""The data types of a project, as plain frozen values: what the GUI and the reports import.

Nothing here touches the file; the store (:mod:`annotator.core.store`) reads and writes them.
"""

from __future__ import annotations

import unicodedata

from dataclasses import dataclass, field
from typing import Any

from annotator.core.errors import ProjectError

STATUSES = ("not_started", "in_progress", "done")


@dataclass(frozen=True, order=True)
class Rev:
    """Which edit of a row this is, independent of any clock.

    ``counter`` is a Lamport counter: every file keeps one, advances it for each of its own
    edits and lifts it past every counter it receives, so an edit made after seeing another
    always has the larger counter. ``file`` is the identity of the project file that made the
    edit and breaks ties; ``digest`` breaks the tie of two files that claim the same counter
    and identity (a file copied by hand), so the order is total and the same everywhere.
    """

    counter: int
    file: str
    digest: str = ""


@dataclass(frozen=True)
class Article:
    id: int
    external_id: str
    title: str
    source: str
    published: str
    text: str
    sha256: str
    meta: dict[str, Any] = field(default_factory=dict)
    origin: str = ""


@dataclass(frozen=True)
class ArticleSummary:
    """A row of the article list: no text, the statuses of every coder who has one."""

    id: int
    external_id: str
    title: str
    length: int
    statuses: dict[str, str]

    def status(self, coder: str) -> str:
        return self.statuses.get(coder, "not_started")


@dataclass(frozen=True)
class Round:
    """A calibration round: a named set of articles with a date ("training 1", "main")."""

    id: int
    name: str  # unique in the project
    date: str  # ISO date "2026-12-02" or ""
    article_ids: tuple[int, ...]  # internal article ids, in project order


@dataclass(frozen=True)
class Annotation:
    uuid: str
    article_id: int
    coder: str
    label: str
    start: int
    end: int
    text: str
    note: str
    created_at: str
    updated_at: str
    deleted_at: str | None = None
    rev: int = 0
    rev_file: str = ""

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


@dataclass(frozen=True)
class Change:
    """What an edit changed, for the views to refresh: the article, the span (if any)."""

    article_id: int
    uuid: str | None = None
    spans: bool = True
    status: bool = False
    codes: bool = False


def reads_as(name: str, reserved: str) -> bool:
    """Whether ``name`` reads as ``reserved`` (``gold``, ``lead``): the same after stripping,
    in any case or width (``ＧＯＬＤ``, `` Gold ``)."""
    return unicodedata.normalize("NFKC", name.strip()).casefold() == reserved


def validate_coder_name(name: str) -> str:
    """A coder name as stored: stripped, non-empty, printable, at most 64 characters, and not
    one that reads as the gold standard's or the lead's (``gold``, ``lead`` in any case or
    width: ``ＧＯＬＤ`` too), so a name from someone's file cannot pass for either."""
    if not isinstance(name, str):
        raise ProjectError(f"a coder name must be text, not {name!r:.40}")
    cleaned = name.strip()
    if not cleaned:
        raise ProjectError("a coder name cannot be empty")
    if len(cleaned) > 64:
        raise ProjectError(f"coder name {cleaned[:20]!r}… is longer than 64 characters")
    if reads_as(cleaned, "gold"):
        raise ProjectError(f"coder name {cleaned!r}: 'gold' is the name of the gold standard in "
                           "exports; choose another coder name")
    if reads_as(cleaned, "lead"):
        raise ProjectError(f"coder name {cleaned!r}: 'lead' names the lead's decisions in the "
                           "gold standard; choose another coder name")
    if any(not ch.isprintable() for ch in cleaned):
        raise ProjectError(
            f"coder name {cleaned[:40]!r} contains invisible or control characters")
    return cleaned


@dataclass(frozen=True)
class GoldSpan:
    """A span of the gold standard, with where it came from (its provenance)."""

    uuid: str
    article_id: int
    label: str
    start: int
    end: int
    text: str
    source: str  # 'auto' (agreed by coders, accepted by `annotator gold`) or 'decided' (the lead)
    coders: tuple[str, ...]  # coders who marked exactly this span
    overlapping: tuple[str, ...]  # coders whose span of this label overlapped it
    decided_by: str
    rationale: str
    created_at: str
    updated_at: str
    deleted_at: str | None = None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None
