"""Screenshots of Project → Hand out copies… and Project → Progress, on a virtual screen:

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python tools/shot_copies.py

writes docs/copies.png and docs/progress.png. The master holds the demo articles and the two seed
pages (../shared/seeds), a round "training 1" of three articles, and three coders who have done
some of them; the copies dialog shows a reliability design (3 articles shared, a seeded draw).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(1, str(ROOT))  # the checkout, not an installed copy

from PySide6.QtCore import Qt  # noqa: E402

from annotator.core.session import Session  # noqa: E402
from annotator.core.store import Project  # noqa: E402
from shot_seeds import study  # noqa: E402
from annotator.gui.app import application  # noqa: E402



def master(folder: Path) -> Path:
    path = study(folder, [("training 1", "2026-11-20", slice(0, 3)),
                          ("main", "2026-12-01", slice(3, None))])
    with Project.open(path) as project:
        ids = project.articles.ids()
        work = {"alice": (3, 1), "bob": (2, 2), "carol": (0, 1)}  # (done, in progress)
        for coder, (done, started) in work.items():
            session = Session(project, coder)
            for article_id in ids[:done]:
                session.open_article(article_id)
                session.set_code(article_id, "relevance", False)
                session.set_status(article_id, "done")
            for article_id in ids[done:done + started]:
                session.open_article(article_id)
    return path


def shoot_copies(path: Path, out: Path) -> None:
    from annotator.gui.copies_dialog import CopiesDialog

    dialog = CopiesDialog(path)
    form = dialog.form
    for coder in ("alice", "bob", "carol"):
        form.coders.edit.setCurrentText(coder)
        form.coders.add()
    form.reliability_radio.setChecked(True)
    form.overlap_value.setValue(3)
    form.seed_edit.setValue(482913)
    form.out_edit.setText(str(path.parent / "copies"))
    dialog.show()
    application().processEvents()
    dialog.grab().save(str(out))
    print(f"wrote {out}")
    dialog.close()


def shoot_progress(path: Path, out: Path) -> None:
    from annotator.core.store import Project
    from annotator.gui.progress_dialog import ProgressDialog

    session = Session(Project.open(path, read_only=True), "alice")
    dialog = ProgressDialog(session.progress, session.name)
    dialog.show()
    dialog.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    application().processEvents()
    dialog.grab().save(str(out))
    print(f"wrote {out}")
    dialog.close()
    session.close()


def main() -> None:
    application()
    with tempfile.TemporaryDirectory() as tmp:
        path = master(Path(tmp))
        shoot_copies(path, ROOT / "docs" / "copies.png")
        shoot_progress(path, ROOT / "docs" / "progress.png")


if __name__ == "__main__":
    main()
