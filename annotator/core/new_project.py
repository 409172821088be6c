"""Creating a new project file: the one path `annotator new` and File → New project… share.

Both say the same things in the same words (a bad schema file, an existing file), because
both end here; the dialog also checks as the lead types, with :func:`new_project_problem`.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.schema import Schema, default_schema, load_schema
from annotator.core.store import Project

__all__ = ["PROJECT_SUFFIX", "create_project", "new_project_problem", "project_file_name",
           "schema_summary"]

#: The suffix a project file gets when the lead gives none.
PROJECT_SUFFIX = ".annot"


def project_file_name(path: str | Path) -> Path:
    """``path`` with ``.annot`` added when it has no suffix (``study`` -> ``study.annot``)."""
    path = Path(path)
    return path if path.suffix or not path.name else path.with_name(path.name + PROJECT_SUFFIX)


def schema_summary(schema: Schema) -> str:
    """The schema's name and labels, as ``annotator new`` prints them."""
    labels = ", ".join(f"{lab.key}={lab.id}" for lab in schema.labels)
    return f"schema {schema.name!r} ({labels})"


def new_project_problem(path: str | Path) -> str:
    """Why a project cannot be created at ``path`` ('' when it can), in the words of
    :meth:`Project.create`, so the dialog can say it before the lead presses OK."""
    path = Path(path)
    if path.is_dir():
        return f"{path}: is a folder; give the new project's file name"
    if path.exists():
        return f"{path}: already exists; choose another name or open it"
    if not path.parent.is_dir():
        return f"{path.parent}: no such folder"
    return ""


def create_project(path: str | Path, schema_file: str | Path | None = None, name: str = "") -> str:
    """Create an empty project at ``path`` with the schema of ``schema_file`` (the default
    framing schema if None); returns the one-line summary ``annotator new`` prints.

    Raises SchemaError for a bad schema file and ProjectError for an existing file or a folder
    that cannot take it; nothing is left behind on failure."""
    schema = load_schema(schema_file) if schema_file else default_schema()
    with Project.create(path, schema=schema, name=name) as project:
        return f"created {path} with {schema_summary(project.schema)}"
