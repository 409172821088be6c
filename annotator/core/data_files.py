"""Where the shipped data lives: the schemas/ and resources/ folders.

Installed (pip, wheel, a PyInstaller bundle) they are the packages ``annotator.schemas`` and
``annotator.resources``: the folders ``schemas`` and ``resources`` inside the installed
``annotator`` package. In a source checkout (run without installing, or installed in editable
mode, where setuptools maps those packages to the checkout's folders) they are the top-level
folders beside ``annotator/``. Every reader goes through :func:`data_folder`, so both work.

Plain paths, not ``importlib.resources``: the app is never run from a zip archive (PyInstaller's
onedir bundle unpacks data files as files), and importing ``importlib.resources`` (with
``tempfile`` and ``random``) is 0.004 s of the coder's start-up.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # the installed (or checked-out) annotator/


def data_folder(name: str) -> Path:
    """``schemas`` or ``resources``, wherever this copy of the package finds it."""
    for folder in (_PACKAGE / name, _PACKAGE.parent / name):
        if folder.is_dir():
            return folder
    raise FileNotFoundError(
        f"{_PACKAGE / name}: the app's {name} folder is missing; reinstall Framing Annotator"
    )
