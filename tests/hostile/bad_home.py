"""A user data folder holding every kind of bad file the window reads at start-up: user
templates and blocks with wrong field types, lone surrogates, pipes and /dev/zero links, run
folders whose run.json / metrics.jsonl / project.cnnproj are wrong, pipes or links, a pipe as the
recovery note, the settings file and the log."""
from __future__ import annotations

import json
import os
from pathlib import Path

from .conftest import lenet_dict

BAD_META = {
    "name-number": {"name": 5},
    "description-number": {"name": "desc", "description": 7},
    "outputs-string": {"name": "outs", "outputs": "x"},
    "inputs-port-string": {"name": "ports", "inputs": [{"node": "c1", "port": "one"}]},
    "surrogate": {"name": "\ud800x"},
    "meta-list": [1, 2],
}


def special(path: Path, kind: str, specials: bool = True) -> None:
    """A pipe, a /dev/zero link or a dangling link at ``path`` (pipes and device links only
    with ``specials``)."""
    if not specials and kind in ("fifo", "zero"):
        return
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        os.symlink("/dev/zero", path)
    elif kind == "dangling":
        os.symlink(path.parent / "nowhere" / "x", path)


def _template_files(folder: Path, kind: str, specials: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, meta in BAD_META.items():
        d = lenet_dict()
        d["user_template"] = dict(meta, kind=kind) if isinstance(meta, dict) else meta
        (folder / f"{stem}.cnnproj").write_text(json.dumps(d), encoding="utf-8")
    good = lenet_dict()
    good["user_template"] = {"name": f"good {kind}", "description": "fine", "kind": kind}
    (folder / f"good_{kind}.cnnproj").write_text(json.dumps(good), encoding="utf-8")
    for k in ("fifo", "zero"):
        special(folder / f"{k}.cnnproj", k, specials)


def _run(root: Path, name: str, files: dict[str, object], specials: bool) -> Path:
    d = root / name
    d.mkdir(parents=True)
    for fname, content in files.items():
        if content in ("fifo", "zero", "dangling"):
            special(d / fname, content, specials)
        else:
            (d / fname).write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return d


def make_bad_home(home: Path, specials: bool = True) -> Path:
    """Fill ``home`` (a CNN_STUDIO_HOME) with the bad files; returns it. Without ``specials`` no
    pipe or device link is made (for a window built in the test's own process)."""
    home.mkdir(parents=True, exist_ok=True)
    _template_files(home / "templates", "project", specials)
    _template_files(home / "templates" / "blocks", "block", specials)
    runs = home / "runs"
    project = json.dumps(lenet_dict())
    metrics = json.dumps({"epoch": 1, "train_loss": 1.0, "train_acc": 0.5, "val_acc": 0.5}) + "\n"
    _run(runs, "20260101-000000-acc-string", {"project.cnnproj": project, "metrics.jsonl": metrics,
                                              "run.json": {"format": "cnn-studio-run", "version": 1,
                                                           "status": "finished", "best_val_acc": "x"}}, specials)
    _run(runs, "20260101-000001-status-types", {"project.cnnproj": project,
                                                "run.json": {"format": "cnn-studio-run", "version": "1",
                                                             "status": 3, "epochs": "ten", "message": ["x"],
                                                             "best_metric": {"name": 1}}}, specials)
    _run(runs, "20260101-000002-fifo-metrics", {"project.cnnproj": project, "metrics.jsonl": "fifo"}, specials)
    _run(runs, "20260101-000003-fifo-status", {"project.cnnproj": project, "run.json": "fifo"}, specials)
    _run(runs, "20260101-000004-fifo-project", {"project.cnnproj": "fifo", "metrics.jsonl": metrics}, specials)
    _run(runs, "20260101-000005-zero-links", {"project.cnnproj": "zero", "metrics.jsonl": "zero",
                                              "run.json": "zero", "layer_stats.jsonl": "zero"}, specials)
    _run(runs, "20260101-000006-dangling", {"project.cnnproj": project, "metrics.jsonl": "dangling"}, specials)
    _run(runs, "20260101-000007-surrogates", {
        "project.cnnproj": project,
        "metrics.jsonl": '{"epoch": 1, "train_loss": 0.5, "\\ud800": "\\udfff", "val_acc": "\\ud800"}\n'
                         '{"epoch": "2", "train_loss": 0.4}\nnot json\n[1, 2]\n',
        "run.json": '{"format": "cnn-studio-run", "version": 1, "status": "failed", "message": "bad \\ud800 text",'
                    ' "\\udc00key": 1}'}, specials)
    rec = home / "recovery"
    rec.mkdir(parents=True, exist_ok=True)
    (rec / "recovery.cnnproj").write_text(project, encoding="utf-8")
    special(rec / "recovery.json", "fifo", specials)
    special(home / "settings.ini", "fifo", specials)
    special(home / "cnn-studio.log", "fifo", specials)
    return home
