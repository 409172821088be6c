"""The one QApplication, named so settings and dialogs read well.

Its own module so that the crash handler and the app's start-up both use it without importing
each other (the GUI has no import cycles).
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from annotator import __version__


def application() -> QApplication:
    """The one QApplication (created if needed)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Framing Annotator")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("FramingAnnotator")
    return app  # type: ignore[return-value]
