"""Screenshot of Project → Merge returned copies…, on a virtual screen:

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python tools/shot_merge.py

writes docs/merge.png. The master holds the demo articles and the two seed pages
(../shared/seeds); alice's first copy was merged already. The dialog previews four returned
files: alice's first copy (edited again since), bob's copy, a second copy of alice's (which
edited the same span: a conflict, selected, listed below the table) and carol's copy of another
project (refused, in red).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(1, str(ROOT))  # the checkout, not an installed copy

from annotator.core.assign import assign  # noqa: E402
from annotator.core.demo import create_demo_project  # noqa: E402
from annotator.core.importers import import_paths  # noqa: E402
from annotator.core.merge import merge_at  # noqa: E402
from annotator.core.session import Session  # noqa: E402
from annotator.core.store import Project  # noqa: E402
from shot_seeds import SEEDS, add_seeds  # noqa: E402
from annotator.gui.app import application, build_adjudication_window  # noqa: E402

LABELS = ("security_concern", "economic_interest", "self_reliance")


def copy_of(master: Path, coder: str, out: Path) -> Path:
    with Project.open(master) as project:
        assign(project, coder, out)
    return out


def code(path: Path, coder: str, spans: int, articles: int = 2) -> None:
    """``spans`` spans in each of the first ``articles`` articles, each answered."""
    session = Session(Project.open(path), coder)
    try:
        for article_id in [a.id for a in session.articles()][:articles]:
            opened = session.open_article(article_id)
            for k in range(spans):
                start, end = opened.bounds[4 + 5 * k][0], opened.bounds[6 + 5 * k][1]
                session.add_span(opened, LABELS[k % 3], start, end)
            session.set_code(article_id, "relevance", True)
    finally:
        session.close()


def relabel_first(path: Path, label: str) -> None:
    with Project.open(path) as project:
        span = project.annotations.list()[0]
        project.annotations.update(span.uuid, label=label)


def files(folder: Path) -> tuple[Path, list[Path]]:
    master = folder / "study.annot"
    project = create_demo_project(master)
    try:
        add_seeds(project)
    finally:
        project.close()
    alice = copy_of(master, "alice", folder / "alice.annot")
    code(alice, "alice", 3)
    merge_at(master, [alice])
    second = copy_of(master, "alice", folder / "alice-second-laptop.annot")
    relabel_first(alice, "economic_interest")
    relabel_first(second, "self_reliance")
    code(alice, "alice", 1, articles=3)  # more work on her first copy
    bob = copy_of(master, "bob", folder / "bob.annot")
    code(bob, "bob", 4)
    with Project.open(bob) as project:  # bob deleted one of his spans again
        project.annotations.delete(project.annotations.list()[-1].uuid)
    other = folder / "last-year.annot"
    with Project.create(other) as project:
        import_paths(project, [SEEDS[1]])
    carol = copy_of(other, "carol", folder / "carol.annot")
    code(carol, "carol", 2, articles=1)
    return master, [alice, bob, second, carol]


def main() -> None:
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        master, returned = files(Path(tmp))
        window = build_adjudication_window(master, if_open_elsewhere="read_only")
        window.show()
        from annotator.gui.merge_dialog import MergeDialog

        dialog = MergeDialog(window)
        dialog.show()
        dialog.add_paths(returned)
        dialog.table.selectRow(2)
        dialog.files.setCurrentRow(2)
        app.processEvents()
        out = ROOT / "docs" / "merge.png"
        dialog.grab().save(str(out))
        print(f"wrote {out}")
        dialog.close()
        window.close()


if __name__ == "__main__":
    main()
