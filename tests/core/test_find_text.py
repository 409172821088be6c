"""Find in an article, without Qt: what matches, and at which stored offsets."""

from __future__ import annotations

from annotator.core.find import FoldedText, first_from
from annotator.core.text import normalize_text


def found(text: str, query: str) -> list[str]:
    return [text[s:e] for s, e in FoldedText(text).find_all(query)]


def test_latin_case_and_full_width_fold_to_the_same():
    text = "ＡＩチップとAIとai、ａｉも。Straße"
    assert found(text, "ai") == ["ＡＩ", "AI", "ai", "ａｉ"]
    assert found(text, "ＡＩ") == ["ＡＩ", "AI", "ai", "ａｉ"]
    assert found(text, "STRASSE") == ["Straße"]  # casefold: ß is ss


def test_offsets_are_code_points_after_astral_characters_and_crlf():
    text = normalize_text("𠮷野家の👩‍💻は\r\nＡＩを語る。ai")
    matches = FoldedText(text).find_all("ai")
    assert matches == [(text.index("ＡＩ"), text.index("ＡＩ") + 2), (len(text) - 2, len(text))]
    # 𠮷 is one code point (two UTF-16 units), 👩‍💻 three, the CRLF became one LF.
    assert text.index("ＡＩ") == 4 + 3 + 1 + 1  # 𠮷野家の, 👩‍💻, は, LF


def test_a_match_never_splits_a_visible_character():
    text = "👩‍💻と👩、か゚とか、が"
    assert FoldedText(text).find_all("👩") == [(4, 5)]  # the lone woman, not the coder's
    assert FoldedText(text).find_all("か") == [(9, 10)]  # not the か of か゚
    assert found(text, "か\u309a") == ["か\u309a"]


def test_half_width_and_decomposed_kana_fold_to_the_composed_form():
    text = "ｶﾞｽとガスとカ\u3099ス"
    assert found(text, "ガス") == ["ｶﾞｽ", "ガス", "カ\u3099ス"]
    assert found(text, "ｶﾞ") == ["ｶﾞ", "ガ", "カ\u3099"]


def test_a_character_that_folds_longer_maps_back_whole():
    text = "株式会社と㍿"
    assert FoldedText(text).find_all("株式会社") == [(0, 4), (5, 6)]
    assert FoldedText(text).find_all("会社") == [(2, 4)]  # not half of ㍿


def test_matches_do_not_overlap_and_nothing_is_found_for_nothing():
    assert FoldedText("ああああ").find_all("ああ") == [(0, 2), (2, 4)]
    assert FoldedText("abc").find_all("") == []
    assert FoldedText("").find_all("a") == []
    assert FoldedText("abc").find_all("x") == []


def test_the_first_match_from_a_place_wraps_to_the_start():
    matches = [(2, 4), (10, 12), (20, 22)]
    assert first_from(matches, 0) == 0
    assert first_from(matches, 2) == 0
    assert first_from(matches, 3) == 1
    assert first_from(matches, 21) == 0
    assert first_from([], 5) is None
