"""The codebook panel: each frame's definition, rules, examples and key, one glance away."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from annotator.core.schema import Label, Schema


def _both(texts: dict[str, str]) -> str:
    ja, en = texts.get("ja", ""), texts.get("en", "")
    parts = []
    if ja:
        parts.append(escape(ja))
    if en:
        parts.append(f"<span style='color:#555'>{escape(en)}</span>")
    return "<br>".join(parts)


def _items(title: str, entries: tuple[dict[str, str], ...]) -> str:
    if not entries:
        return ""
    rows = "".join(f"<li>{_both(e)}</li>" for e in entries)
    return f"<p style='margin:6px 0 2px 0'><b>{title}</b></p><ul style='margin-top:0'>{rows}</ul>"


def label_html(label: Label) -> str:
    return (
        f"<h3 style='margin-bottom:2px'><span style='color:{label.color}'>■</span> "
        f"<kbd>{label.key}</kbd> {escape(label.name_ja)} "
        f"<span style='color:#555;font-weight:normal'>{escape(label.name_en)}</span></h3>"
        f"<p style='margin-top:2px'>{_both(label.definition)}</p>"
        + _items("Include / 含める", label.include)
        + _items("Exclude / 含めない", label.exclude)
        + _items("Examples / 例", label.examples)
    )


def label_tooltip(label: Label) -> str:
    """Short codebook entry for the frame buttons."""
    return (
        f"<b>{escape(label.display_name)}</b> — key {label.key}<br>{_both(label.definition)}"
    )


def codebook_html(schema: Schema) -> str:
    intro = _both(schema.data.get("description", {})) if schema.data.get("description") else ""
    about = (
        f"<p><b>{escape(schema.name)}</b> <span style='color:#555'>v{escape(schema.version)}</span>"
        f"<br>{intro}</p>"
    )
    # The frames first: that is what a coder looks up mid-article.
    return "<hr>".join(label_html(lab) for lab in schema.labels) + "<hr>" + about


class CodebookPanel(QTextBrowser):
    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codebook")
        self.setOpenLinks(False)
        self.setHtml(codebook_html(schema))
