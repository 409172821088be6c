"""label_confusion.csv (issue 10): label against label, token by token, per coder pair.

Checked against a computation written here from the definition alone: the spans as stored, the
tokenizer's token bounds of each text and the coders' done marks, with a token carrying a label
when a span of it shares at least one character with the token (span [s, e) and token [ts, te)
overlap iff s < te and ts < e). It uses neither ``annotator.core.units`` nor the module tested.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from annotator.core.importers import import_paths
from annotator.core.label_confusion import ALL_PAIRS, label_confusion, no_label
from annotator.core.report_files import LABEL_CONFUSION, write_report
from annotator.core.reports import agreement_report
from annotator.core.store import Project
from annotator.core.tokenizer import token_bounds
from annotator.core.units import ArticleUnits, StudyData

CODERS = ("alice", "bob", "carol")
S, E, R = "security_concern", "economic_interest", "self_reliance"
LABELS = (S, E, R)
CATEGORIES = (*LABELS, "none")
TEXT = "安全保障上の懸念がある。経済的利益も大きい。"


def expected_counts(project: Project) -> Counter:
    """(coder_a, coder_b, label_a, label_b) -> tokens, straight from the definition."""
    done = project.statuses.done()
    spans: dict[tuple[int, str], list[tuple[int, int, str]]] = {}
    for ann in project.annotations.list():
        spans.setdefault((ann.article_id, ann.coder), []).append((ann.start, ann.end, ann.label))
    coders = sorted(set().union(*done.values()))
    counts: Counter = Counter()
    for article_id in project.articles.ids():
        text = project.articles.get(article_id).text
        finished = done.get(article_id, set())
        for a, b in combinations(coders, 2):
            if a not in finished or b not in finished:
                continue
            for ts, te in token_bounds(text):
                got = []
                for coder in (a, b):
                    labels = {lab for s, e, lab in spans.get((article_id, coder), [])
                              if s < te and ts < e}
                    got.append(labels or {"none"})
                for x in got[0]:
                    for y in got[1]:
                        counts[(a, b, x, y)] += 1
                        counts[(ALL_PAIRS, ALL_PAIRS, x, y)] += 1
    return counts


def expected_rows(counts: Counter, coders) -> list[tuple[str, str, str, str, int]]:
    """Every cell, zeros included: pairs in coder order, then *, labels in schema order."""
    pairs = [*combinations(coders, 2), (ALL_PAIRS, ALL_PAIRS)]
    return [(a, b, x, y, counts[(a, b, x, y)]) for a, b in pairs
            for x in CATEGORIES for y in CATEGORIES]


def as_tuples(rows) -> list[tuple[str, str, str, str, int]]:
    return [(r.coder_a, r.coder_b, r.label_a, r.label_b, r.tokens) for r in rows]


def read_back(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


# --- a tiny example, counted by hand -------------------------------------------------------------


@pytest.fixture
def tiny(tmp_path: Path) -> Project:
    lines = [{"id": "one", "title": "one", "text": TEXT},
             {"id": "two", "title": "two", "text": "国産化を急ぐべきだとの声も強い。"}]
    source = tmp_path / "tiny.jsonl"
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    project = Project.create(tmp_path / "tiny.annot")
    import_paths(project, [source], processes=1)
    yield project
    project.close()


def tag(project: Project, ref: str, coder: str, label: str, needle: str) -> None:
    article = project.articles.find(ref)
    start = article.text.index(needle)
    project.annotations.add(article.id, coder, label, start, start + len(needle))


def test_hand_counted_example(tiny: Project, tmp_path: Path):
    """Tokens of TEXT: 安全 保障 上 の 懸念 が ある 。 経済 的 利益 も 大きい 。 (14).

    alice: security 安全保障上の懸念 (tokens 0-4), economy 懸念 (token 4, overlapping),
           economy 経済的利益 (8-10).
    bob:   security 保障上 (1-2), self-reliance 利益も大 (10-12: 大 is part of 大きい).

    token 0 安全 (S, none); 1 保障, 2 上 (S, S); 3 の (S, none); 4 懸念 {S, E} against nothing:
    (S, none) and (E, none); 5-7 (none, none); 8 経済, 9 的 (E, none); 10 利益 (E, R);
    11 も, 12 大きい (none, R); 13 。 (none, none).
    So (S,S) 2, (S,none) 3, (E,none) 3, (E,R) 1, (none,R) 2, (none,none) 4: 15 = 14 tokens + 1
    for the token alice gave two labels. Article two: bob's span there is not counted, because
    bob has not marked it done (alice has, with nothing marked).
    """
    assert [TEXT[s:e] for s, e in token_bounds(TEXT)] == [
        "安全", "保障", "上", "の", "懸念", "が", "ある", "。", "経済", "的", "利益", "も", "大きい",
        "。"]
    tag(tiny, "one", "alice", S, "安全保障上の懸念")
    tag(tiny, "one", "alice", E, "懸念")
    tag(tiny, "one", "alice", E, "経済的利益")
    tag(tiny, "one", "bob", S, "保障上")
    tag(tiny, "one", "bob", R, "利益も大")
    tag(tiny, "two", "bob", R, "国産化")
    for coder in ("alice", "bob"):
        tiny.statuses.set(tiny.articles.find("one").id, coder, "done")
    tiny.statuses.set(tiny.articles.find("two").id, "alice", "done")

    report = agreement_report(tiny)
    by_hand = {(S, S): 2, (S, "none"): 3, (E, "none"): 3, (E, R): 1, ("none", R): 2,
               ("none", "none"): 4}
    rows = as_tuples(report.label_confusion)
    assert len(rows) == 2 * 16
    assert rows == [(a, b, x, y, by_hand.get((x, y), 0))
                    for a, b in (("alice", "bob"), (ALL_PAIRS, ALL_PAIRS))
                    for x in CATEGORIES for y in CATEGORIES]
    assert rows == expected_rows(expected_counts(tiny), ["alice", "bob"])
    # the pair's kappa compared 14 tokens; the confusion counts one token twice
    assert report.pair("alice", "bob", S).n_units == 14
    assert sum(r[4] for r in rows[:16]) == 15

    write_report(report, tmp_path / "out")
    written = read_back(tmp_path / "out" / "label_confusion.csv")
    assert written[0] == list(LABEL_CONFUSION) == ["coder_a", "coder_b", "label_a", "label_b",
                                                   "tokens"]
    assert written[1:] == [[a, b, x, y, str(n)] for a, b, x, y, n in rows]


def test_fewer_than_two_coders_give_no_rows(tiny: Project):
    tag(tiny, "one", "alice", S, "安全保障")
    tiny.statuses.set(tiny.articles.find("one").id, "alice", "done")
    assert agreement_report(tiny).label_confusion == []


def test_a_label_called_none_gets_another_marker():
    assert no_label(["x", "y"]) == "none"
    assert no_label(["none", "y"]) == "(none)"
    article = ArticleUnits(1, "a", "a", "abcd", [0, 2], [2, 4], {"p", "q"},
                           {"p": {"none": [(0, 1)]}, "q": {}})
    rows = as_tuples(label_confusion(StudyData(["p", "q"], ["none", "y"], [article])))
    assert [r for r in rows if r[4] and r[0] == "p"] == [
        ("p", "q", "none", "(none)", 1), ("p", "q", "(none)", "(none)", 1)]


# --- random spans on the real seed articles -----------------------------------------------------


@pytest.fixture
def study(tmp_path: Path, seed_files: list[Path]) -> Project:
    folder = tmp_path / "articles"
    folder.mkdir()
    sentences = ["米国は先端半導体の対中輸出規制を強化した。安全保障上の懸念が理由だ。",
                 "政府はレアアースの国内生産を支援する方針を示した。",
                 "日本の装置メーカーは中国向けの売上減少を懸念している。"]
    for k in range(3):
        (folder / f"gen{k}.txt").write_text(f"記事{k}。" + "".join(sentences[k:] + sentences[:k]),
                                            encoding="utf-8")
    project = Project.create(tmp_path / "study.annot")
    import_paths(project, [*seed_files, folder], processes=1)
    yield project
    project.close()


def random_spans(rng: random.Random, length: int, n: int) -> list[tuple[int, int, str]]:
    """Spans of any length at any character (mid-token included); some overlap on purpose,
    with the same label and with another."""
    spans = []
    for _ in range(n):
        start = rng.randrange(length - 1)
        end = min(length, start + rng.randint(1, 60))
        label = rng.choice(LABELS)
        spans.append((start, end, label))
        if rng.random() < 0.3:  # an overlapping span
            s2 = rng.randrange(start, end)
            spans.append((s2, min(length, s2 + rng.randint(1, 30)), rng.choice(LABELS)))
    return spans


@pytest.mark.parametrize("seed", [10, 2026])
def test_matches_an_independent_computation(study: Project, tmp_path: Path, seed: int):
    rng = random.Random(seed)
    ids = study.articles.ids()
    assert len(ids) == 5
    not_done = {("carol", ids[0]), ("bob", ids[2])}  # both have spans there, not counted
    for k, article_id in enumerate(ids):
        length = len(study.articles.get(article_id).text)
        for coder in CODERS:
            n = 0 if (coder, k) == ("bob", 3) else rng.randint(3, 25)  # done, nothing marked
            for start, end, label in random_spans(rng, length, n):
                study.annotations.add(article_id, coder, label, start, end)
            if (coder, article_id) not in not_done:
                study.statuses.set(article_id, coder, "done")

    report = agreement_report(study)
    counts = expected_counts(study)
    # the data exercise what the definition is about
    assert any(x != y and "none" not in (x, y) for (_a, _b, x, y) in counts)  # label vs label
    multi = sum(n for key, n in counts.items() if key[0] != ALL_PAIRS)
    tokens = sum(report.pair(a, b, S).n_units for a, b in combinations(CODERS, 2))
    assert multi > tokens  # some tokens carry two labels of one coder
    rows = as_tuples(report.label_confusion)
    assert rows == expected_rows(counts, CODERS)
    assert len(rows) == 4 * 16
    # the * rows are the sum of the pair rows
    for k in range(16):
        assert rows[48 + k][4] == sum(rows[p * 16 + k][4] for p in range(3))
    # and a pair's tokens are those its kappa compared (articles both have done)
    for a, b in combinations(CODERS, 2):
        both = [i for i in ids if (a, i) not in not_done and (b, i) not in not_done]
        assert report.pair(a, b, S).n_units == sum(
            len(token_bounds(study.articles.get(i).text)) for i in both)

    write_report(report, tmp_path / "out")
    written = read_back(tmp_path / "out" / "label_confusion.csv")
    assert written[0] == ["coder_a", "coder_b", "label_a", "label_b", "tokens"]
    assert [(a, b, x, y, int(n)) for a, b, x, y, n in written[1:]] == rows
