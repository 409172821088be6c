"""A study for the reliability report tests: real seed articles, three coders' spans and
answers, two calibration rounds, a gold layer, and a title that tries to be HTML."""

from __future__ import annotations

from pathlib import Path

from tests.round_projects import code, make_master, token_span

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


def make_study(tmp_path: Path, seed_files: list[Path], rounds: bool = True,
               gold: bool = True) -> Path:
    """The master project's path (closed): articles a0..a5, alice, bob and carol done on all
    of them, rounds r1 (a0-a2) and r2 (a3-a5), gold on a0 and a1 (adjudicated done)."""
    master = make_master(tmp_path, seed_files)
    try:
        ids = master.articles.ids()
        master.articles.set_title(ids[1], HOSTILE)
        if rounds:
            master.rounds.add("r1", "2026-12-01", ids[:3])
            master.rounds.add("r2", "2026-12-08", ids[3:])
        for k, aid in enumerate(ids):
            code(master, aid, "alice", "security_concern", 2, 8)
            code(master, aid, "bob", "security_concern", 2 + k % 3, 9 + k)
            code(master, aid, "carol", "security_concern", 3, 8)
            code(master, aid, "alice", "economic_interest", 14, 17)
            code(master, aid, "bob", "economic_interest", 14, 16)
            for coder, answer in (("alice", True), ("bob", k % 2 == 0), ("carol", k != 4)):
                master.codes.set(aid, coder, "relevance", answer)
        if gold:
            for aid in ids[:2]:
                start, end = token_span(master, aid, 2, 8)
                master.gold.add(aid, "security_concern", start, end, decided_by="lead")
                master.gold.set_status(aid, "done")
        return master.path
    finally:
        master.close()
