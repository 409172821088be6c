"""The reliability report: one self-contained HTML file a lead can send, print or quote from.

It opens offline in any browser: CSS inline, figures inline SVG drawn by matplotlib (text kept
as text, so Japanese names render with the reader's fonts), no scripts, no URL of any kind.
Sections: the study, alpha with its interval (forest plot and table), round by round, coder by
coder, coders against gold, the largest disagreements and a methods paragraph. The numbers are
those of `annotator agreement` for the same project, coders, round and bootstrap settings.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from annotator import __version__
from annotator.core import report_sections as s
from annotator.core.errors import InputError
from annotator.core.methods_text import (
    MethodsFacts,
    cue_methods_paragraphs,
    methods_paragraphs,
)
from annotator.core.progress import Progress, report, scaled
from annotator.core.report_figures import ForestRow, forest_svg, require_matplotlib, trend_svg
from annotator.core.reports import AgreementReport, agreement_report
from annotator.core.round_trend import TOKEN_ALPHA, TrendRow, round_trend
from annotator.core.store import Project
from annotator.core.tokenizer import tokenizer_id

if TYPE_CHECKING:
    from annotator.core.cue_effect import CueEffect

LANGS = ("ja", "en", "both")


@dataclass(frozen=True)
class RoundFacts:
    name: str
    date: str
    n_articles: int
    done: dict[str, int]  # coder -> articles of the round marked done


@dataclass
class Study:
    """What was studied: read from the project beside the agreement report."""

    project: str
    n_articles: int  # articles in scope (the round's, or the project's)
    done: dict[str, int]  # coder -> articles in scope marked done
    rounds: list[RoundFacts] = field(default_factory=list)
    names: s.Names = field(default_factory=s.Names)
    ordinal: set[str] = field(default_factory=set)  # article variables with the ordinal metric


def read_study(project: Project, coders: Sequence[str], round: str | None = None) -> Study:
    """Articles, done counts and rounds of the project, and the schema's display names."""
    done = project.statuses.done()
    scope = (list(project.rounds.get(round).article_ids) if round is not None
             else project.articles.ids())
    study = Study(project.name, len(scope),
                  {c: sum(c in done.get(a, set()) for a in scope) for c in coders})
    for found in project.rounds.list():
        study.rounds.append(RoundFacts(found.name, found.date, len(found.article_ids), {
            c: sum(c in done.get(a, set()) for a in found.article_ids) for c in coders}))
    schema = project.schema
    for label in schema.labels:
        study.names.names[label.id] = (label.name_ja or label.id, label.name_en or label.id)
    for var in schema.variables:
        study.names.names[var.id] = (var.name_ja or var.id, var.name_en or var.id)
        if var.type == "ordinal":
            study.ordinal.add(var.id)
        for option in var.options:
            study.names.names[f"{var.id}:{option.id}"] = (
                f"{var.name_ja or var.id}: {option.name_ja or option.id}",
                f"{var.name_en or var.id}: {option.name_en or option.id}")
    return study


def _agreement(project: Project, coders: list[str] | None, round: str | None,
               bootstrap: int, seed: int | None, level: float,
               progress: Progress | None) -> AgreementReport:
    return agreement_report(project, coders, round=round, bootstrap=bootstrap, seed=seed,
                            level=level, progress=progress)


def write_html_report(
    path: Path, out: Path, coders: list[str] | None = None, round: str | None = None,
    lang: str = "both", bootstrap: int = 2000, seed: int | None = None,
    progress: Progress | None = None, level: float = 0.95,
) -> AgreementReport:
    """Compute the report of the project at ``path`` (opened read-only here, so this runs in
    any thread) and write it to ``out`` whole or not at all; returns the agreement report."""
    if lang not in LANGS:
        raise InputError(f"unknown language {lang!r}: use ja, en or both")
    require_matplotlib()
    out = Path(out)
    report(progress, 0, 100, "reading the project")
    with Project.open(path, read_only=True, reason="the report only reads it") as project:
        result = _agreement(project, coders, round, bootstrap, seed, level,
                            scaled(progress, 0, 70, 100))
        trend = (round_trend(project, result.coders or None,
                             progress=scaled(progress, 70, 20, 100))
                 if project.rounds.list() else [])
        study = read_study(project, result.coders, round)
        cue = _cue_effect(project, result, round, bootstrap, level, scaled(progress, 90, 5, 100))
    report(progress, 95 if cue is not None else 90, 100, "drawing the figures")
    page = render_html(result, trend, study, lang, round, cue)
    partial = out.with_name(out.name + ".partial")
    try:
        partial.write_text(page, encoding="utf-8")
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InputError(f"{out}: cannot write the report ({exc.strerror or exc})") from None
    report(progress, 100, 100, "")
    return result


