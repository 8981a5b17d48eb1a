"""The `transfer` experiment: pretrain on digits 0–4, fine-tune on 5–9 with a few images per class
(frozen and not) against from scratch; the verdict is computed from the runs."""
import json

import torch

from studio.experiments.catalog import get_experiment
from studio.experiments.verdicts import recompute
from studio.training.experiment import ExperimentRunner


def test_transfer_experiment_runs_and_its_verdict_comes_from_the_runs(tmp_path):
    exp = get_experiment("transfer")
    out = tmp_path / "exp"
    events = list(ExperimentRunner(exp, out, epochs=2, device="cpu").run())
    result = events[-1]
    assert result.kind == "experiment_result" and result.status == "finished", result.message
    v = result.verdict
    assert set(v["variants"]) == {"pretrain", "frozen", "finetune", "scratch"}
    for name in ("frozen", "finetune", "scratch"):
        assert 0 <= v["variants"][name]["best_val_acc"] <= 1
    assert v["holds"] == (max(v["variants"]["frozen"]["best_val_acc"], v["variants"]["finetune"]["best_val_acc"])
                          - v["variants"]["scratch"]["best_val_acc"] >= exp.options["margin"])
    assert recompute(exp, out)["holds"] == v["holds"]  # anyone can recompute it from the folders
    assert json.loads((out / "verdict.json").read_text())["reason"] == v["reason"]
    # the fine-tuned variants started from the pretrained features; the head started fresh
    status = json.loads((out / "frozen" / "run.json").read_text())
    assert status["weights"]["loaded"] == 6 and status["frozen"] == ["conv1", "conv2"]
    assert [r["key"] for r in status["weights"]["reinitialised"]] == ["fc.weight", "fc.bias"]
    assert "weights" not in json.loads((out / "scratch" / "run.json").read_text())
    pre = torch.load(out / "pretrain" / "best.pt", weights_only=True)["model"]
    frozen = torch.load(out / "frozen" / "last.pt", weights_only=True)["model"]
    assert torch.equal(pre["conv1.weight"], frozen["conv1.weight"])
    assert not torch.equal(pre["fc1.weight"], frozen["fc1.weight"])
    ck = torch.load(out / "scratch" / "last.pt", weights_only=True)
    assert ck["class_names"] == ["5", "6", "7", "8", "9"]
