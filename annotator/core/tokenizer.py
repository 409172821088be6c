"""Japanese tokens with code-point offsets into the stored text (fugashi + unidic-lite).

Tokens are the coding units for snapping and for token-level agreement, so they must be
deterministic and never split a visible character. fugashi returns surfaces only; offsets are
recovered by walking the text. Work is done line by line (and long lines sentence by sentence),
which is several times faster than one call on a long text, and only the feature fields needed
are read.
"""

from __future__ import annotations

import os
import re
import shlex
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import accumulate, chain, compress, count, repeat
from operator import contains, itemgetter, ne
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from annotator.core.errors import AnnotatorError
from annotator.core.text import is_grapheme_boundary

if TYPE_CHECKING:
    import fugashi

    from annotator.core.schema import Schema

# Lines longer than this are cut after sentence ends before tagging (MeCab slows on long input).
_MAX_CHUNK = 2000
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")


class Token(NamedTuple):
    """One token: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    lemma: str
    pos: str


@dataclass(frozen=True, slots=True)
class CueSpan:
    """A pre-highlight: a span of tokens matching a label's cue lexicon."""

    start: int
    end: int
    label: str


# MeCab writes each token as "<skipped whitespace>US<surface>[US<pos>US<lemma>]RS" and ends a
# sentence with "|" (a non-space mark: fugashi strips trailing whitespace, and these separators
# count as whitespace). One C call per line instead of a Python object per token.
_US, _RS = "\x1f", "\x1e"
_SEPARATORS = re.compile("[\x1e\x1f]")
_BOUNDS_FORMAT = "-O '' -F '%pS\x1f%m\x1e' -U '%pS\x1f%m\x1e' -E '|' -B ''"
# Most Japanese lines have no space or tab, so MeCab skips nothing and surfaces alone suffice.
_SURFACES_FORMAT = "-O '' -F '%m\x1e' -U '%m\x1e' -E '|' -B ''"
# Unknown words have only 6 feature fields: asking for %f[7] there crashes MeCab.
_FEATURES_FORMAT = (
    "-O '' -F '%pS\x1f%m\x1f%f[0]\x1f%f[7]\x1e' -U '%pS\x1f%m\x1f%f[0]\x1f\x1e' -E '|' -B ''"
)
# Surface, lemma and the whitespace MeCab skipped before the token, as fields of one list after
# a plain split (no regular expression): what import reads so that the cue lookup never has to
# tokenize again (see :func:`token_bounds_and_lemmas`). The surface comes first, as the output
# must not start with a separator (fugashi strips them with the whitespace).
_LEMMAS_FORMAT = "-O '' -F '%m\x1e%f[7]\x1e%pS\x1e' -U '%m\x1e\x1e%pS\x1e' -E '|' -B ''"


@lru_cache(maxsize=None)
def _tagger(output: str = "") -> fugashi.GenericTagger:
    """A tagger per output format (each is cheap: the dictionary is shared and mapped)."""
    import unidic_lite  # imported lazily: start-up should not pay for the dictionary

    return build_tagger(output, unidic_lite.DICDIR)


def build_tagger(output: str, dicdir: str | os.PathLike[str]) -> fugashi.GenericTagger:
    """A MeCab tagger on the dictionary in ``dicdir``, with ``output`` (MeCab options).

    The dictionary is named explicitly (``-r``, ``-d``) and each path quoted for shlex, which is
    how fugashi splits its argument: fugashi.Tagger would add its own ``-d "PATH"`` (and prefer
    a full `unidic` if one were installed), which breaks on a ``"`` in the install folder. So any
    folder works: spaces, Japanese, quotes, a Windows path with backslashes.
    """
    import fugashi

    dicdir = os.fspath(dicdir)
    mecabrc = os.path.join(dicdir, "mecabrc")
    args = f"-r {shlex.quote(mecabrc)} -d {shlex.quote(dicdir)} {output}".rstrip()
    try:
        return fugashi.GenericTagger(args)
    except RuntimeError as exc:  # MeCab's own report (long) stays attached as the cause
        needed = ("dicrc", "sys.dic", "matrix.bin", "char.bin", "unk.dic")
        missing = [n for n in needed if not os.path.isfile(os.path.join(dicdir, n))]
        detail = f" (missing: {', '.join(missing)})" if missing else ""
        raise AnnotatorError(
            f"{dicdir}: cannot load the Japanese dictionary (unidic-lite){detail}; "
            "reinstall Framing Annotator"
        ) from exc


