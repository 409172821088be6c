"""Reading articles from .txt files and folders, CSV and JSONL into a project.

One call of :func:`import_paths` is one transaction: if any file, row or line is bad, the error
names it and nothing of that call is stored. The same text imported again is skipped and
reported, never duplicated. What of each text is kept (``--lines``/``--cut-at``, ``--clean``, the
app's per-record choices) is decided in :mod:`annotator.core.import_text`; storing one record is
:mod:`annotator.core.import_store`.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core import safejson
from annotator.core.cleanup import PageCleanup
from annotator.core.encoding import decode_bytes
from annotator.core.errors import InputError
from annotator.core.import_store import store_record
from annotator.core.import_text import ArticleChoice, CutAtMisses, Prepared
from annotator.core.import_text import prepare_text as prepare_record
from annotator.core.limits import MAX_DATA_FILE_BYTES, MAX_TEXT_CHARS, MAX_TXT_FILE_BYTES
from annotator.core.parallel import BoundsWorkers
from annotator.core.read_csv import read_csv, read_txt
from annotator.core.read_jsonl import read_jsonl
from annotator.core.progress import Progress, report as report_progress
from annotator.core.records import ArticleRecord
from annotator.core.store import Project
from annotator.core.textfilter import TextFilter, parse_line_range
from annotator.core.tokenizer import tokenizer_id
from annotator.core.trim import trim_article

__all__ = ["ArticleChoice", "ImportReport", "TextFilter", "import_at", "import_paths",
           "parse_line_range", "trim_article"]

SUPPORTED = (".txt", ".csv", ".jsonl")
_CSV_FIELDS = ("id", "title", "source", "published", "text")


@dataclass
class ImportReport:
    added: list[tuple[str, str]] = field(default_factory=list)  # (external id, origin)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)
    notes: list[str] = field(default_factory=list)
    annotations: int = 0
    encodings: dict[str, str] = field(default_factory=dict)  # file -> encoding used
    cleanups: list[tuple[str, PageCleanup]] = field(default_factory=list)  # (origin, clean-up)

    def summary(self) -> str:
        lines = [f"imported {len(self.added)} article(s), {self.annotations} annotation(s)"]
        lines += [f"{origin}: removed {cleanup.describe()}"
                  for origin, cleanup in self.cleanups if cleanup.changed]
        lines += [f"skipped {origin}: {reason}" for origin, reason in self.skipped]
        lines += self.notes
        return "\n".join(lines)


def _too_big(path: Path, size: int) -> InputError:
    if path.suffix.lower() == ".txt":
        return InputError(
            f"{path}: the file has {size:,} bytes, more than any article within the limit of "
            f"{MAX_TEXT_CHARS:,} characters can take ({MAX_TXT_FILE_BYTES:,} bytes); "
            "a .txt file is one article: split it into several files"
        )
    return InputError(
        f"{path}: the file has {size:,} bytes; the limit is {MAX_DATA_FILE_BYTES:,} bytes per "
        ".csv or .jsonl file; split it into several files and import them together "
        "(still all or nothing)"
    )


def _read(path: Path, encoding: str | None, report: ImportReport) -> str:
    """The decoded text of a file; a file too big to hold what it may is refused unread."""
    limit = MAX_TXT_FILE_BYTES if path.suffix.lower() == ".txt" else MAX_DATA_FILE_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            raise _too_big(path, size)
        with path.open("rb") as file:
            data = file.read(limit + 1)  # the file may have grown since
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > limit:
        raise _too_big(path, len(data))
    decoded = decode_bytes(data, str(path), encoding)
    del data
    at = safejson.first_surrogate(decoded.text)  # only unusual --encoding codecs make them
    if at is not None:
        line, _column = safejson.line_and_column(decoded.text, at)
        raise InputError(
            f"{path} line {line}: holds {safejson.surrogate_reason(decoded.text[at])}; "
            "or give the file's real --encoding"
        )
    report.encodings[str(path)] = decoded.encoding
    return decoded.text


# --- the import ---------------------------------------------------------------------------


def _files(paths: list[Path], report: ImportReport) -> list[tuple[Path, str]]:
    """(file, default external id) for every importable file named or inside a folder."""
    return list(_walk(paths, report))


def _walk(paths: list[Path], report: ImportReport) -> Iterator[tuple[Path, str]]:
    """(file, default external id) for every importable file named or inside a folder."""
    for path in paths:
        if path.is_dir():
            ignored = 0
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUPPORTED:
                    yield child, child.relative_to(path).with_suffix("").as_posix()
                elif not child.name.startswith("."):
                    ignored += 1
            if ignored:
                report.notes.append(f"{path}: ignored {ignored} file(s) that are not .txt/.csv/.jsonl")
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED:
                raise InputError(
                    f"{path}: unsupported file type {path.suffix or '(none)'}; "
                    "import .txt files or folders of them, .csv or .jsonl"
                )
            yield path, path.stem
        else:
            raise InputError(f"{path}: no such file or folder")


def read_records(
    paths: list[Path], encoding: str | None, report: ImportReport
) -> Iterator[ArticleRecord]:
    """Every record of every file named."""
    for _number, _files_count, record in _numbered_records(paths, encoding, report):
        yield record


def _numbered_records(
    paths: list[Path], encoding: str | None, report: ImportReport,
    encodings: Mapping[str, str] | None = None, stored: list[int] | None = None,
    progress: Progress | None = None,
) -> Iterator[tuple[int, int, ArticleRecord]]:
    """(file number, number of files, record) for every record of every file named, each
    file in its own encoding when ``encodings`` has it (by path as given or found).
    ``progress`` hears of each file read, counting the ``stored[0]`` files stored so far."""
    files = _files(paths, report)
    for number, (path, default_id) in enumerate(files):
        report_progress(progress, stored[0] if stored else 0, len(files), path.name)
        text = _read(path, (encodings or {}).get(str(path), encoding), report)
        yield from ((number, len(files), record) for record in _parse(path, default_id, text))


def _parse(path: Path, default_id: str, text: str) -> Iterator[ArticleRecord]:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        yield from read_txt(path, default_id, text)
        return
    reader = read_csv if suffix == ".csv" else read_jsonl
    for k, record in enumerate(reader(path, text), start=1):
        record.external_id = record.external_id or f"{default_id}-{k}"
        yield record


def import_paths(
    project: Project,
    paths: list[str | Path],
    encoding: str | None = None,
    text_filter: TextFilter | None = None,
    processes: int | None = None,
    *,
    clean: bool = False,
    choices: Mapping[str, ArticleChoice] | None = None,
    encodings: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    source: str | None = None,
    source_options: Mapping[str, Any] | None = None,
) -> ImportReport:
    """Import everything named, in one transaction; see the module docstring.

    Records are read and checked in batches; each batch's texts are tokenized by worker
    processes (``processes``, default one per core up to 4; 1 keeps it all in this process)
    while this process stores the articles. Token bounds are stored with each article (cue
    spans, which need lemmas, are added the first time it is opened).

    ``clean`` cleans each text without annotations with :func:`~annotator.core.cleanup.
    clean_page` (not with ``text_filter``: one or the other); ``choices`` overrides lines,
    title or skips a record by its origin; ``encodings`` gives a file's encoding by its path.
    ``progress`` hears of every file and every stored record; :class:`~annotator.core.
    progress.Cancelled` raised by it leaves the project as it was. ``source`` names another
    tool's format (:mod:`annotator.core.interchange`) whose reader reads ``paths`` instead of
    ours (.txt/.csv/.jsonl by extension); ``source_options`` go to that reader as keywords
    (``{"layer": NAME}`` for inception).
    """
    report = ImportReport()
    text_filter = text_filter or TextFilter()
    if clean and text_filter.active:
        raise InputError("--clean finds the article's lines itself: give it without "
                         "--lines/--cut-at")
    misses = CutAtMisses(text_filter.cut_at) if text_filter.cut_at else None
    labels = set(project.schema.label_ids)
    tok = tokenizer_id()
    batch: list[tuple[ArticleRecord, Prepared, int, int]] = []
    stored = [0]  # files stored so far, for progress that never goes back
    files = 0
    with project.transaction(), BoundsWorkers(processes) as workers:
        records = (_numbered_records([Path(p) for p in paths], encoding, report, encodings,
                                     stored, progress) if source is None
                   else _other_tool(source, [Path(p) for p in paths], project, progress,
                                 source_options or {}))
        for number, files, record in records:
            choice = (choices or {}).get(record.origin)
            if choice is not None and choice.skip:
                report.skipped.append((record.origin, "left out in the preview"))
                continue
            prepared = prepare_record(record, text_filter, labels, clean=clean, choice=choice,
                                      misses=misses)
            if prepared.cleanup is not None:
                report.cleanups.append((record.origin, prepared.cleanup))
            batch.append((record, prepared, number, files))
            if len(batch) >= _BATCH:
                _store_batch(project, batch, workers, tok, report, progress, stored)
                batch = []
        _store_batch(project, batch, workers, tok, report, progress, stored)
        if misses is not None and misses.note():
            report.notes.append(misses.note())
        report_progress(progress, files, files, "")
    return report


def _other_tool(
    source: str, paths: list[Path], project: Project, progress: Progress | None,
    options: Mapping[str, Any],
) -> Iterator[tuple[int, int, ArticleRecord]]:
    """(file number, number of files, record) from another tool's files."""
    from annotator.core.interchange import reader

    read = reader(source)
    for number, path in enumerate(paths):
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        report_progress(progress, number, len(paths), path.name)
        yield from ((number, len(paths), record) for record in read(path, project.schema,
                                                                       **options))


