"""`annotator import --clean`, `trim --clean`, `retitle` and the --cut-at summary, run as a lead
runs them (a new process)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.store import Project
from annotator.core.text import normalize_text
from tests.run_cli import cli, one_line_error

HEADLINE_000 = "論評:NVIDIAの黄仁勳氏、米政府に「H200」輸出認可を要請 中国は慎重姿勢を崩さず"


def lines_of(path: Path) -> list[str]:
    return normalize_text(path.read_text(encoding="utf-8")).split("\n")


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    path = tmp_path / "study.annot"
    assert cli("new", path).returncode == 0
    return path


def test_import_clean_reports_every_removal_and_keeps_the_article(
    proj: Path, seed_files: list[Path]
) -> None:
    result = cli("import", proj, *seed_files, "--clean")
    assert result.returncode == 0, result.stderr
    first, second = lines_of(seed_files[0]), lines_of(seed_files[1])
    assert result.stdout.splitlines() == [
        "imported 2 article(s), 0 annotation(s)",
        f"{seed_files[0]}: removed lines 1-1 (54 chars, navigation before the headline), "
        f"lines 20-42 ({sum(len(x) + 1 for x in first[19:]):,} chars, after the article "
        "(from '更多新聞請搜尋🔍風傳媒'))",
        f"{seed_files[1]}: removed lines 1-1 (1,273 chars, a copy of the article run together "
        "on one line)",
    ]
    assert result.stderr == ""  # no progress bar when stderr is not a terminal
    with Project.open(proj, read_only=True) as p:
        a, b = (p.articles.find(f.stem) for f in seed_files)
        assert (a.text, a.title) == ("\n".join(first[1:19]), HEADLINE_000)
        assert (b.text, b.title) == ("\n".join(second[1:15]), second[1])


def test_clean_with_lines_or_cut_at_is_a_usage_error(proj: Path, seed_files: list[Path]) -> None:
    for option in (["--lines", "2-"], ["--cut-at", "更多新聞"]):
        result = cli("import", proj, *seed_files, "--clean", *option)
        assert result.returncode == 2
        assert "--clean finds the article's lines itself" in result.stderr
    with Project.open(proj, read_only=True) as p:
        assert p.articles.ids() == []


def test_cut_at_misses_are_summarized_in_one_line(proj: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for k in range(3):
        tail = "\n更多新聞\n他の記事" if k == 0 else ""
        (folder / f"{k}.txt").write_text(f"見出し{k}\n本文{k}。{tail}", encoding="utf-8")
    result = cli("import", proj, folder, "--cut-at", "更多新聞")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        f"--cut-at marker '更多新聞' not found in 2 of 3 texts (kept whole): "
        f"{folder / '1.txt'}, {folder / '2.txt'}"]


def test_trim_recomputes_the_title_and_trim_clean_cleans(
    proj: Path, seed_files: list[Path]
) -> None:
    assert cli("import", proj, *seed_files).returncode == 0
    second = lines_of(seed_files[1])
    result = cli("trim", proj, "2", "--lines", "2-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == (
        f"article {seed_files[1].stem!r}: title now {second[1]!r} (it came from a removed line)")
    result = cli("trim", proj, "1", "--clean")
    assert result.returncode == 0, result.stderr
    said = result.stdout.splitlines()
    assert "(removed lines 1-1 (54 chars, navigation before the headline), lines 20-42" in said[0]
    assert said[1] == (f"article {seed_files[0].stem!r}: title now {HEADLINE_000!r} "
                       "(it came from a removed line)")
    with Project.open(proj, read_only=True) as p:
        assert [p.articles.get(i).title for i in p.articles.ids()] == [HEADLINE_000, second[1]]
    usage = cli("trim", proj, "1", "--clean", "--lines", "2-")
    assert usage.returncode == 2 and "or --clean alone" in usage.stderr


def test_retitle(proj: Path, seed_files: list[Path]) -> None:
    assert cli("import", proj, seed_files[0]).returncode == 0
    ref = seed_files[0].stem
    result = cli("retitle", proj, ref, "黄氏、H200輸出を要請")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("-> '黄氏、H200輸出を要請'")
    with Project.open(proj) as p:
        art = p.articles.find(ref)
        assert art.title == "黄氏、H200輸出を要請"
        p.annotations.add(art.id, "alice", p.schema.label_ids[0], 0, 2)
    assert cli("retitle", proj, "1", "注釈のあとで").returncode == 0  # allowed once annotated
    assert "the title is empty" in one_line_error(cli("retitle", proj, "1", " \u3000 "))
    assert "several lines" in one_line_error(cli("retitle", proj, "1", "上\n下"))
    assert "the limit is 300" in one_line_error(cli("retitle", proj, "1", "長" * 301))
    assert "no article '9'" in one_line_error(cli("retitle", proj, "9", "題"))
    with Project.open(proj, read_only=True) as p:
        assert p.articles.find(ref).title == "注釈のあとで"
