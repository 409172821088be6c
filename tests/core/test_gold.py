"""The gold standard in the core (issue 10): the store, the automatic pre-fill checked against
an independent computation, the lead's decisions kept, and gold kept out of coders' files."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from annotator.core.assign import assign
from annotator.core.gold_fill import needed
from annotator.core.importers import import_paths
from annotator.core.merge import merge
from annotator.core.store import Project
from annotator.core.tokenizer import tokenizer_id
from tests.run_cli import cli, one_line_error

CODERS = ("alice", "bob", "carol", "dan")


@pytest.fixture
def coded(tmp_path: Path, seed_files: list[Path]) -> Path:
    """Four coders who agree often: spans drawn from a shared pool per article, some moved or
    relabelled; answers shared with noise; some articles not done by some coders."""
    folder = tmp_path / "texts"
    folder.mkdir()
    base = [p.read_text(encoding="utf-8") for p in seed_files]
    for k in range(8):
        (folder / f"a{k}.txt").write_text(f"記事{k}\n" + base[k % 2][k * 150:k * 150 + 900],
                                         encoding="utf-8")
    path = tmp_path / "master.annot"
    rng = random.Random(7)
    with Project.create(path) as project:
        import_paths(project, [folder])
        labels = project.schema.label_ids
        for article in project.articles.ids():
            bounds = project.tokens.bounds(article, tokenizer_id())
            pool = [(rng.randrange(len(bounds) - 6), rng.randrange(1, 5), rng.choice(labels))
                    for _ in range(8)]
            relevant = rng.random() < 0.7
            for coder in CODERS:
                for first, width, label in pool:
                    if rng.random() < 0.25:
                        continue
                    if rng.random() < 0.15:
                        first += 1
                    if rng.random() < 0.1:
                        label = rng.choice(labels)
                    project.annotations.add(article, coder, label, bounds[first][0],
                                            bounds[first + width][1])
                project.codes.set(article, coder, "relevance", relevant or rng.random() < 0.2)
                project.codes.set(article, coder, "tone", rng.choice(("negative", "neutral")))
                if rng.random() < 0.8:
                    project.statuses.set(article, coder, "done")
    return path


def expected_majority(path: Path) -> set[tuple]:
    """The majority rule computed straight from the tables, independently of the app."""
    conn = sqlite3.connect(path)
    done: dict[int, set[str]] = {}
    for article, coder in conn.execute(
        "SELECT article_id, coder FROM article_status WHERE status = 'done'"
    ):
        done.setdefault(article, set()).add(coder)
    votes: Counter = Counter()
    for article, coder, label, start, end in conn.execute(
        "SELECT DISTINCT article_id, coder, label, start_offset, end_offset FROM annotations "
        "WHERE deleted_at IS NULL"
    ):
        if coder in done.get(article, set()):
            votes[(article, label, start, end)] += 1
    conn.close()
    return {key for key, n in votes.items()
            if len(done[key[0]]) >= 2 and n >= max(2, len(done[key[0]]) // 2 + 1)}


def gold_spans(path: Path) -> set[tuple]:
    with Project.open(path, read_only=True) as project:
        return {(g.article_id, g.label, g.start, g.end) for g in project.gold.spans()}


def test_majority_prefill_matches_an_independent_count(coded: Path):
    result = cli("gold", coded, "--accept", "majority")
    assert result.returncode == 0, result.stderr
    expected = expected_majority(coded)
    assert expected and gold_spans(coded) == expected
    assert f"{len(expected)} gold span(s) added" in result.stdout
    with Project.open(coded) as project:
        done = project.statuses.done()
        for span in project.gold.spans():
            assert span.source == "auto" and span.decided_by == "annotator gold"
            assert set(span.coders) <= done[span.article_id]
            assert len(span.coders) >= needed("majority", len(done[span.article_id]))
            assert not set(span.coders) & set(span.overlapping)
    again = cli("gold", coded, "--accept", "majority")
    assert "0 gold span(s) added" in again.stdout and gold_spans(coded) == expected


def test_the_leads_decisions_are_never_overwritten(coded: Path):
    assert cli("gold", coded, "--accept", "all").returncode == 0
    with Project.open(coded) as project:
        first, second = project.gold.spans()[:2]
        project.gold.reject(first.uuid, decided_by="lead")
        relabel = next(label for label in project.schema.label_ids if label != second.label)
        project.gold.decide(second.uuid, decided_by="lead", label=relabel, rationale="quote")
        article = first.article_id
        project.gold.set_answer(article, "relevance", False, decided_by="lead")
    before = gold_spans(coded)
    result = cli("gold", coded, "--accept", "majority")
    assert result.returncode == 0
    with Project.open(coded) as project:
        assert project.gold.get(first.uuid).deleted
        kept = project.gold.get(second.uuid)
        assert (kept.label, kept.source, kept.rationale) == (relabel, "decided", "quote")
        assert project.gold.answers(article)["relevance"] is False
        assert project.gold.answer_rows(article)["relevance"]["decided_by"] == "lead"
        assert (first.article_id, first.label, first.start, first.end) not in gold_spans(coded)
    assert before <= gold_spans(coded) | {(first.article_id, first.label, first.start, first.end)}


def test_gold_answers_need_agreement_among_done_coders(coded: Path):
    cli("gold", coded, "--accept", "all")
    with Project.open(coded) as project:
        done = project.statuses.done()
        for article in project.articles.ids():
            gold = project.gold.answer_rows(article)
            for variable, row in gold.items():
                coders = set(row["coders"])
                assert coders == done[article] and row["source"] == "auto"
                assert {project.codes.answers(article, c).get(variable) for c in coders} == {
                    row["value"]}


def test_gold_stays_in_the_master(coded: Path, tmp_path: Path):
    cli("gold", coded, "--accept", "majority")
    before = gold_spans(coded)
    with Project.open(coded) as master:
        coders = master.coders.names()
        assign(master, "alice", tmp_path / "alice.annot")
    assert coders == sorted(CODERS)  # the lead's gold made nobody a coder
    with Project.open(tmp_path / "alice.annot") as copy:
        assert copy.gold.spans(include_deleted=True) == []
        article = copy.articles.ids()[0]
        bounds = copy.tokens.bounds(article, tokenizer_id())
        copy.annotations.add(article, "alice", "self_reliance", bounds[0][0], bounds[1][1])
    with Project.open(coded) as master:
        merge(master, [tmp_path / "alice.annot"])
    assert gold_spans(coded) == before


def test_a_bad_rule_is_one_line(coded: Path):
    line = one_line_error(cli("gold", coded, "--accept", "most"))
    assert "--accept 'most': write all, majority or a number of coders" in line


def test_gold_travels_through_jsonl_with_its_provenance(coded: Path, tmp_path: Path):
    import json

    cli("gold", coded, "--accept", "majority")
    with Project.open(coded) as project:
        first = project.gold.spans()[0]
        project.gold.decide(first.uuid, decided_by="lead", rationale="引用の中")
        project.gold.reject(project.gold.spans()[1].uuid, decided_by="lead")
        project.gold.set_answer(first.article_id, "tone", "negative", decided_by="lead",
                                coders=["alice"], rationale="見出し")
        project.gold.set_status(first.article_id, "done")
    out = tmp_path / "all.jsonl"
    assert cli("export", coded, "--out", out).returncode == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    gold = next(obj["gold"] for obj in lines if "gold" in obj and obj["gold"]["status"] == "done")
    decided = next(s for s in gold["spans"] if s["uuid"] == first.uuid)
    assert (decided["source"], decided["decided_by"], decided["rationale"]) == (
        "decided", "lead", "引用の中")
    assert decided["coders"] == list(first.coders)
    assert gold["codes"]["tone"]["value"] == "negative"
    assert sum(s["deleted"] is not None for obj in lines if "gold" in obj
               for s in obj["gold"]["spans"]) == 1
    rebuilt = tmp_path / "rebuilt.annot"
    assert cli("new", rebuilt).returncode == 0
    assert cli("import", rebuilt, out).returncode == 0
    again = tmp_path / "again.jsonl"
    assert cli("export", rebuilt, "--out", again).returncode == 0
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_every_export_takes_coder_gold(coded: Path, tmp_path: Path):
    import csv
    import io
    import json

    cli("gold", coded, "--accept", "all")
    with Project.open(coded, read_only=True) as project:
        spans = {(g.label, g.start, g.end) for g in project.gold.spans()}
    jsonl = cli("export", coded, "--coder", "gold", "--out", "-").stdout
    objects = [json.loads(line) for line in jsonl.splitlines()]
    assert all(obj["annotations"] == [] and obj["status"] == {} for obj in objects)
    assert {(s["label"], s["start"], s["end"]) for obj in objects if "gold" in obj
            for s in obj["gold"]["spans"]} == spans
    table = cli("export", coded, "--format", "csv", "--coder", "gold", "--out", "-").stdout
    rows = list(csv.DictReader(io.StringIO(table)))
    assert {r["coder"] for r in rows} == {"gold"}
    assert {(r["label"], int(r["start"]), int(r["end"])) for r in rows} == spans
    codes = cli("export", coded, "--format", "codes", "--coder", "gold", "--out", "-").stdout
    assert {r["coder"] for r in csv.DictReader(io.StringIO(codes))} <= {"gold"}
    assert cli("export", coded, "--format", "brat", "--coder", "gold",
               "--out", tmp_path / "brat").returncode == 0
    ann = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "brat").glob("*.ann"))
    assert ann.count("coder=gold") == len(spans)
    line = one_line_error(cli("export", coded, "--coder", "nobody", "--out", "-"))
    assert "no coder 'nobody'" in line


def test_a_bad_gold_object_is_refused_with_line_and_path(tmp_path: Path):
    import json

    path = tmp_path / "p.annot"
    cli("new", path)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "text": "安全保障の記事。", "gold": {
        "spans": [{"uuid": "", "label": "security_concern", "start": 0, "end": 4,
                   "text": "安全保障", "source": "guess"}]}}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    line = one_line_error(cli("import", path, bad))
    assert f"{bad} line 1 $.gold.spans[0].source: must be auto or decided" in line
