"""Agreement benchmarks: our pure-Python coefficients against the numpy packages.

    python benchmarks/bench_agreement.py [--units 1000000] [--repeat 3] [--seed 1] [--verbose]

Rows, each against a floor measured in the same run:

  token alpha 3 x N        annotator.core.agreement.krippendorff_alpha on 3 coders x N binary
                           token units (default N = 1,000,000) with ~5% missing values (None),
                           given Python lists, as the app has them. Floor: the krippendorff
                           package (krippendorff.alpha, level_of_measurement="nominal") on the
                           same data, including the list -> float numpy array conversion it needs
                           (our function gets lists; the package cannot take None). The package's
                           time on a prebuilt array is printed beside the row. Goal <= 1.0x.
                           Before timing, the two values must agree to 1e-9 (else exit 1).

  report N art. x 3 coders the full agreement report (annotator.core.reports.agreement_report
                           and the four CSV files) on a merged project of N articles (default
                           1,000, from the seed sentences), 3 coders who all marked every article
                           done, ~20 spans each per article. Goal: under 3 s (absolute). Floor,
                           for information: reading the spans, texts and cached tokens the
                           report needs, computing nothing.

Add a row: write ``row_x(args) -> bool`` (print one row with print_row, return whether it met
its goal, raise SystemExit on a wrong result) and append it to ROWS.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from _timing import Case, interleaved, print_header, print_row

from annotator.core.agreement import krippendorff_alpha


def token_data(units: int, seed: int) -> list[list[int | None]]:
    """3 coders x ``units`` binary token labels: coders agree ~90% with a hidden truth (30% ones),
    each value missing with probability 5%."""
    rng = random.Random(seed)
    rand = rng.random
    truth = [1 if rand() < 0.3 else 0 for _ in range(units)]
    rows = []
    for _coder in range(3):
        rows.append([
            None if rand() < 0.05 else (t if rand() < 0.9 else 1 - t) for t in truth
        ])
    return rows


def row_token_alpha(args: argparse.Namespace) -> bool:
    import krippendorff
    import numpy as np

    data = token_data(args.units, args.seed)

    def floor() -> float:
        array = np.array(data, dtype=float)  # None -> nan
        return krippendorff.alpha(reliability_data=array, level_of_measurement="nominal")

    prebuilt = np.array(data, dtype=float)

    def floor_prebuilt() -> float:
        return krippendorff.alpha(reliability_data=prebuilt, level_of_measurement="nominal")

    # Correctness first, outside the timing.
    ours = krippendorff_alpha(data)
    theirs = floor()
    if ours.value is None or abs(ours.value - theirs) > 1e-9:
        raise SystemExit(f"token alpha: ours {ours.value!r} != krippendorff {theirs!r}")

    best = interleaved(
        [
            Case("floor", floor),
            Case("ours", lambda: krippendorff_alpha(data)),
            Case("floor, prebuilt array", floor_prebuilt),
        ],
        repeat=args.repeat,
        verbose=args.verbose,
    )
    return print_row(
        f"token alpha 3 x {args.units:,}",
        best["ours"],
        best["floor"],
        goal=1.0,
        extra=(
            f"alpha={ours.value:.6f}  pkg on prebuilt array {best['floor, prebuilt array']:.3f} s"
            f" ({best['ours'] / best['floor, prebuilt array']:.2f}x)"
        ),
    )


def build_study(folder: Path, articles: int, coders: tuple[str, ...], spans: int, seed: int):
    """A merged master: ``articles`` articles from the seed sentences, every coder done with
    all of them and about ``spans`` spans each per article, coders differing now and then."""
    import uuid

    from annotator.core.importers import import_paths
    from annotator.core.store import Project, now
    from annotator.core.tokenizer import tokenizer_id

    rng = random.Random(seed)
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    sentences = [
        piece + "。"
        for path in sorted(seeds.glob("*.txt"))
        for piece in path.read_text(encoding="utf-8").replace("\n", "").split("。")
        if piece.strip()
    ]
    texts = folder / "articles"
    texts.mkdir()
    for k in range(articles):
        body = "\n".join("".join(rng.sample(sentences, 4)) for _ in range(4))
        (texts / f"{k:04d}.txt").write_text(f"記事{k}\n{body}", encoding="utf-8")
    project = Project.create(folder / "study.annot")
    import_paths(project, [texts])
    labels = project.schema.label_ids
    stamp = now()
    rows = []
    for article_id in project.articles.ids():
        text = project.articles.get(article_id).text
        bounds = project.tokens.bounds(article_id, tokenizer_id())
        base = [(rng.randrange(len(bounds) - 6), rng.randrange(1, 6), rng.choice(labels))
                for _ in range(spans)]
        for coder in coders:
            for first, width, label in base:
                if rng.random() < 0.25:  # a boundary one token off
                    first = max(0, first + rng.choice((-1, 1)))
                if rng.random() < 0.1:  # another frame
                    label = rng.choice(labels)
                start, end = bounds[first][0], bounds[min(first + width, len(bounds) - 1)][1]
                rows.append((str(uuid.uuid4()), article_id, coder, label, start, end,
                             text[start:end], "", stamp, stamp, None))
    with project.transaction():
        for coder in coders:
            project.coders.add(coder)
        project.db.conn.executemany(
            "INSERT INTO annotations (uuid, article_id, coder, label, start_offset, end_offset, "
            "text, note, created_at, updated_at, deleted_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        project.db.conn.executemany(
            "INSERT INTO article_status (article_id, coder, status, updated_at) VALUES (?,?,?,?)",
            [(a, c, "done", stamp) for a in project.articles.ids() for c in coders])
    return project


def row_report(args: argparse.Namespace) -> bool:
    from annotator.core.report_files import write_report
    from annotator.core.reports import agreement_report
    from annotator.core.tokenizer import tokenizer_id

    folder = Path(tempfile.mkdtemp(prefix="bench_report_"))
    try:
        project = build_study(folder, args.articles, ("alice", "bob", "carol"), 20, args.seed)
        tok = tokenizer_id()

        def floor() -> None:  # reading what the report needs, nothing computed
            project.annotations.list()
            for article_id in project.articles.ids():
                project.articles.get(article_id)
                project.tokens.bounds_flat(article_id, tok)

        runs = {"n": 0}

        def report() -> None:
            runs["n"] += 1
            write_report(agreement_report(project), folder / f"out{runs['n']}")

        best = interleaved([Case("floor", floor), Case("report", report)],
                           repeat=args.repeat, verbose=args.verbose)
        spans = project.db.execute("SELECT count(*) FROM annotations").fetchone()[0]
        passed = best["report"] < 3.0
        print_row(
            f"report {args.articles:,} art. x 3 coders", best["report"], best["floor"], None,
            extra=f"{spans:,} spans; {best['report']:.2f} s (goal < 3 s): "
                  f"{'PASS' if passed else 'OVER'}",
        )
        project.close()
        return passed
    finally:
        shutil.rmtree(folder, ignore_errors=True)


ROWS: list[Callable[[argparse.Namespace], bool]] = [row_token_alpha, row_report]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    print_header()
    passed = [row(args) for row in ROWS]
    print(f"\n{sum(passed)}/{len(passed)} rows within their goal")


if __name__ == "__main__":
    sys.exit(main())
