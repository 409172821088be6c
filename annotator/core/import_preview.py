"""What an import would do, read before anything is written: the app's import preview.

Every file is read as ``annotator import`` reads it (same listing of folders, same decoding,
same readers and checks), but each file on its own, so one bad file becomes one row with its
message instead of stopping the rest. For every article the preview keeps the text, the
clean-up :func:`~annotator.core.cleanup.clean_page` proposes, and what the project already
has: a text with the same SHA-256 (skipped by the import) or the same id with another text
(refused by it). The project is opened read-only, by path, so this may run in a worker thread.

The lead's edits are ``ArticleChoice`` objects (``lines``, ``title``, ``skip``) keyed by origin,
as :func:`annotator.core.importers.import_paths` takes them; :meth:`PreviewArticle.outcome`
says what one article becomes with them, so the preview shows what the import will store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core import importers
from annotator.core.cleanup import PageCleanup, clean_page
from annotator.core.errors import InputError
from annotator.core.import_text import ArticleChoice, prepare_text
from annotator.core.progress import Progress, report
from annotator.core.records import ArticleRecord
from annotator.core.store import Project
from annotator.core.text import text_sha256
from annotator.core.textfilter import TextFilter

__all__ = ["ImportPreview", "Outcome", "PreviewArticle", "page_lines", "preview_import"]


def page_lines(text: str) -> list[str]:
    """The lines of a text as clean-up and the line spin boxes count them (a final newline
    ends the last line rather than starting another)."""
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


@dataclass(frozen=True)
class Outcome:
    """One article as the import will store it (``text``, ``title``, kept lines ``first..last``),
    or skip it, or refuse it (``error``)."""

    first: int
    last: int
    text: str
    title: str
    skip: bool = False
    error: str = ""


@dataclass(frozen=True)
class PreviewArticle:
    """One article to import (one .txt file, one CSV row, one JSONL line), or one file that
    cannot be read (``error`` set, ``record`` None)."""

    origin: str  # the record's origin: the key of the lead's choices
    file: str  # the file it is in: the key of per-file encodings
    encoding: str
    record: ArticleRecord | None
    cleanup: PageCleanup | None  # None when the text cannot change (it carries annotations)
    error: str = ""

    @property
    def text(self) -> str:
        return self.record.text if self.record is not None else ""

    @property
    def external_id(self) -> str:
        return (self.record.external_id or "").strip() if self.record is not None else ""

    @property
    def line_count(self) -> int:
        return len(page_lines(self.text))

    def outcome(self, clean: bool, choice: ArticleChoice | None, labels: set[str]) -> Outcome:
        """What the import makes of this article with clean-up on or off and the lead's
        choice: computed by the import's own :func:`prepare_text`, so the two cannot differ."""
        if self.record is None:
            return Outcome(0, 0, "", "", False, self.error)
        skip = bool(choice and choice.skip)
        if choice is not None and choice.lines is not None:
            first, last = choice.lines
        elif clean and self.cleanup is not None and self.cleanup.changed:
            first, last = self.cleanup.first, self.cleanup.last
        else:
            first, last = 1, self.line_count
        try:
            prepared = prepare_text(self.record, TextFilter(), labels,
                                    clean=clean and self.cleanup is not None, choice=choice)
        except InputError as exc:
            title = (choice.title or "") if choice is not None else ""
            return Outcome(first, last, "", title, skip, str(exc))
        return Outcome(first, last, prepared.text, prepared.title, skip)


