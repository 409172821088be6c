"""The reliability report rendered by headless Chromium, for README:

    .venv/bin/python tools/shot_report.py docs/report.png

The demo articles coded by three coders as in ``tools/screenshot.py --agreement`` (seeded),
in three calibration rounds, with gold accepted where two of three agree and two articles
adjudicated; the report in both languages (2,000 resamples, seed 1), shot at 1200 pixels wide.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(1, str(Path(__file__).resolve().parents[1]))
sys.path.insert(1, str(Path(__file__).resolve().parent))

from annotator.core.demo import create_demo_project  # noqa: E402
from annotator.core.gold_fill import accept  # noqa: E402
from annotator.core.html_report import write_html_report  # noqa: E402
from screenshot import three_coders  # noqa: E402

ROUNDS = [("training 1", "2026-11-02", 2), ("training 2", "2026-11-09", 1),
          ("main", "2026-11-20", 2)]


def demo_study(folder: Path) -> Path:
    path = folder / "demo.annot"
    with create_demo_project(path) as project:
        three_coders(project)
        ids = project.articles.ids()
        first = 0
        for name, day, count in ROUNDS:
            project.rounds.add(name, day, ids[first:first + count])
            first += count
        accept(project, 2)
        for article_id in ids[:2]:
            project.gold.set_status(article_id, "done")
    return path


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/report.png").resolve()
    folder = Path(tempfile.mkdtemp())
    html = folder / "report.html"
    write_html_report(demo_study(folder), html, seed=1)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--user-data-dir={folder / 'profile'}", f"--screenshot={out}",
                    "--window-size=1200,2400", html.as_uri()], check=True,
                   capture_output=True)
    print(f"wrote {out} (from {html})")


if __name__ == "__main__":
    main()
