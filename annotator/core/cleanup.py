"""Finding the article proper in a scraped page: what to cut before the headline and after the text.

Scrapers save more than the article: navigation (a breadcrumb such as ``トップ ニュース``, alone or
glued to the headline line), a copy of the whole article run together on one line before the real
one, and after the article a marker line (``更多新聞…``, ``最新ニュース``, ``関連記事`` …) followed by
other stories. :func:`clean_page` finds these and says which lines to keep, why, and what the
headline is. It only ever cuts whole lines at the start and at the end (the kept text is lines
``first..last`` exactly as in the page), and it removes nothing when unsure: a coder can always
cut more with ``trim``, but text silently lost is never noticed.

Used by ``annotator import --clean``, ``annotator trim --clean`` and the app's import preview.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.text import normalize_text

NAVIGATION = "navigation before the headline"
COPY = "a copy of the article run together on one line"

#: Lines that start what follows the article (other stories, links, rankings). The one list.
MARKERS: tuple[str, ...] = (
    "更多新聞", "更多新闻", "相關新聞", "相关新闻", "延伸閱讀", "推薦閱讀", "熱門新聞",
    "最新ニュース", "新着ニュース", "関連ニュース", "主要ニュース", "注目ニュース",
    "関連記事", "関連リンク", "関連情報", "新着記事", "注目記事", "人気記事", "最新記事",
    "おすすめ", "オススメ", "お勧め", "こちらもおすすめ", "こちらもオススメ",
    "あわせて読みたい", "合わせて読みたい", "併せて読みたい", "この記事を読んだ人は",
    "この記事を読んだ人はこんな記事も", "次の記事", "前の記事", "他の記事",
    "ランキング", "アクセスランキング", "人気ランキング", "記事ランキング",
    "ピックアップ", "もっと見る", "Related", "RELATED", "Recommended", "Read more", "More news",
)

#: Words of site navigation (breadcrumbs, menus). A line made only of these is navigation.
NAV_WORDS: frozenset[str] = frozenset({
    "トップ", "TOP", "Top", "top", "ホーム", "HOME", "Home", "ニュース", "NEWS", "News",
    "ニュース一覧", "記事一覧", "一覧", "カテゴリー", "カテゴリ", "メニュー", "MENU", "Menu",
    "ログイン", "会員登録", "新規登録", "検索", "サイトマップ", "ヘッダー", "フッター",
    "国際", "国内", "政治", "経済", "社会", "ビジネス", "テクノロジー", "IT", "科学", "テック",
    "スポーツ", "エンタメ", "芸能", "ライフ", "文化", "地域", "オピニオン", "コラム", "特集",
    "論評", "社説", "国際ニュース", "経済ニュース", "政治ニュース", "社会ニュース", "台湾",
    "中国", "アジア", "米国", "アメリカ", "日本", "世界", "マネー", "マーケット", "産業",
})
_HOME_WORDS = frozenset({"トップ", "TOP", "Top", "top", "ホーム", "HOME", "Home"})

_SPACE = " \t\u3000"
_BREAD_SEP = re.compile(r"\s*[>›»＞≫→|｜/／]\s*")
_ANY_SEP = re.compile(r"[\s>›»＞≫→|｜/／・]+")
_SENTENCE = re.compile(r"[。、，,「」『』！？!?]")
_DECORATION = " \t\u3000#*-–—=_■□◆◇●○◎▼▽▶►▷>»›|｜[]【】［］〔〕()（）<>《》:：・….。"
_COMPACT_DROP = re.compile(r"[\s#]+")

#: A marker line is the marker plus at most this many characters ("更多新聞請搜尋🔍風傳媒").
_MARKER_EXTRA = 12
#: What may follow a marker word on a line that is nothing but the marker ("関連記事一覧").
_MARKER_SUFFIXES = ("", "記事", "一覧", "はこちら", "をもっと見る", "ニュース", "情報", "リンク")
#: Text before a marker line: at least this many characters on at least two lines.
_MIN_BEFORE = 100
#: A page shorter than this (characters of text) whose marker is in its first half is left
#: whole: on a short page the "marker" is more likely a word of the article.
_SHORT_PAGE = 1000
#: On longer pages the article before a marker must still be this share of the text, or this
#: smaller share when the line is nothing but the marker ("関連記事", "【ランキング】").
_MIN_SHARE_LONG = 0.25
_MIN_SHARE_LONG_PLAIN = 0.1
#: A run-together copy is at least this long (characters without spaces and '#').
_MIN_COPY = 80
#: Only this many non-blank lines at the top are looked at for navigation and copies.
_HEAD_LINES = 8
#: A kept first line longer than this is a paragraph, not a headline.
_MAX_HEADLINE = 120


@dataclass(frozen=True)
class Removal:
    """Lines ``first..last`` (1-based, inclusive) removed from a page, and why."""

    first: int
    last: int
    chars: int  # the lines' text plus their newlines
    why: str


@dataclass(frozen=True)
class PageCleanup:
    """What to keep of a page: lines ``first..last`` and the headline found (or '')."""

    first: int
    last: int
    title: str
    removals: tuple[Removal, ...]

    def apply(self, text: str) -> str:
        """The kept lines, joined by "\\n", exactly as in the page (the page unchanged when
        nothing is removed)."""
        text = normalize_text(text)
        if not self.removals:
            return text
        lines = _lines(text)
        kept = "\n".join(lines[self.first - 1 : self.last])
        return kept + "\n" if self.last >= len(lines) and text.endswith("\n") else kept

    @property
    def changed(self) -> bool:
        return bool(self.removals)

    def describe(self) -> str:
        """'lines 1-1 (54 chars, navigation before the headline), lines 20-42 (…)'."""
        return ", ".join(f"lines {r.first}-{r.last} ({r.chars:,} chars, {r.why})"
                         for r in self.removals)


def _lines(text: str) -> list[str]:
    """The page's lines; a final newline ends the last line rather than starting another."""
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def _tokens(line: str) -> list[str]:
    return [t for t in _ANY_SEP.split(line.strip(_SPACE)) if t]


