"""Project → Progress: coders by rounds, done / in progress / not started, with Refresh."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.core.session import Session
from annotator.core.store import Project


def _done(session: Session, article_id: int) -> None:
    session.open_article(article_id)
    session.set_code(article_id, "relevance", False)  # nothing else is asked then
    session.set_status(article_id, "done")


def _cells(dialog) -> dict[tuple[str, str], str]:
    table = dialog.table
    return {(table.verticalHeaderItem(r).text(), table.horizontalHeaderItem(c).text()):
            table.item(r, c).text()
            for r in range(table.rowCount()) for c in range(table.columnCount())}


def test_two_coders_by_round_and_refresh(qtbot, project_path: Path) -> None:
    from annotator.gui.progress_dialog import ProgressDialog

    with Project.open(project_path) as project:
        first, second, third = project.articles.ids()
        project.rounds.add("training 1", "2026-12-01", [first, second])
        alice, bob = Session(project, "alice"), Session(project, "bob")
        _done(alice, first)
        _done(alice, third)
        alice.open_article(second)  # in progress
        bob.open_article(first)
    session = Session(Project.open(project_path), "carol")  # the lead looking (a third coder)
    try:
        dialog = ProgressDialog(session.progress, session.name)
        qtbot.addWidget(dialog)
        dialog.show()
        cells = _cells(dialog)
        all_articles, training = "All articles\n(3 articles)", "training 1\n(2 articles)"
        assert [dialog.table.horizontalHeaderItem(c).text() for c in range(2)] == [
            all_articles, training]
        assert cells[("alice", all_articles)] == "2 ● · 1 ◐ · 0 ○"
        assert cells[("alice", training)] == "1 ● · 1 ◐ · 0 ○"
        assert cells[("bob", all_articles)] == "0 ● · 1 ◐ · 2 ○"
        assert cells[("bob", training)] == "0 ● · 1 ◐ · 1 ○"
        assert cells[("carol", training)] == "0 ● · 0 ◐ · 2 ○"
        assert "1 in progress" in dialog.table.item(0, 1).toolTip()

        with Project.open(project_path) as project:  # bob's copy is merged, say
            _done(Session(project, "bob"), second)
        assert _cells(dialog)[("bob", training)] == "0 ● · 1 ◐ · 1 ○"  # until refreshed
        qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)
        assert _cells(dialog)[("bob", training)] == "1 ● · 1 ◐ · 0 ○"
        assert _cells(dialog)[("bob", all_articles)] == "1 ● · 1 ◐ · 1 ○"
    finally:
        session.close()


def test_menu_entry_opens_one_non_modal_dialog(qtbot, window) -> None:
    from annotator.gui.progress_dialog import ProgressDialog

    window.lead_actions["progressAction"].trigger()
    dialog = window.findChild(ProgressDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.table.verticalHeaderItem(0).text() == "alice"
    dialog.close()
    window.lead_actions["progressAction"].trigger()
    assert window.findChildren(ProgressDialog) == [dialog] and dialog.isVisible()
    dialog.close()
