"""brat export read back the way brat reads it: distinct, portable file names with a mapping
file, spans cut into fragments at every line boundary, notes escaped onto one line."""

from __future__ import annotations

import codecs
import json
import unicodedata
from pathlib import Path

import pytest

from annotator.core.escapes import LINE_BOUNDARIES, escape, unescape
from annotator.core.importers import import_paths
from annotator.core.interchange.brat import MAPPING_FILE, safe_stem, unique_stem
from annotator.core.store import Project
from tests.interchange_projects import ARTICLES, HARD_SPANS, hard_project, stored_text
from tests.run_cli import cli


def brat_read_ann(path: Path) -> tuple[dict, dict]:
    """brat's standoff reader, as brat's ``server/src/annotation.py`` (``Annotations.
    _parse_ann_file``) parses a .ann file: ``codecs.open(path, 'r', 'utf-8').readlines()``
    (which ends a line at every ``str.splitlines`` boundary), each line ``rstrip('\\n')``ed, the
    id before the first TAB, the data before the next TAB and the rest as its tail; a text-bound
    annotation's data is ``TYPE START END;START END...``, a comment's ``TYPE TARGET``; a blank
    text column (``strip()``) is an error to brat.

    Returns T id -> (label, fragments, tail) and target id -> note text; any line brat would
    refuse fails the test."""
    spans, notes = {}, {}
    with codecs.open(str(path), "r", "utf-8") as fh:
        lines = fh.readlines()
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\n")
        assert line.strip(), f"{path.name} line {number}: empty (a note or span was cut)"
        ident, tail = line.split("\t", 1)
        data, _, data_tail = tail.partition("\t")
        if ident.startswith("T"):
            label, where = data.split(" ", 1)
            fragments = []
            for piece in where.split(";"):
                start, end = piece.split(" ")
                fragments.append((int(start), int(end)))
            # a blank text column is "missing text" to brat, which then rewrites the file
            assert data_tail.strip(), f"{path.name} line {number}: brat finds no text"
            spans[ident] = (label, fragments, data_tail)
        elif ident.startswith("#"):
            kind, target = data.split()
            assert kind == "AnnotatorNotes"
            notes[target] = data_tail
        else:
            pytest.fail(f"{path.name} line {number}: brat cannot read {line!r}")
    return spans, notes


def brat_read_text(path: Path) -> str:
    """As brat reads a document: ``codecs.open(path, 'r', 'utf-8').read()`` (no newline
    translation; offsets count code points)."""
    with codecs.open(str(path), "r", "utf-8") as fh:
        return fh.read()


def read_folder(folder: Path) -> list[tuple[str, str, str, str, str]]:
    """(article id, coder, label, covered text, note) of every span in a brat folder, through
    the mapping file; checks each span's fragments against the .txt as brat does."""
    rows = (folder / MAPPING_FILE).read_text(encoding="utf-8").splitlines()
    assert rows[0] == "article_id\tfile"
    found = []
    for row in rows[1:]:
        article_id, stem = map(unescape, row.split("\t"))
        text = brat_read_text(folder / f"{stem}.txt")
        spans, notes = brat_read_ann(folder / f"{stem}.ann")
        assert set(notes) == set(spans)
        for ident, (label, fragments, covered) in spans.items():
            joined = " ".join(text[s:e] for s, e in fragments)
            assert covered == "".join(" " if ch in LINE_BOUNDARIES else ch for ch in joined)
            start, end = fragments[0][0], fragments[-1][1]
            if any(ch not in LINE_BOUNDARIES for ch in text[start:end]):
                for s, e in fragments:
                    assert not any(ch in LINE_BOUNDARIES for ch in text[s:e])
            # the fragments cover every character of the span but its line boundaries
            gaps = "".join(text[a[1]:b[0]] for a, b in zip(fragments, fragments[1:]))
            assert all(ch in LINE_BOUNDARIES for ch in gaps), gaps
            note = unescape(notes[ident])
            coder, _, rest = note.partition("; ")
            found.append((article_id, coder.removeprefix("coder="), label, text[start:end], rest))
    return sorted(found)


def test_hard_study_every_article_and_span_arrives(tmp_path: Path):
    path = hard_project(tmp_path)
    out = tmp_path / "brat"
    result = cli("export", path, "--format", "brat", "--out", out)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert len([n for n in names if n.endswith(".txt")]) == len(ARTICLES)  # web/p1, web_p1 both
    assert read_folder(out) == sorted(HARD_SPANS)
    for article_id, _, raw in ARTICLES:
        mapping = dict(map(unescape, r.split("\t")) for r in (out / MAPPING_FILE).read_text(
            encoding="utf-8").splitlines()[1:])
        assert brat_read_text(out / f"{mapping[article_id]}.txt") == stored_text(raw)


