"""`cnn-studio train` on every kind of data, through the CLI, with real files in the real formats.

- shapes: from a project file hand-written as docs/project-format.md describes (its dataset
  options included), plus `--resume` continuing the run;
- folder:DIR with PNGs (one unreadable, skipped with a warning);
- mnist:DIR, fashion-mnist:DIR, cifar10:DIR written by tests/training_data/formats.py;
- the run folder holds exactly what issue 5 lists, metrics.jsonl one object per epoch.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from studio.cli import main
from ..training_data.formats import make_cifar, make_mnist

ROOT = Path(__file__).resolve().parents[2]
METRIC_KEYS = {"epoch", "train_loss", "train_acc", "val_loss", "val_acc", "samples_per_s", "elapsed_s"}

HAND_WRITTEN = {
    "format": "cnn-studio",
    "version": 1,
    "name": "tiny shapes net",
    "num_classes": 3,
    "graph": {
        "nodes": [
            {"id": "in", "type": "Input", "params": {"channels": 3, "height": 24, "width": 24}},
            {"id": "conv", "type": "Conv2d", "params": {"out_channels": 8, "kernel_size": 3, "padding": "same"}},
            {"id": "bn", "type": "BatchNorm"},
            {"id": "act", "type": "ReLU"},
            {"id": "side", "type": "Conv2d", "params": {"out_channels": 8, "kernel_size": 1}},
            {"id": "add", "type": "Add"},
            {"id": "pool", "type": "AdaptiveAvgPool2d", "params": {"output_size": 1}},
            {"id": "flat", "type": "Flatten"},
            {"id": "fc", "type": "Linear", "params": {"out_features": 3}},
        ],
        "edges": [
            {"source": "in", "target": "conv"}, {"source": "conv", "target": "bn"},
            {"source": "bn", "target": "act"}, {"source": "in", "target": "side"},
            {"source": "act", "target": "add", "port": 0}, {"source": "side", "target": "add", "port": 1},
            {"source": "add", "target": "pool"}, {"source": "pool", "target": "flat"},
            {"source": "flat", "target": "fc"},
        ],
    },
    "dataset": {"source": "shapes", "val_fraction": 0.2, "test_fraction": 0.1,
                "shapes": {"count": 120, "classes": ["circle", "square", "star"]}},
    "training": {"epochs": 1, "batch_size": 16, "lr": 0.01, "optimizer": "sgd", "scheduler": "cosine"},
}


def check_run(run: Path, epochs: int) -> list[dict]:
    assert sorted(p.name for p in run.iterdir()) == ["best.pt", "last.pt", "layer_stats.jsonl",
                                                         "metrics.jsonl", "project.cnnproj", "run.json"]
    rows = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    assert [r["epoch"] for r in rows] == list(range(1, epochs + 1))
    for r in rows:
        assert METRIC_KEYS <= set(r), METRIC_KEYS - set(r)
        assert all(isinstance(r[k], (int, float)) for k in METRIC_KEYS)
        assert 0 <= r["train_acc"] <= 1 and 0 <= r["val_acc"] <= 1 and r["samples_per_s"] > 0
    assert torch.load(run / "last.pt", weights_only=True)["epoch"] == epochs
    return rows


def test_hand_written_project_on_shapes_then_resume(tmp_path, capsys):
    proj = tmp_path / "tiny.cnnproj"
    proj.write_text(json.dumps(HAND_WRITTEN, indent=2))
    assert main(["summary", str(proj)]) == 0
    rows = {ln.split()[0]: ln.split()[2:5] for ln in capsys.readouterr().out.splitlines() if " (" in ln}
    assert rows["add"] == ["8×24×24", "0", "0"] and rows["fc"] == ["3", "27", "24"]
    run = tmp_path / "run"
    assert main(["train", str(proj), "--out", str(run)]) == 0, capsys.readouterr().err
    err = capsys.readouterr().err
    assert "training tiny shapes net on shapes: 84 train / 24 val images, 3 classes" in err
    first = check_run(run, 1)
    assert main(["train", str(proj), "--resume", str(run / "last.pt"), "--epochs", "2"]) == 0
    assert "resuming at epoch 2" in capsys.readouterr().err
    rows = check_run(run, 2)
    assert rows[0] == first[0] and rows[1]["elapsed_s"] >= rows[0]["elapsed_s"]
    saved = json.loads((run / "project.cnnproj").read_text())
    assert saved["dataset"]["shapes"]["count"] == 120 and saved["training"]["epochs"] == 2


def test_image_folder_with_an_unreadable_file(tmp_path, capsys):
    rng = np.random.default_rng(0)
    for k, name in enumerate(["cat", "dog", "fish"]):
        (tmp_path / "pics" / name).mkdir(parents=True)
        for i in range(6):
            img = np.full((20, 26, 3), 60 * k, np.uint8) + rng.integers(0, 40, (20, 26, 3), dtype=np.uint8)
            Image.fromarray(img).save(tmp_path / "pics" / name / f"{i}.png")
    (tmp_path / "pics" / "dog" / "broken.png").write_bytes(b"not a png")
    run = tmp_path / "run"
    rc = main(["train", "lenet5", "--data", f"folder:{tmp_path / 'pics'}", "--epochs", "1", "--out", str(run)])
    err = capsys.readouterr().err
    assert rc == 0, err
    assert "3 classes" in err and "skipped 1 unreadable image(s)" in err and "dog/broken.png" in err
    check_run(run, 1)
    ck = torch.load(run / "best.pt", weights_only=True)
    assert ck["class_names"] == ["cat", "dog", "fish"] and ck["input_shape"] == [1, 32, 32]  # lenet5 reads gray
    assert main(["predict", str(run / "best.pt"), str(tmp_path / "pics" / "fish" / "0.png"), "--json"]) == 0
    assert {t["class"] for t in json.loads(capsys.readouterr().out)["top"]} == {"cat", "dog", "fish"}


@pytest.mark.parametrize("source", ["mnist", "fashion-mnist", "cifar10"])
def test_standard_sets_from_real_format_files(tmp_path, capsys, source):
    root = tmp_path / "data"
    if source == "cifar10":
        make_cifar(root, per_batch=8, n_test=10)
    else:
        make_mnist(root, "MNIST" if source == "mnist" else "FashionMNIST", n_train=50, n_test=10)
    run = tmp_path / "run"
    rc = main(["train", "lenet5", "--data", f"{source}:{root}", "--epochs", "1", "--batch-size", "16",
               "--out", str(run)])
    err = capsys.readouterr().err
    assert rc == 0, err
    assert f"training lenet5 on {source}" in err
    check_run(run, 1)
    ck = torch.load(run / "last.pt", weights_only=True)
    assert ck["input_shape"][0] == (3 if source == "cifar10" else 1) and len(ck["class_names"]) == 10
    assert main(["evaluate", str(run / "best.pt"), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["split"] == "test" and res["count"] == 10


def test_the_format_docs_example_trains_on_digits(tmp_path, capsys):
    import re

    text = (ROOT / "docs" / "project-format.md").read_text(encoding="utf-8")
    (tmp_path / "small.cnnproj").write_text(re.search(r"```json\n(.*?)```", text, re.S).group(1))
    run = tmp_path / "run"
    assert main(["train", str(tmp_path / "small.cnnproj"), "--epochs", "1", "--out", str(run)]) == 0, \
        capsys.readouterr().err
    check_run(run, 1)
