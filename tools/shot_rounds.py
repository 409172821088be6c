"""Screenshot of Project → Calibration rounds…, on a virtual screen:

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python tools/shot_rounds.py

writes docs/rounds.png. The master holds the demo articles and the two seed pages
(../shared/seeds), with rounds "training 1" (three articles) and "training 2" (two); the dialog
shows "training 2", opened over the lead's window.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(1, str(ROOT))  # the checkout, not an installed copy

from shot_seeds import study  # noqa: E402

from annotator.gui.app import application, build_adjudication_window  # noqa: E402


def master(folder: Path) -> Path:
    return study(folder, [("training 1", "2026-11-20", slice(0, 3)),
                          ("training 2", "2026-11-27", slice(3, 5)),
                          ("reliability", "", slice(0, 0))])


def main() -> None:
    from annotator.gui.rounds_dialog import RoundsDialog

    out = ROOT / "docs" / "rounds.png"
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        window = build_adjudication_window(master(Path(folder)))
        window.show()
        dialog = RoundsDialog(window)
        dialog.table.setCurrentItem(dialog.table.topLevelItem(1))
        dialog.members.seed.setValue(4711)
        dialog.members.sample_size.setValue(2)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(out))
        print(f"wrote {out.relative_to(ROOT)} ({dialog.width()}x{dialog.height()})")
        dialog.close()
        window.close()


if __name__ == "__main__":
    main()
