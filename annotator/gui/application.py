"""The one QApplication, named so settings and dialogs read well, speaking the user's language.

Its own module so that the crash handler and the app's start-up both use it without importing
each other (the GUI has no import cycles).
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication

from annotator import __version__


def application() -> QApplication:
    """The one QApplication (created if needed)."""
    app = QApplication.instance()
    created = app is None
    if created:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Framing Annotator")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("FramingAnnotator")
    if created:  # the interface language: the system's, the user's choice, or a forced one
        from annotator.gui.language import install_language

        try:
            install_language()
        except FileNotFoundError:  # a broken install: English beats no window (selfcheck says)
            logging.getLogger(__name__).exception("interface translation missing")
    if created:  # Japanese text: the system's fonts, else the font the bundle carries
        from annotator.gui.japanese_font import ensure_japanese_font

        ensure_japanese_font(app)
    return app  # type: ignore[return-value]
