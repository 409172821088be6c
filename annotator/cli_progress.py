"""The CLI's progress bar: click's, on standard error, only when that is a terminal.

Redirected output (a log, a pipe, the tests) stays free of bar lines; one command's output on
stdout is never mixed with the bar.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from annotator.core.progress import Progress


@contextmanager
def progress_bar(label: str) -> Iterator[Progress | None]:
    """``with progress_bar("importing") as progress: core_call(..., progress=progress)``.

    Yields None (no bar) when standard error is not a terminal."""
    stream = sys.stderr
    if stream is None or not stream.isatty():
        yield None
        return
    state: dict[str, Any] = {}

    def progress(done: int, total: int, what: str = "") -> None:
        bar = state.get("bar")
        if bar is None:
            bar = click.progressbar(length=max(total, 1), label=label, file=stream,
                                    show_pos=True, item_show_func=lambda item: item or "")
            bar.__enter__()
            state["bar"] = bar
        bar.length = max(total, 1)
        step = done - bar.pos
        bar.update(step if step > 0 else 0, what)

    try:
        yield progress
    finally:
        bar = state.get("bar")
        if bar is not None:
            bar.__exit__(None, None, None)
