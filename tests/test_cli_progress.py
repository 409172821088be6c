"""The CLI's progress bar: drawn on a terminal, absent from redirected output."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

SCRIPT = """
from annotator.cli_progress import progress_bar
with progress_bar("importing") as progress:
    print("bar" if progress else "none", flush=True)
    if progress:
        for i in range(4):
            progress(i, 4, f"f{i}.txt")
        progress(4, 4, "")
"""


def test_no_bar_when_stderr_is_not_a_terminal() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert result.stdout.strip() == "none"
    assert result.stderr == ""


def test_bar_on_a_terminal() -> None:
    main, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT], stdin=child, stdout=child,
                            stderr=child)
    os.close(child)
    output = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    proc.wait(timeout=60)
    os.close(main)
    text = output.decode("utf-8", "replace")
    assert "bar" in text
    assert "importing" in text and "4/4" in text
