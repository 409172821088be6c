"""Where the shipped data lives: the schemas/ and resources/ folders.

Installed (pip, wheel, a PyInstaller bundle) they are the packages ``annotator.schemas`` and
``annotator.resources``. Run from a source checkout without installing (``python -m pytest``
in the checkout puts the checkout first on ``sys.path``), they are the top-level folders beside
``annotator/``. Every reader goes through :func:`data_folder`, so both work.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


def data_folder(name: str) -> Traversable:
    """``schemas`` or ``resources``, wherever this copy of the package finds it."""
    try:
        return resources.files(f"annotator.{name}")
    except ModuleNotFoundError:
        checkout = Path(__file__).resolve().parents[2] / name
        if not checkout.is_dir():
            raise
        return checkout
