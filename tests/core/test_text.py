"""Stored text and offsets: normalization, its offset map, the hash, graphemes and UTF-16."""

from __future__ import annotations

import hashlib
import random

import pytest

from annotator.core.text import (
    Utf16Map,
    is_grapheme_boundary,
    normalize_text,
    normalize_with_map,
    snap_to_graphemes,
    text_sha256,
)

KANJI_ASTRAL = "\U00020BB7"  # 𠮷, outside the BMP
FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467"  # 👨‍👩‍👧
FLAGS = "\U0001F1EF\U0001F1F5\U0001F1FA\U0001F1F8"  # 🇯🇵🇺🇸
THUMB_TONE = "\U0001F44D\U0001F3FD"  # 👍🏽
HEART = "\u2764\ufe0f"  # ❤️
E_ACUTE = "e\u0301"


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


# --- normalization ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("一\r\n二\r\n三", "一\n二\n三"),
        ("一\r二\r三", "一\n二\n三"),
        ("一\r\r\n二", "一\n\n二"),
        ("\r\n", "\n"),
        ("一\x00二\x00\x00三", "一二三"),
        ("\ufeff本文", "本文"),
        ("\ufeff一\r\n\x00二\r", "一\n二\n"),
        ("中の\ufeffは残る", "中の\ufeffは残る"),  # only a leading BOM is removed
        ("  全角\u3000空白  ", "  全角\u3000空白  "),  # no trimming, no NFKC
        ("ＡＢＣ１２３", "ＡＢＣ１２３"),
        ("", ""),
    ],
)
def test_normalize_text(raw: str, stored: str) -> None:
    assert normalize_text(raw) == stored
    text, _ = normalize_with_map(raw)
    assert text == stored


