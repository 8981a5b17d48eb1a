"""Is the window responsive while a model trains? (offscreen; issue 7)

Trains the ResNet-18 template (3×32×32, the built-in ``shapes`` data) on the CPU from the real
main window with live plots, and meanwhile a 10 ms QTimer on the GUI thread records how late it
fires. Prints p50/p99/max lateness in ms (target: p99 under 16 ms, one 60 Hz frame) and the
training throughput with and without the GUI (same model, data and batch size, same process),
as a ratio.

    .venv/bin/python benchmarks/gui_responsiveness.py [--seconds 20] [--threads N] [--batch-size 32]

``--threads N`` runs the training thread with torch.set_num_threads(N) (default: torch's own).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CNN_STUDIO_HOME", tempfile.mkdtemp(prefix="cnn-studio-bench-"))

import numpy as np


def make_project(batch_size: int):
    from studio.templates import build_project

    p = build_project("resnet18", input_shape=(3, 32, 32), num_classes=5)
    p.dataset = {"source": "shapes", "shapes": {"count": 2000}}
    p.training = {"epochs": 50, "batch_size": batch_size, "lr": 0.001, "optimizer": "adam", "device": "cpu"}
    return p


def headless(project, seconds: float, threads: int | None) -> float:
    """Samples/s of the engine alone (main thread, no Qt events) over ``seconds`` of steps."""
    import torch

    from studio.training.engine import Trainer

    old = torch.get_num_threads()
    if threads:
        torch.set_num_threads(threads)
    tr = Trainer(project, out_dir=Path(os.environ["CNN_STUDIO_HOME"]) / "headless")
    first = last = None
    try:
        for rec in tr.run():
            if rec.kind == "progress":
                now = time.perf_counter()
                if first is None:
                    first = (now, rec.step)
                last = (now, rec.step)
                if now - first[0] >= seconds:
                    tr.request_stop()
            elif rec.kind == "result" and rec.status == "failed":
                raise SystemExit(f"training failed: {rec.message}")
    finally:
        torch.set_num_threads(old)
    return (last[1] - first[1]) * project.training["batch_size"] / max(1e-9, last[0] - first[0])


def with_gui(project, seconds: float, threads: int | None):
    """Train from the main window; returns (lateness in ms, samples/s, signals, refreshes)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from studio.gui.document import Document
    from studio.gui.mainwindow import MainWindow

    win = MainWindow(Document(project), autosave_ms=3_600_000)
    win.resize(1400, 900)
    win.show()
    from studio.gui.app import settle_gc

    settle_gc()  # as `cnn-studio` does once its window is up
    ctl = win.training
    ctl.num_threads = threads
    win.bottom_tabs.setCurrentWidget(ctl.panel)
    steps: list[tuple[float, int]] = []
    ctl.panel.plots  # noqa: B018 - the live plots update on their own 10 Hz timer

    def on_progress(records):
        steps.append((time.perf_counter(), records[-1].step))

    clock = QElapsedTimer()
    late: list[float] = []
    state = {"prev": None}

    def tick():
        now = clock.nsecsElapsed() / 1e6
        if state["prev"] is not None:
            late.append(max(0.0, now - state["prev"] - 10.0))
        state["prev"] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(10)
    timer.timeout.connect(tick)
    assert ctl.start(), ctl.panel.message.text()
    ctl.thread.progress.connect(on_progress)
    loop = QEventLoop()  # an idle event loop, as in the running app (no busy polling)
    ctl.thread.progress.connect(loop.quit)
    ctl.run_finished.connect(loop.quit)
    QTimer.singleShot(300_000, loop.quit)
    loop.exec()  # data loading and the first steps
    ctl.thread.progress.disconnect(loop.quit)
    clock.start()
    timer.start()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    timer.stop()
    signals = ctl.thread.signals_sent if ctl.thread is not None else 0
    refreshes = ctl.panel.plots.refreshes
    ctl.shutdown(60_000)
    app.processEvents()
    if ctl.last_result is not None and ctl.last_result.status == "failed":
        raise SystemExit(f"training failed: {ctl.last_result.message}")
    inside = steps
    sps = (inside[-1][1] - inside[0][1]) * project.training["batch_size"] / max(1e-9, inside[-1][0] - inside[0][0])
    elapsed = inside[-1][0] - inside[0][0]
    win.hide()  # (close() would ask about the unsaved training settings)
    return np.asarray(late), sps, signals / max(1e-9, elapsed), refreshes / max(1e-9, elapsed)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--threads", type=int, default=None, help="torch threads for training (default: torch's)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--switch-ms", type=float, default=None,
                    help="Python's GIL switch interval in ms during the GUI run (default: the app's)")
    args = ap.parse_args()
    if args.switch_ms:
        sys.setswitchinterval(args.switch_ms / 1000)
    import torch

    project = make_project(args.batch_size)
    print(f"ResNet-18 template, 3×32×32 shapes, batch {args.batch_size}, CPU, torch threads "
          f"{args.threads or torch.get_num_threads()}, GIL switch interval {sys.getswitchinterval() * 1000:g} ms, "
          f"{args.seconds:g} s each")
    base = headless(project.copy(), args.seconds, args.threads)
    late, gui_sps, sig_rate, refresh_rate = with_gui(project.copy(), args.seconds, args.threads)
    p50, p99, mx = np.percentile(late, 50), np.percentile(late, 99), late.max()
    print(f"GUI timer (10 ms) lateness over {len(late)} ticks: p50 {p50:.2f} ms · p99 {p99:.2f} ms · "
          f"max {mx:.2f} ms  (target p99 < 16 ms: {'met' if p99 < 16 else 'NOT met'})")
    print(f"worker signals to the GUI: {sig_rate:.1f}/s · plot refreshes: {refresh_rate:.1f}/s")
    print(f"training samples/s: headless {base:.1f} · with GUI {gui_sps:.1f} · ratio {gui_sps / base:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
