"""The one JSON writer for what other tools read: every ``--json`` output and every JSON file the
studio writes for others (metrics.jsonl, layer_stats.jsonl, run.json, verdict.json). Pure Python.

Python's ``json.dumps`` writes ``NaN``, ``Infinity`` and ``-Infinity``, which are not JSON: jq,
JavaScript's ``JSON.parse`` and most parsers reject the whole document. :func:`dumps_strict`
writes strict JSON (``allow_nan=False``) and keeps the information:

* a non-finite number becomes ``null``;
* the nearest enclosing object gets a ``"non_finite"`` member mapping the path from that object
  to the value (``"loss"``, or ``"train_loss/0"`` inside a list) to ``"NaN"``, ``"Infinity"`` or
  ``"-Infinity"``: ``{"loss": NaN}`` is written ``{"loss": null, "non_finite": {"loss": "NaN"}}``.
  If the object already has a ``non_finite`` member, the note is ``non_finite_`` (and so on).
  A non-finite number with no enclosing object (a bare top-level list) is only ``null``;
* a lone surrogate in a string or key (from a file that was not valid UTF-8) becomes U+FFFD,
  so the text can be written as UTF-8;
* a key that is not a string is written as text (as ``json.dumps`` does).

Readers that know the studio's files read ``null`` as "no value", or put the numbers back with
:func:`restore` (the run-folder readers do, so the verdicts see NaN where training saw NaN).
"""
from __future__ import annotations

import json
import math
from typing import Any

from .text import replace_surrogates

NOTE = "non_finite"


def _reason(x: float) -> str:
    return "NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity")


def _key(k) -> str:
    if isinstance(k, str):
        return replace_surrogates(k)
    if isinstance(k, float) and not math.isfinite(k):
        return _reason(k)
    return json.dumps(k) if isinstance(k, (bool, type(None))) else str(k)


def _clean(v: Any, notes: dict | None, path: str) -> Any:
    """``v`` with non-finite floats as None; their reasons recorded in ``notes`` under ``path``."""
    if isinstance(v, float):
        if math.isfinite(v):
            return v
        if notes is not None:
            notes[path] = _reason(v)
        return None
    if isinstance(v, str):
        return replace_surrogates(v)
    if isinstance(v, dict):
        out, mine = {}, {}
        for k, x in v.items():
            k = _key(k)
            out[k] = _clean(x, mine, k)
        if mine:
            name = NOTE
            while name in out:
                name += "_"
            out[name] = mine
        return out
    if isinstance(v, (list, tuple)):
        return [_clean(x, notes, f"{path}/{i}" if path else str(i)) for i, x in enumerate(v)]
    return v


def strict(obj: Any) -> Any:
    """A copy of ``obj`` that strict JSON can hold (see the module's text)."""
    return _clean(obj, None, "")


def dumps_strict(obj: Any, **kw) -> str:
    """``json.dumps`` of :func:`strict` ``(obj)`` with ``allow_nan=False``: always valid JSON."""
    kw.pop("allow_nan", None)
    return json.dumps(strict(obj), allow_nan=False, **kw)


_VALUES = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def _put(obj: Any, path: str, value: float) -> None:
    parts = path.split("/")
    for k in parts[:-1]:
        obj = obj[int(k)] if isinstance(obj, list) else obj[k]
    last = parts[-1]
    if isinstance(obj, list):
        obj[int(last)] = value
    elif isinstance(obj, dict) and last in obj:
        obj[last] = value


def restore(obj: Any) -> Any:
    """The inverse of :func:`strict` on what ``json.loads`` read: each ``non_finite`` note is put
    back as the number it stands for and removed (a note that does not fit is left as it is)."""
    if isinstance(obj, list):
        for x in obj:
            restore(x)
    elif isinstance(obj, dict):
        for x in obj.values():
            restore(x)
        note = obj.get(NOTE)
        if isinstance(note, dict) and all(isinstance(v, str) and v in _VALUES for v in note.values()):
            try:
                for path, reason in note.items():
                    _put(obj, path, _VALUES[reason])
            except (KeyError, IndexError, ValueError, TypeError):
                return obj
            del obj[NOTE]
    return obj
