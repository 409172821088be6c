"""File → Export… and File → Import from another tool…, driven with clicks on real files."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.gui.interchange_dialog import ExportDialog, ImportOtherDialog


def _choose(dialog, name: str) -> None:
    box = dialog.format
    for i in range(box.count()):
        data = box.itemData(i)
        if (data[0] if isinstance(data, tuple) else data) == name:
            box.setCurrentIndex(i)
            return
    raise AssertionError(f"no format {name} offered")


def test_file_menu_offers_export_and_import(window) -> None:
    names = {a.objectName() for a in window.actions()}
    assert {"exportAction", "importOtherAction"} <= names


def test_export_jsonl_of_one_coder(qtbot, window, tmp_path: Path) -> None:
    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    _choose(dialog, "jsonl")
    assert dialog.path.text().endswith("coding-jsonl.jsonl")  # named after the project
    out = tmp_path / "out.jsonl"
    dialog.path.setText(str(out))
    dialog.coder.setCurrentIndex(dialog.coder.findData("alice"))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.result == f"wrote 3 article(s) to {out}"
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3 and all("text" in line for line in lines)
    assert dialog.message.text() == dialog.result


def test_export_refusal_shown_in_the_dialog(qtbot, window, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    _choose(dialog, "csv")
    assert dialog.plain.isEnabled()
    dialog.path.setText(str(blocker / "inside.csv"))  # a folder that is a file
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.result == "" and str(blocker) in dialog.message.text()
    _choose(dialog, "xlsx")
    assert not dialog.plain.isEnabled()


def test_import_other_refuses_a_missing_file(qtbot, window, tmp_path: Path) -> None:
    dialog = ImportOtherDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.format.count() >= 1
    dialog.path.setText(str(tmp_path / "nothing.json"))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert "no such file or folder" in dialog.message.text()
    assert QApplication.activeModalWidget() is None


def test_import_a_doccano_file_into_the_open_project(qtbot, window, tmp_path: Path) -> None:
    from annotator.core.export_files import export_at
    from tests.interchange_projects import HARD_SPANS, hard_project

    other = tmp_path / "other"
    other.mkdir()
    exported = tmp_path / "study.jsonl"
    export_at(hard_project(other, gold=False), "doccano", exported)
    before = len(window.session.articles())
    dialog = ImportOtherDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format.setCurrentIndex(dialog.format.findData("doccano"))
    dialog.path.setText(str(exported))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith("imported 4 article(s)"), dialog.message.text()
    assert len(window.session.articles()) == before + 4  # the window re-read the file
    assert window.articles.model.rowCount() == before + 4
    spans = [window.session.as_coder(c).spans(a.id) for a in window.session.articles()
             for c in ("alice", "bob", "carol")]
    covered = sorted(s.text for group in spans for s in group)
    assert covered == sorted(text for _a, _c, _l, text, _n in HARD_SPANS)


def test_inception_import_with_the_layer_named_in_the_dialog(qtbot, window, tmp_path: Path
                                                              ) -> None:
    from annotator.core.export_files import export_at
    from tests.interchange_projects import hard_project

    other = tmp_path / "other"
    other.mkdir()
    exported = tmp_path / "study.zip"
    export_at(hard_project(other, gold=False), "inception", exported)
    dialog = ImportOtherDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format.setCurrentIndex(dialog.format.findData("doccano"))
    assert not dialog.layer.isEnabled()  # only INCEpTION has layers to name
    dialog.format.setCurrentIndex(dialog.format.findData("inception"))
    assert dialog.layer.isEnabled()
    dialog.path.setText(str(exported))
    qtbot.keyClicks(dialog.layer, "Nope")
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert "Nope" in dialog.message.text() and dialog.report is None  # refused by name
    dialog.layer.clear()
    qtbot.keyClicks(dialog.layer, "Frame")
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith("imported 4 article(s)"), dialog.message.text()
