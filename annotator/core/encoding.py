"""Turn the bytes of an input file into text without ever returning mojibake silently.

Japanese news text reaches us as UTF-8, UTF-16, CP932 (Shift_JIS), EUC-JP or ISO-2022-JP.
Those byte formats overlap, so a wrong guess would quietly corrupt every annotation made
on the text. Hence: decode strictly, try first the encodings whose validity is a strong
signal, and refuse with an ``--encoding`` hint whenever the bytes do not settle it.
charset_normalizer is only asked for a name to suggest, never used to decode.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import NoReturn

from annotator.core.errors import InputError

__all__ = ["KNOWN_ENCODINGS", "Decoded", "decode_bytes", "resolve_encoding"]

#: User-facing names offered for ``--encoding``; any other Python text codec name works too.
KNOWN_ENCODINGS: tuple[str, ...] = (
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "cp932",
    "shift_jis",
    "euc-jp",
    "iso-2022-jp",
    "iso-2022-jp-ext",
    "iso-2022-jp-2",
    "iso-2022-jp-2004",
)

# Python's canonical codec name -> the spelling we show users (and store in Decoded.encoding).
_DISPLAY_NAMES: dict[str, str] = {codecs.lookup(name).name: name for name in KNOWN_ENCODINGS}

# Byte-order marks, longest first: the UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Designations of the ISO-2022-JP family: ESC $ @, ESC $ B, ESC $ A, ESC $ ( D/O/P/Q,
# ESC ( B/J/I/H and ESC . A/F. ANSI colour codes (ESC [) do not match.
_ISO2022_ESCAPE = re.compile(rb"\x1b(?:\$[@AB]|\$\([@ABCDOPQ]|\([BHIJ]|\.[AF])")
# Tried in order; all strict, they differ only in which extra character sets they know.
_ISO2022_CODECS: tuple[str, ...] = ("iso-2022-jp", "iso-2022-jp-ext", "iso-2022-jp-2", "iso-2022-jp-2004")

_LEGACY_CODECS: tuple[tuple[str, str], ...] = (("euc-jp", "euc_jp"), ("cp932", "cp932"))
_LEGACY_LABELS = {"euc-jp": "EUC-JP", "cp932": "CP932 (Shift_JIS)"}

# C0 controls that plain text legitimately contains (NUL is stripped by the caller later).
_BAD_CONTROLS = frozenset(chr(c) for c in range(0x20)) - frozenset("\t\n\r\f\v\x00")
_BAD_CONTROL_RE = re.compile("[" + "".join(sorted(_BAD_CONTROLS)) + "]")
_BLANK_RE = re.compile(r"[\s\x00]*")
_BAD_CONTROL_BYTES = "".join(sorted(_BAD_CONTROLS)).encode("ascii")
# The ranges of _is_japanese_script, to search a whole file at C speed.
_JAPANESE_SCRIPT_RE = re.compile("[\u3000-\u30ff\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")

_BINARY_HINT = (
    "looks like a binary file, not text "
    "(if it is UTF-16 without a byte-order mark, give --encoding utf-16-le)"
)

# One reading must lead another by this much mean character score to count as clearly better.
_CLEAR_MARGIN = 0.25
# A lone EUC-JP/CP932 reading scoring below this is mostly half-width katakana, rare kanji
# or private-use characters: more likely mojibake than text.
_MIN_SCORE = 0.2
# A legacy reading with this many non-ASCII characters and not one kana is far more likely
# Chinese or Korean bytes that happen to be valid EUC-JP than Japanese.
_KANA_CHECK_MIN_CHARS = 30
# Codecs charset_normalizer sometimes names for damaged Japanese bytes; suggesting them misleads.
_USELESS_GUESSES = frozenset(
    {"utf-8", "ascii", "euc_jp", "cp932", "shift_jis"}  # already tried strictly
    | {"cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140"}  # EBCDIC
)


@dataclass(frozen=True)
class Decoded:
    """Decoded text plus the encoding used, so callers can report and store the choice."""

    text: str
    """The text without a byte-order mark, otherwise unchanged (newlines and NUL kept)."""
    encoding: str
    """User-facing name of the codec used, e.g. "utf-8", "utf-8-sig", "cp932", "euc-jp"."""


def resolve_encoding(name: str) -> str:
    """Check an ``--encoding`` value early and return the name we display for it.

    Any Python text codec is accepted so that unusual files can still be read; codecs
    that do not produce text (base64, rot13, zlib) are refused.
    """
    try:
        info = codecs.lookup(name.strip())
    except (LookupError, ValueError):
        raise InputError(
            f"unknown encoding {name!r} for --encoding; use one of {', '.join(KNOWN_ENCODINGS[:10])} "
            "or another Python codec name"
        ) from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(
            f"{name!r} is not a text encoding; use one of {', '.join(KNOWN_ENCODINGS[:10])} for --encoding"
        )
    return _DISPLAY_NAMES.get(info.name, info.name)


def decode_bytes(data: bytes, source: str, encoding: str | None = None) -> Decoded:
    """Decode an input file's bytes, detecting the encoding unless one is given.

    ``source`` names the input in messages (e.g. "article.txt" or "file.csv line 3").
    Raises InputError instead of guessing when the bytes are ambiguous, binary or invalid.
    """
    if encoding is not None:
        decoded = _decode_explicit(data, source, encoding)
    elif not data:
        raise InputError(f"{source}: the file is empty")
    else:
        bom = next(((b, codec) for b, codec in _BOMS if data.startswith(b)), None)
        if bom is not None:
            decoded = _decode_with_bom(data, bom[0], bom[1], source)
        else:
            if _too_many(data.count(0), len(data)):
                raise InputError(f"{source}: {_BINARY_HINT}")
            if data.isascii() and _ISO2022_ESCAPE.search(data):
                decoded = _decode_iso2022(data, source)
            else:
                decoded = _decode_utf8_or_legacy(data, source)
            if _too_many(len(_BAD_CONTROL_RE.findall(decoded.text)), len(decoded.text)):
                raise InputError(f"{source}: {_BINARY_HINT}")
    if _BLANK_RE.fullmatch(decoded.text):  # only NULs and whitespace (and without a copy)
        raise InputError(f"{source}: the file is empty")
    return decoded


# --------------------------------------------------------------------------- explicit encoding


def _decode_explicit(data: bytes, source: str, encoding: str) -> Decoded:
    """Decode strictly as the user said; a leading BOM of that Unicode codec is still dropped."""
    display = resolve_encoding(encoding)
    codec = codecs.lookup(display).name
    skip = 0
    if codec in ("utf-8", "utf-8-sig"):
        # Strip the BOM here: the utf-8-sig codec counts error offsets after the BOM.
        codec = "utf-8"
        if data.startswith(codecs.BOM_UTF8):
            skip, display = len(codecs.BOM_UTF8), "utf-8-sig"
    else:
        own_bom = {
            "utf-16-le": codecs.BOM_UTF16_LE,
            "utf-16-be": codecs.BOM_UTF16_BE,
            "utf-32-le": codecs.BOM_UTF32_LE,
            "utf-32-be": codecs.BOM_UTF32_BE,
        }.get(codec)
        if own_bom and data.startswith(own_bom):
            skip = len(own_bom)
    try:
        text = codecs.decode(data[skip:], codec, "strict")
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        others = [name for name in ("utf-8", "cp932", "euc-jp", "utf-16") if name != display]
        raise InputError(
            f"{source}: is not valid {display}: the byte at offset {offset} "
            f"({_show_bytes(data, offset)}) cannot be decoded; rerun with another --encoding, "
            f"e.g. {', '.join('--encoding ' + name for name in others[:3])}"
        ) from None
    return Decoded(text=text, encoding=display)


# --------------------------------------------------------------------------- detection


def _decode_with_bom(data: bytes, bom: bytes, codec: str, source: str) -> Decoded:
    """A BOM is decisive; an FF FE 00 00 start that is not UTF-32 may still be UTF-16."""
    if codec == "utf-32":
        try:
            return Decoded(text=data.decode("utf-32", "strict"), encoding="utf-32")
        except UnicodeDecodeError:
            if bom != codecs.BOM_UTF32_LE:
                raise InputError(
                    f"{source}: starts with a UTF-32 byte-order mark but is not valid UTF-32; "
                    "rerun with --encoding NAME naming the file's real encoding"
                ) from None
            codec = "utf-16"
    skip = len(bom) if codec == "utf-8-sig" else 0  # offsets must count from the file start
    try:
        text = data[skip:].decode("utf-8" if codec == "utf-8-sig" else codec, "strict")
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        label = "UTF-8" if codec == "utf-8-sig" else codec.upper()
        raise InputError(
            f"{source}: starts with a {label} byte-order mark but the byte at offset {offset} "
            f"({_show_bytes(data, offset)}) is not valid {label}; "
            "rerun with --encoding NAME naming the file's real encoding"
        ) from None
    return Decoded(text=text.removeprefix("\ufeff"), encoding=codec)


def _decode_iso2022(data: bytes, source: str) -> Decoded:
    """7-bit ISO-2022-JP is also valid UTF-8 (with ESC garbage), so it is recognised first."""
    first_error: UnicodeDecodeError | None = None
    for codec in _ISO2022_CODECS:
        try:
            return Decoded(text=data.decode(codec, "strict"), encoding=codec)
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
    assert first_error is not None
    raise InputError(
        f"{source}: contains ISO-2022-JP escape sequences but is not valid ISO-2022-JP "
        f"(byte offset {first_error.start}: {_show_bytes(data, first_error.start)}); "
        "rerun with --encoding NAME naming the file's real encoding"
    )


def _decode_utf8_or_legacy(data: bytes, source: str) -> Decoded:
    try:
        text = data.decode("utf-8", "strict")
    except UnicodeDecodeError as exc:
        utf8_offset = exc.start
    else:
        _check_utf8_not_mojibake(text, data, source)
        return Decoded(text=text, encoding="utf-8")

    readings, failures = _legacy_readings(data)
    scores = {name: _japanese_score(text) for name, text in readings.items()}
    if _damaged_utf8(data, max(scores.values(), default=-1.0)):
        raise InputError(
            f"{source}: looks like UTF-8 but is not valid UTF-8: the byte at offset {utf8_offset} "
            f"({_show_bytes(data, utf8_offset)}) is not part of a UTF-8 character (the file may be damaged, "
            "cut short or mix two encodings). Fix it, or rerun with --encoding NAME naming its encoding"
        )
    if not readings:
        offsets = {"UTF-8": utf8_offset} | {_LEGACY_LABELS[name]: at for name, at in failures.items()}
        where = ", ".join(f"{label} at byte {at}" for label, at in offsets.items())
        _refuse(data, source, f"is not valid UTF-8, EUC-JP or Shift_JIS/CP932 text (each fails: {where})")

    best = max(scores, key=scores.__getitem__)
    if len(scores) == 2 and abs(scores["euc-jp"] - scores["cp932"]) < _CLEAR_MARGIN:
        raise InputError(
            f"{source}: is valid both as EUC-JP and as CP932 (Shift_JIS) and the text does not show "
            "which is right; rerun with --encoding euc-jp or --encoding cp932"
        )
    _check_not_utf16(data, scores[best], source)
    if not _plausibly_japanese(readings[best], scores[best]):
        _refuse(
            data,
            source,
            f"is valid {_LEGACY_LABELS[best]} but does not read as Japanese text "
            "(it may be Chinese, Korean or in another encoding)",
        )
    return Decoded(text=readings[best], encoding=best)


def _damaged_utf8(data: bytes, legacy_score: float) -> bool:
    """Whether invalid UTF-8 is really UTF-8 Japanese with a few bad bytes.

    CP932 reads many such byte strings as valid mojibake, so a legacy reading is only
    trusted when the UTF-8 characters that are intact are not clearly more Japanese and
    do not outnumber the bad bytes.
    """
    text = data[:20_000].decode("utf-8", "replace")  # a sample is enough to tell
    bad = text.count("\ufffd")
    intact = [ch for ch in text if not ch.isascii() and ch != "\ufffd"]
    if len(intact) < 2 or 2 * len(intact) < bad:
        return False
    return _japanese_score("".join(intact)) - legacy_score >= _CLEAR_MARGIN


def _legacy_readings(data: bytes) -> tuple[dict[str, str], dict[str, int]]:
    """Strict EUC-JP and CP932 readings, and the failure offset of those that fail."""
    readings: dict[str, str] = {}
    failures: dict[str, int] = {}
    for name, codec in _LEGACY_CODECS:
        try:
            readings[name] = data.decode(codec, "strict")
        except UnicodeDecodeError as exc:
            failures[name] = exc.start
    return readings, failures


def _check_utf8_not_mojibake(text: str, data: bytes, source: str) -> None:
    """Refuse valid UTF-8 that is more likely a few EUC-JP/CP932 kanji.

    Legacy text longer than a few characters is practically never valid UTF-8, but a
    few kanji can be: EUC-JP "年" (C7 AF) is UTF-8 "ǯ". Once the UTF-8 reading contains
    kana or a CJK character, UTF-8 is trusted; until then a clearly more Japanese
    legacy reading means the bytes cannot tell.
    """
    if text.isascii() or _JAPANESE_SCRIPT_RE.search(text):
        return
    utf8_score = _japanese_score(text)
    readings, _ = _legacy_readings(data)
    for name, legacy in readings.items():
        score = _japanese_score(legacy)
        if score - utf8_score >= _CLEAR_MARGIN and _plausibly_japanese(legacy, score):
            raise InputError(
                f"{source}: is valid UTF-8 but reads more like {_LEGACY_LABELS[name]} text; "
                f"rerun with --encoding {name} if it is {_LEGACY_LABELS[name]}, "
                "or --encoding utf-8 if it is UTF-8"
            )


def _check_not_utf16(data: bytes, legacy_score: float, source: str) -> None:
    """Refuse a legacy reading of what is really UTF-16 Japanese without a BOM.

    Japanese UTF-16 has few NUL bytes, so the binary check misses it, and short pieces
    can be valid CP932 (kana become "0" plus a letter). Its UTF-16 reading is then
    almost all kana and kanji.
    """
    if len(data) % 2:
        return
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec, "strict")
        except UnicodeDecodeError:
            continue
        # The first 20,000 characters tell; counting a whole big file would cost gigabytes.
        chars = [ch for ch in text[:20_000] if not ch.isspace()]
        japanese = sum(_is_japanese_script(ch) or (ch.isascii() and ch.isprintable()) for ch in chars)
        kana = sum(0x3041 <= ord(ch) <= 0x30FF for ch in chars)
        # Kana in UTF-16 needs a 0x30 byte ("0") at every other position: never by chance.
        if chars and japanese >= 0.9 * len(chars) and (
            kana * 5 >= len(chars) or _japanese_score(text) - legacy_score >= _CLEAR_MARGIN
        ):
            raise InputError(
                f"{source}: looks like UTF-16 text without a byte-order mark; "
                f"rerun with --encoding {codec}"
            )


def _refuse(data: bytes, source: str, reason: str) -> NoReturn:
    """Raise the final InputError, naming charset_normalizer's guess when it has a useful one."""
    # Bytes that no candidate decodes and that are full of control codes are binary.
    bad = len(data) - len(data.translate(None, _BAD_CONTROL_BYTES))  # one pass in C
    if _too_many(bad, len(data)):
        raise InputError(f"{source}: {_BINARY_HINT}")
    guess = _best_guess(data)
    if guess:
        raise InputError(
            f"{source}: {reason}; it might be {guess}. Rerun with --encoding NAME, e.g. --encoding {guess}"
        )
    raise InputError(f"{source}: {reason}. Rerun with --encoding NAME naming the file's encoding")


