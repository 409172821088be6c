"""coder_vs_gold.csv (issue 10): each coder against the gold standard.

Checked against a computation written here from the definition alone: spans, answers, done
marks and gold as stored, the tokenizer's token bounds, a one-to-one matching of our own and
``sklearn.metrics.cohen_kappa_score``. It uses neither ``annotator.core.units``,
``annotator.core.agreement``, ``annotator.core.code_units`` nor the module tested.
"""

from __future__ import annotations

import csv
import io
import math
import random
import warnings
from pathlib import Path

import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.core.coder_vs_gold import ADJUDICATED, ANY_GOLD
from annotator.core.gold_fill import accept
from annotator.core.importers import import_paths
from annotator.core.report_files import CODER_VS_GOLD, write_report
from annotator.core.reports import agreement_report
from annotator.core.store import Project
from annotator.core.tokenizer import token_bounds
from tests.schemas import schema_with_multi

CODERS = ("alice", "bob", "carol")
LABELS = ("security_concern", "economic_interest", "self_reliance")
UNITS = ("relevance", "primary_frame", "tone", "actors:us", "actors:china", "actors:japan")
FRAMES = (*LABELS, "none")




# --- the independent computation ----------------------------------------------------------------


def max_matching(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """Largest one-to-one matching of overlapping spans (Kuhn's augmenting paths)."""
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j, (s, e) in enumerate(b):
            if j in seen or not (a[i][0] < e and s < a[i][1]):
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(len(a)))


