"""Verdicts and reports from recorded numbers (no training): small-kernels names the pairs where
the claim holds and where it does not; report.md has readable columns, percentages and the set-up."""
from __future__ import annotations

from studio.experiments import get_experiment
from studio.experiments.report import report_markdown, setup_rows
from studio.experiments.verdicts import VariantData, compute


def _data(accs: dict[str, float], params: dict[str, int]) -> dict[str, VariantData]:
    return {k: VariantData(metrics=[{"epoch": 1, "val_acc": accs[k]}], params=params[k]) for k in accs}


def test_small_kernels_holds_in_one_setting_and_not_the_other():
    exp = get_experiment("small-kernels")
    accs = {"3x3x2": 0.872, "5x5": 0.955, "3x3x3": 0.827, "7x7": 0.978,
            "3x3x2_bn": 0.994, "5x5_bn": 0.989, "3x3x3_bn": 0.983, "7x7_bn": 0.994}
    params = {"3x3x2": 9610, "5x5": 13162, "3x3x3": 14250, "7x7": 25450,
              "3x3x2_bn": 9690, "5x5_bn": 13210, "3x3x3_bn": 14362, "7x7_bn": 25498}
    v = compute(exp, _data(accs, params))
    assert v["holds"] and v["verdict"] == "holds in some settings, not in others"
    held, failed = v["reason"].split(". Does not hold for ")
    assert "two 3×3, BN (9,690 params, 99.4%) vs one 5×5, BN (13,210 params, 98.9%): +0.5 points" in held
    assert "two 3×3 (9,610 params, 87.2%) vs one 5×5" in failed and "three 3×3, BN" in failed
    all_bn = dict(accs, **{"3x3x3_bn": 0.99, "3x3x2": 0.96, "3x3x3": 0.98})
    assert compute(exp, _data(all_bn, params))["verdict"] == "holds"
    none = {k: (0.5 if "3x3" in k else 0.9) for k in accs}
    v = compute(exp, _data(none, params))
    assert not v["holds"] and v["verdict"] == "does not hold here"
    md = report_markdown(exp, v)
    assert "| variant | parameters | best validation accuracy |" in md and "| two 3×3 | 9,610 | 50.0% |" in md


def test_setup_names_initialisation_optimiser_and_learning_rate():
    exp = get_experiment("relu-vs-tanh")
    rows = setup_rows(exp)
    assert [r["init"] for r in rows] == ["He (Kaiming normal, for ReLU)", "Glorot (Xavier normal, tanh gain)"]
    assert rows[0]["optimizer"] == "SGD, momentum 0.9" and rows[0]["lr"] == "0.01"
    short = setup_rows(get_experiment("exploding-gradients"), short=True)
    assert [(r["init"], r["lr"]) for r in short] == [("He", "0.5"), ("He", "0.5"), ("He", "0.05"), ("He", "0.5")]
