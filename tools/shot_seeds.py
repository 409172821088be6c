"""What the screenshot scripts share: the two seed articles (../shared/seeds) imported as a lead
would import scraped pages (`annotator import --clean`), a study built on them, and a shot of a
window taken once the window manager has drawn its frame."""

from __future__ import annotations

from pathlib import Path

SEEDS = sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*.txt"))


def add_seeds(project) -> None:
    """Import both seeds into an open project, cleaned of navigation and other stories."""
    from annotator.core.importers import import_paths

    import_paths(project, SEEDS, clean=True)


def study(folder: Path, rounds: list[tuple[str, str, slice]]) -> Path:
    """A master in ``folder``: the demo articles and the cleaned seeds, with ``rounds`` as
    (name, date, slice of the article ids)."""
    from annotator.core.demo import create_demo_project

    path = folder / "study.annot"
    project = create_demo_project(path)
    try:
        add_seeds(project)
        ids = project.articles.ids()
        for name, date, part in rounds:
            project.rounds.add(name, date, ids[part])
    finally:
        project.close()
    return path


def shoot_when_drawn(app, widget, out) -> None:
    """Run the event loop until ``widget`` is drawn with its frame, save a screenshot of the
    screen's area under it to ``out``, and quit."""
    from PySide6.QtCore import QTimer

    def shoot() -> None:
        frame = widget.frameGeometry()
        shot = widget.screen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        shot.save(str(out))
        print(f"wrote {out} ({shot.width()}x{shot.height()})")
        app.quit()

    QTimer.singleShot(800, shoot)
    app.exec()
