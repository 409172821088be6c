"""Formats of the tools leads already use: one module per format, offsets converted at its edge.

Every module here offers, as the format allows:

- ``export_project(project, out, coder=None, progress=None) -> str``: write the project (or one
  coder's work, or ``"gold"``) to ``out`` in one piece (a temporary file renamed when whole) and
  return a one-line summary;
- ``read_records(path, schema) -> Iterator[ArticleRecord]``: the articles and spans of a file
  (or folder) the other tool wrote, with texts normalized and offsets moved to code points of
  the normalized text; a bad file raises :class:`~annotator.core.errors.InputError` naming the
  file, the entry and what to do. The records go through the ordinary import
  (:func:`annotator.core.importers.import_paths` with ``source=``), so duplicates, ids and
  all-or-nothing are handled in one place.

Offsets: our own are Python code points; a format that counts UTF-16 code units converts with
:class:`annotator.core.text.Utf16Map` and nothing else.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from annotator.core.errors import InputError


@dataclass(frozen=True)
class Format:
    name: str  # as the CLI spells it: --format NAME, --from NAME
    title: str  # for menus and help
    module: str  # the module under annotator.core.interchange
    suffix: str  # what `export` writes ("" for a folder)
    unit: str  # how the format counts offsets (README documents it)
    imports: bool = True  # `import --from NAME` reads it


FORMATS: tuple[Format, ...] = (
    Format("inception", "INCEpTION / WebAnno project (UIMA CAS XMI, .zip)", "inception", ".zip",
           "UTF-16 code units"),
    Format("refi", "REFI-QDA project (.qdpx: MAXQDA, ATLAS.ti, NVivo, QualCoder)", "refi",
           ".qdpx", "Unicode code points (QualCoder's UTF-16 positions read too)"),
    Format("label-studio", "Label Studio tasks (.json)", "label_studio", ".json",
           "Unicode code points (older UTF-16 files read too)"),
    Format("doccano", "doccano (.jsonl)", "doccano", ".jsonl", "UTF-16 code units"),
    Format("spacy", "spaCy DocBin (.spacy)", "spacy_docbin", ".spacy", "spaCy tokens/characters",
           imports=False),
)


def find(name: str) -> Format:
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    raise InputError(f"unknown format {name!r}; use one of: "
                     + ", ".join(f.name for f in FORMATS))


def module_of(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{find(name).module}")


def exporter(name: str) -> Callable[..., str]:
    """``export_project`` of format ``name``."""
    return module_of(name).export_project


def reader(name: str) -> Callable[[Path, object], Iterator[object]]:
    """``read_records`` of format ``name`` (refused for formats that are export-only)."""
    fmt = find(name)
    if not fmt.imports:
        raise InputError(f"--from {name}: this format is written, not read; import one of: "
                         + ", ".join(f.name for f in FORMATS if f.imports))
    return module_of(name).read_records


def export_names() -> list[str]:
    return [f.name for f in FORMATS]


def import_names() -> list[str]:
    return [f.name for f in FORMATS if f.imports]
