"""Merge benchmark: coders' returned copies merged into the master, against plain SQLite inserts.

    python benchmarks/bench_merge.py [--articles 1000] [--coders 30] [--spans 20] [--repeat 3]
                                     [--seed N] [--verbose] [--profile]

Setup (not timed, deterministic for a given --seed): a master of --articles articles made from
the seed sentences (``bench_import.make_articles``, imported with ``import_paths``, cue caches
filled once so that every copy carries them), then --coders blind copies made with
``assign.assign``, and in each copy --spans spans per article through the public API
(``copy.annotations.add``, UUIDs from the seed) and a 'done' status per article, all of one copy
in one transaction (every edit still gets its own revision).

  floor          the same rows (every span and status of every copy, read beforehand) inserted
                 with ``executemany`` into the same tables of a fresh copy of the master, one
                 transaction, same pragmas (WAL, synchronous=FULL). The cheapest correct way to
                 get those rows into the file.
  merge          ``merge.merge(master, paths)`` into a fresh copy of the master (copying not
                 timed). Goal <= 3x. After the first run the master must hold exactly the
                 copies' rows (every column, revision and ``seen``), else exit 1.
  merge again    the same files merged again into the merged master: nothing new (the report
                 must say so, else exit 1). For information.

Ratios against the floor measured in the same run, interleaved, best of --repeat; exits 0
whether or not the goal is met.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

from _timing import Case, interleaved, print_header, print_row
from bench_import import make_articles, write_articles

MERGE_GOAL = 3.0
SPAN_COLUMNS = ("uuid, article_id, coder, label, start_offset, end_offset, text, note, "
                "created_at, updated_at, deleted_at, rev, rev_file, seen")
STATUS_COLUMNS = "article_id, coder, status, updated_at, rev, rev_file, seen"


# --- setup --------------------------------------------------------------------------------


def build_master(folder: Path, articles: int, seed: int) -> Path:
    """The master project: imported articles, cue caches filled (so copies carry them)."""
    from annotator.core.importers import import_paths
    from annotator.core.session import tokens_and_cues
    from annotator.core.store import Project

    write_articles(folder / "articles", make_articles(articles, seed))
    path = folder / "master.annot"
    with Project.create(path, name="study") as master:
        import_paths(master, [folder / "articles"])
        for article_id in master.articles.ids():
            tokens_and_cues(master, master.articles.get(article_id))
        master.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.rmtree(folder / "articles")
    return path


def build_copy(master_path: Path, out: Path, coder: str, spans: int, rng: random.Random) -> None:
    """A blind copy for ``coder`` with ``spans`` spans and a 'done' status per article."""
    from annotator.core.assign import assign
    from annotator.core.store import Project
    from annotator.core.tokenizer import tokenizer_id

    with Project.open(master_path, read_only=True) as master:
        assign(master, coder, out)
    tok = tokenizer_id()
    with Project.open(out) as copy:
        labels = copy.schema.label_ids
        with copy.transaction():
            for article_id in copy.articles.ids():
                bounds = copy.tokens.bounds(article_id, tok)
                for _ in range(spans):
                    first = rng.randrange(len(bounds))
                    last = min(len(bounds) - 1, first + rng.randrange(5))
                    copy.annotations.add(
                        article_id, coder, rng.choice(labels), bounds[first][0], bounds[last][1],
                        note="要確認" if rng.random() < 0.05 else "",
                        uuid=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    )
                copy.statuses.set(article_id, coder, "done")
        copy.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def read_copy_rows(paths: list[Path]) -> tuple[list[tuple], list[tuple], list[str]]:
    """Every span and status row of the copies, as stored, and the coders."""
    spans: list[tuple] = []
    statuses: list[tuple] = []
    coders: list[str] = []
    for path in paths:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        spans += conn.execute(f"SELECT {SPAN_COLUMNS} FROM annotations").fetchall()
        statuses += conn.execute(f"SELECT {STATUS_COLUMNS} FROM article_status").fetchall()
        coders += [c for (c,) in conn.execute("SELECT name FROM coders")]
        conn.close()
    return spans, statuses, sorted(set(coders))


# --- the timed work -----------------------------------------------------------------------


class Runs:
    """Fresh copies of the master for the floor and the merge; the merged one kept for 'again'."""

    def __init__(self, folder: Path, master: Path, copies: list[Path]) -> None:
        self.folder, self.master, self.copies = folder, master, copies
        self.n = 0
        self.merged: Path | None = None
        self.rows: tuple[list[tuple], list[tuple], list[str]] | None = None
        self.expected_spans = 0
        self.expected_statuses = 0
        self.again_line = ""

    def fresh(self):
        from annotator.core.store import Project

        self.n += 1
        path = self.folder / f"run{self.n}.annot"
        shutil.copyfile(self.master, path)
        return Project.open(path)

    def drop(self, project) -> None:
        project.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{project.path}{suffix}").unlink(missing_ok=True)

    # floor: plain inserts of rows read beforehand
    def floor_setup(self):
        if self.rows is None:
            self.rows = read_copy_rows(self.copies)
        return self.fresh()

    def floor(self, project) -> None:
        spans, statuses, coders = self.rows
        conn = project.db.conn
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO coders (name, added_at) VALUES (?, ?)",
                         [(c, "2026-12-02T00:00:00.000Z") for c in coders])
        conn.executemany(f"INSERT INTO annotations ({SPAN_COLUMNS}) VALUES "
                         f"({', '.join('?' * 14)})", spans)
        conn.executemany(f"INSERT INTO article_status ({STATUS_COLUMNS}) VALUES "
                         f"({', '.join('?' * 7)})", statuses)
        conn.execute("COMMIT")

    # merge into a fresh master
    def merge(self, project) -> None:
        from annotator.core.merge import merge

        merge(project, self.copies)

    def merge_teardown(self, project) -> None:
        try:
            if self.merged is None:
                self.check(project)
                project.close()
                self.merged = project.path
                return
        except BaseException:
            self.drop(project)
            raise
        self.drop(project)

    def check(self, project) -> None:
        """The merged master must hold exactly the copies' rows, column for column."""
        if self.rows is None:
            self.rows = read_copy_rows(self.copies)
        spans, statuses, _ = self.rows
        got_spans = project.db.execute(f"SELECT {SPAN_COLUMNS} FROM annotations").fetchall()
        got_statuses = project.db.execute(
            f"SELECT {STATUS_COLUMNS} FROM article_status").fetchall()
        if len(got_spans) != self.expected_spans or sorted(got_spans) != sorted(spans):
            raise SystemExit(f"merge stored {len(got_spans):,} spans, expected exactly the "
                             f"{self.expected_spans:,} of the copies; the measurement is not valid")
        if len(got_statuses) != self.expected_statuses or sorted(got_statuses) != sorted(statuses):
            raise SystemExit(f"merge stored {len(got_statuses):,} statuses, expected exactly the "
                             f"{self.expected_statuses:,} of the copies")

    # merge the same files again
    def again_setup(self):
        from annotator.core.store import Project

        return Project.open(self.merged)

    def again(self, project) -> None:
        from annotator.core.merge import merge

        report = merge(project, self.copies)
        lines = report.summary().splitlines()
        if len(lines) != len(self.copies) or not all("nothing new" in ln for ln in lines):
            raise SystemExit(f"merging the same files again changed something: {lines[:3]}")
        self.again_line = lines[0]


