"""Take the README screenshot: the real window on the demo articles, with a few spans.

Run on a (virtual) screen with a CJK font, e.g. on Debian:
    apt-get install xvfb fonts-noto-cjk
    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python tools/screenshot.py docs/screenshot.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from annotator.core.demo import sample_texts
from annotator.core.importers import import_paths
from annotator.core.project import Project
from annotator.gui.app import application, build_main_window

SPANS = [  # (text to find, label)
    ("最先端チップが軍事転用され、米国の安全保障を損なう", "security_concern"),
    ("安全保障", "economic_interest"),
    ("失われた市場を取り戻す好機だ", "economic_interest"),
    ("国産化を急ぐべきだ", "self_reliance"),
]


def main(out: str) -> None:
    app = application()
    tmp = tempfile.mkdtemp()
    for name, text in sample_texts():
        Path(tmp, name).write_text(text, encoding="utf-8")
    path = Path(tmp, "demo.annot")
    with Project.create(path, name="Demo") as project:
        import_paths(project, [tmp])
    window = build_main_window(path, "hanako")
    window.resize(1440, 860)
    window.show()
    text = window.view.text
    for needle, label in SPANS:
        start = text.find(needle)
        if start < 0:
            continue
        window.view.select_range(start, start + len(needle))
        window.tag_selection(label)
    spans = window.session.spans(window.current_article_id)
    if spans:
        window.spans.selectRow(len(spans) - 1)

    def shoot() -> None:
        screen = window.screen()
        shot = screen.grabWindow(0, window.x(), window.y(), window.frameGeometry().width(),
                                 window.frameGeometry().height())
        shot.save(out)
        print(f"wrote {out} ({shot.width()}x{shot.height()})")
        window.close()
        app.quit()

    QTimer.singleShot(800, shoot)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png")
