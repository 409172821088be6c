"""Shared fixtures: real seed files, real project files in tmp_path, no writes to the user's home."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The interface in its source language whatever the machine's locale (tests of the Japanese one
# install it themselves: tests/gui/test_language.py).
os.environ.setdefault("FRAMING_ANNOTATOR_LANG", "en")


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Demo project, settings and logs go to a fresh folder, never the user's data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FRAMING_ANNOTATOR_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    if len(SEED_FILES) < 2:
        pytest.fail(f"the seed articles are missing: expected ../shared/seeds beside {ROOT}")
    return SEED_FILES


@pytest.fixture
def project(tmp_path: Path):
    from annotator.core.store import Project

    with Project.create(tmp_path / "test.annot") as proj:
        yield proj
