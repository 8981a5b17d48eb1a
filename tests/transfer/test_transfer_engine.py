"""The Trainer with a weights file, frozen layers and the fine-tune schedule: real training."""
import json

import torch

from studio import templates
from studio.training.checkpoint import build_model
from studio.training.engine import Trainer
from studio.training.settings import TrainSettings

from ..training.engine_helpers import digits_bundle


def test_freeze_then_unfreeze_after_one_epoch(tmp_path):
    project = templates.build_project("lenet5")
    torch.manual_seed(5)
    src = build_model(project).state_dict()
    wfile = tmp_path / "w.pth"
    torch.save(src, wfile)
    st = TrainSettings(epochs=2, batch_size=64, lr=3e-3, scheduler="onecycle", weights=str(wfile),
                       freeze="conv1,conv2", unfreeze_after=1, lr_mult="conv1=0.5")
    tr = Trainer(project, digits_bundle(limit=256), st, out_dir=tmp_path / "run", stats_every=0)
    seen = []
    for rec in tr.run():
        if rec.kind == "epoch":
            sd = tr.model.state_dict()
            seen.append({k: torch.equal(sd[k].cpu(), src[k]) for k in ("conv1.weight", "conv2.bias", "fc1.weight")})
        if rec.kind == "result":
            assert rec.status == "finished", rec.message
    # epoch 1: the frozen convs kept the file's weights, the rest trained; epoch 2: everything trained
    assert seen[0] == {"conv1.weight": True, "conv2.bias": True, "fc1.weight": False}
    assert seen[1] == {"conv1.weight": False, "conv2.bias": False, "fc1.weight": False}
    status = json.loads((tmp_path / "run" / "run.json").read_text())
    assert status["weights"]["loaded"] == 10 and status["weights"]["reinitialised"] == []
    assert status["frozen"] == ["conv1", "conv2"]
    lrs = sorted(g["lr_mult"] for g in tr.optimizer.param_groups)
    assert lrs == [0.5, 1.0]


def test_resume_keeps_the_multiplied_rates(tmp_path):
    project = templates.build_project("lenet5")
    st = TrainSettings(epochs=1, batch_size=64, scheduler="none", lr=0.01, lr_mult="conv1=0.1", freeze="conv2")
    data = digits_bundle(limit=128)
    tr = Trainer(project, data, st, out_dir=tmp_path / "run", stats_every=0)
    assert [r.status for r in tr.run() if r.kind == "result"] == ["finished"]
    tr2 = Trainer(project, data, st.replace(epochs=2), resume=tmp_path / "run" / "last.pt", stats_every=0)
    assert [r.status for r in tr2.run() if r.kind == "result"] == ["finished"]
    assert sorted(round(g["lr"], 6) for g in tr2.optimizer.param_groups) == [0.001, 0.01]
    assert torch.equal(tr2.model.conv2.weight, tr.model.conv2.weight)  # still frozen after the resume