def import_at(project_path: str | Path, paths: list[str | Path], encoding: str | None = None,
              text_filter: TextFilter | None = None, processes: int | None = 1,
              **options: Any) -> ImportReport:
    """:func:`import_paths` into the project at ``project_path``, opened and closed here: for
    the app's worker thread, whose SQLite connection must be its own.

    ``processes`` defaults to 1 (tokenize in this process): worker processes forked from a
    process that runs Qt threads can inherit locks held by other threads and hang.
    """
    with Project.open(project_path) as project:
        return import_paths(project, paths, encoding, text_filter, processes, **options)


_BATCH = 2000


def prepare_text(
    record: ArticleRecord, text_filter: TextFilter, labels: set[str], report: ImportReport
) -> str:
    """The text as it will be stored after --lines/--cut-at (notes go to ``report``); checks
    what needs no project. The import itself uses :func:`annotator.core.import_text.
    prepare_text`, which also cleans and applies the preview's choices."""
    misses = CutAtMisses(text_filter.cut_at) if text_filter.cut_at else None
    text = prepare_record(record, text_filter, labels, misses=misses).text
    if misses is not None and misses.note():
        report.notes.append(misses.note())
    return text


def _store_batch(
    project: Project,
    batch: list[tuple[ArticleRecord, Prepared, int, int]],
    workers: BoundsWorkers,
    tokenizer: str,
    report: ImportReport,
    progress: Progress | None,
    stored: list[int],
) -> None:
    all_tokens = workers.map([prepared.text for _record, prepared, _n, _of in batch])
    for (record, prepared, number, files), tokens in zip(batch, all_tokens):
        stored[0] = number
        report_progress(progress, number, files, Path(record.origin).name)
        store_record(project, record, prepared.text, tokens.bounds, tokenizer, report,
                     title=prepared.title, lemmas=tokens.lemmas)
