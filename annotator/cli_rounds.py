"""`annotator round …` and `annotator progress`: calibration rounds and how far each coder is,
and the body of `annotator assign` (one copy, or the copies design for several coders).

Added to the `annotator` group at the end of :mod:`annotator.cli`; the commands reach the
project through :mod:`annotator.cli_common` (opening, refusing damaged files) like every command.
"""

from __future__ import annotations

import click

from annotator.cli_common import open_project as _open
from annotator.cli_common import require_sound as _sound
from annotator.cli_common import split_list as _split
from annotator.core.cue_design import DRAWN
from annotator.core.model import Round


def print_table(rows: list[list[str]]) -> None:
    """Print rows as columns padded to their widest cell (east-asian wide counted double)."""
    from unicodedata import east_asian_width

    def width(text: str) -> int:
        return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)

    widths = [max(width(r[k]) for r in rows) for k in range(len(rows[0]))]
    for row in rows:
        cells = [cell + " " * (w - width(cell)) for cell, w in zip(row, widths)]
        click.echo("  ".join(cells).rstrip())


def _describe(found: Round) -> str:
    date = f" ({found.date})" if found.date else ""
    return f"round {found.name!r}{date}: {len(found.article_ids)} article(s)"


@click.group("round")
def round_group() -> None:
    """Calibration rounds: named sets of articles with a date ("training 1", "main").

    Copies can be handed out per round (`assign --round`) and agreement computed per round
    (`agreement --round`, and rounds.csv: the trend round by round)."""


@round_group.command("add")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("name")
@click.option("--date", default="", help="The round's date, YYYY-MM-DD (e.g. 2026-12-01).")
@click.option("--articles", "article_ids",
              help="Comma-separated article ids or list numbers (default: all articles).")
@click.option("--from-round", help="Take the articles of this round.")
@click.option("--unused", is_flag=True, help="Only articles that are in no round yet.")
@click.option("--sample", type=int, help="Draw this many of those articles at random.")
@click.option("--seed", type=int, help="Seed for --sample, to draw the same articles again.")
def round_add(
    project: str, name: str, date: str, article_ids: str | None, from_round: str | None,
    unused: bool, sample: int | None, seed: int | None,
) -> None:
    """Add the round NAME to PROJECT with the chosen articles."""
    from annotator.core.round_choice import choose_round_articles

    if seed is not None and sample is None:
        raise click.UsageError("--seed goes with --sample")
    with _open(project) as proj:
        chosen, seed = choose_round_articles(
            proj, _split(article_ids), from_round=from_round, unused=unused, sample=sample,
            seed=seed)
        added = proj.rounds.add(name, date, chosen)
    drawn = f" (sampled with --seed {seed})" if seed is not None else ""
    click.echo(f"added {_describe(added)}{drawn}")


@round_group.command("list")
@click.argument("project", type=click.Path(dir_okay=False))
def round_list(project: str) -> None:
    """List the rounds: name, date, articles, and per coder done / in progress."""
    from annotator.core.coder_progress import coder_progress

    with _open(project, read_only=True) as proj:
        rounds = proj.rounds.list()
        progress = coder_progress(proj)
    if not rounds:
        click.echo("no rounds; add one with `annotator round add`")
        return
    rows = [["round", "date", "articles", "coders (done/in progress)"]]
    for found in rounds:
        coders = ", ".join(f"{p.coder} {p.done}/{p.in_progress}" for p in progress
                           if p.round == found.name and (p.done or p.in_progress))
        rows.append([found.name, found.date or "—", str(len(found.article_ids)), coders or "—"])
    print_table(rows)


@round_group.command("show")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("name")
def round_show(project: str, name: str) -> None:
    """Show a round's articles with each coder's status, then its agreement per frame
    (when at least two coders have marked one of its articles done)."""
    from annotator.core.round_trend import TOKEN_ALPHA, UNITIZING_ALPHA, round_trend

    with _open(project, read_only=True) as proj:
        found = proj.rounds.get(name)
        coders = proj.coders.names()
        statuses = proj.statuses.all()
        articles = {a.id: a for a in proj.articles.summaries()}
        done = {c for a in found.article_ids for c, s in statuses.get(a, {}).items()
                if s == "done"}
        trend = []
        if len(done) >= 2:
            _sound(proj)
            trend = round_trend(proj, only=found.name)
    click.echo(_describe(found))
    rows = [["id", "title", *coders]]
    for article_id in found.article_ids:
        summary = articles[article_id]
        title = summary.title if len(summary.title) <= 30 else summary.title[:29] + "…"
        rows.append([summary.external_id, title, *(summary.status(c) for c in coders)])
    print_table(rows)
    if not trend:
        click.echo("agreement: needs two coders who marked an article of this round done")
        return
    click.echo(f"agreement ({', '.join(trend[0].coders)}; {trend[0].n_articles} article(s) "
               "done by two or more):")
    alpha = {(r.label, r.measure): r.value for r in trend}
    labels = list(dict.fromkeys(r.label for r in trend if r.measure != "code_alpha"))
    table = [["label", TOKEN_ALPHA, UNITIZING_ALPHA]]
    for label in labels:
        table.append([label, *(_number(alpha.get((label, m))) for m in
                               (TOKEN_ALPHA, UNITIZING_ALPHA))])
    print_table(table)


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


