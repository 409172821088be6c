"""``tr()`` for the texts of module-level functions and of classes that are not QObjects.

pyside6-lupdate files a bare ``tr("…")`` call under the empty context (it cannot see which
context a helper would pass), so this translates in that same context: the .ts and the running
app then agree. QObject subclasses use ``self.tr("…")`` (context: the class's name); a text in a
table built before the translator is installed is marked with ``QT_TRANSLATE_NOOP("", "…")``
and translated with this ``tr`` where it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    """``text`` in the interface's language (the source is English)."""
    return QCoreApplication.translate("", text)
