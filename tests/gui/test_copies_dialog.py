"""Project → Hand out copies…: coders, articles, design and folder in; a live plan; blind copies
out, written off the GUI thread; an existing file refused before anything is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QAbstractSpinBox, QPushButton, QRadioButton, QWidget

from annotator.core.copies_task import plan_copies_at
from annotator.core.session import Session
from annotator.core.store import Project

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def master(tmp_path: Path) -> Path:
    """Ten short articles, a round of three, and a coder (zoe) who has worked on two."""
    from annotator.core.importers import import_paths

    rows = tmp_path / "articles.jsonl"
    rows.write_text("".join(
        json.dumps({"id": f"a{i:02d}", "title": f"記事{i}",
                    "text": f"政府は{i}日、半導体の輸出規制について{i}回目の発表をした。"},
                   ensure_ascii=False) + "\n" for i in range(10)), encoding="utf-8")
    path = tmp_path / "study.annot"
    with Project.create(path) as project:
        import_paths(project, [rows])
        ids = project.articles.ids()
        project.rounds.add("training 1", "2026-12-01", ids[:3])
        zoe = Session(project, "zoe")
        for article_id in ids[:2]:
            opened = zoe.open_article(article_id)
            start, end = opened.bounds[0]
            zoe.add_span(opened, project.schema.label_ids[0], start, end)
            zoe.set_code(article_id, "relevance", False)
            zoe.set_status(article_id, "done")
    return path


@pytest.fixture
def dialog(qtbot, master: Path):
    from annotator.gui.copies_dialog import CopiesDialog

    dlg = CopiesDialog(master)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def add_coders(qtbot, dialog, *names: str) -> None:
    for name in names:
        qtbot.keyClicks(dialog.form.coders.edit.lineEdit(), name)
        qtbot.keyClick(dialog.form.coders.edit.lineEdit(), Qt.Key.Key_Return)


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Replace a field's text as a user does: select all, type."""
    target = widget.lineEdit() if isinstance(widget, QAbstractSpinBox) else widget
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(target, text)


