"""The window title names article, project and coder once each (no "study — alice — alice")."""

from __future__ import annotations

from annotator.core.window_title import ARTICLE_LIMIT, title_parts


def test_a_copy_named_after_its_coder_does_not_repeat_the_coder():
    assert title_parts("H200 export study — alice", "alice", "論評:NVIDIAの黄仁勳氏") == [
        "論評:NVIDIAの黄仁勳氏", "H200 export study — alice"]


def test_a_master_names_the_coder():
    assert title_parts("H200 export study", "bob", "") == ["H200 export study", "bob"]


def test_a_coder_whose_name_is_only_inside_a_word_is_still_named():
    # "al" is inside "alice" and "Journal", but is no part of the project's name on its own.
    assert title_parts("Journal study — alice", "al") == ["Journal study — alice", "al"]


def test_a_long_article_title_is_shortened_and_its_lines_joined():
    title = "安全保障\n" + "あ" * 100
    first = title_parts("P", "c", title)[0]
    assert len(first) == ARTICLE_LIMIT and first.endswith("…") and first.startswith("安全保障 あ")
