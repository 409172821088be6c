"""What the INCEpTION export and import share: the span layer's type system, the check for
characters XML 1.0 cannot hold, and the file names an article id or coder becomes.

The span layer is the custom type ``webanno.custom.Frame`` (a ``uima.tcas.Annotation`` with
the string features ``label`` and ``note``); INCEpTION reads it as a custom span layer of that
name. The article's id and title travel in DKPro Core's ``DocumentMetaData``, which INCEpTION
itself writes. dkpro-cassis takes and gives Python code points and writes UTF-16 code units in
the XMI, as UIMA counts.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

from annotator.core.errors import InputError
from annotator.core.file_names import name_key, safe_stem

LAYER = "webanno.custom.Frame"
LABEL_FEATURE = "label"
NOTE_FEATURE = "note"
METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
#: The user INCEpTION files the curated (gold) annotations under.
CURATION_USER = "CURATION_USER"
MAPPING = "annotator-mapping.json"
TYPESYSTEM = "TypeSystem.xml"
MAPPING_FORMAT = "framing-annotator inception 1"


def cassis() -> ModuleType:
    """The dkpro-cassis package, or a one-line error telling how to install it."""
    try:
        import cassis as module
    except ImportError:
        raise InputError("the INCEpTION format needs dkpro-cassis: pip install "
                         "'framing-annotator[inception]'") from None
    return module


def frame_typesystem() -> Any:
    """The type system every XMI of an export uses (written once as ``TypeSystem.xml``)."""
    c = cassis()
    ts = c.TypeSystem()
    frame = ts.create_type(LAYER, supertypeName="uima.tcas.Annotation",
                           description="A frame span of Framing Annotator")
    ts.create_feature(frame, LABEL_FEATURE, "uima.cas.String",
                      description="the label's id in the coding scheme")
    ts.create_feature(frame, NOTE_FEATURE, "uima.cas.String", description="the coder's note")
    meta = ts.create_type(METADATA, supertypeName="uima.tcas.DocumentAnnotation")
    for name in ("documentTitle", "documentId"):
        ts.create_feature(meta, name, "uima.cas.String")
    return ts


# XML 1.0 Char: TAB, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def check_xml(value: str, what: str) -> None:
    """Refuse a value XML 1.0 cannot hold, naming ``what`` (e.g. "article 'a1' text"), the
    position (code points, 0-based) and the character, before anything is written."""
    bad = _NOT_XML.search(value)
    if bad is not None:
        ch = bad.group()
        raise InputError(
            f"{what}: position {bad.start()} holds U+{ord(ch):04X}, which XML 1.0 (and so "
            "INCEpTION's XMI) cannot hold; remove it (e.g. annotator retitle, or fix the "
            "source and import again) or export in another format"
        )


def unique_names(names: list[str]) -> list[str]:
    """:func:`~annotator.core.file_names.safe_stem` of each, made distinct (also ignoring
    case, for Windows and macOS) by ``~2``, ``~3`` … in the order given."""
    used: set[str] = set()
    out = []
    for name in names:
        base = safe_stem(name)
        candidate, k = base, 1
        while name_key(candidate) in used:
            k += 1
            candidate = f"{base}~{k}"
        used.add(name_key(candidate))
        out.append(candidate)
    return out