def is_navigation(line: str) -> bool:
    """A line of site navigation only: nav words ('トップ ニュース'), or a breadcrumb that starts
    at the home page ('ホーム > 国際 > アジア')."""
    core = line.strip(_SPACE)
    if not core or len(core) > 60 or _SENTENCE.search(core):
        return False
    tokens = _tokens(core)
    if not tokens:
        return False
    if all(t in NAV_WORDS for t in tokens):
        return True
    parts = [p for p in _BREAD_SEP.split(core) if p]
    return (len(parts) >= 2 and parts[0] in _HOME_WORDS
            and all(len(p) <= 12 and not _SENTENCE.search(p) for p in parts))


def strip_breadcrumb(line: str) -> str:
    """The headline of a line with navigation glued before it ('トップ ニュース 論評:…' ->
    '論評:…'), or '' when the line does not start with navigation followed by a headline."""
    core = line.strip(_SPACE)
    parts = [p for p in _BREAD_SEP.split(core, maxsplit=6)]
    if len(parts) >= 2 and parts[0] in _HOME_WORDS:
        # 'ホーム > 国際 > headline': the last part is the headline
        crumbs, rest = parts[:-1], parts[-1]
        if all(len(p) <= 12 for p in crumbs) and len(rest.strip(_SPACE)) >= 6:
            return rest.strip(_SPACE)
    words = re.split(r"([ \t\u3000]+)", core)
    taken = 0
    i = 0
    while i < len(words) - 2 and words[i] in NAV_WORDS:
        taken += 1
        i += 2
    if taken:
        rest = "".join(words[i:]).strip(_SPACE)
        if len(rest) >= 6 and not is_navigation(rest):
            return rest
    return ""


def _compact(text: str) -> str:
    return _COMPACT_DROP.sub("", text)


def _is_copy(lines: list[str], i: int) -> bool:
    """Line ``i`` equals some later lines run together (spaces and '#' marks aside)."""
    whole = _compact(lines[i])
    if len(whole) < _MIN_COPY:
        return False
    for j in range(i + 1, min(len(lines), i + 1 + _HEAD_LINES)):
        pos = 0
        joined = 0
        for k in range(j, len(lines)):
            piece = _compact(lines[k])
            if not piece:
                continue
            if not whole.startswith(piece, pos):
                break
            pos += len(piece)
            joined += 1
            if pos == len(whole):
                return joined >= 2
    return False


