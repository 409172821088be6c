"""Screenshots of File → Export… and File → Import from another tool…, on a virtual screen:

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python tools/shot_export.py

writes docs/export.png (the demo study with the cleaned seeds, exported for INCEpTION as the
gold standard, after the export ran) and docs/import_other.png (a doccano file chosen).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(1, str(ROOT))  # the checkout, not an installed copy

from shot_seeds import study  # noqa: E402

from annotator.gui.app import application, build_adjudication_window  # noqa: E402


def main() -> None:
    from annotator.gui.interchange_dialog import ExportDialog, ImportOtherDialog

    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        window = build_adjudication_window(study(Path(tmp), []))
        window.show()
        export = ExportDialog(window)
        export.format.setCurrentIndex(export.format.findData("inception"))
        export.coder.setCurrentIndex(export.coder.findData("gold"))
        export.show()
        export.run()
        app.processEvents()
        out = ROOT / "docs" / "export.png"
        export.grab().save(str(out))
        print(f"wrote {out.relative_to(ROOT)}")
        other = ImportOtherDialog(window)
        other.format.setCurrentIndex(other.format.findData("doccano"))
        other.path.setText(str(Path.home() / "Downloads" / "doccano-export" / "all.jsonl"))
        other.show()
        app.processEvents()
        out = ROOT / "docs" / "import_other.png"
        other.grab().save(str(out))
        print(f"wrote {out.relative_to(ROOT)}")
        export.close()
        other.close()
        window.close()


if __name__ == "__main__":
    main()
