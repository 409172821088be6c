"""Blind copies and merging, on real project files with the real seeds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.assign import assign
from annotator.core.errors import ProjectError
from annotator.core.importers import import_paths
from annotator.core.merge import merge
from annotator.core.store import Project
from annotator.core.schema import default_schema, schema_from_data
from annotator.core.tokenizer import tokenizer_id


@pytest.fixture
def master(tmp_path: Path, seed_files: list[Path]) -> Project:
    folder = tmp_path / "articles"
    folder.mkdir()
    base = [p.read_text(encoding="utf-8") for p in seed_files]
    for k in range(6):
        (folder / f"a{k}.txt").write_text(f"記事{k}\n" + base[k % 2][:1500], encoding="utf-8")
    project = Project.create(tmp_path / "master.annot")
    import_paths(project, [folder])
    yield project
    project.close()


def dump(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        spans = conn.execute(
            "SELECT uuid, article_id, coder, label, start_offset, end_offset, note, updated_at, "
            "deleted_at FROM annotations ORDER BY uuid"
        ).fetchall()
        statuses = conn.execute(
            "SELECT article_id, coder, status, updated_at FROM article_status ORDER BY 1, 2"
        ).fetchall()
    return spans + statuses


def first_token_span(project: Project, article_id: int, k: int = 3) -> tuple[int, int]:
    bounds = project.tokens.bounds(article_id, tokenizer_id())
    return bounds[k][0], bounds[k + 1][1]


def test_blind_copy_has_articles_and_schema_but_no_other_coders(master: Project, tmp_path: Path):
    a1 = master.articles.ids()[0]
    s, e = first_token_span(master, a1)
    master.annotations.add(a1, "bob", "security_concern", s, e, "bob's")
    master.statuses.set(a1, "bob", "done")
    master.annotations.add(a1, "alice", "economic_interest", s, e, "alice's earlier work")
    out = tmp_path / "alice copy.annot"
    report = assign(master, "alice", out)
    assert report.articles == [master.articles.get(i).external_id for i in master.articles.ids()]
    with Project.open(out) as copy:
        assert copy.schema.sha256 == master.schema.sha256
        assert copy.assigned_coder == "alice"
        assert copy.coders.names() == ["alice"]
        assert [a.coder for a in copy.annotations.list(include_deleted=True)] == ["alice"]
        assert all(not copy.statuses.of_article(i) for i in copy.articles.ids())
        art = copy.articles.get(copy.articles.ids()[0])
        assert art.sha256 == master.articles.get(a1).sha256
        tok = tokenizer_id()
        assert copy.tokens.bounds(art.id, tok) == master.tokens.bounds(a1, tok)


def test_assign_chosen_and_sampled_articles(master: Project, tmp_path: Path):
    ids = [master.articles.get(i).external_id for i in master.articles.ids()]
    report = assign(master, "alice", tmp_path / "a.annot", article_ids=[ids[4], ids[1]])
    assert report.articles == [ids[1], ids[4]]
    one = assign(master, "bob", tmp_path / "b1.annot", sample=3, seed=7)
    two = assign(master, "carol", tmp_path / "b2.annot", sample=3, seed=7)
    assert one.articles == two.articles and len(one.articles) == 3 and one.seed == 7
    drawn = assign(master, "dan", tmp_path / "b3.annot", sample=2)
    assert drawn.seed is not None and "--seed" in drawn.summary()
    again = assign(master, "erin", tmp_path / "b4.annot", sample=2, seed=drawn.seed)
    assert again.articles == drawn.articles


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"article_ids": ["nope"]}, "no article"),
        ({"sample": 99}, "only 6"),
        ({"sample": 0}, "at least 1"),
    ],
)
def test_assign_refuses_bad_requests(master: Project, tmp_path: Path, kwargs, message):
    with pytest.raises(ProjectError, match=message):
        assign(master, "alice", tmp_path / "x.annot", **kwargs)
    assert not (tmp_path / "x.annot").exists()


def test_assign_refuses_an_existing_file(master: Project, tmp_path: Path):
    (tmp_path / "taken.annot").write_bytes(b"keep me")
    with pytest.raises(ProjectError, match="already exists"):
        assign(master, "alice", tmp_path / "taken.annot")
    assert (tmp_path / "taken.annot").read_bytes() == b"keep me"


def code_in_copy(path: Path, coder: str, label: str, k: int = 3, done: bool = True) -> str:
    with Project.open(path) as copy:
        aid = copy.articles.ids()[0]
        s, e = first_token_span(copy, aid, k)
        ann = copy.annotations.add(aid, coder, label, s, e, f"{coder} note")
        if done:
            copy.statuses.set(aid, coder, "done")
        return ann.uuid


def test_merge_brings_spans_notes_statuses_and_is_idempotent(master: Project, tmp_path: Path):
    alice, bob = tmp_path / "alice.annot", tmp_path / "bob.annot"
    assign(master, "alice", alice)
    assign(master, "bob", bob)
    ua = code_in_copy(alice, "alice", "security_concern")
    ub = code_in_copy(bob, "bob", "economic_interest", k=5)
    report = merge(master, [alice, bob])
    assert [f.spans.added for f in report.files] == [1, 1]
    assert [f.statuses.added for f in report.files] == [1, 1]
    first = master.articles.ids()[0]
    assert {a.uuid: a.note for a in master.annotations.list(first)} == {
        ua: "alice note", ub: "bob note"
    }
    assert master.statuses.of_article(first) == {"alice": "done", "bob": "done"}
    before = dump(master.path)
    again = merge(master, [alice, bob])
    assert "nothing new" in again.summary()
    assert dump(master.path) == before


def test_merge_honours_deletions_and_newer_edits(master: Project, tmp_path: Path):
    alice = tmp_path / "alice.annot"
    assign(master, "alice", alice)
    uuid = code_in_copy(alice, "alice", "security_concern")
    merge(master, [alice])
    with Project.open(alice) as copy:
        copy.annotations.delete(uuid)
    report = merge(master, [alice])
    assert report.files[0].spans.removed == 1
    assert master.annotations.list() == []
    assert master.annotations.get(uuid).deleted
    # A later edit in the master is not overwritten by an older one from the file.
    master.annotations.restore(uuid)
    master.annotations.update(uuid, note="lead's fix")
    merge(master, [alice])
    assert master.annotations.get(uuid).note == "lead's fix" and not master.annotations.get(uuid).deleted


def test_merge_refuses_changed_text_by_name_and_changes_nothing(master: Project, tmp_path: Path):
    alice, bob = tmp_path / "alice.annot", tmp_path / "bob.annot"
    assign(master, "alice", alice)
    assign(master, "bob", bob)
    code_in_copy(alice, "alice", "security_concern")
    code_in_copy(bob, "bob", "security_concern")
    with sqlite3.connect(bob) as conn:  # a text changed behind the app's back
        [trigger] = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'articles_text_frozen'").fetchone()
        conn.execute("DROP TRIGGER articles_text_frozen")
        conn.execute("UPDATE articles SET text = text || '追記', sha256 = 'x' WHERE id = 2")
        conn.execute(trigger)  # the schema as the app made it: only the text differs
        ext = conn.execute("SELECT external_id FROM articles WHERE id = 2").fetchone()[0]
    before = dump(master.path)
    with pytest.raises(ProjectError, match=f"article '{ext}' has a different text"):
        merge(master, [alice, bob])
    assert dump(master.path) == before  # alice's file was not half-merged either


def test_merge_refuses_another_schema_naming_labels(master: Project, tmp_path: Path):
    data = default_schema().data
    other = {**data, "labels": [
        {**data["labels"][0], "color": "#000000"}, data["labels"][1],
        {**data["labels"][2], "id": "autonomy"},
    ]}
    path = tmp_path / "other.annot"
    Project.create(path, schema=schema_from_data(other)).close()
    with pytest.raises(ProjectError) as err:
        merge(master, [path])
    message = str(err.value)
    assert "'self_reliance' only in the master" in message
    assert "'autonomy' only in the file" in message
    assert "'security_concern' differs in color" in message


def test_merge_refuses_the_master_itself(master: Project):
    with pytest.raises(ProjectError, match="master project itself"):
        merge(master, [master.path])


def test_blind_copy_has_cue_highlights_ready(master: Project, tmp_path: Path):
    out = tmp_path / "ready.annot"
    assign(master, "alice", out)
    with Project.open(out) as copy:
        for article_id in copy.articles.ids():
            cues = copy.tokens.cues(article_id, copy.schema.sha256, tokenizer_id())
            assert cues is not None
        assert any(copy.tokens.cues(i, copy.schema.sha256, tokenizer_id())
                   for i in copy.articles.ids())
