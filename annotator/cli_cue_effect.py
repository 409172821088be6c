"""`annotator cue-effect`: do the cue underlines steer the coders? (README, "The cue effect").

Added to the `annotator` group at the end of :mod:`annotator.cli`.
"""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli_common import open_project as _open
from annotator.cli_common import require_sound as _sound
from annotator.cli_common import split_list as _split


@click.command("cue-effect")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="Folder for cue_effect.csv and cue_effect_summary.txt.")
@click.option("--coders", "--coder", "coders",
              help="Comma-separated coders (default: all who marked an article done).")
@click.option("--bootstrap", "bootstrap_b", type=click.IntRange(min=0), default=2000,
              show_default=True, metavar="B", help="Paired resamples of the articles behind "
              "each difference's interval; 0: no intervals.")
@click.option("--seed", type=click.IntRange(min=0), default=None, help="Seed of the resamples "
              "(default: a fresh one, printed and written to cue_effect.csv).")
@click.option("--level", type=click.FloatRange(0, 1, min_open=True, max_open=True),
              default=0.95, show_default=True, help="Confidence level of the intervals.")
def cue_effect_cmd(project: str, out: str, coders: str | None, bootstrap_b: int,
                   seed: int | None, level: float) -> None:
    """Compare coding with and without the cue underlines (cue-free copies, `assign --cues`):
    agreement, how much of the spans lies on cue words, and, with a gold layer, recall and
    precision on cue words and elsewhere, each with the difference and its interval."""
    from annotator.cli_progress import progress_bar
    from annotator.core.cue_effect import project_cue_effect
    from annotator.core.cue_effect_data import WITH, WITHOUT
    from annotator.core.cue_effect_files import summary_text, write_cue_effect

    with _open(project, read_only=True) as proj, progress_bar("cue effect") as progress:
        _sound(proj)
        effect = project_cue_effect(proj, _split(coders), bootstrap_b, seed, level, progress)
    seen = effect.seen
    if not seen[WITHOUT]:
        click.echo("note: no done article was seen without cues (hand out cue-free copies with "
                   "`annotator assign --cues off` or `per-article`); nothing to compare",
                   err=True)
    elif not seen[WITH]:
        click.echo("note: no done article was seen with cues; nothing to compare", err=True)
    written = write_cue_effect(effect, Path(out))
    click.echo(f"{len(effect.coders)} coder(s), {effect.n_articles} article(s); coded "
               f"(coder, article) pairs: {seen[WITH]} with cues, {seen[WITHOUT]} without")
    click.echo(summary_text(effect).replace("\r\n", "\n"), nl=False)
    click.echo("wrote " + ", ".join(str(p) for p in written))
