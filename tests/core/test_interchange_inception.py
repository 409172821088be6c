"""INCEpTION / WebAnno (UIMA CAS XMI): export, import, and dkpro-cassis reading our files."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.importers import import_paths
from annotator.core.interchange.inception import export_project
from annotator.core.store import Project
from tests.interchange_projects import (
    ARTICLES,
    HARD_SPANS,
    hard_project,
    import_from,
    stored_text,
    study_spans,
)
from tests.run_cli import cli, one_line_error

cassis = pytest.importorskip("cassis")

XMI_NS = "{http:///webanno/custom.ecore}"
CAS_NS = "{http:///uima/cas.ecore}"


def _export(project_path: Path, out: Path, coder: str | None = None) -> Path:
    with Project.open(project_path, read_only=True) as project:
        export_project(project, out, coder)
    return out


def _import(zip_path: Path, into: Path) -> Path:
    return import_from(zip_path, into, "inception")


def _spans_of(project_path: Path) -> set[tuple[str, str, str, str, str]]:
    with Project.open(project_path, read_only=True) as project:
        return study_spans(project)


def _xmis(zip_path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(zip_path) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n.endswith(".xmi")}


def test_round_trip_is_exact_and_spans_land_on_the_same_characters(tmp_path: Path) -> None:
    first = _export(hard_project(tmp_path), tmp_path / "first.zip")
    again = _import(first, tmp_path / "again.annot")
    assert _spans_of(again) == {(a, c, lab, text, note) for a, c, lab, text, note in HARD_SPANS}
    second = _export(again, tmp_path / "second.zip")
    with zipfile.ZipFile(first) as a, zipfile.ZipFile(second) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            assert a.read(name) == b.read(name), name
    with Project.open(again, read_only=True) as project:
        texts = {s.external_id: project.articles.get(s.id).text
                 for s in project.articles.summaries()}
        gold = [(g.label, g.text) for g in project.gold.spans()]
    assert texts == {aid: stored_text(raw) for aid, _title, raw in ARTICLES}
    assert gold == [("security_concern", "安全保障")]


def test_layout_and_colliding_ids_get_distinct_folders(tmp_path: Path) -> None:
    out = _export(hard_project(tmp_path), tmp_path / "out.zip")
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        mapping = json.loads(zf.read("annotator-mapping.json"))
    assert "TypeSystem.xml" in names
    assert "annotation/hard-1/alice.xmi" in names
    assert "curation/web_p1/CURATION_USER.xmi" in names
    folders = {a["id"]: a["folder"] for a in mapping["articles"]}
    assert folders["web/p1"] != folders["web_p1"]
    assert f"annotation/{folders['web_p1']}/bob.xmi" in names
    again = _import(out, tmp_path / "again.annot")
    with Project.open(again, read_only=True) as project:
        ids = sorted(s.external_id for s in project.articles.summaries())
    assert ids == ["hard-1", "hard-2", "web/p1", "web_p1"]


def test_dkpro_cassis_reads_every_span_on_the_same_characters(tmp_path: Path) -> None:
    out = _export(hard_project(tmp_path), tmp_path / "out.zip")
    with zipfile.ZipFile(out) as zf:
        typesystem = cassis.load_typesystem(io.BytesIO(zf.read("TypeSystem.xml")))
        mapping = json.loads(zf.read("annotator-mapping.json"))
        folder_id = {a["folder"]: a["id"] for a in mapping["articles"]}
        found = set()
        for name, data in _xmis(out).items():
            if not name.startswith("annotation/"):
                continue
            _top, folder, user = name[:-4].split("/")
            cas = cassis.load_cas_from_xmi(io.BytesIO(data), typesystem=typesystem)
            for frame in cas.select("webanno.custom.Frame"):
                found.add((folder_id[folder], user, frame.label, frame.get_covered_text(),
                           frame.note))
    assert found == set(HARD_SPANS)


def test_xmi_offsets_are_utf16_code_units(tmp_path: Path) -> None:
    """Read raw: begin/end count UTF-16 code units of the sofa, as UIMA does (𠮷 is two)."""
    out = _export(hard_project(tmp_path), tmp_path / "out.zip")
    root = ET.fromstring(_xmis(out)["annotation/hard-1/alice.xmi"])
    sofa = root.find(f"{CAS_NS}Sofa").get("sofaString").encode("utf-16-le")
    covered = {}
    for frame in root.iter(f"{XMI_NS}Frame"):
        begin, end = int(frame.get("begin")), int(frame.get("end"))
        covered[sofa[2 * begin: 2 * end].decode("utf-16-le")] = (begin, end)
    assert covered["𠮷野家の社長"] == (0, 7)  # 6 code points, 7 UTF-16 units
    assert "か゚の音" in covered


def _cas_zip(typesystem, text: str, spans: list[tuple[int, int, str]], layer: str,
             feature: str) -> bytes:
    cas = cassis.Cas(typesystem=typesystem)
    cas.sofa_string = text
    kind = typesystem.get_type(layer)
    for begin, end, value in spans:
        cas.add(kind(begin=begin, end=end, **{feature: value}))
    token = typesystem.get_type("de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token")
    cas.add(token(begin=0, end=1))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("doc1.xmi", cas.to_xmi())
        zf.writestr("TypeSystem.xml", typesystem.to_xml())
    return buf.getvalue()


def _inception_typesystem(extra_layer: bool = False):
    ts = cassis.TypeSystem()
    ts.create_type("de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token",
                   supertypeName="uima.tcas.Annotation")
    frame = ts.create_type("webanno.custom.MediaFrame", supertypeName="uima.tcas.Annotation")
    ts.create_feature(frame, "value", "uima.cas.String")
    if extra_layer:
        ts.create_type("webanno.custom.Stance", supertypeName="uima.tcas.Annotation")
    return ts


def _inception_export(path: Path, raw: str, users: dict[str, list[tuple[str, str]]],
                      extra_layer: bool = False) -> Path:
    """A project export as INCEpTION writes it with XMI as its secondary format: per user a
    ZIP holding the document's XMI and its type system; the raw text keeps its BOM and CRLF."""
    ts = _inception_typesystem(extra_layer)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("exportedproject1.json", json.dumps({"name": "pilot"}))
        zf.writestr("source/doc1.txt", raw.encode("utf-8"))
        zf.writestr("annotation/doc1.txt/INITIAL_CAS.zip", _cas_zip(ts, raw, [], "webanno"
                    ".custom.MediaFrame", "value"))
        for user, marked in users.items():
            spans = [(raw.index(text), raw.index(text) + len(text), value)
                     for text, value in marked]
            top = "curation" if user == "CURATION_USER" else "annotation"
            zf.writestr(f"{top}/doc1.txt/{user}.zip",
                        _cas_zip(ts, raw, spans, "webanno.custom.MediaFrame", "value"))
    return path


