"""The article view follows the system's dark mode: with a dark palette and colour scheme the page
is dark, every shaded span (and find match) keeps a text contrast of at least 4.5, underlines
and status marks stay visible; the light look is unchanged. Checked on the drawn formats."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from annotator.gui.article_table import STATUS_COLUMN
from annotator.gui.colors import contrast, dark_palette, quiet_color
from tests.gui.conftest import drag_select


def shaded_runs(view):
    """(background, text colour, underline colour) of every stretch the highlighter shaded."""
    paper_text = view.viewport().palette().color(QPalette.ColorRole.Text)
    runs = []
    block = view.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            fmt = r.format
            if fmt.background().style() != Qt.BrushStyle.NoBrush:
                text = fmt.foreground().color() if fmt.foreground().style() \
                    != Qt.BrushStyle.NoBrush else paper_text
                runs.append((fmt.background().color(), text, fmt.underlineColor()))
        block = block.next()
    return runs


def tag_overlapping_spans(qtbot, window) -> None:
    view = window.view
    for text, key in (("安全保障上の懸念", Qt.Key.Key_1), ("懸念", Qt.Key.Key_2),
                      ("経済的利益", Qt.Key.Key_3), ("来日", Qt.Key.Key_2)):
        start = view.text.index(text)
        drag_select(qtbot, view, start, start + len(text))
        qtbot.keyClick(view, key)
    # One selected (drawn stronger), and a find match over a span.
    view.select_span(view.spans_at(view.text.index("経済的利益"))[0].uuid)
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.find_bar.field.setText("した")  # Japanese comes from an input method, not keys
    assert window.find_bar.matches


def test_span_text_reads_in_light_and_dark(qtbot, scheme, window):
    view = window.view
    paper = view.viewport().palette().color(QPalette.ColorRole.Base)
    ink = view.viewport().palette().color(QPalette.ColorRole.Text)
    assert (paper.lightness() < 128) == (scheme == "dark")
    assert contrast(paper, ink) >= 7
    tag_overlapping_spans(qtbot, window)
    runs = shaded_runs(view)
    assert len(runs) >= 5
    for background, text, underline in runs:
        assert contrast(background, text) >= 4.5, (background.name(), text.name())
    spans = [r for r in runs if r[2].isValid() and r[2].alpha()]
    for _background, _text, underline in spans:  # the frame underline is visible on the page
        assert contrast(underline, paper) >= 2.5, underline.name()


def test_status_marks_and_codebook_glosses_read(scheme, window):
    model = window.articles.model
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    for row in range(model.rowCount()):
        mark = model.index(row, STATUS_COLUMN).data(Qt.ItemDataRole.ForegroundRole)
        assert contrast(mark, base) >= 4.5
    assert contrast(quiet_color(), base) >= 4.5


def test_view_turns_dark_while_running(qtbot, qapp, window):
    hints = QGuiApplication.styleHints()
    palette = QApplication.palette()
    hints.setColorScheme(Qt.ColorScheme.Light)
    qapp.processEvents()
    light = window.view.viewport().palette().color(QPalette.ColorRole.Base)
    try:
        qapp.setPalette(dark_palette())
        hints.setColorScheme(Qt.ColorScheme.Dark)
        qtbot.waitUntil(lambda: window.view.viewport().palette().color(
            QPalette.ColorRole.Base).lightness() < 128)
        assert light.lightness() > 200
    finally:
        hints.unsetColorScheme()
        qapp.setPalette(palette)
