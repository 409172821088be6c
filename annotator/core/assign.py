"""Blind copies: a project file for one coder with the chosen articles and the schema.

A copy carries none of the other coders' annotations or statuses, so a coder cannot be swayed
by them. The coder's own earlier work on those articles comes along (a re-issued copy loses
nothing), and so do the cached token boundaries and cue spans, so opening is fast offline, and
the rounds holding its articles (restricted to them), so the coder's list filters by round.

The usual reliability design is a :class:`CopyPlan`: a shared set every coder codes (the
articles agreement is computed on) and the rest divided among the coders.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.cue_design import CUES_ON, DRAWN, check_design, cue_free_articles
from annotator.core.errors import ProjectError
from annotator.core.progress import Progress, report, scaled
from annotator.core.session import tokens_and_cues
from annotator.core.file_names import safe_stem
from annotator.core.store import Project, validate_coder_name
from annotator.core.store.articles import COLUMNS as ARTICLE_COLUMNS
from annotator.core.store.sync import KINDS, apply_rows, read_rows


@dataclass(frozen=True)
class AssignReport:
    path: Path
    coder: str
    articles: list[str]  # external ids, in project order
    seed: int | None  # the seed of the plan's draws, so they can be repeated
    without_cues: tuple[str, ...] = ()  # external ids of the articles shown without cues

    def summary(self) -> str:
        drawn = f" (drawn with --seed {self.seed})" if self.seed is not None else ""
        return f"wrote {self.path} for coder {self.coder!r}: {self.counts()}{drawn}"

    def counts(self) -> str:
        """'6 article(s)', and how many of them show no cue underlines if any."""
        text = f"{len(self.articles)} article(s)"
        if self.without_cues:
            text += f", {len(self.without_cues)} without cue underlines"
        return text


@dataclass(frozen=True)
class CopyPlan:
    """Who gets which articles (internal ids, in project order): ``shared`` goes to every
    coder, ``per_coder`` is each coder's whole list (shared included); ``seed`` repeats the
    draw (None when nothing was drawn); ``cues`` is the cue design
    (:mod:`annotator.core.cue_design`) and ``no_cues`` each coder's articles shown without cue
    underlines."""

    coders: tuple[str, ...]
    shared: tuple[int, ...]
    per_coder: dict[str, tuple[int, ...]]
    seed: int | None
    cues: str = CUES_ON
    no_cues: dict[str, tuple[int, ...]] = field(default_factory=dict)


def _pool(master: Project, article_ids: Sequence[int] | None, round: str | None) -> list[int]:
    """The articles to plan from: the given internal ids, else the round's, else all."""
    all_ids = master.articles.ids()
    if article_ids is not None:
        known = set(all_ids)
        missing = [a for a in article_ids if a not in known]
        if missing:
            raise ProjectError(f"{master.path}: no article with internal id "
                               f"{', '.join(map(str, missing[:5]))}")
        pool = sorted(set(article_ids))
        if round is not None:
            inside = set(master.rounds.get(round).article_ids)
            pool = [a for a in pool if a in inside]
        return pool
    if round is not None:
        return list(master.rounds.get(round).article_ids)
    return all_ids


def _shared_count(overlap: int | float, available: int) -> int:
    if isinstance(overlap, bool) or not isinstance(overlap, (int, float)):
        raise ProjectError(f"overlap {overlap!r:.20}: give a number of articles or a share")
    if isinstance(overlap, float):
        if not 0 < overlap <= 1:
            raise ProjectError(f"overlap {overlap:g}: a share must be above 0 and at most 1 "
                               "(100%)")
        return math.ceil(overlap * available - 1e-9)
    if overlap < 0:
        raise ProjectError(f"overlap {overlap}: cannot be negative")
    if overlap > available:
        raise ProjectError(f"overlap {overlap}: only {available} article(s) are chosen; "
                           "share fewer or choose more articles")
    return overlap


