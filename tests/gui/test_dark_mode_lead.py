"""The lead's windows follow dark mode too: every coloured cell of the Agreement window's tables
keeps its text readable (a contrast of at least 4.5) and turns dark with the palette, the
adjudication window's coloured marks read on the palette's base, and its lanes are drawn on the
palette's colours. Checked in a light and a dark scheme (the ``scheme`` fixture)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QTableWidget, QTreeWidget, QTreeWidgetItemIterator

from annotator.gui.adjudication_lanes import HEAD_H, PAD
from annotator.gui.app import build_adjudication_window
from annotator.gui.colors import contrast
from tests.core.test_lead import three_coder_master
from tests.gui.test_agreement_window_xlsx import agreement_of


def shaded_cells(widget) -> list[tuple[str, object, object]]:
    """(table, background, text colour) of every cell a table gave a background."""
    cells = []
    for table in widget.findChildren(QTableWidget):
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None and item.background().style() != Qt.BrushStyle.NoBrush:
                    cells.append((table.objectName(), item.background().color(),
                                  item.foreground().color()))
    return cells


def coloured_marks(tree: QTreeWidget) -> list[tuple[str, object]]:
    """(text, colour) of every cell of ``tree`` given a colour of its own."""
    marks = []
    it = QTreeWidgetItemIterator(tree)
    while it.value():
        item = it.value()
        for column in range(tree.columnCount()):
            brush = item.foreground(column)
            if brush.style() != Qt.BrushStyle.NoBrush:
                marks.append((item.text(column), brush.color()))
        it += 1
    return marks


def test_agreement_tables_read_in_light_and_dark(qtbot, scheme, window):
    agreement = agreement_of(qtbot, window)
    qtbot.waitUntil(lambda: len(shaded_cells(agreement)) >= 3)
    cells = shaded_cells(agreement)
    for name, background, text in cells:
        assert contrast(background, text) >= 4.5, (name, background.name(), text.name())
        assert (background.lightness() < 128) == (scheme == "dark"), (name, background.name())


def test_adjudication_marks_and_lanes_follow_the_scheme(qtbot, scheme, tmp_path: Path,
                                                        seed_files: list[Path]):
    path = tmp_path / "master.annot"
    three_coder_master(path, seed_files)
    window = build_adjudication_window(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    palette = QApplication.palette()
    base = palette.color(QPalette.ColorRole.Base)
    assert (base.lightness() < 128) == (scheme == "dark")
    marks = coloured_marks(window.articles) + coloured_marks(window.coder_list)
    assert len(marks) >= 6  # status marks of three coders, the coders' spans
    for text, colour in marks:
        assert contrast(colour, base) >= 4.5, (text, colour.name(), base.name())
    image = window.lanes.grab().toImage()
    assert image.pixelColor(1, HEAD_H + 4) == base  # the margin beside the gold lane
    head = image.pixelColor(1, 1)
    assert head == palette.color(QPalette.ColorRole.AlternateBase)
    assert (image.pixelColor(PAD + 4, HEAD_H + 4).lightness() < 128) == (scheme == "dark")
