"""Bootstrap speed: 2,000 resamples of token alpha against 2,000 alphas by the krippendorff package.

    python benchmarks/bench_bootstrap.py [--articles 200] [--tokens 2000] [--resamples 2000]
                                         [--floor-calls 20] [--repeat 3] [--seed 1] [--verbose]

Rows, each against a floor measured in the same run:

  bootstrap token alpha    annotator.core.bootstrap: the per-article sums of one label's token
                           alpha (CoincidenceAlpha from the articles' token rows, as the report
                           builds it), then B resamples of the articles (random.Random(seed),
                           choices) each summing those sums into an alpha, then the percentile
                           interval and q. Data: N articles x 3 coders x T binary tokens (runs of
                           ones, coders copying them with an article-specific reliability, ~5%
                           missing). Floor: B computations of one alpha on data of that size
                           (3 x N*T) by the krippendorff package on a prebuilt float array:
                           --floor-calls calls timed, scaled to B (printed beside). Goal <= 1.0x.
                           Before timing, the first resample's alpha must equal the package's
                           alpha of the resampled data to 1e-9 (else exit 1).

  full report bootstrap    annotator.core.bootstrap.bootstrap_alphas on the same study as spans
                           of one label (token, unitizing and article alpha, B resamples), for
                           information, against the same floor.
"""

from __future__ import annotations

import argparse
import random
import sys

from _timing import Case, interleaved, print_header, print_row

from annotator.core.bootstrap import bootstrap_alphas, interval
from annotator.core.bootstrap_coincidence import CoincidenceAlpha
from annotator.core.units import ArticleUnits, StudyData


def study(articles: int, tokens: int, seed: int) -> StudyData:
    """Articles of one-character tokens and one label; each coder marks the truth's runs of
    ones, copying each token with the article's reliability (0.6-1.0), and 5% of the
    (article, coder) pairs are not done."""
    rng = random.Random(seed)
    out = []
    for a in range(articles):
        truth, value = [], 0
        for _ in range(tokens):
            if rng.random() < (0.05 if value else 0.02):
                value = 1 - value
            truth.append(value)
        r = rng.uniform(0.6, 1.0)
        spans = {}
        for coder in ("a", "b", "c"):
            marks = [t if rng.random() < r else (1 if rng.random() < 0.3 else 0) for t in truth]
            spans[coder] = {"frame": _runs(marks)}
        done = {c for c in ("a", "b", "c") if rng.random() > 0.05}
        out.append(ArticleUnits(a, f"a{a}", "", "字" * tokens, range(tokens),
                                range(1, tokens + 1), done, spans))
    return StudyData(["a", "b", "c"], ["frame"], out)


def _runs(values: list[int]) -> list[tuple[int, int]]:
    spans, start = [], None
    for k, v in enumerate([*values, 0]):
        if v and start is None:
            start = k
        elif not v and start is not None:
            spans.append((start, k))
            start = None
    return spans


def token_bootstrap(per_article: list[list[list[int | None]]], b: int, seed: int):
    """What the report does for one token alpha: sums once, then b resamples, then the interval."""
    alpha = CoincidenceAlpha(per_article)
    rng = random.Random(seed)
    population = range(len(per_article))
    values = [alpha.value(rng.choices(population, k=len(population))) for _ in range(b)]
    return interval(values, 0.95)


def main() -> None:
    import krippendorff
    import numpy as np

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--tokens", type=int, default=2000)
    parser.add_argument("--resamples", type=int, default=2000)
    parser.add_argument("--floor-calls", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    data = study(args.articles, args.tokens, args.seed)
    per_article = [[a.token_values(c, "frame") for c in data.coders] for a in data.articles]
    matrix = np.array([[np.nan if v is None else v for art in per_article for v in art[c]]
                       for c in range(3)], dtype=float)
    # the first resample, checked against the package before anything is timed
    idx = random.Random(args.seed).choices(range(args.articles), k=args.articles)
    resampled = np.array([[np.nan if v is None else v for a in idx for v in per_article[a][c]]
                          for c in range(3)], dtype=float)
    ours = CoincidenceAlpha(per_article).value(idx)
    theirs = krippendorff.alpha(reliability_data=resampled, level_of_measurement="nominal")
    if ours is None or abs(ours - theirs) > 1e-9:
        print(f"first resample: ours {ours} != krippendorff {theirs}", file=sys.stderr)
        raise SystemExit(1)

    calls = args.floor_calls

    def floor() -> None:
        for _ in range(calls):
            krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")

    cases = [
        Case("floor", floor),
        Case("token", lambda: token_bootstrap(per_article, args.resamples, args.seed)),
        Case("report", lambda: bootstrap_alphas(data, None, args.resamples, args.seed)),
    ]
    best = interleaved(cases, args.repeat, args.verbose)
    floor_seconds = best["floor"] * args.resamples / calls
    result = token_bootstrap(per_article, args.resamples, args.seed)
    print(f"{args.articles} articles x 3 coders x {args.tokens} tokens, B = {args.resamples}; "
          f"floor: {calls} package alphas took {best['floor']:.3f} s, x {args.resamples / calls:g}")
    print_header()
    passed = print_row("bootstrap token alpha", best["token"], floor_seconds, 1.0,
                       f"{best['token'] / floor_seconds:.4f}x; alpha {ours:.3f}, "
                       f"95% CI [{result.low:.3f}, {result.high:.3f}]")
    print_row("full report bootstrap (1 label)", best["report"], floor_seconds, None,
              "token + unitizing + article alpha")
    print("goal met" if passed else "goal NOT met")


if __name__ == "__main__":
    main()
