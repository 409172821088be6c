"""Durability: SIGKILL the real window at random moments; no acknowledged edit may be lost.

    python benchmarks/durability.py [--kills 100] [--articles 20] [--max-run 2.0] [--seed N]

"Every edit is saved to the project file as you make it" is a promise about crashes, so this
tests it with the harshest crash there is. A child process runs the real main window
(``build_main_window`` under ``QT_QPA_PLATFORM=offscreen``, shown, an article open) and edits
through the window's own methods in a loop: select a token range and tag it, delete, set a
note, relabel, undo, redo, mark done and go on. Before each edit it writes what it is about to
touch (``try``), and after the window's method has returned, what the window now shows for it
(``ack``: the span live with its label and note, or gone; the article's status), one JSON line,
flushed. The parent starts a child on the project, waits until its window is up, lets it run
for a random 0 to --max-run seconds, kills it with SIGKILL and then opens the file with
``Project`` (as the app does after a crash) and checks that every object holds the state of
its last ``ack``. Only the one edit in flight when the kill came (a ``try`` with no ``ack``) may
have landed either way. Each child carries on with the same file. At the end ``annotator
check`` (``integrity.problems``) runs on the file.

It prints kills, edits acknowledged, lost acknowledged edits (goal 0) and integrity problems
(goal 0). Exit 1 if an acknowledged edit was lost, the file is damaged, or a child crashed or
hung; 0 otherwise. The temporary folder is removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(CHECKOUT))  # the checkout is what is tested, not an installed copy

CODER = "durability"
READY_TIMEOUT = 120.0  # start-up on a loaded two-core machine
CHILD_LIFETIME = 300.0  # a child that outlives this (its parent gone) ends itself
NOTES = ("要確認", "see 2nd para", "境界が曖昧\n次の文も", "😀 ok", "")


# --- the child: the real window, edited by its own methods ------------------------------


def child(path: Path, seed: int) -> None:
    """Edit the project through the window until killed, one ``try`` and ``ack`` per edit."""
    from annotator.gui.app import application, build_main_window

    started, parent = time.monotonic(), os.getppid()
    app = application()
    window = build_main_window(path, CODER, if_open_elsewhere="cancel")
    if window is None:
        raise SystemExit("the project is open in another instance")
    window.show()
    app.processEvents()
    rng = random.Random(seed)
    labels = [label.id for label in window.schema.labels]
    article_of: dict[str, int] = {}  # span -> article, for spans this child touched
    undo: list[tuple] = []  # mirror of the window's undo history (the objects of each step)
    redo: list[tuple] = []

    def say(**line: object) -> None:
        print(json.dumps(line, ensure_ascii=False), flush=True)

    def shown() -> dict[str, object]:
        return {a.uuid: a for a in window.spans.spans_model.spans}

    def state(obj: tuple) -> list:
        """What the window shows for ``obj`` now."""
        if obj[0] == "status":
            row = next(r for r in window.articles.model.rows if r.id == obj[1])
            return [row.status(window.session.coder)]
        if window.current_article_id != article_of.get(obj[1], window.current_article_id):
            ann = window.session.annotation(obj[1])  # not on screen: as the window would load it
            return ["gone"] if ann.deleted else ["live", ann.label, ann.note]
        ann = shown().get(obj[1])
        return ["gone"] if ann is None else ["live", ann.label, ann.note]

    def ack(obj: tuple) -> None:
        say(ack=list(obj), state=state(obj))

    say(ready=True)
    while True:
        if time.monotonic() - started > CHILD_LIFETIME or os.getppid() != parent:
            return
        app.processEvents()
        window.last_error = ""
        spans = shown()
        roll = rng.random()
        if roll < 0.10 and undo:
            obj = undo[-1]
            say(trying=list(obj), op="undo")
            if window.undo():
                redo.append(undo.pop())
                ack(obj)
        elif roll < 0.13 and redo:
            obj = redo[-1]
            say(trying=list(obj), op="redo")
            if window.redo():
                undo.append(redo.pop())
                ack(obj)
        elif roll < 0.15 and window.opened is not None:
            obj = ("status", window.current_article_id)
            say(trying=list(obj), op="done")
            window.mark_done_and_next()
            if not window.last_error:
                undo.append(obj)
                redo.clear()
                ack(obj)
        elif roll < 0.40 and spans:
            uuid = rng.choice(sorted(spans))
            obj = ("span", uuid)
            article_of[uuid] = spans[uuid].article_id
            op = rng.choice(("delete", "note", "note", "relabel"))
            say(trying=list(obj), op=op)
            if op == "delete":
                window.view.select_span(uuid)
                window.delete_selected_span()
                done = not window.last_error and uuid not in shown()
            elif op == "note":
                done = window.set_note(uuid, rng.choice(NOTES) + str(rng.randrange(1000)))
            else:
                window.relabel_span(uuid, rng.choice([x for x in labels if x != spans[uuid].label]))
                done = not window.last_error
            if done:
                undo.append(obj)
                redo.clear()
                ack(obj)
        elif window.opened is not None:
            bounds = window.opened.bounds
            first = rng.randrange(len(bounds))
            last = min(len(bounds) - 1, first + rng.randrange(4))
            say(trying=[], op="add")
            window.view.select_span(None)  # else an empty selection would relabel that span
            window.view.select_range(bounds[first][0], bounds[last][1])
            window.tag_selection(rng.choice(labels))
            new = [u for u in shown() if u not in spans]
            if len(new) == 1 and not window.last_error:
                article_of[new[0]] = window.current_article_id
                undo.append(("span", new[0]))
                redo.clear()
                ack(("span", new[0]))


# --- the parent: kill, then look in the file ----------------------------------------------


def make_project(folder: Path, articles: int, seed: int) -> Path:
    from bench_import import make_articles, write_articles

    from annotator.core.importers import import_paths
    from annotator.core.store import Project

    write_articles(folder / "articles", make_articles(articles, seed))
    path = folder / "durability.annot"
    with Project.create(path, name="durability") as project:
        import_paths(project, [folder / "articles"], processes=1)
        for article in project.articles.ids():  # the required article code, so done is allowed
            project.codes.set(article, CODER, "relevance", False)
    return path


def run_child(path: Path, folder: Path, n: int, seed: int, max_run: float) -> list[dict]:
    """Start a child, kill it at a random moment after its window is up; its JSON lines."""
    out, err = folder / f"child{n}.out", folder / f"child{n}.err"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "FRAMING_ANNOTATOR_HOME": str(folder / "home")}
    with out.open("wb") as stdout, err.open("wb") as stderr:
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", str(path), "--seed", str(seed)],
            stdout=stdout, stderr=stderr, env=env, cwd=CHECKOUT,
        )
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        while b'"ready"' not in out.read_bytes():
            if proc.poll() is not None:
                raise SystemExit(f"child {n} ended before its window was up:\n"
                                 + err.read_text(errors="replace")[-2000:])
            if time.monotonic() > deadline:
                raise SystemExit(f"child {n}: no window after {READY_TIMEOUT:.0f} s (hung)")
            time.sleep(0.02)
        time.sleep(random.Random(seed).uniform(0.0, max_run))
        if proc.poll() is not None:
            raise SystemExit(f"child {n} ended by itself (code {proc.returncode}):\n"
                             + err.read_text(errors="replace")[-2000:])
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    lines = []
    for raw in out.read_text(encoding="utf-8").split("\n"):
        try:
            lines.append(json.loads(raw))
        except ValueError:
            pass  # an empty last line (a kill cannot cut a flushed line short)
    return lines


def in_file(path: Path, objs: list[tuple]) -> dict[tuple, list]:
    """The state of each object in the file, opened as the app opens it after a crash."""
    from annotator.core.store import Project

    with Project.open(path) as project:
        found: dict[tuple, list] = {}
        for obj in objs:
            if obj[0] == "status":
                found[obj] = [project.statuses.get(obj[1], CODER)]
            else:
                row = project.db.execute(
                    "SELECT label, note, deleted_at FROM annotations WHERE uuid = ?", [obj[1]]
                ).fetchone()
                found[obj] = ["gone"] if row is None or row[2] else ["live", row[0], row[1]]
        return found


def problems(path: Path) -> list[str]:
    from annotator.core.store import Project
    from annotator.core.store.integrity import problems as check

    with Project.open(path) as project:
        return check(project)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=100, help="children to kill (100)")
    parser.add_argument("--articles", type=int, default=20, help="articles in the project (20)")
    parser.add_argument("--max-run", type=float, default=2.0,
                        help="a child edits for a random 0 to this many seconds (2.0)")
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.seed)
        return 0

    folder = Path(tempfile.mkdtemp(prefix="durability_"))
    try:
        path = make_project(folder, args.articles, args.seed)
        expected: dict[tuple, list] = {}  # object -> the state of its last ack
        acks, mid_edit, lost, damaged = 0, 0, [], []
        started = time.monotonic()
        for n in range(1, args.kills + 1):
            lines = run_child(path, folder, n, args.seed * 1000 + n, args.max_run)
            in_flight: list[tuple] = []
            for line in lines:
                if "trying" in line:
                    in_flight = [tuple(line["trying"])] if line["trying"] else []
                elif "ack" in line:
                    expected[tuple(line["ack"])] = line["state"]
                    acks += 1
                    in_flight = []
            mid_edit += bool(lines) and "trying" in lines[-1]
            actual = in_file(path, list(expected))
            for obj, want in expected.items():
                if obj not in in_flight and actual[obj] != want:
                    lost.append(f"kill {n}: {obj[0]} {obj[1]}: acknowledged {want}, "
                                f"file has {actual[obj]}")
            expected.update(actual)  # from here on the file is what the next child sees
            damaged += [f"kill {n}: {p}" for p in problems(path)]
            if n % 10 == 0 or n == args.kills:
                print(f"  {n} kills: {acks} edits acknowledged, {len(lost)} lost, "
                      f"{len(damaged)} integrity problems so far", flush=True)
        final = problems(path)
        print(f"\ndurability: {args.kills} kills in {time.monotonic() - started:.0f} s, "
              f"{args.articles} articles, {os.cpu_count()} cores")
        print(f"acknowledged edits:  {acks}  ({mid_edit} kills came during an edit)")
        print(f"spans and statuses checked after every kill: {len(expected)}")
        print(f"lost edits:          {len(lost)}  (goal 0)")
        print(f"integrity problems:  {len(final)} at the end, {len(damaged)} after kills  (goal 0)")
        for text in (lost + damaged + final)[:20]:
            print("  " + text)
        return 1 if lost or damaged or final else 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
