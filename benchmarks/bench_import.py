"""Import benchmark: `import_paths` of a folder of .txt articles against fugashi alone.

    python benchmarks/bench_import.py [--articles 1000] [--repeat 3] [--seed N] [--profile]

Generates N unique articles (deterministic, from the real seed texts in ../shared/seeds), writes
them as .txt files (about 10% CP932, 10% CRLF, the rest UTF-8 with LF), then times, interleaved
and best of --repeat runs each:

  floor         fugashi alone: one Tagger (created before timing), every article tagged line by
                line, reading ``word.surface`` of every word. The cheapest correct tokenization.
  import        ``import_paths(project, [folder])`` into a fresh project: read, decode,
                normalize, hash, token bounds and lemmas, store in SQLite, one transaction.
                Goal <= 1.5x.
  tokenize      ``tokenizer.tokenize`` (full tokens with lemma and part of speech) of every text:
                for information.
  token_bounds  ``tokenizer.token_bounds`` of every text: for information.
  bounds+lemmas ``tokenizer.token_bounds_and_lemmas`` of every text (bounds and the lemmas the cue
                lookup needs), the tokenizing part of the import: for information, to split the
                import's time into tokenizing and the rest.
  one process   the import with tokenizing kept in this process (``processes=1``): for
                information. The real import tokenizes in worker processes (one per core, up
                to 4) while this process decodes and stores, so on a one-core machine, or with
                the other cores busy, expect this row instead.
  --clean       the import with scraped-page clean-up (``clean=True``): what finding
                navigation, other stories and run-together copies costs (a few generated texts
                hold a seed's marker line such as 最新ニュース; the check expects them cut there).
                For information.

It prints ratios against the floor measured in the same run, never absolute thresholds, and
exits 0 whether or not a goal is met (it is a report, not a test); only a crash or an import
that does not store every article exits non-zero.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import os
import platform
import pstats
import random
import shutil
import sqlite3
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from _timing import Case, interleaved, print_header, print_row, rate

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
IMPORT_GOAL = 1.5
_ENDS = ("。", "！", "？", "!", "?", "」", "』", "）", ")")


# --- the articles -------------------------------------------------------------------------


def seed_sentences(seeds: Path = SEEDS) -> list[str]:
    """Unique sentences of the seed texts, each ending in 。 (or its own closing mark)."""
    files = sorted(seeds.glob("*.txt"))
    if not files:
        raise SystemExit(f"no seed texts in {seeds}")
    seen: dict[str, None] = {}
    for path in files:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
        for line in text.split("\n"):
            for piece in line.split("。"):
                piece = piece.strip(" \t\u3000")
                if not piece:
                    continue
                if not piece.endswith(_ENDS):
                    piece += "。"
                seen.setdefault(piece, None)
    return list(seen)


def _round_trips(sentence: str, encoding: str) -> bool:
    """Whether the sentence survives encoding and decoding (CP932 turns 〜 U+301C into ～ U+FF5E)."""
    try:
        return sentence.encode(encoding).decode(encoding) == sentence
    except UnicodeEncodeError:
        return False


def make_articles(count: int, seed: int) -> list[tuple[str, str, bool]]:
    """``count`` unique (text, encoding, crlf) triples; text is as it will be stored (LF)."""
    rng = random.Random(seed)
    pool = seed_sentences()
    cp932_pool = [s for s in pool if _round_trips(s, "cp932")]
    articles: list[tuple[str, str, bool]] = []
    hashes: set[str] = set()
    i = 0
    while len(articles) < count:
        kind = i % 10  # exact 10% CP932 (kind 3), 10% UTF-8 with CRLF (kind 7)
        encoding = "cp932" if kind == 3 else "utf-8"
        source = cp932_pool if encoding == "cp932" else pool
        sentences = rng.sample(source, min(len(source), rng.randint(18, 45)))
        paragraphs: list[str] = []
        at = 0
        while at < len(sentences):
            size = rng.randint(1, 5)
            paragraphs.append("".join(sentences[at : at + size]))
            at += size
        text = "\n".join(paragraphs) + "\n"
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if sha in hashes:  # practically never; keep every article unique
            continue
        hashes.add(sha)
        articles.append((text, encoding, kind == 7))
        i += 1
    return articles


def write_articles(folder: Path, articles: list[tuple[str, str, bool]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, (text, encoding, crlf) in enumerate(articles):
        body = text.replace("\n", "\r\n") if crlf else text
        (folder / f"a{n:05d}.txt").write_bytes(body.encode(encoding))


# --- the work being timed -----------------------------------------------------------------


def make_floor(texts: list[str]):
    import fugashi

    tagger = fugashi.Tagger()  # created before timing: the dictionary load is not measured

    def floor() -> None:
        for text in texts:
            for line in text.split("\n"):
                if line:
                    for word in tagger(line):
                        word.surface  # noqa: B018 - reading the surface is the work

    return floor


class ImportRuns:
    """Setup/run/teardown for one import per run, each into a fresh project file."""

    def __init__(
        self, workdir: Path, folder: Path, texts: list[str], processes: int | None = None,
        clean: bool = False,
    ) -> None:
        self.processes = processes
        self.clean = clean
        self.workdir = workdir
        self.folder = folder
        if clean:  # generated from the seeds, a few texts hold a marker line such as 最新ニュース
            from annotator.core.cleanup import clean_page

            texts = [clean_page(t).apply(t) for t in texts]
        self.expected = {hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts}
        self.runs = 0
        self.report = None
        self.encodings: dict[str, int] = {}

    def setup(self):
        from annotator.core.store import Project

        self.runs += 1
        return Project.create(
            self.workdir / f"bench{self.processes}-{self.clean}-{self.runs}.annot")

    def run(self, project) -> None:
        from annotator.core.importers import import_paths

        self.report = import_paths(project, [self.folder], processes=self.processes,
                                   clean=self.clean)

    def teardown(self, project) -> None:
        try:
            if self.report is not None and self.runs == 1:
                self.check(project)
        finally:
            project.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{project.path}{suffix}").unlink(missing_ok=True)

    def check(self, project) -> None:
        """The first run must have stored every article exactly as generated."""
        report = self.report
        stored = {row[0] for row in project.db.execute("SELECT sha256 FROM articles")}
        if len(report.added) != len(self.expected) or stored != self.expected:
            raise RuntimeError(
                f"import stored {len(stored)} of {len(self.expected)} articles "
                f"({len(report.skipped)} skipped); the measurement is not valid"
            )
        tokens = project.db.execute("SELECT count(*) FROM article_tokens").fetchone()[0]
        if tokens != len(self.expected):
            raise RuntimeError(f"only {tokens} articles have cached token bounds")
        used: dict[str, int] = {}
        for name in report.encodings.values():
            used[name] = used.get(name, 0) + 1
        self.encodings = used


def make_tokenize(texts: list[str]):
    from annotator.core.tokenizer import tokenize

    def run() -> None:
        for text in texts:
            tokenize(text)

    return run


def make_token_bounds(texts: list[str]):
    from annotator.core.tokenizer import token_bounds

    def run() -> None:
        for text in texts:
            token_bounds(text)

    return run


def make_bounds_and_lemmas(texts: list[str]):
    from annotator.core.tokenizer import token_bounds_and_lemmas

    def run() -> None:
        for text in texts:
            token_bounds_and_lemmas(text)

    return run


# --- profile ------------------------------------------------------------------------------


def profile_import(runs: ImportRuns, top: int = 25) -> None:
    project = runs.setup()
    profiler = cProfile.Profile()
    try:
        profiler.enable()
        runs.run(project)
        profiler.disable()
    finally:
        runs.teardown(project)
    for key, title in (("tottime", "own time"), ("cumulative", "cumulative time")):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.strip_dirs().sort_stats(key).print_stats(top)
        print(f"\n--- cProfile of one import, top {top} by {title} ---")
        text = out.getvalue()
        print(text[text.find("   ncalls") :].rstrip())


# --- main ---------------------------------------------------------------------------------


def _mchars(chars: int, seconds: float) -> str:
    return f"{rate(chars, seconds) / 1e6:.2f} M chars/s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="how many articles (1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each case; best is kept (3)")
    parser.add_argument("--seed", type=int, default=20240601, help="random seed of the articles")
    parser.add_argument("--verbose", action="store_true", help="print every run's time")
    parser.add_argument(
        "--profile", action="store_true", help="after the table, cProfile one more import"
    )
    args = parser.parse_args(argv)

    from annotator.core.tokenizer import token_bounds, token_bounds_and_lemmas, tokenizer_id

    articles = make_articles(args.articles, args.seed)
    texts = [text for text, _, _ in articles]
    chars = sum(len(t) for t in texts)
    lengths = sorted(len(t) for t in texts)

    workdir = Path(tempfile.mkdtemp(prefix="bench_import_"))
    try:
        folder = workdir / "articles"
        write_articles(folder, articles)

        floor = make_floor(texts)
        token_bounds("準備の文です。")  # load the app's taggers before timing, like the floor's
        token_bounds_and_lemmas("準備の文です。")
        tokenizer_id()
        runs = ImportRuns(workdir, folder, texts)
        serial = ImportRuns(workdir, folder, texts, processes=1)
        cleaned = ImportRuns(workdir, folder, texts, clean=True)
        cases = [
            Case("floor: fugashi surfaces, by line", floor),
            Case("import_paths (folder of .txt)", runs.run, runs.setup, runs.teardown),
            Case("tokenizer.tokenize", make_tokenize(texts)),
            Case("tokenizer.token_bounds", make_token_bounds(texts)),
            Case("tokenizer.token_bounds_and_lemmas", make_bounds_and_lemmas(texts)),
            Case("import_paths, one process", serial.run, serial.setup, serial.teardown),
            Case("import_paths --clean", cleaned.run, cleaned.setup, cleaned.teardown),
        ]

        print(f"bench_import: Python {platform.python_version()}, fugashi {version('fugashi')}, "
              f"unidic-lite {version('unidic-lite')}, SQLite {sqlite3.sqlite_version}")
        cp932 = sum(1 for _, enc, _ in articles if enc == "cp932")
        crlf = sum(1 for _, _, c in articles if c)
        print(f"articles: {len(texts)} ({cp932} CP932, {crlf} CRLF), {chars:,} characters, "
              f"{lengths[0]:,}-{lengths[-1]:,} per article (median {lengths[len(lengths) // 2]:,}); "
              f"best of {args.repeat}, interleaved")
        best = interleaved(cases, args.repeat, verbose=args.verbose)
        print("encodings detected:", ", ".join(f"{k} {v}" for k, v in sorted(runs.encodings.items())))
        print()

        floor_s = best[cases[0].name]
        print_header()
        print_row(cases[0].name, floor_s, floor_s, None, _mchars(chars, floor_s))
        print_row(cases[1].name, best[cases[1].name], floor_s, IMPORT_GOAL,
                  _mchars(chars, best[cases[1].name]) + f", {os.cpu_count()} cores")
        for case in cases[2:]:
            print_row(case.name, best[case.name], floor_s, None, _mchars(chars, best[case.name]))
        rest = best["import_paths, one process"] - best["tokenizer.token_bounds_and_lemmas"]
        if rest > 0:
            print(f"\none-process import minus its tokenizing (reading, decoding, hashing, "
                  f"SQLite): {rest:.3f} s = {rest / floor_s:.2f}x floor")
        else:  # two noisy minima: with few articles or one run the difference means nothing
            print("\nimport minus its tokenizing: below the noise of this run")

        if args.profile:
            profile_import(runs)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