#: Version of this module's own rules (chunking, grapheme-cluster merging, no whitespace
#: tokens): part of the id, so caches made under older rules are recomputed. 2: whitespace of
#: every kind (``str.isspace()``: U+3000, NBSP, U+2028, NEL, form feed, ...) is not a token.
TOKEN_RULES = 2


@lru_cache(maxsize=1)
def tokenizer_id() -> str:
    """Names what decides the tokens: dictionary, its format version and our own rules.

    Stored beside cached token boundaries, so a different dictionary invalidates the cache.
    Read without loading MeCab (:func:`dictionary_format`): opening an article compares its
    cache with this, and the window's start should not wait for fugashi and the dictionary.
    """
    import unidic_lite

    version = dictionary_format(unidic_lite.DICDIR)
    if version is None:  # not a dictionary MeCab can read: MeCab's loading says why, in one line
        version = _tagger().dictionary_info[0]["version"]
    return f"unidic-lite {unidic_lite.VERSION} (dic format {version}) rules {TOKEN_RULES}"


#: MeCab's mark for a compiled dictionary: the first 4 bytes of ``sys.dic`` are this XOR the
#: file's size, the next 4 the format version (what ``dictionary_info`` reports as "version").
_DIC_MAGIC = 0xEF718F77


def dictionary_format(dicdir: str | os.PathLike[str]) -> int | None:
    """The format version in the header of ``dicdir``'s ``sys.dic``, as MeCab reads it; None
    when the file is missing or is not a MeCab dictionary."""
    path = os.path.join(os.fspath(dicdir), "sys.dic")
    try:
        with open(path, "rb") as dic:
            header = dic.read(8)
        size = os.path.getsize(path)
    except OSError:
        return None
    if len(header) < 8:
        return None
    magic = int.from_bytes(header[:4], "little")
    if magic ^ size != _DIC_MAGIC:
        return None
    return int.from_bytes(header[4:8], "little")


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) pairs covering the text, cut at newlines and, in long lines, sentences."""
    pos = 0
    for line in text.split("\n"):
        if len(line) <= _MAX_CHUNK:
            if line:
                yield pos, line
        else:
            sub = pos
            for piece in _SENTENCE_END.split(line):
                while len(piece) > _MAX_CHUNK:  # no sentence end: cut anyway, at a safe place
                    cut = _MAX_CHUNK
                    while cut > 0 and not is_grapheme_boundary(piece, cut):
                        cut -= 1
                    if cut == 0:  # one cluster longer than a chunk: cut after it instead
                        cut = _MAX_CHUNK
                        while cut < len(piece) and not is_grapheme_boundary(piece, cut):
                            cut += 1
                    yield sub, piece[:cut]
                    sub += cut
                    piece = piece[cut:]
                if piece:
                    yield sub, piece
                sub += len(piece)
        pos += len(line) + 1


def _scan(text: str, with_features: bool) -> tuple[list[int], list[int], list[tuple[str, str]]]:
    """Starts, ends and (if asked) (pos, lemma) of fugashi's tokens, in text order."""
    tagger = _tagger(_FEATURES_FORMAT if with_features else _BOUNDS_FORMAT)
    surfaces = _tagger(_SURFACES_FORMAT)
    starts: list[int] = []
    ends: list[int] = []
    features: list[tuple[str, str]] = []
    for base, piece in _chunks(text):
        if _SEPARATORS.search(piece):
            _scan_nodes(base, piece, with_features, starts, ends, features)
        elif not with_features and _scan_surfaces(surfaces, base, piece, starts, ends):
            continue
        elif not _scan_piece(tagger, base, piece, with_features, starts, ends, features):
            _scan_nodes(base, piece, with_features, starts, ends, features)
    return starts, ends, features


