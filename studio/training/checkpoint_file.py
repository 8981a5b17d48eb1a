"""Is this path a checkpoint file at all? Answered without torch, so the command line
reports a mistyped path before paying for ``import torch``. The file is then opened with
:func:`open_checkpoint` (``O_NONBLOCK`` + ``fstat``), so a pipe or a device never blocks."""
from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from studio.core.errors import StudioError
from studio.core.userfile import UserFileError, check_regular, open_regular, shown


def checkpoint_file(path: str | os.PathLike, what: str = "checkpoint file") -> Path:
    """The path as a Path, or StudioError when it is missing, a folder, or not a regular file."""
    p = Path(path)
    if p.is_dir():
        hint = " (did you mean best.pt inside it?)" if (p / "best.pt").exists() else ""
        raise StudioError(f"{shown(path)} is a folder, not a {what}{hint}")
    if not os.path.lexists(p):
        raise StudioError(f"{shown(path)}: no such {what}")
    try:
        check_regular(p, what=what)
    except UserFileError as exc:
        raise StudioError(str(exc)) from None
    return p


def open_checkpoint(path: str | os.PathLike, what: str = "checkpoint file") -> IO[bytes]:
    """The checkpoint file open for reading (a regular file only), or StudioError."""
    checkpoint_file(path, what)
    try:
        return open_regular(path, what=what)
    except UserFileError as exc:
        raise StudioError(str(exc)) from None
