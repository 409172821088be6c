"""Coverage of the bootstrap intervals: how often the 95% interval holds a known true alpha.

    python benchmarks/bench_bootstrap_coverage.py [--studies 1000] [--articles 100]
                                                  [--tokens 200] [--resamples 2000]
                                                  [--token-studies 200] [--seed 1]

Simulates ``--studies`` studies with a known population alpha and counts the studies whose
interval (:func:`annotator.core.bootstrap.interval` over resamples of the articles, exactly as
the report computes token alpha) contains it. Goal: 93-97% for a 95% interval.

The model: in each article a hidden truth runs of ones and zeros along the tokens (a Markov
chain started in its stationary share of ones, 30%); each of 3 coders copies every token's truth
with the article's reliability ``r`` (uniform on 0.5-1.0: some articles are hard) and otherwise
writes a fresh draw with the same 30% share. Two coders then disagree on a token with
probability ``(1 - r^2) 2 pi (1 - pi)``, the expected disagreement is ``2 pi (1 - pi)``, so with
equally long articles the population alpha is ``E[r^2] = (1 - 0.5^3) / (3 * 0.5) = 0.5833``.

Tokens of one article share its ``r``: they are not independent. For comparison the script also
resamples TOKENS (multinomial over the 8 value patterns of 3 binary coders, numpy) for the first
``--token-studies`` studies and prints that interval's coverage and mean width: what an interval
that treats tokens as the sampling unit would claim. Exits 0 whatever the coverage (a report,
not a test); 1 only if the simulation itself is wrong (a replicate that does not match).
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from _timing import print_header  # noqa: F401 - puts the checkout on sys.path first

from annotator.core.agreement import krippendorff_alpha
from annotator.core.bootstrap import interval
from annotator.core.bootstrap_coincidence import CoincidenceAlpha

SHARE = 0.3  # stationary share of ones in the truth
LOW, HIGH = 0.5, 1.0  # article reliability r ~ uniform(LOW, HIGH)
TRUE_ALPHA = (HIGH ** 3 - LOW ** 3) / (3 * (HIGH - LOW))  # E[r^2]


def simulate(rng: random.Random, articles: int, tokens: int) -> list[list[list[int]]]:
    """One study: per article, 3 rows (coders) of ``tokens`` binary values."""
    leave, enter = 0.1, 0.1 * SHARE / (1 - SHARE)  # runs of ones ~10 tokens, share 30%
    rand = rng.random
    study = []
    for _ in range(articles):
        r = rng.uniform(LOW, HIGH)
        value = 1 if rand() < SHARE else 0
        truth = []
        for _ in range(tokens):
            truth.append(value)
            if rand() < (leave if value else enter):
                value = 1 - value
        study.append([[t if rand() < r else (1 if rand() < SHARE else 0) for t in truth]
                      for _ in range(3)])
    return study


def token_interval(study: list[list[list[int]]], b: int, seed: int) -> tuple[float, float]:
    """The 95% percentile interval when the tokens are resampled as if independent."""
    import numpy as np

    counts = np.zeros(4)  # tokens by number of coders saying 1 (0..3): alpha needs only that
    for rows in study:
        for column in zip(*rows):
            counts[sum(column)] += 1
    n = int(counts.sum())
    draws = np.random.default_rng(seed).multinomial(n, counts / n, size=b)  # b x 4
    ones = np.arange(4)
    n_values = 3 * n
    n1 = draws @ ones
    disagreeing = draws @ ((9 - ones ** 2 - (3 - ones) ** 2) / 2)  # per token (m^2 - sum)/(m-1)
    expected = n_values ** 2 - n1 ** 2 - (n_values - n1) ** 2
    alphas = 1 - (n_values - 1) * disagreeing / expected
    low, high = np.quantile(alphas, [0.025, 0.975])
    return float(low), float(high)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studies", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--tokens", type=int, default=200)
    parser.add_argument("--resamples", type=int, default=2000)
    parser.add_argument("--token-studies", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    covered = token_covered = 0
    widths, token_widths, estimates = [], [], []
    started = time.perf_counter()
    for s in range(args.studies):
        study = simulate(rng, args.articles, args.tokens)
        alpha = CoincidenceAlpha(study)
        if s == 0:  # the identity resample is the study's own alpha
            plain = krippendorff_alpha([sum((a[c] for a in study), []) for c in range(3)]).value
            if plain is None or abs(alpha.value(range(args.articles)) - plain) > 1e-9:
                print("the per-article sums do not give the study's alpha", file=sys.stderr)
                raise SystemExit(1)
        draw = random.Random(args.seed * 1_000_003 + s)
        population = range(args.articles)
        values = [alpha.value(draw.choices(population, k=args.articles))
                  for _ in range(args.resamples)]
        result = interval(values, 0.95)
        estimates.append(alpha.value(population))
        covered += result.low <= TRUE_ALPHA <= result.high
        widths.append(result.high - result.low)
        if s < args.token_studies:
            low, high = token_interval(study, args.resamples, s)
            token_covered += low <= TRUE_ALPHA <= high
            token_widths.append(high - low)
    seconds = time.perf_counter() - started
    coverage = covered / args.studies
    print(f"{args.studies} studies of {args.articles} articles x 3 coders x {args.tokens} tokens,"
          f" B = {args.resamples}, true alpha {TRUE_ALPHA:.4f} ({seconds:.0f} s)")
    print(f"mean estimate {sum(estimates) / len(estimates):.4f}")
    verdict = "PASS" if 0.93 <= coverage <= 0.97 else "OUT OF 93-97%"
    print(f"resampling articles: 95% interval covers the true alpha in {coverage:.1%} "
          f"({covered}/{args.studies}), mean width {sum(widths) / len(widths):.4f}  {verdict}")
    if token_widths:
        n = len(token_widths)
        print(f"resampling tokens:   95% interval covers the true alpha in {token_covered / n:.1%} "
              f"({token_covered}/{n}), mean width {sum(token_widths) / n:.4f}")


if __name__ == "__main__":
    main()
