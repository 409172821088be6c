"""Cue words in the exported data (issue 16, point 3): the span CSV, the workbook and JSONL say
whether each span overlaps a cue word of its own label or of another, and whether its coder saw
the cue underlines in that article (a cue-free copy merged in). Real project files, the default
schema's lexicon, the real tokenizer, the real CLI and readers (csv with the BOM, openpyxl)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.assign import assign
from annotator.core.cue_overlap import ArticleCues
from annotator.core.errors import InputError
from annotator.core.export_files import export_at
from annotator.core.exporters import ANNOTATION_CSV
from annotator.core.importers import import_paths
from annotator.core.merge import merge
from annotator.core.session import Session
from annotator.core.store import Project
from annotator.core.tokenizer import CueSpan

#: Two articles holding cue words of the default schema (schemas/framing.json): 安全保障
#: (a surface) and 懸念 (a lemma) of security_concern; 利益, 市場, 価格 (lemmas) and 中国市場,
#: 競争力 (surfaces) of economic_interest.
TEXTS = {
    "a": "政府は安全保障上の懸念を示したが、企業は利益を重視する。",
    "b": "中国市場の競争力が高まり、価格が下がった。",
}
#: (article, coder, covered text, label) -> (cue_own, cue_other, cues_shown)
#: alice codes a copy with cues, bob a cue-free copy, carol in the master (no condition: 1).
EXPECTED = {
    ("a", "alice", "安全保障上の懸念", "security_concern"): (1, 0, 1),
    ("a", "alice", "懸念", "economic_interest"): (0, 1, 1),
    ("a", "alice", "政府", "self_reliance"): (0, 0, 1),
    ("b", "alice", "中国市場", "self_reliance"): (0, 1, 1),
    ("a", "bob", "利益を重視", "economic_interest"): (1, 0, 0),
    ("a", "bob", "懸念を示したが、企業は利益", "economic_interest"): (1, 1, 0),
    ("a", "bob", "企業は", "security_concern"): (0, 0, 0),  # ends where 利益 begins
    ("a", "bob", "保障上", "security_concern"): (1, 0, 0),  # inside 安全保障, not 安全
    ("b", "bob", "力が", "economic_interest"): (1, 0, 0),  # the end of 競争力
    ("b", "carol", "価格", "economic_interest"): (1, 0, 1),
}


def _code(path: Path, coder: str) -> None:
    with Project.open(path) as project:
        ids = {project.articles.get(a).external_id: a for a in project.articles.ids()}
        for (article, who, covered, label) in EXPECTED:
            if who == coder:
                start = TEXTS[article].index(covered)
                project.annotations.add(ids[article], coder, label, start, start + len(covered))


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """A master with alice's copy (cues) and bob's cue-free copy merged in, and carol's spans
    made in the master."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "master.annot"
    with Project.create(path) as master:
        import_paths(master, [folder])
        assign(master, "alice", tmp_path / "alice.annot")
        assign(master, "bob", tmp_path / "bob.annot", cues="off")
    _code(tmp_path / "alice.annot", "alice")
    _code(tmp_path / "bob.annot", "bob")
    _code(path, "carol")
    with Project.open(path) as master:
        merge(master, [tmp_path / "alice.annot", tmp_path / "bob.annot"])
    return path


def test_the_hand_made_articles_hold_the_cue_words_the_window_underlines(study: Path):
    """The expectations above rest on these cue words: the same the window shows."""
    with Project.open(study, read_only=True) as project:
        session = Session(project, "carol")
        found = {}
        for article_id in project.articles.ids():
            opened = session.open_article(article_id)
            text = opened.article.text
            found[opened.article.external_id] = {(text[c.start:c.end], c.label)
                                                 for c in opened.cues}
    assert found["a"] == {("安全", "security_concern"), ("安全保障", "security_concern"),
                          ("懸念", "security_concern"), ("利益", "economic_interest")}
    assert found["b"] == {("中国市場", "economic_interest"), ("市場", "economic_interest"),
                          ("競争力", "economic_interest"), ("価格", "economic_interest")}


