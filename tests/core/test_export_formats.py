"""CSV and brat exports: what R, pandas, Excel and brat read."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.importers import import_paths
from annotator.core.store import Project

TEXT = "=見出し\n𠮷田氏は安全保障上の\n懸念を示した😀。"


def make_project(tmp_path: Path) -> Path:
    source = tmp_path / "in.jsonl"
    start = TEXT.index("安全保障")
    line = {"id": "a/1", "text": TEXT, "annotations": [
        {"coder": "alice", "label": "security_concern", "start": start,
         "end": TEXT.index("を示"), "note": "跨ぐ"},
        {"coder": "bob", "label": "economic_interest", "start": 0, "end": 4},
    ]}
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    path = tmp_path / "p.annot"
    with Project.create(path) as project:
        import_paths(project, [source])
    return path


def test_csv_export_one_row_per_span(tmp_path: Path):
    path = make_project(tmp_path)
    out = tmp_path / "spans.csv"
    result = CliRunner().invoke(cli, ["export", str(path), "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [r["coder"] for r in rows] == ["bob", "alice"]
    alice = rows[1]
    start, end = int(alice["start"]), int(alice["end"])
    assert TEXT[start:end] == alice["text"] == "安全保障上の\n懸念"
    assert rows[0]["text"] == "'=見出し"  # defused for Excel, the offsets still say 0-4


def test_brat_export_fragments_and_offsets(tmp_path: Path):
    path = make_project(tmp_path)
    out = tmp_path / "brat"
    result = CliRunner().invoke(cli, ["export", str(path), "--format", "brat", "--out", str(out),
                                      "--coder", "alice"])
    assert result.exit_code == 0, result.output
    assert (out / "a_1.txt").read_text(encoding="utf-8") == TEXT
    ann = (out / "a_1.ann").read_text(encoding="utf-8").splitlines()
    tid, kind, covered = ann[0].split("\t")
    label, where = kind.split(" ", 1)
    assert label == "security_concern"
    fragments = [tuple(map(int, f.split())) for f in where.split(";")]
    assert [TEXT[s:e] for s, e in fragments] == ["安全保障上の", "懸念"]
    assert covered == "安全保障上の 懸念"
    assert ann[1] == f"#1\tAnnotatorNotes {tid}\tcoder=alice; 跨ぐ"
    assert "security_concern" in (out / "annotation.conf").read_text(encoding="utf-8")


def test_export_refuses_mismatched_options(tmp_path: Path):
    path = make_project(tmp_path)
    result = CliRunner().invoke(cli, ["export", str(path), "--format", "brat", "--out", "-"])
    assert result.exit_code == 2 and "folder" in result.output
    result = CliRunner().invoke(cli, ["export", str(path), "--out", "x.jsonl", "--coder", "a"])
    assert result.exit_code == 1 and "no coder 'a'" in result.output
