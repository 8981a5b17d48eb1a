"""`cnn-studio train/evaluate/predict` in real subprocesses, Ctrl-C included."""
import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest
import torch

from ..training.engine_helpers import digit_png


def cli(*args, cwd, timeout=120):
    env = dict(os.environ, OMP_NUM_THREADS="1")
    return subprocess.run([sys.executable, "-m", "studio", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory):
    cwd = tmp_path_factory.mktemp("cli")
    r = cli("train", "lenet5", "--data", "digits", "--epochs", "1", "--seed", "1", cwd=cwd)
    return cwd, r


def lines_best(run):
    return max(json.loads(x)["val_acc"] for x in (run / "metrics.jsonl").read_text().splitlines())


def test_train_writes_the_run_folder(cli_run):
    cwd, r = cli_run
    assert r.returncode == 0, r.stderr
    runs = list((cwd / "runs").iterdir())
    assert len(runs) == 1 and re.fullmatch(r"\d{8}-\d{6}-lenet5", runs[0].name)  # one naming: <time>-<name>
    run = runs[0]
    assert {p.name for p in run.iterdir()} >= {"best.pt", "last.pt", "metrics.jsonl", "project.cnnproj", "run.json"}
    status = json.loads((run / "run.json").read_text())  # the CLI run has its status record too
    assert status["status"] == "finished" and status["epochs_done"] == 1 and status["epochs"] == 1
    assert status["best_acc_split"] == "val" and status["best_acc"] == lines_best(run)
    assert "best_val_acc" not in status and "best_metric" not in status  # the old, misleading names
    lines = [json.loads(x) for x in (run / "metrics.jsonl").read_text().splitlines()]
    assert [x["epoch"] for x in lines] == [1]
    for key in ("epoch", "train_loss", "train_acc", "val_loss", "val_acc", "samples_per_s", "elapsed_s"):
        assert isinstance(lines[0][key], (int, float)), key
    # stderr: plain lines when not a terminal, one per epoch; stdout: the table and the result
    assert "device: cpu" in r.stderr
    assert r.stderr.count("epoch 1/1") == 1 and "\r" not in r.stderr
    assert "train loss" in r.stdout and "finished: trained 1 epoch;" in r.stdout
    ck = torch.load(run / "last.pt", weights_only=True)
    assert ck["input_shape"] == [1, 32, 32] and ck["project"]["num_classes"] == 10


def test_evaluate_and_predict(cli_run, tmp_path):
    cwd, r = cli_run
    ckpt = next((cwd / "runs").iterdir()) / "best.pt"
    ev = cli("evaluate", ckpt, cwd=cwd)
    assert ev.returncode == 0, ev.stderr
    assert "accuracy:" in ev.stdout and "confusion matrix" in ev.stdout and "precision" in ev.stdout
    label = digit_png(tmp_path / "seven.png", 7)
    (tmp_path / "bad.png").write_text("no image here")
    pr = cli("predict", ckpt, tmp_path / "seven.png", tmp_path / "bad.png", "--top-k", "3", cwd=cwd)
    assert pr.returncode == 2
    first = pr.stdout.splitlines()[0]
    assert first.startswith(str(tmp_path / "seven.png") + f": {label} (")
    assert "bad.png cannot be read as an image" in pr.stderr and "Traceback" not in pr.stderr


def test_user_errors_are_one_line(tmp_path):
    r = cli("train", "lenet5", "--data", "nosuch", cwd=tmp_path)
    assert r.returncode == 2 and "unknown data set" in r.stderr and "Traceback" not in r.stderr


def test_ctrl_c_stops_with_a_checkpoint(tmp_path):
    env = dict(os.environ, OMP_NUM_THREADS="1")
    proc = subprocess.Popen([sys.executable, "-m", "studio", "train", "lenet5", "--data", "digits", "--epochs", "200",
                             "--batch-size", "16", "--out", str(tmp_path / "run")], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if line.startswith("epoch 1/200") or not line:
                break
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert "stopped" in err and "Traceback" not in err
    ck = torch.load(tmp_path / "run" / "last.pt", weights_only=True)
    assert ck["epoch"] >= 1
