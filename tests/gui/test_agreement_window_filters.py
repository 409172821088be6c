"""The Agreement window as a lead tries it: filters by coder and round (computed off the GUI
thread, on the file), the Rounds tab, Escape."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.reports import agreement_report
from annotator.core.round_trend import round_trend
from annotator.gui.agreement_tables import fmt, value_color

SECURITY = "security_concern"


def mark(project, article_id: int, coder: str, needle: str, label: str = SECURITY) -> None:
    """A coder's span on the first occurrence of ``needle``, and the article marked done."""
    text = project.articles.get(article_id).text
    start = text.index(needle)
    project.annotations.add(article_id, coder, label, start, start + len(needle))
    project.statuses.set(article_id, coder, "done")


def three_coders_two_rounds(project) -> tuple[int, int, int]:
    """tricky in round "training 1"; the two seeds in round "main". alice and carol agree
    everywhere; bob agrees on the seeds only."""
    tricky = project.articles.find("tricky").id
    seed_a, seed_b = [i for i in project.articles.ids() if i != tricky]
    mark(project, tricky, "alice", "安全保障上の懸念")
    mark(project, tricky, "bob", "安全保障")
    mark(project, tricky, "carol", "安全保障上の懸念")
    for article in (seed_a, seed_b):
        needle = project.articles.get(article).text[40:52]
        for coder in ("alice", "bob", "carol"):
            mark(project, article, coder, needle)
    project.rounds.add("training 1", "2026-11-01", [tricky])
    project.rounds.add("main", "2026-11-20", [seed_a, seed_b])
    return tricky, seed_a, seed_b


def test_coder_filter_recomputes_and_needs_two(qtbot, window):
    project = window.session.project
    three_coders_two_rounds(project)
    project.coders.add("dave")  # registered, nothing done: listed, not checked
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    qtbot.waitExposed(agreement)
    filters = agreement.filters
    assert list(filters.coder_boxes) == ["alice", "bob", "carol", "dave"]
    assert filters.coders() == ["alice", "bob", "carol"] and not filters.hint.isVisible()
    assert agreement.report.coders == ["alice", "bob", "carol"]

    qtbot.mouseClick(filters.coder_boxes["carol"], Qt.MouseButton.LeftButton)
    assert agreement.report.coders == ["alice", "bob"]
    assert agreement.matrix.rowCount() == 2
    expected = agreement_report(project, ["alice", "bob"])
    ab = expected.pair("alice", "bob", SECURITY).cohen_kappa
    assert agreement.matrix.item(0, 1).text() == fmt(ab) and ab is not None and ab < 1
    assert agreement.heading.text().startswith("alice, bob · all articles: 3 article(s)")

    qtbot.mouseClick(filters.coder_boxes["bob"], Qt.MouseButton.LeftButton)  # alice alone
    assert filters.hint.isVisible()
    assert agreement.report.coders == ["alice", "bob"]  # nothing to compare: kept as it was
    qtbot.mouseClick(filters.coder_boxes["carol"], Qt.MouseButton.LeftButton)
    assert not filters.hint.isVisible()
    assert agreement.report.coders == ["alice", "carol"]
    assert agreement.matrix.item(0, 1).text() == "1.000"  # they agree everywhere


