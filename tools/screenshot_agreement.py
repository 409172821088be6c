"""Take the README screenshot of the Agreement window: three coders on the demo articles.

    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python tools/screenshot_agreement.py docs/agreement.png

The coders' spans are drawn at random (seeded), so they agree often but not always.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from annotator.core.demo import sample_texts
from annotator.core.importers import import_paths
from annotator.core.project import Project
from annotator.core.tokenizer import tokenizer_id
from annotator.gui.app import application, build_main_window


def main(out: str) -> None:
    app = application()
    tmp = tempfile.mkdtemp()
    for name, text in sample_texts():
        Path(tmp, name).write_text(text, encoding="utf-8")
    path = Path(tmp, "demo.annot")
    rng = random.Random(3)
    with Project.create(path, name="Demo") as project:
        import_paths(project, [tmp])
        labels = project.schema.label_ids
        for article_id in project.article_ids():
            bounds = project.cached_bounds(article_id, tokenizer_id())
            shared = [(rng.randrange(len(bounds) - 8), rng.randrange(1, 6), rng.choice(labels))
                      for _ in range(6)]
            for coder in ("alice", "bob", "carol"):
                for first, width, label in shared:
                    if rng.random() < 0.3:
                        first += 1
                    if rng.random() < 0.15:
                        label = rng.choice(labels)
                    project.add_annotation(article_id, coder, label, bounds[first][0],
                                           bounds[first + width][1])
                project.set_status(article_id, coder, "done")
    window = build_main_window(path, "lead")
    window.show()
    agreement = window.show_agreement()
    agreement.resize(1200, 700)
    agreement.move(0, 0)

    def shoot() -> None:
        shot = agreement.screen().grabWindow(0, agreement.x(), agreement.y(),
                                             agreement.frameGeometry().width(),
                                             agreement.frameGeometry().height())
        shot.save(out)
        print(f"wrote {out}")
        app.quit()

    QTimer.singleShot(800, shoot)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/agreement.png")
