"""REFI-QDA (.qdpx) both ways: a byte-identical round trip of the hard study, project.qde's
sources and positions, a QualCoder-style file (UTF-16 positions, the coded text as
the selection's name, CRLF and BOM sources) landing on the same characters, and positions that
fit neither counting refused by the selection's GUID."""

from __future__ import annotations

import sys
import uuid
import zipfile
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.importers import import_paths
from annotator.core.interchange.refi import export_project, guid, qde_text
from annotator.core.store import Project

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from interchange_projects import HARD_SPANS, hard_project, import_from, study_spans
from run_cli import cli, one_line_error


def _import(folder: Path, source: Path) -> Path:
    return import_from(source, folder / "hard.annot", "refi")  # the same name: the project's name is in project.qde


def test_round_trip_is_byte_identical_with_coders_notes_and_gold(tmp_path: Path) -> None:
    first, second = tmp_path / "first.qdpx", tmp_path / "second.qdpx"
    with Project.open(hard_project(tmp_path)) as project:
        line = export_project(project, first)
        gold_before = {(g.uuid, g.label, g.start, g.end) for g in project.gold.spans()}
        uuids_before = {a.uuid for a in project.annotations.list()}
    assert "4 source(s) and 13 coded selection(s)" in line  # 12 spans and one of gold
    back = _import(tmp_path / "back", first)
    with Project.open(back) as project:
        assert study_spans(project) == {tuple(s) for s in HARD_SPANS}
        assert {a.uuid for a in project.annotations.list()} == uuids_before
        assert {(g.uuid, g.label, g.start, g.end) for g in project.gold.spans()} \
            == gold_before != set()
        assert project.articles.get(project.articles.summaries()[0].id).title == "𠮷野家と👩‍💻"
        export_project(project, second)
    assert second.read_bytes() == first.read_bytes()


def test_project_qde_references_every_source_and_counts_code_points(tmp_path: Path) -> None:
    from xml.etree import ElementTree as etree

    with Project.open(hard_project(tmp_path)) as project:
        qde, files = qde_text(project)
    doc = etree.fromstring(qde.encode("utf-8"))
    ns = {"q": "urn:QDA-XML:project:1.0"}
    # every source file is referenced by exactly one TextSource
    paths = {s.get("plainTextPath") for s in doc.iterfind(".//q:TextSource", ns)}
    assert paths == {"internal://" + name.split("/")[1] for name in files}
    # positions are code points: 𠮷 counts one
    selection = doc.find(".//q:PlainTextSelection[@name='𠮷野家の社長']", ns)
    assert (selection.get("startPosition"), selection.get("endPosition")) == ("0", "6")


def test_coder_option_writes_one_coder_or_gold(tmp_path: Path) -> None:
    with Project.open(hard_project(tmp_path)) as project:
        carol, _ = qde_text(project, "carol")
        gold, _ = qde_text(project, "gold")
    assert 'name="carol"' in carol and 'name="alice"' not in carol
    assert carol.count("<PlainTextSelection ") == 3
    assert f'<User guid="{guid("user", "gold")}" name="gold"/>' in gold
    assert gold.count("<PlainTextSelection ") == 1


# --- files written by others ----------------------------------------------------------------

QUALCODER_TEXT = "\ufeff𠮷野家の社長は👩‍💻を雇った。\r\n安全保障上の懸念が広がる。\r\nか゚の音。"


def _utf16(text: str, covered: str) -> tuple[int, int]:
    """Positions of ``covered`` in ``text`` (after its BOM) in UTF-16 units, as Qt counts."""
    body = text.lstrip("\ufeff")
    start = len(body[:body.index(covered)].encode("utf-16-le")) // 2
    return start, start + len(covered.encode("utf-16-le")) // 2


def _qualcoder_qdpx(path: Path, selections: list[tuple[str, int, int, str]],
                    text: str = QUALCODER_TEXT) -> Path:
    """A .qdpx as QualCoder writes it: braces and upper case in GUIDs, UTF-16 positions, the
    coded text as the selection's name (newlines raw), the memo as Description."""
    users = {"coder1": "{" + str(uuid.uuid4()).upper() + "}"}
    codes = {"security_concern": str(uuid.uuid4()).upper(),
             "経済的利益 (Economic interest)": str(uuid.uuid4())}
    source = str(uuid.uuid4())
    sels = "".join(
        f'<PlainTextSelection guid="{uuid.uuid4()!s}" name="{name}" '
        f'startPosition="{s}" endPosition="{e}" creatingUser="{users["coder1"]}" '
        f'creationDateTime="2021-03-04T05:06:07Z"><Description>{memo}</Description>'
        f'<Coding guid="{uuid.uuid4()!s}" creatingUser="{users["coder1"]}">'
        f'<CodeRef targetGUID="{codes[label]}"/></Coding></PlainTextSelection>'
        for name, s, e, label, memo in [(*sel, "memo") for sel in selections])
    qde = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="qc" origin="QualCoder 3.5">'
        '<Users>' + "".join(f'<User guid="{g}" name="{n}"/>' for n, g in users.items())
        + '</Users><CodeBook><Codes>'
        + "".join(f'<Code guid="{g}" name="{n}" isCodable="true" color="#AA0000"/>'
                  for n, g in codes.items())
        + f'</Codes></CodeBook><Sources><TextSource guid="{source}" name="interview 1.txt" '
        f'plainTextPath="internal://{source}.txt">{sels}</TextSource></Sources></Project>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", qde.encode("utf-8"))
        zf.writestr(f"sources/{source}.txt", text.encode("utf-8"))
    return path


