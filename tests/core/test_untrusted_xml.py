"""XML from other people (issue 15): INCEpTION's XMI and type systems (parsed by dkpro-cassis,
with lxml) and REFI-QDA's project.qde (parsed by us) with billion laughs, an external entity
reading a local file, one reaching the network, an external DTD and a DTD in UTF-16: each is
refused in one line naming the file and the rule by the real `annotator import`, nothing is
written to the project, the secret file's text appears nowhere and no connection is made."""

from __future__ import annotations

import re
import socket
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.core import safe_xml
from annotator.core.errors import InputError
from annotator.core.limits import MAX_XML_BYTES
from annotator.core.store import Project
from tests.hostile_files import (
    Entry,
    deflated,
    export,
    inception_export,
    lead_project,
    raw_zip,
    refused_import,
    snapshot,
    stored,
)
from tests.run_cli import cli, one_line_error

pytest.importorskip("cassis")

SECRET = "TOP-SECRET-token-4711"
LAUGHS = "<!DOCTYPE {root} [\n<!ENTITY lol \"lol\">\n" + "".join(
    f"<!ENTITY lol{n} \"{('&lol' + (str(n - 1) if n > 1 else '') + ';') * 10}\">\n"
    for n in range(1, 10)) + "]>"


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A TCP port on this machine that no one should connect to."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


def _no_connection(server: socket.socket) -> None:
    with pytest.raises(BlockingIOError):
        server.accept()[0].close()


def _attacks(secret: Path, port: int) -> dict[str, tuple[str, str, str]]:
    """name -> (DTD, the reference placed in the root element, the encoding)."""
    url = f"http://127.0.0.1:{port}"
    return {
        "billion laughs": (LAUGHS, "&lol9;", "utf-8"),
        "local file": ('<!DOCTYPE {root} [<!ENTITY s SYSTEM "' + secret.as_uri() + '">]>',
                       "&s;", "utf-8"),
        "/etc/hostname": ('<!DOCTYPE {root} [<!ENTITY h SYSTEM "file:///etc/hostname">]>',
                          "&h;", "utf-8"),
        "network": ('<!DOCTYPE {root} [<!ENTITY n SYSTEM "' + url + '/xxe">]>', "&n;", "utf-8"),
        "parameter entity": ('<!DOCTYPE {root} [<!ENTITY % p SYSTEM "' + url + '/p.dtd"> %p;]>',
                             "", "utf-8"),
        "external DTD": ('<!DOCTYPE {root} SYSTEM "' + url + '/x.dtd">', "", "utf-8"),
        "UTF-16 laughs": (LAUGHS, "&lol9;", "utf-16"),
    }


ATTACKS = list(_attacks(Path("/x"), 1))


def plant(xml: bytes, dtd: str, ref: str, encoding: str) -> bytes:
    """``xml`` with ``dtd`` after its declaration and ``ref`` first in its root element,
    written in ``encoding`` (its declaration says so)."""
    text = xml.decode("utf-8")
    if text.startswith("<?xml"):
        text = text[text.index("?>") + 2:]
    start = re.search(r"<(?![?!])", text).start()
    root = text[start + 1:].split(None, 1)[0].rstrip(">")
    close = text.index(">", start) + 1
    body = text[:close] + ref + text[close:]
    doc = f'<?xml version="1.0" encoding="{encoding.upper()}"?>\n' + \
        dtd.replace("{root}", root) + "\n" + body
    return doc.encode(encoding)


def _refused(fmt: str, source: Path, project: Path, before: dict[str, str]) -> str:
    line, printed = refused_import(fmt, source, project, before)
    assert SECRET not in printed
    return line


def _members(made: Path, fmt: str) -> dict[str, Entry]:
    return {e.name: e for e in export(made, fmt)}


def _xml_of(entry: Entry) -> bytes:
    return zlib.decompress(entry.data, -15) if entry.method == zipfile.ZIP_DEFLATED \
        else entry.data


def _loose_xmi(tmp: Path, attack: Callable[[bytes], bytes]) -> tuple[Path, str]:
    """A loose .xmi with TypeSystem.xml beside; the XMI is ``attack``ed."""
    found = _members(tmp / "made", "inception")
    xmi = next(_xml_of(e) for n, e in found.items()
               if n.startswith("annotation/") and n.endswith(".xmi"))
    folder = tmp / "in"
    (folder / "TypeSystem.xml").write_bytes(_xml_of(found["TypeSystem.xml"]))
    (folder / "doc.xmi").write_bytes(attack(xmi))
    return folder / "doc.xmi", str(folder / "doc.xmi")


def _loose_typesystem(tmp: Path, attack: Callable[[bytes], bytes]) -> tuple[Path, str]:
    """A good loose .xmi beside an ``attack``ed TypeSystem.xml."""
    found = _members(tmp / "made", "inception")
    xmi = next(_xml_of(e) for n, e in found.items()
               if n.startswith("annotation/") and n.endswith(".xmi"))
    folder = tmp / "in"
    (folder / "TypeSystem.xml").write_bytes(attack(_xml_of(found["TypeSystem.xml"])))
    (folder / "doc.xmi").write_bytes(xmi)
    return folder / "doc.xmi", str(folder / "TypeSystem.xml")


