"""fugashi tokens with code-point offsets: exact, never inside a grapheme cluster, fast paths equal."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest

from annotator.core.schema import default_schema
from annotator.core.text import is_grapheme_boundary, normalize_text
from annotator.core.tokenizer import (
    _chunks,
    _tagger,
    cue_spans,
    dictionary_format,
    token_bounds,
    tokenize,
    tokenizer_id,
)

FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467"  # 👨‍👩‍👧
KANJI_ASTRAL = "\U00020BB7"  # 𠮷


def seed_text(path: Path) -> str:
    return normalize_text(path.read_text(encoding="utf-8"))


def check_tokens(text: str) -> list:
    """The invariants every tokenization must meet; returns the tokens."""
    tokens = tokenize(text)
    previous_end = 0
    for t in tokens:
        assert text[t.start : t.end] == t.surface, t
        assert t.start < t.end, t
        assert t.start >= previous_end, (t, previous_end)  # ordered, no overlap
        assert is_grapheme_boundary(text, t.start), t
        assert is_grapheme_boundary(text, t.end), t
        assert "\n" not in t.surface, t
        previous_end = t.end
    # nothing but white space lies between tokens
    covered = set()
    for t in tokens:
        covered.update(range(t.start, t.end))
    gaps = "".join(ch for i, ch in enumerate(text) if i not in covered)
    assert gaps.strip() == "", repr(gaps.strip()[:40])
    assert token_bounds(text) == [(t.start, t.end) for t in tokens]
    return tokens


def surfaces(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, t.surface) for t in tokenize(text)]


def test_known_sentence() -> None:
    text = "𠮷田氏は懸念を示した。"
    tokens = check_tokens(text)
    assert [(t.start, t.end, t.surface) for t in tokens] == [
        (0, 1, "𠮷"), (1, 2, "田"), (2, 3, "氏"), (3, 4, "は"), (4, 6, "懸念"),
        (6, 7, "を"), (7, 9, "示し"), (9, 10, "た"), (10, 11, "。"),
    ]
    by_surface = {t.surface: t for t in tokens}
    assert by_surface["懸念"].lemma == "懸念"
    assert by_surface["懸念"].pos == "名詞"
    assert by_surface["示し"].lemma == "示す"
    assert by_surface["示し"].pos == "動詞"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AI チップ の 輸出", [(0, 2, "AI"), (3, 6, "チップ"), (7, 8, "の"), (9, 11, "輸出")]),
        ("  先頭 に 空白", [(2, 4, "先頭"), (5, 6, "に"), (7, 9, "空白")]),
        ("米国\u3000中国", [(0, 2, "米国"), (3, 5, "中国")]),  # whitespace is not a token
        ("𠮷野家と𠮷田", [(0, 1, "𠮷"), (1, 3, "野家"), (3, 4, "と"), (4, 5, "𠮷"), (5, 6, "田")]),
        ("一行目\n\n三行", [(0, 1, "一"), (1, 2, "行"), (2, 3, "目"), (5, 6, "三"), (6, 7, "行")]),
        ("\t懸念 \u3000 懸念", [(1, 3, "懸念"), (6, 8, "懸念")]),
    ],
)
def test_offsets_exact(text: str, expected: list[tuple[int, int, str]]) -> None:
    check_tokens(text)
    assert surfaces(text) == expected


@pytest.mark.parametrize(
    ("text", "cluster"),
    [
        (f"家族{FAMILY}で旅行", FAMILY),
        (f"{FAMILY}{FAMILY}", FAMILY),
        ("国旗🇯🇵🇺🇸を掲げる", "🇯🇵"),
        ("いいね👍🏽です", "👍🏽"),
        ("大好き❤️です", "❤️"),
        ("cafe\u0301 で会う", "e\u0301"),
        ("か\u3099ぎ", "か\u3099"),
        ("\u0301先頭の結合文字", "\u0301"),
        (f"{KANJI_ASTRAL}\u0301{FAMILY}\u3000{KANJI_ASTRAL}", FAMILY),
    ],
)
def test_clusters_never_split(text: str, cluster: str) -> None:
    tokens = check_tokens(text)
    at = text.index(cluster)
    inside = range(at + 1, at + len(cluster))
    for t in tokens:
        assert t.start not in inside and t.end not in inside, (t, cluster)
    assert any(t.start <= at and at + len(cluster) <= t.end for t in tokens)


def test_family_emoji_is_one_token() -> None:
    text = f"家族{FAMILY}で旅行"
    assert (2, 2 + len(FAMILY), FAMILY) in surfaces(text)


def test_multiple_lines_offsets_continue_across_lines() -> None:
    lines = ["一行目は懸念。", "", "  三行目　全角", "𠮷田氏が示した。"]
    text = "\n".join(lines)
    tokens = check_tokens(text)
    line_starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    for t in tokens:
        line = max(i for i, s in enumerate(line_starts) if s <= t.start)
        assert t.end <= line_starts[line] + len(lines[line])
    assert any(t.surface == "懸念" for t in tokens)
    yoshi = [t for t in tokens if KANJI_ASTRAL in t.surface][0]
    assert yoshi.start == line_starts[3]


@pytest.mark.parametrize(
    "text",
    [
        "あ" * 12_000,  # one line, no sentence end
        ("政府は懸念を示した" * 1500),  # > 10,000 characters, no 。
        ("政府は懸念を示した。" * 1500),  # > 10,000 characters with 。
        ("x" * 1999 + FAMILY + "y" * 3000),  # a cut point that would fall inside a cluster
        ("a" + "\u0301" * 2500 + "b" * 10),  # one cluster longer than a chunk
    ],
    ids=["kana", "no-period", "periods", "cluster-at-cut", "huge-cluster"],
)
def test_long_single_line(text: str) -> None:
    assert len(text) > 2500
    # the pieces sent to MeCab cover the line exactly, and the cutting ends (at most one piece
    # a character: a cutter that stops making progress fails here instead of hanging below)
    pieces = list(islice(_chunks(text), len(text) + 1))
    assert "".join(piece for _, piece in pieces) == text
    assert all(piece and text.startswith(piece, at) for at, piece in pieces)
    assert all(is_grapheme_boundary(text, at) for at, _ in pieces)
    tokens = check_tokens(text)
    assert tokens[0].start == 0
    assert tokens[-1].end == len(text)


def test_chunks_cover_a_line_longer_than_a_chunk_with_one_huge_cluster() -> None:
    text = "x" * 2100 + "a" + "\u0301" * 2500 + "b"
    pieces = list(islice(_chunks(text), 20))
    assert all(piece for _, piece in pieces)
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[at : at + len(piece)] == piece for at, piece in pieces)


@pytest.mark.parametrize("index", [0, 1])
def test_seed_texts(seed_files: list[Path], index: int) -> None:
    text = seed_text(seed_files[index])
    tokens = check_tokens(text)
    assert len(tokens) > 1000 if index == 0 else len(tokens) > 300


def test_long_text_seed_repeated(seed_files: list[Path]) -> None:
    text = "\n".join([seed_text(seed_files[0])] * 30)
    assert len(text) > 200_000
    tokens = check_tokens(text)
    single = tokenize(seed_text(seed_files[0]))
    assert len(tokens) == 30 * len(single)
    step = len(seed_text(seed_files[0])) + 1
    assert [(t.start - 29 * step, t.end - 29 * step) for t in tokens[-len(single) :]] == [
        (t.start, t.end) for t in single
    ]


def test_lemmas() -> None:
    tokens = tokenize("中国は安全保障上の懸念を示した。")
    lemma = {t.surface: t.lemma for t in tokens}
    assert lemma["懸念"] == "懸念"
    verb = [t for t in tokens if t.pos == "動詞"]
    assert [(t.surface, t.lemma) for t in verb] == [("示し", "示す")]


def test_tokenizer_id_names_versions() -> None:
    tid = tokenizer_id()
    assert "rules" in tid and "dic format" in tid
    assert "unidic-lite" in tid


def test_dictionary_format_is_what_mecab_reads() -> None:
    """The id is read from the dictionary's header without loading MeCab: it must be the
    version MeCab itself reports for the loaded dictionary."""
    import unidic_lite

    version = _tagger().dictionary_info[0]["version"]
    assert dictionary_format(unidic_lite.DICDIR) == version
    assert f"(dic format {version})" in tokenizer_id()


def test_dictionary_format_refuses_what_is_not_a_dictionary(tmp_path: Path) -> None:
    import unidic_lite

    assert dictionary_format(tmp_path) is None  # no sys.dic
    real = (Path(unidic_lite.DICDIR) / "sys.dic").read_bytes()
    (tmp_path / "sys.dic").write_bytes(real[:4096])  # cut: the size no longer matches the mark
    assert dictionary_format(tmp_path) is None
    (tmp_path / "sys.dic").write_bytes(b"\x00" * 4)
    assert dictionary_format(tmp_path) is None


# --- cue spans -------------------------------------------------------------------------------


def test_schema_has_the_cues_these_tests_use() -> None:
    security = default_schema().label("security_concern")
    assert "懸念" in security.cue_lemmas
    assert "安全保障" in security.cue_surfaces


@pytest.mark.parametrize("index", [0, 1])
def test_cue_spans_on_seeds(seed_files: list[Path], index: int) -> None:
    text = seed_text(seed_files[index])
    tokens = tokenize(text)
    cues = cue_spans(text, tokens, default_schema())
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    assert cues == sorted(cues, key=lambda c: (c.start, c.end, c.label))
    for cue in cues:
        assert cue.start in starts and cue.end in ends, cue
        assert cue.label in default_schema().label_ids
    security = [(c.start, c.end) for c in cues if c.label == "security_concern"]
    kenen = [(t.start, t.end) for t in tokens if t.surface == "懸念"]
    assert kenen, "the seed mentions 懸念"
    assert set(kenen) <= set(security)
    # 安全保障 spans two tokens (安全|保障): a multi-token surface cue
    multi = [(s, e) for s, e in security if text[s:e] == "安全保障"]
    assert multi
    for s, e in multi:
        assert sum(1 for t in tokens if s <= t.start and t.end <= e) >= 2


def test_cue_spans_exact() -> None:
    text = "日本の輸出規制と、中国の国産化、そして非安全保障の話。"
    cues = cue_spans(text, tokenize(text), default_schema())
    assert [(c.start, c.end, text[c.start : c.end], c.label) for c in cues] == [
        (3, 7, "輸出規制", "security_concern"),  # surface cue over 輸出|規制
        (12, 14, "国産", "self_reliance"),  # lemma cue
        (12, 15, "国産化", "self_reliance"),  # surface cue over 国産|化
        (20, 22, "安全", "security_concern"),
        (20, 24, "安全保障", "security_concern"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 売上高 is a surface cue; here the tokens are 売上|高い, so 売上高 ends inside a token
        ("売上高い商品", [(0, 2, "economic_interest")]),
        ("同社の売上高は減った", [(3, 5, "economic_interest"), (3, 6, "economic_interest")]),
        # 安全保障 inside 安全|保|障る: the surface ends inside 障る
        ("安全保障る", [(0, 2, "security_concern")]),
    ],
)
def test_cue_surface_must_sit_on_token_edges(text: str, expected: list) -> None:
    tokens = tokenize(text)
    cues = cue_spans(text, tokens, default_schema())
    assert [(c.start, c.end, c.label) for c in cues] == expected
