"""Article codes: the questions a coder answers about each article as a whole.

A schema of format 2 lists them under ``article_codes`` (see README, *Schema files*). This module
holds their types and the one place for their rules: which values an answer may take, when a
variable applies (``applies_if``), and what is still missing before an article can be done.

Answers are plain JSON values: an option id (``single``, ``ordinal``), a list of option ids in
the schema's order (``multi``), ``true``/``false`` (``boolean``); ``None`` is no answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.errors import SchemaError
from annotator.core.limits import short_repr

TYPES = ("single", "multi", "ordinal", "boolean")
Answer = Any  # str | list[str] | bool | None


@dataclass(frozen=True)
class Option:
    id: str
    name_ja: str
    name_en: str
    key: str = ""

    @property
    def display_name(self) -> str:
        return self.name_ja or self.name_en or self.id


@dataclass(frozen=True)
class Variable:
    id: str
    name_ja: str
    name_en: str
    type: str
    definition: dict[str, str]
    options: tuple[Option, ...] = ()
    required: bool = False
    applies_if: tuple[str, Any] | None = None  # (variable id, the answer it must have)
    include: tuple[dict[str, str], ...] = ()
    exclude: tuple[dict[str, str], ...] = ()
    examples: tuple[dict[str, str], ...] = ()

    @property
    def display_name(self) -> str:
        if self.name_ja and self.name_en:
            return f"{self.name_ja} ({self.name_en})"
        return self.name_ja or self.name_en or self.id

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    def check(self, value: Answer) -> Answer:
        """The answer as stored, or ValueError saying what this variable accepts."""
        if value is None:
            return None
        if self.type == "boolean":
            if type(value) is not bool:
                raise ValueError(f"{self.id!r} is yes/no: write true or false, not {short_repr(value)}")
            return value
        ids = self.option_ids
        if self.type == "multi":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{self.id!r} takes a list of option ids, not {short_repr(value)}")
            unknown = [v for v in value if v not in ids]
            if unknown:
                raise ValueError(f"{self.id!r} has no option {short_repr(unknown[0])}; "
                                 f"its options are: {', '.join(ids)}")
            return [i for i in ids if i in value]  # schema order, no duplicates
        if not isinstance(value, str) or value not in ids:
            raise ValueError(f"{self.id!r} has no option {short_repr(value)}; "
                             f"its options are: {', '.join(ids)}")
        return value

    def applies(self, answers: Mapping[str, Answer]) -> bool:
        """Whether the question is asked, given the article's other answers (already
        restricted to the variables that apply, see :func:`effective`)."""
        if self.applies_if is None:
            return True
        other, wanted = self.applies_if
        got = answers.get(other)
        return wanted in got if isinstance(got, list) else got == wanted


def answered(value: Answer) -> bool:
    """Whether there is an answer: ``[]`` is one (a ``multi`` with none of its options)."""
    return value is not None


def effective(variables: Sequence[Variable], answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """The answers that count: those of variables that apply (a variable applies only when the
    one it depends on applies and has the answer it asks for)."""
    out: dict[str, Answer] = {}
    for var in variables:
        if var.applies(out) and answered(answers.get(var.id)):
            out[var.id] = answers[var.id]
    return out


def shown(variables: Sequence[Variable], answers: Mapping[str, Answer]) -> list[Variable]:
    """The variables to ask about now, in schema order."""
    counted = effective(variables, answers)
    return [var for var in variables if var.applies(counted)]


def missing_required(
    variables: Sequence[Variable], answers: Mapping[str, Answer]
) -> list[Variable]:
    """Required variables that apply and have no answer: the article cannot be done yet."""
    counted = effective(variables, answers)
    return [v for v in shown(variables, answers) if v.required and v.id not in counted]


def build_variables(
    data: Sequence[Mapping[str, Any]], labels: Sequence[Any], source: str
) -> tuple[Variable, ...]:
    """Variables from a schema's ``article_codes`` (already valid JSON Schema), with the checks
    JSON Schema cannot make; errors name the JSON path."""
    built: list[Variable] = []
    for i, raw in enumerate(data):
        at = f"{source}: $.article_codes[{i}]"
        if raw["id"] in {v.id for v in built}:
            raise SchemaError(f"{at}.id: {short_repr(raw['id'])} is already used; "
                              "variable ids must be unique")
        options = _options(raw, labels, at)
        if raw["type"] == "boolean" and options:
            raise SchemaError(f"{at}.options: a boolean variable is yes/no and has no options")
        if raw["type"] != "boolean" and len(options) < 2:
            raise SchemaError(f"{at}.options: a {raw['type']} variable needs at least two options")
        if raw.get("options_from") and raw["type"] not in ("single", "multi"):
            raise SchemaError(f"{at}.options_from: only single and multi variables take their "
                              "options from the labels")
        built.append(Variable(
            id=raw["id"], name_ja=raw["name"].get("ja", ""), name_en=raw["name"].get("en", ""),
            type=raw["type"], definition=dict(raw["definition"]), options=options,
            required=bool(raw.get("required", False)),
            applies_if=_condition(raw, built, at),
            include=tuple(raw.get("include", ())), exclude=tuple(raw.get("exclude", ())),
            examples=tuple(raw.get("examples", ())),
        ))
    return tuple(built)


def _options(raw: Mapping[str, Any], labels: Sequence[Any], at: str) -> tuple[Option, ...]:
    options = []
    if raw.get("options_from") == "labels":
        options += [Option(lab.id, lab.name_ja, lab.name_en) for lab in labels]
    options += [Option(o["id"], o["name"].get("ja", ""), o["name"].get("en", ""), o.get("key", ""))
                for o in raw.get("options", ())]
    seen_ids: set[str] = set()
    seen_keys: set[str] = set()
    for k, option in enumerate(options):
        if option.id in seen_ids:
            raise SchemaError(f"{at}.options: option {short_repr(option.id)} is listed twice "
                              "(a label's id counts with options_from)")
        if option.key and option.key in seen_keys:
            raise SchemaError(f"{at}.options: key {short_repr(option.key)} is used twice")
        seen_ids.add(option.id)
        seen_keys.add(option.key)
    return tuple(options)


def _condition(raw: Mapping[str, Any], earlier: list[Variable], at: str) -> tuple[str, Any] | None:
    condition = raw.get("applies_if")
    if not condition:
        return None
    ((other, wanted),) = condition.items()
    target = next((v for v in earlier if v.id == other), None)
    if target is None:
        raise SchemaError(f"{at}.applies_if: {short_repr(other)} is not a variable listed before "
                          "this one")
    try:
        if target.type == "multi":
            target.check([wanted])
        else:
            target.check(wanted)
    except ValueError as exc:
        raise SchemaError(f"{at}.applies_if: {exc}") from None
    return other, wanted
