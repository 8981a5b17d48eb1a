"""Where the studio keeps the user's own files (templates, recovery files, runs, settings).

Platform-appropriate, and overridable with the ``CNN_STUDIO_HOME`` environment variable
(the tests point it at a temporary folder).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    env = os.environ.get("CNN_STUDIO_HOME")
    if env:
        p = Path(env)
    elif sys.platform == "win32":
        p = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "cnn-studio"
    elif sys.platform == "darwin":
        p = Path.home() / "Library" / "Application Support" / "cnn-studio"
    else:
        p = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "cnn-studio"
    p.mkdir(parents=True, exist_ok=True)
    return p


def user_templates_dir() -> Path:
    p = data_dir() / "templates"
    p.mkdir(parents=True, exist_ok=True)
    return p


def recovery_dir() -> Path:
    p = data_dir() / "recovery"
    p.mkdir(parents=True, exist_ok=True)
    return p


def runs_dir() -> Path:
    p = data_dir() / "runs"
    p.mkdir(parents=True, exist_ok=True)
    return p
