"""A quick end-to-end check of a machine or a frozen build: tokenizer, project file, export."""

from __future__ import annotations

import io
import json
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

SENTENCE = "𠮷田氏は安全保障上の懸念を示した。👍"
#: What the tokenizer must return for SENTENCE: (start, end) code-point offsets and surfaces.
EXPECTED = [
    (0, 1, "𠮷"), (1, 2, "田"), (2, 3, "氏"), (3, 4, "は"), (4, 6, "安全"), (6, 8, "保障"),
    (8, 9, "上"), (9, 10, "の"), (10, 12, "懸念"), (12, 13, "を"), (13, 15, "示し"),
    (15, 16, "た"), (16, 17, "。"), (17, 18, "👍"),
]


def check_tokenizer() -> str:
    from annotator.core.tokenizer import tokenize

    got = [(t.start, t.end, t.surface) for t in tokenize(SENTENCE)]
    if got != EXPECTED:
        raise AssertionError(f"tokens differ: {got}")
    return f"{len(got)} tokens with correct offsets"


def check_project() -> str:
    from annotator.core.exporters import write_jsonl
    from annotator.core.importers import import_paths
    from annotator.core.store import Project

    with tempfile.TemporaryDirectory(prefix="annotator selfcheck ") as tmp:
        source = Path(tmp, "記事.jsonl")
        line = {
            "id": "check-1",
            "text": "見出し\r\n" + SENTENCE,
            "annotations": [{"coder": "selfcheck", "label": "security_concern",
                             "start": 9, "end": 17, "note": "checked"}],
            "status": {"selfcheck": "done"},
        }
        source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
        with Project.create(Path(tmp, "一.annot")) as first:
            import_paths(first, [source])
            ann = first.annotations.list()[0]
            if ann.text != "安全保障上の懸念" or (ann.start, ann.end) != (8, 16):
                raise AssertionError(f"annotation moved: {ann}")
            exported = io.StringIO()
            write_jsonl(first, exported)
        again = Path(tmp, "again.jsonl")
        again.write_text(exported.getvalue(), encoding="utf-8")
        with Project.create(Path(tmp, "二.annot")) as second:
            import_paths(second, [again])
            round_trip = io.StringIO()
            write_jsonl(second, round_trip)
        if round_trip.getvalue() != exported.getvalue():
            raise AssertionError("export -> import -> export changed the data")
    return "project created, imported, annotated, exported and re-imported identically"


CHECKS: list[tuple[str, Callable[[], str]]] = [
    ("tokenizer", check_tokenizer),
    ("project", check_project),
]


def run_selfcheck(extra: list[tuple[str, Callable[[], str]]] | None = None) -> tuple[bool, list[str]]:
    """Run every check; returns (all passed, report lines). Never raises."""
    from annotator import __version__

    lines = [f"framing-annotator {__version__} selfcheck"]
    ok = True
    for name, check in CHECKS + (extra or []):
        try:
            lines.append(f"ok    {name}: {check()}")
        except Exception as exc:  # a selfcheck reports every failure, it never crashes
            ok = False
            lines.append(f"FAIL  {name}: {exc}")
            lines.extend("      " + row for row in traceback.format_exc().splitlines()[-6:])
    lines.append("selfcheck passed" if ok else "selfcheck FAILED")
    return ok, lines
