"""Japanese text on a system without a Japanese font: the bundled font, and selfcheck's check.

Qt's offscreen platform (the tests', and `annotator selfcheck`'s) takes its fonts from fontconfig
on Linux, as the desktop platforms do (QT_QPA_FONTDIR plays no part), so a fonts.conf whose only
folder holds DejaVu Sans makes a real system without a Japanese font. fontconfig reads that file
once, when Qt starts: those runs are subprocesses running the real `annotator selfcheck`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtGui import QFont, QFontDatabase

from annotator.gui.japanese_font import FONT_DIR_ENV, bundled_font_folder, undrawable

ROOT = Path(__file__).resolve().parents[2]
NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")  # Debian's fonts-noto-cjk
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Debian's fonts-dejavu-core

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="fontconfig decides Qt's fonts on Linux only"
)


def test_undrawable_names_what_no_font_has(qapp):
    font = QFont()
    # U+0378 is unassigned: no font has it. The combining accent is drawn on its e, not alone.
    assert undrawable("Jose\u0301 \u0378 x\u0378", font) == ["\u0378"]
    if QFontDatabase.families(QFontDatabase.WritingSystem.Japanese):
        assert undrawable("𠮷田氏は安全保障上の懸念を示した。", font) == []


def test_the_bundled_font_is_looked_for_beside_the_package(monkeypatch: pytest.MonkeyPatch):
    import annotator

    monkeypatch.delenv(FONT_DIR_ENV, raising=False)
    assert bundled_font_folder() == Path(annotator.__file__).resolve().parent / "fonts"
    monkeypatch.setenv(FONT_DIR_ENV, "/somewhere/フォント")
    assert bundled_font_folder() == Path("/somewhere/フォント")


def system_without_japanese_font(tmp_path: Path) -> dict[str, str]:
    """The environment of a program that sees only DejaVu Sans through fontconfig."""
    for needed, package in ((NOTO, "fonts-noto-cjk"), (DEJAVU, "fonts-dejavu-core")):
        if not needed.is_file():
            pytest.fail(f"{needed} is missing: install Debian's {package} (.ci/run does)")
    fonts = tmp_path / "only DejaVu"
    fonts.mkdir()
    (fonts / DEJAVU.name).write_bytes(DEJAVU.read_bytes())
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><dir>{escape(str(fonts))}</dir>"
        f"<cachedir>{escape(str(tmp_path / 'fontconfig cache'))}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen",
                FRAMING_ANNOTATOR_HOME=str(tmp_path / "home"))


def selfcheck(env: dict[str, str], report: Path) -> tuple[int, list[str]]:
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "selfcheck", "--report", str(report)],
        env=env, cwd=ROOT, capture_output=True, timeout=300,
    )
    return result.returncode, report.read_text(encoding="utf-8").splitlines()


@linux_only
def test_selfcheck_fails_without_a_japanese_font_and_says_what_to_do(tmp_path: Path):
    env = system_without_japanese_font(tmp_path)
    empty = tmp_path / "no fonts here"
    empty.mkdir()
    env[FONT_DIR_ENV] = str(empty)  # as a pip install: no bundled font beside the package
    code, lines = selfcheck(env, tmp_path / "report.txt")
    assert code == 1
    (line,) = [row for row in lines if row.startswith("FAIL  fonts: ")]
    assert "characters of the sample article 01_ai_chip_export.txt" in line
    assert "米" in line and "、" in line
    assert f"no Japanese font on the system and none in {empty}" in line
    assert "apt install fonts-noto-cjk" in line
    assert "ok    window: " in "\n".join(lines)  # the rest of the machine is fine
    assert lines[-1] == "selfcheck FAILED"


@linux_only
def test_selfcheck_passes_with_the_bundled_font_on_a_system_without_one(tmp_path: Path):
    env = system_without_japanese_font(tmp_path)
    bundled = tmp_path / "バンドル fonts"
    bundled.mkdir()
    os.symlink(NOTO, bundled / NOTO.name)
    env[FONT_DIR_ENV] = str(bundled)
    code, lines = selfcheck(env, tmp_path / "report.txt")
    assert code == 0, "\n".join(lines)
    assert (f"ok    fonts: every character of 01_ai_chip_export.txt draws, with the bundled "
            f"Noto Sans CJK JP ({bundled})") in lines
    assert lines[-1] == "selfcheck passed"
