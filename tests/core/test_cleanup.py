"""clean_page on the two seeds and on pages of the same kinds written here: exact lines kept,
the headline, every removal counted, and nothing removed when a page gives no clear sign."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.cleanup import COPY, NAVIGATION, MARKERS, clean_page, is_navigation, \
    strip_breadcrumb
from annotator.core.text import normalize_text


def para(topic: str, n: int = 3) -> str:
    """A paragraph of ``n`` sentences about ``topic`` (about 40 characters a sentence)."""
    return "".join(f"{topic}をめぐり政府と与党の協議は{k}日目に入り、結論は持ち越された。"
                   for k in range(1, n + 1))


ARTICLE = [
    "日銀、追加利上げを決定 物価上昇の定着を判断",
    para("金融政策", 6),
    "市場の反応",
    para("長期金利", 5),
    para("為替相場", 5),
]
STORIES = [f"他の記事{k} {para(f'話題{k}', 5)}" for k in range(1, 9)]


def page(*parts: list[str] | str) -> str:
    lines: list[str] = []
    for part in parts:
        lines += [part] if isinstance(part, str) else part
    return "\n".join(lines)


def removed_chars_add_up(text: str) -> None:
    cleanup = clean_page(text)
    assert sum(r.chars for r in cleanup.removals) == len(normalize_text(text)) - len(
        cleanup.apply(text))


# --- the seeds -----------------------------------------------------------------------------


def test_seed_000_keeps_lines_2_to_19_and_the_headline_without_breadcrumb(
    seed_files: list[Path],
) -> None:
    text = seed_files[0].read_text(encoding="utf-8")
    lines = text.split("\n")
    cleanup = clean_page(text)
    assert (cleanup.first, cleanup.last) == (2, 19)
    assert cleanup.title == "論評:NVIDIAの黄仁勳氏、米政府に「H200」輸出認可を要請 中国は慎重姿勢を崩さず"
    assert cleanup.apply(text) == "\n".join(lines[1:19])
    head, tail = cleanup.removals
    assert (head.first, head.last, head.chars, head.why) == (1, 1, len(lines[0]) + 1, NAVIGATION)
    assert (tail.first, tail.last) == (20, 42)
    assert tail.why == "after the article (from '更多新聞請搜尋🔍風傳媒')"
    assert tail.chars == sum(len(line) + 1 for line in lines[19:])
    removed_chars_add_up(text)


def test_seed_003_drops_the_run_together_copy_and_keeps_lines_2_to_15(
    seed_files: list[Path],
) -> None:
    text = seed_files[1].read_text(encoding="utf-8")
    lines = text.split("\n")
    cleanup = clean_page(text)
    assert (cleanup.first, cleanup.last) == (2, 15)
    assert cleanup.title == lines[1]
    [copy] = cleanup.removals
    assert (copy.first, copy.last, copy.chars, copy.why) == (1, 1, len(lines[0]) + 1, COPY)
    assert cleanup.apply(text) == "\n".join(lines[1:])
    removed_chars_add_up(text)


# --- pages of the same kinds ------------------------------------------------------------------


@pytest.mark.parametrize("crumb", ["トップ ニュース", "ホーム > 経済 > 金融", "HOME › 経済",
                                   "トップ\u3000経済ニュース", "ニュース一覧"])
def test_a_breadcrumb_line_before_the_headline_is_removed(crumb: str) -> None:
    text = page(crumb, ARTICLE)
    cleanup = clean_page(text)
    assert (cleanup.first, cleanup.last) == (2, 6)
    assert cleanup.title == ARTICLE[0]
    assert [(r.first, r.last, r.why) for r in cleanup.removals] == [(1, 1, NAVIGATION)]
    assert cleanup.apply(text) == page(ARTICLE)


def test_several_navigation_lines_and_blank_lines_go_together() -> None:
    text = page("", "ホーム", "ログイン | 会員登録", "", ARTICLE)
    cleanup = clean_page(text)
    assert (cleanup.first, cleanup.last) == (5, 9)
    assert [(r.first, r.last, r.chars) for r in cleanup.removals] == [
        (1, 4, len("\nホーム\nログイン | 会員登録\n\n"))]
    removed_chars_add_up(text)


def test_a_breadcrumb_glued_to_a_repeated_headline_removes_that_line() -> None:
    headline = ARTICLE[0]
    text = page(f"トップ 経済 {headline}", f"{headline} 写真は日銀本店(撮影・共同)", ARTICLE[1:])
    cleanup = clean_page(text)
    assert (cleanup.first, cleanup.last) == (2, 6)
    assert cleanup.title == headline


def test_a_breadcrumb_glued_to_the_only_headline_keeps_the_line_but_not_in_the_title() -> None:
    headline = ARTICLE[0]
    text = page(f"ホーム > 経済 > {headline}", ARTICLE[1:])
    cleanup = clean_page(text)
    assert not cleanup.changed and (cleanup.first, cleanup.last) == (1, 5)
    assert cleanup.title == headline


@pytest.mark.parametrize("marker", ["関連記事", "【あわせて読みたい】", "■ランキング", "最新ニュース",
                                    "こちらもおすすめ", "人気記事ランキング", "▼関連ニュース一覧"])
def test_a_marker_line_and_the_stories_after_it_are_removed(marker: str) -> None:
    text = page(ARTICLE, marker, STORIES)
    cleanup = clean_page(text)
    assert (cleanup.first, cleanup.last) == (1, 5)
    [tail] = cleanup.removals
    assert (tail.first, tail.last) == (6, 14)
    assert tail.why.startswith("after the article (from ")
    assert cleanup.apply(text) == page(ARTICLE)
    removed_chars_add_up(text)


def test_blank_lines_before_the_marker_go_with_it() -> None:
    text = page(ARTICLE, "", "", "関連記事", STORIES[:2])
    cleanup = clean_page(text)
    assert (cleanup.first, cleanup.last) == (1, 5)
    assert (cleanup.removals[0].first, cleanup.removals[0].last) == (6, 10)


def test_breadcrumb_copy_and_marker_on_one_page() -> None:
    copy = "## ".join(ARTICLE)
    text = page("トップ ニュース", copy, ARTICLE, "あわせて読みたい", STORIES)
    cleanup = clean_page(text)
    assert (cleanup.first, cleanup.last) == (3, 7)
    assert [(r.first, r.last, r.why) for r in cleanup.removals][:2] == [
        (1, 1, NAVIGATION), (2, 2, COPY)]
    assert cleanup.title == ARTICLE[0]
    removed_chars_add_up(text)


def test_a_run_together_copy_with_spaces_and_headings_is_removed() -> None:
    copy = " ".join(ARTICLE[1:2]) + "## " + "".join(ARTICLE[2:])
    text = page(copy, ARTICLE)
    cleanup = clean_page(text)
    assert (cleanup.first, cleanup.last) == (2, 6)
    assert cleanup.removals[0].why == COPY


def test_a_first_line_that_differs_from_the_article_is_not_a_copy() -> None:
    almost = "".join(ARTICLE[1:]) + "（一部省略）"
    text = page(almost, ARTICLE)
    assert not clean_page(text).changed


def test_a_clean_page_stays_untouched() -> None:
    text = page(ARTICLE) + "\n"
    cleanup = clean_page(text)
    assert not cleanup.changed and cleanup.removals == ()
    assert (cleanup.first, cleanup.last) == (1, 5)
    assert cleanup.apply(text) == text
    assert cleanup.title == ARTICLE[0]


def test_a_marker_word_inside_a_sentence_is_not_a_marker() -> None:
    text = page(ARTICLE[:2], "同社は関連記事の配信を停止し、おすすめ欄とランキングも見直すと発表した。",
                ARTICLE[2:])
    assert not clean_page(text).changed


def test_a_marker_early_on_a_short_page_is_left_alone() -> None:
    text = page(ARTICLE[0], para("新製品", 3), "おすすめ", para("価格", 5), para("発売日", 5))
    assert len(text) < 1000 and text.index("おすすめ") < len(text) / 2
    assert not clean_page(text).changed


def test_a_page_with_only_a_marker_is_left_alone() -> None:
    for text in ("関連記事", "関連記事\n", "\n関連記事\n\n"):
        cleanup = clean_page(text)
        assert not cleanup.changed
        assert cleanup.title == ""  # a marker is no headline; the caller uses the first line


def test_crlf_pages_count_lines_after_normalization() -> None:
    text = page("トップ ニュース", ARTICLE, "関連記事", STORIES).replace("\n", "\r\n")
    cleanup = clean_page(text)
    assert (cleanup.first, cleanup.last) == (2, 6)
    assert cleanup.apply(text) == page(ARTICLE)
    assert cleanup.removals[0].chars == len("トップ ニュース\n")
    removed_chars_add_up(text)


def test_a_paragraph_first_line_gives_no_headline() -> None:
    assert clean_page(page(ARTICLE[1:])).title == ""


@pytest.mark.parametrize("text", ["", "\n", "\r", "#", "トップ", "トップ\nニュース", "\x00\ufeff",
                                  "関連記事\n" * 50, "a\n" * 10_000, "# ## ###\n" * 3,
                                  "ホーム > > > ", "\u3000\n\t\n"])
def test_never_raises_and_never_removes_everything(text: str) -> None:
    cleanup = clean_page(text)
    assert 1 <= cleanup.first <= max(cleanup.last, 1)
    if normalize_text(text).strip():
        assert cleanup.apply(text).strip()


def test_the_lists_hold_the_markers_and_navigation_of_the_issue() -> None:
    for marker in ("更多新聞", "最新ニュース", "関連記事", "おすすめ", "ランキング", "人気記事",
                   "こちらもおすすめ", "あわせて読みたい"):
        assert marker in MARKERS
    assert is_navigation("トップ ニュース") and not is_navigation("トップ人事を発表")
    assert strip_breadcrumb("トップ ニュース 論評:円安の行方") == "論評:円安の行方"
    assert strip_breadcrumb("日本 経済の行方") == ""  # one word is no breadcrumb to strip
