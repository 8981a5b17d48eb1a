"""Run folders, for the command line and the window alike (no torch, no Qt).

A run folder is named ``<YYYYmmdd-HHMMSS>-<name>`` (sorts by time) and holds

    project.cnnproj   the project as trained (settings and data included)
    metrics.jsonl     one line per finished epoch
    run.json          the status record, written by the engine at start and at the end:
                      {"format": "cnn-studio-run", "version": 1, "status": "running" |
                       "finished" | "stopped" | "failed", "message", "epochs", "epochs_done",
                       "best_metric", "best_val_acc", "graph_version", "started", "ended"}
    best.pt, last.pt  checkpoints
    layer_stats.jsonl per-layer statistics (see studio.training.layer_stats)

Folders written before run.json existed keep working: ``gui-result.json`` (written by older
versions of the window) is read in its place.
"""
from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from studio.core.jsonout import dumps_strict

STATUS_FILE = "run.json"
LEGACY_STATUS_FILE = "gui-result.json"
RUN_FORMAT = "cnn-studio-run"
STATUSES = ("running", "finished", "stopped", "failed")


def graph_version(project) -> str:
    """A short fingerprint of the graph (and class count): what exactly is being trained."""
    text = json.dumps([project.graph.to_dict(), project.num_classes], sort_keys=True)
    return hashlib.sha1(text.encode()).hexdigest()[:7]


def run_slug(name: str | None) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name or "").strip("-.")[:40] or "model"


def new_run_dir(name: str | None, base: Path | None = None, now: float | None = None) -> Path:
    """A fresh (not yet existing) folder ``base/<timestamp>-<name>`` (``-2``, ``-3``… on a clash)."""
    if base is None:
        from studio.paths import runs_dir

        base = runs_dir()
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    stem = Path(base) / f"{stamp}-{run_slug(name)}"
    path, n = stem, 1
    while path.exists():
        n += 1
        path = stem.with_name(f"{stem.name}-{n}")
    return path


# ---- the status record -------------------------------------------------------------
def write_status(run_dir: Path, **fields) -> None:
    """Merge ``fields`` into ``run_dir/run.json`` (atomically; an unwritable folder is skipped)."""
    from studio.core.project import atomic_write_text

    path = Path(run_dir) / STATUS_FILE
    record = {"format": RUN_FORMAT, "version": 1}
    record.update(_read_json(path) or {})
    record.update(fields)
    try:
        atomic_write_text(path, dumps_strict(record, indent=2) + "\n")
    except OSError:
        pass


def read_status(run_dir: Path) -> dict:
    """The run's status record: run.json, else an old gui-result.json, else {}."""
    d = _read_json(Path(run_dir) / STATUS_FILE)
    if isinstance(d, dict) and d.get("format") == RUN_FORMAT:
        return d
    d = _read_json(Path(run_dir) / LEGACY_STATUS_FILE)
    return d if isinstance(d, dict) else {}


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def read_metrics(path: Path) -> list[dict]:
    """The rows of a ``metrics.jsonl`` (bad lines skipped; a file being written is fine)."""
    rows = []
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return rows
    for line in text.splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if isinstance(row, dict):
            rows.append(row)
    return rows


def read_layer_stats(path: Path) -> list[dict]:
    """The samples of a layer_stats.jsonl (see studio.training.layer_stats; bad lines skipped)."""
    return [r for r in read_metrics(path) if isinstance(r.get("layers"), dict) and isinstance(r.get("step"), int)]


# ---- reading and listing -------------------------------------------------------------
@dataclass
class RunInfo:
    path: Path
    metrics: list[dict] = field(default_factory=list)
    project: object = None  # studio.core.project.Project, or None when unreadable
    project_error: str = ""
    result: dict = field(default_factory=dict)
    checkpoints: list[Path] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def settings(self) -> dict:
        return dict(self.project.training or {}) if self.project is not None else {}

    @property
    def dataset(self) -> dict:
        return dict(self.project.dataset or {}) if self.project is not None else {}

    @property
    def model(self) -> str:
        p = self.project
        return (p.name or p.template or "") if p is not None else ""

    @property
    def best_val_acc(self) -> float | None:
        accs = [m["val_acc"] for m in self.metrics if isinstance(m.get("val_acc"), (int, float))]
        return max(accs) if accs else self.result.get("best_val_acc")

    @property
    def status(self) -> str:
        s = self.result.get("status")
        if s in STATUSES:
            return s
        return "finished" if self.metrics else "–"


def read_project(path: Path):
    """(Project, "") or (None, a one-line reason), through parse_project and its migrations."""
    from studio.core.errors import StudioError
    from studio.core.project import load_project

    try:
        return load_project(path), ""
    except (StudioError, OSError, ValueError) as exc:
        return None, str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def read_run(path: Path) -> RunInfo:
    """Read a run folder; unreadable parts are left empty (a run being written is fine)."""
    info = RunInfo(Path(path))
    info.metrics = read_metrics(info.path / "metrics.jsonl")
    proj = info.path / "project.cnnproj"
    if proj.exists():
        info.project, info.project_error = read_project(proj)
    info.result = read_status(info.path)
    info.checkpoints = sorted(info.path.glob("*.pt"))
    return info


def is_run_dir(path: Path) -> bool:
    p = Path(path)
    return p.is_dir() and any((p / n).exists() for n in ("project.cnnproj", "metrics.jsonl", STATUS_FILE,
                                                          LEGACY_STATUS_FILE))


def list_runs(root: Path | None = None) -> list[RunInfo]:
    """Every run folder directly under ``root`` (default: runs_dir()), newest first."""
    if root is None:
        from studio.paths import runs_dir

        root = runs_dir()
    root = Path(root)
    runs = [read_run(p) for p in root.iterdir() if is_run_dir(p)] if root.is_dir() else []

    def mtime(r: RunInfo) -> float:
        try:
            return r.path.stat().st_mtime
        except OSError:
            return 0.0
    return sorted(runs, key=mtime, reverse=True)


def run_checkpoint(version: str, root: Path | None = None, newest: int = 30) -> Path | None:
    """best.pt (else last.pt) of the newest run folder that trained graph ``version``."""
    if root is None:
        from studio.paths import runs_dir

        root = runs_dir()
    root = Path(root)
    found = []
    for d in root.iterdir() if root.is_dir() else ():
        ck = next((d / n for n in ("best.pt", "last.pt") if (d / n).is_file()), None)
        if ck is not None:
            found.append((ck.stat().st_mtime, d.name, ck))
    for _t, _n, ck in sorted(found, reverse=True)[:newest]:
        version_here = read_status(ck.parent).get("graph_version")
        if version_here is None:
            project, _err = read_project(ck.parent / "project.cnnproj")
            version_here = graph_version(project) if project is not None else None
        if version_here == version:
            return ck
    return None
