"""`annotator agreement`, `annotator report` and `annotator gold`: what a lead computes from the
merged coders' work.

Added to the `annotator` group at the end of :mod:`annotator.cli`.
"""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli_common import open_project as _open
from annotator.cli_common import opened as _opened
from annotator.cli_common import require_sound as _sound
from annotator.cli_common import split_list as _split

@click.command("agreement")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="Folder for summary.csv, pairwise.csv, per_article.csv, disagreements.csv, "
              "codes_confusion.csv, label_confusion.csv, coder_vs_gold.csv (with a gold "
              "standard) and rounds.csv (with calibration rounds).")
@click.option("--coders", help="Comma-separated coders (default: all who marked an article done).")
@click.option("--articles", "article_ids", help="Comma-separated article ids (default: all).")
@click.option("--round", "round_name", help="Only the articles of this calibration round.")
@click.option("--encoding", type=click.Choice(["utf-8-sig", "cp932"]), default="utf-8-sig",
              show_default=True, help="utf-8-sig (UTF-8 with BOM) opens in any Excel since "
              "2016; cp932 for older Japanese Excel.")
@click.option("--xlsx", is_flag=False, flag_value="", default=None, metavar="[FILE]",
              help="Also write the report as one Excel workbook, a sheet per CSV file: to FILE, "
              "or without FILE to report.xlsx in --out.")
@click.option("--plain", is_flag=True, help="CSV text cells exactly as they are (no ' before "
              "= + - @), for R and pandas; open in a spreadsheet by its import dialog.")
@click.option("--bootstrap", "bootstrap_b", type=click.IntRange(min=0), default=2000,
              show_default=True, metavar="B", help="Resamples of the articles behind each "
              "alpha's confidence interval; 0: no intervals.")
@click.option("--seed", type=click.IntRange(min=0), default=None, help="Seed of the resamples "
              "(default: a fresh one, printed and written to summary.csv); the same seed gives "
              "the same intervals.")
@click.option("--level", type=click.FloatRange(0, 1, min_open=True, max_open=True),
              default=0.95, show_default=True, help="Confidence level of the intervals.")
def agreement_cmd(
    project: str, out: str, coders: str | None, article_ids: str | None,
    round_name: str | None, encoding: str, xlsx: str | None = None, plain: bool = False,
    bootstrap_b: int = 2000, seed: int | None = None, level: float = 0.95,
) -> None:
    """Compute inter-annotator agreement and write CSV reports that open in Excel (with
    --xlsx also one workbook of them); with calibration rounds also rounds.csv, the agreement
    round by round."""
    from annotator.cli_progress import progress_bar
    from annotator.core.report_files import write_report
    from annotator.core.reports import agreement_report
    from annotator.core.round_trend import round_trend

    with _open(project, read_only=True) as proj:
        _sound(proj)
        with progress_bar("bootstrap") as progress:
            report = agreement_report(proj, _split(coders), _split(article_ids), round=round_name,
                                      bootstrap=bootstrap_b, seed=seed, level=level,
                                      progress=progress)
        trend = None
        if proj.rounds.list():
            with progress_bar("rounds") as progress:
                trend = round_trend(proj, _split(coders), progress=progress)
    if len(report.coders) < 2:
        click.echo(
            f"note: only {len(report.coders)} coder(s) to compare; measures are empty", err=True
        )
    book = None
    if xlsx is not None:  # built before any file is written: a cell Excel refuses stops all
        from annotator.core.report_files import report_tables
        from annotator.core.xlsx import workbook_bytes

        book = (Path(out) / "report.xlsx" if xlsx == "" else Path(xlsx),
                workbook_bytes(report_tables(report, trend)))
    written = write_report(report, Path(out), encoding, trend, plain)
    if book is not None:
        from annotator.core.files import atomic_write_many

        written += atomic_write_many(book[0].parent, {book[0].name: book[1]})
    click.echo(f"{len(report.coders)} coder(s), {report.n_articles} article(s)")
    if report.bootstrap_b:
        click.echo(f"{report.level * 100:g}% intervals from {report.bootstrap_b} resamples of the "
                   f"articles, seed {report.seed}")
    alphas = ("krippendorff_alpha", "krippendorff_alpha_ordinal", "unitizing_alpha")
    for row in report.summary:
        if row.measure in alphas and row.level != "article":
            value = "—" if row.value is None else f"{row.value:.3f}"
            if row.ci_low is not None and row.ci_high is not None:
                value += (f"  [{row.ci_low:.3f}, {row.ci_high:.3f}]"
                          f"  q(<0.667)={row.q_below.get(0.667, 0):.3f}")
            click.echo(f"  {row.measure:<26} {row.level:<12} {row.label:<24} {value}")
    if trend:
        from annotator.cli_rounds import print_table
        from annotator.core.round_trend import trend_table

        click.echo("krippendorff_alpha on tokens, round by round:")
        print_table(trend_table(trend))
    click.echo("wrote " + ", ".join(str(p) for p in written))


