"""The shipped schemas/ and resources/ folders, found installed or in the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import data_files


def test_the_shipped_folders_are_found() -> None:
    assert (data_files.data_folder("schemas") / "framing.json").is_file()
    assert (data_files.data_folder("resources") / "i18n" / "annotator_ja.qm").is_file()


def test_a_missing_folder_is_named_with_what_to_do(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data_files, "_PACKAGE", tmp_path / "site" / "annotator")
    with pytest.raises(FileNotFoundError, match=r"annotator.schemas: .*reinstall"):
        data_files.data_folder("schemas")
