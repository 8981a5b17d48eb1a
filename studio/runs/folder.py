"""Run folders, for the command line and the window alike (no torch, no Qt).

A run folder is named ``<YYYYmmdd-HHMMSS>-<name>`` (sorts by time) and holds

    project.cnnproj   the project as trained (settings and data included)
    metrics.jsonl     one line per finished epoch
    run.json          the status record, written by the engine at start and at the end:
                      {"format": "cnn-studio-run", "version": 1, "status": "running" |
                       "finished" | "stopped" | "failed", "message", "epochs", "epochs_done",
                       "best_acc", "best_acc_split", "graph_version", "started", "ended"}
                      (best_acc: the best epoch accuracy on best_acc_split, "val", or "train"
                      when the data had no validation split; older runs wrote "best_val_acc"
                      and "best_metric" {"name": "val_acc" | "train_acc", "value"} instead:
                      :meth:`RunInfo.best` reads both)
    best.pt, last.pt  checkpoints
    layer_stats.jsonl per-layer statistics (written by studio.training.layer_stats)

Folders written before run.json existed keep working: ``gui-result.json`` (written by older
versions of the window) is read in its place.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from studio.core.jsonout import dumps_strict, restore
from studio.core.text import clip

from .records import RUN_FORMAT, STATUSES, layer_stats_row, metric_row, status_record

STATUS_FILE = "run.json"
LEGACY_STATUS_FILE = "gui-result.json"


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
#: caps on what is read from a run folder (a record, a log of epochs, a log of layer statistics)
STATUS_LIMIT = 1 * 2**20
METRICS_LIMIT = 64 * 2**20
LAYER_STATS_LIMIT = 256 * 2**20
#: the files a run writes; any of them (even a dangling link) means the folder holds a run
RUN_FILES = ("last.pt", "best.pt", "metrics.jsonl", "layer_stats.jsonl", STATUS_FILE, LEGACY_STATUS_FILE)


def write_status(run_dir: Path, **fields) -> None:
    """Merge ``fields`` into ``run_dir/run.json`` (atomically; an unwritable folder is skipped)."""
    from studio.core.userfile import atomic_write_text

    path = Path(run_dir) / STATUS_FILE
    record = {"format": RUN_FORMAT, "version": 1}
    record.update(status_record(_read_json(path)))
    record.update(fields)
    try:
        atomic_write_text(path, dumps_strict(record, indent=2) + "\n", what="run record")
    except OSError:
        pass


def read_status(run_dir: Path, notes: list[str] | None = None) -> dict:
    """The run's status record (typed: see :func:`studio.runs.records.status_record`): run.json,
    else an old gui-result.json, else {}. Problems are described in ``notes``."""
    d = _read_json(Path(run_dir) / STATUS_FILE, notes)
    if isinstance(d, dict) and d.get("format") == RUN_FORMAT:
        return status_record(d, notes, STATUS_FILE)
    d = _read_json(Path(run_dir) / LEGACY_STATUS_FILE, notes)
    return status_record(d, notes, LEGACY_STATUS_FILE) if isinstance(d, dict) else {}


def read_run_file(path: Path, limit: int, notes: list[str] | None) -> bytes | None:
    """The bytes of a file of a run folder: a regular file only, never through a symbolic link,
    never blocking; None (and a note) when it cannot be read, None silently when it is absent."""
    from studio.core.userfile import UserFileError, read_bytes

    if not os.path.lexists(path):
        return None
    try:
        return read_bytes(path, what=f"run's {path.name}", limit=limit, follow_symlinks=False)
    except UserFileError as exc:
        if notes is not None:
            notes.append(str(exc))
        return None


def _read_json(path: Path, notes: list[str] | None = None):
    raw = read_run_file(path, STATUS_LIMIT, notes)
    if raw is None:
        return None
    try:
        return json.loads(raw.decode("utf-8", errors="replace"))
    except (ValueError, RecursionError):
        if notes is not None:
            notes.append(f"{path.name} is not valid JSON: ignored")
        return None


def _lines(path: Path, limit: int, notes: list[str] | None):
    """The JSON objects of a .jsonl file (bad lines skipped and counted; a file being written is fine)."""
    raw = read_run_file(path, limit, notes)
    if raw is None:
        return
    bad = 0
    for line in raw.decode("utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        try:
            yield restore(json.loads(line))  # NaN written as null + note comes back as NaN
        except (ValueError, RecursionError):
            bad += 1
    if bad and notes is not None:
        notes.append(f"{path.name}: {bad} line{'s' if bad > 1 else ''} that are not JSON skipped")


def read_metrics(path: Path, notes: list[str] | None = None) -> list[dict]:
    """The rows of a ``metrics.jsonl``, typed (see :func:`studio.runs.records.metric_row`): lines
    that are not epoch records are skipped."""
    rows = [r for r in map(metric_row, _lines(Path(path), METRICS_LIMIT, notes)) if r is not None]
    return rows


def read_layer_stats(path: Path, notes: list[str] | None = None) -> list[dict]:
    """The samples of a layer_stats.jsonl (see studio.training.layer_stats), typed; bad lines skipped."""
    return [r for r in map(layer_stats_row, _lines(Path(path), LAYER_STATS_LIMIT, notes)) if r is not None]


def prepare_run_file(path: Path) -> None:
    """Before a run writes ``path`` in its folder: a symbolic link or a special file there is
    removed (the link itself; its target is never touched), so the run writes a plain file."""
    try:
        st = os.lstat(path)
    except OSError:
        return
    if not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
        try:
            os.unlink(path)
        except OSError:
            pass


# ---- reading and listing -------------------------------------------------------------
@dataclass
class RunInfo:
    path: Path
    metrics: list[dict] = field(default_factory=list)
    project: object = None  # studio.core.project.Project, or None when unreadable
    project_error: str = ""
    result: dict = field(default_factory=dict)  # the typed run.json record
    checkpoints: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what could not be read, one line each

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
    def best(self) -> tuple[float | None, str | None]:
        """(best accuracy, "val" | "train"): from the epochs' metrics (validation when there is
        any, else training), else from run.json, of this version or an older one."""
        for split in ("val", "train"):
            accs = [m[f"{split}_acc"] for m in self.metrics if _is_number(m.get(f"{split}_acc"))]
            if accs:
                return max(accs), split
        return _best_of_status(self.result)

    @property
    def best_acc(self) -> float | None:
        return self.best[0]

    @property
    def best_acc_split(self) -> str | None:
        return self.best[1]

    @property
    def best_val_acc(self) -> float | None:
        """The best validation accuracy; None for a run without a validation split."""
        acc, split = self.best
        return acc if split == "val" else None

    @property
    def status(self) -> str:
        s = self.result.get("status")
        if s in STATUSES:
            return s
        return "finished" if self.metrics else "–"


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _best_of_status(record: dict) -> tuple[float | None, str | None]:
    """(best accuracy, split) of a status record: ``best_acc``/``best_acc_split``; older records
    hold ``best_metric`` {"name": "val_acc" | "train_acc", "value"} or only ``best_val_acc``
    (which was a training accuracy when the data had no validation split and best_metric says so)."""
    if _is_number(record.get("best_acc")):
        split = record.get("best_acc_split")
        return record["best_acc"], split if split in ("val", "train") else None
    metric = record.get("best_metric")
    if isinstance(metric, dict) and _is_number(metric.get("value")) and metric.get("name") in ("val_acc", "train_acc"):
        return metric["value"], metric["name"].removesuffix("_acc")
    if _is_number(record.get("best_val_acc")):
        return record["best_val_acc"], "val"
    return None, None


def read_project(path: Path):
    """(Project, "") or (None, a one-line reason), through parse_project and its migrations.
    A symbolic link, a pipe or a device is refused without blocking."""
    from studio.core.errors import StudioError
    from studio.core.project import loads_project
    from studio.core.userfile import UserFileError, decode_text, read_bytes

    try:
        raw = read_bytes(path, what="run's project file", follow_symlinks=False)
        return loads_project(decode_text(raw, path, what="project file", fmt="UTF-8 JSON"), path.name), ""
    except (StudioError, UserFileError, OSError, ValueError) as exc:
        return None, str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def read_run(path: Path) -> RunInfo:
    """Read a run folder; unreadable parts are left empty, each with a line in ``notes`` (a run
    being written is fine). Never blocks and never follows a symbolic link inside the folder."""
    info = RunInfo(Path(path))
    info.metrics = read_metrics(info.path / "metrics.jsonl", info.notes)
    proj = info.path / "project.cnnproj"
    if os.path.lexists(proj):
        info.project, info.project_error = read_project(proj)
    info.result = read_status(info.path, info.notes)
    try:
        info.checkpoints = sorted(p for p in info.path.glob("*.pt") if p.is_file() and not p.is_symlink())
    except OSError:
        info.checkpoints = []
    return info


def is_run_dir(path: Path) -> bool:
    p = Path(path)
    return p.is_dir() and any(os.path.lexists(p / n) for n in ("project.cnnproj", "metrics.jsonl", STATUS_FILE,
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
        ck = next((d / n for n in ("best.pt", "last.pt") if (d / n).is_file() and not (d / n).is_symlink()), None)
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


# ---- may a run write here? -------------------------------------------------------------
EXPERIMENT_FILES = ("verdict.json", "report.md", "curves.png")


def _same_file(a: Path, b: Path | None) -> bool:
    try:
        return b is not None and os.path.samefile(a, b)
    except OSError:
        return False


def run_folder_problem(out: Path, project=None, project_file: Path | None = None) -> str:
    """Why a new run should not be written into ``out`` (empty when it may): the folder holds
    another run (any of its files, a dangling link included) or a project that is not the one
    being trained (``project``; the file ``project_file`` itself is fine)."""
    out = Path(out)
    if not out.is_dir():
        return ""
    found = [n for n in RUN_FILES if os.path.lexists(out / n)]
    if found:
        return f"already holds a run ({', '.join(found)})"
    mine = out / "project.cnnproj"
    if os.path.lexists(mine) and not _same_file(mine, project_file):
        other, _err = read_project(mine)
        if other is None or project is None or graph_version(other) != graph_version(project):
            what = f"'{clip(other.name or other.template or '?')}'" if other is not None else "unreadable"
            return f"holds project.cnnproj of another network ({what}), which the run would replace"
    return ""


def experiment_folder_problem(out: Path, variants) -> str:
    """Why an experiment should not be written into ``out``: an earlier experiment's outputs, a run
    in the folder itself, or a run in one of the variants' folders ``out/<variant>``."""
    out = Path(out)
    if not out.is_dir():
        return ""
    found = [n for n in EXPERIMENT_FILES if os.path.lexists(out / n)]
    if found:
        return f"already holds an experiment ({', '.join(found)})"
    here = run_folder_problem(out)
    if here:
        return here
    for name in variants:
        sub = out / name
        if os.path.lexists(sub) and not sub.is_dir():
            return f"holds {clip(name)}, which is not a folder (the variant '{clip(name)}' trains in {clip(name)}/)"
        problem = run_folder_problem(sub)
        if problem:
            return f"{clip(name)}/ {problem}"
    return ""
