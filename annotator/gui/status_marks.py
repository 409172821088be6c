"""How a status looks wherever the app shows one: the coder's list, the lead's list, the
Progress dialog. One mark per status (○ not started, ◐ in progress, ● done; ★ an adjudicated
article's gold), one colour, one word, so a lead reads every view the same way."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

STATUS_TEXT = {"not_started": QT_TRANSLATE_NOOP("", "not started"),
               "in_progress": QT_TRANSLATE_NOOP("", "in progress"),
               "done": QT_TRANSLATE_NOOP("", "done")}
STATUS_MARK = {"not_started": "○", "in_progress": "◐", "done": "●"}
GOLD_MARK = {"not_started": "○", "in_progress": "◐", "done": "★"}
STATUS_COLOR = {"not_started": "#777777", "in_progress": "#B26B00", "done": "#2E7D32"}


def status_word(status: str) -> str:
    """The status in words, translated ("in progress")."""
    return QCoreApplication.translate("", STATUS_TEXT[status])


def legend() -> str:
    """'● done · ◐ in progress · ○ not started' (translated)."""
    return " · ".join(f"{STATUS_MARK[s]} {status_word(s)}"
                      for s in ("done", "in_progress", "not_started"))
