"""Shared helpers for the benchmarks: best-of timing, interleaved runs, a ratio table.

The machines we run on are shared and noisy, so a benchmark never compares against an absolute
number. It measures a *floor* (the cheapest correct way to do the same work with the library
underneath) in the same process, interleaves the floor with the code under test, keeps the best
(minimum) of several runs of each, and reports the ratio.

Import it from a script in this folder (``python benchmarks/bench_x.py`` puts the folder on
``sys.path``)::

    from _timing import Case, interleaved, print_header, print_row
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The checkout, not an installed copy, is what every benchmark measures: a script's folder comes
# first on sys.path, and a non-editable install in the environment would shadow the checkout.
_CHECKOUT = str(Path(__file__).resolve().parents[1])
if _CHECKOUT not in sys.path:
    sys.path.insert(1, _CHECKOUT)

__all__ = [
    "Case",
    "best_of",
    "interleaved",
    "print_header",
    "print_row",
    "rate",
]

_COLUMNS = ("name", "seconds", "floor s", "ratio", "goal", "result")
_WIDTHS = (34, 9, 9, 7, 9, 6)


@dataclass
class Case:
    """One thing to time.

    ``setup`` (untimed) runs before every run and its return value is passed to ``fn``;
    ``teardown`` (untimed) gets that same value afterwards. Without a setup, ``fn`` takes no
    argument.
    """

    name: str
    fn: Callable[..., Any]
    setup: Callable[[], Any] | None = None
    teardown: Callable[[Any], Any] | None = None

    def run_once(self) -> float:
        arg = self.setup() if self.setup is not None else None
        gc.collect()
        try:
            start = time.perf_counter()
            if self.setup is not None:
                self.fn(arg)
            else:
                self.fn()
            return time.perf_counter() - start
        finally:
            if self.teardown is not None:
                self.teardown(arg)


def interleaved(cases: Sequence[Case], repeat: int = 3, verbose: bool = False) -> dict[str, float]:
    """Run the cases round-robin ``repeat`` times; the best (minimum) seconds of each, by name.

    Round-robin rather than case after case, so that a burst of load from another process on
    the machine hurts one run of each case instead of every run of one case.
    """
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    best: dict[str, float] = {case.name: float("inf") for case in cases}
    for round_no in range(1, repeat + 1):
        for case in cases:
            seconds = case.run_once()
            best[case.name] = min(best[case.name], seconds)
            if verbose:
                print(f"  run {round_no}/{repeat}  {case.name:<32} {seconds:8.3f} s", flush=True)
    return best


def best_of(
    fn: Callable[..., Any],
    repeat: int = 3,
    setup: Callable[[], Any] | None = None,
    teardown: Callable[[Any], Any] | None = None,
) -> float:
    """The minimum wall-clock seconds of ``repeat`` runs of ``fn`` (setup and teardown untimed)."""
    case = Case("fn", fn, setup, teardown)
    return interleaved([case], repeat)["fn"]


def rate(amount: float, seconds: float) -> float:
    """Throughput, amount per second (0 if the time is zero)."""
    return amount / seconds if seconds > 0 else 0.0


def print_header() -> None:
    print("  ".join(f"{c:<{w}}" if i == 0 else f"{c:>{w}}" for i, (c, w) in enumerate(zip(_COLUMNS, _WIDTHS))))
    print("  ".join("-" * w for w in _WIDTHS))


def print_row(
    name: str,
    seconds: float,
    floor_seconds: float,
    goal: float | None = None,
    extra: str = "",
) -> bool:
    """Print ``name, seconds, floor seconds, ratio, goal, PASS/OVER``; returns whether it passed.

    ``goal`` is the largest acceptable ratio seconds / floor seconds; ``None`` marks a row that
    is there for information only ("info", always counted as passing).
    """
    ratio = seconds / floor_seconds if floor_seconds > 0 else float("inf")
    if goal is None:
        goal_text, verdict, passed = "info", "-", True
    else:
        passed = ratio <= goal
        goal_text, verdict = f"<= {goal:g}x", "PASS" if passed else "OVER"
    cells = (name, f"{seconds:.3f}", f"{floor_seconds:.3f}", f"{ratio:.2f}x", goal_text, verdict)
    line = "  ".join(
        f"{c:<{w}}" if i == 0 else f"{c:>{w}}" for i, (c, w) in enumerate(zip(cells, _WIDTHS))
    )
    print(line + (f"  {extra}" if extra else ""), flush=True)
    return passed
