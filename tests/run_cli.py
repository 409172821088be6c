"""Running the real `annotator` command in a new process, as a lead would, for tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str | Path, drop_root: bool = False, timeout: float = 120
        ) -> subprocess.CompletedProcess:
    """`annotator ARGS` in a new process (``drop_root``: without root's power to write any
    file, as a normal user would run it)."""
    command = [sys.executable, "-m", "annotator.cli", *map(str, args)]
    if drop_root:
        caps = "-dac_override,-dac_read_search"
        command = ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def one_line_error(result: subprocess.CompletedProcess) -> str:
    """Exit status 1 and exactly one `Error: …` line on stderr, no traceback; that line."""
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def mount(*args: str) -> None:
    """`mount ARGS` (tests run as root); the test is skipped where mounting is not allowed."""
    result = subprocess.run(["mount", *args], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount here ({result.stderr.strip()}); needs root")
