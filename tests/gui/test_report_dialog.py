"""Tools → Reliability report… (issue 12): the lead writes the report of a real study through
the dialog; without matplotlib the coder's window says what is missing and opens nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.gui.report_dialog import ReportDialog
from tests.report_projects import make_study


def tools_action(window, name: str):
    tools = next(m for m in (a.menu() for a in window.menuBar().actions()) if m is not None
                 and m.title().replace("&", "") == "Tools")
    return next(a for a in tools.actions() if a.objectName() == name)


@pytest.fixture
def lead(qtbot, tmp_path: Path, seed_files: list[Path]):
    from annotator.gui.app import build_adjudication_window

    window = build_adjudication_window(make_study(tmp_path, seed_files))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def test_the_lead_writes_the_report_of_a_round(qtbot, lead, tmp_path: Path):
    pytest.importorskip("matplotlib")
    tools_action(lead, "reportAction").trigger()
    dialog = lead.findChild(ReportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.out.text().endswith("master-report.html")
    out = tmp_path / "report r1.html"  # keyClicks types ASCII only
    dialog.out.clear()
    qtbot.keyClicks(dialog.out, str(out))
    dialog.round.setCurrentIndex(dialog.round.findText("r1"))
    dialog.lang.setCurrentIndex(dialog.lang.findData("en"))
    dialog.bootstrap.selectAll()
    qtbot.keyClicks(dialog.bootstrap, "100")
    qtbot.keyClicks(dialog.seed, "4")
    assert not dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert dialog.written == out and out.exists(), dialog.message.text()
    assert dialog.open_button.isEnabled()  # not clicked here: it would open a browser
    assert "bootstrap 100 (seed 4)" in dialog.message.text()
    text = out.read_text(encoding="utf-8")
    assert 'calibration round "r1"' in text.replace("&quot;", '"') and "seed 4" in text


def test_a_name_without_html_gets_it(qtbot, lead, tmp_path: Path):
    pytest.importorskip("matplotlib")
    dialog = ReportDialog(lead)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.out.setText(str(tmp_path / "plain"))
    dialog.bootstrap.setValue(0)
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert dialog.written == tmp_path / "plain.html" and dialog.written.exists()
    dialog.out.setText(str(tmp_path / "no such folder" / "r.html"))
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert "cannot write the report" in dialog.message.text()


def test_without_matplotlib_the_coder_is_told_what_is_missing(
        qtbot, window, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as in the coders' bundle
    tools_action(window, "reportAction").trigger()
    assert window.findChild(ReportDialog) is None
    assert "needs matplotlib" in window.last_error
    assert "pip install 'framing-annotator[report]'" in window.last_error