def _csv_rows(raw: bytes) -> tuple[list[str], dict[tuple, tuple[int, int, int]]]:
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    header, *rows = list(reader)
    got = {}
    for row in rows:
        cell = dict(zip(header, row))
        key = (cell["article_id"], cell["coder"], cell["text"], cell["label"])
        got[key] = (int(cell["cue_own"]), int(cell["cue_other"]), int(cell["cues_shown"]))
    return header, got


def test_span_csv_marks_cue_words_and_the_condition(study: Path, tmp_path: Path):
    out = tmp_path / "spans.csv"
    result = CliRunner().invoke(cli, ["export", str(study), "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    header, got = _csv_rows(out.read_bytes())
    assert tuple(header) == ANNOTATION_CSV
    assert header[:11] == ["article_id", "title", "coder", "label", "start", "end", "text",
                           "note", "created", "updated", "uuid"]  # the old columns stay put
    assert header[11:] == ["cue_own", "cue_other", "cues_shown"]
    assert got == EXPECTED


def test_one_coders_csv_keeps_the_coders_condition(study: Path, tmp_path: Path):
    out = tmp_path / "bob.csv"
    export_at(study, "csv", out, coder="bob", plain=True)
    _header, got = _csv_rows(out.read_bytes())
    assert got == {k: v for k, v in EXPECTED.items() if k[1] == "bob"}


def test_workbook_spans_sheet_has_the_same_columns(study: Path, tmp_path: Path):
    out = tmp_path / "study.xlsx"
    export_at(study, "xlsx", out)
    sheet = openpyxl.load_workbook(out, read_only=True)["spans"]
    header, *rows = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    assert header == ANNOTATION_CSV
    got = {}
    for row in rows:
        cell = dict(zip(header, row))
        key = (cell["article_id"], cell["coder"], cell["text"], cell["label"])
        got[key] = (cell["cue_own"], cell["cue_other"], cell["cues_shown"])
    assert got == EXPECTED


def _jsonl(path: Path, out: Path) -> list[dict]:
    export_at(path, "jsonl", out)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _spans(path: Path) -> set[tuple]:
    with Project.open(path, read_only=True) as project:
        ext = {a: project.articles.get(a).external_id for a in project.articles.ids()}
        return {(a.uuid, ext[a.article_id], a.coder, a.label, a.start, a.end, a.text, a.note,
                 a.created_at, a.updated_at) for a in project.annotations.list()}


def _conditions(path: Path) -> set[tuple[str, str, bool]]:
    with Project.open(path, read_only=True) as project:
        ext = {a: project.articles.get(a).external_id for a in project.articles.ids()}
        return {(ext[a], coder, shown) for a, coder, shown in project.cue_conditions.rows()}


def test_jsonl_marks_spans_lists_conditions_and_round_trips(study: Path, tmp_path: Path):
    objects = _jsonl(study, tmp_path / "study.jsonl")
    got = {}
    for obj in objects:
        assert obj["cues_shown"] == {"alice": True, "bob": False}  # carol: no condition
        for ann in obj["annotations"]:
            key = (obj["id"], ann["coder"], ann["text"], ann["label"])
            assert type(ann["cue_own"]) is bool and type(ann["cue_other"]) is bool
            got[key] = (int(ann["cue_own"]), int(ann["cue_other"]),
                        int(obj["cues_shown"].get(ann["coder"], True)))
    assert got == EXPECTED
    again = tmp_path / "again.annot"
    with Project.create(again) as project:
        report = import_paths(project, [tmp_path / "study.jsonl"])
    assert report.annotations == len(EXPECTED)
    assert _spans(again) == _spans(study)
    assert _conditions(again) == _conditions(study)
    assert ("a", "bob", False) in _conditions(again)
    # the imported project exports the same lines: nothing lost, nothing added
    assert _jsonl(again, tmp_path / "again.jsonl") == objects


def test_jsonl_without_the_cue_fields_still_imports(study: Path, tmp_path: Path):
    """A file written before the cue fields (or by hand) imports as before; the cue fields of
    spans are derived, so a wrong value there is ignored, not trusted."""
    objects = _jsonl(study, tmp_path / "study.jsonl")
    for obj in objects:
        del obj["cues_shown"]
        for ann in obj["annotations"]:
            del ann["cue_own"]
            ann["cue_other"] = "made up"
    old = tmp_path / "old.jsonl"
    old.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects), "utf-8")
    path = tmp_path / "old.annot"
    with Project.create(path) as project:
        import_paths(project, [old])
    assert _spans(path) == _spans(study)
    assert _conditions(path) == set()  # no conditions recorded: every coder saw the cues
    export_at(path, "csv", tmp_path / "old.csv")
    _header, got = _csv_rows((tmp_path / "old.csv").read_bytes())
    assert got == {k: (own, other, 1) for k, (own, other, _shown) in EXPECTED.items()}


