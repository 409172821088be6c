"""ZIP archives from other people (issue 15): every import format that reads a ZIP refuses zip
slip entries, symbolic links, zip bombs, too many entries and archives nested too deep, in one
line naming the file, the member and the rule, through the real `annotator import` command,
with nothing written to the project and the bomb never inflated."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.limits import MAX_ARCHIVE_ENTRIES
from annotator.core.safe_zip import SafeZip
from annotator.core.store import Project
from tests.hostile_files import (
    lead_project,
    refused_import,
    snapshot,
    BOMB_SIZE,
    LINK,
    MIB,
    Entry,
    bomb,
    deflated,
    export,
    inception_export,
    raw_zip,
    run_measured,
    stored,
)
from tests.run_cli import cli

pytest.importorskip("cassis")

FILE_NAMES = {"inception": "pilot.zip", "refi": "study.qdpx", "doccano": "export.zip"}
#: Within reach of a CLI process that imports everything it needs; a 1 GiB bomb inflated, or
#: read whole, would pass it several times over.
BOUNDED_MEMORY = 400 * MIB


def _refused(fmt: str, archive: Path, project: Path, before: dict[str, str]) -> str:
    """The one-line refusal, naming the archive (see :func:`refused_import`)."""
    line, _ = refused_import(fmt, archive, project, before)
    assert str(archive) in line
    return line


def _hostile(tmp_path: Path, fmt: str, planted: list[Entry]) -> tuple[Path, Path, dict]:
    """The study's real export in ``fmt`` with ``planted`` added, beside an empty project."""
    made = tmp_path / "made"
    made.mkdir()
    archive = tmp_path / "in" / FILE_NAMES[fmt]
    archive.parent.mkdir()
    archive.write_bytes(raw_zip([*export(made, fmt), *planted]))
    project, before = lead_project(tmp_path / "in")
    return archive, project, before


SLIPS = [
    ("../evil.jsonl", 0, "its path climbs out of the archive with '..'"),
    ("notes/../../../home/lead/.bashrc", 0, "its path climbs out of the archive with '..'"),
    ("..\\..\\evil.jsonl", 0, "its path climbs out of the archive with '..'"),
    ("/etc/cron.d/evil", 0, "its path is absolute"),
    ("\\\\server\\share\\evil.jsonl", 0, "its path is absolute"),
    ("C:/Users/lead/evil.jsonl", 0, "its path names a drive (C:)"),
    ("sub/D:evil.jsonl", 0, "its path names a drive (D:)"),
    ("link.jsonl", LINK, "it is a symbolic link"),
]


@pytest.mark.parametrize("fmt", list(FILE_NAMES))
@pytest.mark.parametrize(("member", "attr", "rule"), SLIPS, ids=[s[0] for s in SLIPS])
def test_zip_slip_and_links_are_refused_by_member_and_rule(tmp_path: Path, fmt: str,
                                                            member: str, attr: int,
                                                            rule: str) -> None:
    planted = [stored(member, b"/etc/passwd" if attr else b"{}", external_attr=attr)]
    archive, project, before = _hostile(tmp_path, fmt, planted)
    line = _refused(fmt, archive, project, before)
    assert f"member {member!r}: {rule}; the archive is refused as hostile or broken " \
           "(zip slip)" in line


def _bomb_entry(name: str, claimed: int = BOMB_SIZE) -> Entry:
    data, crc = bomb()
    return Entry(name, data, zipfile.ZIP_DEFLATED, claimed, crc)


#: Where each format reads the bomb: the member its reader reads first.
BOMB_MEMBER = {"refi": "project.qde", "doccano": "alice.jsonl"}


@pytest.mark.parametrize("fmt", list(BOMB_MEMBER))
def test_a_zip_bomb_is_refused_by_its_ratio_and_never_inflated(tmp_path: Path,
                                                               fmt: str) -> None:
    made = tmp_path / "made"
    made.mkdir()
    kept = [e for e in export(made, fmt) if e.name != BOMB_MEMBER[fmt]]
    archive = tmp_path / FILE_NAMES[fmt]
    archive.write_bytes(raw_zip([_bomb_entry(BOMB_MEMBER[fmt]), *kept]))
    assert archive.stat().st_size < 2 * MIB
    project, before = lead_project(tmp_path)
    status, err, peak = run_measured("import", project, archive, "--from", fmt)
    assert status == 1 and len(err.strip().splitlines()) == 1, err
    assert f"{archive}: member {BOMB_MEMBER[fmt]!r}: unpacks to 1,073,741,824 bytes from " in err
    assert "the limit is 200:1 for members over 4,194,304 bytes (zip bomb)" in err
    assert peak < BOUNDED_MEMORY, peak
    assert snapshot(tmp_path) == before


