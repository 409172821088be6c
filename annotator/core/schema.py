"""The coding scheme: labels with their codebook, colours, keys and cue lexicon.

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

from annotator.core.data_files import data_folder
from annotator.core.errors import SchemaError


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


def _json_path(parts: Any) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def schema_from_data(data: Any, source: str = "schema") -> Schema:
    """Validate parsed JSON and build a :class:`Schema`; errors name the JSON path and reason."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        raise SchemaError(f"{source}: {_json_path(err.absolute_path)}: {err.message}{more}")
    return _build(data, source)


def stored_schema(text: str, sha256: str, source: str) -> Schema:
    """The schema kept in a project: validated when written, so only its hash is checked
    (opening a project then needs no JSON Schema validator, which is slow to load)."""
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != sha256:
        return schema_from_json(text, source)  # changed outside the app: validate fully
    return _build(json.loads(text), source)


def _build(data: dict[str, Any], source: str) -> Schema:
    seen_ids: dict[str, int] = {}
    seen_keys: dict[str, int] = {}
    for i, lab in enumerate(data["labels"]):
        if lab["id"] in seen_ids:
            raise SchemaError(
                f"{source}: $.labels[{i}].id: {lab['id']!r} is already used by "
                f"$.labels[{seen_ids[lab['id']]}]; label ids must be unique"
            )
        if lab["key"] in seen_keys:
            raise SchemaError(
                f"{source}: $.labels[{i}].key: key {lab['key']!r} is already used by "
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
    text = canonical_json(data)
    return Schema(
        name=data["name"],
        version=data["version"],
        labels=labels,
        data=data,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def schema_from_json(text: str, source: str = "schema") -> Schema:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(
            f"{source}: line {exc.lineno} column {exc.colno}: not valid JSON ({exc.msg})"
        ) from None
    return schema_from_data(data, source)


def load_schema(path: str | Path) -> Schema:
    """Read and validate a schema file."""
    path = Path(path)
    try:
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