def _marker_of(line: str) -> tuple[str, bool]:
    """(the marker a line starts with, whether the line is nothing but the marker) when the
    line is a marker line, else ('', False)."""
    core = line.strip(_DECORATION)
    if not core or len(core) > 40 or "。" in core:
        return "", False
    for marker in _MARKERS_LONGEST_FIRST:
        if core.startswith(marker) and len(core) <= len(marker) + _MARKER_EXTRA:
            return marker, core[len(marker):].strip(_DECORATION) in _MARKER_SUFFIXES
    return "", False


_MARKERS_LONGEST_FIRST = sorted(MARKERS, key=len, reverse=True)


def _is_headline(line: str) -> bool:
    core = line.strip(_SPACE)
    return (0 < len(core) <= _MAX_HEADLINE and not core.endswith(("。", "."))
            and not is_navigation(core) and not _marker_of(core)[0])


def _find_head(lines: list[str]) -> tuple[int, str, list[tuple[int, str]]]:
    """(index of the first kept line, headline taken from a breadcrumb line or '', removed
    (index, why) at the top)."""
    removed: list[tuple[int, str]] = []
    title = ""
    i = 0
    looked = 0
    while i < len(lines) and looked < _HEAD_LINES:
        if not lines[i].strip(_SPACE):
            i += 1
            continue
        looked += 1
        nxt = next((k for k in range(i + 1, len(lines)) if lines[k].strip(_SPACE)), None)
        if nxt is None:
            break  # never remove the last line of text
        if is_navigation(lines[i]):
            removed.append((i, NAVIGATION))
        elif _is_copy(lines, i):
            removed.append((i, COPY))
        else:
            headline = strip_breadcrumb(lines[i])
            if not headline:
                break
            title = headline
            if not lines[nxt].strip(_SPACE).startswith(headline):
                break  # the headline line itself: kept, with its breadcrumb, title without
            removed.append((i, NAVIGATION))  # the next line repeats the headline
        i = nxt
    return i, title, removed


def _find_tail(lines: list[str], start: int) -> tuple[int, str] | None:
    """(index of the marker line, its text) when what follows the article can be told."""
    sizes = [len(line.strip(_SPACE)) for line in lines]
    total = sum(sizes[start:])
    before = 0
    content_lines = 0
    for i in range(start, len(lines)):
        marker, plain = _marker_of(lines[i]) if sizes[i] else ("", False)
        if marker and content_lines >= 2 and before >= _MIN_BEFORE:
            share = before / total
            least = _MIN_SHARE_LONG_PLAIN if plain else _MIN_SHARE_LONG
            if share >= 0.5 or (total >= _SHORT_PAGE and share >= least):
                return i, lines[i].strip(_SPACE)
        before += sizes[i]
        if sizes[i]:
            content_lines += 1
    return None


def _chars(lines: list[str], first: int, last: int) -> int:
    return sum(len(line) + 1 for line in lines[first : last + 1])


def _label(marker_line: str) -> str:
    shown = marker_line if len(marker_line) <= 12 else marker_line[:12] + "…"
    return f"after the article (from {shown!r})"


def clean_page(text: str) -> PageCleanup:
    """What to keep of a scraped page and its headline. Never raises; removes nothing when
    unsure (then ``title`` is the first line if it reads as a headline, else '')."""
    text = normalize_text(text)
    lines = _lines(text)
    n = len(lines)
    final_newline = text.endswith("\n")
    first, title, head = _find_head(lines)
    tail = _find_tail(lines, first)
    last = n - 1
    removals: list[Removal] = []
    if head:
        # the removed lines run from the top to just before the first kept line; blank lines
        # between them go with the removal before them
        groups: list[tuple[int, int, str]] = []
        for index, why in head:
            start = 0 if not groups else groups[-1][1] + 1
            if groups and groups[-1][2] == why:
                groups[-1] = (groups[-1][0], index, why)
            else:
                groups.append((start, index, why))
        groups[-1] = (groups[-1][0], first - 1, groups[-1][2])
        for a, b, why in groups:
            removals.append(Removal(a + 1, b + 1, _chars(lines, a, b), why))
    else:
        first = 0
    if tail is not None:
        marker_at, marker_line = tail
        last = marker_at - 1
        while last > first and not lines[last].strip(_SPACE):
            last -= 1
        chars = _chars(lines, last + 1, n - 1) + (1 if final_newline else 0)
        removals.append(Removal(last + 2, n, chars, _label(marker_line)))
    if not title and first < n and _is_headline(lines[first]):
        title = lines[first].strip(_SPACE)
    return PageCleanup(first + 1, max(last + 1, first + 1), title, tuple(removals))
