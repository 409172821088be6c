"""The lemmas an article's cue lookup needs, as they are kept beside its token bounds.

Cue highlights match token lemmas against the schema's cue lemmas. Finding lemmas means
tokenizing with features, which costs about twice what the bounds alone cost, so it used to
happen at an article's first opening (3x the time of just showing a long text). Import now
reads the lemmas with the bounds and keeps this index; the first opening (and the first after
the schema's cues change) only matches it.

Only tokens whose lemma differs from their own text (or holds a ``-``, which the lookup also
cuts at) are listed: a token whose lemma is its text is found by the lookup's other pass, which
looks for every cue written in the text on token edges (:func:`annotator.core.tokenizer.
cues_from_lemmas`). That is about a third of the tokens of a news text.

The stored form is one BLOB: ``uint32`` how many lemmas and how many bytes they take, the
distinct lemmas as UTF-8 joined by U+001F and padded to a multiple of 4 bytes, then for each
lemma ``uint32 count`` and that many token numbers. All integers are native-endian ``array("I")``, as the bounds are.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence

__all__ = ["LemmaIndex", "decode", "encode"]

#: Lemma -> numbers of the tokens (in text order) that have it.
LemmaIndex = dict[str, list[int]]

_SEP = "\x1f"


def encode(index: Mapping[str, Sequence[int]]) -> bytes:
    """The BLOB kept in ``article_tokens.lemmas``."""
    words = list(index)
    raw = _SEP.join(words).encode("utf-8")
    numbers = array("I", [len(words), len(raw)])
    padded = raw + b"\x00" * (-len(raw) % 4)
    body = array("I")
    for word in words:
        tokens = index[word]
        body.append(len(tokens))
        body.extend(tokens)
    return numbers.tobytes() + padded + body.tobytes()


def decode(blob: object, n_tokens: int) -> LemmaIndex | None:
    """The index, or None if the BLOB is not one for an article of ``n_tokens`` tokens (then
    the lemmas are computed again: like every cache here, a damaged one is never fatal)."""
    if not isinstance(blob, bytes) or len(blob) < 8 or len(blob) % 4:
        return None
    head = array("I")
    head.frombytes(blob[:8])
    n_words, size = head
    start = 8 + size + (-size % 4)
    if start > len(blob):
        return None
    try:
        text = blob[8:8 + size].decode("utf-8")
    except UnicodeDecodeError:
        return None
    words = text.split(_SEP) if n_words else []
    if len(words) != n_words:
        return None
    body = array("I")
    body.frombytes(blob[start:])
    index: LemmaIndex = {}
    at = 0
    for word in words:
        if at >= len(body):
            return None
        count = body[at]
        tokens = body[at + 1:at + 1 + count]
        if len(tokens) != count or (count and max(tokens) >= n_tokens):
            return None
        index[word] = tokens.tolist()
        at += 1 + count
    if at != len(body):
        return None
    return index
