"""Lines of generated code at most 100 characters, broken the way black breaks them.

A long line is split at its first bracket pair: the opening part, one argument per line
(indented four more, each with a trailing comma) and the closing part; the new lines are
split again if still too long. Long comments are wrapped. Quotes are respected: a bracket or
comma inside a string literal is text. No torch here.
"""
from __future__ import annotations

import textwrap

LIMIT = 100
IND = "    "
_PAIRS = {"(": ")", "[": "]", "{": "}"}


def _code_chars(line: str):
    """(index, character) of every character outside string literals, up to a comment."""
    quote = ""
    i = 0
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "#":
            return
        else:
            yield i, ch
        i += 1


def _first_pair(line: str) -> tuple[int, int] | None:
    """(open, close) index of the first bracket at depth 0 closed on this line."""
    stack: list[int] = []
    for i, ch in _code_chars(line):
        if ch in _PAIRS:
            stack.append(i)
        elif ch in ")]}":
            if not stack:
                return None
            o = stack.pop()
            if not stack:
                return o, i
    return None


def _split_args(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in _code_chars(text):
        if ch in _PAIRS:
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def wrap_comment(line: str, limit: int = LIMIT) -> list[str]:
    ind = line[: len(line) - len(line.lstrip())]
    text = line.lstrip()[1:].strip()
    width = max(20, limit - len(ind) - 2)
    return [f"{ind}# {chunk}" for chunk in textwrap.wrap(text, width, break_long_words=True,
                                                          break_on_hyphens=False)] or [line]


def fit(line: str, limit: int = LIMIT) -> list[str]:
    """``line`` as lines of at most ``limit`` characters where it can be split."""
    if len(line) <= limit:
        return [line]
    if line.lstrip().startswith("#"):
        return wrap_comment(line, limit)
    pair = _first_pair(line)
    if pair is None:
        return [line]
    o, c = pair
    parts = _split_args(line[o + 1:c])
    if not parts:
        return [line]
    ind = line[: len(line) - len(line.lstrip())]
    out = fit(line[: o + 1], limit)
    for p in parts:
        out += fit(f"{ind}{IND}{p},", limit)
    return out + fit(ind + line[c:], limit)


def fit_all(lines: list[str], limit: int = LIMIT) -> list[str]:
    out: list[str] = []
    for line in lines:
        for piece in line.split("\n"):
            out += fit(piece, limit)
    return out
