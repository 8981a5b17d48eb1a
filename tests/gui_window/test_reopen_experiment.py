"""A finished experiment folder (from the CLI) opens in the Experiments window with its curves,
verdict and gradient flow, without training again."""
from __future__ import annotations

import json


def test_experiment_folder_reopens(make_window, qtbot, tmp_path):
    from studio.cli import main

    out = tmp_path / "dropout"
    assert main(["experiment", "dropout", "--epochs", "2", "--out", str(out)]) == 0
    verdict = json.loads((out / "verdict.json").read_text())
    win = make_window()
    win.experiment_actions["open"].trigger()
    w = win.experiments["window"]
    qtbot.addWidget(w)
    assert w.open_folder(out)
    assert w.experiment.name == "dropout" and w.thread is None  # nothing trains
    for v in w.experiment.variants:
        xs, ys = w.curves[v.name]["acc_xy"]
        assert xs == [1, 2] and all(0 <= y <= 100 for y in ys)
        assert len(w.stats[v.name]) > 0
    assert len(w.flow.samples) > 0
    assert f"Verdict: {verdict['verdict']}" in w.verdict.text()
    assert not w.open_folder(tmp_path)  # not an experiment folder: said, not raised
    assert "not a finished experiment folder" in w.verdict.text()
    w.close()
