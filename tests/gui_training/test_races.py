"""The races of the training controller, provoked: a thread that ends late, a thread that never
starts. ``run_finished`` means the thread is gone (Train works at once); a failed start is an
error message, never a hang."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt

from studio.gui.training.worker import FunctionThread, TrainingThread


def test_run_finished_comes_after_the_thread_ended(qtbot, win, ctl):
    win.document.project.training = dict(win.document.project.training, epochs=1)
    seen = []

    def on_finished(r):
        seen.append((r.status, ctl.is_running(), hasattr(ctl, "signals_sent"),
                     ctl.panel.start_button.isEnabled()))

    ctl.run_finished.connect(on_finished)
    with qtbot.waitSignal(ctl.run_finished, timeout=120_000):
        assert ctl.start()
        # a slow handler of QThread.finished, run in the worker thread itself: the thread
        # ends well after its result record has reached the GUI thread
        ctl.thread.finished.connect(lambda: time.sleep(0.8), Qt.ConnectionType.DirectConnection)
    assert seen == [("finished", False, True, True)]
    assert ctl.state == "finished" and ctl.thread is None


def test_stop_then_train_again_at_once(qtbot, win, ctl):
    """The moment a stopped run is reported, a click on Train starts the next one."""
    win.document.project.training = dict(win.document.project.training, epochs=30)
    restarted = []
    ctl.run_finished.connect(lambda r: restarted.append(ctl.start()) if len(restarted) == 0 else None)
    with qtbot.waitSignal(ctl.run_finished, timeout=120_000) as first:
        assert ctl.start()
        ctl.thread.finished.connect(lambda: time.sleep(0.5), Qt.ConnectionType.DirectConnection)
        qtbot.waitUntil(lambda: ctl.panel.plots.step_count >= 1, timeout=180_000)
        ctl.stop()
    assert first.args[0].status == "stopped"
    assert restarted == [True] and ctl.is_running()
    with qtbot.waitSignal(ctl.run_finished, timeout=120_000) as second:
        ctl.stop()
    assert second.args[0].status == "stopped"


def test_a_thread_that_cannot_start_is_an_error_not_a_hang(qtbot, win, ctl, monkeypatch):
    # QThread.start() that fails to create the thread only prints "Thread creation error":
    # the thread neither runs nor finishes; here start() does exactly nothing, the same outcome
    monkeypatch.setattr(TrainingThread, "start", lambda self, *a: None)
    with qtbot.waitSignal(ctl.run_finished, timeout=5_000) as blocker:
        assert ctl.start() is False
    r = blocker.args[0]
    assert r.status == "failed" and "could not start a background thread" in r.message
    assert not ctl.is_running() and ctl.state == "failed"
    assert ctl.panel.start_button.isEnabled()
    assert "could not start a background thread" in ctl.panel.message.text()
    ctl.message_box.close()


def test_a_preview_thread_that_cannot_start_says_so(qtbot, win, ctl, monkeypatch):
    monkeypatch.setattr(FunctionThread, "start", lambda self, *a: None)
    box = ctl.panel.data_box
    box.preview_button.click()
    qtbot.waitUntil(lambda: "could not start a background thread" in box.info.text(), timeout=5_000)
    assert box.preview_button.isEnabled()
