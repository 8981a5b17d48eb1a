"""Training inside the studio: the Training, Runs, Evaluate and Inference tabs.

``install(win)`` adds the tabs to ``win.bottom_tabs`` and returns the controller
(``is_running()``, ``shutdown(timeout_ms)``) the main window uses when it closes.
"""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QTimer

from .controller import TrainingController
from .evaluate_view import EvaluateView
from .inference import InferenceView
from .panel import TrainingPanel
from .runs import RunsView

__all__ = ["install", "TrainingController"]


def install(win, num_threads: int | None = None) -> TrainingController:
    """Create the training tabs in ``win.bottom_tabs``; wire them to ``win.document``/``win.canvas``."""
    doc = win.document
    tabs = win.bottom_tabs
    panel = TrainingPanel(doc)
    ctl = TrainingController(doc, panel, num_threads=num_threads, parent=win)
    ctl.runs = RunsView()
    ctl.evaluate = EvaluateView()
    ctl.inference = InferenceView()
    ctl.tabs = tabs
    tabs.addTab(panel, "Training")
    tabs.addTab(ctl.runs, "Runs")
    tabs.addTab(ctl.evaluate, "Evaluate")
    tabs.addTab(ctl.inference, "Inference")

    def use_checkpoint(path) -> None:
        ctl.evaluate.set_checkpoint(path)
        ctl.inference.set_checkpoint(path)
        if tabs.currentWidget() is ctl.evaluate:
            ctl.evaluate.evaluate()

    def finished(r) -> None:
        if r.run_dir:
            _write_result(Path(r.run_dir), r, ctl.snapshot_version)
        ctl.runs.refresh()
        if r.run_dir:
            ctl.runs.select_runs([Path(r.run_dir).name])
        ckpt = r.best_checkpoint or r.last_checkpoint
        if ckpt and r.status != "failed":
            use_checkpoint(ckpt)

    def tab_changed(_i) -> None:
        if tabs.currentWidget() in (panel, ctl.runs, ctl.evaluate, ctl.inference):
            # after the pending layout pass (just after show, the dock's height is not final yet)
            QTimer.singleShot(0, win, lambda: _make_room(win, True))
        ev = ctl.evaluate
        if tabs.currentWidget() is ev and ev.checkpoint is not None and (
                ev.data is None or ev.data.get("checkpoint") != ev.checkpoint):
            ev.evaluate()
        if tabs.currentWidget() is ctl.runs:
            ctl.runs.refresh()

    ctl.run_finished.connect(finished)
    ctl.runs.checkpoint_chosen.connect(use_checkpoint)
    ctl.runs.checkpoint_chosen.connect(lambda _p: tabs.setCurrentWidget(ctl.evaluate))
    tabs.currentChanged.connect(tab_changed)
    canvas = getattr(win, "canvas", None)
    if canvas is not None and hasattr(canvas, "selection_changed"):
        canvas.selection_changed.connect(lambda ids: ids and ctl.inference.feature_maps.select_node(ids[0]))
    ctl.background_views = [ctl.evaluate]
    return ctl


def _make_room(win, wanted: bool) -> None:
    """The training tabs hold plots and image grids: give the bottom dock half of the window
    when one of them is shown (never more: the canvas keeps the other half; the user can drag
    it smaller again)."""
    dock = getattr(win, "details_dock", None)
    if not wanted or dock is None or dock.isFloating() or not dock.isVisible():
        return
    want = win.height() // 2
    if dock.height() < want - 20:
        from PySide6.QtCore import Qt

        win.resizeDocks([dock], [want], Qt.Orientation.Vertical)


def _write_result(run_dir: Path, r, version: str) -> None:
    """Keep the run's outcome beside its metrics (the Runs tab shows it)."""
    try:
        from studio.core.project import atomic_write_text

        d = {"status": r.status, "message": r.message, "epochs_done": r.epochs_done,
             "best_val_acc": r.best_val_acc, "graph_version": version}
        if run_dir.is_dir():
            atomic_write_text(run_dir / "gui-result.json", json.dumps(d, indent=2) + "\n")
    except OSError:
        pass