def test_qualcoder_utf16_positions_land_on_the_same_characters(tmp_path: Path) -> None:
    wanted = [("社長は👩‍💻", "security_concern"), ("👩‍💻を雇った。\r\n安全", "経済的利益 (Economic interest)"),
              ("か゚の音", "security_concern"), ("𠮷野家", "security_concern")]
    selections = [(covered, *_utf16(QUALCODER_TEXT, covered), label)
                  for covered, label in wanted]
    back = _import(tmp_path / "back", _qualcoder_qdpx(tmp_path / "qc.qdpx", selections))
    with Project.open(back) as project:
        got = {(a.text, a.label, a.coder, a.note, a.created_at)
               for a in project.annotations.list()}
    assert got == {("社長は👩‍💻", "security_concern", "coder1", "memo", "2021-03-04T05:06:07.000Z"),
                   ("👩‍💻を雇った。\n安全", "economic_interest", "coder1", "memo",
                    "2021-03-04T05:06:07.000Z"),
                   ("か゚の音", "security_concern", "coder1", "memo", "2021-03-04T05:06:07.000Z"),
                   ("𠮷野家", "security_concern", "coder1", "memo", "2021-03-04T05:06:07.000Z")}


def test_positions_that_fit_neither_counting_are_refused_by_selection(tmp_path: Path) -> None:
    path = _qualcoder_qdpx(tmp_path / "bad.qdpx", [("安全保障", 3, 7, "security_concern")])
    with zipfile.ZipFile(path) as zf:
        sel_guid = zf.read("project.qde").decode().split('PlainTextSelection guid="')[1][:36]
    with Project.create(tmp_path / "p.annot") as project:
        with pytest.raises(InputError, match=f"selection {sel_guid}: its text is '安全保障'"):
            import_paths(project, [path], processes=1, source="refi")
        assert project.articles.summaries() == []
    message = one_line_error(cli("import", tmp_path / "p.annot", path, "--from", "refi"))
    assert sel_guid in message and "does not match" in message


def test_cli_export_then_import_and_not_a_qdpx_is_one_line(tmp_path: Path) -> None:
    original = hard_project(tmp_path)
    out = tmp_path / "study.qdpx"
    result = cli("export", original, "--format", "refi", "--out", out)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as zf:
        assert zf.namelist()[0] == "project.qde" and len(zf.namelist()) == 5
    not_zip = tmp_path / "x.qdpx"
    not_zip.write_text("hello", encoding="utf-8")
    message = one_line_error(cli("import", original, not_zip, "--from", "refi"))
    assert "not a REFI-QDA project" in message


def test_without_a_name_positions_are_code_points(tmp_path: Path) -> None:
    start = QUALCODER_TEXT.lstrip("\ufeff").index("社長")
    path = _qualcoder_qdpx(tmp_path / "noname.qdpx", [("", start, start + 2, "security_concern")])
    with Project.open(_import(tmp_path / "back", path)) as project:
        assert [a.text for a in project.annotations.list()] == ["社長"]


def test_missing_source_and_unknown_code_are_refused_by_name(tmp_path: Path) -> None:
    good = _qualcoder_qdpx(tmp_path / "good.qdpx", [("𠮷野家", 0, 4, "security_concern")])
    with zipfile.ZipFile(good) as zf:
        qde = zf.read("project.qde").decode("utf-8")
    no_source = tmp_path / "no_source.qdpx"
    with zipfile.ZipFile(no_source, "w") as zf:
        zf.writestr("project.qde", qde)
    unknown_code = tmp_path / "unknown_code.qdpx"
    target = qde.split('CodeRef targetGUID="')[1][:36]
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(unknown_code, "w") as zf:
        for name in src.namelist():
            data = src.read(name).decode("utf-8")
            zf.writestr(name, data.replace(f'CodeRef targetGUID="{target}"',
                                           f'CodeRef targetGUID="{uuid.uuid4()}"'))
    with Project.create(tmp_path / "p.annot") as project:
        with pytest.raises(InputError, match=r"source 'interview 1.txt': sources/.* is missing"):
            import_paths(project, [no_source], processes=1, source="refi")
        with pytest.raises(InputError, match="the codebook does not have"):
            import_paths(project, [unknown_code], processes=1, source="refi")


def test_cancelled_export_writes_nothing(tmp_path: Path) -> None:
    from annotator.core.progress import Cancelled

    def cancel(done: int, total: int, what: str = "") -> None:
        if done == 2:
            raise Cancelled()

    out = tmp_path / "never.qdpx"
    with Project.open(hard_project(tmp_path)) as project, pytest.raises(Cancelled):
        export_project(project, out, progress=cancel)
    assert not out.exists() and list(tmp_path.glob(".never*")) == []


