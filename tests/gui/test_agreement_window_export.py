"""Export… of the Agreement window: a new folder is created; earlier reports are replaced only
when the lead says Yes (the question answered with real clicks)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.test_agreement_window_filters import mark

NAMES = {"summary.csv", "pairwise.csv", "per_article.csv", "disagreements.csv",
         "codes_confusion.csv", "label_confusion.csv"}


def answer_overwrite(qtbot, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click ``button`` of the question once it is up, noting its text."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_export_creates_the_folder_and_asks_before_overwriting(qtbot, window, tmp_path: Path):
    project = window.session.project
    tricky = project.articles.find("tricky").id
    mark(project, tricky, "alice", "安全保障上の懸念")
    mark(project, tricky, "bob", "安全保障")
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    qtbot.waitExposed(agreement)

    folder = tmp_path / "reports" / "round 1"  # neither exists yet
    written = agreement.export_folder(folder)
    assert {p.name for p in written} == NAMES
    assert {p.name for p in folder.iterdir()} == NAMES
    assert agreement.message.text().startswith(f"Wrote 6 file(s) to {folder}")

    (folder / "summary.csv").write_text("earlier", encoding="utf-8")
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    seen: list[str] = []
    answer_overwrite(qtbot, QMessageBox.StandardButton.No, seen)
    assert agreement.export_folder(folder) is None
    assert len(seen) == 1 and "6 report file(s)" in seen[0]
    assert all(name in seen[0] for name in NAMES) and "notes.txt" not in seen[0]
    assert (folder / "summary.csv").read_text(encoding="utf-8") == "earlier"  # kept
    assert agreement.message.text().startswith("Nothing written")

    answer_overwrite(qtbot, QMessageBox.StandardButton.Yes, seen)
    written = agreement.export_folder(folder)
    assert len(seen) == 2 and {p.name for p in written} == NAMES
    assert (folder / "summary.csv").read_bytes().startswith(b"\xef\xbb\xbfmeasure,")
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_export_into_a_folder_that_cannot_be_made_says_why(qtbot, window, tmp_path: Path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    assert agreement.export_folder(blocker / "reports") is None
    assert agreement.message.isVisibleTo(agreement)
    assert str(blocker) in agreement.message.text()
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_with_rounds_rounds_csv_is_written_and_asked_about(qtbot, window, tmp_path: Path):
    from tests.gui.test_agreement_window_filters import three_coders_two_rounds

    three_coders_two_rounds(window.session.project)
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    qtbot.waitExposed(agreement)
    written = agreement.export_folder(tmp_path / "out")
    assert {p.name for p in written} == NAMES | {"rounds.csv"}
    lines = (tmp_path / "out" / "rounds.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "round,date,label,measure,value,n_articles,coders"
    assert len(lines) == 1 + len(agreement.trend_rows)
    assert lines[1].startswith("training 1,2026-11-01,security_concern,token_alpha,")
    for name in NAMES:
        (tmp_path / "out" / name).unlink()
    seen: list[str] = []
    answer_overwrite(qtbot, QMessageBox.StandardButton.No, seen)
    assert agreement.export_folder(tmp_path / "out") is None
    assert "1 report file(s)" in seen[0] and "rounds.csv" in seen[0]
    assert not (tmp_path / "out" / "summary.csv").exists()  # No: nothing written
