"""The token and cue caches: derived data, so a damaged or stale entry is rebuilt, never fatal.

Token boundaries are computed at import (for snapping and agreement), with the lemmas the cue
lookup needs (:mod:`annotator.core.lemma_index`, in the same row so that new bounds always
replace or clear them); cue spans the first time an article is opened, from those lemmas. All
are tied to the tokenizer (and the cues to the schema) that produced them.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import chain
from typing import TYPE_CHECKING

from annotator.core import lemma_index

if TYPE_CHECKING:
    from annotator.core.store.project import Project


def _flat(blob: object, width: int, text_length: int | None) -> array | None:
    """The blob as an array of ``width``-tuples laid flat, or None if it cannot be one."""
    if not isinstance(blob, bytes) or len(blob) % (4 * width):
        return None
    flat = array("I")
    flat.frombytes(blob)
    if text_length is not None and len(flat) and max(flat[1::width]) > text_length:
        return None
    return flat


class TokenCache:
    def __init__(self, project: Project) -> None:
        self._p = project

    def store_bounds(
        self, article_id: int, bounds: Sequence[tuple[int, int]] | array, tokenizer: str,
        lemmas: bytes | None = None,
    ) -> None:
        """Keep an article's token boundaries: (start, end) pairs or an array of them laid flat,
        with their encoded lemma index (None: not known, and any kept before is dropped)."""
        flat = bounds if isinstance(bounds, array) else array("I", chain.from_iterable(bounds))
        with self._p.transaction():
            self._p.execute(
                "INSERT INTO article_tokens (article_id, tokenizer, bounds, lemmas) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET "
                "tokenizer = excluded.tokenizer, bounds = excluded.bounds, "
                "lemmas = excluded.lemmas",
                [article_id, tokenizer, flat.tobytes(), lemmas],
            )

    def store_cues(
        self,
        article_id: int,
        schema_sha256: str,
        tokenizer: str,
        cues: Sequence[tuple[int, int, int]] | array,
    ) -> None:
        """Keep an article's cue spans as (start, end, label index) for the next opening."""
        flat = cues if isinstance(cues, array) else array("I", chain.from_iterable(cues))
        with self._p.transaction():
            self._p.execute(
                "INSERT INTO article_cues (article_id, schema_sha256, tokenizer, cues) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET "
                "schema_sha256 = excluded.schema_sha256, tokenizer = excluded.tokenizer, "
                "cues = excluded.cues",
                [article_id, schema_sha256, tokenizer, flat.tobytes()],
            )

    def forget_cues(self, article_id: int) -> None:
        with self._p.transaction():
            self._p.execute("DELETE FROM article_cues WHERE article_id = ?", [article_id])

    def cues(
        self, article_id: int, schema_sha256: str, tokenizer: str, text_length: int | None = None
    ) -> list[tuple[int, int, int]] | None:
        """Cached cue spans, or None when missing, stale or unreadable (then recompute)."""
        row = self._p.execute(
            "SELECT schema_sha256, tokenizer, cues FROM article_cues WHERE article_id = ?",
            [article_id],
        ).fetchone()
        if row is None or row[0] != schema_sha256 or row[1] != tokenizer:
            return None
        flat = _flat(row[2], 3, text_length)
        if flat is None:
            return None
        n_labels = len(self._p.schema.label_ids)
        if any(k >= n_labels for k in flat[2::3]):
            return None
        return list(zip(flat[0::3], flat[1::3], flat[2::3]))

    def bounds(
        self, article_id: int, tokenizer: str, text_length: int | None = None
    ) -> list[tuple[int, int]] | None:
        """Token boundaries stored at import, if from the same tokenizer and readable."""
        flat = self.bounds_flat(article_id, tokenizer, text_length)
        return None if flat is None else list(zip(flat[0::2], flat[1::2]))

    def bounds_and_lemmas(
        self, article_id: int, tokenizer: str, text_length: int | None = None
    ) -> tuple[array | None, lemma_index.LemmaIndex | None]:
        """Bounds laid flat (as :meth:`bounds_flat`) and the lemma index stored with them; each
        None when missing, from another tokenizer or unreadable."""
        row = self._p.execute(
            "SELECT tokenizer, bounds, lemmas FROM article_tokens WHERE article_id = ?",
            [article_id],
        ).fetchone()
        if row is None or row[0] != tokenizer:
            return None, None
        flat = _flat(row[1], 2, text_length)
        if flat is None or row[2] is None:
            return flat, None
        return flat, lemma_index.decode(row[2], len(flat) // 2)

    def bounds_flat(
        self, article_id: int, tokenizer: str, text_length: int | None = None
    ) -> array | None:
        """The same, laid flat (start, end, start, end, ...), without a tuple per token."""
        row = self._p.execute(
            "SELECT tokenizer, bounds FROM article_tokens WHERE article_id = ?", [article_id]
        ).fetchone()
        if row is None or row[0] != tokenizer:
            return None
        return _flat(row[1], 2, text_length)

    def problems(self, article_id: int, text_length: int) -> list[str]:
        """What is wrong with an article's cached blobs (for `annotator check`)."""
        found = []
        for table, column, width in (("article_tokens", "bounds", 2), ("article_cues", "cues", 3)):
            row = self._p.execute(
                f"SELECT {column} FROM {table} WHERE article_id = ?", [article_id]
            ).fetchone()
            if row is not None and _flat(row[0], width, text_length) is None:
                found.append(f"its {'token' if width == 2 else 'cue'} cache is unreadable "
                             "(it will be rebuilt when next needed)")
        return found
