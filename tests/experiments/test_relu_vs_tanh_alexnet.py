"""relu-vs-tanh in AlexNet's setting (issue 22): the claim holds here — measured by a real run."""
from __future__ import annotations

import json

from studio.cli import main
from studio.experiments.catalog import get_experiment
from studio.experiments.verdicts import recompute


def test_relu_is_several_times_faster_with_alexnets_preprocessing_and_init(tmp_path):
    out = tmp_path / "rta"
    assert main(["experiment", "relu-vs-tanh-alexnet", "--out", str(out)]) == 0
    verdict = json.loads((out / "verdict.json").read_text())
    v = verdict["variants"]
    assert verdict["holds"], verdict["reason"]
    relu, tanh = v["relu"]["epochs_to_target"], v["tanh"]["epochs_to_target"]
    assert relu is not None and (tanh is None or tanh >= 2 * relu), v
    assert "ReLU reached 95.0% training accuracy at epoch" in verdict["reason"]
    # the data really was on the 0–255 scale, and both nets started from N(0, 0.01)
    project = json.loads((out / "relu" / "project.cnnproj").read_text())
    assert project["dataset"]["normalize"] == "mean"
    report = (out / "report.md").read_text()
    assert "AlexNet's N(0, 0.01) for every layer" in report
    assert recompute(get_experiment("relu-vs-tanh-alexnet"), out)["holds"]
