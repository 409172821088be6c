"""The measures' notes: one catalog, English as the CSV files have always written it, and read
back into template and values for the window's translation."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from annotator.core import agreement, measure_notes
from annotator.core.agreement_ordinal import krippendorff_alpha_ordinal


def marked(module) -> list[str]:
    """Every template ``module`` marks for translation, read from its source (what Qt
    Linguist's extractor sees)."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    return [node.args[1].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"]


def test_every_marked_template_can_be_read_back() -> None:
    marked_here = marked(measure_notes)
    assert len(marked_here) >= 20
    assert sorted(marked_here) == sorted(measure_notes.TEMPLATES)
    for template in marked_here:
        values = {name: 7 for name in ("n", "count", "coders", "undefined", "b")}
        written = measure_notes.write(template, **values)
        assert measure_notes.read(written) == [
            (template, {k: str(v) for k, v in values.items() if "{" + k + "}" in template}
             | ({"s": "s"} if "{s}" in template else {}))]


@pytest.mark.parametrize("n, text", [
    (1, "1 unit with fewer than two values dropped"),
    (3, "3 units with fewer than two values dropped"),
])
def test_the_english_is_what_the_csv_files_always_had(n: int, text: str) -> None:
    assert measure_notes.write(measure_notes.DROPPED_SINGLE, n=n) == text
    assert measure_notes.read(text) == [(measure_notes.DROPPED_SINGLE, {"n": str(n),
                                                                         "s": "s" if n > 1 else ""})]


def test_joined_notes_and_unknown_parts() -> None:
    note = measure_notes.join(measure_notes.ONE_CATEGORY, "",
                              measure_notes.write(measure_notes.UNDEFINED_RESAMPLES,
                                                  undefined=1200, b=2000),
                              "a note from an older version")
    assert measure_notes.read(note) == [
        (measure_notes.ONE_CATEGORY, {}),
        (measure_notes.UNDEFINED_RESAMPLES, {"undefined": "1200", "b": "2000"}),
        ("a note from an older version", {}),
    ]
    assert measure_notes.read("") == []


def test_the_notes_the_measures_write_are_in_the_catalog() -> None:
    """Notes from real computations: each part is read as one of the templates."""
    results = [
        agreement.krippendorff_alpha([["a", "a", None], ["a", None, None]]),  # one category
        agreement.krippendorff_alpha([["a", "b", "a"], ["a", None, "b"]]),
        agreement.fleiss_kappa([["a", "b", "a"], ["a", None, "b"]]),
        agreement.cohen_kappa(["a", "a"], ["a", None]),
        agreement.krippendorff_alpha([]),
        krippendorff_alpha_ordinal([[1, 2, None], [1, None, None]], [1, 2, 3]),
    ]
    notes = [r.reason for r in results if r.reason]
    assert len(notes) >= 4
    for note in notes:
        for template, _values in measure_notes.read(note):
            assert template in measure_notes.TEMPLATES, note
