"""Two CPU processes with gloo under torchrun match one process (same global batch)."""
import json
import os
import socket
import subprocess
import sys

import pytest

from studio import templates
from studio.training.data import load_data, parse_data_arg
from studio.training.engine import Trainer
from studio.training.settings import TrainSettings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_ddp_two_processes_match_one(tmp_path):
    env = dict(os.environ, OMP_NUM_THREADS="1")
    cmd = [sys.executable, "-m", "torch.distributed.run", "--nnodes=1", "--nproc_per_node=2",
           f"--master_port={free_port()}", "-m", "studio", "train", "lenet5", "--data", "digits",
           "--epochs", "1", "--seed", "5", "--out", str(tmp_path / "ddp")]
    r = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-3000:]
    assert "2 processes" in r.stderr
    assert r.stderr.count("epoch 1/1 ") == 1  # rank 0 logs, rank 1 stays quiet
    run = tmp_path / "ddp"
    assert sorted(p.name for p in run.iterdir()) == ["best.pt", "last.pt", "layer_stats.jsonl",
                                                         "metrics.jsonl", "project.cnnproj", "run.json"]
    lines = (run / "metrics.jsonl").read_text().splitlines()
    assert len(lines) == 1  # a second writer would have appended its own line
    ddp = json.loads(lines[0])

    # the same training in this process: same data, model, seed and global batch
    project = templates.build_project("lenet5")
    data = load_data(parse_data_arg("digits"), project.input_shape)
    recs = list(Trainer(project, data, TrainSettings(epochs=1, seed=5), out_dir=tmp_path / "one").run())
    one = [x for x in recs if x.kind == "epoch"][0]
    assert ddp["train_loss"] == pytest.approx(one.train_loss, abs=2e-3)
    assert ddp["val_loss"] == pytest.approx(one.val_loss, abs=2e-3)
    assert ddp["val_acc"] == pytest.approx(one.val_acc, abs=0.015)
    assert ddp["train_acc"] == pytest.approx(one.train_acc, abs=0.01)