@click.command("report")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write (one self-contained file; opens offline).")
@click.option("--round", "round_name", help="Only the articles of this calibration round.")
@click.option("--coders", help="Comma-separated coders (default: all who marked an article done).")
@click.option("--lang", type=click.Choice(["ja", "en", "both"]), default="both",
              show_default=True, help="Language of the report.")
@click.option("--bootstrap", type=click.IntRange(min=0), default=2000, show_default=True,
              help="Resamples of articles behind each interval; 0: no intervals.")
@click.option("--seed", type=click.IntRange(min=0), help="Seed of the resamples, 0 or more "
              "(default: drawn, and written).")
@click.option("--level", type=click.FloatRange(0, 1, min_open=True, max_open=True),
              default=0.95, show_default=True, help="Confidence level of the intervals.")
def report_cmd(project: str, out: str, round_name: str | None, coders: str | None, lang: str,
               bootstrap: int, seed: int | None, level: float) -> None:
    """Write the reliability report: one HTML file with alpha and its interval per frame and
    variable (forest plot), rounds, coder by coder, gold, disagreements and a methods
    paragraph.

    Needs matplotlib: pip install 'framing-annotator[report]'."""
    from annotator.cli_progress import progress_bar
    from annotator.core.html_report import write_html_report
    from annotator.core.report_figures import require_matplotlib

    require_matplotlib()
    _opened.append(project)
    with progress_bar("report") as progress:
        result = write_html_report(Path(project), Path(out), _split(coders), round_name, lang,
                                   bootstrap, seed, progress=progress, level=level)
    if len(result.coders) < 2:
        click.echo(
            f"note: only {len(result.coders)} coder(s) to compare; measures are empty", err=True
        )
    intervals = (f"bootstrap {result.bootstrap_b} (seed {result.seed})" if result.bootstrap_b
                 else "no intervals (--bootstrap 0)")
    click.echo(f"{len(result.coders)} coder(s), {result.n_articles} article(s); {intervals}")
    click.echo(f"wrote {out}")


@click.command("gold")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--accept", "rule", required=True,
              help="all, majority or N: accept spans and answers that all, more than half, or "
                   "at least N of the coders done with an article gave identically.")
@click.option("--articles", "article_ids", help="Comma-separated article ids (default: all).")
def gold_cmd(project: str, rule: str, article_ids: str | None) -> None:
    """Pre-fill the gold standard of PROJECT where the coders agree.

    Never overwrites the lead's decisions; running it twice changes nothing.
    """
    from annotator.core.gold_fill import accept, parse_rule

    parsed = parse_rule(rule)
    with _open(project) as proj:
        ids = [proj.articles.find(r).id for r in _split(article_ids)] if article_ids else None
        report = accept(proj, parsed, ids)
    click.echo(report.summary())
