"""Import's worker processes give exactly the token boundaries this process would."""

from __future__ import annotations

from pathlib import Path

from annotator.core.importers import import_paths
from annotator.core.lemma_index import decode
from annotator.core.parallel import MIN_PARALLEL_CHARS, BoundsWorkers
from annotator.core.store import Project
from annotator.core.tokenizer import (
    token_bounds,
    token_bounds_and_lemmas,
    token_bounds_flat,
    tokenizer_id,
)


def seed_variants(seed_files: list[Path], count: int) -> list[str]:
    base = [p.read_text(encoding="utf-8") for p in seed_files]
    return [f"{k}番目の記事\n" + base[k % len(base)] for k in range(count)]


def test_workers_match_serial_tokenizing(seed_files):
    texts = seed_variants(seed_files, 60)
    assert sum(map(len, texts)) >= MIN_PARALLEL_CHARS  # really goes through the pool
    with BoundsWorkers(2) as workers:
        got = list(workers.map(texts))
        assert workers._pool is not None
    assert [tokens.bounds for tokens in got] == [token_bounds_flat(t) for t in texts]
    assert list(zip(got[0].bounds[0::2], got[0].bounds[1::2])) == token_bounds(texts[0])
    for tokens, text in zip(got, texts):  # the lemma index too, as this process makes it
        assert decode(tokens.lemmas, len(tokens.bounds) // 2) == token_bounds_and_lemmas(text)[1]


def test_small_batches_stay_in_process(seed_files):
    with BoundsWorkers(2) as workers:
        got = list(workers.map(seed_variants(seed_files, 2)))
        assert workers._pool is None
    assert len(got) == 2


def test_parallel_import_stores_the_same_bounds(tmp_path: Path, seed_files):
    folder = tmp_path / "many"
    folder.mkdir()
    texts = seed_variants(seed_files, 50)
    for k, text in enumerate(texts):
        (folder / f"{k:03d}.txt").write_text(text, encoding="utf-8")
    results = {}
    for processes in (1, 2):
        with Project.create(tmp_path / f"p{processes}.annot") as project:
            report = import_paths(project, [folder], processes=processes)
            assert len(report.added) == 50
            results[processes] = [
                project.tokens.bounds(i, tokenizer_id()) for i in project.articles.ids()
            ]
    assert results[1] == results[2]
    assert results[2][7] == token_bounds(texts[7])
