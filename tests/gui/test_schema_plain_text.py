"""A schema is someone else's file: its names, definitions and examples show as written, never
as markup (no image fetched, no link, no bold), wherever the windows show them."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, Qt
from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser, QWidget

IMG = "<img src=x>"
LINK = "<a href='https://example.com/'>link</a>"
BOLD = "<b>太字</b>"
HOSTILE = (IMG, LINK, BOLD)


def _hostile_schema_data() -> dict:
    from annotator.core.schema import default_schema

    data = copy.deepcopy(default_schema().data)
    label = data["labels"][0]
    label["name"] = {"ja": IMG, "en": LINK}
    label["definition"] = {"ja": BOLD, "en": f"{LINK} and {IMG}"}
    label["include"] = [{"ja": IMG, "en": BOLD}]
    variable = data["article_codes"][0]
    variable["name"] = {"ja": BOLD, "en": IMG}
    variable["definition"] = {"ja": LINK, "en": BOLD}
    return data


@pytest.fixture
def hostile_project(tmp_path: Path, seed_files: list[Path]) -> Path:
    from annotator.core.importers import import_paths
    from annotator.core.schema import schema_from_data
    from annotator.core.store import Project

    schema = schema_from_data(_hostile_schema_data(), "hostile.json")
    path = tmp_path / "hostile.annot"
    with Project.create(path, schema=schema) as project:
        import_paths(project, [seed_files[0]], processes=1)
    return path


def _rich(text: str) -> bool:
    return any(h in text for h in HOSTILE) and Qt.mightBeRichText(text)


def _problems(window: QWidget) -> list[str]:
    """Every place a hostile text would be rendered as markup."""
    problems = []
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText \
                and _rich(widget.text()):
            problems.append(f"label {widget.objectName() or type(widget).__name__}: "
                            f"{widget.text()[:80]!r}")
        if _rich(widget.toolTip()):
            problems.append(f"tooltip of {type(widget).__name__}: {widget.toolTip()[:80]!r}")
        if isinstance(widget, QTextBrowser):
            shown = widget.document().toPlainText()
            if widget.toPlainText() and any(h in widget.toHtml() for h in HOSTILE):
                problems.append(f"{type(widget).__name__} holds raw markup")
            if "codebook" in type(widget).__name__.lower() and IMG not in shown:
                problems.append("the codebook does not show the label name as written")
    for action in window.findChildren(QAction):
        if _rich(action.toolTip()):
            problems.append(f"tooltip of action {action.text()!r}: {action.toolTip()[:80]!r}")
    return problems


def test_the_coder_window_shows_schema_texts_as_written(qtbot, hostile_project: Path) -> None:
    from annotator.gui.app import build_main_window

    window = build_main_window(hostile_project, "alice")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    assert _problems(window) == []
    # the codebook and the codes panel show the names as text
    texts = [w.document().toPlainText() for w in window.findChildren(QTextBrowser)]
    assert any(IMG in t and BOLD in t for t in texts)


def test_the_adjudication_window_shows_schema_texts_as_written(qtbot, hostile_project: Path) -> None:
    from annotator.core.store import Project
    from annotator.gui.app import build_adjudication_window

    with Project.open(hostile_project) as project:
        [aid] = project.articles.ids()
        project.annotations.add(aid, "alice", "security_concern", 0, 4, IMG)
        project.statuses.set(aid, "alice", "done")
    window = build_adjudication_window(hostile_project)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    assert _problems(window) == []


def test_the_check_sees_tooltips_and_labels_that_would_render(qtbot) -> None:
    """The walk above is able to fail: a label and a tooltip left to Qt's rich-text guess."""
    holder = QWidget()
    qtbot.addWidget(holder)
    QLabel(IMG, holder)
    holder.setToolTip(f"definition: {LINK}")
    assert len(_problems(holder)) == 2


def test_plain_tip_shows_markup_as_written_and_leaves_plain_text_alone(qtbot) -> None:
    from PySide6.QtGui import QTextDocument

    from annotator.gui.plain_text import plain_tip

    assert plain_tip("安全保障の話") == "安全保障の話"
    assert plain_tip("") == "" and plain_tip(None) is None
    tip = plain_tip(f"{IMG}\n{LINK}")
    document = QTextDocument()
    document.setHtml(tip)
    assert document.toPlainText() == f"{IMG}\n{LINK}"  # what the tooltip shows: the text
    assert "<img" not in tip and "<a " not in tip


@pytest.mark.parametrize("text", [
    "安全保障 & 経済 <b>太字</b>", "a < b > c", "引用「\"'」", "&amp; 既に", "", "𠮷野家👩‍💻",
])
def test_escaped_is_what_html_escape_writes_and_rich_text_shows_as_written(qtbot, text) -> None:
    import html

    from PySide6.QtGui import QTextDocument

    from annotator.gui.plain_text import escaped

    assert escaped(text) == html.escape(text)
    document = QTextDocument()
    document.setHtml(f"<p>{escaped(text)}</p>")
    assert document.toPlainText() == text


def test_a_coders_note_with_markup_shows_as_written_in_the_spans_panel(
        qtbot, hostile_project: Path) -> None:
    from PySide6.QtGui import QTextDocument

    from annotator.core.store import Project
    from annotator.gui.app import build_main_window

    with Project.open(hostile_project) as project:
        [aid] = project.articles.ids()
        project.annotations.add(aid, "alice", "economic_interest", 0, 4, LINK)
    window = build_main_window(hostile_project, "alice")
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    model = window.spans.model()
    tips = [model.data(model.index(row, col), Qt.ItemDataRole.ToolTipRole)
            for row in range(model.rowCount()) for col in range(model.columnCount())]
    note_tips = [t for t in tips if t and "link" in t]
    assert note_tips
    for tip in note_tips:
        document = QTextDocument()
        document.setHtml(tip) if Qt.mightBeRichText(tip) else document.setPlainText(tip)
        assert LINK in document.toPlainText()
