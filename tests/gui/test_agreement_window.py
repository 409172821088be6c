"""The Agreement window: matrix, summary, disagreements that open the article, export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.gui.conftest import TRICKY


def code(window, coder: str, needle: str, label: str) -> None:
    project = window.session.project
    article = project.articles.find("tricky")
    start = article.text.index(needle)
    project.annotations.add(article.id, coder, label, start, start + len(needle))
    project.statuses.set(article.id, coder, "done")


def test_matrix_summary_and_disagreement_navigation(qtbot, window, tmp_path: Path):
    code(window, "alice", "安全保障上の懸念", "security_concern")
    code(window, "bob", "安全保障", "security_concern")
    code(window, "carol", "安全保障上の懸念", "security_concern")
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    assert agreement.report.coders == ["alice", "bob", "carol"]
    assert agreement.label == "security_concern"
    matrix = agreement.matrix
    assert matrix.rowCount() == 3 and matrix.columnCount() == 3
    ac = agreement.report.pair("alice", "carol", "security_concern")
    assert matrix.item(0, 2).text() == f"{ac.cohen_kappa:.3f}" == "1.000"
    assert matrix.item(0, 2).background().color().name() == "#c8e6c9"  # reliable: green
    ab = agreement.report.pair("alice", "bob", "security_concern").cohen_kappa
    assert matrix.item(0, 1).text() == f"{ab:.3f}" and ab < 0.8
    agreement.measure_box.setCurrentIndex(agreement.measure_box.findData("f1_exact"))
    assert matrix.item(0, 1).text() == "0.000"
    summary_measures = {agreement.summary.item(r, 0).text() for r in range(agreement.summary.rowCount())}
    assert {"krippendorff_alpha", "fleiss_kappa", "unitizing_alpha"} <= summary_measures

    rows = agreement.visible_disagreements()
    assert [(d.text, d.coders_without) for d in rows] == [("上の懸念", ("bob",))]
    window.articles.select_article(window.articles.visible_ids()[1])  # look elsewhere first
    index = agreement.disagreements.model().index(0, 2)
    rect = agreement.disagreements.visualRect(index)
    qtbot.waitExposed(agreement)
    viewport = agreement.disagreements.viewport()
    # A real double-click: press, release, then the double-click event.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    article = window.session.project.articles.find("tricky")
    assert window.current_article_id == article.id
    start = TRICKY["text"].replace("\r\n", "\n").index("上の懸念")
    assert window.view.textCursor().selectedText() == "上の懸念"
    assert window.view.from_qt(window.view.textCursor().selectionStart()) == start

    written = agreement.export_to(tmp_path / "export")
    assert {p.name for p in written} == {
        "summary.csv", "pairwise.csv", "per_article.csv", "disagreements.csv"}
    assert (tmp_path / "export" / "summary.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_undefined_values_are_grey_dashes(qtbot, window):
    code(window, "alice", "懸念", "security_concern")  # one coder: nothing to compare
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    values = [agreement.summary.item(r, 3).text() for r in range(agreement.summary.rowCount())]
    assert values and set(values) == {"—"}
    assert agreement.summary.item(0, 3).background().color().name() == "#e0e0e0"