def test_round_filter_and_rounds_tab(qtbot, window):
    project = window.session.project
    three_coders_two_rounds(project)
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    qtbot.waitExposed(agreement)
    box = agreement.filters.round_box
    assert [box.itemText(k) for k in range(box.count())] == [
        "All articles", "Round training 1 (2026-11-01, 1 article(s))",
        "Round main (2026-11-20, 2 article(s))"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)  # training 1: only tricky, where bob differs
    assert agreement.filters.round == "training 1"
    assert agreement.report.n_articles == 1
    expected = agreement_report(project, ["alice", "bob", "carol"], round="training 1",
                                seed=agreement.report.seed)  # the same resamples
    assert agreement.report.summary == expected.summary
    assert [d.text for d in agreement.visible_disagreements()] == ["上の懸念"]
    assert "training 1: 1 article(s)" in agreement.heading.text()
    qtbot.keyClick(box, Qt.Key.Key_Down)  # main: everybody agrees, no disagreement
    assert agreement.report.n_articles == 2 and agreement.disagreements.rowCount() == 0
    assert agreement.matrix.item(0, 1).text() == "1.000"

    tabs = agreement.tabs
    assert [tabs.tabText(k) for k in range(tabs.count())] == [
        "Disagreements", "Label confusion", "Rounds"]
    tabs.setCurrentIndex(2)
    pane = agreement.trend
    assert pane.isVisible()
    table = pane.table
    assert [table.horizontalHeaderItem(j).text() for j in range(table.columnCount())] == [
        "training 1\n2026-11-01", "main\n2026-11-20"]
    schema = window.schema
    rows = [table.verticalHeaderItem(k).text() for k in range(table.rowCount())]
    frames = [schema.label(lab).display_name for lab in schema.label_ids]
    codes = [v.display_name for v in schema.variables]
    assert rows[:len(frames)] == frames and rows[len(frames)] == "all frames"
    assert rows[len(frames) + 1:len(frames) + 1 + len(codes)] == codes
    trend = {(r.round, r.label, r.measure): r for r in round_trend(project, None)}
    first = trend[("training 1", SECURITY, "token_alpha")]
    item = table.item(0, 0)
    assert item.text() == fmt(first.value) and first.value is not None and first.value < 0.8
    assert item.background().color() == value_color(first.value)
    assert "1 article(s)" in item.toolTip() and "alice, bob, carol" in item.toolTip()
    assert table.item(0, 1).text() == "1.000"  # main: they agree
    pane.measure_box.setCurrentIndex(1)  # frames as unitizing alpha
    unitizing = trend[("training 1", SECURITY, "unitizing_alpha")]
    assert table.item(0, 0).text() == fmt(unitizing.value)


def test_without_rounds_no_round_choice_nor_tab(qtbot, window):
    mark(window.session.project, window.session.project.articles.find("tricky").id, "alice",
         "懸念")
    mark(window.session.project, window.session.project.articles.find("tricky").id, "bob",
         "懸念")
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    assert not agreement.filters.round_box.isEnabled()
    assert "No calibration rounds yet" in agreement.filters.round_box.toolTip()
    tabs = agreement.tabs
    assert "Rounds" not in [tabs.tabText(k) for k in range(tabs.count())]
    assert agreement.trend.explanation.text().startswith("No rounds yet")


def test_escape_closes(qtbot, window):
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    qtbot.waitExposed(agreement)
    agreement.activateWindow()
    agreement.disagreements.setFocus()
    qtbot.waitUntil(lambda: agreement.isActiveWindow())
    qtbot.keyClick(agreement.disagreements, Qt.Key.Key_Escape)
    assert not agreement.isVisible()


def test_a_round_gone_from_the_file_is_said_and_the_report_kept(qtbot, window):
    project = window.session.project
    three_coders_two_rounds(project)
    agreement = window.show_agreement()
    qtbot.addWidget(agreement)
    qtbot.waitExposed(agreement)
    shown = agreement.report
    project.rounds.delete("main")  # e.g. by the lead in another window
    box = agreement.filters.round_box
    box.setFocus()
    qtbot.keyClicks(box, "R")  # the first round: still there
    qtbot.keyClick(box, Qt.Key.Key_Down)  # main: gone
    assert agreement.filters.round == "main"
    assert agreement.message.isVisibleTo(agreement) and "main" in agreement.message.text()
    assert agreement.report.n_articles == 1  # still training 1's report
    assert agreement.report is not shown and "training 1" in agreement.heading.text()
    assert window.show_agreement() is not agreement and not agreement.isVisible()
    qtbot.addWidget(window.agreement_window)