def plan_copies(
    master: Project,
    coders: Sequence[str],
    article_ids: Sequence[int] | None = None,
    *,
    sample: int | None = None,
    overlap: int | float | None = None,
    seed: int | None = None,
    round: str | None = None,
    cues: str = CUES_ON,
) -> CopyPlan:
    """Plan one copy per coder from ``article_ids`` (internal ids; None: the ``round``'s
    articles, or all). ``sample`` draws that many first; ``overlap`` None gives every coder
    every chosen article, an int that many shared articles, a float in (0, 1] that share
    (rounded up); the rest is dealt round-robin over a shuffled order. ``cues`` 'on', 'off',
    'per-coder' or 'per-article' (:func:`~annotator.core.cue_design.cue_free_articles`, drawn
    last). One seed
    (drawn when not given and something is drawn) makes the same plan again."""
    check_design(cues)
    names = [validate_coder_name(c) for c in coders]
    if not names:
        raise ProjectError("name at least one coder to hand copies to")
    doubled = sorted({c for c in names if names.count(c) > 1})
    if doubled:
        raise ProjectError(f"coder {doubled[0]!r} is named twice")
    pool = _pool(master, article_ids, round)
    if not pool:
        raise ProjectError(f"{master.path}: no articles to assign")
    drawing = sample is not None or overlap is not None or cues in DRAWN
    if drawing and seed is None:
        seed = random.SystemRandom().randrange(1, 1_000_000)
    rng = random.Random(seed)
    if sample is not None:
        if sample < 1:
            raise ProjectError("the sample must be at least 1 article")
        if sample > len(pool):
            raise ProjectError(f"sample {sample}: only {len(pool)} article(s) to draw from")
        pool = sorted(rng.sample(pool, sample))  # the draw `assign --sample --seed` always made
    if overlap is None:
        shared = pool
        per_coder = {c: tuple(pool) for c in names}
    else:
        shared = sorted(rng.sample(pool, _shared_count(overlap, len(pool))))
        rest = [a for a in pool if a not in set(shared)]
        rng.shuffle(rest)
        per_coder = {
            c: tuple(sorted(shared + rest[k::len(names)])) for k, c in enumerate(names)
        }
    no_cues = cue_free_articles(cues, names, shared, per_coder, rng)
    return CopyPlan(tuple(names), tuple(shared), per_coder, seed if drawing else None, cues,
                    no_cues)


def _safe(part: str) -> str:
    """A coder or round name as part of a file name: the one rule for names from data
    (:func:`~annotator.core.file_names.safe_stem`), white space as ``_``, runs of ``_`` as one."""
    cleaned = safe_stem("_".join(part.split()))
    return re.sub(r"_{2,}", "_", cleaned).strip("._") or "_"


def copy_path(master_path: Path, coder: str, out_dir: Path, round: str | None = None) -> Path:
    """Where :func:`assign_copies` writes a coder's copy: ``<master stem>-<coder>[-<round>].annot``."""
    name = f"{Path(master_path).stem}-{_safe(coder)}"
    if round:
        name += f"-{_safe(round)}"
    return Path(out_dir) / f"{name}.annot"


def assign_copies(
    master_path: str | Path,
    plan: CopyPlan,
    out_dir: str | Path,
    *,
    round: str | None = None,
    progress: Progress | None = None,
) -> list[AssignReport]:
    """Write one blind copy per coder of ``plan`` into ``out_dir`` (made if missing), named by
    :func:`copy_path`. Opens the master itself, read-only (callable from a worker thread).
    Existing files are refused before anything is written; if one copy fails (or the work is
    cancelled) the copies already written are removed."""
    master_path, out_dir = Path(master_path), Path(out_dir)
    targets = {c: copy_path(master_path, c, out_dir, round) for c in plan.coders}
    names = list(targets.values())
    clash = next((p for p in names if names.count(p) > 1), None)
    if clash is not None:
        raise ProjectError(f"{clash}: two coders' names give the same file name; rename one")
    existing = [p for p in names if p.exists()]
    if existing:
        raise ProjectError(f"{existing[0]}: already exists; nothing was written (choose another "
                           "folder or remove the old copies)")
    if out_dir.exists() and not out_dir.is_dir():
        raise ProjectError(f"{out_dir}: is a file, not a folder")
    written: list[Path] = []
    reports = []
    try:
        with Project.open(master_path, read_only=True) as master:
            if master.path.resolve() in {p.resolve() for p in names}:
                raise ProjectError(f"{master_path}: a copy would overwrite the master itself")
            if not out_dir.exists():
                out_dir.mkdir(parents=True)
            total = sum(len(plan.per_coder[c]) for c in plan.coders)
            done = 0
            for coder in plan.coders:
                chosen = list(plan.per_coder[coder])
                report(progress, done, total, coder)
                reports.append(_write_copy(master, coder, targets[coder], chosen, plan.seed,
                                           scaled(progress, done, len(chosen), total),
                                           set(plan.no_cues.get(coder, ()))))
                written.append(targets[coder])
                done += len(chosen)
            report(progress, total, total, "")
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return reports


