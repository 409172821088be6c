"""Tokenizing many texts on every core: what makes importing thousands of articles fast.

Workers send token boundaries back as bytes (cheap to pickle); the parent stores them while
the workers tokenize the next texts. Small batches, one-core machines, or a pool that cannot
start (a sandbox, a frozen build without freeze_support) tokenize in this process instead.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from annotator.core.tokenizer import token_bounds_flat

#: Below this many characters in a batch, starting worker processes costs more than it saves.
MIN_PARALLEL_CHARS = 200_000


def _bounds_bytes(text: str) -> bytes:
    return token_bounds_flat(text).tobytes()


def _from_bytes(data: bytes) -> array:
    flat = array("I")
    flat.frombytes(data)
    return flat


class BoundsWorkers:
    """``with BoundsWorkers() as workers: for bounds in workers.map(texts): ...``"""

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

    def map(self, texts: Sequence[str]) -> Iterator[array]:
        """Token boundaries of each text, in order, laid flat (start, end, start, end, ...)."""
        pool = None
        if sum(map(len, texts)) >= MIN_PARALLEL_CHARS:
            pool = self._executor()
        if pool is None:
            yield from map(token_bounds_flat, texts)
            return
        chunk = max(1, len(texts) // (self.processes * 8))
        done = 0
        try:
            for data in pool.map(_bounds_bytes, texts, chunksize=chunk):
                yield _from_bytes(data)
                done += 1
        except (BrokenProcessPool, OSError):
            self._broken = True
            yield from map(token_bounds_flat, texts[done:])
