"""Blind copies: a project file for one coder with the chosen articles and the schema.

A copy carries none of the other coders' annotations or statuses, so a coder cannot be swayed
by them. The coder's own earlier work on those articles comes along (a re-issued copy loses
nothing), and so do the cached token boundaries and cue spans, so opening is fast offline.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.core.session import tokens_and_cues
from annotator.core.store import Project, validate_coder_name
from annotator.core.store.articles import COLUMNS as ARTICLE_COLUMNS
from annotator.core.store.sync import KINDS, apply_rows, read_rows


@dataclass(frozen=True)
class AssignReport:
    path: Path
    coder: str
    articles: list[str]  # external ids, in project order
    seed: int | None  # the seed used for --sample, so the draw can be repeated

    def summary(self) -> str:
        drawn = f" (sampled with --seed {self.seed})" if self.seed is not None else ""
        return (
            f"wrote {self.path} for coder {self.coder!r}: {len(self.articles)} article(s){drawn}"
        )


def choose_articles(
    master: Project,
    article_ids: list[str] | None = None,
    sample: int | None = None,
    seed: int | None = None,
) -> tuple[list[int], int | None]:
    """Internal ids of the articles to hand out, and the seed a sample was drawn with."""
    all_ids = master.articles.ids()
    if article_ids:
        chosen = []
        unknown = []
        for ref in article_ids:
            found = master.articles.by_external_id(ref)
            if found is None:
                unknown.append(ref)
            elif found not in chosen:
                chosen.append(found)
        if unknown:
            raise ProjectError(
                f"{master.path}: no article(s) {', '.join(map(repr, unknown))}; "
                "`annotator articles` lists the ids"
            )
        pool = sorted(chosen)
    else:
        pool = all_ids
    if sample is not None:
        if sample < 1:
            raise ProjectError("--sample must be at least 1")
        if sample > len(pool):
            raise ProjectError(f"--sample {sample}: the project has only {len(pool)} article(s)")
        if seed is None:
            seed = random.SystemRandom().randrange(1, 1_000_000)
        pool = sorted(random.Random(seed).sample(pool, sample))
    else:
        seed = None
    if not pool:
        raise ProjectError(f"{master.path}: no articles to assign")
    return pool, seed


def assign(
    master: Project,
    coder: str,
    out: str | Path,
    article_ids: list[str] | None = None,
    sample: int | None = None,
    seed: int | None = None,
) -> AssignReport:
    """Write a blind copy for ``coder`` to ``out`` (a new file; an existing one is refused).

    The copy is built under a temporary name beside ``out`` and renamed when whole, so a full
    disk or a crash leaves nothing behind. The master is only read (it may be read-only)."""
    coder = validate_coder_name(coder)
    out = Path(out)
    if out.exists():
        raise ProjectError(f"{out}: already exists; choose another file name")
    if out.resolve() == master.path.resolve():
        raise ProjectError(f"{out}: is the master project itself")
    chosen, seed = choose_articles(master, article_ids, sample, seed)
    with Project.build(out, schema=master.schema, name=f"{master.name} — {coder}") as copy:
        with copy.transaction():
            copy.set_assignment(coder, master.name)
            copy_articles(master, copy, chosen)
            copy.observe(master.clock)
            for kind in KINDS:
                apply_rows(copy, kind, read_rows(master, kind, chosen, coder), str(master.path))
        external = []
        for article_id in copy.articles.ids():
            article = copy.articles.get(article_id)
            tokens_and_cues(copy, article)  # cue highlights ready: the coder opens instantly
            external.append(article.external_id)
    return AssignReport(out, coder, external, seed)


_TABLES = (
    ("articles", ARTICLE_COLUMNS, "id"),
    ("article_tokens", "article_id, tokenizer, bounds", "article_id"),
    ("article_cues", "article_id, schema_sha256, tokenizer, cues", "article_id"),
)


def copy_articles(source: Project, target: Project, article_ids: list[int]) -> None:
    """Copy articles with their token and cue caches (same ids) from one file to another."""
    for table, columns, key in _TABLES:
        marks = ", ".join("?" * (columns.count(",") + 1))
        for i in range(0, len(article_ids), 500):
            chunk = article_ids[i:i + 500]
            rows = source.db.execute(
                f"SELECT {columns} FROM {table} WHERE {key} IN ({', '.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            target.db.conn.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows
            )
