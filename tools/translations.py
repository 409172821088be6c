"""The interface's translations, the Qt Linguist way.

    .venv/bin/python tools/translations.py update     # sources -> resources/i18n/annotator_ja.ts
    .venv/bin/python tools/translations.py compile    # annotator_ja.ts -> annotator_ja.qm
    .venv/bin/python tools/translations.py check      # lists texts without a Japanese translation

``update`` runs pyside6-lupdate over every module of the package that has tr() texts (all of
annotator/gui/ and any other module that calls tr() or translate()): new texts are added as
unfinished, texts whose source changed keep their old translation as a guess (unfinished), and
texts no longer in the sources are marked vanished (kept in the file, left out of the .qm).
Locations are left out of the .ts, so that moving code does not rewrite the file that translators
edit at the same time. Translate in Qt Linguist (``.venv/bin/pyside6-linguist
resources/i18n/annotator_ja.ts``), then ``compile``: the .qm is committed and shipped as package data.
The functions here are also what tests/test_translations.py checks with.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "annotator"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("ja",)
BIN = Path(sys.executable).parent  # the venv's pyside6-lupdate and pyside6-lrelease sit beside python
#: A call lupdate extracts: tr(, .tr(, translate(, QT_TR_NOOP(, QT_TRANSLATE_NOOP(.
TR_CALL = re.compile(r"\b(?:tr|translate|QT_TR_NOOP|QT_TRANSLATE_NOOP)\(")


def ts_path(language: str = "ja") -> Path:
    return I18N / f"annotator_{language}.ts"


def qm_path(language: str = "ja") -> Path:
    return I18N / f"annotator_{language}.qm"


def tool(name: str) -> str:
    """A PySide6 tool of the running environment (falls back to PATH)."""
    path = BIN / name
    return str(path) if path.exists() else name


def sources() -> list[Path]:
    """Every module with translatable texts: annotator/gui/*.py and any other that calls tr()."""
    gui = sorted((PACKAGE / "gui").glob("*.py"))
    others = [path for path in sorted(PACKAGE.rglob("*.py"))
              if path.parent != PACKAGE / "gui" and TR_CALL.search(path.read_text("utf-8"))]
    return gui + others


def update(ts: Path | None = None, language: str = "ja") -> str:
    """Refresh ``ts`` (default: the committed one) from the sources; lupdate's summary."""
    ts = ts or ts_path(language)
    ts.parent.mkdir(parents=True, exist_ok=True)
    command = [tool("pyside6-lupdate"), *map(str, sources()), "-locations", "none",
               "-source-language", "en", "-target-language", language, "-ts", str(ts)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def compile_ts(ts: Path | None = None, qm: Path | None = None, language: str = "ja") -> str:
    """Compile ``ts`` into ``qm`` (defaults: the committed pair); lrelease's summary."""
    ts, qm = ts or ts_path(language), qm or qm_path(language)
    done = subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
                          capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def messages(ts: Path) -> list[tuple[str, str, str | None]]:
    """(context, source, translation) of each current message of ``ts``: the translation is
    None when it is missing, empty or unfinished. Vanished and obsolete messages are left out."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            text = translation.text if translation is not None else None
            done = text if kind != "unfinished" and text and text.strip() else None
            found.append((name, message.findtext("source") or "", done))
    return found


def untranslated(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every current message of ``ts`` without a finished translation."""
    return [(context, source) for context, source, text in messages(ts) if text is None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "compile", "check"))
    parser.add_argument("--language", default="ja", choices=LANGUAGES)
    args = parser.parse_args(argv)
    ts = ts_path(args.language)
    if args.command == "update":
        print(update(ts, args.language).strip())
    elif args.command == "compile":
        print(compile_ts(ts, language=args.language).strip())
    all_messages = messages(ts)
    missing = untranslated(ts)
    for context, source in missing if args.command == "check" else []:
        print(f"{context or '(no context)'}: {source}")
    print(f"{ts.relative_to(ROOT)}: {len(all_messages)} messages, "
          f"{len(all_messages) - len(missing)} translated")
    return 1 if args.command == "check" and missing else 0


if __name__ == "__main__":
    sys.exit(main())
