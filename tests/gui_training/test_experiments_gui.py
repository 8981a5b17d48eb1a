"""The Experiments window, the Gradient flow view with the canvas strip, and two runs compared
in the Runs tab with diff badges on the canvas — real training, real widgets, screenshots."""
from __future__ import annotations

import json
import math
from pathlib import Path

from PySide6.QtCore import Qt


def test_run_an_experiment_from_the_window(qtbot, win, shot, tmp_path):
    win.experiment_actions["open"].trigger()
    w = win.experiments["window"]
    assert w.isVisible()
    w.out_root = tmp_path
    w.select("vanishing-gradients")
    assert "20-layer plain network" in w.about.text()
    w.epochs.setValue(1)  # the gradient ratios are read at the first sample: one epoch shows them
    with qtbot.waitSignal(w.finished, timeout=400_000) as blocker:
        qtbot.mouseClick(w.run_button, Qt.MouseButton.LeftButton)
        assert w.is_running() and not w.run_button.isEnabled()
    r = blocker.args[0]
    assert r.status == "finished", r.message
    assert not w.is_running() and w.run_button.isEnabled()
    # every variant's curves are there (loss per step, validation accuracy per epoch)
    assert set(w.curves) == {"sigmoid", "tanh", "relu", "relu_he", "relu_bn", "residual_bn"}
    for c in w.curves.values():
        assert len(c["loss_xy"][0]) >= 1 and len(c["acc_xy"][0]) == 1
    # the verdict panel shows what verdict.json says
    verdict = json.loads((Path(r.out_dir) / "verdict.json").read_text())
    assert f"Verdict: {verdict['verdict']}" in w.verdict.text() and verdict["holds"]
    # the set-up names initialisation, optimiser and learning rate; the table has readable columns
    assert "<td>He</td>" in w.about.text() and "PyTorch default" in w.about.text()
    assert "SGD m 0.9" in w.about.text() and "<td>0.01</td>" in w.about.text()
    assert "Decided at." in w.about.text() and "first training step" in w.about.text()
    assert "gradient norm last ÷ first layer, first step" in w.verdict.text()
    assert "grad_ratio_first_sample" not in w.verdict.text()
    # the per-layer gradient plot, in the colours of curves.png, from the same layer_stats.jsonl
    from studio.experiments.report import COLORS

    assert w.grad_plot.isVisible()
    first = json.loads((Path(r.out_dir) / "relu_he" / "layer_stats.jsonl").read_text().splitlines()[0])
    norms = [v["grad_norm"] for v in first["layers"].values() if "grad_norm" in v]
    xs, ys = w.grad_plot.lines["relu_he"].getData()  # log mode: the plot holds log10 of the norms
    assert len(ys) == len(norms) and all(math.isclose(10 ** y, g, rel_tol=1e-9) for y, g in zip(ys, norms))
    assert 0.1 < norms[-1] / norms[0] < 10
    assert w.grad_plot.lines["relu_he"].opts["pen"].color().name() == COLORS[3]
    # the heat map of the sigmoid net, against the test's own reading of its layer_stats.jsonl
    w.flow_variant.setCurrentIndex(0)
    ids, m = w.flow.matrix()
    lines = [json.loads(x) for x in (Path(r.out_dir) / "sigmoid" / "layer_stats.jsonl").read_text().splitlines()]
    first = lines[0]["layers"]
    assert ids == [nid for nid, v in first.items() if "grad_norm" in v]
    assert m.shape == (len(ids), len(lines))
    assert math.isclose(m[0, 0], math.log10(first[ids[0]]["grad_norm"]))
    assert m[-1, 0] - m[0, 0] >= 3  # vanishing: the first layer ≥ 1,000× below the last
    shot(w, "experiment_window.png")  # docs/images/experiment_window.png is a copy of it
    w.close()


