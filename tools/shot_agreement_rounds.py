"""Screenshot of the Agreement window's Rounds tab, on a virtual screen:

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python tools/shot_agreement_rounds.py \
        docs/agreement_rounds.png

The demo articles coded by three coders as in ``tools/screenshot.py --agreement`` (drawn at
random, seeded), grouped into three calibration rounds; the window is opened from the lead's
window, compared on the round "training 2", with the round by round trend shown.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(1, str(Path(__file__).resolve().parents[1]))
sys.path.insert(1, str(Path(__file__).resolve().parent))


from annotator.core.demo import create_demo_project  # noqa: E402
from shot_seeds import shoot_when_drawn  # noqa: E402
from annotator.gui.app import application, build_adjudication_window  # noqa: E402
from screenshot import three_coders  # noqa: E402

ROUNDS = [("training 1", "2026-11-02", 2), ("training 2", "2026-11-09", 1),
          ("main", "2026-11-20", 2)]


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "docs/agreement_rounds.png"
    app = application()
    path = Path(tempfile.mkdtemp(), "demo.annot")
    with create_demo_project(path) as project:
        three_coders(project)
        ids = project.articles.ids()
        first = 0
        for name, day, count in ROUNDS:
            project.rounds.add(name, day, ids[first:first + count])
            first += count
    lead = build_adjudication_window(path)
    lead.show()
    agreement = lead.show_agreement()
    agreement.resize(1200, 860)
    agreement.splitter.setSizes([330, 190, 300])
    agreement.move(0, 0)
    box = agreement.filters.round_box
    box.setCurrentIndex(box.findData("training 2"))
    agreement.tabs.setCurrentWidget(agreement.trend)

    shoot_when_drawn(app, agreement, out)


if __name__ == "__main__":
    main()
