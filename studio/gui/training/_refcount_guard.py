"""Work around a PySide6 6.12 bug on Python < 3.12: its bindings drop a reference to ``None``,
``True`` or ``False`` on many calls (void methods, ``processEvents``, ``Signal.emit``), built
for 3.12+ where these objects are immortal. After a few thousand calls the interpreter aborts
with "none_dealloc: deallocating None". Giving the three singletons a huge reference count makes
them immortal in practice (they are never freed anyway). Nothing to do on Python 3.12+.
"""
from __future__ import annotations

import sys

_BOOST = 1 << 40


def keep_singletons_alive() -> None:
    if sys.version_info >= (3, 12):
        return
    import ctypes

    for obj in (None, True, False):
        ref = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field of every object
        if ref.value < _BOOST:
            ref.value += _BOOST