def test_a_dtd_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "laughs.qdpx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]>'
                    '<Project xmlns="urn:QDA-XML:project:1.0" name="x">&a;</Project>')
    with Project.create(tmp_path / "p.annot") as project, \
            pytest.raises(InputError, match="laughs.qdpx project.qde: declares a DTD"):
        import_paths(project, [path], processes=1, source="refi")


def test_a_selection_with_two_codings_gives_two_spans(tmp_path: Path) -> None:
    with Project.open(hard_project(tmp_path, gold=False)) as project:
        qde, files = qde_text(project, "carol")
    second = (f'<Coding guid="{uuid.uuid4()}">'  # no creatingUser: the selection's
              f'<CodeRef targetGUID="{guid("code", "economic_interest")}"/></Coding>')
    first_end = qde.index("</Coding>") + len("</Coding>")
    path = tmp_path / "two.qdpx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", qde[:first_end] + second + qde[first_end:])
        for name, text in files.items():
            zf.writestr(name, text)
    with Project.open(_import(tmp_path / "back", path)) as project:
        spans = sorted((a.coder, a.label, a.text) for a in project.annotations.list())
    assert spans == [("carol", "economic_interest", "安全保障上の懸念"),
                     ("carol", "economic_interest", "𠮷田氏"),
                     ("carol", "security_concern", "安全保障上の懸念"),
                     ("carol", "self_reliance", "国産化を急ぐべきだ")]


def test_pyrefiqda_reads_our_qdpx_with_every_selection_on_its_characters(tmp_path: Path) -> None:
    """pyrefiqda's models are generated from the standard's own XML schema (xsdata): it refuses
    missing required attributes, wrong types and unknown elements, so it stands in for the XSD."""
    import re

    pyrefiqda = pytest.importorskip("pyrefiqda")
    out = tmp_path / "study.qdpx"
    with Project.open(hard_project(tmp_path)) as project:
        export_project(project, out)
        labels = {lab.display_name for lab in project.schema.labels}
    loaded = pyrefiqda.RefiProject.load(str(out), extract_dir=str(tmp_path / "read"))
    assert {code.name for code in loaded.code_book.codes.code} == labels
    assert {user.name for user in loaded.users.user} == {"alice", "bob", "carol", "gold"}
    selections = 0
    with zipfile.ZipFile(out) as archive:
        for source in loaded.sources.text_source:
            text = archive.read("sources/" + source.plain_text_path.split("//", 1)[1]).decode()
            for selection in source.plain_text_selection:
                covered = text[selection.start_position:selection.end_position]
                assert covered == selection.name  # code points: 𠮷 and 👩‍💻 count as Python does
                selections += 1
    assert selections == 13
    # the reader is strict: a selection without its start position is refused
    broken = tmp_path / "broken.qdpx"
    with zipfile.ZipFile(out) as source_zip, zipfile.ZipFile(broken, "w") as target:
        for item in source_zip.infolist():
            data = source_zip.read(item)
            if item.filename == "project.qde":
                data = re.sub(rb' startPosition="\d+"', b"", data, count=1)
            target.writestr(item, data)
    with pytest.raises(Exception, match="start_position"):
        pyrefiqda.RefiProject.load(str(broken), extract_dir=str(tmp_path / "read-broken"))


def _our_qde(folder: Path) -> bytes:
    """project.qde of the hard study's .qdpx."""
    out = folder / "study.qdpx"
    with Project.open(hard_project(folder)) as project:
        export_project(project, out)
    with zipfile.ZipFile(out) as archive:
        return archive.read("project.qde")


def test_our_project_qde_is_valid_against_the_standards_schema(tmp_path: Path) -> None:
    """Every element and attribute of our project.qde is one the REFI-QDA schema allows, in
    its sequence, with its required parts, patterns and types (tests/refi_schema.py)."""
    pytest.importorskip("pyrefiqda")
    from tests.refi_schema import schema_errors

    qde = _our_qde(tmp_path)
    assert schema_errors(qde) == []


@pytest.mark.parametrize("change, complaint", [
    ((rb' isCodable="true"', b""), "required attribute isCodable is missing"),
    ((rb'<Users>', b'<Users><Stray/>'), "element Stray is not in the schema"),
    ((rb' guid="', b' colour="#fff" guid="'), "attribute colour is not in the schema"),
    ((rb' color="#', b' color="#zz'), "does not match the pattern"),
    ((rb' startPosition="', b' startPosition="x'), "is not a valid int"),
    ((rb'(<Users>.*?</Users>)(\s*)(<CodeBook>.*?</CodeBook>)', rb'\3\2\1'),
     "comes after an element the sequence puts later"),
])
def test_the_schema_check_finds_what_the_schema_forbids(tmp_path: Path, change, complaint) -> None:
    import re

    pytest.importorskip("pyrefiqda")
    from tests.refi_schema import schema_errors

    qde = _our_qde(tmp_path)
    pattern, replacement = change
    broken = re.sub(pattern, replacement, qde, count=1, flags=re.S)
    assert broken != qde
    assert any(complaint in error for error in schema_errors(broken))
