"""Screenshot of a coder's window on a blind copy of the seed study, at 1280x800:

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/shot_coder.py /tmp/coder.png
    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/shot_coder.py --dark /tmp/dark.png

The copy is made for alice with `annotator assign`'s function; on the first seed article she has
tagged a few passages (two with notes, one long) and the last one is selected, so the Spans panel,
the codebook following the selection and the title are all in the picture. ``--dark`` gives the
app a dark palette and colour scheme first, as a system in dark mode does.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(1, str(ROOT))  # the checkout, not an installed copy

from annotator.core.assign import assign  # noqa: E402
from annotator.core.session import Session  # noqa: E402
from annotator.core.store import Project  # noqa: E402
from shot_seeds import shoot_when_drawn, study  # noqa: E402

SPANS = [  # (text to find in the first seed, label, note)
    ("安全上の懸念で中国企業が国産AIチップへの切り替えを求める可能性も", "security_concern",
     "米中双方の安全保障上の懸念。国産化の動きにも触れているが、主眼は安全保障。"),
    ("長期的な戦略的布石", "self_reliance", ""),
    ("トランプ政権はAI(人工知能)半導体の対中輸出規制の緩和を検討している", "economic_interest",
     "規制緩和=経済的利益の枠組み"),
]


def blind_copy(folder: Path) -> tuple[Path, int]:
    """alice's copy of the seed study, with her spans on the first seed (its id returned)."""
    master = study(folder, [("main", "2026-12-01", slice(None))])
    with Project.open(master) as project:
        project.set_meta("name", "H200 export study")
        copy = folder / "study-alice.annot"
        assign(project, "alice", copy)
    with Project.open(copy) as project:
        session = Session(project, "alice")
        article_id = next(i for i in project.articles.ids()
                          if SPANS[0][0] in project.articles.get(i).text)
        opened = session.open_article(article_id)
        for text, label, note in SPANS:
            start = opened.article.text.index(text)
            session.add_span(opened, label, start, start + len(text))
            if note:
                ann = next(a for a in session.spans(article_id) if a.start == start)
                session.edit_note(ann, note)
    return copy, article_id


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    from annotator.gui.app import application, build_main_window

    app = application()
    if args.dark:
        from annotator.gui.colors import dark_palette

        app.setPalette(dark_palette())
    with tempfile.TemporaryDirectory() as tmp:
        path, article_id = blind_copy(Path(tmp))
        window = build_main_window(path, "alice")
        window.articles.select_article(article_id)
        window.resize(1280, 800)
        window.move(0, 0)
        window.show()
        window.spans.selectRow(len(SPANS) - 1)
        shoot_when_drawn(app, window, args.out)
        window.close()


if __name__ == "__main__":
    main()
