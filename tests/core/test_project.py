"""The project file: opening rules, migrations, annotations, statuses, frozen text, durability."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.store import migrations
from annotator.core.errors import ProjectError
from annotator.core.store.migrations import APPLICATION_ID, LATEST_VERSION
from annotator.core.model import STATUSES
from annotator.core.store import Project
from annotator.core.schema import default_schema
from annotator.core.text import text_sha256
from annotator.core.tokenizer import token_bounds, tokenizer_id

TEXT = "𠮷田氏は安全保障上の懸念を示した。\n経済的な利益も大きい。"


def sidecars(path: Path) -> list[Path]:
    return [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")) if p.exists()]


def raw(path: Path) -> sqlite3.Connection:
    """A second, plain connection to the same file."""
    return sqlite3.connect(str(path))


@pytest.fixture
def article(project: Project) -> int:
    return project.articles.add(external_id="a1", text=TEXT, title="題")


# --- opening ---------------------------------------------------------------------------------


def test_create_and_open(tmp_path: Path) -> None:
    path = tmp_path / "study.annot"
    with Project.create(path, name="My study") as proj:
        assert proj.name == "My study"
        assert proj.schema.sha256 == default_schema().sha256
        proj.articles.add(external_id="x", text="本文")
    with Project.open(path) as proj:
        assert proj.name == "My study"
        assert proj.schema.label_ids == default_schema().label_ids
        assert [a.external_id for a in proj.articles.summaries()] == ["x"]


def test_default_name_is_the_file_stem(tmp_path: Path) -> None:
    with Project.create(tmp_path / "alice.annot") as proj:
        assert proj.name == "alice"


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "exists.annot"
    path.write_bytes(b"precious")
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(path)
    assert path.read_bytes() == b"precious"
    with Project.create(tmp_path / "p.annot"):
        pass
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(tmp_path / "p.annot")


def test_create_in_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no such folder"):
        Project.create(tmp_path / "nope" / "p.annot")
    assert not (tmp_path / "nope").exists()


def test_pragmas(project: Project) -> None:
    db = project.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert APPLICATION_ID == int.from_bytes(b"FRMA", "big")
    # the journal mode is stored in the file itself
    with raw(project.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION


def test_foreign_keys_enforced(project: Project) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        project.db.execute(
            "INSERT INTO article_status (article_id, coder, status, updated_at) "
            "VALUES (999, 'nobody', 'done', 'now')"
        )
    project.db.conn.rollback()


def test_newer_file_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "future.annot"
    with Project.create(path) as proj:
        proj.articles.add(external_id="a", text="本文")
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    assert sidecars(path) == []
    with pytest.raises(ProjectError) as info:
        Project.open(path)
    message = str(info.value)
    assert "newer" in message
    assert "99" in message
    assert str(path) in message
    assert path.read_bytes() == before
    assert sidecars(path) == []
    assert list(tmp_path.iterdir()) == [path]  # no backup either


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"just some text\n", "not an SQLite file"),
        (b"", "not an SQLite file"),
        (b"SQLite format 3\x00" + b"\x00" * 84 + b"garbage" * 200, "not a Framing Annotator project"),
    ],
    ids=["text", "empty", "corrupt"],
)
def test_non_project_files_are_refused(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.annot"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match=reason):
        Project.open(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('x')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="not a Framing Annotator project"):
        Project.open(path)
    assert path.read_bytes() == before
    assert sidecars(path) == []


def test_other_application_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match="not a Framing Annotator project"):
        Project.open(path)


def test_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no such project file"):
        Project.open(tmp_path / "missing.annot")
    assert not (tmp_path / "missing.annot").exists()
    with pytest.raises(ProjectError, match="is a folder"):
        Project.open(tmp_path)


# --- migrations ------------------------------------------------------------------------------


def test_migrate_new_file(tmp_path: Path) -> None:
    path = tmp_path / "m.annot"
    conn = sqlite3.connect(str(path))
    try:
        expected = [f"{m.version:03d}_{m.name}" for m in migrations.MIGRATIONS]
        assert expected[0] == "001_initial"
        assert migrations.migrate(conn, path) == expected
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"meta", "articles", "annotations", "article_status", "coders"} <= tables
        assert migrations.migrate(conn, path) == []  # already current
    finally:
        conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.annot"]  # nothing to back up


def test_failed_migration_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    """A file of ours at version 0 that already has a table in the way: all or nothing."""
    path = tmp_path / "v0.annot"
    conn = sqlite3.connect(str(path))
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE articles (x)")
    conn.execute("INSERT INTO articles VALUES ('kept')")
    conn.commit()
    with pytest.raises(sqlite3.OperationalError, match="already exists"):
        migrations.migrate(conn, path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"articles"}  # `meta`, created before the failure, was rolled back
    assert conn.execute("SELECT x FROM articles").fetchall() == [("kept",)]
    conn.close()
    with pytest.raises(ProjectError, match="not a Framing Annotator project"):
        Project.open(path)
    assert conn is not None and sorted(p.name for p in tmp_path.iterdir()) == ["v0.annot"]


def test_older_file_is_backed_up_then_migrated(tmp_path: Path, seed_files) -> None:
    """A project written at version 1 opens after a backup that still holds its data."""
    from annotator.core.schema import default_schema

    path = tmp_path / "old.annot"
    conn = sqlite3.connect(str(path))
    first = migrations.MIGRATIONS[0]
    for statement in first.statements:
        conn.execute(statement)
    schema = default_schema()
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("name", "old"), ("schema_json", schema.to_json()), ("schema_sha256", schema.sha256)])
    conn.execute(
        "INSERT INTO articles (external_id, text, sha256, imported_at) VALUES ('a', '本文', 'x', 't')"
    )
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {first.version}")
    conn.commit()
    conn.close()
    with Project.open(path) as project:
        assert [a.external_id for a in project.articles.summaries()] == ["a"]
        version = project.db.execute("PRAGMA user_version").fetchone()[0]
        assert version == LATEST_VERSION > first.version
    (backup,) = [p for p in tmp_path.iterdir() if p.name.endswith(".bak")]
    assert backup.name.startswith("old.annot.v1-")
    with sqlite3.connect(backup) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("SELECT text FROM articles").fetchall() == [("本文",)]
        tables = {r[0] for r in old.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "article_cues" not in tables


def test_backup_path_names_version() -> None:
    target = migrations.backup_path(Path("/x/alice.annot"), 3)
    assert target.parent == Path("/x")
    assert target.name.startswith("alice.annot.v3-")
    assert target.name.endswith("Z.bak")


def test_check_openable_only_reads(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    conn = sqlite3.connect(str(path))
    assert migrations.check_openable(conn, path) == 0
    conn.close()
    assert not path.exists() or path.stat().st_size == 0


# --- articles --------------------------------------------------------------------------------


def test_article_stored(project: Project, article: int) -> None:
    art = project.articles.get(article)
    assert art.text == TEXT
    assert art.sha256 == text_sha256(TEXT)
    assert art.external_id == "a1"
    assert art.title == "題"
    assert project.articles.by_sha(text_sha256(TEXT)) == article
    assert project.articles.by_external_id("a1") == article
    assert project.articles.find("a1").id == article
    assert project.articles.find("1").id == article
    with pytest.raises(ProjectError, match="no article 'zz'"):
        project.articles.find("zz")
    with pytest.raises(ProjectError, match="no article with id 99"):
        project.articles.get(99)
    summary = project.articles.summaries()[0]
    assert (summary.id, summary.external_id, summary.length) == (article, "a1", len(TEXT))


def test_token_cache(project: Project) -> None:
    bounds = token_bounds(TEXT)
    aid = project.articles.add(external_id="b", text=TEXT, bounds=bounds, tokenizer=tokenizer_id())
    assert project.tokens.bounds(aid, tokenizer_id()) == bounds
    assert project.tokens.bounds(aid, "another tokenizer") is None


# --- annotations -----------------------------------------------------------------------------


def test_add_annotation_stores_covered_text(project: Project, article: int) -> None:
    ann = project.annotations.add(article, " alice ", "security_concern", 4, 12, note="覚え書き")
    assert ann.text == "安全保障上の懸念"
    assert ann.coder == "alice"  # stripped
    assert ann.created_at == ann.updated_at
    assert ann.deleted_at is None
    stored = project.annotations.get(ann.uuid)
    assert stored == ann
    assert project.coders.names() == ["alice"]
    row = project.db.execute(
        "SELECT start_offset, end_offset, text, note FROM annotations WHERE uuid = ?", [ann.uuid]
    ).fetchone()
    assert row == (4, 12, "安全保障上の懸念", "覚え書き")


def test_astral_offsets_are_code_points(project: Project, article: int) -> None:
    ann = project.annotations.add(article, "alice", "security_concern", 0, 3)
    assert ann.text == "𠮷田氏"


@pytest.mark.parametrize(
    ("label", "start", "end", "match"),
    [
        ("conflict", 0, 2, "unknown label 'conflict'"),
        ("", 0, 2, "unknown label ''"),
        ("security_concern", -1, 2, "outside"),
        ("security_concern", 5, 5, "or empty"),
        ("security_concern", 6, 4, "outside"),
        ("security_concern", 0, len(TEXT) + 1, "outside"),
    ],
)
def test_bad_annotations_refused(
    project: Project, article: int, label: str, start: int, end: int, match: str
) -> None:
    with pytest.raises(ProjectError, match=match):
        project.annotations.add(article, "alice", label, start, end)
    assert project.annotations.list(include_deleted=True) == []


def test_whole_text_annotation_allowed(project: Project, article: int) -> None:
    ann = project.annotations.add(article, "alice", "economic_interest", 0, len(TEXT))
    assert ann.text == TEXT


@pytest.mark.parametrize("name", ["", "   ", "a\tb", "x" * 65])
def test_bad_coder_names(project: Project, article: int, name: str) -> None:
    with pytest.raises(ProjectError):
        project.annotations.add(article, name, "security_concern", 0, 1)
    assert project.coders.names() == []


def test_duplicate_uuid_refused(project: Project, article: int) -> None:
    ann = project.annotations.add(article, "alice", "security_concern", 0, 1)
    with pytest.raises(ProjectError, match="already exists"):
        project.annotations.add(article, "bob", "security_concern", 0, 1, uuid=ann.uuid)
    assert len(project.annotations.list()) == 1


def test_update_delete_restore(project: Project, article: int) -> None:
    ann = project.annotations.add(article, "alice", "security_concern", 4, 12)
    other = project.annotations.add(article, "bob", "economic_interest", 19, 24)
    relabelled = project.annotations.update(ann.uuid, label="self_reliance")
    assert relabelled.label == "self_reliance"
    assert relabelled.note == ""
    noted = project.annotations.update(ann.uuid, note="要確認")
    assert (noted.label, noted.note) == ("self_reliance", "要確認")
    assert (noted.start, noted.end, noted.text) == (4, 12, "安全保障上の懸念")
    assert noted.updated_at >= noted.created_at
    with pytest.raises(ProjectError, match="unknown label"):
        project.annotations.update(ann.uuid, label="nope")
    assert project.annotations.get(ann.uuid).label == "self_reliance"

    deleted = project.annotations.delete(ann.uuid)
    assert deleted.deleted
    assert deleted.deleted_at == deleted.updated_at
    assert [a.uuid for a in project.annotations.list()] == [other.uuid]
    assert [a.uuid for a in project.annotations.list(article, "alice")] == []
    tomb = project.annotations.list(include_deleted=True)
    assert {a.uuid for a in tomb} == {ann.uuid, other.uuid}
    assert project.db.execute("SELECT count(*) FROM annotations").fetchone()[0] == 2
    assert project.annotations.any_in(article)

    restored = project.annotations.restore(ann.uuid)
    assert not restored.deleted
    assert (restored.label, restored.note) == ("self_reliance", "要確認")
    assert [a.uuid for a in project.annotations.list()] == [ann.uuid, other.uuid]

    for method in (project.annotations.delete, project.annotations.restore, project.annotations.get):
        with pytest.raises(ProjectError, match="no annotation"):
            method("00000000-0000-0000-0000-000000000000")


def test_annotations_filters_and_order(project: Project, article: int) -> None:
    second = project.articles.add(external_id="a2", text="別の記事です。")
    a = project.annotations.add(article, "bob", "security_concern", 10, 12)
    b = project.annotations.add(article, "alice", "security_concern", 4, 12)
    c = project.annotations.add(article, "alice", "economic_interest", 4, 8)
    d = project.annotations.add(second, "alice", "self_reliance", 0, 2)
    assert [x.uuid for x in project.annotations.list()] == [b.uuid, c.uuid, a.uuid, d.uuid]
    assert [x.uuid for x in project.annotations.list(article)] == [b.uuid, c.uuid, a.uuid]
    assert [x.uuid for x in project.annotations.list(coder="alice")] == [b.uuid, c.uuid, d.uuid]
    assert [x.uuid for x in project.annotations.list(second, "bob")] == []


# --- status ----------------------------------------------------------------------------------


def test_statuses(project: Project, article: int) -> None:
    assert project.statuses.get(article, "alice") == "not_started"
    assert project.statuses.set(article, "alice", "in_progress") == "not_started"
    assert project.statuses.set(article, "alice", "done") == "in_progress"
    assert project.statuses.set(article, "bob", "in_progress") == "not_started"
    assert project.statuses.of_article(article) == {"alice": "done", "bob": "in_progress"}
    summary = project.articles.summaries()[0]
    assert summary.status("alice") == "done"
    assert summary.status("carol") == "not_started"
    assert project.coders.names() == ["alice", "bob"]
    assert STATUSES == ("not_started", "in_progress", "done")


def test_bad_status(project: Project, article: int) -> None:
    with pytest.raises(ProjectError, match="unknown status 'finished'"):
        project.statuses.set(article, "alice", "finished")
    with pytest.raises(ProjectError, match="no article"):
        project.statuses.set(999, "alice", "done")
    assert project.statuses.of_article(article) == {}


# --- the text is frozen once annotated ------------------------------------------------------


def test_text_frozen_trigger(project: Project, article: int) -> None:
    # before any annotation the text may change (trimming)
    project.db.execute("UPDATE articles SET text = text WHERE id = ?", [article])
    project.annotations.add(article, "alice", "security_concern", 4, 12)
    project.annotations.delete(project.annotations.list()[0].uuid)  # even a deleted span counts
    with raw(project.path) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="article text is annotated"):
            conn.execute("UPDATE articles SET text = 'changed' WHERE id = ?", [article])
        # other columns may still change
        conn.execute("UPDATE articles SET title = 'new title' WHERE id = ?", [article])
    assert project.articles.get(article).text == TEXT
    assert project.articles.get(article).title == "new title"


def test_replace_text(project: Project, article: int) -> None:
    new = "𠮷田氏は安全保障上の懸念を示した。"
    project.articles.replace_text(article, new, token_bounds(new), tokenizer_id())
    art = project.articles.get(article)
    assert (art.text, art.sha256) == (new, text_sha256(new))
    assert project.tokens.bounds(article, tokenizer_id()) == token_bounds(new)
    project.annotations.add(article, "alice", "security_concern", 4, 12)
    with pytest.raises(ProjectError, match="already has annotations"):
        project.articles.replace_text(article, "x", [(0, 1)], tokenizer_id())
    assert project.articles.get(article).text == new


def test_replace_text_refuses_a_duplicate(project: Project, article: int) -> None:
    other = project.articles.add(external_id="b", text="短い")
    with pytest.raises(ProjectError, match="identical to article 'a1'"):
        project.articles.replace_text(other, TEXT, token_bounds(TEXT), tokenizer_id())
    assert project.articles.get(other).text == "短い"


# --- durability -----------------------------------------------------------------------------


def test_every_edit_is_visible_to_another_connection(project: Project) -> None:
    path = project.path
    conn = raw(path)
    try:
        def one(sql: str, *params):
            return conn.execute(sql, params).fetchone()

        aid = project.articles.add(external_id="d", text=TEXT)
        assert one("SELECT external_id FROM articles WHERE id = ?", aid) == ("d",)
        ann = project.annotations.add(aid, "alice", "security_concern", 4, 12, note="n")
        assert one("SELECT label, text, note FROM annotations WHERE uuid = ?", ann.uuid) == (
            "security_concern", "安全保障上の懸念", "n",
        )
        project.annotations.update(ann.uuid, label="economic_interest")
        assert one("SELECT label FROM annotations WHERE uuid = ?", ann.uuid) == ("economic_interest",)
        project.annotations.update(ann.uuid, note="m")
        assert one("SELECT note FROM annotations WHERE uuid = ?", ann.uuid) == ("m",)
        project.annotations.delete(ann.uuid)
        assert one("SELECT deleted_at IS NOT NULL FROM annotations WHERE uuid = ?", ann.uuid) == (1,)
        project.annotations.restore(ann.uuid)
        assert one("SELECT deleted_at FROM annotations WHERE uuid = ?", ann.uuid) == (None,)
        project.statuses.set(aid, "alice", "done")
        assert one("SELECT status FROM article_status WHERE article_id = ?", aid) == ("done",)
        project.coders.add("carol")
        assert one("SELECT count(*) FROM coders") == (2,)
        assert not project.db.conn.in_transaction
        # and through a second Project on the same file, without closing the first
        with Project.open(path) as second:
            assert second.annotations.get(ann.uuid).label == "economic_interest"
            assert second.statuses.of_article(aid) == {"alice": "done"}
    finally:
        conn.close()


def test_transaction_is_all_or_nothing(project: Project) -> None:
    with pytest.raises(RuntimeError):
        with project.transaction():
            project.articles.add(external_id="t1", text="一つ目")
            project.articles.add(external_id="t2", text="二つ目")
            raise RuntimeError("boom")
    assert project.articles.summaries() == []
    with project.transaction():
        project.articles.add(external_id="t1", text="一つ目")
    assert [a.external_id for a in project.articles.summaries()] == ["t1"]


def test_db_is_a_sqlite_utils_database_on_the_project_connection(project: Project,
                                                                  article: int) -> None:
    """Scripts and tests get sqlite-utils on the very connection the store writes through
    (made when first asked for: the store itself never needs it)."""
    import sqlite_utils

    db = project.db
    assert isinstance(db, sqlite_utils.Database) and db.conn is project.conn
    assert project.db is db
    assert db["articles"].count == 1
    assert {"articles", "annotations", "meta"} <= set(db.table_names())