def exact_matches(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    rest = list(b)
    n = 0
    for span in a:
        if span in rest:
            rest.remove(span)
            n += 1
    return n


def kappa(x: list, y: list) -> float | None:
    if not x:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = cohen_kappa_score(x, y)
    return None if math.isnan(value) else float(value)


def div(a: int, b: int) -> float | None:
    return a / b if b else None


def counted(answers: dict) -> dict:
    """The answers that count: relevance always, the others only when relevance is yes."""
    out = {}
    if answers.get("relevance") is not None:
        out["relevance"] = answers["relevance"]
    if out.get("relevance") is True:
        for variable in ("primary_frame", "tone", "actors"):
            if answers.get(variable) is not None:
                out[variable] = answers[variable]
    return out


def unit_value(unit: str, answers: dict):
    variable, _, option = unit.partition(":")
    if variable not in answers:
        return None
    return option in answers[variable] if option else answers[variable]


def expected_rows(project: Project) -> tuple[list[int], list[tuple]]:
    statuses = project.gold.statuses()
    done_gold = [a for a in project.articles.ids() if statuses.get(a) == "done"]
    if done_gold:
        compared = done_gold
    else:
        compared = [a for a in project.articles.ids()
                    if project.gold.spans(a, include_deleted=True) or project.gold.answer_rows(a)]
    done = project.statuses.done()
    rows = []
    for coder in CODERS:
        mine = [a for a in compared if coder in done.get(a, set())]
        for label in LABELS:
            m_exact = m_overlap = n_gold = n_coder = 0
            x: list[int] = []
            y: list[int] = []
            for a in mine:
                gold = [(g.start, g.end) for g in project.gold.spans(a) if g.label == label]
                ours = [(s.start, s.end) for s in project.annotations.list(a)
                        if s.coder == coder and s.label == label]
                m_exact += exact_matches(gold, ours)
                m_overlap += max_matching(gold, ours)
                n_gold += len(gold)
                n_coder += len(ours)
                for ts, te in token_bounds(project.articles.get(a).text):
                    x.append(int(any(s < te and ts < e for s, e in ours)))
                    y.append(int(any(s < te and ts < e for s, e in gold)))
            rows.append((coder, label,
                         div(m_exact, n_coder), div(m_exact, n_gold),
                         div(2 * m_exact, n_gold + n_coder),
                         div(m_overlap, n_coder), div(m_overlap, n_gold),
                         div(2 * m_overlap, n_gold + n_coder),
                         kappa(x, y), len(mine), None))
        for unit in UNITS:
            pairs = []
            for a in mine:
                mine_value = unit_value(unit, counted(project.codes.answers(a, coder)))
                gold_value = unit_value(unit, counted(project.gold.answers(a)))
                if mine_value is not None and gold_value is not None:
                    pairs.append((str(mine_value), str(gold_value)))
            same = sum(p == q for p, q in pairs)
            rows.append((coder, unit, None, None, None, None, None, None,
                         kappa([p for p, _ in pairs], [q for _, q in pairs]), len(pairs),
                         div(same, len(pairs))))
    return compared, rows


def read_back(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def same_row(written: list[str], expected: tuple) -> bool:
    if written[:2] != list(expected[:2]) or int(written[9]) != expected[9]:
        return False
    for k in (2, 3, 4, 5, 6, 7, 8, 10):
        cell, value = written[k], expected[k]
        if value is None:
            if cell != "":
                return False
        elif cell == "" or not math.isclose(float(cell), value, rel_tol=1e-9, abs_tol=1e-12):
            return False
    return True


# --- a generated master ---------------------------------------------------------------------------


@pytest.fixture
def master(tmp_path: Path, seed_files: list[Path]) -> Project:
    """Three coders who often agree: spans drawn from a shared pool per article (some moved,
    relabelled or left out), answers shared with noise, some articles not done by some."""
    folder = tmp_path / "texts"
    folder.mkdir()
    base = [p.read_text(encoding="utf-8") for p in seed_files]
    for k in range(8):
        (folder / f"a{k}.txt").write_text(f"記事{k}\n" + base[k % 2][k * 150:k * 150 + 700],
                                         encoding="utf-8")
    project = Project.create(tmp_path / "master.annot", schema=schema_with_multi())
    import_paths(project, [*seed_files, folder], processes=1)
    rng = random.Random(11)
    for article in project.articles.ids():
        bounds = token_bounds(project.articles.get(article).text)
        pool = [(rng.randrange(len(bounds) - 6), rng.randrange(1, 5), rng.choice(LABELS))
                for _ in range(8)]
        relevant = rng.random() < 0.7
        for coder in CODERS:
            for first, width, label in pool:
                if rng.random() < 0.25:
                    continue
                if rng.random() < 0.2:
                    first += 1
                if rng.random() < 0.1:
                    label = rng.choice(LABELS)
                project.annotations.add(article, coder, label, bounds[first][0],
                                        bounds[first + width][1])
            if rng.random() < 0.2:  # a stray span of the coder's own, overlapping nothing much
                start = rng.randrange(len(bounds) - 3)
                project.annotations.add(article, coder, rng.choice(LABELS), bounds[start][0],
                                        bounds[start + 2][1])
            relevance = relevant if rng.random() < 0.85 else not relevant
            project.codes.set(article, coder, "relevance", relevance)
            project.codes.set(article, coder, "primary_frame", rng.choice(FRAMES[:2]))
            project.codes.set(article, coder, "tone", rng.choice(("negative", "neutral")))
            project.codes.set(article, coder, "actors",
                              sorted(rng.sample(["us", "china", "japan"], rng.randint(0, 2))))
            if rng.random() < 0.85:
                project.statuses.set(article, coder, "done")
    yield project
    project.close()


def lead_edits(project: Project) -> None:
    """The lead rejects, relabels, adds and answers on top of the majority pre-fill."""
    spans = project.gold.spans()
    project.gold.reject(spans[0].uuid, decided_by="lead")
    other = next(label for label in LABELS if label != spans[1].label)
    project.gold.decide(spans[1].uuid, decided_by="lead", label=other)
    ids = project.articles.ids()
    for article in ids[:3]:  # spans of the lead's own, one copying a coder's span
        text = project.articles.get(article).text
        project.gold.add(article, "self_reliance", 10, 10 + min(25, len(text) - 10),
                         decided_by="lead")
        ann = next(a for a in project.annotations.list(article) if a.coder == "bob")
        project.gold.add(article, ann.label, ann.start, ann.end, decided_by="lead")
    rng = random.Random(5)
    for article in ids[3:9]:  # relevant; answers as one of the coders gave, sometimes others
        answers = project.codes.answers(article, rng.choice(CODERS))
        project.gold.set_answer(article, "relevance", True, decided_by="lead")
        for variable in ("primary_frame", "tone", "actors"):
            value = answers.get(variable)
            if rng.random() < 0.3:
                value = {"primary_frame": "self_reliance",
                         "tone": "positive", "actors": ["china"]}[variable]
            project.gold.set_answer(article, variable, value, decided_by="lead")
    project.gold.set_answer(ids[0], "relevance", True, decided_by="lead")
    project.gold.set_answer(ids[0], "primary_frame", "economic_interest", decided_by="lead")
    project.gold.set_answer(ids[0], "tone", "neutral", decided_by="lead")
    project.gold.set_answer(ids[0], "actors", ["us", "japan"], decided_by="lead")
    project.gold.set_answer(ids[1], "relevance", False, decided_by="lead")
    project.gold.set_answer(ids[1], "tone", "negative", decided_by="lead")  # does not apply
    project.gold.set_answer(ids[2], "tone", None, decided_by="lead")  # cleared


def test_matches_an_independent_computation(master: Project, tmp_path: Path):
    accept(master, "majority")
    lead_edits(master)
    ids = master.articles.ids()
    assert len(ids) == 10
    # before any article is adjudicated done: every article with a gold row
    report = agreement_report(master)
    compared, expected = expected_rows(master)
    assert report.gold is not None and report.gold.basis == ANY_GOLD
    assert report.gold.article_ids == compared and len(compared) >= 4
    write_report(report, tmp_path / "prefill")
    written = read_back(tmp_path / "prefill" / "coder_vs_gold.csv")
    assert written[0] == list(CODER_VS_GOLD)
    assert len(written) - 1 == len(expected) == 3 * 9
    for got, want in zip(written[1:], expected):
        assert same_row(got, want), (got, want)

    # once articles are adjudicated done, only those count
    adjudicated = [ids[k] for k in (0, 1, 3, 4, 5, 6, 7)]
    for article in adjudicated:
        master.gold.set_status(article, "done")
    master.gold.set_status(ids[2], "in_progress")
    report = agreement_report(master)
    compared, expected = expected_rows(master)
    assert report.gold.basis == ADJUDICATED and compared == adjudicated
    assert report.gold.article_ids == compared
    written_paths = write_report(report, tmp_path / "out")
    assert len(written_paths) == 7
    written = read_back(tmp_path / "out" / "coder_vs_gold.csv")
    assert written[0] == ["coder", "label", "precision_exact", "recall_exact", "f1_exact",
                          "precision_overlap", "recall_overlap", "f1_overlap", "cohen_kappa",
                          "n_articles", "accuracy"]
    assert len(written) - 1 == len(expected)
    for got, want in zip(written[1:], expected):
        assert same_row(got, want), (got, want)
    # the data exercise what the definition is about
    span_rows = [r for r in expected if r[1] in LABELS]
    code_rows = [r for r in expected if r[1] in UNITS]
    assert any(r[4] is not None and r[7] is not None and r[7] > r[4] for r in span_rows)
    assert any(r[4] not in (None, 1.0) for r in span_rows)
    assert any(r[8] is not None and r[8] < 1 for r in span_rows)
    assert {r[9] for r in span_rows} != {3}  # some coder did not mark a compared article done
    assert any(r[10] is not None and 0 < r[10] < 1 for r in code_rows)
    assert "nan" not in (tmp_path / "out" / "coder_vs_gold.csv").read_text("utf-8-sig").lower()

    # choosing articles: the basis stays that of the project; an article still being
    # adjudicated is not compared, so every row is empty
    chosen = master.articles.get(ids[2]).external_id
    report = agreement_report(master, articles=[chosen])
    assert report.gold.basis == ADJUDICATED and report.gold.article_ids == []
    assert {(r.n_articles, r.f1_exact, r.cohen_kappa, r.accuracy) for r in report.gold.rows} == {
        (0, None, None, None)}
    chosen = [master.articles.get(a).external_id for a in (ids[5], ids[2], ids[4])]
    report = agreement_report(master, articles=chosen)
    assert report.gold.article_ids == [ids[5], ids[4]]  # in the study's order


def test_written_only_with_a_gold_layer(master: Project, tmp_path: Path):
    report = agreement_report(master)
    assert report.gold is None
    names = {p.name for p in write_report(report, tmp_path / "none")}
    assert len(names) == 6 and "coder_vs_gold.csv" not in names
    # an article adjudicated done with nothing in gold is a gold layer: gold has no span there
    article = master.articles.ids()[0]
    master.gold.set_status(article, "done")
    report = agreement_report(master)
    assert report.gold is not None and report.gold.article_ids == [article]
    names = {p.name for p in write_report(report, tmp_path / "empty")}
    assert "coder_vs_gold.csv" in names and len(names) == 7
    _, expected = expected_rows(master)
    written = read_back(tmp_path / "empty" / "coder_vs_gold.csv")
    for got, want in zip(written[1:], expected, strict=True):
        assert same_row(got, want), (got, want)


def test_a_small_case_by_hand(tmp_path: Path):
    """One article, one coder: two gold spans, the coder has one exactly, one overlapping."""
    import json

    source = tmp_path / "one.jsonl"
    text = "安全保障上の懸念がある。経済的利益も大きい。"
    source.write_text(json.dumps({"id": "one", "title": "one", "text": text},
                                 ensure_ascii=False), "utf-8")
    with Project.create(tmp_path / "one.annot") as project:
        import_paths(project, [source], processes=1)
        article = project.articles.ids()[0]
        sec, eco = "security_concern", "economic_interest"
        project.annotations.add(article, "alice", sec, 0, 4)  # 安全保障
        project.annotations.add(article, "alice", eco, 12, 15)  # 経済的, gold 経済的利益
        project.annotations.add(article, "alice", eco, 18, 20)  # 大き: no gold span there
        project.statuses.set(article, "alice", "done")
        project.codes.set(article, "alice", "relevance", True)
        project.gold.add(article, sec, 0, 4)
        project.gold.add(article, eco, 12, 17)
        project.gold.set_answer(article, "relevance", True)
        rows = {r.label: r for r in agreement_report(project).gold.rows}
    assert (rows[sec].precision_exact, rows[sec].recall_exact, rows[sec].f1_exact) == (1, 1, 1)
    assert rows[sec].cohen_kappa == 1.0 and rows[sec].n_articles == 1
    e = rows[eco]
    assert (e.precision_exact, e.recall_exact, e.f1_exact) == (0, 0, 0)
    assert (e.precision_overlap, e.recall_overlap, e.f1_overlap) == (0.5, 1.0, 2 / 3)
    r = rows["self_reliance"]
    assert (r.precision_exact, r.recall_exact, r.f1_exact, r.cohen_kappa) == (None,) * 4
    assert (rows["relevance"].accuracy, rows["relevance"].cohen_kappa) == (1.0, None)
    assert rows["relevance"].n_articles == 1 and rows["tone"].n_articles == 0
    assert rows["tone"].accuracy is None
