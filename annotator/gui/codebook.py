"""The codebook panel: each frame's definition, rules, examples and key, one glance away, then
each article code's question, answers and when it is asked (coders check it mid-article)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from annotator.core.schema import Label, Schema
from annotator.core.variables import Variable
from annotator.gui.colors import quiet_color
from annotator.gui.plain_text import escaped
from annotator.gui.texts import tr

KINDS = {
    "boolean": QT_TRANSLATE_NOOP("", "yes / no"),
    "single": QT_TRANSLATE_NOOP("", "one answer"),
    "ordinal": QT_TRANSLATE_NOOP("", "one point on an ordered scale"),
    "multi": QT_TRANSLATE_NOOP("", "any number of answers"),
}


def _both(texts: dict[str, str]) -> str:
    ja, en = texts.get("ja", ""), texts.get("en", "")
    parts = []
    if ja:
        parts.append(escaped(ja))
    if en:
        parts.append(f"<span class='quiet'>{escaped(en)}</span>")
    return "<br>".join(parts)


def _items(title: str, entries: tuple[dict[str, str], ...]) -> str:
    if not entries:
        return ""
    rows = "".join(f"<li>{_both(e)}</li>" for e in entries)
    return f"<p style='margin:6px 0 2px 0'><b>{title}</b></p><ul style='margin-top:0'>{rows}</ul>"


def anchor(label_id: str) -> str:
    """The name of a frame's entry in the codebook (what the panel scrolls to)."""
    return f"frame-{label_id}"


def label_html(label: Label) -> str:
    return (
        f"<h3 style='margin-bottom:2px'><a name='{anchor(label.id)}'></a>"
        f"<span style='color:{label.color}'>■</span> <kbd>{label.key}</kbd> {escaped(label.name_ja)} "
        f"<span class='quiet' style='font-weight:normal'>{escaped(label.name_en)}</span></h3>"
        f"<p style='margin-top:2px'>{_both(label.definition)}</p>"
        + _items(tr("Include / 含める"), label.include)
        + _items(tr("Exclude / 含めない"), label.exclude)
        + _items(tr("Examples / 例"), label.examples)
    )


def label_tooltip(label: Label) -> str:
    """Short codebook entry for the frame buttons."""
    return (
        f"<b>{escaped(label.display_name)}</b> — "
        + tr("key {key}").format(key=label.key) + f"<br>{_both(label.definition)}"
    )


def answer_text(var: Variable, value: object) -> str:
    """How an answer reads to a coder: an option's name, はい / いいえ for yes/no."""
    if var.type == "boolean":
        return tr("はい Yes") if value else tr("いいえ No")
    names = {o.id: o.display_name for o in var.options}
    if isinstance(value, list):
        return ", ".join(names.get(v, str(v)) for v in value)
    return names.get(str(value), str(value))


def condition_text(var: Variable, variables: tuple[Variable, ...]) -> str:
    """When a variable is asked, e.g. 'asked when 関連性 is はい Yes' ('' if always)."""
    if var.applies_if is None:
        return ""
    other_id, wanted = var.applies_if
    other = next((v for v in variables if v.id == other_id), None)
    if other is None:
        return tr("asked when {question} is {answer}").format(question=other_id, answer=wanted)
    return tr("asked when {question} is {answer}").format(
        question=other.name_ja or other.display_name, answer=answer_text(other, wanted))


def variable_html(var: Variable, variables: tuple[Variable, ...]) -> str:
    kind = tr(KINDS[var.type]) if var.type in KINDS else var.type
    rules = [kind, tr("required") if var.required else tr("optional")]
    if var.applies_if is not None:
        rules.append(condition_text(var, variables))
    options = ""
    if var.options:
        answers = tr("Answers / 選択肢")
        options = f"<p style='margin:2px 0'><b>{answers}</b>: " + " · ".join(
            escaped(o.display_name) for o in var.options) + "</p>"
    return (
        f"<h3 style='margin-bottom:2px'>{escaped(var.name_ja)} "
        f"<span class='quiet' style='font-weight:normal'>{escaped(var.name_en)}</span></h3>"
        f"<p class='quiet' style='margin:2px 0'><i>{escaped('; '.join(rules))}</i></p>"
        f"<p style='margin-top:2px'>{_both(var.definition)}</p>"
        + options
        + _items(tr("Include / 含める"), var.include)
        + _items(tr("Exclude / 含めない"), var.exclude)
        + _items(tr("Examples / 例"), var.examples)
    )


def variable_tooltip(var: Variable) -> str:
    """The definition, on hover over the variable's question in the Article codes panel."""
    required = " — " + tr("required") if var.required else ""
    return f"<b>{escaped(var.display_name)}</b>{required}<br>{_both(var.definition)}"


def codebook_html(schema: Schema) -> str:
    intro = _both(schema.data.get("description", {})) if schema.data.get("description") else ""
    about = (
        f"<p><b>{escaped(schema.name)}</b> <span class='quiet'>v{escaped(schema.version)}</span>"
        f"<br>{intro}</p>"
    )
    # The frames first: that is what a coder looks up mid-article; then the article codes.
    parts = [label_html(lab) for lab in schema.labels]
    variables = [variable_html(var, schema.variables) for var in schema.variables]
    if variables:
        heading = tr("Article codes / 記事のコード")
        variables[0] = f"<h2>{heading}</h2>" + variables[0]
    return "<hr>".join(parts + variables) + "<hr>" + about


class CodebookPanel(QTextBrowser):
    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codebook")
        self.setOpenLinks(False)
        self._schema = schema
        self._show()
        QGuiApplication.instance().paletteChanged.connect(self._palette_changed)

    def _show(self) -> None:
        """The codebook in the palette's colours (English glosses in a grey that reads on it)."""
        at = self.verticalScrollBar().value()
        self.document().setDefaultStyleSheet(f".quiet {{ color: {quiet_color().name()}; }}")
        self.setHtml(codebook_html(self._schema))
        self.verticalScrollBar().setValue(at)

    def _palette_changed(self, _palette) -> None:
        self._show()  # e.g. the system turned dark

    def show_label(self, label_id: str) -> None:
        """Scroll to a frame's entry (the selected span's frame: the rules a coder checks)."""
        self.scrollToAnchor(anchor(label_id))
        # and again once pending layout is done (a panel just shown or resized has not laid
        # its text out yet, and the scroll would be lost)
        QTimer.singleShot(0, lambda: self.scrollToAnchor(anchor(label_id)))
