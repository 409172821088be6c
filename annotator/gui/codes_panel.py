"""The Article codes panel: the questions about the article as a whole, beside its spans.

The panel takes the schema's variables and shows answers it is given; it never writes. When the
coder changes an answer it emits ``answerChanged`` and the window makes the edit through its
session (one undoable command each), then hands the answers back with :meth:`set_answers`; so
what the panel shows is always what the file holds, even after undo or a refused edit.

Keyboard: Tab reaches each question (a radio group is one stop, as everywhere in Qt), the arrow
keys move within it and Space answers; Delete or Backspace clears, as does the Clear button.
Which questions are shown follows :func:`annotator.core.variables.shown`, the same rule that
decides which answers count.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.schema import Label
from annotator.core.variables import Answer, Variable, answered, shown
from annotator.gui.codebook import (
    answer_text,
    condition_text,
    label_tooltip,
    variable_tooltip,
)
from annotator.gui.colors import readable, swatch


def _plain(text: str) -> str:
    """Button text without mnemonics: an '&' in a name is shown, not an Alt shortcut."""
    return text.replace("&", "&&")


class VariableBox(QGroupBox):
    """One question: its answers as radio buttons (yes/no, one of, a scale) or check boxes
    (any of), and a Clear button. objectName ``code_<variable id>``."""

    answered = Signal(object)  # the new answer, None to clear

    def __init__(self, var: Variable, labels: Sequence[Label], parent: QWidget | None = None):
        self._title = _plain(var.display_name + (" *" if var.required else ""))
        super().__init__(self._title, parent)
        self.var = var
        self.missing = False
        self._normal = (self.palette(), self.font())  # the answers keep them when marked
        self.setObjectName(f"code_{var.id}")
        self.setToolTip(variable_tooltip(var))
        values: list[object] = [True, False] if var.type == "boolean" else list(var.option_ids)
        self.values = values
        self.buttons: list[QAbstractButton] = []
        self.group: QButtonGroup | None = None
        by_id = {lab.id: lab for lab in labels}
        for value in values:
            text = _plain(answer_text(var, value))
            button = QCheckBox(text, self) if var.type == "multi" else QRadioButton(text, self)
            button.setObjectName(f"code_{var.id}_{str(value).lower()}")
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            if value in by_id:  # an option taken from the frames: its colour and definition
                button.setIcon(swatch(by_id[value].color, 12))
                button.setToolTip(label_tooltip(by_id[value]))
            self.buttons.append(button)
        if var.type == "multi":
            for button in self.buttons:
                button.clicked.connect(lambda _checked=False: self.answered.emit(self.value()))
        else:
            self.group = QButtonGroup(self)
            for k, button in enumerate(self.buttons):
                self.group.addButton(button, k)
            self.group.idClicked.connect(lambda k: self.answered.emit(self.values[k]))
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setObjectName(f"code_{var.id}_clear")
        self.clear_button.setAutoRaise(True)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.clear_button.setToolTip(self.tr("Clear this answer (Delete)"))
        self.clear_button.clicked.connect(lambda: self.answered.emit(None))
        for child in (*self.buttons, self.clear_button):  # set, not inherited from the title
            palette, font = child.palette(), child.font()
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive,
                          QPalette.ColorGroup.Disabled):  # disabled answers stay grey
                for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
                    palette.setColor(group, role, palette.color(group, role))
            font.setBold(False)
            child.setPalette(palette)
            child.setFont(font)
        self._lay_out()

    def _lay_out(self) -> None:
        """Yes/no and scales in one row, left to right in order; longer lists in two columns."""
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 4, 4)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        in_row = self.var.type in ("boolean", "ordinal") or len(self.buttons) <= 2
        columns = len(self.buttons) if in_row else (1 if len(self.buttons) <= 3 else 2)
        for k, button in enumerate(self.buttons):
            grid.addWidget(button, k // columns, k % columns)
        rows = (len(self.buttons) + columns - 1) // columns
        grid.setColumnStretch(columns, 1)
        grid.addWidget(self.clear_button, rows - 1, columns + 1,
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)

    def value(self) -> Answer:
        """The answer the buttons show (None when none is checked)."""
        checked = [v for v, b in zip(self.values, self.buttons) if b.isChecked()]
        if self.var.type == "multi":
            return [str(v) for v in checked] or None
        return checked[0] if checked else None

    def show_value(self, value: Answer) -> None:
        """Check the buttons of an answer, without emitting anything."""
        wanted = set(value) if isinstance(value, list) else {value}
        if self.group is not None:
            self.group.setExclusive(False)  # an exclusive group cannot uncheck its last button
        for v, button in zip(self.values, self.buttons):
            button.blockSignals(True)
            button.setChecked(answered(value) and v in wanted)
            button.blockSignals(False)
        if self.group is not None:
            self.group.setExclusive(True)
        self.clear_button.setEnabled(answered(value))
        if answered(value):
            self.set_missing(False)

    def set_missing(self, missing: bool) -> None:
        """Mark a required question left unanswered when the coder tried to finish: its title
        red and bold (no extra row or wider title, so the panel keeps its size)."""
        if missing == self.missing:
            return
        self.missing = missing
        missing_text = self.tr("Not answered yet: required before done.")
        self.setToolTip((f"<b style='color:#b3261e'>{missing_text}</b><br>" if missing else "")
                        + variable_tooltip(self.var))
        palette, font = self.palette(), self.font()
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):  # per style
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                palette.setColor(group, role, QColor("#b3261e") if missing
                                 else self._normal[0].color(group, role))
        font.setBold(missing)
        self.setPalette(palette)
        self.setFont(font)

    def focus_answer(self) -> None:
        """Put the keyboard in this question: on its answer, else on its first button."""
        target = next((b for b in self.buttons if b.isChecked()), self.buttons[0])
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.value() is not None:
            self.answered.emit(None)
            return
        super().keyPressEvent(event)


class CodesPanel(QWidget):
    """objectName ``codesPanel``. ``answerChanged(variable id, answer or None)`` is emitted only
    when the coder changes an answer, never by :meth:`set_answers`."""

    answerChanged = Signal(str, object)  # noqa: N815

    def __init__(
        self, variables: Sequence[Variable], labels: Sequence[Label] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("codesPanel")
        self.variables = tuple(variables)
        self.answers: dict[str, Answer] = {}
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(6, 6, 6, 6)
        column.setSpacing(6)
        self.boxes: dict[str, VariableBox] = {}
        for var in self.variables:
            box = VariableBox(var, labels, inner)
            box.answered.connect(lambda value, v=var.id: self._answered(v, value))
            column.addWidget(box)
            self.boxes[var.id] = box
        self.not_asked = QLabel(inner)
        self.not_asked.setObjectName("notAsked")
        self.not_asked.setTextFormat(Qt.TextFormat.PlainText)  # names come from the schema file
        self.not_asked.setWordWrap(True)
        self.not_asked.setStyleSheet(f"color: {readable('#666').name()}")
        column.addWidget(self.not_asked)
        self.legend: QLabel | None = None
        if any(var.required for var in self.variables):
            self.legend = QLabel(self.tr("* required before the article can be marked done"), inner)
            self.legend.setStyleSheet(f"color: {readable('#666').name()}")
            column.addWidget(self.legend)
        column.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(inner)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.set_answers({})

    def set_answers(self, answers: Mapping[str, Answer]) -> None:
        """Show an article's answers; questions that do not apply are hidden (their answers,
        kept in the file, come back if the question applies again)."""
        self.answers = dict(answers)
        asked = {var.id for var in shown(self.variables, self.answers)}
        hidden: dict[str, list[str]] = {}  # condition -> the questions it hides
        for var in self.variables:
            box = self.boxes[var.id]
            box.show_value(self.answers.get(var.id))
            box.setVisible(var.id in asked)
            if var.id not in asked:
                box.set_missing(False)
                condition = condition_text(var, self.variables)
                hidden.setdefault(condition[0].upper() + condition[1:], []).append(
                    var.name_ja or var.display_name)
        self.not_asked.setText("\n".join(f"{c}: {', '.join(names)}" for c, names in hidden.items()))
        self.not_asked.setVisible(bool(hidden))

    def _answered(self, variable: str, value: Answer) -> None:
        """Show the coder's answer at once (questions it opens appear), then say so; the window
        hands back what the file holds after the edit. Choosing the answer already given is
        no edit (no empty step to undo)."""
        if self.answers.get(variable) == value:
            return
        self.set_answers({**self.answers, variable: value})
        self.answerChanged.emit(variable, value)

    def full_height(self) -> int:
        """The height that shows every question at once (with none hidden)."""
        column = self.scroll.widget().layout()
        margins = column.contentsMargins()
        parts = [box.sizeHint().height() for box in self.boxes.values()]
        parts += [self.legend.sizeHint().height()] if self.legend is not None else []
        return sum(parts) + column.spacing() * len(parts) + margins.top() + margins.bottom()

    def focus_chain(self) -> list[QWidget]:
        """The panel's controls in Tab order: each question's answers, then its Clear."""
        return [w for box in self.boxes.values() for w in (*box.buttons, box.clear_button)]

    def shown_ids(self) -> list[str]:
        """The questions shown now, in schema order."""
        return [v for v, box in self.boxes.items() if not box.isHidden()]

    def show_missing(self, variable_ids: Sequence[str]) -> None:
        """Mark the questions that must be answered before done, and put the keyboard in the
        first of them."""
        for var_id, box in self.boxes.items():
            box.set_missing(var_id in variable_ids and not box.isHidden())
        first = next((self.boxes[v] for v in variable_ids if v in self.boxes), None)
        if first is not None and not first.isHidden():
            self.scroll.ensureWidgetVisible(first)
            first.focus_answer()

    def set_read_only(self, read_only: bool) -> None:
        """Nothing can be answered (a read-only file, or no article open); definitions still
        show on hover."""
        for box in self.boxes.values():
            box.setEnabled(not read_only)
