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

Add a row: write ``row_x(args) -> bool`` (print one row with print_row, return whether it met
its goal, raise SystemExit on a wrong result) and append it to ROWS.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable

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


ROWS: list[Callable[[argparse.Namespace], bool]] = [row_token_alpha]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    print_header()
    passed = [row(args) for row in ROWS]
    print(f"\n{sum(passed)}/{len(passed)} rows within their goal")


if __name__ == "__main__":
    sys.exit(main())