@dataclass
class ImportPreview:
    """Everything an import of ``paths`` into the project at ``project_path`` would read."""

    project_path: Path
    paths: list[str]
    labels: set[str] = field(default_factory=set)  # the project's labels, to check annotations
    articles: list[PreviewArticle] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # as the import says them (ignored files)
    known: dict[str, str] = field(default_factory=dict)  # sha256 -> id of the project's article
    used_ids: set[str] = field(default_factory=set)  # ids of these articles the project has
    asked: set[str] = field(default_factory=set, repr=False)  # sha256s looked up (found or not)

    def outcomes(self, clean: bool, choices: Mapping[str, ArticleChoice]) -> list[Outcome]:
        return [a.outcome(clean, choices.get(a.origin), self.labels) for a in self.articles]

    def states(self, outcomes: list[Outcome]) -> list[str]:
        """Per article (``outcomes`` as from :meth:`outcomes`): "new", "skipped", "already in the
        project as <id>", "same text as <origin>" or "error: <message>", deciding in the order
        the import meets them, as the import decides."""
        seen_text: dict[str, str] = {}
        seen_id: set[str] = set()
        states = []
        for article, outcome in zip(self.articles, outcomes):
            sha = text_sha256(outcome.text)
            if outcome.skip and article.record is not None:
                states.append("skipped")  # the import leaves it out before checking it
            elif outcome.error:
                states.append(f"error: {outcome.error}")
            elif sha in self.known:
                states.append(f"already in the project as {self.known[sha]}")
            elif sha in seen_text:
                states.append(f"same text as {seen_text[sha]}")
            elif article.external_id in self.used_ids or article.external_id in seen_id:
                states.append(f"error: {article.origin}: id {article.external_id!r} is already "
                              "used by another article with a different text; give this one "
                              "another id")
            else:
                states.append("new")
                seen_text[sha] = article.origin
                seen_id.add(article.external_id)
        return states

    def look_up(self, texts: Iterable[str]) -> None:
        """Find which of ``texts`` (e.g. after the lead changed the kept lines) the project has."""
        shas = {text_sha256(text) for text in texts} - self.known.keys() - self.asked
        if shas:
            with Project.open(self.project_path, read_only=True) as project:
                self.known.update(_known(project, shas))
            self.asked.update(shas)

    def reread(self, file: str, encoding: str | None) -> None:
        """Read one file again with another encoding (None: detect), in place of its rows."""
        listed = _listing([Path(p) for p in self.paths], [])
        default_id = next((d for path, d in listed if str(path) == file), Path(file).stem)
        with Project.open(self.project_path, read_only=True) as project:
            fresh = _read_file(Path(file), default_id, encoding)
            _add_known(project, self, fresh)
        where = [k for k, a in enumerate(self.articles) if a.file == file]
        at = where[0] if where else len(self.articles)
        self.articles[at:at + len(where)] = fresh


def _listing(paths: list[Path], notes: list[str]) -> list[tuple[Path, str]]:
    """(file, default id) an import of ``paths`` reads, listed as the import lists them."""
    shown = importers.ImportReport()
    listed = importers._files(paths, shown)
    notes.extend(shown.notes)
    return listed


def _read_file(path: Path, default_id: str, encoding: str | None) -> list[PreviewArticle]:
    """The articles of one file, or one row with the file's first error."""
    shown = importers.ImportReport()
    found = encoding or ""
    try:
        text = importers._read(path, encoding, shown)
        found = shown.encodings.get(str(path), found)
        records = list(importers._parse(path, default_id, text))
    except InputError as exc:
        return [PreviewArticle(str(path), str(path), found, None, None, str(exc))]
    return [
        PreviewArticle(record.origin, str(path), found, record,
                       None if record.annotations or record.gold else clean_page(record.text))
        for record in records
    ]


def _known(project: Project, shas: Iterable[str]) -> dict[str, str]:
    known = {}
    for sha in shas:
        article_id = project.articles.by_sha(sha)
        if article_id is not None:
            known[sha] = project.articles.get(article_id, verify=False).external_id
    return known


def _add_known(project: Project, preview: ImportPreview, articles: list[PreviewArticle]) -> None:
    """What the project has of these articles' texts (whole and cleaned) and ids."""
    shas = set()
    for article in articles:
        if article.record is None:
            continue
        shas.add(text_sha256(article.text))
        if article.cleanup is not None and article.cleanup.changed:
            shas.add(text_sha256(article.cleanup.apply(article.text)))
        if project.articles.by_external_id(article.external_id) is not None:
            preview.used_ids.add(article.external_id)
    shas -= preview.known.keys() | preview.asked
    preview.known.update(_known(project, shas))
    preview.asked.update(shas)


def preview_import(
    project_path: str | Path,
    paths: list[str | Path],
    encodings: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read ``paths`` (files and folders) as an import into ``project_path`` would, writing
    nothing; ``encodings`` maps a file (as listed) to the encoding to read it with.

    A path that is missing or of an unsupported type raises InputError (the import would
    refuse it too); a file that cannot be read is one row with its error."""
    preview = ImportPreview(Path(project_path), [str(p) for p in paths])
    encodings = encodings or {}
    listed = _listing([Path(p) for p in paths], preview.notes)
    with Project.open(project_path, read_only=True) as project:
        preview.labels = set(project.schema.label_ids)
        for done, (path, default_id) in enumerate(listed):
            report(progress, done, len(listed), path.name)
            articles = _read_file(path, default_id, encodings.get(str(path)))
            _add_known(project, preview, articles)
            preview.articles.extend(articles)
        report(progress, len(listed), len(listed), "")
    return preview
