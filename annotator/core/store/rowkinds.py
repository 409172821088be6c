"""The kinds of rows that travel between project files, each declared once.

A :class:`RowKind` says which table holds the rows, which columns name a row across files,
which never change under that name, which an edit changes, how a row is checked before a file
takes it, and how it is written in JSONL. Row sync (:mod:`.sync`) does the rest for every kind:
blind copies, merge, JSONL export and import. A new kind of row (article codes, gold spans)
declares itself here and gets all four.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.core.errors import ProjectError
from annotator.core.store.annotations import check_label
from annotator.core.store.codes import check_answer, decode, encode
from annotator.core.store.coders import validate_coder_name
from annotator.core.store.statuses import check_status

if TYPE_CHECKING:
    from annotator.core.store.project import Project

Row = dict[str, Any]


@dataclass(frozen=True)
class RowKind:
    """A table whose rows travel. ``key`` names a row across files (with ``article_sha`` when
    it is part of the key); ``fixed`` never changes under a key; ``content`` is what an edit
    changes; ``info`` travels with the content (times, for people)."""

    name: str
    table: str
    key: tuple[str, ...]
    fixed: tuple[str, ...]
    content: tuple[str, ...]
    info: tuple[str, ...]
    check: Callable[[Project, dict[str, Any], Row], None]
    json_list: str  # the list of an article's JSONL object that holds these rows
    json_fields: dict[str, str]  # column -> JSONL field
    removed: Callable[[Row], bool] = lambda row: False
    # columns stored as JSON text, written in JSONL as the value they hold
    json_values: tuple[str, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(
            c if c != "article_sha" else "article_id"
            for c in (*self.key, *self.fixed, *self.content, *self.info)
        ))


def _check_span(project: Project, article: dict[str, Any], row: Row) -> None:
    _check_coder(row["coder"])
    if not _known_label(project, row["label"]):
        try:
            check_label(project, row["label"])
        except ProjectError as exc:
            raise ProjectError(f"span {row['uuid']}: {exc}") from None
    start, end, text = row["start_offset"], row["end_offset"], article["text"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise ProjectError(
            f"span {row['uuid']}: offsets {start}-{end} are outside article "
            f"{article['external_id']!r} ({len(text)} characters)"
        )
    if text[start:end] != row["text"]:
        raise ProjectError(
            f"span {row['uuid']} in article {article['external_id']!r} covers "
            f"{row['text'][:40]!r} but the text there is {text[start:end][:40]!r}"
        )


def _check_status(project: Project, article: dict[str, Any], row: Row) -> None:
    _check_coder(row["coder"])
    check_status(row["status"])


SPANS = RowKind(
    name="span",
    table="annotations",
    key=("uuid",),
    fixed=("article_sha", "coder", "start_offset", "end_offset"),
    content=("label", "note", "deleted_at"),
    info=("text", "created_at", "updated_at"),
    check=_check_span,
    json_list="annotations",
    json_fields={
        "uuid": "uuid", "coder": "coder", "label": "label", "start_offset": "start",
        "end_offset": "end", "text": "text", "note": "note", "created_at": "created",
        "updated_at": "updated", "deleted_at": "deleted",
    },
    removed=lambda row: row["deleted_at"] is not None,
)
STATUS = RowKind(
    name="status",
    table="article_status",
    key=("article_sha", "coder"),
    fixed=("article_sha", "coder"),
    content=("status",),
    info=("updated_at",),
    check=_check_status,
    json_list="statuses",
    json_fields={"coder": "coder", "status": "status", "updated_at": "updated"},
)


def _check_code(project: Project, article: dict[str, Any], row: Row) -> None:
    _check_coder(row["coder"])
    value = row["value"]
    try:
        decoded = decode(value)
    except ValueError:
        raise ProjectError(f"answer {row['variable']!r:.60}: not valid JSON") from None
    checked = check_answer(project.schema, row["variable"], decoded)
    if encode(checked) != value:
        raise ProjectError(f"answer {row['variable']!r:.60}: {value!r:.60} is not written "
                           f"as this project writes it ({encode(checked)!r:.60})")


CODES = RowKind(
    name="answer",
    table="article_codes",
    key=("article_sha", "coder", "variable"),
    fixed=("article_sha", "coder", "variable"),
    content=("value",),
    info=("updated_at",),
    check=_check_code,
    json_list="code_rows",
    json_fields={"coder": "coder", "variable": "variable", "value": "value",
                 "updated_at": "updated"},
    removed=lambda row: row["value"] is None,
    json_values=("value",),
)
KINDS = (SPANS, STATUS, CODES)


_VALID_CODERS: dict[str, None] = {}  # names validate_coder_name accepted (a pure function)
_LABELS: dict[str, frozenset[str]] = {}  # schema SHA-256 -> its label ids


def _known_label(project: Project, label: object) -> bool:
    """Whether ``check_label`` surely accepts ``label`` (False: ask it)."""
    schema = project.schema
    labels = _LABELS.get(schema.sha256)
    if labels is None:
        if not schema.sha256:  # a schema built in memory without its hash: not remembered
            return False
        labels = _LABELS[schema.sha256] = frozenset(schema.label_ids)
    return type(label) is str and label in labels


def _check_coder(name: object) -> None:
    """``validate_coder_name``, remembered for the few names a project has."""
    if type(name) is str and name in _VALID_CODERS:
        return
    validate_coder_name(name)
    if type(name) is str and len(_VALID_CODERS) < 1000:
        _VALID_CODERS[name] = None


def to_json(kind: RowKind, row: Row) -> dict[str, Any]:
    """A portable row as it is written in an article's JSONL object."""
    obj = {name: row[column] for column, name in kind.json_fields.items()}
    for column in kind.json_values:
        obj[kind.json_fields[column]] = decode(row[column])
    obj["rev"], obj["rev_file"], obj["seen"] = row["rev"], row["rev_file"], row["seen"]
    return obj
