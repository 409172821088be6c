"""The `annotator` command: a thin layer over annotator.core.

`annotator` alone opens the app on the demo project, `annotator PROJECT` opens a project, and
the subcommands are the leads' tools. User errors print one line on stderr and exit 1.
This module imports no Qt: the GUI is imported only when a window is wanted.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import click

from annotator import __version__
from annotator.cli_common import CommandGroup
from annotator.cli_progress import progress_bar
from annotator.cli_common import open_project as _open
from annotator.cli_common import require_sound as _sound
from annotator.cli_common import opened as _opened
from annotator.core.errors import AnnotatorError
from annotator.core.interchange import export_names, import_names
from annotator.launch import lean_gui_process

OTHER_TOOLS = export_names()  # formats of other tools: annotator.core.interchange
IMPORTED_TOOLS = import_names()


@click.group(cls=CommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotator")
def cli() -> None:
    """Framing Annotator: annotate framing in Japanese news and measure agreement.

    Run `annotator` alone to open the app on the demo project, or `annotator PROJECT` to open a
    project file. The commands below are for leads.
    """


@cli.command("open")
@click.argument("project", required=False, type=click.Path(dir_okay=False))
@click.option("--coder", help="Coder name to work as (otherwise the one remembered or asked).")
def open_cmd(project: str | None, coder: str | None) -> None:
    """Open PROJECT in the app (the demo project if none is given)."""
    lean_gui_process()
    from annotator.core.demo import ensure_demo_project

    path = Path(project) if project else ensure_demo_project()
    try:
        _open(str(path), read_only=True).close()  # refuse a bad file here, in one line
    except AnnotatorError as exc:
        from annotator.core.logs import has_console

        if not has_console():  # started from a desktop (windowed build): say it in a window
            from annotator.gui.crash import show_message

            show_message(str(exc))
        raise
    from annotator.gui.app import run

    sys.exit(run(path, coder))


@cli.command("new")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--schema", "schema_file", type=click.Path(dir_okay=False),
              help="Schema file (JSON); the default framing schema if not given.")
@click.option("--name", default="", help="Project name shown in the app (default: file name).")
def new_cmd(project: str, schema_file: str | None, name: str) -> None:
    """Create a new, empty PROJECT file."""
    from annotator.core.new_project import create_project

    click.echo(create_project(project, schema_file, name))


@cli.command("schema")
@click.argument("schema_file", type=click.Path(dir_okay=False))
def schema_cmd(schema_file: str) -> None:
    """Check SCHEMA_FILE and print its labels and article codes."""
    import json

    from annotator.core.schema import load_schema

    schema = load_schema(schema_file)
    click.echo(f"{schema_file}: valid; {schema.name!r} version {schema.version}")
    for lab in schema.labels:
        click.echo(
            f"  {lab.key}  {lab.id}  {lab.display_name}  {lab.color}  "
            f"{len(lab.cue_lemmas)} cue lemmas, {len(lab.cue_surfaces)} cue surfaces"
        )
    if schema.variables:
        click.echo("article codes:")
    for var in schema.variables:
        options = "yes/no" if var.type == "boolean" else " < ".join(var.option_ids) \
            if var.type == "ordinal" else ", ".join(var.option_ids)
        when = f"  if {var.applies_if[0]} = {json.dumps(var.applies_if[1])}" if var.applies_if \
            else ""
        required = "  required" if var.required else ""
        click.echo(f"  {var.id}  {var.display_name}  {var.type}: {options}{required}{when}")


@cli.command("import")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--encoding", help="Encoding of the files (default: detected; e.g. cp932, euc-jp).")
@click.option("--lines", "line_range",
              help="Keep only these lines of each text, 1-based and inclusive: 2-15, 3-, -40.")
@click.option("--cut-at", help="Drop everything from the first line starting with this text.")
@click.option("--clean", is_flag=True,
              help="Remove navigation, a run-together copy and the stories after the article "
                   "from each scraped text (not with --lines/--cut-at).")
@click.option("--from", "source", type=click.Choice(IMPORTED_TOOLS),
              help="Read another tool's files instead of .txt/.csv/.jsonl: inception (project "
                   "ZIP or XMI files), refi (.qdpx), label-studio (.json), doccano (.jsonl).")
@click.option("--layer", help="--from inception: the span layer to read (e.g. "
              "webanno.custom.Frame); default: webanno.custom.Frame, else the only custom one.")
def import_cmd(
    project: str, paths: tuple[str, ...], encoding: str | None,
    line_range: str | None, cut_at: str | None, clean: bool, source: str | None = None,
    layer: str | None = None,
) -> None:
    """Import articles from .txt files or folders, .csv or .jsonl into PROJECT.

    All or nothing: if any file, row or line is bad, nothing is imported. Texts already in the
    project are skipped and reported.
    """
    from annotator.cli_progress import progress_bar
    from annotator.core.importers import TextFilter, import_paths, parse_line_range

    if clean and (line_range or cut_at):
        raise click.UsageError("--clean finds the article's lines itself: give it without "
                               "--lines/--cut-at")
    if layer and source != "inception":
        raise click.UsageError("--layer is for --from inception")
    text_filter = TextFilter(parse_line_range(line_range) if line_range else None, cut_at)
    with _open(project) as proj, progress_bar("importing") as progress:
        report = import_paths(proj, list(paths), encoding=encoding, text_filter=text_filter,
                              clean=clean, progress=progress, source=source,
                              source_options={"layer": layer} if layer else None)
    click.echo(report.summary())


@cli.command("trim")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("article")
@click.option("--lines", "line_range", help="Keep only these lines: 2-15, 3-, -40.")
@click.option("--cut-at", help="Drop everything from the first line starting with this text.")
@click.option("--clean", is_flag=True,
              help="Remove navigation, a run-together copy and the stories after the article.")
def trim_cmd(project: str, article: str, line_range: str | None, cut_at: str | None,
             clean: bool) -> None:
    """Cut ARTICLE down to the article proper, before anyone has annotated it.

    A title that came from a removed line is taken again from the kept text."""
    from annotator.core.importers import TextFilter, parse_line_range, trim_article

    if clean == bool(line_range or cut_at):
        raise click.UsageError("give --lines or --cut-at, or --clean alone")
    text_filter = TextFilter(parse_line_range(line_range) if line_range else None, cut_at)
    with _open(project) as proj:
        click.echo(trim_article(proj, article, text_filter, clean=clean))


@cli.command("retitle")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("article")
@click.argument("title")
def retitle_cmd(project: str, article: str, title: str) -> None:
    """Give ARTICLE (id or number) the title TITLE, also once annotated."""
    from annotator.core.trim import retitle_article

    with _open(project) as proj:
        click.echo(retitle_article(proj, article, title))


@cli.command("articles")
@click.argument("project", type=click.Path(dir_okay=False))
def articles_cmd(project: str) -> None:
    """List PROJECT's articles: number, id, length, each coder's status, title."""
    with _open(project, read_only=True) as proj:
        coders = proj.coders.names()
        click.echo("\t".join(["#", "id", "chars", *coders, "title"]))
        for n, art in enumerate(proj.articles.summaries(), start=1):
            cells = [str(n), art.external_id, str(art.length)]
            cells += [art.status(c) for c in coders]
            click.echo("\t".join([*cells, art.title]))


@cli.command("tokens")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("article")
def tokens_cmd(project: str, article: str) -> None:
    """Print ARTICLE's tokens (start, end, surface, lemma, part of speech, cue labels).

    ARTICLE is an id or a number from `annotator articles`. Offsets are code points. One
    token a line: TAB, line breaks, other control and white-space characters and \\ are
    printed as escapes (\\t, \\n, \\u2028, \\\\).
    """
    from annotator.core.escapes import escape as escape_cell
    from annotator.core.tokenizer import cue_spans, tokenize

    with _open(project, read_only=True) as proj:
        art = proj.articles.find(article)
        tokens = tokenize(art.text)
        cues: dict[tuple[int, int], list[str]] = {}
        for cue in cue_spans(art.text, tokens, proj.schema):
            cues.setdefault((cue.start, cue.end), []).append(cue.label)
        click.echo("start\tend\tsurface\tlemma\tpos\tcue")
        for t in tokens:
            cue = ",".join(cues.get((t.start, t.end), []))
            click.echo(f"{t.start}\t{t.end}\t{escape_cell(t.surface)}\t{escape_cell(t.lemma)}"
                       f"\t{t.pos}\t{cue}")
        multi = [(s, e, ",".join(v)) for (s, e), v in cues.items()
                 if not any(t.start == s and t.end == e for t in tokens)]
        for s, e, labels in sorted(multi):
            click.echo(f"{s}\t{e}\t{escape_cell(art.text[s:e])}\t\t(cue phrase)\t{labels}")


@cli.command("export")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--format", "fmt",
              type=click.Choice(["jsonl", "csv", "codes", "xlsx", "brat", *OTHER_TOOLS]),
              default="jsonl", show_default=True,
              help="jsonl: articles with annotations, statuses and article codes (import reads "
              "it back); csv: one row per span; codes: one row per article and coder with the "
              "answers to the article codes; xlsx: one Excel workbook with the sheets spans, "
              "codes and statuses; brat: a folder of .txt/.ann files; inception: an INCEpTION "
              "project ZIP (UIMA CAS XMI); refi: a REFI-QDA project (.qdpx); label-studio: "
              "Label Studio tasks (.json); doccano: doccano JSONL; spacy: a spaCy DocBin.")
@click.option("--out", required=True,
              help="Output file (a folder for brat), or - for standard output (jsonl, csv, "
              "codes).")
@click.option("--coder", help="Just this coder's work; `gold` for the gold standard (with its "
              "provenance in JSONL).")
@click.option("--plain", is_flag=True, help="csv, codes: text cells exactly as they are (no "
              "' before = + - @), for R and pandas; open in a spreadsheet by its import dialog.")
def export_cmd(project: str, fmt: str, out: str, coder: str | None, plain: bool) -> None:
    """Export PROJECT's articles and annotations for analysis (R, pandas, spaCy, brat) or for
    another annotation tool (INCEpTION, REFI-QDA, Label Studio, doccano)."""
    from annotator.core.export_files import export_file, known_coder

    if plain and fmt not in ("csv", "codes"):
        raise click.UsageError(f"--plain is for --format csv or codes, not {fmt}")
    if out == "-" and fmt not in ("jsonl", "csv", "codes"):
        from annotator.core.export_files import formats

        suffix = {name: suffix for name, _title, suffix in formats()}[fmt]
        raise click.UsageError(f"{fmt} writes " + (f"a file: give --out FILE{suffix}" if suffix
                                                   else "a folder: give --out FOLDER"))
    with _open(project, read_only=True) as proj:
        if out != "-":
            with progress_bar("exporting") as progress:
                click.echo(export_file(proj, fmt, Path(out), coder, plain, progress), err=True)
            return
        _sound(proj)
        known_coder(proj, coder)
        _to_stdout(proj, fmt, coder, plain)


def _to_stdout(proj, fmt: str, coder: str | None, plain: bool) -> None:
    """JSONL or CSV on standard output: UTF-8 and LF whatever the console's encoding (a
    Japanese Windows one is cp932)."""
    from annotator.core.codes_csv import codes_csv
    from annotator.core.exporters import annotations_csv, write_jsonl

    sys.stdout.flush()
    stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    if fmt == "jsonl":
        write_jsonl(proj, stream, coder)
    else:
        stream.write(annotations_csv(proj, coder, plain) if fmt == "csv"
                     else codes_csv(proj, coder, plain))
    stream.flush()
    stream.detach()  # leave stdout open


@cli.command("assign")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--coder", "coders", required=True, multiple=True,
              help="The coder a copy is for; repeat for several coders (with --out-dir).")
@click.option("--out", type=click.Path(dir_okay=False), help="New project file (one coder).")
@click.option("--out-dir", type=click.Path(file_okay=False),
              help="Folder for one copy per coder, named PROJECT-CODER[-ROUND].annot.")
@click.option("--round", "round_name", help="Only the articles of this calibration round.")
@click.option("--articles", "article_ids", help="Comma-separated article ids (default: all).")
@click.option("--sample", type=int, help="Draw this many articles at random (from --articles "
              "or --round if given).")
@click.option("--overlap", help="Articles every coder gets: a number (20) or a share (25%); "
              "the rest is divided among the coders (default: every coder gets every article).")
@click.option("--seed", type=int, help="Seed for --sample, --overlap and --cues per-coder or "
              "per-article, "
              "to draw the same articles again.")
@click.option("--cues", type=click.Choice(["on", "off", "per-coder", "per-article"]),
              default="on", show_default=True,
              help="Cue-word underlines in the copies: on; off in every article; per-coder: half "
                   "of the coders get copies without; per-article: each coder sees half of their "
                   "articles without (both drawn with --seed).")
def assign_cmd(
    project: str, coders: tuple[str, ...], out: str | None, out_dir: str | None,
    round_name: str | None, article_ids: str | None, sample: int | None, overlap: str | None,
    seed: int | None, cues: str,
) -> None:
    """Write blind copies of PROJECT: for each coder the chosen articles and the schema, none
    of the other coders' annotations; with or without the cue-word underlines (--cues)."""
    from annotator.cli_rounds import write_copies

    write_copies(project, coders, out, out_dir, round_name, article_ids, sample, overlap, seed,
                 cues)