def _cue_effect(project: Project, result: AgreementReport, round: str | None,
                bootstrap: int, level: float, progress: Progress | None) -> CueEffect | None:
    """The cue effect on the report's coders, articles and resamples (same seed), when the
    project has coding both with and without the cue underlines; else None."""
    from annotator.core.cue_effect import project_cue_effect
    from annotator.core.cue_effect_data import has_both_conditions

    ids = list(project.rounds.get(round).article_ids) if round is not None else None
    if not has_both_conditions(project, result.coders, ids):
        return None
    articles = ([project.articles.get(a, verify=False).external_id for a in ids]
                if ids is not None else None)
    return project_cue_effect(project, result.coders or None, bootstrap, result.seed, level,
                              progress, articles)


def _forest(result: AgreementReport, study: Study, w: s.Words) -> str:
    rows: list[ForestRow] = []
    for level in s.FOREST_LEVELS:
        lines = [r for r in result.summary if r.level == level and r.measure in s.ALPHAS]
        if not lines:
            continue
        heading = {"token": ("トークン α", "token alpha"),
                   "character": ("単位化 α(文字)", "unitizing alpha (characters)"),
                   "article_code": ("記事の変数 α", "article variables alpha")}[level]
        rows.append(ForestRow(w.plain(*heading), heading=True))
        rows.extend(ForestRow(study.names.plain(w, r.label), r.value,
                              r.ci_low, r.ci_high)
                    for r in lines)
    level = f"{result.level * 100:g}%"
    return forest_svg(rows, w.plain("Krippendorff の α", "Krippendorff's alpha"),
                      w.plain(f"α [{level}区間]", f"alpha [{level} CI]"))


def _rounds(trend: Sequence[TrendRow], study: Study, w: s.Words) -> str:
    rows = [r for r in trend if r.measure == TOKEN_ALPHA]
    if not rows:
        return ""
    rounds = list(dict.fromkeys(r.round for r in rows))
    labels = list(dict.fromkeys(r.label for r in rows))
    values = {(r.round, r.label): r.value for r in rows}
    series = [(study.names.plain(w, label), [values.get((n, label)) for n in rounds])
              for label in labels]
    figure = trend_svg(rounds, series, w.plain("トークン α", "token alpha"))
    head = [w("フレーム", "frame"), *(escape(n) for n in rounds)]
    body = [[f"<td>{study.names.html(w, label)}</td>",
             *(s.number(values.get((n, label))) for n in rounds)] for label in labels]
    return f'<div class="figure">{figure}</div>\n{s.table(head, body)}'


def _study(result: AgreementReport, study: Study, w: s.Words, round: str | None) -> str:
    facts = [(w("プロジェクト", "project"), escape(study.project)),
             (w("コーダー", "coders"), escape(", ".join(result.coders)) or "—"),
             (w("記事", "articles"), str(study.n_articles)),
             (w("比較した記事", "articles compared"), str(result.n_articles))]
    if round is not None:
        facts.append((w("ラウンド", "round"), escape(round)))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    head = [w("コーダー", "coder"), w("完了した記事", "articles done")]
    done = s.table(head, [[s.text(c), s.count(n)] for c, n in study.done.items()])
    rounds = ""
    if study.rounds:
        head = [w("ラウンド", "round"), w("日付", "date"), w("記事", "articles"),
                *(escape(c) + " " + w("完了", "done") for c in result.coders)]
        rounds = s.table(head, [[s.text(r.name), s.text(r.date), s.count(r.n_articles),
                                 *(s.count(r.done.get(c, 0)) for c in result.coders)]
                                for r in study.rounds])
    return f"<dl>{dl}</dl>\n{done}\n{rounds}"