RAW = "\ufeff𠮷野家の社長は👩‍💻を雇った。\r\n安全保障上の懸念が広がる。\r\nか゚の音。"


def test_inception_project_export_imports_with_crlf_and_bom(tmp_path: Path) -> None:
    users = {"alice": [("安全保障上の懸念", "security_concern"), ("か゚の音", "Self-reliance")],
             "bob": [("👩‍💻を雇った", "経済的利益 (Economic interest)")],
             "CURATION_USER": [("安全保障上の懸念", "security_concern")]}
    source = _inception_export(tmp_path / "pilot.zip", RAW, users)
    target = _import(source, tmp_path / "t.annot")
    assert _spans_of(target) == {
        ("doc1", "alice", "security_concern", "安全保障上の懸念", ""),
        ("doc1", "alice", "self_reliance", "か゚の音", ""),
        ("doc1", "bob", "economic_interest", "👩‍💻を雇った", ""),
    }
    with Project.open(target, read_only=True) as project:
        assert [(g.label, g.text) for g in project.gold.spans()] == \
            [("security_concern", "安全保障上の懸念")]
        assert project.coders.names() == ["alice", "bob"]


def test_several_custom_layers_are_refused_by_name(tmp_path: Path) -> None:
    source = _inception_export(tmp_path / "pilot.zip", RAW, {"alice": []}, extra_layer=True)
    with pytest.raises(InputError, match="webanno.custom.MediaFrame, webanno.custom.Stance"):
        _import(source, tmp_path / "t.annot")


def test_layer_option_chooses_among_several(tmp_path: Path) -> None:
    source = _inception_export(tmp_path / "pilot.zip", RAW,
                               {"alice": [("安全保障", "security_concern")]}, extra_layer=True)
    fresh = tmp_path / "fresh.annot"
    assert cli("new", fresh).returncode == 0
    line = one_line_error(cli("import", fresh, source, "--from", "inception", "--layer", "Tone"))
    assert "no span layer webanno.custom.Tone; its span layers: " in line
    assert "webanno.custom.MediaFrame" in line
    result = cli("import", fresh, source, "--from", "inception", "--layer", "MediaFrame")
    assert result.returncode == 0, result.stderr
    assert _spans_of(fresh) == {("doc1", "alice", "security_concern", "安全保障", "")}
    with Project.create(tmp_path / "other.annot") as project:
        import_paths(project, [source], processes=1, source="inception",
                     source_options={"layer": "webanno.custom.Stance"})
        assert project.annotations.list() == []


