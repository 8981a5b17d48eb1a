"""Closing the window or quitting the application while a run trains."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from studio.training.checkpoint import load_checkpoint


def _start_long_run(qtbot, win, ctl) -> None:
    win.bottom_tabs.setCurrentWidget(ctl.panel)
    ctl.panel.hyper_box.epochs.setValue(40)
    qtbot.mouseClick(ctl.panel.start_button, Qt.MouseButton.LeftButton)
    # the training thread runs at a lower priority: on a busy machine its setup can take a minute
    qtbot.waitUntil(lambda: ctl.panel.plots.step_count >= 1, timeout=180_000)


def test_closing_asks_and_no_keeps_training(qtbot, win, ctl, monkeypatch):
    asked = []

    def no(parent, title, text, *a, **k):
        asked.append(title)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(no))
    _start_long_run(qtbot, win, ctl)
    assert win.close() is False
    assert asked == ["Training is running"]
    assert win.isVisible() and ctl.is_running()
    n = ctl.panel.plots.step_count
    qtbot.waitUntil(lambda: ctl.panel.plots.step_count > n, timeout=30_000)  # still training


def test_application_quit_stops_the_run_and_keeps_last_pt(qtbot, win, ctl):
    _start_long_run(qtbot, win, ctl)
    run_dir = ctl.run_dir
    with qtbot.waitSignal(ctl.run_finished, timeout=30_000) as blocker:
        QApplication.instance().aboutToQuit.emit()  # what app.quit() / the last window closing sends
        assert not ctl.is_running()  # the thread has ended before the slot returns
    r = blocker.args[0]
    assert r.status == "stopped" and "last.pt" in r.message
    ckpt = load_checkpoint(run_dir / "last.pt")
    assert "model" in ckpt and ckpt["epoch"] == r.epochs_done < 40
