"""The lead's session (issue 10): lanes with agreement classes, gold edits that are undoable and
durable at once, and the lead never appearing among the coders."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.importers import import_paths
from annotator.core.lead import AGREED, ALONE, PARTIAL, LeadSession
from annotator.core.store import Project
from annotator.core.tokenizer import tokenizer_id

CODERS = ("alice", "bob", "carol")


def three_coder_master(path: Path, seed_files: list[Path]) -> dict[str, tuple]:
    """A master with the two seed articles, coded and marked done by three coders:
    A agreed by all, B by alice and bob (carol's overlaps), C carol alone, D alice and bob on
    the same stretch with different labels. Returns the spans (label, start, end) by name."""
    with Project.create(path) as project:
        import_paths(project, list(seed_files[:2]))
        l0, l1, l2 = project.schema.label_ids[:3]
        spans = {}
        for article in project.articles.ids():
            b = project.tokens.bounds(article, tokenizer_id())
            spans[article] = {
                "A": (l0, b[2][0], b[5][1]), "B": (l1, b[10][0], b[12][1]),
                "B2": (l1, b[11][0], b[12][1]), "C": (l2, b[20][0], b[22][1]),
                "D0": (l0, b[30][0], b[31][1]), "D1": (l1, b[30][0], b[31][1]),
            }
            marks = {"alice": ("A", "B", "D0"), "bob": ("A", "B", "D1"),
                     "carol": ("A", "B2", "C")}
            for coder in CODERS:
                for name in marks[coder]:
                    project.annotations.add(article, coder, *spans[article][name])
                project.codes.set(article, coder, "relevance", True)
                project.codes.set(article, coder, "tone",
                                  "neutral" if coder == "carol" else "negative")
                project.statuses.set(article, coder, "done")
    return spans


@pytest.fixture
def master(tmp_path: Path, seed_files: list[Path]):
    path = tmp_path / "master.annot"
    spans = three_coder_master(path, seed_files)
    return path, spans


def test_lanes_classify_agreement(master):
    path, spans = master
    with Project.open(path) as project:
        lead = LeadSession(project)
        article = project.articles.ids()[0]
        s = spans[article]
        lanes = {lane.coder: {(x.span.label, x.span.start, x.span.end): x.agreement
                              for x in lane.spans} for lane in lead.lanes(article)}
        assert set(lanes) == set(CODERS)
        assert lanes["alice"] == {s["A"]: AGREED, s["B"]: PARTIAL, s["D0"]: PARTIAL}
        assert lanes["carol"] == {s["A"]: AGREED, s["B2"]: PARTIAL, s["C"]: ALONE}
        row = lead.articles()[0]
        assert row.done == CODERS and row.status == "not_started"


def test_lead_edits_are_durable_and_undoable(master):
    path, spans = master
    with Project.open(path) as project:
        lead = LeadSession(project)
        article = project.articles.ids()[0]
        s = spans[article]
        lead.accept_agreed(article, "all")
        assert [(g.label, g.start, g.end) for g in lead.gold(article)] == [s["A"]]
        assert project.gold.answers(article) == {"relevance": True}
        assert lead.status(article) == "in_progress"
        b = next(x.span for lane in lead.lanes(article) if lane.coder == "alice"
                 for x in lane.spans if (x.span.label, x.span.start, x.span.end) == s["B"])
        lead.accept_span(b)
        gold_b = next(g for g in lead.gold(article) if g.start == s["B"][1])
        assert gold_b.coders == ("alice", "bob") and gold_b.overlapping == ("carol",)
        lead.move(gold_b.uuid, s["B2"][1], s["B2"][2])
        moved = next(g for g in lead.gold(article) if g.label == s["B"][0])
        assert (moved.start, moved.coders, moved.overlapping) == (s["B2"][1], ("carol",),
                                                                  ("alice", "bob"))
        assert project.gold.get(gold_b.uuid).deleted
        label, start, end = s["C"]
        lead.add_gold(article, s["A"][0], start, end)
        lead.relabel(lead.gold(article)[-1].uuid, label)
        lead.note(lead.gold(article)[-1].uuid, "carol was right")
        lead.undo()
        assert lead.gold(article)[-1].rationale == ""
        lead.redo()
        lead.set_answer(article, "tone", None, from_coder="carol")
        lead.set_status(article, "done")
    with Project.open(path, read_only=True) as project:
        gold = {(g.label, g.start, g.end): g for g in project.gold.spans(article)}
        assert set(gold) == {s["A"], s["B2"], s["C"]}
        assert gold[s["C"]].rationale == "carol was right"
        assert project.gold.answer_rows(article)["tone"]["coders"] == ["carol"]
        assert project.gold.answers(article)["tone"] == "neutral"
        assert project.gold.status(article) == "done"
        assert "lead" not in project.coders.names()
        assert all("lead" not in v for v in project.statuses.done().values())


def test_undo_takes_everything_back(master):
    path, spans = master
    with Project.open(path) as project:
        lead = LeadSession(project)
        article = project.articles.ids()[1]
        lead.accept_agreed(article, "majority")
        added = {(g.label, g.start, g.end) for g in lead.gold(article)}
        assert spans[article]["A"] in added and spans[article]["B"] in added
        lead.reject(lead.gold(article)[0].uuid)
        lead.set_answer(article, "tone", "positive")
        for _ in range(3):
            lead.undo()
        assert not lead.gold(article) and not project.gold.answers(article)
        assert lead.status(article) == "not_started"
        assert not project.gold.any_in(article)  # no rejected rows left behind by undo
        lead.redo()
        assert {(g.label, g.start, g.end) for g in lead.gold(article)} == added