def choose(qtbot, radio: QRadioButton) -> None:
    """Click a radio button on its circle (a wide one's middle is empty space)."""
    qtbot.mouseClick(radio, LEFT, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()


def reliability(qtbot, dialog, shared: int) -> None:
    choose(qtbot, dialog.form.reliability_radio)
    type_into(qtbot, dialog.form.overlap_value, str(shared))


def preview_rows(dialog) -> list[list[str]]:
    table = dialog.preview.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_overlap_design_writes_one_blind_copy_per_coder(qtbot, dialog, master: Path,
                                                        tmp_path: Path) -> None:
    out = tmp_path / "copies"
    add_coders(qtbot, dialog, "alice", "bob", "carol")
    assert dialog.form.coders.names() == ["alice", "bob", "carol"]
    assert dialog.form.coders.message.text() == ""  # Enter added each name once, quietly
    reliability(qtbot, dialog, 4)
    type_into(qtbot, dialog.form.out_edit, str(out))
    assert preview_rows(dialog) == [
        [coder, "6 (4 + 2)", "4", "2", f"study-{coder}.annot"] for coder in ("alice", "bob", "carol")]
    assert dialog.preview.plan_table.rowCount() == 10
    seed = dialog.form.seed_edit.value()
    assert f"Seed {seed}" in dialog.preview.seed_label.text()
    assert "will be made" in dialog.preview.shared_label.text()
    plan = dialog.plan
    assert dialog.write_button.isEnabled()

    qtbot.mouseClick(dialog.write_button, LEFT)

    assert f"Wrote 3 copies to {out}" in dialog.preview.summary.text()
    assert f"Seed {seed}" in dialog.preview.summary.text()
    assert not dialog.write_button.isEnabled()  # written: the same files would now clash
    with Project.open(master, read_only=True) as project:
        external = {a: project.articles.get(a).external_id for a in project.articles.ids()}
    shared = {external[a] for a in plan.shared}
    assert len(shared) == 4
    own: list[set[str]] = []
    for coder in plan.coders:
        with Project.open(out / f"study-{coder}.annot", read_only=True) as copy:
            assert copy.assigned_coder == coder
            mine = {copy.articles.get(a).external_id for a in copy.articles.ids()}
            assert len(mine) == 6 and shared <= mine
            own.append(mine - shared)
            assert "zoe" not in copy.coders.names()  # blind: nobody else's work
            for article_id in copy.articles.ids():
                assert copy.annotations.list(article_id) == []
                assert copy.statuses.of_article(article_id) == {}
    assert all(len(o) == 2 for o in own) and len(set().union(*own)) == 6


def test_existing_file_is_refused_before_anything_is_written(qtbot, dialog, tmp_path: Path
                                                             ) -> None:
    out = tmp_path / "copies"
    out.mkdir()
    (out / "study-bob.annot").write_text("bob's earlier copy")
    add_coders(qtbot, dialog, "alice", "bob")
    type_into(qtbot, dialog.form.out_edit, str(out))
    assert dialog.preview.table.item(1, 4).foreground().color().name() == "#b00020"
    assert f"{out / 'study-bob.annot'}: already exists" in dialog.preview.message.text()
    assert not dialog.write_button.isEnabled()
    dialog.write()  # as if clicked while the file appeared: the core refuses it too
    assert "already exists; nothing was written" in dialog.preview.message.text()
    assert sorted(p.name for p in out.iterdir()) == ["study-bob.annot"]
    assert (out / "study-bob.annot").read_text() == "bob's earlier copy"


def test_cancel_leaves_no_copy(qtbot, dialog, tmp_path: Path) -> None:
    from annotator.gui.task_runner import TaskDialog

    out = tmp_path / "copies"
    out.mkdir()
    add_coders(qtbot, dialog, "alice", "bob", "carol")
    type_into(qtbot, dialog.form.out_edit, str(out))

    def press_cancel() -> None:  # as soon as the progress dialog runs its loop
        task = dialog.findChild(TaskDialog)
        qtbot.mouseClick(task.findChild(QPushButton), LEFT)

    QTimer.singleShot(0, press_cancel)
    qtbot.mouseClick(dialog.write_button, LEFT)
    assert dialog.preview.summary.text() == "Cancelled; no copy was written."
    assert list(out.iterdir()) == []
    assert dialog.write_button.isEnabled()  # the same plan can be written after all


def test_the_seed_shown_draws_the_same_plan_again(qtbot, dialog, master: Path) -> None:
    add_coders(qtbot, dialog, "alice", "bob")
    choose(qtbot, dialog.form.sample_radio)
    type_into(qtbot, dialog.form.sample_count, "6")
    reliability(qtbot, dialog, 2)
    type_into(qtbot, dialog.form.seed_edit, "1234")
    first = dialog.plan
    assert first.seed == 1234 and "Seed 1234" in dialog.preview.seed_label.text()
    assert [len(first.per_coder[c]) for c in ("alice", "bob")] == [4, 4]
    assert first == plan_copies_at(master, ["alice", "bob"], sample=6, overlap=2, seed=1234)
    type_into(qtbot, dialog.form.seed_edit, "99")
    assert dialog.plan.seed == 99 and dialog.plan != first
    qtbot.mouseClick(dialog.form.seed_button, LEFT)
    assert dialog.plan.seed == dialog.form.seed_edit.value()
    assert f"Seed {dialog.plan.seed}" in dialog.preview.seed_label.text()
    type_into(qtbot, dialog.form.seed_edit, "1234")
    assert dialog.plan == first


def test_a_round_or_a_selection_and_a_share(qtbot, dialog) -> None:
    add_coders(qtbot, dialog, "alice", "bob")
    form = dialog.form
    assert form.round_combo.currentText() == "training 1 (3 articles)"
    choose(qtbot, form.round_radio)
    assert preview_rows(dialog) == [["alice", "3 (3 + 0)", "3", "0", "study-alice-training_1.annot"],
                                    ["bob", "3 (3 + 0)", "3", "0", "study-bob-training_1.annot"]]
    assert dialog.preview.seed_label.text() == "Nothing drawn at random (no seed)"
    assert not form.seed_edit.isEnabled()
    choose(qtbot, form.selection_radio)
    assert "Tick the articles" in dialog.preview.message.text()
    assert not dialog.write_button.isEnabled()
    form.article_list.setFocus()
    for row in (0, 4, 5, 9):  # tick with the space bar
        form.article_list.setCurrentRow(row)
        qtbot.keyClick(form.article_list, Qt.Key.Key_Space)
    assert len(form.checked_articles()) == 4
    reliability(qtbot, dialog, 50)
    form.overlap_unit.setCurrentIndex(1)  # 50 % of the four ticked
    assert preview_rows(dialog)[0][:4] == ["alice", "3 (2 + 1)", "2", "1"]
    assert dialog.write_button.isEnabled()
    type_into(qtbot, form.out_edit, " ")
    assert "Choose the folder" in dialog.preview.message.text()
    assert not dialog.write_button.isEnabled()


def test_coder_names_are_checked_as_typed(qtbot, dialog) -> None:
    form = dialog.form
    qtbot.keyClicks(form.coders.edit.lineEdit(), "gold")
    assert "'gold' is the name of the gold standard" in form.coders.message.text()
    qtbot.mouseClick(form.coders.add_button, LEFT)
    assert form.coders.names() == []
    assert "Add the coders" in dialog.preview.message.text()
    type_into(qtbot, form.coders.edit.lineEdit(), "  alice ")
    assert form.coders.message.text() == ""
    qtbot.mouseClick(form.coders.add_button, LEFT)
    add_coders(qtbot, dialog, "alice")
    assert "alice is in the list already" in form.coders.message.text()
    assert form.coders.names() == ["alice"]
    form.coders.list.setCurrentRow(0)
    qtbot.mouseClick(form.coders.remove_button, LEFT)
    assert form.coders.names() == []


def test_menu_entry_offers_the_projects_coders(qtbot, window) -> None:
    from annotator.gui.copies_dialog import CopiesDialog

    window.lead_actions["copiesAction"].trigger()
    dialog = window.findChild(CopiesDialog)
    assert dialog is not None and dialog.isVisible()
    combo = dialog.form.coders.edit
    assert [combo.itemText(i) for i in range(combo.count())] == ["alice"]
    assert dialog.form.out_edit.text() == str(window.session.path.parent)
    dialog.close()
