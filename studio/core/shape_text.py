"""Image shapes as people type them ('3x224x224', '3×32×32', '1, 28, 28'). Pure Python.

The numbers go through :mod:`studio.core.number_text`: ASCII digits only ('3²', '①', '٣' are
refused), at most 19 digits each (a 5,000-digit dimension is refused by name, not by ``int()``).
"""
from __future__ import annotations

import re

from .errors import StudioError
from .number_text import MAX_DIGITS, is_ascii_int
from .text import clip


def parse_shape(text: str | None, what: str = "input shape") -> tuple[int, int, int] | None:
    """'3x224x224' (or with ×, *, commas, spaces) -> (3, 224, 224); None stays None.

    Raises StudioError naming ``what`` (the field or option the text came from) and the fix.
    """
    if text is None:
        return None
    parts = [p for p in re.split(r"[x×X*,\s]+", text.strip()) if p]
    if len(parts) != 3 or not all(is_ascii_int(p) and p[0] not in "+-" for p in parts):
        raise StudioError(f"{what} {clip(text, 40)!r} is not C×H×W: write it like 3x224x224 "
                          "(channels x height x width, digits 0-9)")
    if any(len(p) > MAX_DIGITS for p in parts):
        raise StudioError(f"{what}: a {max(len(p) for p in parts)}-digit dimension is far too large; "
                          "write it like 3x224x224")
    c, h, w = (int(p) for p in parts)
    if min(c, h, w) < 1:
        raise StudioError(f"{what} {text!r}: every dimension must be at least 1")
    return c, h, w
