"""Every error path of the headless commands: one line on stderr naming the fix, exit 2, no traceback.

In-process through `studio.cli.main` (the same code the `cnn-studio` script runs; test_readme.py and
test_training.py start real processes), against real files: a trained checkpoint, truncated and
code-carrying checkpoints, a checkpoint with another network's weights, missing folders.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import torch

from studio.cli import main

ROOT = Path(__file__).resolve().parents[2]
EX = ROOT / "examples"
DIGIT = ROOT / "resources" / "samples" / "digit_3.png"


class _RunsCode:
    def __reduce__(self):
        return (os.system, ("echo ran > ran.txt",))


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A real 1-epoch lenet5 run plus broken checkpoints and paths next to it."""
    d = tmp_path_factory.mktemp("errors")
    run = d / "run"
    assert main(["train", "lenet5", "--data", "digits", "--epochs", "1", "--out", str(run)]) == 0
    good = (run / "last.pt").read_bytes()
    (d / "cut.pt").write_bytes(good[: len(good) // 3])
    (d / "empty.pt").write_bytes(b"")
    (d / "text.pt").write_text("hello")
    torch.save({"model": _RunsCode()}, d / "code.pt")
    ck = torch.load(run / "last.pt", weights_only=True)
    ck["model"] = {"conv1.weight": torch.zeros(64, 3, 7, 7)}  # another network's weights
    torch.save(ck, d / "other_net.pt")
    torch.save({"fc.weight": torch.zeros(2, 2)}, d / "bare.pt")
    (d / "exists.cnnproj").write_text("{}")
    (d / "exists.py").write_text("")
    (d / "mnist_empty").mkdir()
    saved = json.loads((EX / "lenet5.cnnproj").read_text())
    saved["dataset"] = {"source": "mnist", "val_fraction": 0.2}  # no root: unusable as saved
    (d / "mnist_saved.cnnproj").write_text(json.dumps(saved))
    return d


def unavailable_device() -> str:
    return "cuda" if not torch.cuda.is_available() else "mps"


def cases(d: Path):
    run, ck = d / "run", str(d / "run" / "last.pt")
    missing = d / "no_such_folder"
    return [
        (["summary", "nosuch.cnnproj"], "nosuch.cnnproj: no such file"),
        (["summary", "nosuch"], "no template or project file named 'nosuch'"),
        (["summary", str(d)], "is a folder, not a project file"),
        (["summary", str(ROOT / "README.md")], "is not valid JSON"),
        (["summary", "lenet5", "--input", "3x"], "is not C×H×W: write it like 3x224x224"),
        (["summary", "alexnet", "--input", "3x16x16"], "the smallest input it accepts is 3×63×63"),
        (["summary", "lenet5", "--classes", "0"], "at least 1 class"),
        (["summary", "lenet5", "--bogus"], "unrecognized arguments: --bogus (see: cnn-studio summary --help)"),
        (["templates", "nosuch"], "no template named 'nosuch'"),
        (["new", "nosuch", "-o", str(d / "n.cnnproj")], "no template or project file named 'nosuch'"),
        (["new", "lenet5", "-o", str(missing / "n.cnnproj")], "does not exist (no such folder)"),
        (["new", "lenet5", "-o", str(d)], "is a folder: give a file name, e.g."),
        (["new", "lenet5", "-o", str(d / "exists.cnnproj")], "already exists: choose another name or add --force"),
        (["export", "lenet5", "-o", str(d / "exists.py")], "already exists: choose another name or add --force"),
        (["export", "lenet5", "-o", str(missing / "m.py")], "no such folder"),
        (["export", "lenet5", "-o", str(d / "m.xyz")], "cannot tell the format"),
        (["export", "lenet5", "-o", str(d / "m.py"), "--weights", str(d / "cut.pt")], "cannot be loaded safely"),
        (["import", "torchvision.models:resnet18", "-o", str(missing / "r.cnnproj")], "no such folder"),
        (["import", "torchvision.models:resnet18", "-o", str(d / "exists.cnnproj")], "already exists"),
        (["import", "no_such_module_xyz:net", "-o", str(d / "i.cnnproj")], "cannot import the Python module"),
        (["train", "lenet5", "--data", "nosuch"], "unknown data set 'nosuch'"),
        (["train", "lenet5", "--data", f"folder:{missing}"], "does not exist: give a folder with one subfolder"),
        (["train", "lenet5", "--data", f"mnist:{d / 'mnist_empty'}"], "where the network allows (--download)"),
        (["train", "lenet5", "--data", "mnist"], "mnist needs a folder, e.g. --data mnist:./data"),
        (["train", str(d / "mnist_saved.cnnproj")], "dataset settings of " + str(d / "mnist_saved.cnnproj")
         + ": data set 'mnist' needs a folder"),
        (["train", "lenet5", "--epochs", "0"], "'epochs' is 0: train for at least 1 epoch"),
        (["train", "lenet5", "--lr", "-0.1"], "'lr' is -0.1: the learning rate must be above 0"),
        (["train", "lenet5", "--epochs", "abc"], "--epochs: 'abc' is not a whole number: write it with the digits 0-9, e.g. --epochs 10 (see: cnn-studio train --help)"),
        (["train", "lenet5", "--device", unavailable_device()], "available: use --device auto or cpu"),
        (["train", "lenet5", "--out", str(ROOT / "README.md")], "is a file: give a folder for the run"),
        (["train", "lenet5", "--out", str(run)], "already holds a run"),
        (["train", "lenet5", "--out", str(d / "exists.py" / "run")], "cannot create the run folder"),
        (["train", str(EX / "lenet5.cnnproj"), "--data", "shapes"], "has 10 classes but --data shapes has 5"),
        (["train", "resnet18", "--resume", ck], "was trained on the template lenet5, not resnet18"),
        (["train", str(EX / "resnet_mini.cnnproj"), "--resume", ck], "was not trained on"),
        (["train", "lenet5", "--resume", ck, "--epochs", "1"], "already trained 1 epoch(s)"),
        (["train", "lenet5", "--resume", ck, "--epochs", "3", "--classes", "5"], "a resumed run keeps its classes"),
        (["train", "lenet5", "--resume", str(d / "other_net.pt"), "--epochs", "3"], "do not fit the network"),
        (["train", "lenet5", "--resume", str(d / "cut.pt")], "cut.pt is truncated or damaged"),
        (["predict", str(d / "code.pt"), str(DIGIT)], "was refused: it holds a Python object (posix.system)"),
        (["predict", str(d / "cut.pt"), str(DIGIT)], "cut.pt is truncated or damaged"),
        (["predict", str(d / "empty.pt"), str(DIGIT)], "empty.pt is empty"),
        (["predict", str(d / "text.pt"), str(DIGIT)], "not a PyTorch checkpoint"),
        (["predict", str(d / "bare.pt"), str(DIGIT)], "holds bare weights (a state_dict)"),
        (["predict", str(d / "other_net.pt"), str(DIGIT)], "'conv1.weight' is 64×3×7×7 in the checkpoint"),
        (["predict", ck, str(d / "nosuch.png")], "no such image file"),
        (["predict", ck, str(DIGIT), "--top-k", "0"], "list at least 1 class"),
        (["evaluate", str(d / "other_net.pt")], "do not fit the network stored with it"),
        (["evaluate", str(run)], "is a folder, not a checkpoint file (did you mean best.pt inside it?)"),
        (["evaluate", ck, "--data", "shapes"], "the checkpoint knows 10 classes but --data shapes has 5"),
    ]


def test_every_error_is_one_line_and_exit_2(files, capsys, monkeypatch):
    monkeypatch.chdir(files)
    before = sorted(p.name for p in files.iterdir())
    stamps = {p: p.stat().st_mtime_ns for p in (files / "run").iterdir()}
    problems = []
    for argv, phrase in cases(files):
        try:
            rc = main(argv)
        except SystemExit as exc:
            rc = exc.code
        out, err = capsys.readouterr()
        lines = err.strip().splitlines()
        if rc != 2 or len(lines) != 1 or phrase not in err or "Traceback" in err or out:
            problems.append(f"{' '.join(argv)}\n  rc={rc} stderr={err!r} stdout={out[:200]!r}")
    assert not problems, "\n".join(problems)
    # nothing was written by a refused command, nothing in the run folder was touched, no code ran
    assert sorted(p.name for p in files.iterdir()) == before
    assert {p: p.stat().st_mtime_ns for p in (files / "run").iterdir()} == stamps


def test_an_invalid_graph_lists_its_problems(files, capsys):
    rc = main(["train", str(EX / "broken_linear.cnnproj"), "--epochs", "1", "--out", str(files / "never")])
    err = capsys.readouterr().err
    assert rc == 2 and "the graph has 1 error(s)" in err and "insert Flatten before it" in err
    assert "Traceback" not in err and not (files / "never").exists()


def test_data_option_replaces_an_unusable_saved_source(files, capsys, tmp_path):
    rc = main(["train", str(files / "mnist_saved.cnnproj"), "--data", "digits", "--epochs", "1",
               "--out", str(tmp_path / "r")])
    assert rc == 0, capsys.readouterr().err
    saved = json.loads((tmp_path / "r" / "project.cnnproj").read_text())["dataset"]
    assert saved["source"] == "digits" and saved["val_fraction"] == 0.2  # the project's split is kept


def test_force_overwrites_and_a_run_folder_continues_with_resume(files, capsys, tmp_path):
    out = tmp_path / "m.py"
    assert main(["export", "lenet5", "-o", str(out)]) == 0
    assert main(["export", "lenet5", "-o", str(out)]) == 2
    assert main(["export", "lenet5", "-o", str(out), "--force"]) == 0
    run = tmp_path / "run"
    shutil.copytree(files / "run", run)
    assert main(["train", "lenet5", "--resume", str(run / "last.pt"), "--epochs", "2", "--out", str(run)]) == 0
    assert "resuming at epoch 2" in capsys.readouterr().err
