"""spaCy DocBin export, read back by spaCy itself: texts exact, every span on its characters."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from annotator.core.gold_io import as_annotations
from annotator.core.importers import import_paths
from annotator.core.progress import Cancelled
from annotator.core.store import Project
from annotator.core.tokenizer import token_bounds
from interchange_projects import ARTICLES, HARD_SPANS, hard_project, stored_text
from run_cli import cli, one_line_error

spacy = pytest.importorskip("spacy")
from spacy.tokens import DocBin  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

from annotator.core.interchange.spacy_docbin import export_project  # noqa: E402


def read_docs(path: Path) -> dict[str, object]:
    """The docs of a .spacy file as spaCy reads them, by article id."""
    docs = DocBin().from_disk(path).get_docs(Vocab())
    return {doc.user_data["article_id"]: doc for doc in docs}


def export(path: Path, out: Path, coder: str | None = None) -> str:
    with Project.open(path, read_only=True) as project:
        return export_project(project, out, coder)


def test_hard_study_texts_and_every_coders_spans(tmp_path: Path):
    path = hard_project(tmp_path)
    summary = export(path, tmp_path / "out.spacy")
    docs = read_docs(tmp_path / "out.spacy")
    assert "4 docs, 13 spans (span groups: alice, bob, carol, gold)" in summary
    assert "every span on our token edges" in summary
    export(path, tmp_path / "again.spacy")  # the same project gives the same bytes
    assert (tmp_path / "again.spacy").read_bytes() == (tmp_path / "out.spacy").read_bytes()
    assert list(docs) == [a for a, _, _ in ARTICLES]  # project order, none lost to collisions
    for article_id, title, raw in ARTICLES:
        doc = docs[article_id]
        assert doc.text == stored_text(raw)
        assert doc.user_data["title"] == title
    found = Counter(
        (article_id, group, span.label_, span.text, note)
        for article_id, doc in docs.items() for group in doc.spans
        if group != "gold"
        for span, note in zip(doc.spans[group], doc.user_data["notes"][group], strict=True)
    )
    assert found == Counter(HARD_SPANS)
    # overlaps kept: bob's two spans in hard-1 share 👩‍💻
    bob = docs["hard-1"].spans["bob"]
    assert len(bob) == 2 and bob[0].end > bob[1].start
    # offsets are code points of the stored text
    with Project.open(path, read_only=True) as project:
        ids = {s.id: s.external_id for s in project.articles.summaries()}
        spans = project.annotations.list() + as_annotations(project)
    placed = Counter((ids[s.article_id], s.coder, s.label, s.start, s.end) for s in spans)
    assert placed == Counter(
        (article_id, group, span.label_, span.start_char, span.end_char)
        for article_id, doc in docs.items() for group in doc.spans for span in doc.spans[group]
    )


def test_gold_group_and_spacy_tokens_are_ours(tmp_path: Path):
    path = hard_project(tmp_path)
    export(path, tmp_path / "out.spacy")
    docs = read_docs(tmp_path / "out.spacy")
    gold = docs["web/p1"].spans["gold"]
    assert [(s.text, s.label_) for s in gold] == [("安全保障", "security_concern")]
    assert "gold" not in docs["hard-2"].spans
    for doc in docs.values():
        ours = set(token_bounds(doc.text))
        theirs = {(t.idx, t.idx + len(t.text)) for t in doc}
        assert ours <= theirs  # every token of ours is a spaCy token
        assert all(t.text.isspace() for t in doc if (t.idx, t.idx + len(t.text)) not in ours)


def test_cats_one_hot_from_gold_or_the_coder(tmp_path: Path):
    path = hard_project(tmp_path)
    with Project.open(path) as project:
        first = project.articles.summaries()[0].id
        project.codes.set(first, "alice", "tone", "negative")
        project.codes.set(first, "alice", "relevance", True)
        project.codes.set(first, "bob", "tone", "neutral")
        with project.transaction():
            project.gold.set_answer(first, "primary_frame", "security_concern")
            project.gold.set_answer(first, "relevance", False)
    export(path, tmp_path / "all.spacy")
    doc = read_docs(tmp_path / "all.spacy")["hard-1"]
    assert doc.user_data["cats_from"] == "gold"
    assert doc.cats == {"relevance": 0.0, "primary_frame=security_concern": 1.0,
                        "primary_frame=economic_interest": 0.0,
                        "primary_frame=self_reliance": 0.0, "primary_frame=none": 0.0}
    assert doc.user_data["codes"]["bob"] == {"tone": "neutral"}
    assert read_docs(tmp_path / "all.spacy")["hard-2"].cats == {}

    summary = export(path, tmp_path / "alice.spacy", coder="alice")
    docs = read_docs(tmp_path / "alice.spacy")
    assert "span groups: alice)" in summary
    assert docs["hard-1"].cats == {"relevance": 1.0, "tone=negative": 1.0, "tone=neutral": 0.0,
                                   "tone=positive": 0.0}
    assert set(docs["hard-1"].user_data["codes"]) == {"alice"}
    assert all(set(d.spans) <= {"alice"} for d in docs.values())

    export(path, tmp_path / "gold.spacy", coder="gold")
    docs = read_docs(tmp_path / "gold.spacy")
    assert [set(d.spans) for d in docs.values()] == [set(), set(), {"gold"}, set()]
    assert docs["hard-1"].cats["primary_frame=security_concern"] == 1.0


def test_span_inside_a_token_splits_it_and_is_named(tmp_path: Path):
    path = hard_project(tmp_path)
    with Project.open(path) as project:
        article = project.articles.get(project.articles.summaries()[1].id)
        start = article.text.index("導体")  # 半導体: fugashi has 半 | 導体
        assert (start, start + 2) in token_bounds(article.text)  # the span ends inside it
        project.annotations.add(article.id, "carol", "economic_interest", 0, start + 1)
    summary = export(path, tmp_path / "out.spacy")
    assert "1 spans have an edge inside one of our tokens" in summary
    assert "hard-2 carol economic_interest 0-2 '半導'" in summary
    doc = read_docs(tmp_path / "out.spacy")["hard-2"]
    assert doc.text == article.text
    assert "半導" in [s.text for s in doc.spans["carol"]]
    assert [t.text for t in doc][:3] == ["半", "導", "体"]


def test_whitespace_between_tokens(tmp_path: Path):
    text = "Hello world  and\u3000日本 語\n\n end "
    source = tmp_path / "ws.jsonl"
    spans = [{"coder": "alice", "label": "security_concern", "start": 0, "end": 11},
             {"coder": "alice", "label": "self_reliance", "start": 17, "end": 21}]
    source.write_text(json.dumps({"id": "ws", "title": "t", "text": text,
                                  "annotations": spans}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    path = tmp_path / "ws.annot"
    with Project.create(path) as project:
        import_paths(project, [source], processes=1)
    export(path, tmp_path / "out.spacy")
    doc = read_docs(tmp_path / "out.spacy")["ws"]
    assert doc.text == text
    assert [(t.text, t.whitespace_) for t in doc][:2] == [("Hello", " "), ("world", "")]
    assert [s.text for s in doc.spans["alice"]] == ["Hello world", "日本 語"]
    assert "\u3000" not in "".join(t.whitespace_ for t in doc)  # only U+0020 trails a token


def test_cancelled_writes_nothing(tmp_path: Path):
    path = hard_project(tmp_path)
    out = tmp_path / "out.spacy"

    def cancel(done: int, total: int, what: str = "") -> None:
        if done == 2:
            raise Cancelled()

    with Project.open(path, read_only=True) as project, pytest.raises(Cancelled):
        export_project(project, out, None, cancel)
    assert not out.exists() and list(tmp_path.glob("*.partial")) == []


def test_cli_export_and_import_refused(tmp_path: Path):
    path = hard_project(tmp_path)
    out = tmp_path / "cli.spacy"
    result = cli("export", path, "--format", "spacy", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "4 docs, 13 spans" in result.stderr
    assert len(read_docs(out)) == 4
    refused = cli("import", path, out, "--from", "spacy")  # export only: click refuses it
    assert refused.returncode == 2 and "'spacy' is not one of" in refused.stderr


def test_missing_spacy_is_one_line_naming_the_extra(tmp_path: Path):
    import subprocess

    from run_cli import ROOT

    path = hard_project(tmp_path)
    code = ("import sys; sys.modules['spacy'] = None; from annotator.cli import main; "
            f"sys.argv = ['annotator', 'export', {str(path)!r}, '--format', 'spacy', "
            f"'--out', {str(tmp_path / 'x.spacy')!r}]; main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    error = one_line_error(result)
    assert "pip install 'framing-annotator[spacy]'" in error
    assert not (tmp_path / "x.spacy").exists()
