"""The Japanese font the coders' bundle carries, taken from Debian's packages on the build machine.

A Linux laptop without a CJK font would draw every kana and kanji as a box; the app loads this
font only then (annotator/gui/japanese_font.py). Noto Sans CJK rather than IPAex Gothic: it
covers more of what Japanese news prints (the JIS X 0213 kanji and characters beyond the BMP
such as 𠮷, which the sample article has and IPAex Gothic lacks), it is the family the article
view asks for first on every system, and its licence, the SIL Open Font License 1.1, is the
common free font licence (bundling and redistribution allowed, with the licence beside it).
Its cost is size: the Regular collection is 19 MB, 5% of the bundle.

Debian's fonts-noto-cjk ships the font file unchanged from upstream and the licence text in the
package's copyright file; both go into ``annotator/fonts/`` in the bundle, where the app looks.
On Windows and macOS the system always has a Japanese font (Yu Gothic and Meiryo, Hiragino), so
the bundle built there carries none.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE = "fonts-noto-cjk"
FONT = "usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
COPYRIGHT = f"usr/share/doc/{PACKAGE}/copyright"
#: Where the app looks for it, relative to the bundle's _internal/ (the folder of the package).
DEST = "annotator/fonts"
LICENCE_NAME = "LICENSE-NotoSansCJK.txt"


def toc(root: Path = Path("/"), platform: str = sys.platform) -> list[tuple[str, str, str]]:
    """PyInstaller's (destination, source, "DATA") entries for the font and its licence.

    On Linux both must be under ``root``; when either is missing the build stops with one
    line naming the package to install."""
    if not platform.startswith("linux"):
        return []
    font, copyright_file = root / FONT, root / COPYRIGHT
    for needed in (font, copyright_file):
        if not needed.is_file():
            raise SystemExit(
                f"annotator.spec: {needed} is missing: install Debian's {PACKAGE} package "
                f"(sudo apt-get install {PACKAGE}) to bundle a Japanese font"
            )
    return [
        (f"{DEST}/{font.name}", str(font), "DATA"),
        (f"{DEST}/{LICENCE_NAME}", str(copyright_file), "DATA"),
    ]
