"""`cnn-studio gui` opens any view by flags: a run folder or checkpoint with its checkpoint
loaded, a tab, an image, a layer, a pixel, an explain view; wrong names are one line, exit 2."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from studio.cli import main

from .test_layout_walk import DIGIT_3, ROOT, lenet_run  # noqa: F401 (fixture)


def shot(args, tmp_path, name="o.png"):
    out = tmp_path / name
    assert main(["gui", *args, "--screenshot", str(out)]) == 0
    img = QImage(str(out))
    assert not img.isNull()
    return img


@pytest.mark.parametrize("flags,needle", [
    (["--tab", "nonsense"], "--tab nonsense: no such tab; choose one of summary, problems, code, diagram"),
    (["--explain", "heatmap"], "--explain heatmap: no such view; choose one of feature-maps, output, pixel"),
    (["--select", "conv9"], "--select conv9: no such layer"),
    (["--pixel", "1,2"], "--pixel 1,2: give CHANNEL,ROW,COLUMN"),
    (["--size", "big"], "--size 'big' is not WIDTHxHEIGHT"),
])
def test_unknown_names_are_one_line_exit_2(flags, needle, capsys, tmp_path):
    rc = main(["gui", *flags, "--screenshot", str(tmp_path / "x.png")])
    err = capsys.readouterr().err.strip()
    assert rc == 2
    assert needle in err and len(err.splitlines()) == 1, err
    assert not (tmp_path / "x.png").exists()


def test_run_folder_opens_with_its_checkpoint(lenet_run, tmp_path, capsys):  # noqa: F811
    img = shot([str(lenet_run), "--tab", "inference", "--image", str(DIGIT_3), "--explain", "output",
                "--size", "1366x768"], tmp_path)
    assert (img.width(), img.height()) == (1366, 768)


def test_window_state_after_flags(make_window, qtbot, lenet_run):  # noqa: F811
    from types import SimpleNamespace

    from studio.gui import script

    win = make_window()
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    target = script.open_target(str(lenet_run / "best.pt"))
    assert target.checkpoint == lenet_run / "best.pt" and not target.keep_path
    args = SimpleNamespace(tab="inference", image=str(DIGIT_3), select="conv1", pixel="0,10,10", explain="pixel")
    script.check_names(win, args)
    script.apply_view(win, args, target.checkpoint)
    inf = win.training.inference
    assert win.bottom_tabs.currentWidget() is inf
    assert inf.checkpoint == lenet_run / "best.pt" and win.training.evaluate.checkpoint == inf.checkpoint
    assert inf.details.currentWidget() is inf.feature_maps and not inf.images.isVisible()
    d = inf.feature_maps.pixel.result
    assert d["layer"] == "conv1" and d["at"] == [0, 10, 10] or tuple(d["at"]) == (0, 10, 10)
    assert abs(d["recomputed"] - d["value"]) < 1e-4
    assert win.canvas.selected_node_ids() == ["conv1"]


def test_device_pixel_ratio_2(tmp_path, lenet_run):  # noqa: F811
    """At QT_SCALE_FACTOR=2 the screenshot of a 1366×768 window is 2732×1536 physical pixels."""
    out = tmp_path / "dpr2.png"
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    r = subprocess.run([sys.executable, "-m", "studio.cli", "gui", str(lenet_run), "--tab", "inference",
                        "--image", str(DIGIT_3), "--explain", "output", "--size", "1366x768",
                        "--screenshot", str(out)], env=env, capture_output=True, text=True, timeout=240)
    assert r.returncode == 0, r.stderr
    img = QImage(str(out))
    assert (img.width(), img.height()) == (2732, 1536)


def test_open_run_shows_its_project_checkpoint_gradient_flow_and_lists_it(make_window, qtbot, lenet_run):  # noqa: F811
    win = make_window()
    assert win.open_run(lenet_run)
    ctl = win.training
    assert win.document.path is None  # the run's copy is never overwritten by Save
    assert ctl.inference.checkpoint == lenet_run / "best.pt" and ctl.evaluate.checkpoint == lenet_run / "best.pt"
    assert len(ctl.gradient_flow.samples) > 0  # from its layer_stats.jsonl
    listed = [r.path.resolve() for r in ctl.runs.runs]
    assert lenet_run.resolve() in listed  # a CLI run outside the studio's runs folder
    assert "Open r&un…" in [a.text() for a in win.menuBar().actions()[0].menu().actions()]


def test_an_explain_view_registers_with_one_line(make_window, qtbot, lenet_run, monkeypatch):  # noqa: F811
    """The explain views are a registry: a new one (e.g. "overview") is one register call; it gets
    its tab, set_model/set_image calls and a name for --explain."""
    from PySide6.QtWidgets import QLabel

    from types import SimpleNamespace

    from studio.gui import script
    from studio.gui.training import inference

    class Probe(QLabel):
        def set_model(self, model, project):
            self.setText(f"model {project.name}")

        def set_image(self, x):
            self.setText(f"image {tuple(x.shape)}")

    monkeypatch.setattr(inference, "EXPLAIN_VIEWS", dict(inference.EXPLAIN_VIEWS))
    inference.register_explain_view(inference.ExplainView("probe", "Probe", Probe))
    with pytest.raises(ValueError):
        inference.register_explain_view(inference.ExplainView("probe", "Probe", Probe))
    win = make_window()
    inf = win.training.inference
    assert inf.details.tabText(inf.details.indexOf(inf.pages["probe"])) == "Probe"
    script.check_names(win, SimpleNamespace(tab=None, explain="probe", select=None, pixel=None))
    assert inf.set_checkpoint(lenet_run / "best.pt") and inf.set_image(DIGIT_3)
    assert inf.pages["probe"].text() == "image (1, 32, 32)"
    assert inf.show_explain("probe") is inf.details.currentWidget()


def test_evaluate_tab_by_flag_shows_the_worst_mistake(make_window, qtbot, lenet_run):  # noqa: F811
    from types import SimpleNamespace

    from studio.gui import script

    win = make_window()
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    args = SimpleNamespace(tab="evaluate", image=None, select=None, pixel=None, explain=None)
    script.apply_view(win, args, lenet_run / "best.pt")
    ev = win.training.evaluate
    assert ev.data is not None and ev.data["checkpoint"] == lenet_run / "best.pt"
    preds, labels = ev.data["preds"], ev.data["labels"]
    if (preds != labels).any():  # a one-epoch LeNet makes mistakes: the first one is explained
        assert ev.images.count() > 0 and ev.output_view.table.rowCount() == 10
        d = ev.output_view.breakdown
        assert d["label"] is not None and d["predicted"] != d["label"]
