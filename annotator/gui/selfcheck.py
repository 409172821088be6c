"""The window part of `annotator selfcheck`: build the main window offscreen and tag a span;
check that some font draws every character of the sample article."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def check_window() -> str:
    """Build the real main window on a temporary project, tag a span through it, read it back."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from annotator.core.demo import sample_texts
    from annotator.core.importers import import_paths
    from annotator.core.store import Project
    from annotator.gui.app import application, build_main_window

    application()
    with tempfile.TemporaryDirectory(prefix="annotator window ") as tmp:
        name, text = sample_texts()[0]
        Path(tmp, name).write_text(text, encoding="utf-8")
        path = Path(tmp, "窓 check.annot")
        with Project.create(path) as project:
            import_paths(project, [Path(tmp, name)])
        window = build_main_window(path, "selfcheck")
        try:
            bounds = window.opened.bounds if window.opened else []
            if len(bounds) < 2:
                raise AssertionError("the window opened no article")
            start, end = bounds[0][0], bounds[1][1]
            window.view.select_range(start, end)
            label = window.schema.labels[0].id
            window.tag_selection(label)
            spans = window.session.spans(window.current_article_id)
        finally:
            window.close()
        with Project.open(path) as project:
            stored = [(a.label, a.start, a.end) for a in project.annotations.list()]
        if stored != [(label, start, end)] or [(s.start, s.end) for s in spans] != [(start, end)]:
            raise AssertionError(f"the tagged span was not stored as shown: {stored}")
    return "main window built offscreen; a span tagged through it is in the file"


def check_fonts() -> str:
    """Every character of the sample article the window opens draws as a glyph, not as the
    missing-glyph box, in the article view's font and in the interface's (Qt's font fallback
    included; the bundled font counts when the system has no Japanese font)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFont

    from annotator.core.demo import sample_texts
    from annotator.gui.app import application
    from annotator.gui.article_view import READING_FONTS
    from annotator.gui.japanese_font import ensure_japanese_font, undrawable

    app = application()
    source = ensure_japanese_font(app)  # done at start-up; here for an application made elsewhere
    name, text = sample_texts()[0]
    reading = QFont(app.font())
    reading.setFamilies(READING_FONTS)
    missing = undrawable(text, reading)
    missing += [c for c in undrawable(text, app.font()) if c not in missing]
    if missing:
        raise AssertionError(
            f"no font draws {len(missing)} characters of the sample article {name} "
            f"({''.join(missing[:30])}{'…' if len(missing) > 30 else ''}); fonts: {source}. "
            f"Install a Japanese font (on Debian or Ubuntu: apt install fonts-noto-cjk) or use "
            f"the coders' bundle, which carries one"
        )
    return f"every character of {name} draws, with {source}"
