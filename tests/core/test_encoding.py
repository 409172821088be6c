"""decode_bytes: Japanese in every supported encoding comes back exactly; anything doubtful is refused."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from annotator.core.encoding import KNOWN_ENCODINGS, Decoded, decode_bytes, resolve_encoding
from annotator.core.errors import InputError

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SEED_NAMES = ("000_fb971bd7b072aebd.txt", "003_93ad8a1bf324f6e8.txt")
SOURCE = "news.csv line 3"

# (encoding used to write the bytes, what Decoded.encoding must say)
DETECTED = [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16"),  # Python's utf-16 writes a BOM
    ("cp932", "cp932"),
    ("euc-jp", "euc-jp"),
    ("iso-2022-jp", "iso-2022-jp"),
]


def seed_text(name: str) -> str:
    path = SEEDS / name
    if not path.is_file():
        pytest.fail(f"seed file missing: {path}")
    return path.read_text(encoding="utf-8")


def representable(text: str, encoding: str) -> str:
    """The characters of text that survive a round trip through encoding (drops e.g. emoji for cp932)."""
    kept = []
    for ch in text:
        try:
            if ch.encode(encoding).decode(encoding) == ch:
                kept.append(ch)
        except UnicodeError:
            pass
    return "".join(kept)


def refusal(data: bytes, source: str = SOURCE, encoding: str | None = None) -> str:
    """The message of the InputError decode_bytes must raise; it always names the source."""
    with pytest.raises(InputError) as info:
        decode_bytes(data, source, encoding)
    message = str(info.value)
    assert source in message
    return message


# --------------------------------------------------------------------------- detection succeeds


@pytest.mark.parametrize("seed", SEED_NAMES)
@pytest.mark.parametrize(("written", "reported"), DETECTED)
def test_seed_article_round_trips(seed: str, written: str, reported: str) -> None:
    text = representable(seed_text(seed), written)
    assert len(text) > 2000 and "の" in text  # still a real Japanese article after filtering
    decoded = decode_bytes(text.encode(written), SOURCE)
    assert decoded == Decoded(text=text, encoding=reported)


@pytest.mark.parametrize(("written", "reported"), DETECTED)
def test_newlines_and_stray_nul_are_left_for_the_caller(written: str, reported: str) -> None:
    text = "一行目です\r\n二行目\x00です\r三行目\n"
    decoded = decode_bytes(text.encode(written), SOURCE)
    assert decoded == Decoded(text=text, encoding=reported)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("日本語", "euc-jp"),
        ("東京で会議", "euc-jp"),
        ("安全保障", "euc-jp"),
        ("日本語", "cp932"),
        ("～ 髙 ①", "cp932"),  # NEC/IBM extensions: shift_jis would not do
        ("日本語", "iso-2022-jp"),  # 7-bit, so also valid UTF-8 with ESC garbage
        ("日本語", "utf-32"),  # its BOM starts with the UTF-16-LE one
        ("ﾆｭｰｽ速報です", "cp932"),  # half-width katakana in an old file
        ("日本語ｱｲｳ", "iso-2022-jp-ext"),
    ],
)
def test_short_text_round_trips(text: str, written: str) -> None:
    decoded = decode_bytes(text.encode(written), SOURCE)
    assert decoded.text == text
    assert codecs.lookup(decoded.encoding).name == codecs.lookup(written).name


@pytest.mark.parametrize(
    ("text", "written", "other"),
    [
        ("会議", "euc-jp", "cp932"),  # CP932 reads half-width katakana and a private-use character
        ("経済", "euc-jp", "cp932"),
        ("安全", "euc-jp", "cp932"),
        ("自", "cp932", "euc-jp"),  # EUC-JP reads one half-width katakana
        ("社", "cp932", "euc-jp"),
    ],
)
def test_more_japanese_reading_wins_when_both_decode(text: str, written: str, other: str) -> None:
    data = text.encode(written)
    assert data.decode(other) != text  # both readings are valid: the scoring decides
    assert decode_bytes(data, SOURCE) == Decoded(text=text, encoding=written)


def test_a_few_controls_are_still_text() -> None:
    text = "日本語のテキスト\f改ページ\x1a"  # form feed and a DOS end-of-file mark
    assert decode_bytes(text.encode("cp932"), SOURCE).text == text


# --------------------------------------------------------------------------- explicit --encoding


@pytest.mark.parametrize(
    ("data", "given", "text", "reported"),
    [
        ("日本語".encode("euc-jp"), "EUC-JP", "日本語", "euc-jp"),
        ("日本語".encode("cp932"), "shift_jis", "日本語", "shift_jis"),
        ("～ 髙 ①".encode("cp932"), "cp932", "～ 髙 ①", "cp932"),
        (codecs.BOM_UTF8 + "日本語".encode(), "utf-8", "日本語", "utf-8-sig"),  # BOM still stripped
        ("日本語".encode("utf-16"), "utf-16", "日本語", "utf-16"),
        (codecs.BOM_UTF16_LE + "日本語".encode("utf-16-le"), "utf-16-le", "日本語", "utf-16-le"),
        ("日本語".encode("utf-16-le"), "utf-16-le", "日本語", "utf-16-le"),
        # ambiguous when detected, but the user has said which
        (b"\xe0\xa1\xe0\xa1", "euc-jp", b"\xe0\xa1\xe0\xa1".decode("euc-jp"), "euc-jp"),
        ("café".encode("latin-1"), "latin-1", "café", "iso8859-1"),  # any Python codec
    ],
)
def test_explicit_encoding_is_used(data: bytes, given: str, text: str, reported: str) -> None:
    assert decode_bytes(data, SOURCE, given) == Decoded(text=text, encoding=reported)


@pytest.mark.parametrize(
    ("data", "given", "offset"),
    [
        (b"abc" + "日本語".encode("cp932"), "utf-8", 3),
        ("日本語".encode("utf-8"), "euc-jp", 0),
        ("日本語".encode("cp932") + b"\x81", "cp932", 6),  # a lead byte cut short
        (codecs.BOM_UTF8 + b"ab\xff", "utf-8", 5),  # counted from the start of the file, BOM included
        (codecs.BOM_UTF16_LE + "日本".encode("utf-16-le") + b"\x00", "utf-16", 6),
    ],
)
def test_wrong_explicit_encoding_names_the_byte_offset(data: bytes, given: str, offset: int) -> None:
    message = refusal(data, encoding=given)
    assert f"offset {offset} " in message
    assert given in message
    assert "--encoding" in message


@pytest.mark.parametrize("name", ["no-such-codec", "base64"])
def test_unknown_or_non_text_encoding_is_refused(name: str) -> None:
    with pytest.raises(InputError, match=name):
        decode_bytes("日本語".encode(), SOURCE, name)
    with pytest.raises(InputError, match=name):
        resolve_encoding(name)


def test_known_encodings_all_resolve_to_themselves() -> None:
    wanted = {"utf-8", "utf-8-sig", "utf-16", "cp932", "shift_jis", "euc-jp", "iso-2022-jp"}
    assert wanted <= set(KNOWN_ENCODINGS)
    for name in KNOWN_ENCODINGS:
        assert resolve_encoding(name) == name
    assert resolve_encoding("EUC_JP") == "euc-jp"
    assert resolve_encoding("sjis") == "shift_jis"


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("data", "given"),
    [
        (b"", None),
        (codecs.BOM_UTF8, None),
        (codecs.BOM_UTF16_LE, None),
        (codecs.BOM_UTF16_BE, None),
        (codecs.BOM_UTF32_LE, None),
        (b" \r\n\t\n", None),
        ("\u3000\n".encode("cp932"), None),  # an ideographic space is whitespace too
        (b"", "utf-8"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
    ],
)
def test_empty_input_is_refused(data: bytes, given: str | None) -> None:
    assert "the file is empty" in refusal(data, encoding=given)


def _png_like() -> bytes:
    rng = random.Random(1)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06" + rng.randbytes(400)


@pytest.mark.parametrize(
    "data",
    [
        _png_like(),
        random.Random(2).randbytes(2000),  # random bytes, NULs included
        "plain ASCII text saved as UTF-16".encode("utf-16-le"),  # no BOM: half the bytes are NUL
        bytes(range(1, 32)) * 4 + b"some text" * 10,  # no NUL, valid UTF-8, but full of control codes
        "日本語".encode("cp932") + bytes([0x01, 0x02, 0x03, 0x04, 0x05, 0x06]),
    ],
    ids=["png", "random", "utf16-no-bom", "controls", "controls-after-cp932"],
)
def test_binary_data_is_refused(data: bytes) -> None:
    message = refusal(data)
    assert "looks like a binary file" in message
    assert "--encoding utf-16-le" in message


@pytest.mark.parametrize(
    ("text", "written"), [("東京で会議を開いた", "utf-16-le"), ("を行ってきた", "utf-16-be")]
)
def test_japanese_utf16_without_bom_is_refused(text: str, written: str) -> None:
    data = text.encode(written)  # no NUL bytes at all
    data.decode("cp932")  # and valid CP932 by chance
    message = refusal(data)
    assert "UTF-16 text without a byte-order mark" in message
    assert f"--encoding {written}" in message


@pytest.mark.parametrize(
    "data",
    [
        "日本語のテキスト ".encode("utf-8") + "café résumé".encode("latin-1"),
        "日本語のテキスト ".encode("euc-jp") + "café résumé".encode("latin-1"),
        "日本語のテキスト ".encode("cp932") + "café résumé".encode("latin-1"),
        "café résumé 日本語".encode("latin-1", "replace"),
        "日本語のテキスト".encode("utf-8")[:-1],  # truncated multi-byte sequences
        "日本語のテキスト".encode("euc-jp")[:-1],
        "日本語のテキスト".encode("cp932")[:-1],
        "日本語".encode("utf-8") + "テキスト".encode("cp932"),  # two encodings in one file
    ],
    ids=[
        "utf8+latin1", "euc+latin1", "cp932+latin1", "latin1", "utf8-cut", "euc-cut", "cp932-cut", "utf8+cp932"
    ],
)
def test_invalid_bytes_are_refused_with_an_encoding_hint(data: bytes) -> None:
    message = refusal(data)
    assert "not valid UTF-8" in message
    assert "--encoding" in message


@pytest.mark.parametrize(
    ("good", "damage"),
    [("半導体", b"\x81"), ("日本語", "テキスト".encode("cp932"))],
)
def test_damaged_utf8_is_not_read_as_cp932(good: str, damage: bytes) -> None:
    data = good.encode() + damage
    assert data.decode("cp932") != good  # CP932 reads it as mojibake without complaint
    message = refusal(data)
    assert f"offset {len(good.encode())} " in message
    assert "--encoding" in message


def test_detection_only_suggests_an_encoding() -> None:
    data = ("Это обычный русский текст, не японский. " * 4).encode("cp1251")
    message = refusal(data)
    assert "might be cp1251" in message
    assert "--encoding cp1251" in message


@pytest.mark.parametrize(
    "data",
    [b"\xe0\xa1\xe0\xa1", "瑜".encode("cp932")],  # rare kanji either way
)
def test_ambiguous_euc_jp_or_cp932_is_refused(data: bytes) -> None:
    euc, sjis = data.decode("euc-jp"), data.decode("cp932")
    assert euc != sjis
    message = refusal(data)
    assert "--encoding euc-jp" in message and "--encoding cp932" in message


@pytest.mark.parametrize("text", ["年", "2026年"])
def test_euc_jp_that_is_also_valid_utf8_is_refused(text: str) -> None:
    data = text.encode("euc-jp")
    assert data.decode("utf-8") != text  # "年" is C7 AF, which UTF-8 reads as "ǯ"
    message = refusal(data)
    assert "--encoding euc-jp" in message and "--encoding utf-8" in message


@pytest.mark.parametrize("text", ["café résumé", "José, Zürich ©2024", "“quoted” — dash…"])
def test_latin_utf8_is_not_mistaken_for_japanese(text: str) -> None:
    assert decode_bytes(text.encode(), SOURCE) == Decoded(text=text, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (
            "대한민국 정부는 오늘 새로운 경제 정책을 발표했다. "
            "이번 정책은 반도체 산업의 경쟁력을 높이기 위한 것이다.",
            "euc-kr",
        ),
        ("ｱｲｳｴｵ", "cp932"),  # only half-width katakana: too little to tell from mojibake
    ],
)
def test_valid_legacy_bytes_that_do_not_read_as_japanese_are_refused(text: str, written: str) -> None:
    data = text.encode(written)
    data.decode("euc-jp" if written == "euc-kr" else "cp932")  # would decode without complaint
    assert "--encoding" in refusal(data)


@pytest.mark.parametrize(
    "data",
    [b"\x1b$B\x7f\x7f\x1b(B", b"\x1b$BF|K\\8l\x1b(B\x1b$B\x21"],
    ids=["bad-row", "cut-after-escape"],
)
def test_broken_iso2022jp_is_refused(data: bytes) -> None:
    message = refusal(data)
    assert "ISO-2022-JP" in message and "--encoding" in message


def test_invalid_utf8_after_bom_names_the_offset() -> None:
    message = refusal(codecs.BOM_UTF8 + "日本".encode() + b"\xff")
    assert "offset 9 " in message
