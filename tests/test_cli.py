"""The `annotator` command, through click's runner and as the installed console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator import __version__
from annotator.cli import cli
from annotator.core.store import Project
from annotator.core.text import normalize_text, text_sha256


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    # a ClickException exits through SystemExit; anything else would be a crash
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def ok(*args: str) -> Result:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result


def script() -> Path:
    found = shutil.which("annotator", path=str(Path(sys.executable).parent))
    path = Path(found) if found else Path(sys.executable).parent / "annotator"
    assert path.exists(), f"the console script is not installed beside {sys.executable}"
    return path


def run_script(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [str(script()), *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True,
        encoding="utf-8", timeout=300,
    )


def seed_text(path: Path) -> str:
    return normalize_text(path.read_text(encoding="utf-8"))


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    path = tmp_path / "study.annot"
    ok("new", path)
    return path


# --- help ------------------------------------------------------------------------------------


def test_group_help_lists_every_command() -> None:
    out = ok("--help").output
    assert "Framing Annotator" in out
    for name in cli.commands:
        assert name in out


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help(name: str) -> None:
    result = ok(name, "--help")
    assert result.output.startswith(f"Usage: cli {name} [OPTIONS]")
    assert "--help" in result.output
    summary = " ".join((cli.commands[name].help or "").split("\n\n")[0].split())
    assert summary, f"{name} has no help text"
    assert summary in " ".join(result.output.split())  # every command says what it does
    short = ok(name, "-h")
    assert short.output == result.output


def test_version() -> None:
    assert ok("--version").output.strip() == f"annotator, version {__version__}"


# --- new and schema --------------------------------------------------------------------------


def test_new(tmp_path: Path) -> None:
    path = tmp_path / "x.annot"
    out = ok("new", path, "--name", "研究").output
    assert out.strip() == (
        f"created {path} with schema 'Framing: security, economy, self-reliance' "
        "(1=security_concern, 2=economic_interest, 3=self_reliance)"
    )
    with Project.open(path) as p:
        assert p.name == "研究"
    again = run("new", path)
    assert again.exit_code == 1
    assert again.stderr.startswith("Error: ") and "already exists" in again.stderr


def test_schema_command() -> None:
    framing = Path(__file__).resolve().parents[1] / "schemas" / "framing.json"
    out = ok("schema", framing).output.splitlines()
    assert out[0] == f"{framing}: valid; 'Framing: security, economy, self-reliance' version 1.1.0"
    assert out[1].split()[:3] == ["1", "security_concern", "安全保障上の懸念"]
    assert "#D55E00" in out[1] and "13 cue lemmas, 10 cue surfaces" in out[1]
    assert out[4] == "article codes:"
    assert out[5].split()[:2] == ["relevance", "関連性"] and "boolean: yes/no  required" in out[5]
    assert out[7].endswith("ordinal: negative < neutral < positive  required  if relevance = true")
    assert len(out) == 8


# --- import, articles, tokens, trim, export -------------------------------------------------


def test_import_and_articles(proj: Path, seed_files: list[Path]) -> None:
    out = ok("import", proj, *seed_files).output
    assert out.strip() == "imported 2 article(s), 0 annotation(s)"
    again = ok("import", proj, seed_files[0]).output
    assert again.startswith("imported 0 article(s)")
    assert f"skipped {seed_files[0]}: same text as article '{seed_files[0].stem}'" in again
    with Project.open(proj) as p:
        first = p.articles.find(seed_files[0].stem)
        p.annotations.add(first.id, "alice", "security_concern", 0, 2)
        p.statuses.set(first.id, "alice", "done")
        p.statuses.set(p.articles.find(seed_files[1].stem).id, "bob", "in_progress")
    rows = [line.split("\t") for line in ok("articles", proj).output.splitlines()]
    assert rows[0] == ["#", "id", "chars", "alice", "bob", "title"]
    assert rows[1][:5] == ["1", seed_files[0].stem, str(len(seed_text(seed_files[0]))), "done", "not_started"]
    assert rows[2][:5] == ["2", seed_files[1].stem, str(len(seed_text(seed_files[1]))), "not_started",
                           "in_progress"]
    assert rows[2][5].startswith("出典:BlockMedia")
    assert len(rows) == 3


def test_import_filters_and_encoding(proj: Path, seed_files: list[Path], tmp_path: Path) -> None:
    text = seed_text(seed_files[1])
    sjis = tmp_path / "sjis.txt"
    sjis.write_bytes(text.replace("\n", "\r\n").encode("cp932"))
    ok("import", proj, sjis, "--encoding", "cp932", "--lines", "2-")
    ok("import", proj, seed_files[0], "--cut-at", "更多新聞")
    with Project.open(proj) as p:
        trimmed = p.articles.find("sjis").text
        assert trimmed == "\n".join(text.split("\n")[1:])
        assert "##" not in trimmed
        cut = p.articles.find(seed_files[0].stem).text
        assert "更多新聞" not in cut and cut.endswith("可能性があるだろう。")


def test_import_explicit_utf16(proj: Path, seed_files: list[Path], tmp_path: Path) -> None:
    text = seed_text(seed_files[1])
    path = tmp_path / "le.txt"
    path.write_bytes(text.encode("utf-16-le"))
    fail = run("import", proj, path)
    assert fail.exit_code == 1 and "--encoding utf-16-le" in fail.stderr
    ok("import", proj, path, "--encoding", "utf-16-le")
    with Project.open(proj) as p:
        assert p.articles.find("le").sha256 == text_sha256(text)


def _tokens(proj: Path, ref: str) -> list[list[str]]:
    return [line.split("\t") for line in ok("tokens", proj, ref).output.split("\n")[:-1]]


def test_tokens(proj: Path, tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    text = "𠮷田氏は安全保障上の懸念を示した。👨\u200d👩\u200d👧\n自給率の向上。"
    path.write_text(text, encoding="utf-8")
    ok("import", proj, path)
    rows = _tokens(proj, "t")
    assert rows[0] == ["start", "end", "surface", "lemma", "pos", "cue"]
    body = rows[1:]
    assert all(len(r) == 6 for r in body)
    for start, end, surface, *_ in body:
        assert text[int(start) : int(end)] == surface
    by_surface = {r[2]: r for r in body}
    assert by_surface["懸念"][3:] == ["懸念", "名詞", "security_concern"]
    assert by_surface["示し"][3] == "示す"
    assert by_surface["👨\u200d👩\u200d👧"][:2] == ["17", "22"]
    phrases = [r for r in body if r[4] == "(cue phrase)"]
    assert ["4", "8", "安全保障", "", "(cue phrase)", "security_concern"] in phrases
    assert ["23", "26", "自給率", "", "(cue phrase)", "self_reliance"] in phrases
    # numbered reference gives the same output
    assert _tokens(proj, "1") == rows


def test_tokens_on_seed(proj: Path, seed_files: list[Path]) -> None:
    ok("import", proj, seed_files[1])
    text = seed_text(seed_files[1])
    rows = _tokens(proj, seed_files[1].stem)[1:]
    assert len(rows) > 300
    for start, end, surface, *_ in rows:
        assert text[int(start) : int(end)] == surface


def test_trim(proj: Path, seed_files: list[Path]) -> None:
    ok("import", proj, seed_files[1])
    ref = seed_files[1].stem
    out = ok("trim", proj, ref, "--lines", "2-").output
    text = seed_text(seed_files[1])
    after = "\n".join(text.split("\n")[1:])
    assert out.splitlines()[0] == f"article {ref!r}: {len(text)} -> {len(after)} characters"
    with Project.open(proj) as p:
        art = p.articles.find(ref)
        assert art.text == after
        p.annotations.add(art.id, "alice", "security_concern", 0, 2)
    refused = run("trim", proj, ref, "--lines", "3-")
    assert refused.exit_code == 1
    assert refused.stderr.startswith("Error: ") and "already has annotations" in refused.stderr
    usage = run("trim", proj, ref)
    assert usage.exit_code == 2 and "give --lines or --cut-at" in usage.stderr


def test_export(proj: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({
        "id": "a", "text": "𠮷田氏の\r\n懸念", "status": {"alice": "done"},
        "annotations": [{"coder": "alice", "label": "security_concern", "start": 6, "end": 8,
                         "uuid": "0b4e28ba-2fa1-4d2e-883f-0016d3cca427",
                         "created": "2025-01-01T00:00:00.000Z"}],
    }, ensure_ascii=False) + "\n", encoding="utf-8")
    ok("import", proj, src)
    out_file = tmp_path / "out.jsonl"
    result = ok("export", proj, "--out", out_file)
    assert result.stderr.strip() == f"wrote 1 article(s) to {out_file}"
    assert result.stdout == ""
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []
    written = out_file.read_bytes()
    assert written.endswith(b"\n") and b"\r" not in written
    obj = json.loads(written)
    assert obj["text"] == "𠮷田氏の\n懸念"
    assert obj["annotations"][0]["start"] == 5 and obj["annotations"][0]["text"] == "懸念"
    assert obj["status"] == {"alice": "done"}
    stdout = ok("export", proj, "--out", "-")
    assert stdout.stdout.encode("utf-8") == written
    # the export imports into a new project and exports identically
    other = tmp_path / "other.annot"
    ok("new", other)
    ok("import", other, out_file)
    assert ok("export", other, "--out", "-").stdout.encode("utf-8") == written


# --- selfcheck -------------------------------------------------------------------------------


def test_selfcheck(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    result = ok("selfcheck", "--report", report)
    assert "selfcheck passed" in result.output
    assert result.output.splitlines()[0] == f"framing-annotator {__version__} selfcheck"
    assert report.read_text(encoding="utf-8") == result.output
    assert "ok    tokenizer: 14 tokens with correct offsets" in result.output


# --- user errors -----------------------------------------------------------------------------


@pytest.fixture
def error_cases(tmp_path: Path, proj: Path) -> dict[str, tuple[list, str]]:
    bad_schema = tmp_path / "bad.json"
    bad_schema.write_text('{"format": 1, "name": "x", "version": "1", "labels": [{"id": "a"}]}',
                          encoding="utf-8")
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("id,text\na,良い\nb,悪い,行\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("本文", encoding="utf-8")
    return {
        "missing project": (["articles", tmp_path / "missing.annot"], "no such project file"),
        "missing project export": (["export", tmp_path / "missing.annot", "--out", "-"],
                                   "no such project file"),
        "bad schema": (["new", tmp_path / "n.annot", "--schema", bad_schema], "$.labels[0]"),
        "missing schema": (["schema", tmp_path / "nope.json"], "no such schema file"),
        "bad csv line": (["import", proj, bad_csv], f"{bad_csv} line 3"),
        "unknown encoding": (["import", proj, good, "--encoding", "klingon"], "unknown encoding 'klingon'"),
        "bad lines": (["import", proj, good, "--lines", "x-y"], "--lines 'x-y'"),
        "unknown article": (["tokens", proj, "zz"], "no article 'zz'"),
        "not a project": (["articles", good], "not a Framing Annotator project"),
        "unwritable export": (["export", proj, "--out", tmp_path / "no" / "dir" / "o.jsonl"],
                              "cannot write"),
        "unwritable report": (["selfcheck", "--report", tmp_path / "no" / "dir" / "r.txt"],
                              "cannot write"),
    }


ERROR_NAMES = [
    "missing project", "missing project export", "bad schema", "missing schema", "bad csv line",
    "unknown encoding", "bad lines", "unknown article", "not a project", "unwritable export",
    "unwritable report",
]


@pytest.mark.parametrize("name", ERROR_NAMES)
def test_user_errors_with_runner(error_cases: dict, name: str) -> None:
    args, needle = error_cases[name]
    result = run(*args)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert needle in lines[0]
    assert "Traceback" not in result.output


def test_failed_import_stores_nothing(proj: Path, error_cases: dict, seed_files: list[Path]) -> None:
    args, _ = error_cases["bad csv line"]
    result = run(*args[:2], seed_files[1], *args[2:])
    assert result.exit_code == 1
    with Project.open(proj) as p:
        assert p.articles.summaries() == []


# --- the installed console script ------------------------------------------------------------


def test_script_help_and_version(tmp_path: Path) -> None:
    result = run_script("--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: annotator")
    for name in cli.commands:
        assert name in result.stdout
    version = run_script("--version", cwd=tmp_path)
    assert version.stdout.strip() == f"annotator, version {__version__}"


def test_script_end_to_end(tmp_path: Path, seed_files: list[Path]) -> None:
    path = tmp_path / "p.annot"
    steps = [
        ["new", path],
        ["import", path, *seed_files, "--cut-at", "更多新聞"],
        ["export", path, "--out", tmp_path / "out.jsonl"],
        ["selfcheck", "--report", tmp_path / "report.txt"],
    ]
    for step in steps:
        result = run_script(*step, cwd=tmp_path)
        assert result.returncode == 0, (step, result.stderr)
        assert "Traceback" not in result.stderr
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [p.stem for p in seed_files]
    assert (tmp_path / "report.txt").read_text(encoding="utf-8").endswith("selfcheck passed\n")


@pytest.mark.parametrize("name", ["missing project", "bad schema", "bad csv line", "unknown encoding",
                                  "unwritable report"])
def test_script_user_errors(error_cases: dict, tmp_path: Path, name: str) -> None:
    args, needle = error_cases[name]
    result = run_script(*args, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and needle in lines[0]


def test_script_project_argument_opens_missing_file_with_an_error(tmp_path: Path) -> None:
    """`annotator FILE` is `annotator open FILE`: a missing file is refused before any window."""
    result = run_script(tmp_path / "missing.annot", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"Error: {tmp_path / 'missing.annot'}: no such project file (create one with `annotator new`)"
    ]