def test_a_bomb_inside_inceptions_per_user_zip_is_refused_naming_both(tmp_path: Path) -> None:
    archive = tmp_path / "pilot.zip"
    archive.write_bytes(raw_zip(inception_export(tmp_path, user_entry=stored(
        "annotation/doc1.txt/alice.zip", raw_zip([_bomb_entry("doc1.xmi")])))))
    project, before = lead_project(tmp_path)
    status, err, peak = run_measured("import", project, archive, "--from", "inception")
    assert status == 1 and len(err.strip().splitlines()) == 1, err
    assert f"{archive} annotation/doc1.txt/alice.zip: member 'doc1.xmi': unpacks to " \
           "1,073,741,824 bytes" in err and "(zip bomb)" in err
    assert peak < BOUNDED_MEMORY, peak
    assert snapshot(tmp_path) == before


def test_a_bomb_whose_header_lies_about_its_size_is_not_inflated(tmp_path: Path) -> None:
    """The headers claim 3 MiB (too small for the ratio rule to look at); reading stops where
    the claim ends and the member is refused, never 1 GiB inflated."""
    archive = tmp_path / "export.zip"
    archive.write_bytes(raw_zip([_bomb_entry("alice.jsonl", claimed=3 * MIB)]))
    project, before = lead_project(tmp_path)
    status, err, peak = run_measured("import", project, archive, "--from", "doccano")
    assert status == 1 and len(err.strip().splitlines()) == 1, err
    assert f"{archive}: member 'alice.jsonl': cannot be read (Bad CRC-32" in err
    assert peak < BOUNDED_MEMORY, peak
    assert snapshot(tmp_path) == before


def test_an_archive_that_unpacks_to_more_than_2_gib_is_refused_before_reading(
        tmp_path: Path) -> None:
    planted = [Entry(f"part{n}.jsonl", b"", zipfile.ZIP_STORED, 1024 * MIB,
                     compressed=1024 * MIB) for n in (1, 2, 3)]
    archive, project, before = _hostile(tmp_path, "doccano", planted)
    line = _refused("doccano", archive, project, before)
    assert "member 'part2.jsonl': the archive unpacks to at least 2,147,4" in line
    assert "the limit is 2,147,483,648 bytes (2 GiB), nested archives included (zip bomb)" \
        in line


@pytest.fixture(scope="module")
def many_entries() -> list[Entry]:
    return [stored(f"e/{n}", b"") for n in range(MAX_ARCHIVE_ENTRIES + 1)]


@pytest.mark.parametrize("fmt", list(FILE_NAMES))
def test_too_many_entries_are_refused_naming_the_limit(tmp_path: Path, fmt: str,
                                                       many_entries: list[Entry]) -> None:
    archive, project, before = _hostile(tmp_path, fmt, many_entries)
    line = _refused(fmt, archive, project, before)
    assert f"entries; the limit is {MAX_ARCHIVE_ENTRIES:,} entries, nested archives included " \
           "(zip bomb)" in line


def test_a_zip_two_levels_deep_is_refused(tmp_path: Path) -> None:
    deeper = deflated("deeper.zip", raw_zip([deflated("doc2.xmi", b"<x/>")]))
    archive = tmp_path / "pilot.zip"
    archive.write_bytes(raw_zip(inception_export(_made(tmp_path), [deeper])))
    project, before = lead_project(tmp_path)
    line = _refused("inception", archive, project, before)
    assert "pilot.zip annotation/doc1.txt/alice.zip: member 'deeper.zip': a ZIP inside a " \
           "nested ZIP; archives are read one level deep" in line


def test_zip_slip_inside_a_per_user_zip_is_refused_naming_both(tmp_path: Path) -> None:
    archive = tmp_path / "pilot.zip"
    archive.write_bytes(raw_zip(inception_export(_made(tmp_path),
                                                 [stored("../../x.xmi", b"<x/>")])))
    project, before = lead_project(tmp_path)
    line = _refused("inception", archive, project, before)
    assert "pilot.zip annotation/doc1.txt/alice.zip: member '../../x.xmi': its path climbs " \
           "out of the archive with '..'" in line


