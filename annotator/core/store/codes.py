"""The article_codes table: each coder's answers to the schema's article codes, with revisions.

An answer is stored as JSON (see :mod:`annotator.core.variables` for what each type takes);
clearing an answer keeps the row with no value, so a merge cannot bring the old answer back.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from annotator.core.errors import ProjectError
from annotator.core.model import Rev, validate_coder_name
from annotator.core.store import keyed
from annotator.core.variables import Answer

if TYPE_CHECKING:
    from annotator.core.schema import Schema
    from annotator.core.store.project import Project


def encode(value: Answer) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def decode(text: str | None) -> Answer:
    return None if text is None else json.loads(text)


def check_answer(schema: Schema, variable: str, value: Answer) -> Answer:
    """The one rule for an answer this project can hold: a known variable, a value it takes."""
    try:
        var = schema.variable(variable)
    except KeyError:
        known = ", ".join(v.id for v in schema.variables) or "none"
        raise ProjectError(f"unknown article code {variable!r:.60}; this project's article "
                           f"codes are: {known}") from None
    try:
        return var.check(value)
    except ValueError as exc:
        raise ProjectError(str(exc)) from None


class Codes:
    def __init__(self, project: Project) -> None:
        self._p = project

    def answers(self, article_id: int, coder: str) -> dict[str, Any]:
        """One coder's answers for one article (variable -> value), without cleared ones."""
        return {
            variable: decode(value)
            for variable, value in self._p.execute(
                "SELECT variable, value FROM article_codes WHERE article_id = ? AND coder = ? "
                "AND value IS NOT NULL", [article_id, coder],
            )
        }

    def all(self) -> dict[int, dict[str, dict[str, Any]]]:
        """Every answer: article id -> coder -> variable -> value."""
        out: dict[int, dict[str, dict[str, Any]]] = {}
        for article_id, coder, variable, value in self._p.execute(
            "SELECT article_id, coder, variable, value FROM article_codes "
            "WHERE value IS NOT NULL ORDER BY article_id, coder"
        ):
            out.setdefault(article_id, {}).setdefault(coder, {})[variable] = decode(value)
        return out

    def rev(self, article_id: int, coder: str, variable: str) -> Rev | None:
        return keyed.current_rev(self._p, "article_codes",
                                 {"article_id": article_id, "coder": coder, "variable": variable})

    def set(
        self, article_id: int, coder: str, variable: str, value: Answer,
        expect: Rev | None = None,
    ) -> Answer:
        """Answer (or clear, with None) one variable for one article as a local edit; returns
        the previous answer. ``expect`` refuses it if the answer changed since it was seen."""
        value = check_answer(self._p.schema, variable, value)
        self._p.articles.get(article_id, verify=False)
        coder = validate_coder_name(coder)
        with self._p.transaction():
            coder = self._p.coders.add(coder)
            previous = self.answers(article_id, coder).get(variable)
            keyed.upsert(
                self._p, "article_codes",
                {"article_id": article_id, "coder": coder, "variable": variable},
                {"value": encode(value)}, expect,
                "this answer was changed in another window or program; nothing was done",
            )
        return previous
