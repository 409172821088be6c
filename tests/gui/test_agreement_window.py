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
        "summary.csv", "pairwise.csv", "per_article.csv", "disagreements.csv",
        "codes_confusion.csv", "label_confusion.csv"}
    assert (tmp_path / "export" / "summary.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_undefined_values_are_grey_dashes(qtbot, window):
    code(window, "alice", "懸念", "security_concern")  # one coder: nothing to compare
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    values = [agreement.summary.item(r, 3).text() for r in range(agreement.summary.rowCount())]
    assert values and set(values) == {"—"}
    assert agreement.summary.item(0, 3).background().color().name() == "#e0e0e0"
    pane = agreement.label_confusion  # no pair: an empty matrix that says why
    assert pane.pair_box.count() == 0 and pane.matrix.rowCount() == 0
    assert pane.explanation.text().startswith("Fewer than two coders")


def test_label_confusion_tab(qtbot, window):
    from annotator.gui.label_confusion_pane import AGREED

    code(window, "alice", "安全保障上の懸念", "security_concern")
    code(window, "bob", "安全保障", "economic_interest")  # 安全 保障: security for alice
    code(window, "carol", "安全保障上の懸念", "security_concern")
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    qtbot.waitExposed(agreement)
    report = agreement.report
    assert agreement.tabs.tabText(1) == "Label confusion"
    agreement.tabs.setCurrentIndex(1)
    pane = agreement.label_confusion
    assert pane.isVisible()
    box = pane.pair_box
    assert [box.itemText(k) for k in range(box.count())] == [
        "all pairs (*)", "alice × bob", "alice × carol", "bob × carol"]
    matrix = pane.matrix
    labels = ["security_concern", "economic_interest", "self_reliance", "none"]
    names = [window.schema.label(lab).display_name for lab in labels[:3]] + ["none"]

    def shown() -> dict[tuple[str, str], int]:
        return {(labels[i], labels[j]): int(matrix.item(i, j).text())
                for i in range(4) for j in range(4)}

    def rows(a: str, b: str) -> dict[tuple[str, str], int]:
        return {(r.label_a, r.label_b): r.tokens for r in report.label_confusion
                if (r.coder_a, r.coder_b) == (a, b)}

    assert (matrix.rowCount(), matrix.columnCount()) == (4, 4)
    assert shown() == rows("*", "*")
    assert matrix.verticalHeaderItem(0).text() == f"coder A: {names[0]}"
    assert matrix.horizontalHeaderItem(3).text() == "coder B: none"
    box.setCurrentIndex(1)
    counts = shown()
    assert counts == rows("alice", "bob")
    assert counts[("security_concern", "economic_interest")] == 2  # 安全 保障
    assert counts[("security_concern", "none")] == 3  # 上 の 懸念
    assert matrix.verticalHeaderItem(1).text() == f"alice: {names[1]}"
    assert matrix.horizontalHeaderItem(1).text() == f"bob: {names[1]}"
    confused = matrix.item(0, 1)
    assert confused.toolTip() == f"2 token(s): alice {names[0]}, bob {names[1]}"
    assert matrix.item(0, 3).background().color().name() == "#ff8787"  # the largest: darkest
    assert confused.background().color().name() == "#ffafaf"  # 2 of 3: lighter
    assert matrix.item(2, 0).background().color().name() == "#ffffff"  # none: white
    box.setCurrentIndex(2)  # alice and carol agree
    counts = shown()
    assert counts[("security_concern", "security_concern")] == 5
    assert sum(counts.values()) == report.pair("alice", "carol", "security_concern").n_units
    assert matrix.item(0, 0).background().color() == AGREED


def answer(project, article_id: int, coder: str, **codes) -> None:
    for variable, value in codes.items():
        project.codes.set(article_id, coder, variable, value)
    project.statuses.set(article_id, coder, "done")


def test_article_codes_pane(qtbot, window):
    from annotator.gui.agreement_window import fmt, value_color

    project = window.session.project
    one, two, three = project.articles.ids()[:3]
    frame = "security_concern"
    answer(project, one, "alice", relevance=True, primary_frame=frame, tone="negative")
    answer(project, one, "bob", relevance=True, primary_frame=frame, tone="negative")
    answer(project, one, "carol", relevance=True, primary_frame=frame, tone="neutral")
    answer(project, two, "alice", relevance=True, primary_frame="none", tone="positive")
    answer(project, two, "bob", relevance=True, primary_frame="none", tone="positive")
    answer(project, two, "carol", relevance=False, tone="positive")  # tone does not apply
    for coder in ("alice", "bob", "carol"):
        answer(project, three, coder, relevance=False)
    project.codes.set(three, "dave", "relevance", True)  # dave never marks anything done

    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    qtbot.waitExposed(agreement)
    report = agreement.report
    pane = agreement.codes
    assert pane.isVisible()
    box = pane.code_box
    assert [box.itemData(k) for k in range(box.count())] == ["relevance", "primary_frame", "tone"]
    assert box.itemText(2) == "政策へのトーン (Tone toward the policy)"

    # The summary lists every article-code row, values coloured like the others.
    table = pane.summary
    shown = {(table.item(r, 0).text(), table.item(r, 1).text()): r for r in range(table.rowCount())}
    expected = [r for r in report.summary if r.level == "article_code"]
    assert len(shown) == len(expected) == 5
    for row in expected:
        title = box.itemText(box.findData(row.label))
        r = shown[(row.measure, title)]
        assert table.item(r, 2).text() == fmt(row.value)
        assert table.item(r, 2).background().color() == value_color(row.value)
    tone = report.value("krippendorff_alpha_ordinal", "article_code", "tone")
    assert tone is not None and table.item(shown[("krippendorff_alpha_ordinal", box.itemText(2))],
                                           2).text() == f"{tone:.3f}"
    # ... and the frame summary above keeps to the frames.
    levels = {agreement.summary.item(r, 1).text() for r in range(agreement.summary.rowCount())}
    assert "article_code" not in levels

    # The matrix: Cohen's kappa per pair; quadratic weights only for the ordinal variable.
    box.setCurrentIndex(2)
    quadratic = pane.measure_box.model().item(1)
    assert quadratic.isEnabled()
    pane.measure_box.setCurrentIndex(1)
    ab = report.pair("alice", "bob", "tone", "article_code")
    ac = report.pair("alice", "carol", "tone", "article_code")
    assert ab.cohen_kappa_quadratic == 1.0 and ac.n_units == 1  # carol: tone on one article only
    cell = pane.matrix.item(0, 1)
    assert cell.text() == "1.000" and cell.background().color().name() == "#c8e6c9"
    tooltip = pane.matrix.item(0, 2).toolTip()
    assert "over 1 article(s)" in tooltip and "否定的 / 中立: 1" in tooltip
    assert pane.matrix.item(0, 2).text() == fmt(ac.cohen_kappa_quadratic) == "0.000"
    assert pane.matrix.item(0, 2).background().color().name() == "#ffcdd2"  # red
    box.setCurrentIndex(0)  # relevance is yes/no: the quadratic kappa is not offered
    assert not quadratic.isEnabled() and pane.measure_box.currentData() == "cohen_kappa"
    rel = report.pair("alice", "carol", "relevance", "article_code")
    assert pane.matrix.item(0, 2).text() == fmt(rel.cohen_kappa)
    assert "yes / no: 1" in pane.matrix.item(0, 2).toolTip()
    assert pane.matrix.rowCount() == 3  # dave marked nothing done: not a coder of the study


def test_coder_vs_gold_tab(qtbot, window, tmp_path: Path):
    from annotator.gui.coder_vs_gold_pane import UNDEFINED, fmt

    code(window, "alice", "安全保障上の懸念", "security_concern")
    code(window, "bob", "安全保障", "security_concern")
    project = window.session.project
    article = project.articles.find("tricky")
    project.codes.set(article.id, "alice", "relevance", True)
    project.codes.set(article.id, "bob", "relevance", False)
    without = window.show_agreement()
    qtbot.addWidget(without)
    assert without.report.gold is None and without.tabs.count() == 2  # no gold layer: no tab
    assert len(without.export_to(tmp_path / "plain")) == 6

    start = article.text.index("安全保障上の懸念")
    project.gold.add(article.id, "security_concern", start, start + len("安全保障上の懸念"))
    project.gold.set_answer(article.id, "relevance", True)
    project.gold.set_status(article.id, "done")
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    qtbot.waitExposed(agreement)
    report = agreement.report
    assert agreement.tabs.count() == 3 and agreement.tabs.tabText(2) == "Coder vs gold"
    agreement.tabs.setCurrentIndex(2)
    pane = agreement.coder_vs_gold
    assert pane.isVisible()
    assert "1 article(s) whose adjudication is done" in pane.explanation.text()
    table = pane.table
    rows = report.gold.rows
    n_units = len(report.labels) + len(report.codes)
    assert table.rowCount() == len(rows) == 2 * n_units
    for k, r in enumerate(rows):
        assert table.item(k, 0).text() == r.coder and table.item(k, 1).toolTip() == r.label
        assert table.item(k, 8).text() == fmt(r.cohen_kappa)
        assert table.item(k, 10).text() == str(r.n_articles)
    frame = window.schema.label("security_concern").display_name
    alice = next(k for k, r in enumerate(rows)
                 if (r.coder, r.label) == ("alice", "security_concern"))
    assert table.item(alice, 1).text() == frame
    assert [table.item(alice, c).text() for c in (2, 3, 4, 9)] == ["1.000", "1.000", "1.000", ""]
    bob = rows[alice + n_units]
    assert (bob.coder, bob.f1_exact, bob.f1_overlap) == ("bob", 0.0, 1.0)
    relevance = next(k for k, r in enumerate(rows) if (r.coder, r.label) == ("bob", "relevance"))
    assert table.item(relevance, 1).text() == pane._title("article_code", "relevance")
    assert [table.item(relevance, c).text() for c in (2, 4, 9, 10)] == ["", "", "0.000", "1"]
    assert table.item(relevance, 8).text() == "0.000"  # no and yes: P_e = 0, kappa 0
    agreed = relevance - n_units  # alice: yes as gold, one category only: kappa undefined
    assert [table.item(agreed, c).text() for c in (0, 8, 9)] == ["alice", "—", "1.000"]
    assert table.item(agreed, 8).background().color() == UNDEFINED
    pane.coder_box.setCurrentIndex(pane.coder_box.findData("bob"))
    assert table.rowCount() == n_units and {table.item(k, 0).text() for k in range(n_units)} == {
        "bob"}
    names = {p.name for p in agreement.export_to(tmp_path / "gold")}
    assert "coder_vs_gold.csv" in names and len(names) == 7