@round_group.command("rename")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("name")
@click.argument("new_name")
@click.option("--date", default=None, help="Also set the date, YYYY-MM-DD (\"\" clears it).")
def round_rename(project: str, name: str, new_name: str, date: str | None) -> None:
    """Rename the round NAME to NEW_NAME (and change its date)."""
    with _open(project) as proj:
        renamed = proj.rounds.rename(name, new_name, date)
    click.echo(f"renamed {name!r}: {_describe(renamed)}")


@round_group.command("delete")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("name")
def round_delete(project: str, name: str) -> None:
    """Delete the round NAME (its articles and their annotations stay)."""
    with _open(project) as proj:
        found = proj.rounds.get(name)
        proj.rounds.delete(found.name)
    click.echo(f"deleted {_describe(found)}")


@click.command("progress")
@click.argument("project", type=click.Path(dir_okay=False))
def progress_cmd(project: str) -> None:
    """How far each coder is: done, in progress and not started, for all articles and per
    round."""
    from annotator.core.coder_progress import coder_progress

    with _open(project, read_only=True) as proj:
        rows = coder_progress(proj)
    if not rows:
        click.echo("no coders yet")
        return
    table = [["round", "coder", "done", "in progress", "not started", "articles"]]
    for r in rows:
        table.append([r.round or "(all articles)", r.coder, str(r.done), str(r.in_progress),
                      str(r.not_started), str(r.total)])
    print_table(table)


def _overlap(value: str | None) -> int | float | None:
    """--overlap 20 (articles) or 25% (a share)."""
    if value is None:
        return None
    text = value.strip()
    try:
        if text.endswith("%"):
            return float(text[:-1]) / 100
        return int(text)
    except ValueError:
        raise click.BadParameter(f"{value!r}: give a number of articles (20) or a share (25%)",
                                 param_hint="--overlap") from None


def write_copies(
    project: str, coders: tuple[str, ...], out: str | None, out_dir: str | None,
    round_name: str | None, article_ids: str | None, sample: int | None, overlap: str | None,
    seed: int | None, cues: str = "on",
) -> None:
    """`annotator assign`: one copy to --out, or one copy per coder into --out-dir, with the
    cue design ``cues`` (:mod:`annotator.core.cue_design`)."""
    from annotator.cli_progress import progress_bar
    from annotator.core.assign import assign, assign_copies, internal_ids, plan_copies

    if seed is not None and sample is None and overlap is None and cues not in DRAWN:
        raise click.UsageError("--seed goes with --sample, --overlap or --cues per-coder or "
                               "per-article")
    if (out is None) == (out_dir is None):
        raise click.UsageError("give --out FILE (one coder) or --out-dir DIR")
    if out is not None and (len(coders) > 1 or overlap is not None):
        raise click.UsageError("several coders and --overlap need --out-dir DIR (one copy each)")
    share = _overlap(overlap)
    with _open(project, read_only=True) as master:
        _sound(master)
        if out is not None:
            click.echo(assign(master, coders[0], out, _split(article_ids), sample, seed,
                              round=round_name, cues=cues).summary())
            return
        refs = _split(article_ids)
        plan = plan_copies(master, coders, internal_ids(master, refs) if refs else None,
                           sample=sample, overlap=share, seed=seed, round=round_name, cues=cues)
        external = {a: master.articles.get(a, verify=False).external_id
                    for a in set().union(*plan.per_coder.values())}
    with progress_bar("writing copies") as progress:
        reports = assign_copies(project, plan, out_dir, round=round_name, progress=progress)
    if plan.seed is not None:
        click.echo(f"drawn with --seed {plan.seed} (give it again for the same copies)")
    shared = ", ".join(external[a] for a in plan.shared)
    click.echo(f"shared by every coder: {len(plan.shared)} article(s)"
               + (f": {shared}" if plan.shared else ""))
    for report in reports:
        click.echo(f"wrote {report.path} for coder {report.coder!r}: {report.counts()}")
