"""Parsing XML that other people made: INCEpTION's XMI and type systems, REFI-QDA's project.qde.

Why: a DTD can declare entities. Ten entities of ten references each turn a 1 KB file into
gigabytes (billion laughs); an external entity (``SYSTEM "file:///etc/hostname"`` or
``"http://…"``) makes a parser copy a local file or a web page into the document, where an
import would store it (XXE). None of the formats read here has a DTD, so any document type
declaration, entity declaration or external reference is refused before anything is built, by
an XML parser (expat), not a byte search, so the check holds in every encoding the file may
declare (an encoding expat does not know, such as Shift_JIS, is refused too: the formats are
UTF-8). A file larger than MAX_XML_BYTES is refused before it is parsed.

- Our own ElementTree parsing (:func:`parse`) goes through defusedxml with ``forbid_dtd``,
  ``forbid_entities`` and ``forbid_external``.
- dkpro-cassis parses with lxml and takes no parser from us, so :func:`check` scans the bytes
  with expat first, handlers set as defusedxml sets them, and no tree built. cassis calls
  ``lxml.etree.iterparse`` with lxml's defaults, ``huge_tree`` off (libxml2's limits on text
  node size and depth) unless it is given ``trusted=True``, which this program never passes.
  Those defaults depend on the version: before lxml 6.1, ``iterparse`` resolved external
  entities, local files included (CVE-2026-41066). With no DTD nothing is left to resolve, in
  any version.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from xml.parsers import expat

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DefusedET

from annotator.core.errors import InputError
from annotator.core.limits import MAX_XML_BYTES, short_repr, short_text

_WHY = ("refused: a DTD can expand entities without end (billion laughs) or read local files "
        "and the network (XXE)")


class _Declared(Exception):
    """A DTD, entity or external reference met while scanning (``what`` says which)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def _doctype(name: str | None, *_rest: object) -> None:
    raise _Declared(f"declares a DTD (<!DOCTYPE {name or ''}>)")


def _entity(name: str | None, *_rest: object) -> None:
    raise _Declared(f"declares the entity {short_repr(name)}")


def _external(_context: object, _base: object, sysid: str | None, *_rest: object) -> int:
    raise _Declared(f"refers to the external entity {short_repr(sysid)}")


def _check_size(data: bytes, where: str) -> None:
    if len(data) > MAX_XML_BYTES:
        raise InputError(f"{where}: {len(data):,} bytes; the limit is {MAX_XML_BYTES:,} bytes "
                         "for one XML file; export fewer documents or smaller ones")


def check(data: bytes, where: str, what: str) -> None:
    """Refuse ``data`` in one line if it is too large, declares a DTD, an entity or an external
    reference, or is not well-formed XML (``what`` names the format: "a UIMA CAS XMI")."""
    _check_size(data, where)
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _doctype
    parser.EntityDeclHandler = _entity
    parser.UnparsedEntityDeclHandler = _entity
    parser.ExternalEntityRefHandler = _external
    try:
        parser.Parse(data, True)
    except _Declared as exc:
        raise InputError(f"{where}: {exc.what}, which {what} never has; {_WHY}") from None
    except (expat.ExpatError, ValueError, LookupError) as exc:
        raise InputError(f"{where}: not {what} (not well-formed XML: "
                         f"{short_text(str(exc), 200)})") from None


def parse(data: bytes, where: str, what: str) -> ET.Element:
    """The root element of ``data``, parsed by defusedxml with DTDs, entities and external
    references forbidden; refused in one line as :func:`check` refuses."""
    _check_size(data, where)
    try:
        return DefusedET.fromstring(data, forbid_dtd=True, forbid_entities=True,
                                    forbid_external=True)
    except DefusedXmlException:
        pass  # check names what was declared, in its words
    except (ET.ParseError, ValueError, LookupError) as exc:
        raise InputError(f"{where}: not {what} (not well-formed XML: "
                         f"{short_text(str(exc), 200)})") from None
    check(data, where, what)
    raise InputError(f"{where}: declares a DTD, which {what} never has; {_WHY}")
