"""A small XML writer for ``project.qde``: attributes in the order given, every byte decided
here (so a re-export is byte-identical) and text that survives a parser unchanged.

xml.etree leaves a CR in element text as it is, and every XML parser turns it into LF; a note
written "a\\r\\nb" would come back "a\\nb". Here CR, and TAB/LF in attributes, are written as
character references. Characters XML 1.0 cannot hold at all (most C0 controls, lone
surrogates, U+FFFE/U+FFFF) become U+FFFD; :func:`xml_safe` says what a text becomes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTR = {**_TEXT, '"': "&quot;", "\t": "&#9;", "\n": "&#10;"}
_TEXT_RE = re.compile("[&<>\r]")
_ATTR_RE = re.compile('[&<>\r"\t\n]')


def xml_safe(text: str) -> str:
    """``text`` as an XML 1.0 document can hold it (characters it cannot hold as U+FFFD)."""
    return _NOT_XML.sub("\ufffd", text)


def _text(value: str) -> str:
    return _TEXT_RE.sub(lambda m: _TEXT[m.group()], xml_safe(value))


def _attr(value: str) -> str:
    return _ATTR_RE.sub(lambda m: _ATTR[m.group()], xml_safe(value))


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element] = field(default_factory=list)
    text: str = ""

    def __init__(self, tag: str, children: list[Element] | None = None, text: str = "",
                 **attrs: str | None) -> None:
        self.tag = tag
        self.attrs = {k: v for k, v in attrs.items() if v is not None}
        self.children = list(children or [])
        self.text = text

    def add(self, tag: str, children: list[Element] | None = None, text: str = "",
            **attrs: str | None) -> Element:
        child = Element(tag, children, text, **attrs)
        self.children.append(child)
        return child


def _write(element: Element, depth: int, out: list[str]) -> None:
    pad = "  " * depth
    attrs = "".join(f' {k}="{_attr(v)}"' for k, v in element.attrs.items())
    if element.children:
        out.append(f"{pad}<{element.tag}{attrs}>\n")
        for child in element.children:
            _write(child, depth + 1, out)
        out.append(f"{pad}</{element.tag}>\n")
    elif element.text:
        out.append(f"{pad}<{element.tag}{attrs}>{_text(element.text)}</{element.tag}>\n")
    else:
        out.append(f"{pad}<{element.tag}{attrs}/>\n")


def serialize(root: Element) -> str:
    """The document: an XML declaration, then ``root`` indented two spaces a level."""
    out = ['<?xml version="1.0" encoding="utf-8"?>\n']
    _write(root, 0, out)
    return "".join(out)