def _best_guess(data: bytes) -> str | None:
    """charset_normalizer's best guess, unless it is a codec already ruled out or EBCDIC."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency; the guess is only a hint
        return None
    best = from_bytes(data).best()
    if best is None:
        return None
    try:
        canonical = codecs.lookup(best.encoding).name
    except LookupError:
        return None
    if canonical in _USELESS_GUESSES:
        return None
    return _DISPLAY_NAMES.get(canonical, canonical)


def _too_many(count: int, total: int) -> bool:
    """'Many': more than two and over 1% -- a stray NUL or a DOS end-of-file mark is still text."""
    return count > 2 and count * 100 > total


# --------------------------------------------------------------------------- Japanese-likeness


def _char_score(ch: str) -> float:
    """How typical one non-ASCII character is of real Japanese text, from -1 to 1.

    Kanji are graded by their CP932 code: JIS level 1 (0x889F-0x9872) holds the common
    ones, level 2 the rare ones; NEC/IBM rows and JIS X 0212 are rarer still. Mojibake
    between EUC-JP and CP932 yields half-width katakana, level-2 kanji and private-use
    characters, while real text is dominated by kana and level-1 kanji.
    """
    cp = ord(ch)
    if 0x3000 <= cp <= 0x30FF:  # CJK punctuation, hiragana, katakana
        return 1.0
    if 0xFF61 <= cp <= 0xFF9F:  # half-width katakana
        return 0.0
    if 0xFF01 <= cp <= 0xFF5E or 0x2010 <= cp <= 0x206F:  # full-width ASCII, general punctuation
        return 0.6
    if 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF:
        try:
            code = int.from_bytes(ch.encode("cp932"), "big")
        except UnicodeEncodeError:
            return 0.0  # JIS X 0212 only (EUC-JP 3-byte)
        if 0x889F <= code <= 0x9872:
            return 0.8
        if 0x989F <= code <= 0xEAA4:
            return 0.3
        return 0.0  # NEC-selected and IBM extension kanji
    if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs", "Cn"):  # controls, private use, unassigned
        return -1.0
    if 0x2190 <= cp <= 0x27BF or 0x2460 <= cp <= 0x24FF:  # arrows, shapes, circled numbers
        return 0.4
    # Only the UTF-8 reading of a short text competes here: accented letters in names
    # and the common Latin-1 signs are ordinary, the rest of Latin-1 and Latin-A less so.
    if (0xC0 <= cp <= 0xFF and cp not in (0xD7, 0xF7)) or ch in "©®°±×÷·«»£¥§€":
        return 0.7
    if 0xA0 <= cp <= 0x17F:
        return 0.3
    return 0.1  # Greek, Cyrillic, box drawing and other symbols: possible but unusual


def _japanese_score(text: str) -> float:
    """Mean character score over the non-ASCII part, which is where two readings differ.

    The first 5,000 characters are a large enough sample and keep imports fast.
    """
    scores = [_char_score(ch) for ch in text[:5_000] if not ch.isascii()]
    return sum(scores) / len(scores) if scores else 0.0


def _is_japanese_script(ch: str) -> bool:
    """Kana, CJK punctuation, common ideographs or full-width forms.

    EUC-JP/CP932 bytes that happen to be valid UTF-8 practically never decode to these
    (rare CJK Extension A ideographs at most, which are therefore left out).
    """
    cp = ord(ch)
    return (
        0x3000 <= cp <= 0x30FF or 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0xFF00 <= cp <= 0xFFEF
    )


def _plausibly_japanese(text: str, score: float) -> bool:
    """Whether a lone EUC-JP/CP932 reading can be trusted rather than refused.

    GB2312 and EUC-KR text is often valid EUC-JP (all kanji, never kana), whereas real
    Japanese of any length uses kana; half-width katakana count, for old CP932 files.
    """
    if score < _MIN_SCORE:
        return False
    non_ascii = [ch for ch in text[:20_000] if not ch.isascii()]
    if len(non_ascii) < _KANA_CHECK_MIN_CHARS:
        return True
    return any(0x3041 <= ord(ch) <= 0x30FF or 0xFF66 <= ord(ch) <= 0xFF9D for ch in non_ascii)


def _show_bytes(data: bytes, offset: int) -> str:
    chunk = data[offset : offset + 4]
    return " ".join(f"0x{b:02X}" for b in chunk) if chunk else "end of data"