def profile_merge(runs: Runs, top: int = 25) -> None:
    project = runs.fresh()
    profiler = cProfile.Profile()
    try:
        profiler.enable()
        runs.merge(project)
        profiler.disable()
    finally:
        runs.drop(project)
    for key, title in (("tottime", "own time"), ("cumulative", "cumulative time")):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(key).print_stats(top)
        text = out.getvalue()
        print(f"\n--- cProfile of one merge, top {top} by {title} ---")
        print(text[text.find("   ncalls"):].rstrip())


# --- main ---------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles in the study (1000)")
    parser.add_argument("--coders", type=int, default=30, help="returned copies (30)")
    parser.add_argument("--spans", type=int, default=20, help="spans per coder and article (20)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each case; best is kept")
    parser.add_argument("--seed", type=int, default=20261202, help="random seed of the study")
    parser.add_argument("--verbose", action="store_true", help="print every run's time")
    parser.add_argument("--profile", action="store_true", help="then cProfile one more merge")
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="bench_merge_"))
    try:
        started = time.perf_counter()
        master = build_master(folder, args.articles, args.seed)
        built_master = time.perf_counter()
        rng = random.Random(args.seed)
        copies = []
        for k in range(args.coders):
            path = folder / f"coder{k:02d}.annot"
            build_copy(master, path, f"coder{k:02d}", args.spans, rng)
            copies.append(path)
        built = time.perf_counter()
        size = sum(p.stat().st_size for p in copies) / 1e6
        print(f"bench_merge: {args.articles:,} articles x {args.coders} coders x {args.spans} "
              f"spans = {args.articles * args.coders * args.spans:,} spans, "
              f"{args.articles * args.coders:,} statuses; {os.cpu_count()} cores")
        print(f"setup: master {built_master - started:.1f} s, copies {built - built_master:.1f} s "
              f"({size:.0f} MB); best of {args.repeat}, interleaved")

        runs = Runs(folder, master, copies)
        runs.expected_spans = args.articles * args.coders * args.spans
        runs.expected_statuses = args.articles * args.coders
        cases = [
            Case("floor: executemany, one transaction", runs.floor, runs.floor_setup, runs.drop),
            Case("merge", runs.merge, runs.fresh, runs.merge_teardown),
            Case("merge again (nothing new)", runs.again, runs.again_setup,
                 lambda p: p.close()),
        ]
        best = interleaved(cases, args.repeat, verbose=args.verbose)
        floor_s = best[cases[0].name]
        rows = runs.expected_spans + runs.expected_statuses
        print()
        print_header()
        print_row(cases[0].name, floor_s, floor_s, None, f"{rows / floor_s:,.0f} rows/s")
        print_row(f"merge {args.coders} files", best["merge"], floor_s, MERGE_GOAL,
                  f"{rows / best['merge']:,.0f} rows/s")
        print_row("merge again (nothing new)", best[cases[2].name], floor_s, None,
                  f"{rows / best[cases[2].name]:,.0f} rows/s")
        print(f"\nthe second merge, first file: {runs.again_line}")
        if args.profile:
            profile_merge(runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
