"""A master project of real articles (from the seeds) for the rounds and copies tests."""

from __future__ import annotations

from pathlib import Path

from annotator.core.importers import import_paths
from annotator.core.store import Project
from annotator.core.tokenizer import tokenizer_id


def make_master(tmp_path: Path, seed_files: list[Path], count: int = 6) -> Project:
    """``count`` articles a0.. (short texts of the two seeds, each with its own first line)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    base = [p.read_text(encoding="utf-8")[:700] for p in seed_files]
    for k in range(count):
        (folder / f"a{k}.txt").write_text(f"記事{k}\n" + base[k % 2], encoding="utf-8")
    project = Project.create(tmp_path / "master.annot")
    import_paths(project, [folder])
    return project


def token_span(project: Project, article_id: int, first: int, last: int) -> tuple[int, int]:
    """The offsets of tokens ``first..last`` (inclusive) of an article."""
    bounds = project.tokens.bounds(article_id, tokenizer_id())
    return bounds[first][0], bounds[last][1]


def code(project: Project, article_id: int, coder: str, label: str, first: int, last: int,
         done: bool = True) -> None:
    """``coder`` marks tokens ``first..last`` with ``label`` (and the article done)."""
    start, end = token_span(project, article_id, first, last)
    project.annotations.add(article_id, coder, label, start, end)
    if done:
        project.statuses.set(article_id, coder, "done")
