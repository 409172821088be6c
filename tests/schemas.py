"""Schemas the tests share: the default one with a `multi` article code added."""

from __future__ import annotations

import copy

from annotator.core.schema import Schema, default_schema, schema_from_data


def with_multi_data(only_if_relevant: bool = True) -> dict:
    """The default schema's data plus `actors` (multi: us, china, japan), asked only for
    relevant articles unless ``only_if_relevant`` is False."""
    data = copy.deepcopy(default_schema().data)
    variable = {
        "id": "actors", "type": "multi", "name": {"ja": "行為者", "en": "Actors"},
        "definition": {"en": "Which governments act in the article."},
        "options": [{"id": "us", "name": {"en": "US"}}, {"id": "china", "name": {"en": "China"}},
                    {"id": "japan", "name": {"en": "Japan"}}],
    }
    if only_if_relevant:
        variable["applies_if"] = {"relevance": True}
    data["article_codes"].append(variable)
    return data


def schema_with_multi() -> Schema:
    return schema_from_data(with_multi_data(), "multi schema")
