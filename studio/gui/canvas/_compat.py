"""Work around a PySide6 6.12 bug on Python < 3.12: every call of a void Qt method drops one
reference to ``None`` (check: ``sys.getrefcount(None)`` falls by 1000 after 1000
``QObject.setObjectName`` calls), so a GUI that paints for a while dies with
"Fatal Python error: none_dealloc". From Python 3.12 on, None is immortal and this is a
no-op. We give None a huge reference count once per process (it is never freed anyway)."""
from __future__ import annotations

import sys

_done = False


def protect_none() -> None:
    global _done
    if _done or sys.version_info >= (3, 12):
        return
    _done = True
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
