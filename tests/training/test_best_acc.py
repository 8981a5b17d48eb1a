"""The best score is named for what it is: ``best_acc`` on ``best_acc_split`` ("val", or "train"
for data without a validation split), in the result, the checkpoints and run.json; checkpoints
written before (``best_val_acc``) still load and resume."""
from __future__ import annotations

import json

import torch
from torch.utils.data import TensorDataset

from studio.training.checkpoint import load_checkpoint, save_checkpoint
from studio.training.ckpt_meta import best_score
from studio.training.engine import Trainer
from studio.training.settings import TrainSettings

from .engine_helpers import digits_bundle


def _run(trainer):
    return list(trainer.run())


def _no_val(limit=300):
    data = digits_bundle(limit=limit)
    data.val = TensorDataset(torch.zeros(0, 1, 32, 32), torch.zeros(0, dtype=torch.long))
    return data


def test_without_a_validation_split_the_best_score_says_it_is_a_training_accuracy(lenet, tmp_path):
    recs = _run(Trainer(lenet, _no_val(), TrainSettings(epochs=2, batch_size=32), out_dir=tmp_path))
    res = recs[-1]
    epochs = [r for r in recs if r.kind == "epoch"]
    assert res.status == "finished" and all(e.val_acc is None for e in epochs)
    assert res.best_acc == max(e.train_acc for e in epochs) and res.best_acc_split == "train"
    assert "best training (no validation split) accuracy" in res.message
    ck = load_checkpoint(tmp_path / "best.pt")
    assert ck["best_acc_split"] == "train" and ck["best_acc"] == res.best_acc and "best_val_acc" not in ck
    status = json.loads((tmp_path / "run.json").read_text())
    assert status["best_acc"] == res.best_acc and status["best_acc_split"] == "train"
    assert "best_val_acc" not in status


def _as_old_format(path, val: bool):
    """Rewrite a checkpoint as versions before best_acc wrote it (best_val_acc, whatever the split)."""
    ck = load_checkpoint(path)
    best = ck.pop("best_acc")
    ck.pop("best_acc_split")
    ck["best_val_acc"] = best
    if not val:
        ck["metrics"]["val_acc"] = None
    save_checkpoint(path, ck)
    return best


def test_old_checkpoints_are_read_and_resumed(lenet, tmp_path):
    data = digits_bundle(limit=300)
    _run(Trainer(lenet, data, TrainSettings(epochs=1, seed=1), out_dir=tmp_path))
    best = _as_old_format(tmp_path / "last.pt", val=True)
    old = load_checkpoint(tmp_path / "last.pt")  # the metadata check accepts the old name
    assert "best_acc" not in old and best_score(old) == (best, "val")
    tr = Trainer(lenet, data, TrainSettings(epochs=2, seed=1), resume=tmp_path / "last.pt")
    assert tr.state.best_acc is None  # nothing is read before the run starts
    recs = _run(tr)
    assert recs[0].start_epoch == 2 and recs[-1].status == "finished"
    epoch2 = [r for r in recs if r.kind == "epoch"][0]
    assert recs[-1].best_acc == max(best, epoch2.val_acc) and recs[-1].best_acc_split == "val"
    assert load_checkpoint(tmp_path / "last.pt")["best_acc_split"] == "val"


def test_an_old_checkpoint_trained_without_validation_reads_as_a_training_score(lenet, tmp_path):
    _run(Trainer(lenet, _no_val(), TrainSettings(epochs=1), out_dir=tmp_path))
    best = _as_old_format(tmp_path / "last.pt", val=False)
    assert best_score(load_checkpoint(tmp_path / "last.pt")) == (best, "train")
    assert best_score({"best_val_acc": None}) == (None, None)
