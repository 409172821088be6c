"""The lemmas kept at import let an article's cues be found without tokenizing it again, and
give exactly the cues that tokenizing with every token's lemma gives."""

from __future__ import annotations

import json
import sqlite3
from array import array
from pathlib import Path

import pytest

from annotator.core.assign import assign
from annotator.core.importers import import_paths
from annotator.core.lemma_index import decode, encode
from annotator.core.schema import default_schema, schema_from_data
from annotator.core.session import tokens_and_cues
from annotator.core.store import Project
from annotator.core.store.migrations import LATEST_VERSION
from annotator.core.textfilter import TextFilter
from annotator.core.tokenizer import (
    _match_cues,
    _units,
    bounds_and_cues,
    cues_from_lemmas,
    token_bounds_and_lemmas,
    token_bounds_flat,
    tokenizer_id,
)
from annotator.core.trim import trim_article
from tests.older_files import make_format_7

TRICKY = [
    "𠮷野家で👩‍💻が働く。か゚は鼻濁音。\n\n米国\u3000中国と経済、テストする。",
    "ＡＩの懸念が広がった。\tAI を批判しない人も言った。 x-y の反発\u00a0強まる",
    "行1\r\n行2で脅威を警戒し、危惧された\r\n",
    "記号\x1fの後\x1eで懸念する",  # MeCab's own separators in the text: the node-by-node path
]


def cue_schema():
    """The default schema with cue lemmas that are not their own surface in the text
    (為る for し/する, 言う for 言っ, 広がる for 広がっ), a loanword and a written form."""
    data = json.loads(default_schema().to_json())
    data["labels"][0]["cues"]["lemmas"] += ["為る", "言う", "広がる", "テスト", "強まる"]
    data["labels"][1]["cues"]["lemmas"] = ["言う", "反発"]
    return schema_from_data(data)


def every_lemma_cues(text: str, schema) -> list:
    """The cues found by looking up every token's lemma (no index): the reference."""
    starts, ends, features, first = _units(text, True)
    return _match_cues(text, starts, ends, enumerate(features[k][1] for k in first), schema)


@pytest.mark.parametrize("schema", [default_schema(), cue_schema()], ids=["default", "cues"])
def test_cues_from_the_index_are_those_of_every_lemma(seed_files, schema):
    texts = [p.read_text(encoding="utf-8") for p in seed_files] + TRICKY
    hits = 0
    for text in texts:
        flat, lemmas = token_bounds_and_lemmas(text)
        assert flat == token_bounds_flat(text)  # the very bounds import always stored
        cues = cues_from_lemmas(text, flat, lemmas, schema)
        assert cues == every_lemma_cues(text, schema)
        assert bounds_and_cues(text, schema) == (list(zip(flat[0::2], flat[1::2])), cues)
        hits += len(cues)
    assert hits > 20


def test_the_index_lists_only_tokens_whose_lemma_is_not_their_text():
    text = "懸念が広がった。テストする。"
    flat, lemmas = token_bounds_and_lemmas(text)
    bounds = list(zip(flat[0::2], flat[1::2]))
    listed = {text[slice(*bounds[k])]: lemma for lemma, ks in lemmas.items() for k in ks}
    assert listed == {"広がっ": "広がる", "テスト": "テスト-test", "する": "為る"}


def test_encoding_round_trips_and_a_damaged_blob_reads_as_missing():
    index = {"為る": [3, 9], "": [4], "テスト-test": [0], "言う": []}
    blob = encode(index)
    assert len(blob) % 4 == 0
    assert decode(blob, 10) == index
    assert decode(encode({}), 0) == {}
    assert decode(blob, 9) is None  # a token number past the article's tokens
    assert decode(blob[:-4], 10) is None  # cut short
    assert decode(blob + array("I", [1, 2]).tobytes(), 10) is None  # trailing numbers
    assert decode(b"\xff" * len(blob), 10) is None
    broken = bytearray(blob)
    broken[8] = 0xFF  # not UTF-8
    assert decode(bytes(broken), 10) is None
    assert decode("not bytes", 10) is None


