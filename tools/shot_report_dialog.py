"""Screenshot of Tools → Reliability report… on a virtual screen:

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python tools/shot_report_dialog.py \
        docs/report_dialog.png

The lead's window on the demo study of ``tools/shot_report.py`` (three coders, three rounds),
the dialog with the round "main" chosen and a seed typed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(1, str(Path(__file__).resolve().parents[1]))
sys.path.insert(1, str(Path(__file__).resolve().parent))


from shot_seeds import shoot_when_drawn  # noqa: E402
from annotator.gui.app import application, build_adjudication_window  # noqa: E402
from shot_report import demo_study  # noqa: E402


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "docs/report_dialog.png"
    app = application()
    lead = build_adjudication_window(demo_study(Path(tempfile.mkdtemp())))
    lead.show()
    dialog = lead.show_report()
    dialog.round.setCurrentIndex(dialog.round.findData("main"))
    dialog.seed.setText("20261202")
    dialog.move(40, 40)

    shoot_when_drawn(app, dialog, out)


if __name__ == "__main__":
    main()
