"""The cue effect as files: cue_effect.csv (one row per label and measure) and
cue_effect_summary.txt (a plain-words line per label), written like the agreement report's
files (UTF-8 with BOM, CRLF, text cells Excel cannot take for formulas).

The plain words turn the difference around: cue_effect.csv gives without − with, as the
analysis defines it, but a reader asks what the underlines do, so a sentence says "N points
more often when they saw the underlines" with the interval of with − without.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.core.agreement import OVERALL
from annotator.core.csvout import Table, render_csv, write_files
from annotator.core.cue_effect import (
    GOLD_MEASURES,
    MARKED,
    ON_CUES,
    TOKEN_ALPHA,
    UNITIZING,
    CueEffect,
    EffectRow,
)

HEADER = ("label", "measure", "with_cues", "without_cues", "difference", "ci_low", "ci_high",
          "units_with", "units_without", "articles_with", "articles_without", "bootstrap_b",
          "seed", "ci_level")
FILES = ("cue_effect.csv", "cue_effect_summary.txt")
MARKED_WORDS = ("{n} {points} {word} often when they saw the underlines",
                "下線が見えるときに{n}ポイント{word}")
ON_WORDS = ("{n} {points} {word} with the underlines", "下線ありのほうが{n}ポイント{word}")


def effect_table(effect: CueEffect) -> Table:
    rows = [(r.label, r.measure, r.with_cues, r.without_cues, r.difference, r.ci_low, r.ci_high,
             r.units_with, r.units_without, r.articles_with, r.articles_without,
             effect.bootstrap_b, effect.seed if effect.bootstrap_b else None,
             effect.level if effect.bootstrap_b else None) for r in effect.rows]
    return Table(HEADER, rows)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _fixed(value: float, digits: int) -> str:
    text = f"{value:.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def _points(effect: CueEffect, row: EffectRow, lang: str, en: str, ja: str) -> str:
    """What the underlines did to a share, in points (with − without) and its interval:
    ``en`` / ``ja`` say what was more or less (``{n} points more often ...``)."""
    if row.difference is None:
        return ("比較できない(一方の条件で測れない)" if lang == "ja"
                else "cannot be compared (undefined in a condition)")
    change = -row.difference * 100
    n = _fixed(abs(change), 0)
    if lang == "ja":
        text = ja.format(n=n, word="高い" if change > 0 else "低い")
    else:
        text = en.format(n=n, points="point" if n == "1" else "points",
                         word="more" if change > 0 else "less")
    found = _interval(effect, row, lang, 100, negate=True)
    return f"{text}({found})" if found and lang == "ja" else (
        f"{text} ({found})" if found else text)


def _interval(effect: CueEffect, row: EffectRow, lang: str, scale: float, negate: bool) -> str:
    """``95% CI a to b; verdict`` (no parentheses), or "" without an interval."""
    if row.ci_low is None or row.ci_high is None:
        return ""
    low, high = (-row.ci_high, -row.ci_low) if negate else (row.ci_low, row.ci_high)
    digits = 0 if scale == 100 else 2
    low_text, high_text = _fixed(low * scale, digits), _fixed(high * scale, digits)
    level = f"{effect.level * 100:g}%"
    clear = row.ci_low > 0 or row.ci_high < 0
    if lang == "ja":
        verdict = "区間は0を含まない" if clear else "区間が0を含み、はっきりした差はない"
        return f"{level}区間 {low_text}〜{high_text}、{verdict}"
    verdict = "the interval excludes 0" if clear else "no clear difference: it includes 0"
    return f"{level} CI {low_text} to {high_text}; {verdict}"


def summary_line(effect: CueEffect, label: str, name: str, lang: str = "en") -> str:
    """The plain words for one label (or ``*``, all labels)."""
    def row(measure: str) -> EffectRow | None:
        return effect.row(label, measure)

    parts = []
    marked, on_cues = row(MARKED), row(ON_CUES)
    ja = lang == "ja"
    if marked is not None:
        said = _points(effect, marked, lang, *MARKED_WORDS)
        parts.append(
            f"手がかり語に印を付けた割合は下線ありで{_pct(marked.with_cues)}、なしで"
            f"{_pct(marked.without_cues)}:{said}。" if ja else
            f"Coders marked {_pct(marked.with_cues)} of the cue words with the underlines and "
            f"{_pct(marked.without_cues)} without: {said}.")
    if on_cues is not None:
        parts.append(
            f"スパンの文字のうち手がかり語の上にあるのは下線ありで{_pct(on_cues.with_cues)}、"
            f"なしで{_pct(on_cues.without_cues)}:{_points(effect, on_cues, lang, *ON_WORDS)}。"
            if ja else
            f"Of their span characters, {_pct(on_cues.with_cues)} lay on cue words with the "
            f"underlines and {_pct(on_cues.without_cues)} without: "
            f"{_points(effect, on_cues, lang, *ON_WORDS)}.")
    for measure, ja_name, en_name in ((TOKEN_ALPHA, "トークン α", "Token alpha"),
                                      (UNITIZING, "単位化 α", "Unitizing alpha")):
        found = row(measure)
        if found is None:
            continue
        diff = "—" if found.difference is None else f"{found.difference:+.2f}"
        ci = _interval(effect, found, lang, 1, negate=False)
        parts.append(
            f"{ja_name}は下線ありで{_num(found.with_cues)}、なしで{_num(found.without_cues)}"
            f"(差 なし−あり {diff}{'、' + ci if ci else ''})。" if ja else
            f"{en_name} {_num(found.with_cues)} with, {_num(found.without_cues)} without "
            f"(without − with {diff}{'; ' + ci if ci else ''}).")
    gold = [row(m) for m in GOLD_MEASURES]
    if all(g is not None for g in gold):
        rc, pc, ro, po = gold  # type: ignore[misc]
        parts.append(
            f"正解データに対して、手がかり語のトークンでは再現率 {_pct(rc.with_cues)}→"
            f"{_pct(rc.without_cues)}、適合率 {_pct(pc.with_cues)}→{_pct(pc.without_cues)}、"
            f"それ以外では再現率 {_pct(ro.with_cues)}→{_pct(ro.without_cues)}、適合率 "
            f"{_pct(po.with_cues)}→{_pct(po.without_cues)}(下線あり→なし)。" if ja else
            f"Against gold, on cue-word tokens recall {_pct(rc.with_cues)} with → "
            f"{_pct(rc.without_cues)} without and precision {_pct(pc.with_cues)} → "
            f"{_pct(pc.without_cues)}; on other tokens recall {_pct(ro.with_cues)} → "
            f"{_pct(ro.without_cues)} and precision {_pct(po.with_cues)} → "
            f"{_pct(po.without_cues)}.")
    if not parts:
        return f"{name}:測れるものがない。" if ja else f"{name}: nothing to compare."
    return f"{name}:" + "".join(parts) if ja else f"{name}: " + " ".join(parts)


def summary_lines(effect: CueEffect, name: Callable[[str], str] = str,
                  lang: str = "en") -> list[str]:
    """One line per label, then all labels together."""
    return [summary_line(effect, label, name(label), lang)
            for label in [*effect.labels, OVERALL]]


def summary_text(effect: CueEffect) -> str:
    def name(label: str) -> str:
        return "All labels" if label == OVERALL else label

    b = effect.bootstrap_b
    head = (f"Cue effect: {len(effect.coders)} coder(s), {effect.n_articles} article(s); "
            + (f"{effect.level * 100:g}% intervals from {b} paired resamples of the articles, "
               f"seed {effect.seed}." if b else "no intervals (--bootstrap 0)."))
    return "\r\n".join([head, "", *summary_lines(effect, name)]) + "\r\n"


def write_cue_effect(effect: CueEffect, folder: Path, encoding: str = "utf-8-sig"
                     ) -> list[Path]:
    """cue_effect.csv and cue_effect_summary.txt in ``folder``: both, or (on error) neither."""
    table = effect_table(effect)
    return write_files(Path(folder), {
        FILES[0]: render_csv(table.header, table.rows),
        FILES[1]: summary_text(effect),
    }, encoding)


__all__ = ["FILES", "HEADER", "effect_table", "summary_line", "summary_lines", "summary_text",
           "write_cue_effect"]
