"""The article view's paper and ink, following the system's light or dark mode while it runs.

A mixin of :class:`~annotator.gui.article_view.ArticleView`: it sets the view's ``paper``,
``ink`` and ``dark`` (read by the highlighter, see colors.py) and repaints when the colour scheme
or the application palette changes.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from annotator.gui.colors import reading_colors


class ReadingTheme:
    """Light or dark reading colours of the article view (see the module docstring)."""

    def apply_theme(self) -> None:
        paper, ink = reading_colors()
        # Compared only with colours: comparing a QColor with None makes PySide6 try every
        # overload, and build QGradient's and QImage's classes, at each start-up.
        if getattr(self, "paper", None) is not None and (paper, ink) == (self.paper, self.ink):
            return
        self.paper, self.ink = paper, ink
        self.dark = paper.lightness() < 128
        # Any QTextEdit: this view (whatever its objectName; the lead's is "goldView"), not its
        # scroll bars.
        self.setStyleSheet(f"QTextEdit {{ background: {paper.name()}; color: {ink.name()}; }}")
        highlighter = getattr(self, "_highlighter", None)
        if highlighter is not None:
            highlighter.clear_formats()
            highlighter.rehighlight()

    def follow_color_scheme(self) -> None:
        """Apply the colours now, and again whenever the system's scheme changes."""
        self.apply_theme()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._scheme_changed)
        # A widget with a style sheet gets no PaletteChange when the application palette
        # changes (a desktop without a colour-scheme hint turns dark that way): ask the app.
        QGuiApplication.instance().paletteChanged.connect(self._scheme_changed)

    def _scheme_changed(self, _scheme) -> None:
        self.apply_theme()

