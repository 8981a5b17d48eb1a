"""Numbers as people type them on a command line or in a field, parsed in one place. Pure Python.

Only ASCII digits count: ``str.isdigit`` and ``int()`` accept ``٣`` (Arabic-Indic three) and
``str.isdigit`` accepts ``3²`` and ``①``, which ``int()`` then refuses with a traceback. The length
is checked before ``int()`` so a 5,000-digit value is refused by name (``int()`` would raise past
4,300 digits, and no seed, count or index of the studio needs more than 19). Every refusal is a
:class:`StudioError` that names the option or field and shows an example.

:func:`int_arg` and :func:`float_arg` make argparse ``type=`` functions from the same rules, so
every numeric flag of every command refuses in one line (through the parser's usual error).
"""
from __future__ import annotations

import argparse
import math
import re

from .errors import StudioError
from .text import clip

MAX_DIGITS = 19          # a 64-bit seed (2**63 - 1) has 19 digits; no count, size or index needs more
MAX_FLOAT_CHARS = 40     # '-1.2345678901234567e-308' is 24 characters
_INT = re.compile(r"[+-]?[0-9]+", re.ASCII)
_FLOAT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)


def is_ascii_int(text: str) -> bool:
    """True for an optional sign and ASCII digits 0-9 only (no '٣', '3²', '①', no spaces inside)."""
    return isinstance(text, str) and _INT.fullmatch(text) is not None


def parse_int(text: str, what: str, lo: int | None = None, hi: int | None = None, example: str = "10") -> int:
    """``text`` as an integer within [lo, hi]; a StudioError naming ``what`` otherwise."""
    n, problem = _int(text, what, lo, hi, example)
    if problem:
        raise StudioError(f"{what} {problem}")
    return n


def parse_float(text: str, what: str, lo: float | None = None, hi: float | None = None,
                example: str = "0.01") -> float:
    """``text`` as a finite decimal number within [lo, hi] (ASCII digits, '.', an exponent)."""
    x, problem = _float(text, what, lo, hi, example)
    if problem:
        raise StudioError(f"{what} {problem}")
    return x


def _shown(text) -> str:
    return repr(clip(text, 40)) if isinstance(text, str) else clip(text, 40)


def _int(text, what, lo, hi, example) -> tuple[int, str]:
    """(value, "") or (0, what is wrong after the option's name)."""
    s = text.strip() if isinstance(text, str) else ""
    digits = len(s.lstrip("+-"))
    if _INT.fullmatch(s) and digits > MAX_DIGITS:
        return 0, f"(a {digits}-digit number) is far too large: give at most {MAX_DIGITS} digits, e.g. {what} {example}"
    if not _INT.fullmatch(s):
        return 0, f"{_shown(text)} is not a whole number: write it with the digits 0-9, e.g. {what} {example}"
    n = int(s)
    return n, _range(n, lo, hi, what)


def _float(text, what, lo, hi, example) -> tuple[float, str]:
    s = text.strip() if isinstance(text, str) else ""
    if len(s) > MAX_FLOAT_CHARS:
        return 0.0, f"(a {len(s)}-character value) is not a number the studio takes: write it like {what} {example}"
    if not _FLOAT.fullmatch(s):
        return 0.0, (f"{_shown(text)} is not a decimal number: write it with the digits 0-9 and a '.', "
                     f"e.g. {what} {example}")
    x = float(s)
    if not math.isfinite(x):
        return 0.0, f"{_shown(text)} is too large: give a finite number, e.g. {what} {example}"
    return x, _range(x, lo, hi, what)


def _range(n, lo, hi, what) -> str:
    fmt = (lambda v: f"{v:g}") if isinstance(n, float) else str
    if lo is not None and n < lo:
        return f"{fmt(n)}: give a value of at least {fmt(lo)}"
    if hi is not None and n > hi:
        return f"{fmt(n)}: give a value of at most {fmt(hi)}"
    return ""


def int_arg(what: str, lo: int | None = None, hi: int | None = None, example: str = "10"):
    """An argparse ``type=`` for a whole-number flag: ASCII digits, bounded length, optional range."""
    def parse(text: str) -> int:
        n, problem = _int(text, what, lo, hi, example)
        if problem:
            raise argparse.ArgumentTypeError(problem)
        return n
    parse.__name__ = "whole number"  # what argparse shows if it ever names the type
    return parse


def float_arg(what: str, lo: float | None = None, hi: float | None = None, example: str = "0.01"):
    """An argparse ``type=`` for a decimal flag: ASCII, finite, optional range."""
    def parse(text: str) -> float:
        x, problem = _float(text, what, lo, hi, example)
        if problem:
            raise argparse.ArgumentTypeError(problem)
        return x
    parse.__name__ = "number"
    return parse