def _scan_surfaces(
    tagger: fugashi.Tagger, base: int, piece: str, starts: list[int], ends: list[int]
) -> bool:
    """Bounds of a piece in which MeCab skipped no whitespace; False if it did skip some."""
    if " " in piece or "\t" in piece:
        return False
    parts = tagger.parse(piece).split(_RS)
    parts.pop()  # the end-of-sentence mark
    if "".join(parts) != piece or not all(parts):
        return False
    edges = list(accumulate(map(len, parts), initial=base))
    starts.extend(edges[:-1])
    ends.extend(edges[1:])
    return True


_BOUNDS_RECORD = re.compile("([^\x1e\x1f]*)\x1f([^\x1e\x1f]*)\x1e")
_FEATURES_RECORD = re.compile(
    "([^\x1e\x1f]*)\x1f([^\x1e\x1f]*)\x1f([^\x1e\x1f]*)\x1f([^\x1e\x1f]*)\x1e"
)


def _scan_piece(
    tagger: fugashi.Tagger, base: int, piece: str, with_features: bool,
    starts: list[int], ends: list[int], features: list[tuple[str, str]],
) -> bool:
    """Read MeCab's string output for one piece; False (nothing added) if it does not fit.

    Offsets are running sums of the whitespace and surface lengths, all computed by C-level
    builtins; the check that whitespace and surfaces put together give back the piece makes
    sure no offset can drift.
    """
    output = tagger.parse(piece)
    records = (_FEATURES_RECORD if with_features else _BOUNDS_RECORD).findall(output)
    if with_features:
        parts = [field for record in records for field in record[:2]]
    else:
        parts = list(chain.from_iterable(records))
    joined = "".join(parts)
    if not piece.startswith(joined) or (piece[len(joined):] and not piece[len(joined):].isspace()):
        return False
    edges = list(accumulate(map(len, parts), initial=base))
    # edges[2k+1] is where token k starts (after its whitespace), edges[2k+2] where it ends.
    if not all(map(itemgetter(1), records)):  # an empty surface: keep only real tokens
        records = [r for r in records if r[1]]
        return _scan_piece_slow(base, piece, records, with_features, starts, ends, features)
    starts.extend(edges[1:-1:2])
    ends.extend(edges[2::2])
    if with_features:
        features.extend(map(itemgetter(2, 3), records))
    return True


def _scan_piece_slow(
    base: int, piece: str, records: list[tuple[str, ...]], with_features: bool,
    starts: list[int], ends: list[int], features: list[tuple[str, str]],
) -> bool:
    at = 0
    for record in records:
        at += len(record[0])
        starts.append(base + at)
        at += len(record[1])
        ends.append(base + at)
        if with_features:
            features.append((record[2], record[3]))
    return True


def _scan_nodes(
    base: int, piece: str, with_features: bool,
    starts: list[int], ends: list[int], features: list[tuple[str, str]],
) -> None:
    """The slow, always-right path: one fugashi node at a time, surfaces found in the text."""
    at = 0
    for word in _tagger()(piece):
        surface = word.surface
        if not surface:
            continue
        found = piece.find(surface, at)
        if found < 0:  # fugashi changed the surface: skip rather than misplace it
            continue
        at = found
        starts.append(base + at)
        at += len(surface)
        ends.append(base + at)
        if with_features:
            fields = word.feature_raw.split(",", 8)
            features.append((fields[0], fields[7] if len(fields) > 7 else ""))


# Characters that never continue a grapheme cluster and are neither ZWJ nor a regional
# indicator: ASCII and Latin-1 letters, CJK punctuation, kana (but not the combining sound
# marks U+3099/U+309A), CJK ideographs, full-width forms (but not U+FF9E/U+FF9F).
@lru_cache(maxsize=1)
def _not_plain() -> re.Pattern[str]:
    """Compiled at first use (its ranges take ~2 ms to compile): the app's start, which opens
    an article from its cached tokens, tokenizes nothing."""
    return re.compile("[^\x00-\u02ff\u3000-\u3098\u309b-\u9fff\uff00-\uff9d\uffa0-\uffef]")


