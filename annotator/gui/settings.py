"""Per-user settings (QSettings, an INI file beside the demo project): coder per project."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings

from annotator.core.demo import data_dir


def settings() -> QSettings:
    path = data_dir() / "settings.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def _key(project_path: Path) -> str:
    digest = hashlib.sha1(str(Path(project_path).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"projects/{digest}/coder"


def remembered_coder(project_path: Path) -> str | None:
    value = settings().value(_key(project_path))
    return str(value) if value else None


def remember_coder(project_path: Path, coder: str) -> None:
    store = settings()
    if store.value(_key(project_path)) == coder and store.value("last_coder") == coder:
        return  # as remembered: QSettings would rewrite and sync the file at every start
    store.setValue(_key(project_path), coder)
    store.setValue("last_coder", coder)
    store.sync()


def last_coder() -> str | None:
    value = settings().value("last_coder")
    return str(value) if value else None


def remembered_zoom() -> float:
    """How many points the user enlarged (or shrank) the article text: restored at start."""
    try:
        return float(settings().value("view/zoom", 0.0))
    except (TypeError, ValueError):
        return 0.0


def remember_zoom(points: float) -> None:
    store = settings()
    store.setValue("view/zoom", points)
    store.sync()
