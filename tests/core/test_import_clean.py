"""import_paths with clean-up, the preview's per-record choices and encodings, progress and
cancelling; trim's title and --clean; retitle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.importers import ArticleChoice, TextFilter, import_at, import_paths, trim_article
from annotator.core.progress import Cancelled
from annotator.core.records import default_title
from annotator.core.store import Project
from annotator.core.text import normalize_text
from annotator.core.trim import retitle_article

HEADLINE_000 = "論評:NVIDIAの黄仁勳氏、米政府に「H200」輸出認可を要請 中国は慎重姿勢を崩さず"


def seed_lines(path: Path) -> list[str]:
    return normalize_text(path.read_text(encoding="utf-8")).split("\n")


def article(project: Project, ref: str):
    return project.articles.find(ref)


def rows(project: Project, table: str) -> int:
    return project.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_clean_import_of_the_seeds_keeps_the_article_proper(
    project: Project, seed_files: list[Path]
) -> None:
    report = import_paths(project, seed_files, clean=True)
    first, second = (seed_lines(p) for p in seed_files)
    a = article(project, seed_files[0].stem)
    assert a.text == "\n".join(first[1:19]) and a.title == HEADLINE_000
    b = article(project, seed_files[1].stem)
    assert b.text == "\n".join(second[1:15]) and b.title == second[1]
    assert [(origin, c.first, c.last) for origin, c in report.cleanups] == [
        (str(seed_files[0]), 2, 19), (str(seed_files[1]), 2, 15)]
    summary = report.summary().splitlines()
    assert summary[1] == (
        f"{seed_files[0]}: removed lines 1-1 ({len(first[0]) + 1} chars, navigation before the "
        f"headline), lines 20-42 ({sum(len(x) + 1 for x in first[19:]):,} chars, after the "
        "article (from '更多新聞請搜尋🔍風傳媒'))")
    assert summary[2] == (f"{seed_files[1]}: removed lines 1-1 ({len(second[0]) + 1:,} chars, "
                          "a copy of the article run together on one line)")


def test_without_clean_the_title_stays_the_first_line(
    project: Project, seed_files: list[Path]
) -> None:
    report = import_paths(project, seed_files[:1])
    text = "\n".join(seed_lines(seed_files[0]))
    assert article(project, seed_files[0].stem).title == default_title(text)
    assert report.cleanups == []


def test_clean_refuses_lines_and_cut_at(project: Project, seed_files: list[Path]) -> None:
    with pytest.raises(InputError, match="without --lines/--cut-at"):
        import_paths(project, seed_files, text_filter=TextFilter(cut_at="更多新聞"), clean=True)
    assert project.articles.ids() == []


def test_a_csv_title_is_kept_and_an_untitled_row_gets_the_headline(
    project: Project, tmp_path: Path, seed_files: list[Path]
) -> None:
    import csv

    path = tmp_path / "pages.csv"
    page = "\n".join(seed_lines(seed_files[0]))
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["id", "title", "text"])
        writer.writerow(["titled", "編集部の題", page])
        writer.writerow(["untitled", "", page.replace("H200", "H100")])
    report = import_paths(project, [path], clean=True)
    assert article(project, "titled").title == "編集部の題"
    assert article(project, "untitled").title == HEADLINE_000.replace("H200", "H100")
    assert article(project, "titled").text == "\n".join(seed_lines(seed_files[0])[1:19])
    assert [c.first for _origin, c in report.cleanups] == [2, 2]


def test_a_text_with_annotations_is_not_cleaned(project: Project, tmp_path: Path) -> None:
    text = "トップ ニュース\n見出しの行\n" + "本文の文です。" * 30
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": text, "annotations": [
        {"coder": "alice", "label": project.schema.label_ids[0], "start": 0, "end": 3}]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    report = import_paths(project, [path], clean=True)
    assert article(project, "a").text == text and report.cleanups == []


def test_choices_set_lines_title_or_skip_per_record(
    project: Project, seed_files: list[Path]
) -> None:
    choices = {str(seed_files[0]): ArticleChoice(lines=(3, 5), title=" 手で付けた題 "),
               str(seed_files[1]): ArticleChoice(skip=True)}
    report = import_paths(project, seed_files, clean=True, choices=choices)
    a = article(project, seed_files[0].stem)
    assert a.text == "\n".join(seed_lines(seed_files[0])[2:5]) and a.title == "手で付けた題"
    assert project.articles.by_external_id(seed_files[1].stem) is None
    assert report.skipped == [(str(seed_files[1]), "left out in the preview")]
    assert report.cleanups == []  # the lead's lines replace the clean-up


def test_a_title_only_choice_keeps_the_clean_up(project: Project, seed_files: list[Path]) -> None:
    import_paths(project, seed_files[1:], clean=True,
                 choices={str(seed_files[1]): ArticleChoice(title="別の題")})
    a = article(project, seed_files[1].stem)
    assert a.title == "別の題" and a.text == "\n".join(seed_lines(seed_files[1])[1:15])


@pytest.mark.parametrize("choice, message", [
    (ArticleChoice(lines=(50, 60)), "the text has only 42 line"),
    (ArticleChoice(lines=(5, 2)), "must not be empty"),
    (ArticleChoice(title="一行目\n二行目"), "several lines"),
    (ArticleChoice(title="題" * 301), "the limit is 300"),
])
def test_bad_choices_are_refused_naming_the_file(
    project: Project, seed_files: list[Path], choice: ArticleChoice, message: str
) -> None:
    with pytest.raises(InputError) as info:
        import_paths(project, seed_files, choices={str(seed_files[0]): choice})
    assert str(info.value).startswith(str(seed_files[0])) and message in str(info.value)
    assert project.articles.ids() == []


def test_encodings_are_given_per_file(project: Project, tmp_path: Path) -> None:
    tmp_path = tmp_path / "pages"
    tmp_path.mkdir()
    sjis, utf8 = tmp_path / "sjis.txt", tmp_path / "utf8.txt"
    sjis.write_bytes("見出し\n本文です。".encode("cp932"))
    utf8.write_text("別の見出し\n本文です。", encoding="utf-8")
    report = import_paths(project, [tmp_path], encodings={str(sjis): "cp932"})
    assert article(project, "sjis").text == "見出し\n本文です。"
    assert report.encodings == {str(sjis): "cp932", str(utf8): "utf-8"}


def test_cut_at_misses_are_one_summary_line(project: Project, tmp_path: Path) -> None:
    tmp_path = tmp_path / "pages"
    tmp_path.mkdir()
    for k in range(8):
        marker = "更多新聞\n他の話" if k % 4 == 0 else ""
        (tmp_path / f"{k}.txt").write_text(f"見出し{k}\n本文{k}。\n{marker}", encoding="utf-8")
    report = import_paths(project, [tmp_path], text_filter=TextFilter(cut_at="更多新聞"))
    assert report.notes == [
        "--cut-at marker '更多新聞' not found in 6 of 8 texts (kept whole): "
        + ", ".join(str(tmp_path / f"{k}.txt") for k in (1, 2, 3, 5, 6)) + " … and 1 more"]


def test_progress_hears_every_file_and_never_goes_back(
    project: Project, tmp_path: Path
) -> None:
    tmp_path = tmp_path / "pages"
    tmp_path.mkdir()
    for k in range(5):
        (tmp_path / f"{k}.txt").write_text(f"見出し{k}\n本文{k}。", encoding="utf-8")
    calls: list[tuple[int, int, str]] = []
    import_paths(project, [tmp_path], progress=lambda *call: calls.append(call))
    done = [d for d, _total, _what in calls]
    assert done == sorted(done) and calls[-1] == (5, 5, "")
    assert {what for _d, _t, what in calls} >= {f"{k}.txt" for k in range(5)}
    assert {total for _d, total, _w in calls} == {5}


def test_cancelling_halfway_stores_nothing(project: Project, tmp_path: Path) -> None:
    tmp_path = tmp_path / "pages"
    tmp_path.mkdir()
    for k in range(6):
        (tmp_path / f"{k}.txt").write_text(f"見出し{k}\n本文{k}。", encoding="utf-8")

    def cancel(done: int, total: int, what: str) -> None:
        if done >= total // 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        import_paths(project, [tmp_path], progress=cancel)
    assert project.articles.ids() == []
    assert rows(project, "articles") == 0 and rows(project, "article_tokens") == 0


def test_import_at_opens_the_project_itself(
    project: Project, seed_files: list[Path]
) -> None:
    report = import_at(project.path, seed_files, clean=True)
    assert len(report.added) == 2
    assert article(project, seed_files[1].stem).text == "\n".join(seed_lines(seed_files[1])[1:15])


# --- trim and retitle --------------------------------------------------------------------


def test_trim_recomputes_a_title_from_a_removed_line(
    project: Project, seed_files: list[Path]
) -> None:
    import_paths(project, seed_files[1:])
    lines = seed_lines(seed_files[1])
    said = trim_article(project, "1", TextFilter(lines=(2, None)))
    assert article(project, "1").title == lines[1]
    assert said.splitlines()[1] == (f"article {seed_files[1].stem!r}: title now {lines[1]!r} "
                                    "(it came from a removed line)")


def test_trim_keeps_a_title_the_kept_text_still_has(
    project: Project, seed_files: list[Path]
) -> None:
    import_paths(project, seed_files[1:], text_filter=TextFilter(lines=(2, None)))
    said = trim_article(project, "1", TextFilter(lines=(1, 12)))
    assert article(project, "1").title == seed_lines(seed_files[1])[1]
    assert "title" not in said


def test_trim_clean_cleans_an_unannotated_article(
    project: Project, seed_files: list[Path]
) -> None:
    import_paths(project, seed_files[:1])
    said = trim_article(project, "1", clean=True)
    a = article(project, "1")
    assert a.text == "\n".join(seed_lines(seed_files[0])[1:19]) and a.title == HEADLINE_000
    assert "removed lines 1-1" in said and "title now" in said
    assert trim_article(project, "1", clean=True).endswith("unchanged (nothing to clean)")


def test_retitle_works_after_annotation_and_refuses_bad_titles(
    project: Project, seed_files: list[Path]
) -> None:
    import_paths(project, seed_files[:1])
    aid = project.articles.ids()[0]
    project.annotations.add(aid, "alice", project.schema.label_ids[0], 0, 2)
    assert retitle_article(project, "1", "  新しい題 ").endswith("-> '新しい題'")
    assert article(project, "1").title == "新しい題"
    for bad in ("", "  \u3000", "上\n下", "x" * 301):
        with pytest.raises(AnnotatorError):
            retitle_article(project, "1", bad)
    assert article(project, "1").title == "新しい題"
