"""The versions a bug report needs: the app, Python, fugashi and the Japanese dictionary.

Shown by Help → About (the GUI adds Qt's); read from the installed packages' metadata, with the
modules' own version attributes as a fallback in a frozen bundle, where metadata may be absent.
"""

from __future__ import annotations

import platform
from importlib import metadata


def _package(name: str, module: str, attribute: str = "__version__") -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        pass
    try:
        return str(getattr(__import__(module), attribute))
    except (ImportError, AttributeError):
        return "not installed"


def dictionary_version() -> str:
    """The UniDic release unidic-lite ships (what decides the tokens, with its package)."""
    try:
        import unidic_lite
    except ImportError:
        return "not installed"
    return f"UniDic {unidic_lite.VERSION}"


def versions() -> list[tuple[str, str]]:
    """(component, version) rows, the app first."""
    from annotator import __version__

    return [
        ("Framing Annotator", __version__),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("fugashi", _package("fugashi", "fugashi")),
        ("unidic-lite", f"{_package('unidic-lite', 'unidic_lite')} ({dictionary_version()})"),
    ]
