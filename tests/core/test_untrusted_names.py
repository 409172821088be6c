"""Names that come from other people's files (article ids, coder names) never become paths
outside the folder the lead chose: not in a folder export, not as ZIP members, not as copies."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from tests.run_cli import cli

HOSTILE_IDS = ["../../escaped", "/etc/passwd", "C:\\Windows\\win.ini", "..\\..\\up", "CON",
               "nul.txt", ".hidden", "a/../../b", "\u202etxt.exe"]
HOSTILE_CODERS = ["../../intruder", "C:\\coder", "/root/x", "CON"]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A project imported from a JSONL file whose article ids and coder names are paths."""
    source = tmp_path / "from-someone.jsonl"
    lines = []
    for k, article_id in enumerate(HOSTILE_IDS):
        coder = HOSTILE_CODERS[k % len(HOSTILE_CODERS)]
        lines.append(json.dumps({"id": article_id, "text": f"安全保障の話{k}。", "annotations": [
            {"coder": coder, "label": "security_concern", "start": 0, "end": 4}]},
            ensure_ascii=False))
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    project = tmp_path / "work" / "p.annot"
    project.parent.mkdir()
    assert cli("new", project).returncode == 0
    result = cli("import", project, source)
    assert result.returncode == 0, result.stderr
    return project


def _inside(member: str) -> bool:
    posix, windows = PurePosixPath(member), PureWindowsPath(member)
    return (not posix.is_absolute() and not windows.is_absolute() and not windows.drive
            and ".." not in posix.parts and ".." not in windows.parts)


def _everything(root: Path) -> set[Path]:
    return {p for p in root.rglob("*")}


def test_folder_exports_and_copies_stay_in_the_chosen_folder(hostile: Path, tmp_path: Path) -> None:
    before = _everything(tmp_path)
    out = tmp_path / "work" / "chosen"
    assert cli("export", hostile, "--format", "brat", "--out", out / "brat").returncode == 0
    result = cli("assign", hostile, *sum((["--coder", c] for c in HOSTILE_CODERS[:3]), []),
                 "--out-dir", out / "copies")
    assert result.returncode == 0, result.stderr
    made = _everything(tmp_path) - before
    assert made and all(out in p.parents or p == out for p in made), sorted(made)
    brat = sorted(p.name for p in (out / "brat").iterdir())
    assert len([n for n in brat if n.endswith(".ann")]) == len(HOSTILE_IDS)
    assert all(not n.startswith(".") and n.split(".")[0].upper() not in ("CON", "NUL")
               for n in brat)
    assert len(list((out / "copies").iterdir())) == 3


@pytest.mark.parametrize("fmt, suffix", [("inception", ".zip"), ("refi", ".qdpx")])
def test_archive_members_named_from_files_stay_inside(hostile: Path, tmp_path: Path,
                                                      fmt: str, suffix: str) -> None:
    if fmt == "inception":
        pytest.importorskip("cassis")
    out = tmp_path / f"export{suffix}"
    result = cli("export", hostile, "--format", fmt, "--out", out)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
    assert names and all(_inside(name) for name in names), names
    assert not any("\u202e" in name for name in names)
