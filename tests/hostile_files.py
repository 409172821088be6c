"""Hostile archives and XML made in the tests: real exports of a small study with one bad thing
planted (a ``../`` entry, a symbolic link, a zip bomb, too many entries, a DTD …).

The zip bomb is 1 GiB of zeros in about 1 MB of deflate, made without ever holding or writing
the 1 GiB: after a full flush, deflating 1 MiB of zeros always gives the same bytes, so the
stream is that piece 1,024 times and a final empty block (``BOMB_SIZE``/``bomb()``). ZIPs are
written byte by byte (:func:`raw_zip`) so that a header can claim what the tests want it to.
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIB = 1024 * 1024
BOMB_SIZE = 1024 * MIB
LINK = (0o120000 | 0o777) << 16  # external_attr of a symbolic link (S_IFLNK) made on Unix

#: A short article and one span, the study every format's export is made from.
TEXT = "安全保障上の懸念が広がる。\n𠮷野家の社長は👩‍💻を雇った。"


@lru_cache(maxsize=1)
def bomb() -> tuple[bytes, int]:
    """(raw deflate of BOMB_SIZE zeros, its CRC-32), about 1 MB, built in milliseconds."""
    piece_maker = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = bytes(MIB)
    piece = piece_maker.compress(zeros) + piece_maker.flush(zlib.Z_FULL_FLUSH)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    crc = 0
    for _ in range(BOMB_SIZE // MIB):
        crc = zlib.crc32(zeros, crc)
    return piece * (BOMB_SIZE // MIB) + final, crc


@dataclass
class Entry:
    """One member as written: ``data`` already compressed when ``method`` is deflate;
    ``size``/``crc`` default to those of ``data`` (stored), so a test can make them lie."""

    name: str
    data: bytes = b""
    method: int = zipfile.ZIP_STORED
    size: int | None = None
    crc: int | None = None
    external_attr: int = 0
    flags: int = 0x800  # names in UTF-8
    compressed: int | None = None  # the compressed size the headers claim


def stored(name: str, data: bytes, **kw: int) -> Entry:
    return Entry(name, data, **kw)


def deflated(name: str, data: bytes) -> Entry:
    maker = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Entry(name, maker.compress(data) + maker.flush(), zipfile.ZIP_DEFLATED, len(data),
                 zlib.crc32(data))


def raw_zip(entries: list[Entry]) -> bytes:
    """A ZIP archive holding ``entries`` exactly as given (headers included)."""
    out, central = io.BytesIO(), []
    for e in entries:
        name = e.name.encode("utf-8")
        size = len(e.data) if e.size is None else e.size
        crc = zlib.crc32(e.data) if e.crc is None else e.crc
        packed = len(e.data) if e.compressed is None else e.compressed
        offset = out.tell()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, e.flags, e.method, 0, 0x21,
                              crc, packed, size, len(name), 0))
        out.write(name)
        out.write(e.data)
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x314, 20, e.flags, e.method,
                                   0, 0x21, crc, packed, size, len(name), 0, 0, 0, 0,
                                   e.external_attr, offset) + name)
    start = out.tell()
    for record in central:
        out.write(record)
    size = out.tell() - start
    count = len(central)
    if count > 0xFFFF:  # ZIP64: the count goes in the ZIP64 end record, 0xFFFF in the old one
        end64 = out.tell()
        out.write(struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count,
                              size, start))
        out.write(struct.pack("<4sLQL", b"PK\x06\x07", 0, end64, 1))
        count = 0xFFFF
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, size, start, 0))
    return out.getvalue()


def members(path: Path) -> list[Entry]:
    """The members of a real ZIP as stored entries (to plant something beside them)."""
    with zipfile.ZipFile(path) as zf:
        return [deflated(info.filename, zf.read(info)) for info in zf.infolist()]


def study(folder: Path) -> Path:
    """A project holding TEXT with one span of alice's, for the exports below."""
    from annotator.core.importers import import_paths
    from annotator.core.store import Project

    source = folder / "study.jsonl"
    source.write_text(json.dumps({"id": "a1", "title": "t", "text": TEXT, "annotations": [
        {"coder": "alice", "label": "security_concern", "start": 0, "end": 4}]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    path = folder / "study.annot"
    if path.exists():
        return path
    with Project.create(path) as project:
        import_paths(project, [source], processes=1)
    return path


def export(folder: Path, fmt: str) -> list[Entry]:
    """The members of a real export of the study in ``fmt`` (inception, refi, doccano: as
    doccano's export ZIP, ``alice.jsonl``) written in ``folder``."""
    from annotator.core.interchange import doccano, inception, refi
    from annotator.core.store import Project

    module = {"inception": inception, "refi": refi, "doccano": doccano}[fmt]
    out = folder / ("export." + {"inception": "zip", "refi": "qdpx", "doccano": "jsonl"}[fmt])
    with Project.open(study(folder), read_only=True) as project:
        module.export_project(project, out)
    if fmt == "doccano":
        return [deflated("alice.jsonl", out.read_bytes())]
    return members(out)


def user_zip(folder: Path, inner_extra: list[Entry]) -> bytes:
    """INCEpTION's per-user ZIP of alice's document (XMI and type system) plus
    ``inner_extra``."""
    found = {e.name: e for e in export(folder, "inception")}
    xmi = next(e for n, e in found.items() if n.startswith("annotation/") and n.endswith(".xmi"))
    return raw_zip([Entry("doc1.xmi", **_fields(xmi)),
                    Entry("TypeSystem.xml", **_fields(found["TypeSystem.xml"])), *inner_extra])


def _fields(e: Entry) -> dict:
    return {"data": e.data, "method": e.method, "size": e.size, "crc": e.crc}


def inception_export(folder: Path, inner_extra: list[Entry] = (),
                     user_entry: Entry | None = None) -> list[Entry]:
    """The members of an INCEpTION project export: ``annotation/doc1.txt/alice.zip`` (or
    ``user_entry`` in its place)."""
    entry = user_entry or stored("annotation/doc1.txt/alice.zip",
                                 user_zip(folder, list(inner_extra)))
    return [deflated("exportedproject1.json", b'{"name": "pilot"}'),
            deflated("source/doc1.txt", TEXT.encode("utf-8")), entry]


#: Runs the CLI and, as it exits, writes its own peak resident set (VmHWM, which counts this
#: process's memory only: the kernel starts it afresh at exec, whereas ``ru_maxrss`` of a child
#: carries the parent's peak from before the exec, up to the whole test session's).
_MEASURED = """
import atexit, runpy, sys
_out = sys.argv.pop(1)
def _peak():
    with open("/proc/self/status") as fh:
        kb = next(line.split()[1] for line in fh if line.startswith("VmHWM:"))
    with open(_out, "w") as out:
        out.write(kb)
atexit.register(_peak)
sys.argv[0] = "annotator"
runpy.run_module("annotator.cli", run_name="__main__")
"""


def run_measured(*args: str | Path) -> tuple[int, str, int]:
    """`annotator ARGS` in a new process: (exit status, stderr, the peak memory (resident set)
    of that one process in bytes, as the kernel counts it for the process: VmHWM)."""
    with tempfile.TemporaryDirectory() as folder:
        peak_file = Path(folder) / "peak"
        process = subprocess.run(
            [sys.executable, "-c", _MEASURED, str(peak_file), *map(str, args)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
        return process.returncode, process.stderr, int(peak_file.read_text()) * 1024


def lead_project(folder: Path) -> tuple[Path, dict[str, str]]:
    """An empty project of the lead's, and what the folder holds (name -> SHA-256)."""
    from annotator.core.store import Project

    path = folder / "lead.annot"
    Project.create(path).close()
    return path, snapshot(folder)


def snapshot(folder: Path) -> dict[str, str]:
    import hashlib

    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.iterdir() if p.is_file()}


def refused_import(fmt: str, source: Path, project: Path, before: dict[str, str]
                   ) -> tuple[str, str]:
    """`annotator import PROJECT SOURCE --from FMT` refused in one line, the project and its
    folder as they were and no article in it: (that line, everything the command printed)."""
    from annotator.core.store import Project
    from tests.run_cli import cli, one_line_error

    result = cli("import", project, source, "--from", fmt)
    line = one_line_error(result)
    assert snapshot(project.parent) == before
    with Project.open(project, read_only=True) as opened:
        assert opened.articles.summaries() == []
    return line, result.stderr + result.stdout