def _per_user_zip(tmp: Path, attack: Callable[[bytes], bytes]) -> tuple[Path, str]:
    """INCEpTION's project export whose per-user ZIP holds an ``attack``ed XMI."""
    found = _members(tmp / "made", "inception")
    xmi = next(_xml_of(e) for n, e in found.items()
               if n.startswith("annotation/") and n.endswith(".xmi"))
    inner = raw_zip([deflated("doc1.xmi", attack(xmi)),
                     deflated("TypeSystem.xml", _xml_of(found["TypeSystem.xml"]))])
    path = tmp / "in" / "pilot.zip"
    path.write_bytes(raw_zip(inception_export(tmp / "made", user_entry=stored(
        "annotation/doc1.txt/alice.zip", inner))))
    return path, f"{path} annotation/doc1.txt/alice.zip doc1.xmi"


def _qdpx(tmp: Path, attack: Callable[[bytes], bytes]) -> tuple[Path, str]:
    """Our .qdpx with an ``attack``ed project.qde."""
    entries = export(tmp / "made", "refi")
    path = tmp / "in" / "study.qdpx"
    path.write_bytes(raw_zip([deflated(e.name, attack(_xml_of(e))) if e.name == "project.qde"
                              else e for e in entries]))
    return path, f"{path} project.qde"


PLACES = {"xmi": ("inception", _loose_xmi), "type system": ("inception", _loose_typesystem),
          "per-user zip": ("inception", _per_user_zip), "qdpx": ("refi", _qdpx)}


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("place", list(PLACES))
def test_dtds_and_entities_are_refused_before_parsing(tmp_path: Path, listener: socket.socket,
                                                      place: str, attack: str) -> None:
    (tmp_path / "made").mkdir()
    (tmp_path / "in").mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    dtd, ref, encoding = _attacks(secret, listener.getsockname()[1])[attack]
    fmt, make = PLACES[place]
    source, where = make(tmp_path, lambda xml: plant(xml, dtd, ref, encoding))
    project, before = lead_project(tmp_path / "in")
    line = _refused(fmt, source, project, before)
    assert f"{where}: declares a DTD (<!DOCTYPE " in line
    assert "refused: a DTD can expand entities without end (billion laughs) or read local " \
           "files and the network (XXE)" in line
    _no_connection(listener)


@pytest.mark.parametrize("place", list(PLACES))
def test_the_same_files_without_the_attack_import(tmp_path: Path, place: str) -> None:
    """plant() with nothing to plant leaves files every reader takes: the refusals above are
    the DTD's doing."""
    (tmp_path / "made").mkdir()
    (tmp_path / "in").mkdir()
    fmt, make = PLACES[place]
    source, _where = make(tmp_path, lambda xml: plant(xml, "", "", "utf-8"))
    project, _before = lead_project(tmp_path / "in")
    result = cli("import", project, source, "--from", fmt)
    assert result.returncode == 0, result.stderr
    with Project.open(project, read_only=True) as opened:
        assert [a.text for a in opened.annotations.list()] == ["安全保障"]


def test_an_xmi_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.xmi"
    with big.open("wb") as fh:  # sparse: nothing is written but the size
        fh.truncate(MAX_XML_BYTES + 1)
    project, before = lead_project(tmp_path)
    line = one_line_error(cli("import", project, big, "--from", "inception"))
    assert f"{big}: {MAX_XML_BYTES + 1:,} bytes; the limit is {MAX_XML_BYTES:,} for one file" \
        in line
    assert snapshot(tmp_path) == before


def test_a_project_qde_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    claimed = MAX_XML_BYTES + 1
    path = tmp_path / "big.qdpx"
    path.write_bytes(raw_zip([Entry("project.qde", b"<", zipfile.ZIP_STORED, claimed,
                                    compressed=claimed)]))
    project, before = lead_project(tmp_path)
    line = one_line_error(cli("import", project, path, "--from", "refi"))
    assert f"{path}: member 'project.qde': {claimed:,} bytes; the limit is " \
           f"{MAX_XML_BYTES:,}; export the project in parts" in line
    assert snapshot(tmp_path) == before


# --- safe_xml itself ---------------------------------------------------------------------

GOOD = b'<?xml version="1.0" encoding="UTF-8"?><r a="1"><c>\xe5\xae\x89</c></r>'


@pytest.mark.parametrize("attack", ATTACKS)
def test_check_and_parse_refuse_every_attack(tmp_path: Path, attack: str) -> None:
    dtd, ref, encoding = _attacks(tmp_path / "secret.txt", 9)[attack]
    hostile = plant(GOOD, dtd, ref, encoding)
    for run in (safe_xml.check, safe_xml.parse):
        with pytest.raises(InputError, match=r"^x.xml: declares a DTD \(<!DOCTYPE r"):
            run(hostile, "x.xml", "a test file")


def test_parse_gives_the_tree_and_malformed_xml_is_one_line() -> None:
    root = safe_xml.parse(GOOD, "x.xml", "a test file")
    assert (root.tag, root.get("a"), root.find("c").text) == ("r", "1", "安")
    safe_xml.check(GOOD, "x.xml", "a test file")
    for run in (safe_xml.check, safe_xml.parse):
        with pytest.raises(InputError, match=r"^x.xml: not a test file \(not well-formed XML: "):
            run(b"<r><c></r>", "x.xml", "a test file")


def test_an_encoding_expat_cannot_check_is_refused() -> None:
    """Shift_JIS is not among expat's encodings, so the scan cannot vouch for the file; lxml
    would read it (and any DTD in it), so it is refused rather than passed on."""
    doc = '<?xml version="1.0" encoding="Shift_JIS"?><r>安全</r>'.encode("shift_jis")
    with pytest.raises(InputError, match="not well-formed XML"):
        safe_xml.check(doc, "x.xml", "a test file")