def assign(
    master: Project,
    coder: str,
    out: str | Path,
    article_ids: list[str] | None = None,
    sample: int | None = None,
    seed: int | None = None,
    round: str | None = None,
    cues: str = CUES_ON,
) -> AssignReport:
    """Write a blind copy for ``coder`` to ``out`` (a new file; an existing one is refused):
    the articles named (external ids) or the ``round``'s or all, optionally a sample of them,
    with the cue design ``cues`` (see :func:`plan_copies`).

    The copy is built under a temporary name beside ``out`` and renamed when whole, so a full
    disk or a crash leaves nothing behind. The master is only read (it may be read-only)."""
    coder = validate_coder_name(coder)
    out = Path(out)
    if out.exists():
        raise ProjectError(f"{out}: already exists; choose another file name")
    if out.resolve() == master.path.resolve():
        raise ProjectError(f"{out}: is the master project itself")
    internal = internal_ids(master, article_ids) if article_ids else None
    plan = plan_copies(master, [coder], internal, sample=sample, seed=seed, round=round,
                       cues=cues)
    return _write_copy(master, coder, out, list(plan.per_coder[coder]), plan.seed,
                       hidden=set(plan.no_cues.get(coder, ())))


def internal_ids(master: Project, article_ids: Sequence[str]) -> list[int]:
    """The internal ids of articles named by their external ids (unknown ones refused)."""
    chosen, unknown = [], []
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
    return chosen


def _write_copy(
    master: Project, coder: str, out: Path, chosen: list[int], seed: int | None,
    progress: Progress | None = None, hidden: set[int] | None = None,
) -> AssignReport:
    """Build one blind copy (under a temporary name, renamed when whole). The articles in
    ``hidden`` show no cue underlines: the copy records each article's condition and holds no
    cue positions for those."""
    hidden = hidden or set()
    with Project.build(out, schema=master.schema, name=f"{master.name} — {coder}") as copy:
        with copy.transaction():
            copy.set_assignment(coder, master.name)
            copy_articles(master, copy, chosen)
            copy.cue_conditions.set(coder, [(a, a not in hidden) for a in chosen])
            for article_id in hidden:
                copy.tokens.forget_cues(article_id)
            master.rounds.copy_to(copy, chosen)
            copy.observe(master.clock)
            for kind in KINDS:
                apply_rows(copy, kind, read_rows(master, kind, chosen, coder), str(master.path))
        external, without = [], []
        ids = copy.articles.ids()
        for k, article_id in enumerate(ids):
            report(progress, k, len(ids), coder)
            article = copy.articles.get(article_id)
            if article_id in hidden:
                without.append(article.external_id)
            else:
                tokens_and_cues(copy, article)  # cue highlights ready: the coder opens instantly
            external.append(article.external_id)
    return AssignReport(out, coder, external, seed, tuple(without))


_TABLES = (
    ("articles", ARTICLE_COLUMNS, "id"),
    ("article_tokens", "article_id, tokenizer, bounds, lemmas", "article_id"),
    ("article_cues", "article_id, schema_sha256, tokenizer, cues", "article_id"),
)


def copy_articles(source: Project, target: Project, article_ids: list[int]) -> None:
    """Copy articles with their token and cue caches (same ids) from one file to another."""
    for table, columns, key in _TABLES:
        marks = ", ".join("?" * (columns.count(",") + 1))
        for i in range(0, len(article_ids), 500):
            chunk = article_ids[i:i + 500]
            rows = source.execute(
                f"SELECT {columns} FROM {table} WHERE {key} IN ({', '.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            target.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows
            )


__all__ = ["AssignReport", "CopyPlan", "assign", "assign_copies", "copy_articles",
           "copy_path", "internal_ids", "plan_copies"]