@cli.command("merge")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Print what would change, refused files with "
              "their reasons, and write nothing (works on a read-only master).")
def merge_cmd(project: str, files: tuple[str, ...], dry_run: bool) -> None:
    """Merge coders' returned FILES into the master PROJECT (annotations, notes, statuses).

    Articles are matched by the hash of their text; a span's UUID must name the same article,
    coder and offsets everywhere; the later edit wins by revision (never by a laptop's clock),
    deletions are kept, and edits both files made are listed as conflicts. Merging a file twice,
    or files in another order, gives the same master. The FILES are only read. All or nothing.
    """
    from annotator.cli_progress import progress_bar
    from annotator.core.merge import merge_at

    _opened.append(project)
    with progress_bar("merging") as progress:
        report = merge_at(project, list(files), progress=progress, preview=dry_run)
    click.echo(report.summary())


@cli.command("check")
@click.argument("project", type=click.Path(dir_okay=False))
def check_cmd(project: str) -> None:
    """Look for damage in PROJECT: SQLite's integrity and foreign keys, every text's SHA-256,
    every span inside its text, labels, statuses and answers the schema allows, caches readable.

    Prints one line per problem and exits 1 if there is any. The file is only read.
    """
    from annotator.core.store.integrity import problems

    with _open(project, read_only=True) as proj:
        found = problems(proj)
    for line in found:
        click.echo(f"{project}: {line}")
    if found:
        click.echo(f"{len(found)} problem(s) found in {project}", err=True)
        sys.exit(1)
    click.echo(f"{project}: no problems found")