def _inner_positions(text: str) -> set[int]:
    """Offsets that are not grapheme-cluster boundaries (almost always none in news text)."""
    inner = set()
    for match in _not_plain().finditer(text):
        for i in (match.start(), match.start() + 1):
            if not is_grapheme_boundary(text, i):
                inner.add(i)
    return inner


def _merge_clusters(
    text: str, starts: list[int], ends: list[int]
) -> tuple[list[int], list[int], list[int]]:
    """Widen tokens to grapheme-cluster edges and join those that then overlap.

    fugashi can split an emoji ZWJ sequence or start a token with a combining mark; a coding
    unit must never do that. Returns starts, ends and the index of each kept token's first
    fugashi token (whose features it keeps).
    """
    inner = _inner_positions(text)
    if not inner:
        return starts, ends, list(range(len(starts)))
    n = len(text)
    out_s: list[int] = []
    out_e: list[int] = []
    first: list[int] = []
    for k, (s, e) in enumerate(zip(starts, ends)):
        while s > 0 and s in inner:
            s -= 1
        while e < n and e in inner:
            e += 1
        if out_e and s < out_e[-1]:
            out_e[-1] = max(out_e[-1], e)
        else:
            out_s.append(s)
            out_e.append(e)
            first.append(k)
    return out_s, out_e, first


# Whitespace other than the line feeds the text is cut at (same set as ``str.isspace()``).
_SPACE = re.compile(r"[^\S\n]")


def _drop_space(
    text: str, starts: list[int], ends: list[int], first: list[int]
) -> tuple[list[int], list[int], list[int]]:
    """Drop tokens that are only whitespace and trim whitespace off the edges of the others.

    fugashi makes a token of U+3000, a no-break space, U+2028, NEL, a form feed... Whitespace is
    not a coding unit (spans snap around it, agreement does not count it). Only tokens that hold
    a whitespace character are looked at, so a text without any costs one regex search. An edge
    is not trimmed where that would split a grapheme cluster (a space carrying a combining mark).
    """
    spaces = [m.start() for m in _SPACE.finditer(text)]
    if not spaces:
        return starts, ends, first
    touched: set[int] = set()
    for at in spaces:
        k = bisect_right(starts, at) - 1
        if k >= 0 and at < ends[k]:
            touched.add(k)
    if not touched:
        return starts, ends, first
    out_s: list[int] = []
    out_e: list[int] = []
    out_f: list[int] = []
    for k, (s, e, f) in enumerate(zip(starts, ends, first)):
        if k in touched:
            if text[s:e].isspace():
                continue
            s, e = _trimmed(text, s, e)
        out_s.append(s)
        out_e.append(e)
        out_f.append(f)
    return out_s, out_e, out_f


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    s, e = start, end
    while text[s].isspace():
        s += 1
    while text[e - 1].isspace():
        e -= 1
    if not is_grapheme_boundary(text, s):
        s = start
    if not is_grapheme_boundary(text, e):
        e = end
    return s, e


def _units(text: str, with_features: bool) -> tuple[list[int], list[int], list[tuple[str, str]],
                                                     list[int]]:
    """Coding units: fugashi's tokens widened to grapheme clusters, whitespace left out.
    Returns starts, ends, fugashi's features and the index of each unit's first fugashi token."""
    starts, ends, features = _scan(text, with_features)
    starts, ends, first = _merge_clusters(text, starts, ends)
    starts, ends, first = _drop_space(text, starts, ends, first)
    return starts, ends, features, first


