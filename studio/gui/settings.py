"""Persistent GUI settings (window layout, recent files) in an INI file under the data folder.

Kept under :func:`studio.paths.data_dir` so ``CNN_STUDIO_HOME`` (tests) redirects it.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

from studio.paths import data_dir

ORGANISATION = "cnn-studio"
MAX_RECENT = 10


def settings() -> QSettings:
    path = data_dir() / "settings.ini"
    try:
        usable = stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        usable = not os.path.lexists(path)  # absent: created; a dangling link: not followed
    if not usable:  # a pipe, a device or a folder there would hang or fail the start-up
        path = Path(tempfile.gettempdir()) / f"cnn-studio-settings-{os.getpid()}.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value]


def recent_files() -> list[str]:
    """Recent project files that still exist, newest first."""
    return [p for p in _as_list(settings().value("recent_files")) if Path(p).is_file()]


def add_recent_file(path: str | Path) -> list[str]:
    p = str(Path(path).resolve())
    files = [p] + [f for f in _as_list(settings().value("recent_files")) if f != p]
    files = files[:MAX_RECENT]
    s = settings()
    s.setValue("recent_files", files)
    s.sync()
    return files


def clear_recent_files() -> None:
    s = settings()
    s.setValue("recent_files", [])
    s.sync()


def save_window(win) -> None:
    s = settings()
    s.setValue("window/geometry", win.saveGeometry())
    s.setValue("window/state", win.saveState())
    s.sync()


def restore_window(win) -> bool:
    s = settings()
    geom = s.value("window/geometry")
    state = s.value("window/state")
    ok = False
    if geom is not None:
        ok = bool(win.restoreGeometry(geom))
    if state is not None:
        ok = bool(win.restoreState(state)) and ok
    return ok
