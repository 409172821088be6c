"""Start-up of the coders' bundle (PyInstaller, frozen) against the same code unfrozen.

    python benchmarks/bench_frozen.py [--bundle dist/annotator] [--repeat 5] [--verbose]

Build the bundle first (README, "Building the coders' bundle"). Each row starts a fresh process,
frozen and unfrozen interleaved, best of --repeat; the floor is the unfrozen run, so the ratio is
what freezing costs. Goal <= 1.2x.

  --version   `dist/annotator/annotator --version` vs `python -m annotator --version`: the
              interpreter, click and the command table, no Qt, no dictionary.
  selfcheck   `dist/annotator/annotator selfcheck` vs `python -m annotator selfcheck`: loads the
              dictionary and tokenizes, creates, imports, exports and re-imports two projects,
              and builds the main window offscreen on a project and tags a span: everything a
              coder's start-up loads, and a little work.

The unfrozen runs keep numpy and pandas out (as the app's own start-up does, and as the bundle,
which leaves them out): sqlite-utils would import them when a lead's environment has them.
QT_QPA_PLATFORM is offscreen and FRAMING_ANNOTATOR_HOME a temporary folder for both.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import Case, interleaved, print_header, print_row

ROOT = Path(__file__).resolve().parents[1]
EXE_NAME = "annotator.exe" if sys.platform == "win32" else "annotator"
# `python -m annotator ARGS`, without numpy and pandas (see the docstring).
UNFROZEN = (
    "import sys; from annotator.cli import lean_gui_process, main; lean_gui_process(); "
    "sys.argv[0] = 'annotator'; main(sys.argv[1:])"
)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "annotator")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    frozen = args.bundle / EXE_NAME
    if not frozen.exists():
        print(f"{frozen}: no bundle; build it first:\n"
              "  python -m PyInstaller packaging/annotator.spec --noconfirm --clean",
              file=sys.stderr)
        return 2
    home = tempfile.mkdtemp(prefix="bench frozen ")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRAMING_ANNOTATOR_HOME=home)

    def runner(command: list[str], expect: str):
        def run() -> None:
            result = subprocess.run(command, env=env, capture_output=True, text=True,
                                    encoding="utf-8", timeout=600)
            if result.returncode != 0 or expect not in result.stdout:
                raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n"
                                 f"{result.stdout}{result.stderr}")
        return run

    size = folder_size(args.bundle)
    dictionary = folder_size(args.bundle / "_internal" / "unidic_lite")
    print(f"bundle {args.bundle}: {size / 1e6:.0f} MB, "
          f"of which the dictionary {dictionary / 1e6:.0f} MB")
    print_header()
    from annotator import __version__

    rows = [
        ("--version", ["--version"], f"annotator, version {__version__}"),
        ("selfcheck", ["selfcheck"], "selfcheck passed"),
    ]
    for name, argv, expect in rows:
        cases = [
            Case("unfrozen", runner([sys.executable, "-c", UNFROZEN, *argv], expect)),
            Case("frozen", runner([str(frozen), *argv], expect)),
        ]
        cases[1].fn()  # once untimed: the first start reads the bundle from disk
        best = interleaved(cases, repeat=args.repeat, verbose=args.verbose)
        print_row(f"frozen {name}", best["frozen"], best["unfrozen"], 1.2)
    return 0


if __name__ == "__main__":
    t0 = time.perf_counter()
    code = main()
    print(f"(benchmark took {time.perf_counter() - t0:.1f} s)")
    sys.exit(code)
