"""Persistent GUI settings (window layout, recent files) in an INI file under the data folder.

Kept under :func:`studio.paths.data_dir` so ``CNN_STUDIO_HOME`` (tests) redirects it.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, QSettings

from studio.paths import data_dir

ORGANISATION = "cnn-studio"
MAX_RECENT = 10
#: below this available width the first window opens maximised (a laptop screen)
MAXIMISE_BELOW = 1440
#: on a larger screen: at most this size, and this share of the available area
LARGEST = (1680, 1050)
SHARE = 0.9
#: the screen ``--screenshot`` pretends to have when no ``--size`` is given
DEFAULT_SCREEN = (1600, 1000)


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


def initial_geometry(available: QRect) -> tuple[QRect, bool]:
    """Where the first window goes on a screen whose free area is ``available``: (geometry,
    maximised). Never larger than ``available``; below ``MAXIMISE_BELOW`` pixels wide the whole
    area (maximised); otherwise ``SHARE`` of it up to ``LARGEST``, centred."""
    if available.width() < MAXIMISE_BELOW:
        return QRect(available), True
    w = min(LARGEST[0], int(available.width() * SHARE))
    h = min(LARGEST[1], int(available.height() * SHARE))
    x = available.x() + (available.width() - w) // 2
    y = available.y() + (available.height() - h) // 2
    return QRect(x, y, w, h), False


def screen_size(spec: str | None) -> tuple[int, int]:
    """``"1366x768"`` → (1366, 768); None → the window a DEFAULT_SCREEN gives. ValueError if malformed."""
    if not spec:
        g, _ = initial_geometry(QRect(0, 0, *DEFAULT_SCREEN))
        return g.width(), g.height()
    w, sep, h = spec.lower().replace("×", "x").partition("x")
    if not sep or not w.strip().isdigit() or not h.strip().isdigit():
        raise ValueError(f"--size {spec!r} is not WIDTHxHEIGHT (for example 1366x768)")
    size = int(w), int(h)
    if not (320 <= size[0] <= 8192 and 240 <= size[1] <= 8192):
        raise ValueError(f"--size {spec!r} is out of range: use 320x240 to 8192x8192")
    return size


def run_folders() -> list[Path]:
    """Run folders (or folders of runs) the user opened: the Runs tab lists them too."""
    return [Path(p) for p in _as_list(settings().value("runs/folders")) if Path(p).is_dir()]


def add_run_folder(path: str | Path) -> None:
    p = str(Path(path).resolve())
    s = settings()
    s.setValue("runs/folders", [p] + [f for f in _as_list(s.value("runs/folders")) if f != p][:49])
    s.sync()


def clear_window() -> None:
    """Forget the saved geometry and docks (View → Reset layout)."""
    s = settings()
    s.remove("window")
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
