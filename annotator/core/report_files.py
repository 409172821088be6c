"""The agreement report as six CSV files, seven with a gold layer, plus rounds.csv (the trend
across calibration rounds) when the project has rounds (columns documented in README).

New columns go at the end of a file, so scripts that read the older columns by position keep
working.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from annotator.core.csvout import Table, render_csv, write_files
from annotator.core.reports import AgreementReport, SummaryRow
from annotator.core.round_trend import TrendRow

SUMMARY = ("measure", "level", "label", "value", "observed_agreement", "n_units", "n_coders", "note",
           "ci_low", "ci_high", "q_below_0.667", "q_below_0.800", "bootstrap_b", "seed", "ci_level")
PAIRWISE = ("coder_a", "coder_b", "label", "cohen_kappa", "f1_exact", "f1_overlap", "n_units",
            "level", "cohen_kappa_quadratic")
PER_ARTICLE = ("article_id", "title", "label", "krippendorff_alpha", "n_coders")
DISAGREEMENTS = (
    "article_id", "title", "label", "start", "end", "text", "coders_with", "coders_without"
)
CODES_CONFUSION = ("variable", "coder_a", "coder_b", "answer_a", "answer_b", "count")
LABEL_CONFUSION = ("coder_a", "coder_b", "label_a", "label_b", "tokens")
CODER_VS_GOLD = ("coder", "label", "precision_exact", "recall_exact", "f1_exact",
                 "precision_overlap", "recall_overlap", "f1_overlap", "cohen_kappa", "n_articles",
                 "accuracy")
TREND = ("round", "date", "label", "measure", "value", "n_articles", "coders")


def trend_table(rows: Sequence[TrendRow]) -> Table:
    """rounds.csv: the agreement of every round, one measure of one label per line."""
    return Table(TREND, [
        (r.round, r.date, r.label, r.measure, r.value, r.n_articles, ";".join(r.coders))
        for r in rows
    ])


def _bootstrap_cells(row: SummaryRow) -> tuple[object, ...]:
    """ci_low .. ci_level of a summary row: empty without a bootstrap (a kappa, or B = 0)."""
    if not row.bootstrap_b:
        return (None,) * 7
    return (row.ci_low, row.ci_high, row.q_below.get(0.667), row.q_below.get(0.8),
            row.bootstrap_b, row.seed, row.ci_level)


def report_tables(report: AgreementReport, trend: Sequence[TrendRow] | None = None
                  ) -> dict[str, Table]:
    """File name -> table (coder_vs_gold.csv only when the report has gold, rounds.csv only
    when ``trend`` is given)."""
    tables = {
        "summary.csv": Table(SUMMARY, [
            (r.measure, r.level, r.label, r.value, r.observed_agreement, r.n_units, r.n_coders,
             r.note, *_bootstrap_cells(r)) for r in report.summary
        ]),
        "pairwise.csv": Table(PAIRWISE, [
            (r.coder_a, r.coder_b, r.label, r.cohen_kappa, r.f1_exact, r.f1_overlap, r.n_units,
             r.level, r.cohen_kappa_quadratic) for r in report.pairwise
        ]),
        "per_article.csv": Table(PER_ARTICLE, [
            (r.article_id, r.title, r.label, r.krippendorff_alpha, r.n_coders)
            for r in report.per_article
        ]),
        "disagreements.csv": Table(DISAGREEMENTS, [
            (d.article_id, d.title, d.label, d.start, d.end, d.text, ";".join(d.coders_with),
             ";".join(d.coders_without)) for d in report.disagreements
        ]),
        "codes_confusion.csv": Table(CODES_CONFUSION, [
            (r.variable, r.coder_a, r.coder_b, r.answer_a, r.answer_b, r.count)
            for r in report.codes_confusion
        ]),
        "label_confusion.csv": Table(LABEL_CONFUSION, [
            (r.coder_a, r.coder_b, r.label_a, r.label_b, r.tokens) for r in report.label_confusion
        ]),
    }
    if report.gold is not None:
        tables["coder_vs_gold.csv"] = Table(CODER_VS_GOLD, [
            (r.coder, r.label, r.precision_exact, r.recall_exact, r.f1_exact,
             r.precision_overlap, r.recall_overlap, r.f1_overlap, r.cohen_kappa, r.n_articles,
             r.accuracy) for r in report.gold.rows
        ])
    if trend is not None:
        tables["rounds.csv"] = trend_table(trend)
    return tables


def report_csvs(report: AgreementReport, trend: Sequence[TrendRow] | None = None,
                plain: bool = False) -> dict[str, str]:
    """File name -> CSV text of :func:`report_tables` (``plain``: text cells as they are)."""
    return {name: render_csv(t.header, t.rows, plain)
            for name, t in report_tables(report, trend).items()}


def write_report(
    report: AgreementReport, folder: Path, encoding: str = "utf-8-sig",
    trend: Sequence[TrendRow] | None = None, plain: bool = False,
) -> list[Path]:
    """Write the report's files (and rounds.csv when ``trend`` is given): all or none."""
    return write_files(folder, report_csvs(report, trend, plain), encoding)
