"""User text made safe to show: control characters escaped for a terminal, values shown short.

A label, a project name or a file name can hold anything, including escape sequences that retitle
or clear a terminal (``\\x1b]0;…\\x07``, ``\\x1b[2J``), line separators and lone surrogates that
cannot even be encoded. :func:`printable` turns such characters into visible escapes, so one
line of output stays one line and the terminal only ever receives text. :func:`short_repr` shows a
value in a message without ever failing (a 5,000-digit integer cannot be turned into text in full).
"""
from __future__ import annotations

import html
import re
from typing import Any

# C0 and C1 controls, DEL, line/paragraph separators, bidirectional overrides and isolates,
# and lone surrogates (a valid non-BMP character is one code point in a Python str).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

#: the largest integer a project file or a checkpoint may hold anywhere (seeds are below it)
MAX_INT = 2**63 - 1


def _escape(m: re.Match) -> str:
    ch = m.group(0)
    if ch in _NAMED:
        return _NAMED[ch]
    n = ord(ch)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def printable(text: Any) -> str:
    """``text`` (or ``str(text)``) with every control character escaped (``\\x1b``, ``\\n``, ``\\u2028``)."""
    return _UNSAFE.sub(_escape, text if isinstance(text, str) else str(text))


def rich(text: Any) -> str:
    """A user string for Qt rich text (a QLabel showing HTML, a tooltip): control characters shown
    escaped, then ``<``, ``>``, ``&`` and quotes HTML-escaped, so it is shown and never rendered."""
    return html.escape(printable(text))


def printable_strings(value: Any) -> Any:
    """``value`` (a JSON-like tree) with :func:`printable` applied to every string in it, keys
    included: a report formatted from it afterwards cannot be given a line, a colour or a
    direction by the data (``diff`` of two run folders)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable_strings(k): printable_strings(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [printable_strings(v) for v in value]
    return value


def clip(text: Any, limit: int = 60) -> str:
    """A user string for a message: one short line of printable characters."""
    s = text if isinstance(text, str) else str(text)
    return printable(s if len(s) <= limit else s[: limit - 1] + "…")


def has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def replace_surrogates(text: str) -> str:
    """Lone surrogates replaced by U+FFFD, so the text can be encoded as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


def short_repr(value: Any, limit: int = 40) -> str:
    """A repr for messages: at most ``limit`` characters, control characters escaped, never raising."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**30:
        n = int(value.bit_length() * 0.30103) + 1
        return f"a {n}-digit number" if value > 0 else f"a {n}-digit negative number"
    try:
        text = repr(value)
    except (ValueError, RecursionError):
        text = f"<{type(value).__name__}>"
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return printable(text)