def _scan_lemmas(text: str) -> tuple[list[int], list[int], list[str], list[str]]:
    """Starts, ends, raw lemmas and surfaces of fugashi's tokens: ``_scan(text, True)`` without
    the part of speech, one C call and one split per piece."""
    tagger = _tagger(_LEMMAS_FORMAT)
    starts: list[int] = []
    ends: list[int] = []
    lemmas: list[str] = []
    surfaces: list[str] = []
    for base, piece in _chunks(text):
        features: list[tuple[str, str]] = []
        before = len(starts)
        if _SEPARATORS.search(piece):
            _scan_nodes(base, piece, True, starts, ends, features)
        elif _scan_surface_lemmas(tagger, base, piece, starts, ends, lemmas, surfaces):
            continue
        elif not _scan_piece(_tagger(_FEATURES_FORMAT), base, piece, True, starts, ends,
                             features):
            _scan_nodes(base, piece, True, starts, ends, features)
        lemmas.extend(map(itemgetter(1), features))
        surfaces.extend(text[s:e] for s, e in zip(starts[before:], ends[before:]))
    return starts, ends, lemmas, surfaces


def _scan_surface_lemmas(
    tagger: fugashi.GenericTagger, base: int, piece: str,
    starts: list[int], ends: list[int], lemmas: list[str], surfaces_out: list[str],
) -> bool:
    """Bounds and lemmas of one piece; False (nothing added) if whitespace and surfaces put
    together do not give back the piece (then the slower paths decide, as in :func:`_scan`)."""
    fields = tagger.parse(piece).split(_RS)  # surface, lemma, space before, ..., end mark
    surfaces = fields[0:-1:3]
    if not all(surfaces):
        return False
    spaces = fields[2::3]
    if any(spaces):
        parts = list(chain.from_iterable(zip(spaces, surfaces)))
        joined = "".join(parts)
        rest = piece[len(joined):]
        if not piece.startswith(joined) or (rest and not rest.isspace()):
            return False
        edges = list(accumulate(map(len, parts), initial=base))
        # edges[2k+1] is where token k starts (after its whitespace), edges[2k+2] where it ends.
        starts.extend(edges[1:-1:2])
        ends.extend(edges[2::2])
    else:  # nothing skipped: the surfaces alone give the offsets
        joined = "".join(surfaces)
        rest = piece[len(joined):]
        if not piece.startswith(joined) or (rest and not rest.isspace()):
            return False
        edges = list(accumulate(map(len, surfaces), initial=base))
        starts.extend(edges[:-1])
        ends.extend(edges[1:])
    lemmas.extend(fields[1::3])
    surfaces_out.extend(surfaces)
    return True


def token_bounds_and_lemmas(text: str) -> tuple[array, dict[str, list[int]]]:
    """What import keeps of a text: :func:`token_bounds_flat` and the index of the lemmas the
    cue lookup needs (:mod:`annotator.core.lemma_index`): the raw lemma of every token whose
    lemma is not its own text or holds a ``-``, by token number."""
    scanned = _scan_lemmas(text)
    starts, ends, first = _merge_clusters(text, scanned[0], scanned[1])
    starts, ends, first = _drop_space(text, starts, ends, first)
    flat = array("I", bytes(8 * len(starts)))
    flat[0::2] = array("I", starts)
    flat[1::2] = array("I", ends)
    if starts is scanned[0] and ends is scanned[1]:  # the usual text: every token as fugashi's
        lemmas, own = scanned[2], scanned[3]
    else:  # tokens widened to grapheme clusters or trimmed of whitespace
        lemmas = [scanned[2][f] for f in first]
        own = [text[s:e] for s, e in zip(starts, ends)]
    # Picked by C-level maps: a long article has a hundred thousand tokens, two thirds not listed.
    listed = set(compress(count(), map(ne, lemmas, own)))
    listed.update(compress(count(), map(contains, lemmas, repeat("-"))))
    index: dict[str, list[int]] = {}
    for k in sorted(listed):
        index.setdefault(lemmas[k], []).append(k)
    return flat, index


def _lemma(lemma: str, surface: str) -> str:
    """UniDic's lemma, or the surface for unknown words; loanwords lose their gloss (テスト-test)."""
    if not lemma or lemma == "*":
        return surface
    head, dash, tail = lemma.partition("-")
    if dash and head and tail.isascii():
        return head
    return lemma


