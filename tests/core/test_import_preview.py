"""The import preview: reads as the import reads, writes nothing, shows what the import stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.import_preview import preview_import
from annotator.core.import_text import ArticleChoice
from annotator.core.importers import import_at
from annotator.core.new_project import create_project
from annotator.core.store import Project
from annotator.core.text import normalize_text

SEED_0 = "000_fb971bd7b072aebd"
SEED_3 = "003_93ad8a1bf324f6e8"


def lines_of(path: Path, first: int, last: int) -> str:
    return "\n".join(normalize_text(path.read_text(encoding="utf-8")).split("\n")[first - 1:last])


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    path = tmp_path / "study.annot"
    create_project(path)
    return path


def stored(path: Path) -> dict[str, tuple[str, str]]:
    with Project.open(path, read_only=True) as project:
        return {a.external_id: (project.articles.get(a.id).text, a.title)
                for a in project.articles.summaries()}


def test_the_seeds_cleaned_as_the_import_will_store_them(empty: Path,
                                                          seed_files: list[Path]) -> None:
    before = empty.read_bytes()
    preview = preview_import(empty, seed_files)
    assert empty.read_bytes() == before  # read-only: nothing written
    assert [a.external_id for a in preview.articles] == [SEED_0, SEED_3]
    assert [a.encoding for a in preview.articles] == ["utf-8", "utf-8"]
    outcomes = preview.outcomes(True, {})
    assert [(o.first, o.last) for o in outcomes] == [(2, 19), (2, 15)]
    assert outcomes[0].title == "論評:NVIDIAの黄仁勳氏、米政府に「H200」輸出認可を要請 中国は慎重姿勢を崩さず"
    assert outcomes[1].title == lines_of(seed_files[1], 2, 2)
    assert preview.states(outcomes) == ["new", "new"]
    whole = preview.outcomes(False, {})
    assert [(o.first, o.last) for o in whole] == [(1, 42), (1, 15)]
    assert whole[0].text == normalize_text(seed_files[0].read_text(encoding="utf-8"))

    report = import_at(empty, seed_files, clean=True)
    assert len(report.added) == 2
    assert stored(empty) == {SEED_0: (outcomes[0].text, outcomes[0].title),
                             SEED_3: (outcomes[1].text, outcomes[1].title)}
    assert outcomes[0].text.rstrip("\n") == lines_of(seed_files[0], 2, 19)
    assert outcomes[1].text.rstrip("\n") == lines_of(seed_files[1], 2, 15)


def test_choices_change_what_is_shown_and_stored(empty: Path, seed_files: list[Path]) -> None:
    preview = preview_import(empty, seed_files)
    origin = str(seed_files[0])
    choices = {origin: ArticleChoice(lines=(3, 5), title="H200の輸出"),
               str(seed_files[1]): ArticleChoice(skip=True)}
    outcomes = preview.outcomes(True, choices)
    assert (outcomes[0].first, outcomes[0].last, outcomes[0].title) == (3, 5, "H200の輸出")
    assert outcomes[0].text == lines_of(seed_files[0], 3, 5)
    assert preview.states(outcomes) == ["new", "skipped"]
    import_at(empty, seed_files, clean=True, choices=choices)
    assert stored(empty) == {SEED_0: (lines_of(seed_files[0], 3, 5), "H200の輸出")}


def test_texts_the_project_has_and_ids_it_uses(empty: Path, seed_files: list[Path],
                                               tmp_path: Path) -> None:
    import_at(empty, [seed_files[0]], clean=True)
    copy = tmp_path / "copy.txt"  # the same page under another name
    copy.write_bytes(seed_files[0].read_bytes())
    preview = preview_import(empty, [*seed_files, copy])
    cleaned = preview.outcomes(True, {})
    assert preview.states(cleaned) == [f"already in the project as {SEED_0}", "new",
                                       f"already in the project as {SEED_0}"]
    # whole, the page is another text under an id the project already uses: refused
    states = preview.states(preview.outcomes(False, {}))
    assert states[0] == (f"error: {seed_files[0]}: id '{SEED_0}' is already used by another "
                         "article with a different text; give this one another id")
    assert states[1:] == ["new", "new"]  # the refused page is not stored: its copy is new
    # lines the lead keeps that make the text the project has: found again
    preview.look_up([cleaned[0].text])
    again = preview.states(preview.outcomes(True, {str(copy): ArticleChoice(lines=(2, 19))}))
    assert again[2] == f"already in the project as {SEED_0}"


def test_each_bad_file_is_one_row_with_its_line(empty: Path, tmp_path: Path,
                                                seed_files: list[Path]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        json.dumps({"id": "x", "text": "一行目"}, ensure_ascii=False) + "\n{not json\n",
        encoding="utf-8")
    (folder / "b.csv").write_text("id,text\n1,本文です。\n2,\n", encoding="utf-8")
    (folder / "c.txt").write_bytes(seed_files[1].read_bytes())
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    preview = preview_import(empty, [folder])
    assert [a.origin for a in preview.articles] == [str(folder / "a.jsonl"),
                                                    str(folder / "b.csv"), str(folder / "c.txt")]
    assert preview.articles[0].error.startswith(f"{folder / 'a.jsonl'} line 2")
    assert preview.articles[1].error == f"{folder / 'b.csv'} line 3: the 'text' field is empty"
    assert preview.states(preview.outcomes(True, {}))[2] == "new"
    assert preview.notes == [f"{folder}: ignored 1 file(s) that are not .txt/.csv/.jsonl"]
    with pytest.raises(InputError, match="no such file or folder"):
        preview_import(empty, [tmp_path / "missing"])


def test_a_file_read_again_in_another_encoding(empty: Path, tmp_path: Path) -> None:
    text = "中国の国産化\n半導体の輸出規制が続く。"
    path = tmp_path / "euc.txt"
    path.write_bytes(text.encode("euc-jp"))
    preview = preview_import(empty, [path])
    assert preview.articles[0].encoding == "euc-jp" and preview.articles[0].text == text
    preview.reread(str(path), "utf-8")
    assert preview.articles[0].record is None
    assert preview.articles[0].error.startswith(f"{path}: is not valid utf-8")
    preview.reread(str(path), "euc-jp")
    assert (preview.articles[0].encoding, preview.articles[0].text) == ("euc-jp", text)
    assert preview.states(preview.outcomes(True, {})) == ["new"]


def test_progress_names_every_file(empty: Path, seed_files: list[Path]) -> None:
    calls: list[tuple[int, int, str]] = []
    preview_import(empty, seed_files, progress=lambda d, t, w="": calls.append((d, t, w)))
    assert calls == [(0, 2, seed_files[0].name), (1, 2, seed_files[1].name), (2, 2, "")]