def test_unknown_label_is_refused_naming_it(tmp_path: Path) -> None:
    source = _inception_export(tmp_path / "pilot.zip", RAW, {"alice": [("安全保障", "Tone")]})
    with pytest.raises(InputError, match="label 'Tone' is not in the coding scheme"):
        _import(source, tmp_path / "t.annot")


def test_loose_xmi_files_with_a_type_system_beside(tmp_path: Path) -> None:
    out = _export(hard_project(tmp_path), tmp_path / "out.zip")
    loose = tmp_path / "loose"
    loose.mkdir()
    with zipfile.ZipFile(out) as zf:
        (loose / "TypeSystem.xml").write_bytes(zf.read("TypeSystem.xml"))
        (loose / "a.xmi").write_bytes(zf.read("annotation/web_p1~2/bob.xmi"))
    target = _import(loose, tmp_path / "t.annot")
    assert _spans_of(target) == {("web_p1", "inception", "self_reliance", "自立・国産化", "")}


def test_control_character_is_refused_by_name_and_nothing_written(tmp_path: Path) -> None:
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(json.dumps({"id": "vt", "title": "vt",
                                        "text": "安全\u000b保障"}) + "\n", encoding="utf-8")
    project_path = tmp_path / "p.annot"
    with Project.create(project_path) as project:
        import_paths(project, [jsonl], processes=1)
    out = tmp_path / "out.zip"
    line = one_line_error(cli("export", project_path, "--format", "inception", "--out", out))
    assert "article 'vt' text: position 2 holds U+000B" in line
    assert not out.exists() and list(tmp_path.glob("*.partial")) == []


def test_cli_export_of_one_coder_and_of_gold(tmp_path: Path) -> None:
    project_path = hard_project(tmp_path)
    out = tmp_path / "bob.zip"
    result = cli("export", project_path, "--format", "inception", "--out", out, "--coder", "bob")
    assert result.returncode == 0, result.stderr
    assert {n.split("/")[-1] for n in _xmis(out)} == {"bob.xmi"}
    gold = tmp_path / "gold.zip"
    assert cli("export", project_path, "--format", "inception", "--out", gold, "--coder",
               "gold").returncode == 0
    assert list(_xmis(gold)) == ["curation/web_p1/CURATION_USER.xmi"]
    fresh = tmp_path / "fresh.annot"
    assert cli("new", fresh).returncode == 0
    result = cli("import", fresh, out, "--from", "inception")
    assert result.returncode == 0, result.stderr
    assert {c for _a, c, *_ in _spans_of(fresh)} == {"bob"}


def test_control_character_in_a_note_is_refused_by_name(tmp_path: Path) -> None:
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(json.dumps({"id": "n1", "title": "n1", "text": "安全保障の記事", "annotations": [
        {"coder": "alice", "label": "security_concern", "start": 0, "end": 4,
         "note": "bell\u0007"}]}) + "\n", encoding="utf-8")
    project_path = tmp_path / "p.annot"
    with Project.create(project_path) as project:
        import_paths(project, [jsonl], processes=1)
    with pytest.raises(InputError, match="article 'n1' note of alice's span at 0: position 4 "
                                         "holds U\\+0007"):
        _export(project_path, tmp_path / "out.zip")
    assert not (tmp_path / "out.zip").exists()


def test_a_file_that_is_not_xmi_is_refused_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xmi"
    bad.write_text("<xmi:XMI this is not XML", encoding="utf-8")
    fresh = tmp_path / "fresh.annot"
    assert cli("new", fresh).returncode == 0
    line = one_line_error(cli("import", fresh, bad, "--from", "inception"))
    assert "bad.xmi: not a UIMA CAS XMI that dkpro-cassis reads" in line


def test_our_zip_unpacked_into_a_folder_imports_the_same(tmp_path: Path) -> None:
    out = _export(hard_project(tmp_path), tmp_path / "out.zip")
    folder = tmp_path / "unpacked"
    with zipfile.ZipFile(out) as zf:
        zf.extractall(folder)
    assert _spans_of(_import(folder, tmp_path / "t.annot")) == set(HARD_SPANS)
