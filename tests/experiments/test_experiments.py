"""`cnn-studio experiments`, `experiment NAME --out DIR` and `diff RUN_A RUN_B`, with real training.

The experiments run with a reduced budget (1 epoch) where the asserted property does not depend on
training length: the gradient ratios are read at the first sample, before any update."""
from __future__ import annotations

import json
import math

import pytest

from studio.cli import main
from studio.experiments import EXPERIMENTS, get_experiment
from studio.experiments.verdicts import recompute


def _stats(folder):
    from studio.core.jsonout import restore  # the file is strict JSON: NaN is null with a note

    return [restore(json.loads(x)) for x in (folder / "layer_stats.jsonl").read_text().splitlines()]


def _first_last_grad(sample):
    norms = [v["grad_norm"] for v in sample["layers"].values() if "grad_norm" in v]
    return norms[0], norms[-1]


@pytest.fixture(scope="module")
def vanishing(tmp_path_factory):
    out = tmp_path_factory.mktemp("exp") / "vanishing"
    assert main(["experiment", "vanishing-gradients", "--out", str(out), "--epochs", "1"]) == 0
    return out


def test_the_list_names_every_experiment(capsys):
    assert main(["experiments", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    names = [e["name"] for e in listed]
    assert names == list(EXPERIMENTS)
    assert {"relu-vs-tanh", "dropout", "batchnorm", "small-kernels", "degradation",
            "vanishing-gradients"} <= set(names)
    for e in listed:
        assert e["claim"] and e["source"] and e["metric"] and len(e["variants"]) >= 2


def test_vanishing_gradients_files_verdict_and_thresholds(vanishing):
    exp = get_experiment("vanishing-gradients")
    for v in exp.variants:
        lines = (vanishing / v.name / "metrics.jsonl").read_text().splitlines()
        assert len(lines) == 1 and json.loads(lines[0])["epoch"] == 1
    verdict = json.loads((vanishing / "verdict.json").read_text())
    assert set(verdict) >= {"claim", "source", "metric", "variants", "holds"}
    # verdict.json agrees with a recomputation from the variants' files
    again = recompute(exp, vanishing)
    assert {k: verdict[k] for k in again} == json.loads(json.dumps(again))
    # and with the test's own reading of layer_stats.jsonl: the first sample is step 0
    first = {v.name: _stats(vanishing / v.name)[0] for v in exp.variants}
    assert all(s["step"] == 0 and s["epoch"] == 0.0 for s in first.values())
    g_first, g_last = _first_last_grad(first["sigmoid"])
    assert g_last / g_first >= 1000  # the plain sigmoid net: first layer ≥ 1,000× below the last
    b_first, b_last = _first_last_grad(first["relu_bn"])
    assert b_last / b_first < 10  # with BN the ratio is near 1
    assert math.isclose(verdict["variants"]["sigmoid"]["grad_ratio_first_sample"], g_last / g_first, rel_tol=1e-9)
    assert verdict["holds"] is True and verdict["verdict"] == "holds"
    assert list(first["sigmoid"]["layers"])[0] == "conv1"  # graph order
    report = (vanishing / "report.md").read_text()
    assert exp.claim in report and "holds" in report and "sigmoid, no BN" in report
    assert (vanishing / "curves.png").read_bytes()[:4] == b"\x89PNG"


def test_relu_with_he_init_keeps_the_gradient_without_bn(vanishing):
    """Its own layer_stats.jsonl: last/first within 10× of 1 at the first step (PyTorch's default
    initialisation: ≥ 1000×); the report names the initialisation, optimiser, learning rate and data,
    says the verdict is decided at the first step, and has readable columns and percentages."""
    he_first, he_last = _first_last_grad(_stats(vanishing / "relu_he")[0])
    assert 0.1 < he_last / he_first < 10
    d_first, d_last = _first_last_grad(_stats(vanishing / "relu")[0])
    assert d_last / d_first >= 1000
    report = (vanishing / "report.md").read_text()
    assert "| ReLU + He init, no BN | He (Kaiming normal, for ReLU) | SGD, momentum 0.9 | 0.01 | 32 | 1 |" in report
    assert "PyTorch's default (Kaiming uniform, a = √5)" in report and "Data: digits (1×16×16" in report
    assert "**Decided at.** the first training step" in report
    assert "grad_ratio_first_sample" not in report and "gradient norm last ÷ first layer, first step" in report
    acc = json.loads((vanishing / "relu_he" / "metrics.jsonl").read_text().splitlines()[-1])["train_acc"]
    assert f"{100 * acc:.1f}%" in report
    verdict = json.loads((vanishing / "verdict.json").read_text())
    assert "He initialisation" in verdict["reason"]


def test_exploding_gradients_nan_loss_and_bn(tmp_path):
    out = tmp_path / "exploding"
    assert main(["experiment", "exploding-gradients", "--out", str(out)]) == 0
    exp = get_experiment("exploding-gradients")
    div = json.loads((out / "plain" / "divergence.json").read_text())
    assert "NaN" in div["message"] and all(math.isfinite(loss) for _s, loss in div["losses"])
    grads = [_first_last_grad(s)[0] for s in _stats(out / "plain")]
    assert grads[-1] > 100 * grads[0] or not math.isfinite(grads[-1])  # the gradient grew before the NaN
    for name in ("bn", "low_lr"):
        assert not (out / name / "divergence.json").exists()
        rows = [json.loads(x) for x in (out / name / "metrics.jsonl").read_text().splitlines()]
        assert len(rows) == exp.epochs and all(math.isfinite(r["train_loss"]) for r in rows)
    from studio.core.jsonout import restore

    raw = json.loads((out / "verdict.json").read_text(), parse_constant=lambda c: pytest.fail(f"{c} in verdict.json"))
    verdict = restore(raw)  # strict JSON: an infinite gradient norm is null with a note, put back here
    assert verdict["holds"] and verdict["variants"]["plain"]["diverged_after_step"] == div["losses"][-1][0]
    again = recompute(exp, out)
    assert {k: verdict[k] for k in again} == json.loads(json.dumps(again))
    report = (out / "report.md").read_text()
    assert "loss NaN/Inf after step" in report and "| BN, lr 0.5 | never |" in report
    # gradient clipping at norm 1, same net and rate: the loss stays finite; the report says how much it learned
    assert not (out / "clipped" / "divergence.json").exists()
    clipped = verdict["variants"]["clipped"]
    assert math.isfinite(clipped["final_train_loss"]) and 0 <= clipped["final_train_acc"] <= 1
    assert "no BN, lr 0.5, clipped to norm 1: clipping kept the loss finite" in verdict["reason"]
    assert json.loads((out / "clipped" / "run.json").read_text())["grad_clip"] == 1.0


def test_degradation_deep_plain_is_worst_with_healthy_gradients(tmp_path):
    out = tmp_path / "degradation"
    assert main(["experiment", "degradation", "--out", str(out), "--epochs", "2"]) == 0
    exp = get_experiment("degradation")
    loss = {v.name: json.loads((out / v.name / "metrics.jsonl").read_text().splitlines()[-1])["train_loss"]
            for v in exp.variants}
    assert loss["deep"] == max(loss.values()), loss  # the deep plain net trains worst
    f, la = _first_last_grad(_stats(out / "deep")[0])
    assert la / f < 10  # …but its first layer's gradient is not vanishing (BN), as He et al. say
    verdict = json.loads((out / "verdict.json").read_text())
    again = recompute(exp, out)
    assert {k: verdict[k] for k in again} == json.loads(json.dumps(again))


def test_experiment_errors_are_one_line(capsys, tmp_path):
    assert main(["experiment", "relu-vs-tan", "--out", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    assert "unknown experiment 'relu-vs-tan'" in err and "did you mean 'relu-vs-tanh'" in err
    assert len(err.strip().splitlines()) == 1
    assert main(["experiment", "dropout", "--out", str(tmp_path / "x"), "--epochs", "0"]) == 2
    assert "--epochs 0" in capsys.readouterr().err
    assert main(["experiment", "dropout", "--out", str(tmp_path / "x"), "--data", "nosuch"]) == 2
    assert "unknown data set" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_diff_of_two_runs(vanishing, capsys):
    from studio.training.checkpoint import build_model
    from studio.runs import read_run

    a, b = vanishing / "sigmoid", vanishing / "relu_bn"
    assert main(["diff", str(a), str(b), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    nodes = {c["node"]: c for c in d["graph"]["nodes"]}
    assert nodes["conv1_act"]["status"] == "changed" and nodes["conv1_act"]["old_type"] == "Sigmoid"
    assert nodes["conv1_bn"]["status"] == "added" and nodes["conv1_bn"]["type"] == "BatchNorm"
    assert nodes["conv1"]["params"]["bias"] == [True, False]
    # the parameter delta matches the compiled models' own count
    count = [sum(p.numel() for p in build_model(read_run(r).project).parameters()) for r in (a, b)]
    assert d["graph"]["params"]["a"] == count[0] and d["graph"]["params"]["delta"] == count[1] - count[0]
    assert main(["diff", str(a), str(b)]) == 0
    text = capsys.readouterr().out
    assert "~ conv1_act (ReLU): type Sigmoid → ReLU" in text and "+ conv1_bn (BatchNorm)" in text
    assert main(["diff", str(a), str(vanishing / "nosuch")]) == 2
    assert "no such run folder" in capsys.readouterr().err