def test_normalize_without_changes_maps_every_offset_to_itself() -> None:
    raw = "変更なし\n𠮷"
    text, move = normalize_with_map(raw)
    assert text == raw
    assert [move(i) for i in range(len(raw) + 1)] == list(range(len(raw) + 1))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # old offset -> new offset, for every offset 0..len(raw)
        ("ab\r\ncd", [0, 1, 2, 2, 3, 4, 5]),  # the CR at 2 moves to the LF that follows
        ("\ufeffab", [0, 0, 1, 2]),
        ("a\x00b\x00\x00c", [0, 1, 1, 2, 2, 2, 3]),
        ("a\rb", [0, 1, 2, 3]),  # a lone CR becomes LF in place: nothing moves
        ("\ufeff\r\n𠮷\x00\r\n", [0, 0, 0, 1, 2, 2, 2, 3]),
    ],
)
def test_offset_map_moves_offsets_after_removed_characters(raw: str, expected: list[int]) -> None:
    text, move = normalize_with_map(raw)
    assert [move(i) for i in range(len(raw) + 1)] == expected
    assert move(len(raw)) == len(text)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_offset_map_keeps_spans_on_the_same_characters(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = ["あ", "漢", "a", KANJI_ASTRAL, "\U0001F600", "\r\n", "\r", "\n", "\x00", " "]
    raw = "\ufeff" + "".join(rng.choice(alphabet) for _ in range(400))
    text, move = normalize_with_map(raw)
    for _ in range(300):
        start = rng.randrange(len(raw))
        end = rng.randrange(start + 1, len(raw) + 1)
        piece = raw[start:end]
        if piece.endswith("\r") and raw[end : end + 1] == "\n":
            piece = piece[:-1]  # the span ends between CR and LF: the CR is dropped with the pair
        new_start, new_end = move(start), move(end)
        assert 0 <= new_start <= new_end <= len(text)
        assert text[new_start:new_end] == normalize_text(piece)


# --- hash ------------------------------------------------------------------------------------


def test_text_sha256_is_the_utf8_sha256() -> None:
    text = "𠮷田氏は懸念を示した。\n👍"
    assert text_sha256(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert text_sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert text_sha256("a\n") != text_sha256("a\r\n")
    assert len(text_sha256("x")) == 64


# --- graphemes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cluster", "name"),
    [
        (E_ACUTE, "combining acute"),
        ("か\u3099", "combining voiced mark"),
        (FAMILY, "ZWJ family"),
        (THUMB_TONE, "skin tone"),
        (HEART, "variation selector"),
        ("1\ufe0f\u20e3", "keycap"),
        ("\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", "tag flag"),
    ],
)
def test_no_boundary_inside_a_cluster(cluster: str, name: str) -> None:
    text = "前" + cluster + "後"
    end = 1 + len(cluster)
    assert is_grapheme_boundary(text, 1), name
    assert is_grapheme_boundary(text, end), name
    for i in range(2, end):
        assert not is_grapheme_boundary(text, i), (name, i)
    for i in range(2, end):
        assert snap_to_graphemes(text, i, i + 1 if i + 1 <= end else end) == (1, end), (name, i)
        assert snap_to_graphemes(text, 0, i) == (0, end), (name, i)
        assert snap_to_graphemes(text, i, len(text)) == (1, len(text)), (name, i)


def test_flags_pair_up() -> None:
    text = "旗" + FLAGS + "。"
    # 旗 | 🇯 🇵 | 🇺 🇸 | 。  -> boundaries at 1, 3 and 5, none at 2 or 4
    assert [i for i in range(len(text) + 1) if is_grapheme_boundary(text, i)] == [0, 1, 3, 5, 6]
    assert snap_to_graphemes(text, 2, 4) == (1, 5)
    assert snap_to_graphemes(text, 3, 4) == (3, 5)
    assert snap_to_graphemes(text, 1, 3) == (1, 3)
    # an odd third indicator starts a new (incomplete) pair
    odd = FLAGS[:2] + FLAGS[2]
    assert [i for i in range(4) if is_grapheme_boundary(odd, i)] == [0, 2, 3]


@pytest.mark.parametrize(
    ("text", "boundaries"),
    [
        ("abc", [0, 1, 2, 3]),
        ("漢字", [0, 1, 2]),
        (KANJI_ASTRAL + "田", [0, 1, 2]),  # code points: an astral kanji is one offset
        ("a\n\u0301b", [0, 1, 2, 3, 4]),  # a line break always ends a cluster
        (E_ACUTE + E_ACUTE, [0, 2, 4]),
        ("", [0]),
    ],
)
def test_boundaries(text: str, boundaries: list[int]) -> None:
    assert [i for i in range(len(text) + 1) if is_grapheme_boundary(text, i)] == boundaries


@pytest.mark.parametrize(
    ("start", "end", "snapped"),
    [
        (-5, 3, (0, 3)),
        (3, 99, (3, 9)),
        (6, 2, (6, 6)),  # an inverted range collapses to its start
        (2, 2, (2, 2)),
    ],
)
def test_snap_clamps_to_the_text(start: int, end: int, snapped: tuple[int, int]) -> None:
    assert snap_to_graphemes("abcdefghi", start, end) == snapped


# --- UTF-16 ----------------------------------------------------------------------------------

UTF16_CASES = [
    KANJI_ASTRAL + "田さん",
    "田" + KANJI_ASTRAL + "さん",
    "山田" + KANJI_ASTRAL,
    "\U0001F600は" + FAMILY + "と" + FLAGS,
    FAMILY,
    "BMP only: 懸念",
    "",
]


@pytest.mark.parametrize("text", UTF16_CASES)
def test_utf16_round_trip(text: str) -> None:
    m = Utf16Map(text)
    assert m.length == len(text)
    assert m.length16 == utf16_len(text)
    for i in range(len(text) + 1):
        i16 = m.to_utf16(i)
        assert i16 == utf16_len(text[:i])
        assert m.from_utf16(i16) == i


@pytest.mark.parametrize(
    ("text", "between", "rounds_to"),
    [
        (KANJI_ASTRAL + "田", 1, 0),
        ("田" + KANJI_ASTRAL, 2, 1),
        ("a" + KANJI_ASTRAL + KANJI_ASTRAL, 2, 1),
        ("a" + KANJI_ASTRAL + KANJI_ASTRAL, 4, 2),
        ("\U0001F600", 1, 0),
    ],
)
def test_utf16_between_surrogates_rounds_down(text: str, between: int, rounds_to: int) -> None:
    units = text.encode("utf-16-le")
    # really a position between a high and a low surrogate
    high = int.from_bytes(units[2 * between - 2 : 2 * between], "little")
    assert 0xD800 <= high <= 0xDBFF
    assert Utf16Map(text).from_utf16(between) == rounds_to


@pytest.mark.parametrize("seed", range(5))
def test_utf16_against_python_encoding_on_random_text(seed: int) -> None:
    rng = random.Random(seed)
    pool = ["a", "あ", "漢", "\n", "\u3000", KANJI_ASTRAL, "\U0001F600", "\U0001F1EF", "\U0010FFFF"]
    text = "".join(rng.choice(pool) for _ in range(rng.randrange(50, 300)))
    m = Utf16Map(text)
    assert m.length16 == utf16_len(text)
    expected_back = {}
    for i in range(len(text) + 1):
        i16 = utf16_len(text[:i])
        assert m.to_utf16(i) == i16
        expected_back[i16] = i
    for o16 in range(m.length16 + 1):
        # a unit that starts no code point lies inside a surrogate pair: round down
        want = expected_back.get(o16, expected_back.get(o16 - 1))
        assert m.from_utf16(o16) == want, o16
