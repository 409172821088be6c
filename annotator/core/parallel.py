"""Tokenizing many texts on every core: what makes importing thousands of articles fast.

Workers send token boundaries, and the lemmas the cue lookup needs
(:mod:`annotator.core.lemma_index`), back as bytes (cheap to pickle); the parent stores them
while the workers tokenize the next texts. Small batches, one-core machines, or a pool that cannot
start (a sandbox, a frozen build without freeze_support) tokenize in this process instead.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import NamedTuple

from annotator.core import lemma_index
from annotator.core.tokenizer import token_bounds_and_lemmas

#: Below this many characters in a batch, starting worker processes costs more than it saves.
MIN_PARALLEL_CHARS = 200_000


class TextTokens(NamedTuple):
    """What import keeps of a text's tokens: bounds laid flat (start, end, ...) and the
    encoded lemma index."""

    bounds: array
    lemmas: bytes


def text_tokens(text: str) -> TextTokens:
    flat, lemmas = token_bounds_and_lemmas(text)
    return TextTokens(flat, lemma_index.encode(lemmas))


def _tokens_bytes(text: str) -> tuple[bytes, bytes]:
    tokens = text_tokens(text)
    return tokens.bounds.tobytes(), tokens.lemmas


def _from_bytes(data: tuple[bytes, bytes]) -> TextTokens:
    flat = array("I")
    flat.frombytes(data[0])
    return TextTokens(flat, data[1])


class BoundsWorkers:
    """``with BoundsWorkers() as workers: for tokens in workers.map(texts): ...``"""

    def __init__(self, processes: int | None = None) -> None:
        cores = os.cpu_count() or 1
        self.processes = processes if processes is not None else min(cores, 4)
        self._pool: Executor | None = None
        self._broken = False

    def __enter__(self) -> BoundsWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _executor(self) -> Executor | None:
        if self.processes < 2 or self._broken:
            return None
        if self._pool is None:
            try:
                self._pool = ProcessPoolExecutor(max_workers=self.processes)
            except (OSError, NotImplementedError, ValueError):
                self._broken = True
                return None
        return self._pool

    def map(self, texts: Sequence[str]) -> Iterator[TextTokens]:
        """The :class:`TextTokens` of each text, in order."""
        pool = None
        if sum(map(len, texts)) >= MIN_PARALLEL_CHARS:
            pool = self._executor()
        if pool is None:
            yield from map(text_tokens, texts)
            return
        chunk = max(1, len(texts) // (self.processes * 8))
        done = 0
        try:
            for data in pool.map(_tokens_bytes, texts, chunksize=chunk):
                yield _from_bytes(data)
                done += 1
        except (BrokenProcessPool, OSError):
            self._broken = True
            yield from map(text_tokens, texts[done:])
