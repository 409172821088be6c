"""Take the README screenshots on a (virtual) screen with a CJK font, e.g. on Debian:

    apt-get install xvfb fonts-noto-cjk
    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python tools/screenshot.py docs/screenshot.png
    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python tools/screenshot.py --agreement \
        docs/agreement.png
    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python tools/screenshot.py --adjudication \
        docs/adjudication.png

``--dark`` shoots any of them with a dark palette and colour scheme, as a system in dark mode
gives them (docs/agreement-dark.png, docs/adjudication-dark.png).

In Japanese (docs/screenshot-ja.png, docs/adjudication-ja.png), with the interface's language
set by the environment:

    FRAMING_ANNOTATOR_LANG=ja xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python \
        tools/screenshot.py docs/screenshot-ja.png

The checkout is what is shot, not an installed copy (see the top of the code). The first is the
annotation window on the demo articles with a few spans and the article codes answered; the
second the Agreement window with three coders whose spans and answers are drawn at random
(seeded), so they agree often but not always. The third is the lead's adjudication window on a
master holding the two seed articles (../shared/seeds) coded the same way by three coders, with
the majority-agreed spans accepted into gold and one coder span picked.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

# The checkout first on sys.path: a non-editable install in the environment would otherwise be
# what the screenshots show.
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from annotator.core.demo import create_demo_project
from annotator.core.store import Project
from annotator.core.tokenizer import tokenizer_id
from annotator.gui.app import application, build_main_window

SPANS = [  # (text to find, label)
    ("最先端チップが軍事転用され、米国の安全保障を損なう", "security_concern"),
    ("安全保障", "economic_interest"),
    ("失われた市場を取り戻す好機だ", "economic_interest"),
    ("国産化を急ぐべきだ", "self_reliance"),
]

CODES = [("relevance", True), ("primary_frame", "security_concern"), ("tone", "negative")]


def three_coders(project: Project) -> None:
    rng = random.Random(3)
    labels = project.schema.label_ids
    for article_id in project.articles.ids():
        bounds = project.tokens.bounds(article_id, tokenizer_id())
        shared = [(rng.randrange(len(bounds) - 8), rng.randrange(1, 6), rng.choice(labels))
                  for _ in range(6)]
        for coder in ("alice", "bob", "carol"):
            for first, width, label in shared:
                if rng.random() < 0.3:
                    first += 1
                if rng.random() < 0.15:
                    label = rng.choice(labels)
                project.annotations.add(article_id, coder, label, bounds[first][0],
                                       bounds[first + width][1])
            for variable, value in answers(project, rng, article_id, coder):
                project.codes.set(article_id, coder, variable, value)
            project.statuses.set(article_id, coder, "done")


def answers(project: Project, rng: random.Random, article_id: int, coder: str) -> list:
    """Article codes that agree often but not always: a shared answer per article (drawn from
    the article id), changed for one coder now and then."""
    shared = random.Random(article_id)
    frames = project.schema.variable("primary_frame").option_ids
    tones = project.schema.variable("tone").option_ids
    out = [("relevance", shared.random() < 0.8 or rng.random() < 0.2)]
    if out[0][1]:
        frame, tone = shared.choice(frames[:3]), shared.choice(tones)
        if rng.random() < 0.2:
            frame = rng.choice(frames)
        if rng.random() < 0.25:
            tone = rng.choice(tones)
        out += [("primary_frame", frame), ("tone", tone)]
    return out


def annotation_window(path: Path) -> QWidget:
    window = build_main_window(path, "hanako")
    window.resize(1440, 860)
    window.show()
    text = window.view.text
    for needle, label in SPANS:
        start = text.find(needle)
        if start >= 0:
            window.view.select_range(start, start + len(needle))
            window.tag_selection(label)
    article_id = window.current_article_id
    for variable, value in CODES:  # through the window, as a coder's clicks would
        window.answer_code(variable, value)
    spans = window.session.spans(article_id)
    if spans:
        window.spans.selectRow(len(spans) - 1)
    return window


def agreement_window(path: Path) -> QWidget:
    from annotator.gui.app import build_adjudication_window

    window = build_adjudication_window(path)  # the lead's window: no coder registered
    window.show()
    agreement = window.show_agreement()
    agreement.resize(1200, 700)
    agreement.move(0, 0)
    return agreement


def adjudication_window(path: Path) -> QWidget:
    from annotator.gui.app import build_adjudication_window
    from shot_seeds import add_seeds
    with Project.create(path) as project:
        add_seeds(project)
        three_coders(project)
        first, second = project.articles.ids()[:2]
        project.statuses.set(second, "carol", "in_progress")  # the list shows every status
        project.rounds.add("training 1", "2026-12-01", [first, second])
    window = build_adjudication_window(path)
    window.resize(1440, 860)
    window.move(0, 0)
    window.show()
    window.accept_agreed("majority")
    spans = [x for lane in window.session.lanes(window.current_id) for x in lane.spans]
    partial = [x.span for x in spans if x.agreement == "partial"]
    if partial:  # the partly agreed span with the most spans near it, near the top of the text
        crowded = max(partial, key=lambda a: sum(abs(x.span.start - a.start) < 250 for x in spans))
        window.view.verticalScrollBar().setValue(0)
        window.pick(crowded.uuid)
        cursor = window.view.cursorRect()
        bar = window.view.verticalScrollBar()
        bar.setValue(bar.value() + cursor.top() - 80)
    return window


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=None)
    parser.add_argument("--agreement", action="store_true", help="the Agreement window")
    parser.add_argument("--adjudication", action="store_true", help="the adjudication window")
    parser.add_argument("--dark", action="store_true",
                        help="a dark palette and colour scheme, as a system in dark mode gives")
    args = parser.parse_args()
    out = args.out or ("docs/agreement.png" if args.agreement else "docs/adjudication.png"
                       if args.adjudication else "docs/screenshot.png")
    app = application()
    if args.dark:
        from PySide6.QtCore import Qt

        from annotator.gui.colors import dark_palette

        app.setPalette(dark_palette())
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
    path = Path(tempfile.mkdtemp(), "demo.annot")
    if args.adjudication:
        widget = adjudication_window(path)
    else:
        with create_demo_project(path) as project:
            if args.agreement:
                three_coders(project)
        widget = agreement_window(path) if args.agreement else annotation_window(path)

    def shoot() -> None:
        frame = widget.frameGeometry()
        shot = widget.screen().grabWindow(0, widget.x(), widget.y(), frame.width(), frame.height())
        shot.save(out)
        print(f"wrote {out} ({shot.width()}x{shot.height()})")
        app.quit()

    QTimer.singleShot(800, shoot)
    app.exec()


if __name__ == "__main__":
    main()
