"""Errors a user can cause and fix. The CLI and GUI show their message, never a traceback."""

from __future__ import annotations


class AnnotatorError(Exception):
    """A problem with the user's input or files, with a message that says what to do."""


class InputError(AnnotatorError):
    """An input file (article, schema, CSV, JSONL) cannot be used as it is."""


class ProjectError(AnnotatorError):
    """A project file cannot be opened, migrated or changed as asked."""


class SchemaError(AnnotatorError):
    """A schema file is invalid; the message names the JSON path and the reason."""


class BusyError(ProjectError):
    """Another program holds the project's write lock for longer than we wait."""


class ReadOnlyError(ProjectError):
    """The project was opened read-only and cannot be changed."""


class StaleError(ProjectError):
    """The row or text changed since this window last showed it (another window or program)."""
