"""Gradient clipping (``training.grad_clip``): real short trainings, clipped and not, with the
global gradient norm measured where the optimiser applies it (a step pre-hook)."""
from __future__ import annotations

import json

import pytest
import torch

from studio.core.errors import StudioError
from studio.training.engine import Trainer
from studio.training.settings import TrainSettings

from .engine_helpers import digits_bundle


def _train_measuring(project, data, settings, out):
    """Train; returns (the global gradient norm of every step as the optimiser saw it, the records)."""
    norms: list[float] = []
    trainer = Trainer(project, data, settings, out_dir=out)
    records = []
    for rec in trainer.run():
        if rec.kind == "start":  # the setup is done: hook the optimiser before the first step
            opt = trainer.parts.optimizer

            def pre_step(optimizer, args, kwargs):
                grads = [p.grad.detach().float().norm() for g in optimizer.param_groups for p in g["params"]
                         if p.grad is not None]
                norms.append(float(torch.stack(grads).norm()))
            opt.register_step_pre_hook(pre_step)
        records.append(rec)
    return norms, records


def test_clipping_bounds_the_gradient_norm_each_step_applies(lenet, tmp_path):
    data = digits_bundle(limit=640)
    base = dict(epochs=1, batch_size=32, optimizer="sgd", lr=0.05, scheduler="none", seed=3)
    free, rec_free = _train_measuring(lenet, data, TrainSettings(**base), tmp_path / "free")
    clip = 0.1
    clipped, rec_clip = _train_measuring(lenet, data, TrainSettings(**base, grad_clip=clip), tmp_path / "clip")
    assert rec_free[-1].status == "finished" and rec_clip[-1].status == "finished", rec_clip[-1].message
    steps = rec_free[0].steps_per_epoch
    assert len(free) == len(clipped) == steps
    # without clipping most steps apply a gradient larger than the limit; with it none does
    assert sum(n > clip * 1.5 for n in free) >= steps // 2, free
    assert max(clipped) <= clip * (1 + 1e-4), clipped
    # clipping scales, it does not zero: the steps still move the weights (norm at the limit)
    assert sum(abs(n - clip) < 1e-3 * clip for n in clipped) >= steps // 2
    # the layer statistics keep the gradient backward produced (before clipping)
    stats = [json.loads(x) for x in (tmp_path / "clip" / "layer_stats.jsonl").read_text().splitlines()]
    first = stats[0]["layers"]
    raw = sum(v["grad_norm"] ** 2 for v in first.values() if "grad_norm" in v) ** 0.5
    assert raw == pytest.approx(free[0], rel=1e-3) and raw > clip
    # recorded: run.json, the run's project and the checkpoint's settings
    run = json.loads((tmp_path / "clip" / "run.json").read_text())
    assert run["grad_clip"] == clip
    assert json.loads((tmp_path / "free" / "run.json").read_text())["grad_clip"] == 0.0
    saved = json.loads((tmp_path / "clip" / "project.cnnproj").read_text())
    assert saved["training"]["grad_clip"] == clip
    ckpt = torch.load(tmp_path / "clip" / "last.pt", weights_only=False)
    assert ckpt["settings"]["grad_clip"] == clip


@pytest.mark.parametrize("value, words", [
    (-1.0, ["'grad_clip' is -1.0", "0 (no clipping)", "e.g. 1.0"]),
    ("big", ["'grad_clip' should be a number"]),
    (float("inf"), ["'grad_clip' is inf", "finite"]),
])
def test_a_bad_clipping_value_is_named(value, words):
    with pytest.raises(StudioError) as err:
        TrainSettings.from_dict({"grad_clip": value})
    assert err.value.field == "training.grad_clip"
    for w in words:
        assert w in str(err.value), str(err.value)


def test_clipping_is_off_by_default_and_null_means_off():
    assert TrainSettings.defaults()["grad_clip"] == 0.0 == TrainSettings().grad_clip
    assert TrainSettings.from_dict({"grad_clip": None}).grad_clip == 0.0
    assert TrainSettings.from_dict({"grad_clip": 2}).grad_clip == 2.0  # a whole number is a norm too
    s = TrainSettings(grad_clip=1.5)
    assert TrainSettings.from_dict(s.to_dict()) == s