def _made(tmp_path: Path) -> Path:
    made = tmp_path / "made"
    made.mkdir(exist_ok=True)
    return made


def test_the_valid_inception_project_export_still_imports(tmp_path: Path) -> None:
    """The hostile variants above differ from this one by the planted member only."""
    archive = tmp_path / "pilot.zip"
    archive.write_bytes(raw_zip(inception_export(_made(tmp_path))))
    project, _before = lead_project(tmp_path)
    result = cli("import", project, archive, "--from", "inception")
    assert result.returncode == 0, result.stderr
    with Project.open(project, read_only=True) as opened:
        assert [(a.coder, a.label, a.text) for a in opened.annotations.list()] == \
            [("alice", "security_concern", "安全保障")]


def test_a_zip_inside_a_doccano_export_is_not_opened(tmp_path: Path) -> None:
    """doccano's export has no nested archives: bob's file inside more.zip is not read."""
    bob = json.dumps({"text": "別の記事です。", "label": [[0, 2, "security_concern"]]},
                     ensure_ascii=False).encode("utf-8")
    archive, project, _before = _hostile(tmp_path, "doccano", [
        deflated("more.zip", raw_zip([deflated("bob.jsonl", bob)]))])
    result = cli("import", project, archive, "--from", "doccano")
    assert result.returncode == 0, result.stderr
    with Project.open(project, read_only=True) as opened:
        assert {a.coder for a in opened.annotations.list()} == {"alice"}


# --- the rules one by one, on SafeZip itself ------------------------------------------------

def _safe(tmp_path: Path, entries: list[Entry]) -> SafeZip:
    path = tmp_path / "a.zip"
    path.write_bytes(raw_zip(entries))
    return SafeZip(path, str(path))


def test_backslashes_are_separators_and_a_name_twice_is_refused(tmp_path: Path) -> None:
    with _safe(tmp_path, [stored("sub\\alice.jsonl", b"x"), stored("top.jsonl", b"y")]) as z:
        assert z.names == ["sub/alice.jsonl", "top.jsonl"]
        assert z.read("sub/alice.jsonl") == b"x"
    with pytest.raises(InputError, match=r"member 'sub/a': the archive holds two members of "
                                         "this name"):
        _safe(tmp_path, [stored("sub\\a", b"x"), stored("sub/a", b"y")])


def test_encrypted_and_bzip2_members_are_refused_by_name(tmp_path: Path) -> None:
    with _safe(tmp_path, [stored("locked.jsonl", b"x", flags=0x801),
                          Entry("packed.jsonl", b"BZh9", 12, 10)]) as z:
        with pytest.raises(InputError, match="member 'locked.jsonl': it is encrypted"):
            z.read("locked.jsonl")
        with pytest.raises(InputError, match="member 'packed.jsonl': compressed with method "
                                             "12; only stored and deflate members are read"):
            z.read("packed.jsonl")


def test_a_members_own_limit_is_kept_and_counted_against_the_archive(tmp_path: Path) -> None:
    with _safe(tmp_path, [deflated("a.txt", b"a" * 1000)]) as z:
        with pytest.raises(InputError, match="member 'a.txt': 1,000 bytes; the limit is 999 "
                                             "for a test"):
            z.read("a.txt", 999, " for a test")
        assert z.read("a.txt", 1000) == b"a" * 1000


def test_nesting_is_one_level_and_shares_the_limits(tmp_path: Path) -> None:
    inner = raw_zip([stored("x.xmi", b"<x/>")])
    with _safe(tmp_path, [stored("u.zip", inner)]) as z:
        with z.nested("u.zip") as nested:
            assert nested.where == f"{tmp_path / 'a.zip'} u.zip"
            assert nested.read("x.xmi") == b"<x/>"
            with pytest.raises(InputError, match="member 'x.xmi': a ZIP inside a nested ZIP"):
                nested.nested("x.xmi")
    with pytest.raises(InputError, match="a ZIP inside a nested ZIP"):
        SafeZip(raw_zip([stored("y.zip", inner)]), "found/u.zip", depth=1)


def test_a_file_that_is_not_a_zip_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(InputError, match="x.zip: not a readable ZIP archive"):
        SafeZip(path, str(path))
