"""Writing a project's work to a file (or a folder) in any format the app exports: ours (JSONL,
span CSV, codes CSV, Excel workbook, brat) and the other tools' (:mod:`annotator.core.
interchange`). One function for the CLI's `export` and the app's File → Export…, so both write
the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.progress import Progress
from annotator.core.store import Project

#: Our own formats, in the order menus offer them: name -> (title, suffix; "" for a folder).
OWN_FORMATS: dict[str, tuple[str, str]] = {
    "jsonl": ("JSONL: articles, spans, statuses, article codes (import reads it back)", ".jsonl"),
    "csv": ("CSV: one row per span", ".csv"),
    "codes": ("CSV: one row per article and coder with the article codes", ".csv"),
    "xlsx": ("Excel workbook: spans, codes, statuses", ".xlsx"),
    "brat": ("brat standoff: a folder of .txt/.ann files", ""),
}


def known_coder(project: Project, coder: str | None) -> None:
    """Refuse a coder the project does not have, listing those it has (``gold`` is the gold
    standard)."""
    if coder is not None and coder != "gold" and coder not in project.coders.names():
        raise InputError(f"{project.path}: no coder {coder!r}; its coders are: "
                         f"{', '.join(project.coders.names()) or 'none'} (or gold)")


def export_file(
    project: Project, fmt: str, out: Path, coder: str | None = None, plain: bool = False,
    progress: Progress | None = None,
) -> str:
    """Write ``project`` (one coder's work, or ``"gold"``) to ``out`` in format ``fmt``;
    returns the line to show. Every format writes whole files or nothing."""
    from annotator.core.store.integrity import require_sound

    if plain and fmt not in ("csv", "codes"):
        raise InputError(f"--plain is for --format csv or codes, not {fmt}")
    require_sound(project)
    known_coder(project, coder)
    if fmt not in OWN_FORMATS:
        from annotator.core.interchange import exporter

        return exporter(fmt)(project, out, coder, progress)
    if fmt == "brat":
        from annotator.core.csvout import write_files
        from annotator.core.interchange.brat import brat_files

        brat = brat_files(project, coder)
        written = write_files(out, brat.files, "utf-8")
        line = f"wrote {len(written)} file(s) to {out}"
        if brat.left_out:
            named = "; ".join(f"{a} {c} {lab} {s}-{e}" for a, c, lab, s, e in brat.left_out[:5])
            more = f" and {len(brat.left_out) - 5} more" if len(brat.left_out) > 5 else ""
            line += (f"; left out {len(brat.left_out)} span(s) of only white space or line "
                     f"breaks, which brat cannot read: {named}{more}")
        return line
    if fmt in ("csv", "codes"):
        from annotator.core.codes_csv import codes_csv
        from annotator.core.csvout import write_files
        from annotator.core.exporters import annotations_csv

        table = (annotations_csv(project, coder, plain) if fmt == "csv"
                 else codes_csv(project, coder, plain))
        write_files(out.parent, {out.name: table})
        return f"wrote {out}"
    if fmt == "xlsx":
        from annotator.core.exporters import workbook_tables
        from annotator.core.xlsx import write_workbook

        sheets = workbook_tables(project, coder)
        write_workbook(out, sheets)
        return f"wrote {out}: " + ", ".join(f"{name} ({len(t.rows)} row(s))"
                                            for name, t in sheets.items())
    from annotator.core.exporters import write_jsonl
    from annotator.core.files import atomic_open

    with atomic_open(out, "w", encoding="utf-8", newline="\n") as fh:
        count = write_jsonl(project, fh, coder)
    return f"wrote {count} article(s) to {out}"


def export_at(project_path: str | Path, fmt: str, out: str | Path, coder: str | None = None,
              plain: bool = False, progress: Progress | None = None) -> str:
    """:func:`export_file` on the project at ``project_path``, opened read-only (for the app's
    worker thread: SQLite connections stay in their thread)."""
    with Project.open(project_path, read_only=True) as project:
        return export_file(project, fmt, Path(out), coder, plain, progress)


def formats() -> list[tuple[str, str, str]]:
    """(name, title, suffix) of every format the app exports, ours first."""
    from annotator.core.interchange import FORMATS

    return [(name, title, suffix) for name, (title, suffix) in OWN_FORMATS.items()] + [
        (f.name, f.title, f.suffix) for f in FORMATS]
