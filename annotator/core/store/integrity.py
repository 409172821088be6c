"""Finding damage: SQLite's own checks and the project's rules, in one place.

:func:`problems` is what `annotator check` prints, one line per problem. :func:`require_sound`
is the cheap part of it that every command reading spans runs first, so damaged data is
refused in one line that names `annotator check` instead of flowing into an export or a
reliability figure.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING

from annotator.core.errors import ProjectError
from annotator.core.model import STATUSES
from annotator.core.store import revisions
from annotator.core.text import text_sha256

if TYPE_CHECKING:
    from annotator.core.store.project import Project


def _span_problems(project: Project) -> Iterator[tuple[str, str, str]]:
    """(article id, uuid, what is wrong) for every span that breaks a rule."""
    labels = set(project.schema.label_ids)
    texts = {
        aid: (ext, text)
        for aid, ext, text in project.execute("SELECT id, external_id, text FROM articles")
    }
    for uuid, aid, label, start, end, covered, seen in project.execute(
        "SELECT uuid, article_id, label, start_offset, end_offset, text, seen FROM annotations"
    ):
        ext, text = texts.get(aid, (f"#{aid}", None))
        if text is None:
            yield ext, uuid, "points to an article that does not exist"
            continue
        if label not in labels:
            yield ext, uuid, f"has label {label!r:.40}, which the schema does not know"
        if not (0 <= start < end <= len(text)):
            yield ext, uuid, f"offsets {start}-{end} are outside the text ({len(text)} characters)"
        elif text[start:end] != covered:
            yield ext, uuid, (f"covers {covered[:30]!r} but the text at {start}-{end} is "
                              f"{text[start:end][:30]!r}")
        try:
            revisions.parse_seen(seen, uuid)
        except ProjectError:
            yield ext, uuid, "its revision record is damaged"


def _answer_problems(project: Project) -> Iterator[tuple[str, str]]:
    """(article id, what is wrong) for every stored answer the schema does not allow."""
    from annotator.core.store.codes import check_answer, decode

    for ext, coder, variable, value in project.execute(
        "SELECT a.external_id, c.coder, c.variable, c.value FROM article_codes c "
        "JOIN articles a ON a.id = c.article_id"
    ):
        try:
            check_answer(project.schema, variable, decode(value))
        except (ProjectError, ValueError) as exc:
            yield ext, f"coder {coder!r}: answer {variable!r:.40}: {str(exc)[:120]}"


def require_sound(project: Project) -> None:
    """Refuse, in one line naming `annotator check`, a project whose texts or spans are damaged."""
    for ext, text, sha in project.execute("SELECT external_id, text, sha256 FROM articles"):
        if text_sha256(text) != sha:
            raise ProjectError(
                f"{project.path}: article {ext!r}: its text no longer matches its SHA-256; "
                f"run `annotator check {project.path}`"
            )
    for ext, uuid, problem in _span_problems(project):
        raise ProjectError(
            f"{project.path}: article {ext!r}: span {uuid} {problem}; "
            f"run `annotator check {project.path}`"
        )
    for ext, problem in _answer_problems(project):
        raise ProjectError(
            f"{project.path}: article {ext!r}: {problem}; run `annotator check {project.path}`"
        )


def problems(project: Project) -> list[str]:
    """Every problem found, one line each: SQLite integrity and foreign keys, every text's
    SHA-256, every span inside its text with its covered text equal, labels, statuses and
    answers the schema knows, revision records and cache blobs readable."""
    found: list[str] = []
    try:
        for (line,) in project.execute("PRAGMA integrity_check"):
            if line != "ok":
                found.append(f"sqlite: {line}")
        for table, rowid, parent, _ in project.execute("PRAGMA foreign_key_check"):
            found.append(f"sqlite: {table} row {rowid} points to a missing {parent} row")
    except sqlite3.DatabaseError as exc:
        return [f"sqlite: the file is damaged ({exc}); restore it from a backup"]
    if found:
        return found  # the project's own checks would read damaged pages
    try:
        articles = project.execute(
            "SELECT id, external_id, text, sha256, meta FROM articles"
        ).fetchall()
        for aid, ext, text, sha, meta in articles:
            if text_sha256(text) != sha:
                found.append(f"article {ext!r}: its text no longer matches its SHA-256 "
                             "(changed outside the app)")
            try:
                json.loads(meta)
            except ValueError:
                found.append(f"article {ext!r}: its metadata is not valid JSON")
            found += [f"article {ext!r}: {p}" for p in project.tokens.problems(aid, len(text))]
        found += [f"article {ext!r}: span {uuid} {what}" for ext, uuid, what in
                  _span_problems(project)]
        found += [f"article {ext!r}: {what}" for ext, what in _answer_problems(project)]
        names = {aid: ext for aid, ext, *_ in articles}
        for aid, coder, status in project.execute(
            "SELECT article_id, coder, status FROM article_status"
        ):
            if status not in STATUSES:
                found.append(f"article {names.get(aid, aid)!r}: coder {coder!r} has unknown "
                             f"status {status!r:.40}")
    except sqlite3.DatabaseError as exc:
        found.append(f"sqlite: the file is damaged ({exc}); restore it from a backup")
    return found
