"""JSONL export: what import reads back unchanged, offsets included."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from annotator.core.exporters import article_objects, write_jsonl
from annotator.core.importers import import_paths
from annotator.core.store import Project
from annotator.core.text import text_sha256

FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467"

RAW_TEXTS = {
    "astral": "𠮷田氏は安全保障上の懸念を示した。",
    "emoji": f"家族{FAMILY}と国旗🇯🇵、いいね👍🏽❤️。\n市場の価格が上がる。",
    "crlf": "\ufeff見出し\r\n\r\n本文は\x00ここから。\r\n経済的利益が\r\n大きい。\r\n",
    "separators": "段落一\u2028段落二\u2029段落三\x85終わり",
    "plain": "自給率の向上と国産化。",
}


def _annotation(text: str, covered: str, **extra) -> dict:
    start = text.index(covered)
    return {"start": start, "end": start + len(covered), "text": covered, **extra}


def source_lines() -> list[dict]:
    t = RAW_TEXTS
    return [
        {
            "id": "astral", "title": "𠮷の記事", "source": "共同", "published": "2025-12-01",
            "meta": {"section": "政治", "rank": 2, "tags": ["a", "b"]}, "text": t["astral"],
            "annotations": [
                _annotation(t["astral"], "𠮷田氏", coder="alice", label="security_concern",
                            uuid="aaaaaaaa-0000-4000-8000-000000000001", note="人名",
                            created="2025-12-01T01:02:03.004Z", updated="2025-12-02T01:02:03.004Z"),
                _annotation(t["astral"], "安全保障上の懸念", coder="bob", label="security_concern",
                            uuid="aaaaaaaa-0000-4000-8000-000000000002"),
                _annotation(t["astral"], "懸念", coder="alice", label="economic_interest",
                            uuid="aaaaaaaa-0000-4000-8000-000000000003", note="要議論"),
            ],
            "status": {"alice": "done", "bob": "in_progress"},
        },
        {
            "id": "emoji", "text": t["emoji"],
            "annotations": [
                _annotation(t["emoji"], FAMILY, coder="carol", label="self_reliance"),
                _annotation(t["emoji"], "🇯🇵", coder="carol", label="self_reliance"),
                _annotation(t["emoji"], "👍🏽❤️。\n市場", coder="carol", label="economic_interest"),
            ],
            "status": {"carol": "done"},
        },
        {
            "id": "crlf", "text": t["crlf"],
            "annotations": [
                _annotation(t["crlf"], "本文は\x00ここから。\r\n経済", coder="alice",
                            label="economic_interest"),
                _annotation(t["crlf"], "大きい。", coder="bob", label="economic_interest"),
            ],
        },
        {
            "id": "separators", "text": t["separators"],
            "annotations": [_annotation(t["separators"], "段落二\u2029段落三", coder="bob",
                                        label="security_concern")],
        },
        {"id": "plain", "text": t["plain"], "status": {"dave": "not_started"}},
    ]


EXPECTED_COVERED = {
    "astral": {("alice", "𠮷田氏"), ("bob", "安全保障上の懸念"), ("alice", "懸念")},
    "emoji": {("carol", FAMILY), ("carol", "🇯🇵"), ("carol", "👍🏽❤️。\n市場")},
    "crlf": {("alice", "本文はここから。\n経済"), ("bob", "大きい。")},
    "separators": {("bob", "段落二\u2029段落三")},
    "plain": set(),
}


def export_text(project: Project) -> str:
    buf = io.StringIO()
    write_jsonl(project, buf)
    return buf.getvalue()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "source.jsonl"
    path.write_text(
        "\n".join(json.dumps(o, ensure_ascii=False) for o in source_lines()) + "\n", encoding="utf-8"
    )
    return path


def test_round_trip_is_identical(tmp_path: Path, source: Path) -> None:
    with Project.create(tmp_path / "one.annot") as one:
        report = import_paths(one, [source])
        assert report.annotations == 9
        first = export_text(one)
    exported = tmp_path / "exported.jsonl"
    exported.write_text(first, encoding="utf-8")
    with Project.create(tmp_path / "two.annot") as two:
        import_paths(two, [exported])
        second = export_text(two)
    assert second == first
    assert first.endswith("\n")
    assert "\u2028" in first  # written raw: import must not split lines there
    assert first.count("\n") == 5  # one LF per article and no other: LF in texts is escaped


def test_what_survives(tmp_path: Path, source: Path) -> None:
    with Project.create(tmp_path / "one.annot") as one:
        import_paths(one, [source])
        objects = {o["id"]: o for o in article_objects(one)}
    assert list(objects) == ["astral", "emoji", "crlf", "separators", "plain"]
    astral = objects["astral"]
    assert (astral["title"], astral["source"], astral["published"]) == ("𠮷の記事", "共同", "2025-12-01")
    assert astral["meta"] == {"section": "政治", "rank": 2, "tags": ["a", "b"]}
    assert astral["sha256"] == text_sha256(astral["text"])
    assert astral["status"] == {"alice": "done", "bob": "in_progress"}
    assert objects["plain"]["status"] == {"dave": "not_started"}
    assert objects["crlf"]["status"] == {}
    alice = next(a for a in astral["annotations"] if a["uuid"].endswith("01"))
    revision = {k: alice.pop(k) for k in ("rev", "rev_file", "seen")}
    assert alice == {
        "uuid": "aaaaaaaa-0000-4000-8000-000000000001", "coder": "alice", "label": "security_concern",
        "start": 0, "end": 3, "text": "𠮷田氏", "note": "人名",
        "created": "2025-12-01T01:02:03.004Z", "updated": "2025-12-02T01:02:03.004Z",
        "deleted": None, "cue_own": False, "cue_other": False,  # 𠮷田氏 is no cue word
    }
    # imported without a revision: a new edit of the importing file
    assert revision["seen"] == {revision["rev_file"]: revision["rev"]} and revision["rev"] > 0
    assert objects["crlf"]["text"] == "見出し\n\n本文はここから。\n経済的利益が\n大きい。\n"
    for ident, obj in objects.items():
        got = {(a["coder"], a["text"]) for a in obj["annotations"]}
        assert got == EXPECTED_COVERED[ident], ident
        for a in obj["annotations"]:
            assert obj["text"][a["start"] : a["end"]] == a["text"]


def snapshot(project: Project) -> dict:
    """Everything an export must carry, as comparable values."""
    return {
        "articles": [(a.external_id, a.title, a.length) for a in project.articles.summaries()],
        "texts": [project.articles.get(a.id).text for a in project.articles.summaries()],
        "meta": [project.articles.get(a.id).meta for a in project.articles.summaries()],
        "annotations": [
            (a.uuid, a.coder, a.label, a.start, a.end, a.text, a.note, a.created_at, a.updated_at)
            for a in project.annotations.list()
        ],
        "statuses": [project.statuses.of_article(a.id) for a in project.articles.summaries()],
    }


def test_round_trip_keeps_everything(tmp_path: Path, source: Path) -> None:
    with Project.create(tmp_path / "one.annot") as one:
        import_paths(one, [source])
        exported = tmp_path / "exported.jsonl"
        exported.write_text(export_text(one), encoding="utf-8")
        first = snapshot(one)
    with Project.create(tmp_path / "two.annot") as two:
        import_paths(two, [exported])
        second = snapshot(two)
    assert second == first
    assert len(first["annotations"]) == 9
    assert first["statuses"][0] == {"alice": "done", "bob": "in_progress"}


def test_edits_are_exported(tmp_path: Path, source: Path) -> None:
    with Project.create(tmp_path / "one.annot") as one:
        import_paths(one, [source])
        aid = one.articles.find("astral").id
        doomed = "aaaaaaaa-0000-4000-8000-000000000003"
        one.annotations.delete(doomed)
        one.annotations.update("aaaaaaaa-0000-4000-8000-000000000002", label="self_reliance", note="変更")
        one.statuses.set(aid, "bob", "done")
        obj = next(o for o in article_objects(one) if o["id"] == "astral")
    deleted = {a["uuid"]: a["deleted"] for a in obj["annotations"]}
    assert deleted[doomed] is not None  # the deletion travels, marked
    assert sum(d is None for d in deleted.values()) == len(deleted) - 1
    bob = next(a for a in obj["annotations"] if a["coder"] == "bob")
    assert (bob["label"], bob["note"]) == ("self_reliance", "変更")
    assert obj["status"]["bob"] == "done"


def test_write_jsonl_counts_and_empty_project(project: Project, source: Path) -> None:
    buf = io.StringIO()
    assert write_jsonl(project, buf) == 0
    assert buf.getvalue() == ""
    import_paths(project, [source])
    buf = io.StringIO()
    assert write_jsonl(project, buf) == 5
    lines = buf.getvalue().split("\n")
    assert lines[-1] == ""
    assert [json.loads(line)["id"] for line in lines[:-1]] == [
        "astral", "emoji", "crlf", "separators", "plain",
    ]
    assert "𠮷" in buf.getvalue()  # UTF-8, not \\u escapes
