"""Revisions of rows that travel between project files: ordering edits without clocks.

Each row carries its own revision (:class:`~annotator.core.model.Rev`) and ``seen``, the
version vector of the edits it has taken in (file id -> highest counter). Comparing two
versions of a row:

- ``theirs`` seen is contained in ``mine``: nothing new;
- ``mine`` is contained in ``theirs``: theirs is a later edit of the same row, take it;
- neither: two edits that neither file has seen, a *conflict*. The version with the larger
  revision wins, the seen sets are joined, and the conflict is reported.

Because an edit made after seeing another always carries a larger Lamport counter, "the larger
revision" is also the later edit whenever one follows the other; the outcome is the version
with the largest revision among all merged, so merging in any order gives the same file.
"""

from __future__ import annotations

import hashlib
import json
import re
from enum import Enum

from annotator.core.errors import ProjectError

Seen = dict[str, int]

#: Counters above this are refused: they could only come from a forged file, and would let it
#: win every later edit.
MAX_COUNTER = 2**53


class Order(Enum):
    SAME = "same"
    OLDER = "older"  # theirs is already contained in mine
    NEWER = "newer"  # theirs follows mine
    CONFLICT = "conflict"


# Most rows hold one entry (the file that made them); a merge reads, checks and writes the
# ``seen`` of every row, so that form takes a shortcut that gives the same result.
_ONE_ENTRY = re.compile(r'\{"([0-9A-Za-z_-]{1,64})":(0|[1-9][0-9]{0,15})\}')
_PLAIN_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")


def parse_seen(text: str, where: str) -> Seen:
    """A version vector as stored (JSON object of file id -> counter), checked."""
    one = _ONE_ENTRY.fullmatch(text) if type(text) is str else None
    if one is not None and int(one[2]) < MAX_COUNTER:
        return {one[1]: int(one[2])}
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        raise ProjectError(f"{where}: its revision record is damaged; run `annotator check`") from None
    return check_seen(value, where)


def check_seen(value: object, where: str) -> Seen:
    if type(value) is dict and len(value) == 1:  # the common form, checked without a loop
        ((key, counter),) = value.items()
        if (type(key) is str and 0 < len(key) <= 64 and type(counter) is int
                and 0 <= counter < MAX_COUNTER):
            return value
    if not isinstance(value, dict) or len(value) > 10_000:
        raise ProjectError(f"{where}: 'seen' must be an object of file id -> counter")
    for key, counter in value.items():
        if not isinstance(key, str) or not key or len(key) > 64:
            raise ProjectError(f"{where}: 'seen' has a bad file id {key!r:.40}")
        check_counter(counter, where)
    return value


def check_counter(counter: object, where: str) -> int:
    if isinstance(counter, bool) or not isinstance(counter, int) or not 0 <= counter < MAX_COUNTER:
        raise ProjectError(
            f"{where}: revision counter {counter!r:.40} must be a whole number from 0 to 2^53"
        )
    return counter


def dump_seen(seen: Seen) -> str:
    if len(seen) == 1:
        ((file, counter),) = seen.items()
        if type(counter) is int and type(file) is str and _PLAIN_ID.fullmatch(file):
            return f'{{"{file}":{counter}}}'
    return json.dumps(dict(sorted(seen.items())), separators=(",", ":"))


def contains(big: Seen, small: Seen) -> bool:
    return all(big.get(k, -1) >= v for k, v in small.items())


def compare(mine: Seen, theirs: Seen) -> Order:
    mine_has = contains(mine, theirs)
    theirs_has = contains(theirs, mine)
    if mine_has and theirs_has:
        return Order.SAME
    if mine_has:
        return Order.OLDER
    if theirs_has:
        return Order.NEWER
    return Order.CONFLICT


def join(a: Seen, b: Seen) -> Seen:
    out = dict(a)
    for k, v in b.items():
        if out.get(k, -1) < v:
            out[k] = v
    return out


def digest(values: tuple) -> str:
    """A short fingerprint of a row's content: the last tie-breaker between two versions."""
    text = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