def tokenize(text: str) -> list[Token]:
    """All tokens of the stored text, with surface, lemma and coarse part of speech."""
    starts, ends, features, first = _units(text, True)
    tokens = []
    for s, e, k in zip(starts, ends, first):
        surface = text[s:e]
        pos, lemma = features[k]
        tokens.append(Token(s, e, surface, _lemma(lemma, surface), pos))
    return tokens


def token_bounds(text: str) -> list[tuple[int, int]]:
    """Only the (start, end) of each token: the fast path for agreement and checks."""
    starts, ends, _, _ = _units(text, False)
    return list(zip(starts, ends))


def token_bounds_flat(text: str) -> array:
    """The same bounds laid flat (start, end, start, end, ...) as 32-bit integers: how the
    project stores them, built without a Python object per token."""
    starts, ends, _, _ = _units(text, False)
    flat = array("I", bytes(8 * len(starts)))
    flat[0::2] = array("I", starts)
    flat[1::2] = array("I", ends)
    return flat


def cue_spans(text: str, tokens: list[Token], schema: Schema) -> list[CueSpan]:
    """Spans to pre-highlight: tokens whose lemma is a cue, and cue surfaces on token edges."""
    lemmas = enumerate(t.lemma for t in tokens)
    return _match_cues(text, [t.start for t in tokens], [t.end for t in tokens], lemmas, schema)


def bounds_and_cues(text: str, schema: Schema) -> tuple[list[tuple[int, int]], list[CueSpan]]:
    """Token boundaries and cue spans in one pass, without building a Token per token: what
    opening an article needs when its project has not kept them (a long article has a hundred
    thousand tokens)."""
    flat, lemmas = token_bounds_and_lemmas(text)
    return list(zip(flat[0::2], flat[1::2])), cues_from_lemmas(text, flat, lemmas, schema)


def cues_from_lemmas(
    text: str, bounds: Sequence[int], lemmas: Mapping[str, Sequence[int]], schema: Schema
) -> list[CueSpan]:
    """The cue spans of a text from its bounds laid flat and its lemma index (see
    :func:`token_bounds_and_lemmas`), with no tokenizing: the same spans as tokenizing it.

    Tokens left out of the index have their own text as lemma; where such a lemma is a cue,
    the pass over cues written in the text finds the token anyway (it starts and ends on token
    edges), so leaving them out changes nothing."""
    pairs = ((k, lemma) for lemma, tokens in lemmas.items() for k in tokens)
    return _match_cues(text, bounds[0::2], bounds[1::2], pairs, schema)


def _match_cues(
    text: str, starts: Sequence[int], ends: Sequence[int], lemmas: Iterable[tuple[int, str]],
    schema: Schema,
) -> list[CueSpan]:
    """Cue lemmas match a token's lemma (loanword glosses ignored); a cue lemma or surface
    written in the text also matches where it begins and ends on token edges. ``lemmas`` gives
    (token number, lemma) pairs."""
    by_lemma: dict[str, list[str]] = {}
    for label in schema.labels:
        for lemma in label.cue_lemmas:
            by_lemma.setdefault(lemma, []).append(label.id)
    found: set[CueSpan] = set()
    if by_lemma:
        for k, lemma in lemmas:
            hit = by_lemma.get(lemma)
            if hit is None and "-" in lemma:
                hit = by_lemma.get(lemma.partition("-")[0])
            if hit is not None:
                for label_id in hit:
                    found.add(CueSpan(starts[k], ends[k], label_id))
    start_set, end_set = set(starts), set(ends)
    for label in schema.labels:
        for written in (*label.cue_lemmas, *label.cue_surfaces):
            at = text.find(written)
            while at >= 0:
                end = at + len(written)
                if at in start_set and end in end_set:
                    found.add(CueSpan(at, end, label.id))
                at = text.find(written, at + 1)
    return sorted(found, key=lambda c: (c.start, c.end, c.label))
