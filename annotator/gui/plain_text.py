"""Texts from data (article titles, notes, span texts, schema names) shown as written.

Qt guesses whether a label's or a tooltip's text is rich text (``Qt.mightBeRichText``: it
starts with something like a tag) and renders it as HTML if so: a label named ``<img src=x>``
in someone's schema, or a note ``<a href=...>`` in a returned copy, would become an image or a
link. Labels that show data are set to plain text; tooltips, which have no such setting, go
through :func:`plain_tip`; data placed inside the window's own rich text (the codebook, span
tooltips, headings) goes through :func:`escaped`.
"""

from __future__ import annotations

from PySide6.QtGui import Qt

# What html.escape writes, without importing `html`: its entity table is 0.003 s of start-up.
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escaped(text: str) -> str:
    """``text`` for Qt's rich text, shown as written (``& < > " '`` as entities)."""
    return text.translate(_ENTITIES)


def plain_tip(text: str | None) -> str | None:
    """``text`` as a tooltip that Qt shows exactly as written (unchanged when Qt would)."""
    if not text or not Qt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{escaped(text)}</p>"
