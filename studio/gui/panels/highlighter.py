"""A small Python syntax highlighter for the Code tab."""
from __future__ import annotations

import keyword
import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat


def _fmt(color: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setForeground(QColor(color))
    if bold:
        f.setFontWeight(QFont.Weight.Bold)
    f.setFontItalic(italic)
    return f


def _palette(dark: bool) -> dict[str, QTextCharFormat]:
    if dark:
        return {"keyword": _fmt("#c792ea", True), "builtin": _fmt("#82aaff"), "string": _fmt("#c3e88d"),
                "comment": _fmt("#7f8c98", italic=True), "number": _fmt("#f78c6c"), "def": _fmt("#ffcb6b", True),
                "self": _fmt("#ff7b9c"), "decorator": _fmt("#89ddff")}
    return {"keyword": _fmt("#7b1fa2", True), "builtin": _fmt("#1565c0"), "string": _fmt("#2e7d32"),
            "comment": _fmt("#78909c", italic=True), "number": _fmt("#d84315"), "def": _fmt("#0d47a1", True),
            "self": _fmt("#ad1457"), "decorator": _fmt("#00838f")}


class PythonHighlighter(QSyntaxHighlighter):
    RULES = [
        ("keyword", r"\b(?:" + "|".join(keyword.kwlist) + r")\b"),
        ("builtin", r"\b(?:int|float|str|list|tuple|dict|len|range|super|print|isinstance|nn|torch|F)\b"),
        ("self", r"\bself\b"),
        ("number", r"\b[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?\b"),
        ("decorator", r"^\s*@\w+"),
        ("def", r"(?<=\bdef )\w+|(?<=\bclass )\w+"),
    ]

    def __init__(self, document, dark: bool = False):
        super().__init__(document)
        self.formats = _palette(dark)
        self.rules = [(re.compile(p), self.formats[k]) for k, p in self.RULES]
        self.string_re = re.compile(r"""("([^"\\]|\\.)*"|'([^'\\]|\\.)*')""")
        self.comment_re = re.compile(r"#.*$")
        self.triple = '"""'

    def highlightBlock(self, text: str) -> None:  # Qt override
        for rx, fmt in self.rules:
            for m in rx.finditer(text):
                self.setFormat(m.start(), m.end() - m.start(), fmt)
        for m in self.string_re.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), self.formats["string"])
        m = self.comment_re.search(text)
        if m and not any(s.start() < m.start() < s.end() for s in self.string_re.finditer(text)):
            self.setFormat(m.start(), len(text) - m.start(), self.formats["comment"])
        # triple-quoted docstrings spanning lines
        self.setCurrentBlockState(0)
        start = 0
        if self.previousBlockState() != 1:
            start = text.find(self.triple)
            if start < 0:
                return
            end = text.find(self.triple, start + 3)
            if end >= 0:
                self.setFormat(start, end + 3 - start, self.formats["string"])
                return
            self.setCurrentBlockState(1)
            self.setFormat(start, len(text) - start, self.formats["string"])
            return
        end = text.find(self.triple)
        if end < 0:
            self.setCurrentBlockState(1)
            self.setFormat(0, len(text), self.formats["string"])
        else:
            self.setFormat(0, end + 3, self.formats["string"])
