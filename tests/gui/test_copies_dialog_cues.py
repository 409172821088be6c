"""Project → Hand out copies…: the "Cue words" choice (issue 16, point 1), with real clicks: the
plan shows which articles each coder sees without cue underlines, and the copies written
carry that condition per article."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.core.copies_task import plan_copies_at
from annotator.core.store import Project
from tests.gui.test_copies_dialog import (  # noqa: F401 (fixtures)
    add_coders,
    choose,
    dialog,
    master,
    type_into,
)

LEFT = Qt.MouseButton.LeftButton


def marks(dlg) -> list[list[str]]:
    table = dlg.preview.plan_table
    return [[table.item(r, c).text() for c in range(1, table.columnCount())]
            for r in range(table.rowCount())]


def test_cue_words_choice_plans_and_writes_cue_free_copies(  # noqa: F811
    qtbot, dialog, master: Path, tmp_path: Path  # noqa: F811
) -> None:
    form = dialog.form
    out = tmp_path / "copies"
    add_coders(qtbot, dialog, "alice", "bob")
    type_into(qtbot, form.out_edit, str(out))
    assert form.cues_on_radio.isChecked() and not form.seed_edit.isEnabled()
    assert dialog.preview.cues_label.text() == "Cue words underlined in every article"
    assert {m for row in marks(dialog) for m in row} == {"✓"}

    choose(qtbot, form.cues_half_radio)
    assert form.seed_edit.isEnabled()  # the halves are drawn with the seed
    type_into(qtbot, form.seed_edit, "77")
    plan = dialog.plan
    assert plan.cues == "per-article" and plan.seed == 77
    assert plan == plan_copies_at(master, ["alice", "bob"], cues="per-article", seed=77)
    assert dialog.preview.cues_label.text() == "Without cue underlines: alice 5 of 10, bob 5 of 10"
    rows = marks(dialog)
    assert all(sorted(row) == ["✓", "✓ no cues"] for row in rows)  # each article both ways

    qtbot.mouseClick(dialog.write_button, LEFT)
    assert "study-alice.annot for alice: 10 article(s), 5 without cue underlines" in (
        dialog.preview.summary.text())
    for coder in ("alice", "bob"):
        with Project.open(out / f"study-{coder}.annot", read_only=True) as copy:
            hidden = {a for a, shown in copy.cue_conditions.of_coder(coder).items() if not shown}
            assert hidden == set(plan.no_cues[coder])

    choose(qtbot, form.cues_off_radio)
    assert not form.seed_edit.isEnabled()
    assert dialog.plan.seed is None
    assert dialog.preview.cues_label.text() == ("Without cue underlines: alice 10 of 10, "
                                                "bob 10 of 10")
    assert {m for row in marks(dialog) for m in row} == {"✓ no cues"}
