"""Progress of long work (import, merge, copies, agreement), and stopping it when asked.

Long core functions take an optional ``progress`` callable, called as ``progress(done, total,
what)`` as the work goes on (``what`` names the item, e.g. a file). The app's progress dialog and
the CLI's progress bar are such callables; to cancel, the callable raises :class:`Cancelled`,
which the core lets through its transaction, so a cancelled import or merge stores nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from annotator.core.errors import AnnotatorError

#: ``progress(done, total, what)``; may raise :class:`Cancelled`.
Progress = Callable[[int, int, str], None]

T = TypeVar("T")


class Cancelled(AnnotatorError):
    """The user cancelled the work; nothing of it was stored."""

    def __init__(self, message: str = "cancelled; nothing was changed") -> None:
        super().__init__(message)


def no_progress(done: int, total: int, what: str = "") -> None:
    """The ``progress`` of work nobody watches."""


def report(progress: Progress | None, done: int, total: int, what: str = "") -> None:
    """Call ``progress`` if there is one (the one place that checks for None)."""
    if progress is not None:
        progress(done, total, what)


def tracked(
    items: Sequence[T], progress: Progress | None, name: Callable[[T], str] = str
) -> Iterator[T]:
    """Yield ``items``, reporting before each one (``done`` items finished so far) and once
    all are done."""
    total = len(items)
    for done, item in enumerate(items):
        report(progress, done, total, name(item))
        yield item
    report(progress, total, total, "")


def scaled(progress: Progress | None, start: int, span: int, total: int) -> Progress | None:
    """A ``progress`` for one part of a larger job: its ``done/of`` maps onto
    ``start .. start+span`` of ``total``."""
    if progress is None:
        return None

    def part(done: int, of: int, what: str = "") -> None:
        share = span * done // of if of else span
        progress(start + share, total, what)

    return part

