"""A study made to break offset conversions, shared by the tests of every interchange format:
texts with 𠮷 (outside the BMP), an emoji ZWJ sequence 👩‍💻, a combining mark (か゚), CRLF
and a BOM in the sources, three coders with overlapping and nested spans and notes, and gold.

``hard_project(folder)`` returns the path of a project file holding it; ``HARD_SPANS`` lists
what each coder marked as (article id, coder, label, covered text), so a test can check that a
round trip lands every span on the same characters."""

from __future__ import annotations

import json
from pathlib import Path

ARTICLES = [
    ("hard-1", "𠮷野家と👩‍💻", "\ufeff𠮷野家の社長は👩‍💻を雇った。\r\n安全保障上の懸念が広がる。\r\nか゚の音は珍しい。"),
    ("hard-2", "経済と自立", "半導体の輸出規制は経済的利益を損なう😀。\r\n国産化を急ぐべきだ、と𠮷田氏は述べた。"),
    ("web/p1", "same name 1", "安全保障と経済の記事です。"),
    ("web_p1", "same name 2", "自立・国産化についての別の記事です。"),
]

#: (article id, coder, label, covered text, note); overlapping and nested on purpose.
HARD_SPANS = [
    ("hard-1", "alice", "security_concern", "𠮷野家の社長", "astral 𠮷"),
    ("hard-1", "bob", "economic_interest", "👩‍💻を雇った", "ZWJ\tsequence"),
    ("hard-1", "carol", "security_concern", "安全保障上の懸念", "line\u2028break"),
    ("hard-1", "alice", "self_reliance", "か゚の音", ""),
    ("hard-1", "bob", "security_concern", "社長は👩‍💻", "overlaps alice"),
    ("hard-2", "alice", "economic_interest", "経済的利益を損なう😀", ""),
    ("hard-2", "bob", "economic_interest", "経済的利益", "nested in alice's"),
    ("hard-2", "carol", "self_reliance", "国産化を急ぐべきだ", "note with\r\nCRLF"),
    ("hard-2", "carol", "economic_interest", "𠮷田氏", ""),
    ("web/p1", "alice", "security_concern", "安全保障", ""),
    ("web/p1", "bob", "security_concern", "安全保障", "agrees with alice: gold by majority"),
    ("web_p1", "bob", "self_reliance", "自立・国産化", ""),
]


def stored_text(raw: str) -> str:
    """The text as the project stores it (BOM dropped, CRLF as LF)."""
    return raw.lstrip("\ufeff").replace("\r\n", "\n")


def hard_jsonl(folder: Path) -> Path:
    """The study as our JSONL (raw texts with their BOM and CRLF; offsets into the stored
    text, which import accepts for CRLF texts)."""
    lines = []
    for article_id, title, raw in ARTICLES:
        text = stored_text(raw)
        annotations = []
        for art, coder, label, covered, note in HARD_SPANS:
            if art != article_id:
                continue
            start = text.index(covered)
            annotations.append({"coder": coder, "label": label, "start": start,
                                "end": start + len(covered), "text": covered, "note": note})
        status = {coder: "done" for coder in ("alice", "bob", "carol")}
        lines.append(json.dumps({"id": article_id, "title": title, "text": text,
                                 "annotations": annotations, "status": status},
                                ensure_ascii=False))
    path = folder / "hard.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def hard_project(folder: Path, gold: bool = True) -> Path:
    """A project file with the study (and, with ``gold``, a gold layer: what a majority of the
    coders marked identically; here two coders share one span, so gold has it)."""
    from annotator.core.gold_fill import accept, parse_rule
    from annotator.core.importers import import_paths
    from annotator.core.store import Project

    path = folder / "hard.annot"
    with Project.create(path) as project:
        import_paths(project, [hard_jsonl(folder)], processes=1)
        if gold:
            accept(project, parse_rule("majority"), None)
    return path


def study_spans(project) -> set[tuple]:
    """(article id, coder, label, covered text, note) of every live span: what a round trip
    through another tool's format must keep."""
    ids = {s.id: s.external_id for s in project.articles.summaries()}
    return {(ids[a.article_id], a.coder, a.label, a.text, a.note)
            for a in project.annotations.list()}


def import_from(source: Path, into: Path, fmt: str) -> Path:
    """A new project at ``into`` holding what ``annotator import --from FMT`` reads of ``source``."""
    from annotator.core.importers import import_paths
    from annotator.core.store import Project

    into.parent.mkdir(parents=True, exist_ok=True)
    with Project.create(into) as project:
        import_paths(project, [source], processes=1, source=fmt)
    return into
