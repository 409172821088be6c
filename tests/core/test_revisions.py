"""Revisions without clocks: the order of versions, and the shortcut for one-entry records."""

from __future__ import annotations

import json
import random

import pytest

from annotator.core.errors import ProjectError
from annotator.core.store import revisions
from annotator.core.store.revisions import Order, compare, join


def test_compare_orders_versions_by_what_they_have_seen():
    assert compare({"a": 3}, {"a": 3}) is Order.SAME
    assert compare({"a": 3, "b": 1}, {"a": 2}) is Order.OLDER
    assert compare({"a": 2}, {"a": 2, "b": 5}) is Order.NEWER
    assert compare({"a": 3}, {"a": 2, "b": 5}) is Order.CONFLICT
    assert join({"a": 3}, {"a": 2, "b": 5}) == {"a": 3, "b": 5}


def _slow_parse(text: str):
    try:
        return ("ok", revisions.check_seen(json.loads(text), "x"))
    except (ValueError, ProjectError):
        return ("error",)


def _parse(text: str):
    try:
        return ("ok", revisions.parse_seen(text, "x"))
    except ProjectError:
        return ("error",)


@pytest.mark.parametrize("seed", range(5))
def test_the_one_entry_shortcut_agrees_with_json(seed: int):
    rng = random.Random(seed)
    pieces = ["a", "0f3c", "legacy", "x" * 64, "x" * 65, "é", "", "a-b_c"]
    counters = ["0", "7", "01", "-1", str(2**53 - 1), str(2**53), "1.5", "1e3", "true"]
    for _ in range(2000):
        key, counter = rng.choice(pieces), rng.choice(counters)
        text = rng.choice(['{"%s":%s}', '{"%s": %s}', '{"%s":%s,"z":1}', '["%s",%s]']) % (
            key, counter)
        assert _parse(text) == _slow_parse(text), text
        if _parse(text)[0] == "ok":
            seen = _parse(text)[1]
            assert revisions.dump_seen(seen) == json.dumps(dict(sorted(seen.items())),
                                                          separators=(",", ":"))
