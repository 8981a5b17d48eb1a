"""Argument, file and project errors are reported before torch is imported.

A fresh interpreter runs each error path through ``studio.cli.main`` (the code behind the
``cnn-studio`` script) and, right after the error line is printed and main returns, records
whether ``torch`` is in ``sys.modules``. No clock is involved; benchmarks/cli_latency.py
measures the time this saves.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PATHS = {
    "train, no such project": (["train", "nosuch.cnnproj"], "nosuch.cnnproj: no such file"),
    "summary, damaged project": (["summary", "broken.cnnproj"], "broken.cnnproj is not valid JSON"),
    "train, damaged project": (["train", "broken.cnnproj"], "broken.cnnproj is not valid JSON"),
    "train, project with a wrong node": (["train", "badnode.cnnproj"], "badnode.cnnproj"),
    "train, bad option value": (["train", "lenet5", "--epochs", "-3"], "'epochs' is -3"),
    "train, bad --input": (["train", "lenet5", "--input", "3x"], "--input '3x' is not C×H×W"),
    "train, unknown option": (["train", "lenet5", "--bogus"], "unrecognized arguments: --bogus"),
    "train, bad choice": (["train", "lenet5", "--optimizer", "rmsprop"], "invalid choice: 'rmsprop'"),
    "train, unknown template": (["train", "lenet6"], "lenet6"),
    "train --resume, no such checkpoint": (["train", "lenet5", "--resume", "nosuch.pt"],
                                           "nosuch.pt: no such checkpoint file"),
    "train --out is a file": (["train", "lenet5", "--out", "broken.cnnproj"], "--out broken.cnnproj is a file"),
    "summary, no such project": (["summary", "nosuch.cnnproj"], "nosuch.cnnproj: no such file"),
    "export, no such project": (["export", "nosuch.cnnproj", "-o", "model.py"], "nosuch.cnnproj: no such file"),
    "export, unknown format": (["export", "lenet5", "-o", "model.xyz"], "cannot tell the format"),
    "predict, no such checkpoint": (["predict", "nosuch.pt", "image.png"], "nosuch.pt: no such checkpoint file"),
    "predict --explain, no such checkpoint": (["predict", "nosuch.pt", "image.png", "--explain"],
                                              "nosuch.pt: no such checkpoint file"),
    "predict --label without --explain": (["predict", "broken.cnnproj", "image.png", "--label", "3"],
                                          "--label gives the true class for --explain"),
    "predict --explain-layer without --at": (["predict", "broken.cnnproj", "image.png", "--explain-layer", "conv1"],
                                             "needs --at C,Y,X"),
    "evaluate, no such checkpoint": (["evaluate", "nosuch.pt"], "nosuch.pt: no such checkpoint file"),
    "import, bad --input": (["import", "torchvision.models:resnet18", "-o", "x.cnnproj", "--input", "3x"],
                            "--input '3x' is not C×H×W"),
}

RUNNER = r"""
import contextlib, io, json, sys
from studio.cli import main

out = {}
for name, argv in json.loads(sys.argv[1]).items():
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            rc = main(argv)
        except SystemExit as exc:  # argparse's own exits
            rc = exc.code
    out[name] = {"rc": rc, "stderr": err.getvalue(), "torch": "torch" in sys.modules}
print("RESULT", json.dumps(out))
"""


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    d = tmp_path_factory.mktemp("fast")
    (d / "broken.cnnproj").write_text('{"format": "cnn-studio", "version": 1, "graph": {"nodes": [')
    src = json.loads((ROOT / "examples" / "lenet5.cnnproj").read_text())
    src["graph"]["nodes"][1]["type"] = "Conv9d"
    (d / "badnode.cnnproj").write_text(json.dumps(src))
    argv = {name: a for name, (a, _) in PATHS.items()}
    r = subprocess.run([sys.executable, "-c", RUNNER, json.dumps(argv)], capture_output=True, text=True,
                       cwd=d, timeout=300)
    assert r.returncode == 0, r.stderr
    return read_result(r.stdout)


def read_result(stdout: str) -> dict:
    return json.loads(stdout.rsplit("RESULT ", 1)[1])


@pytest.mark.parametrize("name", list(PATHS))
def test_error_is_one_line_exit_2_without_torch(results, name):
    res = results[name]
    lines = res["stderr"].strip().splitlines()
    assert res["rc"] == 2 and len(lines) == 1, res
    assert PATHS[name][1] in lines[0] and "Traceback" not in res["stderr"]
    assert not res["torch"], f"{name}: torch was imported before the error was reported"


def test_the_check_sees_torch_when_it_is_imported(tmp_path):
    """The probe is not blind: a command that builds a model (export to TorchScript) has torch loaded."""
    argv = {"export": ["export", "lenet5", "-o", str(tmp_path / "m.pt")]}
    r = subprocess.run([sys.executable, "-c", RUNNER, json.dumps(argv)], capture_output=True, text=True,
                       cwd=tmp_path, timeout=300)
    res = read_result(r.stdout)["export"]
    assert res["rc"] == 0 and res["torch"], res
