"""README speaks for the project: its Quick start is what CI runs, and it names every command."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_quick_start_has_the_two_commands():
    run_app, run_tests = quick_start_commands()
    assert run_app.endswith(".venv/bin/annotator")
    assert "pytest" in run_tests


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start_commands()[1] in ci.splitlines()


def test_every_command_is_documented():
    for name in cli.commands:
        assert f"annotator {name}" in README, f"README does not document `annotator {name}`"
