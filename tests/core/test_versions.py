"""The About box's versions come from what is installed here."""

from __future__ import annotations

import platform
from importlib import metadata

from annotator import __version__
from annotator.core.versions import versions


def test_versions_name_the_app_python_fugashi_and_the_dictionary():
    rows = dict(versions())
    assert rows["Framing Annotator"] == __version__
    assert rows["Python"].startswith(platform.python_version())
    assert rows["fugashi"] == metadata.version("fugashi")
    assert rows["unidic-lite"].startswith(metadata.version("unidic-lite"))
    assert "UniDic 2." in rows["unidic-lite"]
