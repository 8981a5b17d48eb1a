"""Is this path a checkpoint file at all? Answered without torch, so the command line
reports a mistyped path before paying for ``import torch``."""
from __future__ import annotations

import os
from pathlib import Path

from studio.core.errors import StudioError


def checkpoint_file(path: str | os.PathLike) -> Path:
    """The path as a Path, or StudioError when it is missing, a folder, or not a regular file."""
    p = Path(path)
    if not p.exists():
        raise StudioError(f"{path}: no such checkpoint file")
    if p.is_dir():
        hint = " (did you mean best.pt inside it?)" if (p / "best.pt").exists() else ""
        raise StudioError(f"{path} is a folder, not a checkpoint file{hint}")
    if not p.is_file():  # a named pipe or a device would block or never end
        raise StudioError(f"{path} is not a regular file (a pipe or a device?): give a checkpoint file")
    return p
