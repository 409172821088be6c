"""Whitespace of every kind is not a token (README: "whitespace is not a token"): not in the
bounds spans snap to, not a coding unit of agreement, and caches made when it was one are
recomputed. `annotator tokens` prints each token on one line."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from annotator.core.escapes import unescape
from annotator.core.importers import import_paths
from annotator.core.schema import default_schema
from annotator.core.session import tokens_and_cues
from annotator.core.store import Project
from annotator.core.tokenizer import (
    bounds_and_cues,
    token_bounds,
    token_bounds_flat,
    tokenize,
    tokenizer_id,
)
from annotator.core.units import collect
from tests.older_files import make_format_6
from tests.run_cli import cli

#: Every character str.isspace() accepts, except LF (where the text is cut into lines).
SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace() and c != 10]


def test_the_list_holds_what_news_pages_carry():
    for ch in "\u3000\xa0\u2028\u2029\x85\x0c\u2003\t \x0b\x1c\x1d\x1e\x1f\r\u2009\u202f":
        assert ch in SPACES


@pytest.mark.parametrize("space", SPACES, ids=lambda ch: f"U+{ord(ch):04X}")
def test_no_whitespace_token(space: str):
    text = f"米国{space}中国{space}{space}経済{space}"
    expected = [(0, 2), (3, 5), (7, 9)]
    assert token_bounds(text) == expected
    assert [(t.start, t.end) for t in tokenize(text)] == expected
    assert list(token_bounds_flat(text)) == [x for pair in expected for x in pair]
    assert bounds_and_cues(text, default_schema())[0] == expected
    assert token_bounds(space * 3) == []


def test_features_stay_with_their_tokens():
    text = "政府は\u3000懸念を\u2028示した\xa0。"
    tokens = tokenize(text)
    assert [t.surface for t in tokens] == ["政府", "は", "懸念", "を", "示し", "た", "。"]
    by_surface = {t.surface: t for t in tokens}
    assert by_surface["示し"].lemma == "示す" and by_surface["懸念"].pos == "名詞"
    assert all(not any(ch.isspace() for ch in t.surface) for t in tokens)


def test_a_space_carrying_a_combining_mark_stays_one_unit():
    # U+3000 + U+309A is one grapheme cluster: it is not only whitespace, and is not split
    text = "経済\u3000\u309a政治"
    assert (2, 4) in token_bounds(text)


def test_agreement_units_leave_whitespace_out(tmp_path: Path):
    path = _project(tmp_path, "米国\u3000中国\u2028経済\x85安全")
    with Project.open(path) as project:
        data = collect(project, coders=["alice"])
        article = data.articles[0]
        assert list(zip(article.starts, article.ends)) == [(0, 2), (3, 5), (6, 8), (9, 11)]


def _project(tmp_path: Path, text: str) -> Path:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a1", "text": text, "annotations": [
        {"coder": "alice", "label": "security_concern", "start": 0, "end": 2}],
        "status": {"alice": "done"}}, ensure_ascii=False) + "\n", encoding="utf-8")
    path = tmp_path / "p.annot"
    with Project.create(path) as project:
        import_paths(project, [source], processes=1)
    return path


def test_an_older_file_gets_its_token_caches_recomputed(tmp_path: Path):
    text = "米国\u3000中国と経済"
    path = _project(tmp_path, text)
    old_bounds = [(0, 2), (2, 3), (3, 5), (5, 6), (6, 8)]  # what rules 1 made: U+3000 a token
    with Project.open(path) as project:
        article = project.articles.get(project.articles.ids()[0])
        with project.transaction():
            project.tokens.store_bounds(article.id, old_bounds, tokenizer_id())
            project.tokens.store_cues(article.id, project.schema.sha256, tokenizer_id(),
                                      [(2, 3, 0)])
    make_format_6(path)
    with sqlite3.connect(path) as conn:
        assert {r[0] for r in conn.execute("SELECT tokenizer FROM article_tokens")} == {
            tokenizer_id().replace(" rules 2", " rules 1")}
    with Project.open(path) as project:
        article = project.articles.get(project.articles.ids()[0])
        assert project.tokens.bounds(article.id, tokenizer_id()) is None  # dropped
        bounds, cues = tokens_and_cues(project, article)
        assert bounds == [(0, 2), (3, 5), (5, 6), (6, 8)]
        assert all(text[c.start:c.end].strip() for c in cues)
        assert project.tokens.bounds(article.id, tokenizer_id()) == bounds  # stored again
        data = collect(project, coders=["alice"])
        assert list(zip(data.articles[0].starts, data.articles[0].ends)) == bounds
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM article_cues WHERE tokenizer LIKE '% rules 1'"
                            ).fetchone()[0] == 0
    assert len(list(tmp_path.glob("p.annot.v6-*.bak"))) == 1


def test_tokens_command_prints_one_line_per_token(tmp_path: Path):
    text = "経済\x07安全\\保障\u2028政治"
    path = _project(tmp_path, text)
    result = cli("tokens", path, "a1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n")
    assert lines[-1] == ""
    rows = [line.split("\t") for line in lines[1:-1]]
    assert all(len(row) == 6 for row in rows)
    assert "\u2028" not in result.stdout and "\x07" not in result.stdout
    assert [(int(r[0]), int(r[1])) for r in rows] == [(t.start, t.end) for t in tokenize(text)]
    for row in rows:
        assert unescape(row[2]) == text[int(row[0]):int(row[1])]
    assert ["\\x07", "\\\\"] == [r[2] for r in rows if r[2] in ("\\x07", "\\\\")]
