"""Train from the panel: a full short run, pause/resume/stop, a NaN run, closing mid-run."""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from studio.training.checkpoint import load_checkpoint


def _start(qtbot, win, ctl, epochs: int, **hyper) -> None:
    win.bottom_tabs.setCurrentWidget(ctl.panel)
    hb = ctl.panel.hyper_box
    hb.epochs.setValue(epochs)
    if "lr" in hyper:
        hb.lr.setText(hyper["lr"])
        hb.lr.editingFinished.emit()
    if "optimizer" in hyper:
        hb.optimizer.setCurrentIndex(hb.optimizer.findData(hyper["optimizer"]))
    qtbot.mouseClick(ctl.panel.start_button, Qt.MouseButton.LeftButton)


def test_short_run_from_the_panel(qtbot, win, ctl, shot):
    with qtbot.waitSignal(ctl.run_finished, timeout=90_000) as blocker:
        _start(qtbot, win, ctl, epochs=2)
        assert ctl.is_running()
        assert win.document.project.training["epochs"] == 2  # stored in the project file
        qtbot.waitUntil(lambda: ctl.panel.plots.step_count >= 3, timeout=180_000)
        qtbot.wait(150)
        shot(ctl.panel, "training_tab_mid_run.png")
    r = blocker.args[0]
    assert r.status == "finished", r.message
    plots = ctl.panel.plots
    assert plots.epoch_count == 2
    assert list(plots.epochs.view(0)) == [1.0, 2.0]
    assert plots.step_count >= 2
    run = Path(r.run_dir)
    assert (run / "best.pt").exists() and (run / "last.pt").exists()
    assert load_checkpoint(run / "last.pt")["epoch"] == 2
    status = json.loads((run / "run.json").read_text())
    assert status["status"] == "finished" and status["epochs_done"] == 2
    assert status["graph_version"] == ctl.snapshot_version
    assert "Finished" in ctl.panel.status.text() and ctl.snapshot_version in ctl.panel.status.text()
    assert ctl.panel.start_button.isEnabled() and not ctl.panel.stop_button.isEnabled()
    # the GUI thread got few signals: progress is coalesced
    assert ctl.signals_sent <= plots.step_count + 2 * 2 + 2
    # the run is listed in the Runs tab with its two epochs
    names = [x.name for x in ctl.runs.runs]
    assert run.name in names and len(ctl.runs.runs[names.index(run.name)].metrics) == 2
    # exports
    png = plots.save_png(run / "plots.png")
    assert png.stat().st_size > 1000
    epochs_csv, steps_csv = plots.export_csv(run / "metrics.csv")
    assert len(epochs_csv.read_text().splitlines()) == 3
    assert len(steps_csv.read_text().splitlines()) == plots.step_count + 1


def test_editing_during_training_never_touches_the_run(qtbot, win, ctl):
    from studio.gui.commands import SetParamCommand

    with qtbot.waitSignal(ctl.run_finished, timeout=90_000) as blocker:
        _start(qtbot, win, ctl, epochs=1)
        version = ctl.snapshot_version
        win.document.undo_stack.push(SetParamCommand(win.document, "conv1", "out_channels", 12))
        assert "edited since" in ctl.panel.status.text()
    r = blocker.args[0]
    assert r.status == "finished", r.message
    trained = load_checkpoint(Path(r.run_dir) / "last.pt")
    conv = [n for n in trained["project"]["graph"]["nodes"] if n["id"] == "conv1"][0]
    assert conv["params"].get("out_channels", 6) == 6  # the snapshot, not the edit
    assert ctl.snapshot_version == version


def test_pause_resume_then_stop(qtbot, win, ctl):
    plots = ctl.panel.plots
    _start(qtbot, win, ctl, epochs=40)
    qtbot.waitUntil(lambda: plots.step_count >= 1, timeout=180_000)
    qtbot.mouseClick(ctl.panel.pause_button, Qt.MouseButton.LeftButton)
    assert ctl.state == "paused" and ctl.panel.pause_button.text() == "Resume"
    qtbot.waitUntil(lambda: ctl.thread.paused, timeout=10_000)
    qtbot.wait(400)
    n = plots.step_count
    qtbot.wait(800)
    assert plots.step_count == n, "progress arrived while paused"
    assert ctl.is_running()
    qtbot.mouseClick(ctl.panel.pause_button, Qt.MouseButton.LeftButton)
    assert ctl.state == "running"
    qtbot.waitUntil(lambda: plots.step_count > n, timeout=30_000)
    with qtbot.waitSignal(ctl.run_finished, timeout=30_000) as blocker:
        qtbot.mouseClick(ctl.panel.stop_button, Qt.MouseButton.LeftButton)
    r = blocker.args[0]
    assert r.status == "stopped"
    assert ctl.state == "stopped" and "Stopped" in ctl.panel.status.text()
    assert r.epochs_done < 40
    ckpt = load_checkpoint(r.last_checkpoint)
    assert ckpt["epoch"] == r.epochs_done
    qtbot.waitUntil(lambda: not ctl.is_running(), timeout=10_000)


def test_nan_learning_rate_shows_the_message_and_the_app_lives(qtbot, win, ctl, shot):
    with qtbot.waitSignal(ctl.run_finished, timeout=90_000) as blocker:
        _start(qtbot, win, ctl, epochs=3, lr="1e6", optimizer="sgd")
    r = blocker.args[0]
    assert r.status == "failed"
    assert "learning rate" in r.message.lower()
    msg = ctl.panel.message
    assert msg.isVisibleTo(ctl.panel) and "learning rate" in msg.text().lower()
    assert ctl.message_box is not None and ctl.message_box.isVisible()
    assert "learning rate" in ctl.message_box.text().lower()
    shot(win, "training_failed.png")
    ctl.message_box.close()
    # the window is alive and usable: Train is enabled again, the graph still edits
    assert win.isVisible() and ctl.panel.start_button.isEnabled() and not ctl.is_running()
    assert ctl.state == "failed"


def test_closing_during_training_stops_cleanly(qtbot, win, ctl, answers):
    _start(qtbot, win, ctl, epochs=40)
    qtbot.waitUntil(lambda: ctl.panel.plots.step_count >= 1, timeout=180_000)
    run_dir = ctl.run_dir
    win.close()
    assert any("training" in a.lower() for a in answers)
    assert not ctl.is_running()
    ckpt = load_checkpoint(run_dir / "last.pt")
    assert ckpt["epoch"] >= 0 and "model" in ckpt


def test_graph_errors_refuse_to_start(qtbot, win, ctl):
    from studio.gui.commands import SetParamCommand

    win.document.undo_stack.push(SetParamCommand(win.document, "fc1", "in_features", 7))
    assert win.document.analysis.errors
    win.bottom_tabs.setCurrentWidget(ctl.panel)
    assert ctl.start() is False
    assert not ctl.is_running()
    assert "error" in ctl.panel.message.text().lower()