@pytest.mark.parametrize("shown, message", [
    ({"bob": "no"}, "$.cues_shown.'bob': must be true or false"),
    ([False], "field 'cues_shown' must be dict"),
    ({"gold": False}, "'gold' is the name of the gold standard"),
])
def test_jsonl_refuses_a_bad_condition(tmp_path: Path, shown: object, message: str):
    source = tmp_path / "bad.jsonl"
    source.write_text(json.dumps({"id": "a", "text": TEXTS["a"], "cues_shown": shown}) + "\n",
                      encoding="utf-8")
    with Project.create(tmp_path / "bad.annot") as project:
        with pytest.raises(InputError) as caught:
            import_paths(project, [source])
        assert project.articles.ids() == []  # nothing half imported
    assert message in str(caught.value) and "bad.jsonl line 1" in str(caught.value)


def test_overlap_is_a_shared_character_and_a_shared_cue_counts_for_both_labels():
    cues = ArticleCues([CueSpan(10, 12, "b"), CueSpan(2, 4, "a"), CueSpan(2, 4, "b"),
                        CueSpan(0, 8, "c")])
    assert cues.hits(4, 10, "a") == (False, True)  # touches 0-8 (c) only: ends are exclusive
    assert cues.hits(8, 10, "a") == (False, False)
    assert cues.hits(7, 9, "a") == (False, True)  # the last character of the longest cue
    assert cues.hits(3, 4, "a") == (True, True)  # 2-4 is a cue of a and of b
    assert cues.hits(11, 30, "b") == (True, False)
    assert cues.hits(0, 1, "c") == (True, False)
    assert ArticleCues([]).hits(0, 5, "a") == (False, False)


def test_gold_spans_are_marked_too(study: Path, tmp_path: Path):
    """The gold standard (``--coder gold``) is asked about the same cue words; it saw the
    underlines (the lead works in the master)."""
    start = TEXTS["a"].index("懸念")
    with Project.open(study) as project:
        article = next(a for a in project.articles.ids()
                       if project.articles.get(a).external_id == "a")
        project.gold.add(article, "security_concern", start, start + 2, decided_by="lead")
        project.gold.add(article, "self_reliance", start, start + 5, decided_by="lead")
    export_at(study, "csv", tmp_path / "gold.csv", coder="gold")
    _header, got = _csv_rows((tmp_path / "gold.csv").read_bytes())
    assert got == {("a", "gold", "懸念", "security_concern"): (1, 0, 1),
                   ("a", "gold", "懸念を示し", "self_reliance"): (0, 1, 1)}
    (gold_a, _b) = _jsonl(study, tmp_path / "gold.jsonl")
    assert {(g["text"], g["cue_own"], g["cue_other"]) for g in gold_a["gold"]["spans"]} == {
        ("懸念", True, False), ("懸念を示し", False, True)}
    again = tmp_path / "again.annot"
    with Project.create(again) as project:
        import_paths(project, [tmp_path / "gold.jsonl"])
        assert len(project.gold.spans()) == 2
