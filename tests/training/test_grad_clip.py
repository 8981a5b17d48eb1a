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


def test_with_a_grad_scaler_the_gradients_are_unscaled_before_clipping(lenet, tmp_path):
    """The AMP path (fp16 on CUDA uses a GradScaler): clipping must see the true gradients, not the
    loss-scaled ones, else every step would be clipped to a 1/scale-th of the limit. Exercised on the
    CPU with torch's CPU GradScaler in place of the CUDA one."""
    data = digits_bundle(limit=256)
    clip = 0.1
    trainer = Trainer(lenet, data, TrainSettings(epochs=1, batch_size=32, optimizer="sgd", lr=0.05,
                                                 scheduler="none", grad_clip=clip), out_dir=tmp_path)
    gen = trainer.run()
    assert next(gen).kind == "start"
    p = trainer.parts
    p.scaler = torch.amp.GradScaler("cpu", init_scale=2.0 ** 12)
    seen: list[float] = []

    def pre_step(optimizer, args, kwargs):
        seen.append(float(torch.stack([q.grad.norm() for g in optimizer.param_groups for q in g["params"]
                                       if q.grad is not None]).norm()))
    p.optimizer.register_step_pre_hook(pre_step)
    xb, yb = data.train.tensors if hasattr(data.train, "tensors") else (data.train.X, data.train.y)
    for i in range(3):
        trainer.loop.train_step(xb[32 * i:32 * (i + 1)], yb[32 * i:32 * (i + 1)], 32)
    assert len(seen) == 3
    # unscaled, then clipped: at the limit (the raw norms of this net are above 0.1), not 4096× above
    # it and not 4096× below it
    assert all(abs(n - clip) < 1e-3 for n in seen), seen
    gen.close()
