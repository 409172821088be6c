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
from annotator.core.project import Project, validate_coder_name
from annotator.core.session import tokens_and_cues


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
    all_ids = master.article_ids()
    if article_ids:
        chosen = []
        unknown = []
        for ref in article_ids:
            found = master.article_by_external_id(ref)
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
    """Write a blind copy for ``coder`` to ``out`` (a new file; an existing one is refused)."""
    coder = validate_coder_name(coder)
    out = Path(out)
    if out.exists():
        raise ProjectError(f"{out}: already exists; choose another file name")
    if out.resolve() == master.path.resolve():
        raise ProjectError(f"{out}: is the master project itself")
    chosen, seed = choose_articles(master, article_ids, sample, seed)
    partial = out.with_name(out.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    with Project.create(partial, schema=master.schema, name=f"{master.name} — {coder}") as copy:
        copy.set_assignment(coder, master.name)
        copy.copy_articles_from(master.path, chosen, coder)
        external = []
        for article_id in copy.article_ids():
            article = copy.article(article_id)
            tokens_and_cues(copy, article)  # cue highlights ready: the coder opens instantly
            external.append(article.external_id)
    partial.replace(out)  # the copy appears whole or not at all
    return AssignReport(out, coder, external, seed)