@pytest.fixture
def imported(tmp_path: Path, seed_files) -> Project:
    folder = tmp_path / "articles"
    folder.mkdir()
    for k, path in enumerate(seed_files[:2]):
        (folder / f"a{k}.txt").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    project = Project.create(tmp_path / "p.annot", schema=cue_schema())
    import_paths(project, [folder])
    yield project
    project.close()


def test_import_keeps_the_lemmas_and_the_first_opening_uses_them(imported: Project):
    article = imported.articles.get(imported.articles.ids()[0])
    flat, lemmas = imported.tokens.bounds_and_lemmas(article.id, tokenizer_id(), len(article.text))
    assert (flat, lemmas) == token_bounds_and_lemmas(article.text)
    expected = every_lemma_cues(article.text, imported.schema)
    bounds, cues = tokens_and_cues(imported, article)  # first opening: no cue cache yet
    assert cues == expected and bounds == list(zip(flat[0::2], flat[1::2]))
    # What the opening read is the kept index, not a new tokenizing: a token listed under a cue
    # lemma in the file is highlighted as that cue.
    plain = next(k for k in range(len(flat) // 2) if all(k not in ks for ks in lemmas.values()))
    with imported.transaction():
        imported.tokens.forget_cues(article.id)
        imported.tokens.store_bounds(article.id, flat, tokenizer_id(), encode({"為る": [plain]}))
    _bounds, cues = tokens_and_cues(imported, article)
    start, end = flat[2 * plain], flat[2 * plain + 1]
    assert any((c.start, c.end) == (start, end) for c in cues)
    assert imported.tokens.cues(article.id, imported.schema.sha256, tokenizer_id()) is not None


def test_new_bounds_drop_the_old_lemmas(imported: Project):
    article = imported.articles.get(imported.articles.ids()[0])
    trim_article(imported, article.external_id, TextFilter(lines=(2, 4)))
    trimmed = imported.articles.get(article.id)
    flat, lemmas = imported.tokens.bounds_and_lemmas(article.id, tokenizer_id(), len(trimmed.text))
    assert flat is not None and lemmas is None  # trimming stored new bounds only
    _bounds, cues = tokens_and_cues(imported, trimmed)  # tokenized again, and kept
    assert cues == every_lemma_cues(trimmed.text, imported.schema)
    _flat, kept = imported.tokens.bounds_and_lemmas(article.id, tokenizer_id(), len(trimmed.text))
    assert kept == token_bounds_and_lemmas(trimmed.text)[1]


def test_blind_copies_carry_the_lemmas(imported: Project, tmp_path: Path):
    copy_path = tmp_path / "alice.annot"
    assign(imported, "alice", copy_path)
    with Project.open(copy_path) as copy:
        for article_id in copy.articles.ids():
            text = copy.articles.get(article_id).text
            _flat, lemmas = copy.tokens.bounds_and_lemmas(article_id, tokenizer_id(), len(text))
            assert lemmas == token_bounds_and_lemmas(text)[1]


def test_a_format_7_file_gets_the_column_and_fills_it_at_the_first_opening(imported: Project):
    path = imported.path
    imported.close()
    make_format_7(path)
    with Project.open(path) as project:
        article = project.articles.get(project.articles.ids()[0])
        _flat, lemmas = project.tokens.bounds_and_lemmas(article.id, tokenizer_id())
        assert lemmas is None
        _bounds, cues = tokens_and_cues(project, article)
        assert cues == every_lemma_cues(article.text, project.schema)
        _flat, lemmas = project.tokens.bounds_and_lemmas(article.id, tokenizer_id())
        assert lemmas == token_bounds_and_lemmas(article.text)[1]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
