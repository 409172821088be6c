"""The project file. See :mod:`.project` for :class:`Project` and its parts."""

from annotator.core.store.coders import validate_coder_name
from annotator.core.store.project import BUSY_TIMEOUT_MS, Project, now

__all__ = ["BUSY_TIMEOUT_MS", "Project", "now", "validate_coder_name"]
