"""Adjusting a span's boundaries: a replacement (new UUID, old one deleted), one undoable step,
on disk at once, merged as a deletion and an addition; and the rules that move one edge."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.assign import assign
from annotator.core.errors import ProjectError, StaleError
from annotator.core.importers import import_paths
from annotator.core.merge import merge
from annotator.core.session import Session
from annotator.core.span_edges import EMPTY, OUTSIDE, EdgeRefused, drag_edge, step_edge
from annotator.core.spans import TokenIndex
from annotator.core.store import Project
from tests.disk_rows import spans_on_disk as on_disk

TEXT = "政府は経済安全保障の強化を急ぐ。\n半導体の供給網を国内に戻す。"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    source = tmp_path / "a1.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "p.annot"
    with Project.create(target) as project:
        import_paths(project, [source])
    return target


def test_adjust_replaces_the_span_and_undo_redo_swap_the_two(path: Path) -> None:
    with Project.open(path) as project:
        session = Session(project, "alice")
        opened = session.open_article(project.articles.ids()[0])
        start = TEXT.index("経済")
        session.add_span(opened, "security_concern", start, start + 2)
        (span,) = session.spans(opened.article.id)
        session.edit_note(span, "メモ")
        span = session.annotation(span.uuid)

        change = session.adjust_span(span, start, start + 4)
        (new,) = session.spans(opened.article.id)
        assert change.uuid == new.uuid != span.uuid
        assert (new.start, new.end, new.text, new.label, new.note, new.coder) == (
            start, start + 4, "経済安全", "security_concern", "メモ", "alice")
        assert session.history.undo_text == "adjust span"
        rows = on_disk(path)
        assert rows == [(span.uuid, start, start + 2, "経済", "security_concern", "メモ", 1),
                        (new.uuid, start, start + 4, "経済安全", "security_concern", "メモ", 0)]

        assert session.undo().uuid == span.uuid
        assert [(a.uuid, a.start, a.end) for a in session.spans(opened.article.id)] == [
            (span.uuid, start, start + 2)]
        assert [r[-1] for r in on_disk(path)] == [0, 1]
        assert session.redo().uuid == new.uuid
        assert [(a.uuid, a.end) for a in session.spans(opened.article.id)] == [(new.uuid, start + 4)]
        assert on_disk(path) == rows  # the offsets of each UUID never changed
        # An adjustment of the adjusted span is one more step, undone one at a time.
        session.adjust_span(session.annotation(new.uuid), start + 2, start + 4)
        session.undo()
        session.undo()
        assert [(a.uuid, a.start, a.end) for a in session.spans(opened.article.id)] == [
            (span.uuid, start, start + 2)]
        assert session.annotation(span.uuid).note == "メモ"


def test_adjust_refuses_an_empty_or_outside_span_and_changes_nothing(path: Path) -> None:
    with Project.open(path) as project:
        session = Session(project, "alice")
        opened = session.open_article(project.articles.ids()[0])
        session.add_span(opened, "security_concern", 3, 5)
        (span,) = session.spans(opened.article.id)
        before = on_disk(path)
        for start, end in [(3, 3), (5, 3), (3, len(TEXT) + 1), (-1, 5), (3, 5)]:
            with pytest.raises(ProjectError):
                session.adjust_span(span, start, end)
            assert on_disk(path) == before
        assert session.history.undo_text == "add security_concern"


def test_adjusting_a_span_another_window_changed_is_refused(path: Path) -> None:
    with Project.open(path) as one, Project.open(path) as two:
        a, b = Session(one, "alice"), Session(two, "alice")
        opened = a.open_article(one.articles.ids()[0])
        a.add_span(opened, "security_concern", 3, 5)
        shown = a.spans(opened.article.id)[0]
        b.relabel(b.annotation(shown.uuid), "economic_interest")
        before = on_disk(path)
        with pytest.raises(StaleError, match="another window"):
            a.adjust_span(shown, 3, 7)
        assert on_disk(path) == before


def test_merge_of_a_copy_with_an_adjusted_span(tmp_path: Path, path: Path) -> None:
    copy = tmp_path / "alice.annot"
    with Project.open(path) as master:
        assign(master, "alice", copy)
    with Project.open(copy) as project:
        session = Session(project, "alice")
        opened = session.open_article(project.articles.ids()[0])
        session.add_span(opened, "security_concern", 3, 5)
    with Project.open(path) as master:
        merge(master, [copy])
        (first,) = master.annotations.list()
    with Project.open(copy) as project:
        session = Session(project, "alice")
        session.adjust_span(session.annotation(first.uuid), 3, 9)
        new_uuid = session.spans(first.article_id)[0].uuid
    with Project.open(path) as master:
        report = merge(master, [copy])
        assert report.files[0].spans.removed == 1 and report.files[0].spans.added == 1
        assert master.annotations.get(first.uuid).deleted
        (live,) = master.annotations.list()
        assert (live.uuid, live.start, live.end, live.text) == (new_uuid, 3, 9, TEXT[3:9])
        before = on_disk(path)
        assert "nothing new" in merge(master, [copy]).summary()
        assert on_disk(path) == before


# --- moving one edge ----------------------------------------------------------------------

#: 政府|は|経済|安全|保障 ... as (start, end) token bounds, with a space in the middle
SPACED = "政府は 経済安全"
TOKENS = TokenIndex([(0, 2), (2, 3), (4, 6), (6, 8)])


def test_steps_by_token() -> None:
    assert step_edge(SPACED, TOKENS, 0, 2, "end", True) == (0, 3)
    assert step_edge(SPACED, TOKENS, 0, 3, "end", True) == (0, 6)  # over the space
    assert step_edge(SPACED, TOKENS, 0, 6, "end", False) == (0, 3)
    assert step_edge(SPACED, TOKENS, 4, 8, "start", True) == (6, 8)
    assert step_edge(SPACED, TOKENS, 4, 8, "start", False) == (2, 8)
    assert step_edge(SPACED, TOKENS, 1, 2, "start", False) == (0, 2)  # a character-made start
    with pytest.raises(EdgeRefused) as refused:
        step_edge(SPACED, TOKENS, 4, 8, "end", True)
    assert refused.value.reason == OUTSIDE
    with pytest.raises(EdgeRefused) as refused:
        step_edge(SPACED, TOKENS, 0, 2, "start", False)
    assert refused.value.reason == OUTSIDE
    for edge, forward in (("end", False), ("start", True)):
        with pytest.raises(EdgeRefused) as refused:
            step_edge(SPACED, TOKENS, 4, 6, edge, forward)
        assert refused.value.reason == EMPTY


def test_steps_by_character_keep_clusters_whole_and_skip_spaces() -> None:
    text = "𠮷田 👩\u200d💻か\u309aと"
    yoshi, family, ka = 0, text.index("👩"), text.index("か")
    assert step_edge(text, None, yoshi, yoshi + 1, "end", True) == (0, 2)
    assert step_edge(text, None, 0, 2, "end", True) == (0, family + 3)  # the space, the emoji
    assert step_edge(text, None, 0, family + 3, "end", True) == (0, ka + 2)  # か゚ is one
    assert step_edge(text, None, 0, ka + 2, "end", False) == (0, family + 3)
    assert step_edge(text, None, 0, family + 3, "end", False) == (0, 2)
    assert step_edge(text, None, ka, ka + 3, "start", False) == (family, ka + 3)
    assert step_edge(text, None, family, ka + 3, "start", False) == (1, ka + 3)
    assert step_edge(text, None, 1, ka + 3, "start", True) == (family, ka + 3)
    with pytest.raises(EdgeRefused, match="empty"):
        step_edge(text, None, ka, ka + 2, "start", True)
    with pytest.raises(EdgeRefused, match="edge of the article"):
        step_edge(text, None, ka, len(text), "end", True)
    with pytest.raises(EdgeRefused, match="edge of the article"):
        step_edge(" 𠮷", None, 1, 2, "start", False)


def test_a_dragged_edge_snaps_like_a_selection() -> None:
    assert drag_edge(SPACED, TOKENS, 0, 2, "end", 5) == (0, 6)  # into 経済: all of it
    assert drag_edge(SPACED, TOKENS, 0, 6, "end", 4) == (0, 3)  # just after the space
    assert drag_edge(SPACED, TOKENS, 4, 8, "start", 1) == (0, 8)
    assert drag_edge(SPACED, TOKENS, 4, 8, "start", 7) == (6, 8)
    assert drag_edge(SPACED, None, 4, 8, "start", 7) == (7, 8)
    assert drag_edge(SPACED, None, 0, 2, "end", 4) == (0, 3)  # a span never ends on a space
    for edge, offset in (("end", 4), ("start", 8), ("start", 99)):
        with pytest.raises(EdgeRefused, match="empty"):
            drag_edge(SPACED, TOKENS, 4, 8, edge, offset)
