"""Screenshot of the Agreement window's Export… menu (CSV files or an Excel workbook), on a
virtual screen:

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python tools/shot_export_menu.py \
        docs/export_menu.png

The demo articles coded by three coders as in ``tools/screenshot.py --agreement``; the window is
opened from the lead's window and the Export button's menu is open.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(1, str(Path(__file__).resolve().parents[1]))
sys.path.insert(1, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QPushButton  # noqa: E402

from annotator.core.demo import create_demo_project  # noqa: E402
from annotator.gui.app import application, build_adjudication_window  # noqa: E402
from screenshot import three_coders  # noqa: E402


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "docs/export_menu.png"
    app = application()
    path = Path(tempfile.mkdtemp(), "demo.annot")
    with create_demo_project(path) as project:
        three_coders(project)
    lead = build_adjudication_window(path)
    lead.show()
    agreement = lead.show_agreement()
    agreement.resize(1200, 560)
    agreement.move(0, 0)
    lead.move(0, 1000)  # off the screen: only the Agreement window and its menu are seen
    button = agreement.findChild(QPushButton, "exportButton")

    def shoot() -> None:
        frame = agreement.frameGeometry()
        menu = button.menu().geometry()  # the menu opens past the window's right edge
        width = max(frame.right(), menu.right()) - agreement.x() + 8
        shot = agreement.screen().grabWindow(0, agreement.x(), agreement.y(), width,
                                             frame.height())
        shot.save(out)
        print(f"wrote {out} ({shot.width()}x{shot.height()})")
        app.quit()

    QTimer.singleShot(600, button.showMenu)  # returns when the menu closes: shoot before
    QTimer.singleShot(1200, shoot)
    app.exec()


if __name__ == "__main__":
    main()
