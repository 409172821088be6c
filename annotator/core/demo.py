"""The demo project: sample articles written for this project, in the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.core.data_files import data_folder
from annotator.core.store import Project

#: Set this to keep all per-user files (demo project, logs) in one folder, e.g. for tests.
HOME_ENV = "FRAMING_ANNOTATOR_HOME"


def data_dir() -> Path:
    """Where per-user files live: $FRAMING_ANNOTATOR_HOME, else the platform's data folder."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("FramingAnnotator", appauthor=False))


def sample_texts() -> list[tuple[str, str]]:
    """(file name, text) of the bundled sample articles, in order."""
    folder = data_folder("resources").joinpath("samples")
    return sorted(
        (entry.name, entry.read_text("utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".txt")
    )


def demo_project_path() -> Path:
    return data_dir() / "demo.annot"


def ensure_demo_project() -> Path:
    """Create the demo project on first use; later calls return the same file untouched."""
    path = demo_project_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".creating")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    create_demo_project(partial).close()
    os.replace(partial, path)  # appears whole or not at all
    return path


def create_demo_project(path: Path) -> Project:
    """A new project at ``path`` holding the sample articles (also for screenshots)."""
    # Imported here, not at the top: the window's settings need only data_dir(), and the
    # importers (encodings, worker processes) and tempfile would add to every start-up.
    import tempfile

    from annotator.core.importers import import_paths

    project = Project.create(path, name="Demo")
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in sample_texts():
            Path(tmp, name).write_text(text, encoding="utf-8")
        import_paths(project, [tmp])
    return project
