"""Tools → Agreement… of the coder's and the lead's window: compute the report on the window's
project (off the GUI thread) and show the Agreement window; a double-clicked disagreement opens
in the window it came from (its ``show_place``)."""

from __future__ import annotations

from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.gui.agreement_compute import AgreementSource, compute
from annotator.gui.agreement_window import AgreementWindow


def open_agreement(window: Any) -> AgreementWindow | None:
    """Tools → Agreement… of the coder's or the lead's window: compute on the window's project
    and show the result; the window's ``show_place`` opens a double-clicked disagreement."""
    session = window.session
    source = AgreementSource(session.path, session.coders(), session.rounds())
    try:
        result = compute(window, source.path, None, None, bool(source.rounds))
    except AnnotatorError as exc:
        window._error(str(exc))
        return None
    if result is None:
        return None
    previous = getattr(window, "agreement_window", None)
    if previous is not None:  # one Agreement window per window: the new one replaces it
        previous.close()
    agreement = AgreementWindow(result[0], session.schema, window.show_place, source, result[1],
                                window)
    window.agreement_window = agreement
    agreement.show()
    return agreement
