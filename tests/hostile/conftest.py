"""Shared by the hostile-input tests: a valid project to mutate, the CLI run in-process, and one
real trained checkpoint (a 1-epoch LeNet-5 run on digits) whose metadata the tests damage."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from studio.cli import main

ROOT = Path(__file__).resolve().parents[2]
LENET = ROOT / "examples" / "lenet5.cnnproj"
DIGIT = ROOT / "resources" / "samples" / "digit_3.png"


def lenet_dict() -> dict:
    return json.loads(LENET.read_text(encoding="utf-8"))


def write_project(path: Path, data: dict | None = None, text: str | None = None) -> Path:
    """``data`` as JSON (surrogates kept as \\ud800 escapes, NaN as NaN), or raw ``text``."""
    path.write_text(text if text is not None else json.dumps(data), encoding="utf-8")
    return path


def mutated(mutate) -> dict:
    d = copy.deepcopy(lenet_dict())
    mutate(d)
    return d


@pytest.fixture
def cli(capsys):
    """Run `cnn-studio ARGS...` in-process: (exit code, stdout, stderr)."""
    def run(*args):
        rc = main([str(a) for a in args])
        out = capsys.readouterr()
        return rc, out.out, out.err
    return run


def one_line_error(rc: int, err: str, *words: str) -> str:
    """Assert the CLI refused with exit 2 and one line (no traceback) containing ``words``."""
    assert rc == 2, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]


@pytest.fixture(scope="session")
def trained(tmp_path_factory):
    """A real 1-epoch LeNet-5 run on digits: its folder (last.pt, best.pt)."""
    import torch

    n = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        run = tmp_path_factory.mktemp("hostile_run") / "run"
        assert main(["train", str(LENET), "--data", "digits", "--epochs", "1", "--out", str(run)]) == 0
    finally:
        torch.set_num_threads(n)
    return run
