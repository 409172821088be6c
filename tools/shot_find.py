"""Screenshot of find in the article (Ctrl+F) at 1280x800, on a virtual screen:

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/shot_find.py [OUT.png]

writes docs/find.png unless told otherwise. The project holds the two seed pages
(../shared/seeds), cleaned; the article list is searched for "H200" and the second seed opened
from it: the find bar opens on the first match; a span is tagged over the fourth, then F3 twice
goes on to the third.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(1, str(ROOT))  # the checkout, not an installed copy

from shot_seeds import add_seeds, shoot_when_drawn  # noqa: E402

from annotator.core.store import Project  # noqa: E402
from annotator.gui.app import application, build_main_window  # noqa: E402

TERM = "H200"


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "find.png"
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seeds.annot"
        with Project.create(path) as project:
            add_seeds(project)
            second = project.articles.ids()[1]
            text = project.articles.get(second).text
        window = build_main_window(path, "alice")
        window.resize(1280, 800)
        window.show()
        window.articles.search_box.setText(TERM)
        window.articles.apply_filter()
        window.open_article(second)
        stretch = "H200チップも同様の制約を受ける"
        if stretch in text:  # a span under a match: the find colour over it, its underline kept
            at = text.index(stretch)
            window.view.select_range(at, at + len(stretch))
            window.tag_selection("economic_interest")
        window.find_bar.find_next()
        window.find_bar.find_next()
        window.find_bar.field.setFocus()
        shoot_when_drawn(app, window, out)
        window.close()


if __name__ == "__main__":
    main()
