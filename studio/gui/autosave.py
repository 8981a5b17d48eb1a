"""Autosave to a recovery file while the document has unsaved changes.

Every ``interval_ms`` (a minute by default) a dirty project is written atomically to
``recovery_dir()/recovery.cnnproj`` with a JSON sidecar that notes the original file. A
clean save or a normal quit removes both (the main window calls :func:`clear_recovery`); the next start offers to restore what is left.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from studio.core.project import Project, load_project
from studio.core.userfile import atomic_write_text, read_json
from studio.core.text import replace_surrogates
from studio.paths import recovery_dir

RECOVERY_NAME = "recovery.cnnproj"
SIDECAR_NAME = "recovery.json"


def recovery_file() -> Path:
    return recovery_dir() / RECOVERY_NAME


def sidecar_file() -> Path:
    return recovery_dir() / SIDECAR_NAME


@dataclass
class Recovery:
    path: Path  # the recovery file
    original: Path | None  # the file the user was editing (None: never saved)
    saved_at: float
    name: str

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at)) if self.saved_at else "earlier"
        what = f"'{self.original.name}'" if self.original else f"an unsaved project ('{self.name or 'Untitled'}')"
        return f"cnn-studio did not close normally. Unsaved changes to {what} were recovered from {when}."

    def load(self) -> Project:
        return load_project(self.path)


def write_recovery(project: Project, original: Path | None) -> Path:
    target = recovery_file()
    # a lone surrogate (pasted into a label) cannot be encoded: the copy keeps U+FFFD in its place,
    # so the work is recovered while Save names the field to retype
    atomic_write_text(target, replace_surrogates(project.to_json()))
    meta = {"original_path": str(original) if original else None, "saved_at": time.time(), "name": project.name}
    atomic_write_text(sidecar_file(), json.dumps(meta, indent=2) + "\n")
    return target


def clear_recovery() -> None:
    for p in (recovery_file(), sidecar_file()):
        try:
            p.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass


def find_recovery() -> Recovery | None:
    """The recovery left by a session that did not close normally, or None."""
    path = recovery_file()
    if not path.is_file():
        return None
    meta: dict = {}
    try:  # a regular file only (a pipe there must not hang the start-up), strict JSON
        meta = read_json(sidecar_file(), what="recovery note", limit=2**20)
        if not isinstance(meta, dict):
            meta = {}
    except (OSError, ValueError):
        meta = {}
    orig = meta.get("original_path")
    saved_at = meta.get("saved_at")
    return Recovery(
        path,
        Path(orig) if isinstance(orig, str) and orig else None,
        float(saved_at) if isinstance(saved_at, (int, float)) and 0 <= saved_at < 1e11 else path.stat().st_mtime,
        meta["name"] if isinstance(meta.get("name"), str) else "",
    )


class Autosaver(QObject):
    """Writes the document's project to the recovery file on a timer while it is dirty."""

    def __init__(self, document, interval_ms: int = 60_000, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.last_error: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(interval_ms))
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    def save_now(self) -> Path | None:
        """Write the recovery file if the document has unsaved changes."""
        if not self.document.is_dirty:
            return None
        try:
            p = write_recovery(self.document.project, self.document.path)
            self.last_error = None
            return p
        except (OSError, ValueError) as exc:  # a full disk (or text that cannot be encoded) must not disturb editing
            self.last_error = f"autosave failed: {getattr(exc, 'strerror', None) or exc}"
            return None

    def stop(self, clear: bool = True) -> None:
        self.timer.stop()
        if clear:
            clear_recovery()
