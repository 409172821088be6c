"""Where the files of an INCEpTION import come from: a ZIP, a folder, or one ``.xmi`` file.

Why: an INCEpTION project export can hold thousands of documents, each user's XMI in a ZIP of
its own (``annotation/<document>/<user>.zip``). Reading them all into memory first would cost as
much memory as the export unpacks to; :class:`Documents` reads a file only when the reader asks
for it, through :class:`~annotator.core.safe_zip.SafeZip` for an archive (the rules for archives
from other people, with INCEpTION's per-user ZIPs as the one nested level), and each file is
bounded by MAX_XML_BYTES.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.limits import MAX_XML_BYTES
from annotator.core.safe_zip import SafeZip

_ADVICE = " for one file; export fewer documents or smaller ones"


class Documents(Mapping[str, bytes]):
    """Name (POSIX, relative) -> content of the files of a ZIP, a folder or one file, read when
    asked. Use as a context manager (an archive stays open until then)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: SafeZip | None = None
        self._paths: dict[str, Path] = {}
        if path.is_dir():
            self._paths = {p.relative_to(path).as_posix(): p
                           for p in sorted(path.rglob("*")) if p.is_file()}
        elif zipfile.is_zipfile(path):
            self._zip = SafeZip(path, str(path))
        else:
            self._paths = {path.name: path}

    def __enter__(self) -> Documents:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._zip is not None:
            self._zip.close()

    def __iter__(self) -> Iterator[str]:
        return iter(self._zip.names if self._zip is not None else self._paths)

    def __len__(self) -> int:
        return len(self._zip.names if self._zip is not None else self._paths)

    def __contains__(self, name: object) -> bool:
        return name in (self._zip if self._zip is not None else self._paths)

    def __getitem__(self, name: str) -> bytes:
        if self._zip is not None:
            if name not in self._zip:
                raise KeyError(name)
            return self._zip.read(name, MAX_XML_BYTES, _ADVICE)
        path = self._paths[name]
        try:
            size = path.stat().st_size
            if size > MAX_XML_BYTES:
                raise InputError(f"{path}: {size:,} bytes; the limit is {MAX_XML_BYTES:,}"
                                 + _ADVICE)
            return path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None

    def archive(self, name: str) -> SafeZip:
        """The ZIP in the file ``name`` (a per-user ZIP of INCEpTION's project export): the one
        nested level, so a ZIP inside it is refused, and within the outer archive's limits."""
        if self._zip is not None:
            return self._zip.nested(name)
        return SafeZip(self[name], f"{self.path} {name}", depth=1)
