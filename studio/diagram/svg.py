"""Write a diagram (:mod:`studio.diagram.geometry`) as SVG text: plain Python, every user
string escaped. The result is well-formed XML whatever the labels hold: characters XML 1.0
cannot carry (C0 controls, lone surrogates from a file name that was not UTF-8, U+FFFE/U+FFFF)
are replaced, so an XML parser reads the file and it can be written as UTF-8."""
from __future__ import annotations

import re
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr

from .geometry import Diagram, primitives

_FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
_SPACE = re.compile("[\t\n\r\u2028\u2029\x85]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """A label as XML character data: line breaks become spaces, characters XML cannot hold
    (or that a terminal would act on) become U+FFFD, then ``&``, ``<`` and ``>`` are escaped."""
    return _xml_escape(_NOT_XML.sub("\ufffd", _SPACE.sub(" ", str(text))))



def _f(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _item(p: tuple) -> str:
    kind = p[0]
    if kind == "poly":
        pts = " ".join(f"{_f(x)},{_f(y)}" for x, y in p[1])
        return f'<polygon points="{pts}" fill="{p[2]}" stroke="{p[3]}" stroke-width="0.8"/>'
    if kind == "line":
        dash = ' stroke-dasharray="3,2"' if p[6] else ""
        return (f'<line x1="{_f(p[1])}" y1="{_f(p[2])}" x2="{_f(p[3])}" y2="{_f(p[4])}" '
                f'stroke="{p[5]}" stroke-width="0.8"{dash}/>')
    if kind == "quad":
        return (f'<path d="M{_f(p[1])},{_f(p[2])} Q{_f(p[3])},{_f(p[4])} {_f(p[5])},{_f(p[6])}" '
                f'fill="none" stroke="{p[7]}" stroke-width="1.4"/>')
    if kind == "rect":
        dash = ' stroke-dasharray="4,3"' if p[7] else ""
        return (f'<rect x="{_f(p[1])}" y="{_f(p[2])}" width="{_f(p[3])}" height="{_f(p[4])}" rx="4" '
                f'fill="{p[5]}" stroke="{p[6]}" stroke-width="0.8"{dash}/>')
    if kind == "text":
        _, x, y, text, size, anchor, bold, fill = p
        weight = ' font-weight="bold"' if bold else ""
        return (f'<text x="{_f(x)}" y="{_f(y)}" font-size="{_f(size)}" text-anchor="{anchor}" '
                f'fill="{fill}"{weight}>{xml_text(text)}</text>')
    raise ValueError(f"unknown primitive {kind!r}")


def to_svg(d: Diagram) -> str:
    w, h = _f(d.width), _f(d.height)
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
            f'font-family={quoteattr(_FONT)}>')
    body = [f"<title>{xml_text(d.title or 'architecture')}</title>",
            f'<rect x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/>']
    body += [_item(p) for p in primitives(d)]
    return "\n".join(['<?xml version="1.0" encoding="UTF-8"?>', head, *body, "</svg>", ""])