def test_gold_and_one_coder(tmp_path: Path):
    path = hard_project(tmp_path)
    result = cli("export", path, "--format", "brat", "--out", tmp_path / "gold", "--coder", "gold")
    assert result.returncode == 0, result.stderr
    assert [(a, c, label, t) for a, c, label, t, _ in read_folder(tmp_path / "gold")] == [
        ("web/p1", "gold", "security_concern", "安全保障")]
    result = cli("export", path, "--format", "brat", "--out", tmp_path / "bob", "--coder", "bob")
    assert result.returncode == 0, result.stderr
    assert read_folder(tmp_path / "bob") == sorted(s for s in HARD_SPANS if s[1] == "bob")


BREAKS_TEXT = "前" + "".join(f"{k}{ch}" for k, ch in enumerate(LINE_BOUNDARIES)) + "後。"
NOTE = "tab\there\\n not a break\r\nCRLF\x0bVT\x0cFF\x1cFS\x1dGS\x1eRS\x85NEL\u2028LS\u2029PS"


def test_every_line_boundary_in_spans_and_notes(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    text = BREAKS_TEXT
    record = {"id": "breaks", "text": text, "annotations": [
        {"coder": "alice", "label": "security_concern", "start": 0, "end": len(text),
         "note": NOTE},
        {"coder": "alice", "label": "self_reliance", "start": 2, "end": 3, "note": "\u2028"},
    ]}
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    path = tmp_path / "p.annot"
    with Project.create(path) as project:
        import_paths(project, [source], processes=1)
        stored = project.articles.get(project.articles.ids()[0]).text
    assert stored == text.replace("\r", "\n")  # stored text has no CR; every other boundary
    out = tmp_path / "brat"
    result = cli("export", path, "--format", "brat", "--out", out)
    assert result.returncode == 0
    # the span of a lone line break has no text brat can read (a blank text column is "missing
    # text" to brat, which then rewrites the file): it is left out and named
    assert ("left out 1 span(s) of only white space or line breaks, which brat cannot read: "
            "breaks alice self_reliance 2-3") in result.stderr
    spans, notes = brat_read_ann(out / "breaks.ann")
    assert len(spans) == 1 and len(notes) == 1
    label, fragments, _ = spans["T1"]
    assert label == "security_concern"
    assert len(fragments) == len(LINE_BOUNDARIES) + 1
    assert "".join(stored[s:e] for s, e in fragments) == "".join(
        ch for ch in stored if ch not in LINE_BOUNDARIES)
    assert unescape(notes["T1"]) == f"coder=alice; {NOTE}"
    assert "\t" not in notes["T1"]
    assert read_folder(out)[0][3] == stored


@pytest.mark.parametrize("original", [
    NOTE, "", "plain 日本語", "\\t is not a tab", "\\", "a\\\\b", "\u3000\xa0\u2003", "\x00\x7f",
    "👩‍💻か゚𠮷",
])
def test_escape_is_one_line_and_undone(original: str):
    escaped = escape(original)
    assert len(escaped.splitlines()) <= 1 and "\t" not in escaped
    assert unescape(escaped) == original


@pytest.mark.parametrize(("article_id", "stem"), [
    ("web/p1", "web_p1"), ("a\\b:c*d?e\"f<g>h|i", "a_b_c_d_e_f_g_h_i"), ("tab\tline\u2028", "tab_line_"),
    ("CON", "_CON"), ("con", "_con"), ("Nul.txt", "_Nul.txt"), ("com1", "_com1"),
    ("LPT9.tar.gz", "_LPT9.tar.gz"), ("COM¹", "_COM¹"), ("aux ", "aux_"), ("COM0", "COM0"),
    ("CONSOLE", "CONSOLE"), ("ends.", "ends_"), ("ends. .", "ends___"), (".hidden", "_hidden"),
    ("", "_"), ("記事/一", "記事_一"),
])
def test_safe_stem(article_id: str, stem: str):
    assert safe_stem(article_id) == stem


def test_long_id_fits_a_file_name():
    stem = safe_stem("記" * 400)
    assert len((stem + "-99.ann").encode("utf-8")) <= 255


def test_names_distinct_as_windows_and_macos_compare_them():
    taken: set[str] = set()
    ids = ["web/p1", "web_p1", "WEB_P1", "web:p1", "a-2", "a", "A", "か\u3099", "が"]
    stems = [unique_stem(i, taken) for i in ids]
    assert stems == ["web_p1", "web_p1-2", "WEB_P1-3", "web_p1-4", "a-2", "a", "A-3",
                     "か\u3099", "が-2"]
    keys = {unicodedata.normalize("NFC", s).casefold() for s in stems}
    assert len(keys) == len(ids)
