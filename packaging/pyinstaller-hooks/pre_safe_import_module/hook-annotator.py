"""PyInstaller: `annotator.schemas` and `annotator.resources` live in the checkout's top-level
schemas/ and resources/ folders (pyproject.toml maps them into the package), so tell PyInstaller
to look for annotator's subpackages in the repository root as well as in annotator/."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def pre_safe_import_module(api):
    api.append_package_path(str(ROOT))