def test_gradient_flow_tab_and_canvas_strip(qtbot, win, ctl, shot):
    win.document.project.training = dict(win.document.project.training, epochs=1)
    flow = ctl.gradient_flow
    flow.strip.setCurrentIndex(flow.strip.findData("grad_norm"))
    with qtbot.waitSignal(ctl.run_finished, timeout=120_000) as blocker:
        assert ctl.start()
    r = blocker.args[0]
    assert r.status == "finished", r.message
    lines = [json.loads(x) for x in (Path(r.run_dir) / "layer_stats.jsonl").read_text().splitlines()]
    assert len(flow.samples) == len(lines) >= 1 and flow.samples[0] == lines[0]
    nodes = win.canvas.graph_scene.nodes
    with_grads = [nid for nid, v in lines[-1]["layers"].items() if "grad_norm" in v]
    assert all(nodes[nid].stat_color is not None for nid in with_grads)
    assert nodes["input"].stat_color is None
    flow.strip.setCurrentIndex(flow.strip.findData("zero_frac"))  # dead fraction: ReLUs coloured too
    assert nodes["relu1"].stat_color is not None
    win.bottom_tabs.setCurrentWidget(flow)
    shot(win, "gradient_flow_tab.png")
    flow.strip.setCurrentIndex(0)
    assert all(item.stat_color is None for item in nodes.values())


def test_compare_two_runs_with_diff_badges(qtbot, win, ctl, tmp_path, shot):
    from studio.paths import runs_dir
    from studio.training.engine import Trainer
    from studio.runs import new_run_dir
    from studio.training.settings import TrainSettings
    from tests.training.engine_helpers import digits_bundle

    a = win.document.project.copy()
    b = a.copy()
    b.graph.set_params("conv1", {**b.graph.node("conv1").params, "out_channels": 8})
    data = digits_bundle(limit=200)
    dirs = []
    for name, p in (("first", a), ("second", b)):
        d = new_run_dir(name, runs_dir())
        recs = list(Trainer(p, data, TrainSettings(epochs=1, batch_size=32), out_dir=d).run())
        assert recs[-1].status == "finished", recs[-1].message
        dirs.append(d)
    runs = ctl.runs
    win.bottom_tabs.setCurrentWidget(runs)
    runs.refresh()
    runs.select_runs([d.name for d in dirs])
    assert runs.diff is not None and runs.diff_button.isEnabled()
    assert "conv1 (Conv2d): out_channels 6 → 8" in runs.details.text()
    assert runs.diff["graph"]["params"]["delta"] > 0
    qtbot.mouseClick(runs.diff_button, Qt.MouseButton.LeftButton)
    nodes = win.canvas.graph_scene.nodes
    assert nodes["conv1"].diff_badge == "changed"
    assert nodes["conv2"].diff_badge is None and nodes["fc3"].diff_badge is None
    win.canvas.centerOn(nodes["conv1"])
    win.resizeDocks([win.details_dock], [int(win.height() * 0.6)], Qt.Orientation.Vertical)
    shot(win, "runs_compare.png")  # docs/images/runs_compare.png is a copy of it
    qtbot.mouseClick(runs.diff_button, Qt.MouseButton.LeftButton)  # off again
    assert all(item.diff_badge is None for item in nodes.values())


def test_duplicate_as_variant_in_two_clicks(qtbot, win, tmp_path):
    from studio.gui.commands import SetParamCommand

    assert not win.experiment_actions["run_mine"].isEnabled()
    win.experiment_actions["duplicate"].trigger()  # click 1: A = this project
    w = win.experiments["window"]
    w.out_root = tmp_path
    win.document.undo_stack.push(SetParamCommand(win.document, "conv1", "out_channels", 8))  # the edit: B
    with qtbot.waitSignal(w.finished, timeout=120_000) as blocker:
        win.experiment_actions["run_mine"].trigger()  # click 2: A vs B
        assert w.is_running()
        exp = w.experiment
        assert exp.name == "my-variants" and [v.name for v in exp.variants] == ["A", "B"]
        conv = {v.name: [n for n in v.project["graph"]["nodes"] if n["id"] == "conv1"][0] for v in exp.variants}
        assert conv["A"]["params"].get("out_channels", 6) == 6 and conv["B"]["params"]["out_channels"] == 8
        w.stop()
    assert blocker.args[0].status == "stopped"
    assert not w.is_running() and w.run_button.isEnabled()
    w.close()