def _methods(result: AgreementReport, study: Study, lang: str, round: str | None,
             cue: CueEffect | None = None) -> str:
    def names(keys: Sequence[str], index: int) -> list[str]:
        return [study.names.pair(k)[index] for k in keys]

    codes = [u.id for u in result.codes]
    plain = [k for k in codes if k.split(":")[0] not in study.ordinal]
    ordinal = [k for k in codes if k.split(":")[0] in study.ordinal]
    paragraphs = []
    for code, index in (("ja", 0), ("en", 1)):
        facts = MethodsFacts(
            len(result.coders), result.n_articles, names(result.labels, index),
            names(plain, index), names(ordinal, index), result.bootstrap_b,
            result.seed, result.level, __version__,
            tokenizer_id(), round)
        paragraphs += [(c, p) for c, p in methods_paragraphs(facts, lang) if c == code]
        if cue is not None:
            paragraphs += [(c, p) for c, p in cue_methods_paragraphs(
                cue.bootstrap_b, cue.seed, cue.level, cue.has_gold, lang) if c == code]
    return "\n".join(f'<p class="methods" lang="{c}">{escape(p)}</p>' for c, p in paragraphs)


def render_html(result: AgreementReport, trend: Sequence[TrendRow], study: Study, lang: str,
                round: str | None = None, cue: CueEffect | None = None) -> str:
    """The whole page as text; ``cue``: the cue-effect section (only with both conditions)."""
    from annotator.core.report_style import CSS

    w = s.Words(lang)
    names = study.names
    level = result.level
    bootstrap_b = result.bootstrap_b
    interval = (s.note(w, f"区間は記事を復元抽出する{bootstrap_b:,}回のブートストラップ(シード"
                          f"{result.seed})による。",
                       f"Intervals: {bootstrap_b:,} bootstrap resamples of articles (seed "
                       f"{result.seed}).")
                if bootstrap_b else
                s.note(w, "ブートストラップ区間は算出していない。", "No bootstrap intervals."))
    sections = [
        s.section("study", w("研究の概要", "The study"), _study(result, study, w, round)),
        s.section("alpha", w("フレームと変数ごとの α", "Alpha per frame and variable"),
                  f'<div class="figure">{_forest(result, study, w)}</div>', interval,
                  s.table(s.summary_head(w, level), s.summary_rows(result, names, w))),
    ]
    rounds = _rounds(trend, study, w)
    if rounds:
        sections.append(s.section("rounds", w("ラウンドごとの α", "Alpha round by round"), rounds))
    if len(result.coders) >= 2:
        sections.append(s.section(
            "pairs", w("コーダー対ごとの一致", "Coder by coder"),
            "<h3>" + w("Cohen の κ(トークン、記事の変数)",
                       "Cohen's kappa (tokens, article variables)") + "</h3>",
            s.kappa_matrices(result, names, w),
            "<h3>" + w("ラベルの混同(全コーダー対、トークン数)",
                       "Label confusion (all pairs, tokens)") + "</h3>",
            s.note(w, "行はコーダーA、列はコーダーBのラベル。", "Rows: coder A's label; "
                   "columns: coder B's."),
            s.confusion_table(result, names, w)))
    gold = s.gold_table(result, names, w)
    if gold:
        sections.append(s.section(
            "gold", w("コーダーと正解データ(gold)", "Coders against gold"), gold))
    if cue is not None:
        from annotator.core.report_cue_section import cue_section

        sections.append(cue_section(cue, names, w))
    if result.disagreements:
        sections.append(s.section(
            "disagreements", w("大きな不一致", "Largest disagreements"),
            s.disagreement_list(result, names, w)))
    sections.append(s.section("methods", w("方法(論文用)", "Methods (for a paper)"),
                              _methods(result, study, lang, round, cue)))
    title = w.plain("信頼性レポート", "Reliability report") + " — " + study.project
    html_lang = "en" if lang == "en" else "ja"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{escape(title)}</h1>\n<p class=\"note\">Framing Annotator "
        f"{escape(__version__)} · {escape(tokenizer_id())}</p></header>\n"
        + "\n".join(sections) + "\n</body>\n</html>\n"
    )
