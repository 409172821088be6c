"""Reading ZIP archives that other people made: INCEpTION exports, ``.qdpx``, doccano ZIPs.

Why: an archive is a classic way in. A member named ``../../.bashrc``, ``/etc/cron.d/x`` or
``C:\\Users\\x`` (zip slip) or a symbolic link is hostile or broken even though nothing is ever
extracted here (members are read into memory), so such an archive is refused by name rather than
half used. A few megabytes can inflate to gigabytes (zip bomb), and the sizes in the headers are
whatever the maker wrote. Every ZIP the tool reads goes through :class:`SafeZip`, which checks the
whole central directory before any member is read:

- names: no absolute path, no ``..`` part, no drive letter, no symbolic link, no name twice;
  a backslash counts as a separator (old Windows tools write it so; Windows treats it so);
- at most MAX_ARCHIVE_ENTRIES entries and MAX_ARCHIVE_BYTES unpacked in all, nested archives
  included; a member that unpacks to more than ZIP_RATIO_FLOOR at most MAX_ZIP_RATIO:1;
- only stored and deflate members: zipfile bounds deflate's output per read, but inflates a
  bzip2 or LZMA chunk whole (a few KB of bzip2 can be gigabytes), and the formats read here
  (INCEpTION, REFI-QDA, doccano) write deflate;
- an archive inside an archive only where the format has one (:meth:`SafeZip.nested`,
  INCEpTION's per-user ZIPs), one level deep: a ZIP inside a nested ZIP is refused.

Members are read with a bounded reader that counts what actually comes out and stops as soon as
a limit is passed, so a header that lies about a size never makes the program inflate more.
Every refusal is one InputError line naming the file, the member and the rule with its limit.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.limits import (
    MAX_ARCHIVE_BYTES,
    MAX_ARCHIVE_ENTRIES,
    MAX_ZIP_RATIO,
    ZIP_RATIO_FLOOR,
    short_repr,
)

_DRIVE = re.compile(r"[A-Za-z]:")
_READ_CHUNK = 1024 * 1024
_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
_SLIP = "the archive is refused as hostile or broken (zip slip)"
_BOMB = "(zip bomb)"


def name_problem(name: str) -> str | None:
    """Why a member name could reach outside the folder it would be unpacked to, or None."""
    if name.startswith(("/", "\\")):
        return "its path is absolute"
    parts = name.replace("\\", "/").split("/")
    drive = next((p for p in parts if _DRIVE.match(p)), None)
    if drive is not None:
        return f"its path names a drive ({drive[:2]})"
    if ".." in parts:
        return "its path climbs out of the archive with '..'"
    return None


class _Budget:
    """What an archive and the archives nested in it may still unpack to, together."""

    def __init__(self) -> None:
        self.bytes_left = MAX_ARCHIVE_BYTES
        self.entries_left = MAX_ARCHIVE_ENTRIES


class SafeZip:
    """A ZIP archive from someone else, checked whole when opened (see the module docstring).

    ``where`` names the archive in messages (its path, or ``outer.zip inner.zip``). ``names``
    lists the files (folders left out), with ``/`` as the separator. ``depth`` 1: the archive is
    itself the nested level of its format (a per-user ZIP found in a folder), so it may hold no
    ZIP. Use as a context manager.
    """

    def __init__(self, source: Path | bytes, where: str, *, depth: int = 0,
                 _budget: _Budget | None = None) -> None:
        self.where = where
        self._budget = _budget or _Budget()
        self._depth = depth
        try:
            self._zf = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes)
                                       else source)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise InputError(f"{where}: not a readable ZIP archive ({exc})") from None
        try:
            self._members = self._check(self._zf.infolist())
        except BaseException:
            self._zf.close()
            raise

    @property
    def names(self) -> list[str]:
        return list(self._members)

    def __contains__(self, name: object) -> bool:
        return name in self._members

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zf.close()

    def _refuse(self, member: str, rule: str) -> InputError:
        return InputError(f"{self.where}: member {short_repr(member)}: {rule}")

    def _check(self, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
        budget, members, claimed = self._budget, {}, 0
        for number, info in enumerate(infos, start=1):
            raw = info.filename
            if number > budget.entries_left:
                raise self._refuse(raw, f"the archive has {len(infos):,} entries; the limit is "
                                   f"{MAX_ARCHIVE_ENTRIES:,} entries, nested archives included "
                                   + _BOMB)
            problem = name_problem(raw)
            if problem is None and stat.S_ISLNK(info.external_attr >> 16):
                problem = "it is a symbolic link"
            if problem is not None:
                raise self._refuse(raw, f"{problem}; {_SLIP}")
            name = raw.replace("\\", "/")
            if name.endswith("/"):
                continue
            if name in members:
                raise self._refuse(raw, "the archive holds two members of this name; the "
                                   "archive is refused as hostile or broken")
            if self._depth and name.lower().endswith(".zip"):
                raise self._refuse(raw, "a ZIP inside a nested ZIP; archives are read one "
                                   "level deep")
            claimed += info.file_size
            if claimed > budget.bytes_left:
                raise self._refuse(raw, self._total_rule(f"at least {claimed:,} bytes"))
            self._check_ratio(info, info.file_size)
            members[name] = info
        budget.entries_left -= len(infos)
        return members

    @staticmethod
    def _total_rule(amount: str) -> str:
        return (f"the archive unpacks to {amount}; the limit is {MAX_ARCHIVE_BYTES:,} bytes "
                f"(2 GiB), nested archives included {_BOMB}")

    def _check_ratio(self, info: zipfile.ZipInfo, size: int, more: bool = False) -> None:
        if size > max(ZIP_RATIO_FLOOR, MAX_ZIP_RATIO * info.compress_size):
            ratio = size // max(info.compress_size, 1)
            raise self._refuse(info.filename, (
                f"unpacks to {'more than ' if more else ''}{size:,} bytes from "
                f"{info.compress_size:,} ({ratio:,}:1); the limit is {MAX_ZIP_RATIO}:1 for "
                f"members over {ZIP_RATIO_FLOOR:,} bytes {_BOMB}"))

    def read(self, name: str, limit: int | None = None, advice: str = "") -> bytes:
        """The content of the member ``name``, refused past ``limit`` bytes (the format's own
        bound; ``advice`` ends that message) or any archive limit, whatever the header says."""
        info = self._members[name]
        if info.flag_bits & 0x1:
            raise self._refuse(name, "it is encrypted; export it again without a password")
        if info.compress_type not in _METHODS:
            raise self._refuse(name, f"compressed with method {info.compress_type}; only "
                               "stored and deflate members are read")
        if limit is not None and info.file_size > limit:
            raise self._refuse(name, f"{info.file_size:,} bytes; the limit is {limit:,}{advice}")
        cap = min(self._budget.bytes_left, limit if limit is not None else MAX_ARCHIVE_BYTES,
                  max(ZIP_RATIO_FLOOR, MAX_ZIP_RATIO * info.compress_size))
        chunks, size = [], 0
        try:
            with self._zf.open(info) as fh:
                while chunk := fh.read(min(_READ_CHUNK, cap + 1 - size)):
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > cap:
                        self._over(info, size, limit, advice)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, ValueError) as exc:
            raise self._refuse(name, f"cannot be read ({exc})") from None
        self._budget.bytes_left -= size
        return b"".join(chunks)

    def _over(self, info: zipfile.ZipInfo, size: int, limit: int | None, advice: str) -> None:
        """Raise for the limit a member passed while being read (a header that lied)."""
        if size > self._budget.bytes_left:
            raise self._refuse(info.filename, self._total_rule(f"more than {MAX_ARCHIVE_BYTES:,}"
                                                               " bytes"))
        self._check_ratio(info, size, more=True)
        raise self._refuse(info.filename, f"more than {limit:,} bytes; the limit is "
                           f"{limit:,}{advice}")

    def nested(self, name: str) -> SafeZip:
        """The archive held in the member ``name`` (INCEpTION's per-user ZIPs), one level deep;
        it shares this archive's limits."""
        if self._depth:
            raise self._refuse(name, "a ZIP inside a nested ZIP; archives are read one level "
                               "deep")
        data = self.read(name)
        return SafeZip(data, f"{self.where} {name}", depth=self._depth + 1,
                       _budget=self._budget)
