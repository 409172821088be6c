"""The reliability report's figures, drawn by matplotlib as SVG text to inline in the HTML.

Text stays text (``svg.fonttype = "none"``): the browser draws Japanese frame names with its
own fonts, a reader can copy them, and the file stays small. Only matplotlib's object API is
used (no pyplot), so drawing needs no GUI backend and works in the app's worker thread.
matplotlib is an optional extra (it is too heavy for the coders' bundle):
:func:`require_matplotlib` says how to install it.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.errors import AnnotatorError

EXTRA = "report"  #: the optional dependency group that installs matplotlib
THRESHOLDS = (0.667, 0.800)  #: Krippendorff's minimums: tentative conclusions, reliable data
#: Fonts named in the SVG, in order; the browser takes the first it has (Japanese first).
FONTS = ["Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Meiryo", "IPAexGothic",
         "DejaVu Sans", "sans-serif"]


class MissingExtra(AnnotatorError):
    """An optional library a feature needs is not installed."""


def require_matplotlib() -> None:
    """Raise :class:`MissingExtra` (one line: what is missing and how to install it) when
    matplotlib cannot be imported."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise MissingExtra(
            "the reliability report needs matplotlib, which is not installed here (the coders' "
            f"bundle leaves it out): pip install 'framing-annotator[{EXTRA}]'"
        ) from None


@dataclass(frozen=True)
class ForestRow:
    """One line of the forest plot: a value with its interval, or a group heading
    (``value`` None and ``heading`` True)."""

    name: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    heading: bool = False


def _rc() -> dict[str, object]:
    return {
        "svg.fonttype": "none",
        "text.parse_math": False,  # a "$" in a frame name is a dollar sign, not TeX
        "text.usetex": False,
        "svg.hashsalt": "framing-annotator",  # the same report gives the same SVG ids
        "font.family": ["sans-serif"],
        "font.sans-serif": FONTS,
        "font.size": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


def _svg(figure, prefix: str) -> str:
    """The figure as an SVG element for an HTML page: no XML prolog, doctype, metadata or
    namespace URLs (HTML knows SVG without them, and the report has no URLs at all), its ids
    prefixed so that several figures in one page never share one (a clip path would)."""
    buffer = io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # glyphs of fonts matplotlib lacks: the browser has them
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    text = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", text)
    text = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', text)
    text = re.sub(r'(url\(#|href="#)([^)"]+)', rf"\1{prefix}-\2", text)
    return text.strip()


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _interval_text(row: ForestRow) -> str:
    if row.value is None:
        return "—"
    if row.low is None or row.high is None:
        return f"{row.value:.3f}"
    return f"{row.value:.3f} [{row.low:.3f}, {row.high:.3f}]"


def forest_svg(rows: Sequence[ForestRow], axis_title: str, value_title: str,
               prefix: str = "forest") -> str:
    """Alpha with its interval per line, minimums 0.667 and 0.800 marked, the figures written
    beside each line (value [low, high])."""
    require_matplotlib()
    from matplotlib import rc_context
    from matplotlib.transforms import blended_transform_factory

    with rc_context(_rc()):
        figure = _figure(9.5, 0.9 + 0.3 * max(1, len(rows)))
        ax = figure.add_subplot()
        ys = list(range(len(rows)))[::-1]
        lows = [min(v for v in (r.low, r.value) if v is not None) for r in rows
                if r.value is not None]
        left = min([0.0, *lows]) - 0.05
        for y, row in zip(ys, rows):
            if row.value is None:
                continue
            if row.low is not None and row.high is not None:
                ax.plot([row.low, row.high], [y, y], color="#1f4e79", linewidth=1.6)
                for end in (row.low, row.high):
                    ax.plot([end, end], [y - 0.15, y + 0.15], color="#1f4e79", linewidth=1.2)
            ax.plot([row.value], [y], marker="o", markersize=5, color="#1f4e79")
        for x, style, side in zip(THRESHOLDS, ("--", "-."), ("right", "left")):
            ax.axvline(x, color="#b03a2e", linestyle=style, linewidth=1)
            ax.text(x + (0.01 if side == "left" else -0.01), len(rows) - 0.4, f"{x:.3f}",
                    color="#b03a2e", ha=side, va="bottom", fontsize=9)
        ax.axvline(0, color="#999999", linewidth=0.6)
        ax.set_xlim(left, 1.02)
        ax.set_ylim(-0.7, len(rows) - 0.3)
        ax.set_yticks(ys, [r.name for r in rows])
        for tick, row in zip(ax.get_yticklabels(), rows):
            if row.heading:
                tick.set_fontweight("bold")
        ax.tick_params(axis="y", length=0)
        ax.set_xlabel(axis_title)
        beside = blended_transform_factory(ax.transAxes, ax.transData)
        ax.text(1.03, len(rows) - 0.4, value_title, transform=beside, va="bottom", fontsize=9,
                fontweight="bold")
        for y, row in zip(ys, rows):
            if not row.heading:
                ax.text(1.03, y, _interval_text(row), transform=beside, va="center", fontsize=9,
                        family="monospace")
        ax.grid(axis="x", color="#e5e5e5", linewidth=0.6)
        ax.set_axisbelow(True)
        return _svg(figure, prefix)


def trend_svg(rounds: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
              axis_title: str, prefix: str = "trend") -> str:
    """One line per label across the rounds (a gap where a round has no value), with the
    minimums marked."""
    require_matplotlib()
    from matplotlib import rc_context

    with rc_context(_rc()):
        figure = _figure(9.0, 3.6)
        ax = figure.add_subplot()
        xs = list(range(len(rounds)))
        for name, values in series:
            ys = [float("nan") if v is None else v for v in values]
            ax.plot(xs, ys, marker="o", linewidth=1.5, label=name)
        for x, style in zip(THRESHOLDS, ("--", "-.")):
            ax.axhline(x, color="#b03a2e", linestyle=style, linewidth=1)
        ax.set_xticks(xs, list(rounds))
        ax.set_ylabel(axis_title)
        values = [v for _, vs in series for v in vs if v is not None]
        ax.set_ylim(min([0.0, *values]) - 0.05, 1.02)
        ax.set_xlim(-0.3, max(0, len(rounds) - 1) + 0.3)
        ax.grid(axis="y", color="#e5e5e5", linewidth=0.6)
        if series:
            ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
        return _svg(figure, prefix)
