"""The coding scheme: labels with their codebook, colours, keys and cue lexicon, and (format 2)
the article codes (:mod:`annotator.core.variables`).

A schema file is JSON validated by ``schemas/framing.schema.json``. A project stores a snapshot of
its schema with a hash, so a project file is whole on its own and two coders' files can be checked
for the same scheme before a merge.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from annotator.core import safejson
from annotator.core.data_files import data_folder
from annotator.core.errors import SchemaError
from annotator.core.limits import MAX_JSON_DEPTH, short_repr, short_text
from annotator.core.variables import Variable, build_variables


@dataclass(frozen=True)
class Label:
    """One frame a coder can give to a span."""

    id: str
    name_ja: str
    name_en: str
    color: str
    key: str
    definition: dict[str, str]
    include: tuple[dict[str, str], ...] = ()
    exclude: tuple[dict[str, str], ...] = ()
    examples: tuple[dict[str, str], ...] = ()
    cue_lemmas: tuple[str, ...] = ()
    cue_surfaces: tuple[str, ...] = ()

    @property
    def display_name(self) -> str:
        """Japanese name with the English one beside it, as coders see it."""
        if self.name_ja and self.name_en:
            return f"{self.name_ja} ({self.name_en})"
        return self.name_ja or self.name_en or self.id


@dataclass(frozen=True)
class Schema:
    """A validated schema; ``data`` is the JSON as written, ``sha256`` its canonical hash."""

    name: str
    version: str
    labels: tuple[Label, ...]
    data: dict[str, Any] = field(repr=False, compare=False)
    sha256: str = ""
    variables: tuple[Variable, ...] = ()

    def variable(self, variable_id: str) -> Variable:
        for var in self.variables:
            if var.id == variable_id:
                return var
        raise KeyError(variable_id)

    def label(self, label_id: str) -> Label:
        for lab in self.labels:
            if lab.id == label_id:
                return lab
        raise KeyError(label_id)

    @property
    def label_ids(self) -> tuple[str, ...]:
        return tuple(lab.id for lab in self.labels)

    def to_json(self) -> str:
        """Canonical JSON: the bytes that are hashed and stored in the project."""
        return canonical_json(self.data)


def canonical_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    meta = json.loads(
        data_folder("schemas").joinpath("framing.schema.json").read_text("utf-8")
    )
    return jsonschema.Draft202012Validator(meta)


def _message(err: Any) -> str:
    """jsonschema's message, bounded: it quotes the whole offending value (a 10,000-item list
    gave a 61 MB line), so that quote is shortened and the rest cut if still long."""
    message = err.message
    if len(message) > 200:
        quoted = repr(err.instance)
        if quoted in message:
            message = message.replace(quoted, short_repr(err.instance))
    return short_text(message)


def _check_label_count(data: Any, source: str) -> None:
    """Refuse too many labels before validating: the validator's message and time grow with
    them, and no key is left for a tenth label anyway."""
    labels = data.get("labels") if isinstance(data, dict) else None
    most = _validator().schema["properties"]["labels"]["maxItems"]
    if isinstance(labels, list) and len(labels) > most:
        raise SchemaError(
            f"{source}: $.labels: {len(labels):,} labels; a schema has at most {most} "
            f"(one for each key 1-{most}); keep the labels coders choose between and drop the rest"
        )


def _check_strings(data: Any, source: str) -> None:
    """A lone surrogate (an escape like \\ud800 without its pair) cannot be stored or hashed."""
    found = safejson.lone_surrogate(data)
    if found is not None:
        path, char, in_key = found
        raise SchemaError(_surrogate_message(source, path, in_key, safejson.surrogate_reason(char)))


def _surrogate_message(source: str, path: list[str | int], in_key: bool, reason: str) -> str:
    if in_key:
        return f"{source}: {safejson.json_path(path[:-1])}: a key holds {reason}"
    return f"{source}: {safejson.json_path(path)}: holds {reason}"


def schema_from_data(data: Any, source: str = "schema") -> Schema:
    """Validate parsed JSON and build a :class:`Schema`; errors name the JSON path and reason.

    The message names the first problem (by place in the file) and counts the others.
    """
    _check_strings(data, source)
    _check_label_count(data, source)
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        more = f" (and {len(errors) - 1:,} more problem(s))" if len(errors) > 1 else ""
        raise SchemaError(
            f"{source}: {safejson.json_path(err.absolute_path)}: {_message(err)}{more}"
        )
    return _build(data, source)


def stored_schema(text: str, sha256: str, source: str) -> Schema:
    """The schema kept in a project: validated when written, so only its hash is checked
    (opening a project then needs no JSON Schema validator, which is slow to load)."""
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != sha256:
        return schema_from_json(text, source)  # changed outside the app: validate fully
    return _build(_loads(text, source), source)


def _build(data: dict[str, Any], source: str) -> Schema:
    seen_ids: dict[str, int] = {}
    seen_keys: dict[str, int] = {}
    for i, lab in enumerate(data["labels"]):
        if lab["id"] in seen_ids:
            raise SchemaError(
                f"{source}: $.labels[{i}].id: {short_repr(lab['id'])} is already used by "
                f"$.labels[{seen_ids[lab['id']]}]; label ids must be unique"
            )
        if lab["key"] in seen_keys:
            raise SchemaError(
                f"{source}: $.labels[{i}].key: key {short_repr(lab['key'])} is already used by "
                f"$.labels[{seen_keys[lab['key']]}]; give each label its own key"
            )
        seen_ids[lab["id"]] = i
        seen_keys[lab["key"]] = i
    labels = tuple(
        Label(
            id=lab["id"],
            name_ja=lab["name"].get("ja", ""),
            name_en=lab["name"].get("en", ""),
            color=lab["color"].upper(),
            key=lab["key"],
            definition=dict(lab["definition"]),
            include=tuple(lab.get("include", ())),
            exclude=tuple(lab.get("exclude", ())),
            examples=tuple(lab.get("examples", ())),
            cue_lemmas=tuple(lab.get("cues", {}).get("lemmas", ())),
            cue_surfaces=tuple(lab.get("cues", {}).get("surfaces", ())),
        )
        for lab in data["labels"]
    )
    if data["format"] == 1 and "article_codes" in data:
        raise SchemaError(f"{source}: $.article_codes: needs \"format\": 2 (format 1 has span "
                          "labels only)")
    text = canonical_json(data)
    return Schema(
        name=data["name"],
        version=data["version"],
        labels=labels,
        data=data,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        variables=build_variables(data.get("article_codes", ()), labels, source),
    )


def _loads(text: str, source: str) -> Any:
    """Parse a schema's JSON; nesting beyond MAX_JSON_DEPTH and lone surrogates are refused."""
    try:
        return safejson.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(
            f"{source}: line {exc.lineno} column {exc.colno}: not valid JSON ({exc.msg})"
        ) from None
    except safejson.JsonProblem as exc:
        if exc.path is not None:
            message = _surrogate_message(source, exc.path, exc.in_key, exc.reason)
            raise SchemaError(message) from None
        if exc.offset is not None:
            line, column = safejson.line_and_column(text, exc.offset)
            raise SchemaError(
                f"{source}: line {line} column {column}: {exc.reason}; a schema file needs "
                f"only a few levels (the limit is {MAX_JSON_DEPTH})"
            ) from None
        raise SchemaError(f"{source}: {exc.reason}") from None


def schema_from_json(text: str, source: str = "schema") -> Schema:
    """Parse and validate a schema file's text; ``source`` names it in messages."""
    return schema_from_data(_loads(text, source), source)


def load_schema(path: str | Path) -> Schema:
    """Read and validate a schema file."""
    from annotator.core.limits import MAX_SCHEMA_FILE_BYTES

    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_SCHEMA_FILE_BYTES:
            raise SchemaError(
                f"{path}: {size:,} bytes is more than a schema file may hold "
                f"({MAX_SCHEMA_FILE_BYTES:,}); is this the right file?")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise SchemaError(f"{path}: no such schema file") from None
    except UnicodeDecodeError:
        raise SchemaError(f"{path}: a schema file must be UTF-8 JSON") from None
    except OSError as exc:
        raise SchemaError(f"{path}: cannot read ({exc.strerror})") from None
    return schema_from_json(text, str(path))


def default_schema() -> Schema:
    """The framing schema shipped with the app (security, economy, self-reliance)."""
    text = data_folder("schemas").joinpath("framing.json").read_text("utf-8")
    return schema_from_json(text, "framing.json")
