"""What of each imported record's text is stored, and under which title.

A text is stored whole, or cut by the command's ``--lines``/``--cut-at`` (:class:`TextFilter`),
or cleaned of a scraped page's navigation, copy and other stories (``--clean``,
:func:`annotator.core.cleanup.clean_page`), or cut as the lead chose for that one record in the
app's import preview (:class:`ArticleChoice`). Records that arrive with annotations keep their
text as it is: their offsets point into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.cleanup import PageCleanup, clean_page
from annotator.core.errors import InputError
from annotator.core.limits import first_few, short_repr
from annotator.core.records import ArticleRecord, check_title, default_title
from annotator.core.textfilter import TextFilter


@dataclass(frozen=True)
class ArticleChoice:
    """The lead's choice for one record in the import preview, keyed by its origin.

    ``lines``: keep these lines (1-based, inclusive, of the text with newlines normalized)
    instead of what the clean-up proposes; ``title``: this title; ``skip``: do not import it.
    """

    lines: tuple[int, int] | None = None
    title: str | None = None
    skip: bool = False


@dataclass
class Prepared:
    """A record's text as it will be stored, its title, and the clean-up applied (if any)."""

    text: str
    title: str
    cleanup: PageCleanup | None = None


@dataclass
class CutAtMisses:
    """Texts in which the ``--cut-at`` marker was not found: one summary line, not one each."""

    marker: str
    texts: int = 0
    missing: list[str] = field(default_factory=list)

    def note(self) -> str:
        if not self.missing:
            return ""
        return (f"--cut-at marker {self.marker!r} not found in {len(self.missing)} of "
                f"{self.texts} texts (kept whole): {first_few(self.missing)}")


def prepare_text(
    record: ArticleRecord,
    text_filter: TextFilter,
    labels: set[str],
    *,
    clean: bool = False,
    choice: ArticleChoice | None = None,
    misses: CutAtMisses | None = None,
) -> Prepared:
    """The text and title as they will be stored; checks what needs no project."""
    text = record.text
    cleanup: PageCleanup | None = None
    cuts = text_filter.active or clean or (choice is not None and choice.lines is not None)
    if cuts and (record.annotations or record.gold):
        if text_filter.active or (choice is not None and choice.lines is not None):
            raise InputError(
                f"{record.origin}: has annotations, so --lines/--cut-at cannot change its text"
            )
        clean = False  # a text with annotations is stored as it came
    if choice is not None and choice.lines is not None:
        first, last = choice.lines
        if first < 1 or last < first:
            raise InputError(f"{record.origin}: lines {first}-{last}: lines count from 1 and the "
                             "range must not be empty")
        try:
            text, _note = TextFilter(lines=(first, last)).apply(text)
        except InputError as exc:
            raise InputError(f"{record.origin}: {exc}") from None
    elif text_filter.active:
        try:
            text, note = text_filter.apply(text)
        except InputError as exc:
            raise InputError(f"{record.origin}: {exc}") from None
        if misses is not None:
            misses.texts += 1
            if note == text_filter.missing_note():
                misses.missing.append(record.origin)
    elif clean:
        cleanup = clean_page(text)
        text = cleanup.apply(text)
    if not text.strip():
        raise InputError(f"{record.origin}: the text is empty")
    if not (record.external_id or "").strip():
        raise InputError(f"{record.origin}: the article id is empty")
    for ann in record.annotations:
        if ann.label not in labels:
            raise InputError(
                f"{record.origin}: unknown label {short_repr(ann.label)}; this project's labels "
                f"are: {first_few(sorted(labels))}"
            )
    if choice is not None and choice.title:
        title = check_title(choice.title, record.origin)
    else:
        title = record.title or (cleanup.title if cleanup is not None else "") \
            or default_title(text)
    return Prepared(text, title, cleanup)