@cli.command("selfcheck")
@click.option("--report", "report_file", type=click.Path(dir_okay=False),
              help="Also write the result to this file (without a console, the default is "
                   "selfcheck.txt in the log folder).")
def selfcheck_cmd(report_file: str | None) -> None:
    """Check tokenizing, the project file, export, the main window and Japanese fonts here.

    The window is built offscreen, so this works without a screen. Exit status 0 if all passed.
    """
    from annotator.core.logs import SELFCHECK_NAME, has_console, log_dir
    from annotator.core.selfcheck import run_selfcheck

    if report_file is None and not has_console():  # a windowed build: nobody sees the output
        report_file = str(log_dir() / SELFCHECK_NAME)
        try:
            log_dir().mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # writing the report below says what is wrong

    def window() -> str:
        from annotator.gui.selfcheck import check_window

        return check_window()

    def fonts() -> str:
        from annotator.gui.selfcheck import check_fonts

        return check_fonts()

    def translations() -> str:
        from annotator.gui.language import check_translations

        return check_translations()

    ok, lines = run_selfcheck([("window", window), ("fonts", fonts),
                               ("translations", translations)])
    text = "\n".join(lines) + "\n"
    if report_file:
        from annotator.core.files import atomic_write

        atomic_write(report_file, text)
    click.echo(text, nl=False)
    if not ok:
        sys.exit(1)


# The commands kept in modules of their own (they import cli_common, never this module).
from annotator.cli_analysis import agreement_cmd, gold_cmd, report_cmd  # noqa: E402
from annotator.cli_cue_effect import cue_effect_cmd  # noqa: E402
from annotator.cli_rounds import progress_cmd, round_group  # noqa: E402

for _command in (agreement_cmd, report_cmd, gold_cmd, cue_effect_cmd, round_group, progress_cmd):
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> None:
    """Entry point: `annotator [PROJECT]` opens the app; otherwise a subcommand."""
    import multiprocessing

    from annotator.core.logs import ensure_streams

    ensure_streams()  # a windowed build has no console: print to the log folder instead
    multiprocessing.freeze_support()  # import's tokenizer workers, in a frozen build
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        args = ["open"]
    elif args[0] not in cli.commands and not args[0].startswith("-"):
        args = ["open", *args]
    cli.main(args=args, prog_name="annotator")


if __name__ == "__main__":
    main()
