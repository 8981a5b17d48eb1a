"""Training inside the studio: the Training, Runs, Evaluate and Inference tabs.

``install(win)`` adds the tabs to ``win.bottom_tabs`` and returns the controller
(``is_running()``, ``shutdown(timeout_ms)``) the main window uses when it closes.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from .controller import TrainingController
from .evaluate_view import EvaluateView
from .gradient_flow import GradientFlowView
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
    ctl.gradient_flow = GradientFlowView()
    tabs.addTab(ctl.gradient_flow, "Gradient flow")
    ctl.layer_stats.connect(ctl.gradient_flow.add_sample)
    ctl.run_started.connect(lambda _snapshot: ctl.gradient_flow.reset())
    ctl.gradient_flow.strip_changed.connect(lambda colors: show_strip(win, colors))
    ctl.runs.diff_badges.connect(lambda badges: show_badges(win, badges))

    def use_checkpoint(path) -> None:
        ctl.evaluate.set_checkpoint(path)
        ctl.inference.set_checkpoint(path)
        if tabs.currentWidget() is ctl.evaluate:
            ctl.evaluate.evaluate()

    def finished(r) -> None:
        ctl.runs.refresh()  # the engine wrote the run's status record (run.json)
        if r.run_dir:
            ctl.runs.select_runs([Path(r.run_dir).name])
        ckpt = r.best_checkpoint or r.last_checkpoint
        if ckpt and r.status != "failed":
            use_checkpoint(ckpt)

    def tab_changed(_i) -> None:
        if tabs.currentWidget() in (panel, ctl.runs, ctl.evaluate, ctl.inference, ctl.gradient_flow):
            # after the pending layout pass (just after show, the dock's height is not final yet)
            QTimer.singleShot(0, win, lambda: _make_room(win, True))
        ev = ctl.evaluate
        if tabs.currentWidget() is ev and ev.checkpoint is not None and (
                ev.data is None or ev.data.get("checkpoint") != ev.checkpoint):
            ev.evaluate()
        if tabs.currentWidget() is ctl.runs:
            ctl.runs.refresh()

    show_status = getattr(win, "show_status", None)
    if show_status is not None:
        panel.settings_problem.connect(lambda text: show_status(text, 60000))
        if panel.message.text():  # the first project's settings were read before this connection
            show_status(panel.message.text(), 60000)
    ctl.run_finished.connect(finished)
    ctl.runs.checkpoint_chosen.connect(use_checkpoint)
    ctl.runs.checkpoint_chosen.connect(lambda _p: tabs.setCurrentWidget(ctl.evaluate))
    tabs.currentChanged.connect(tab_changed)
    canvas = getattr(win, "canvas", None)
    if canvas is not None and hasattr(canvas, "selection_changed"):
        canvas.selection_changed.connect(lambda ids: ids and ctl.inference.feature_maps.select_node(ids[0]))
    ctl.background_views = [ctl.evaluate]
    from studio.gui.experiments import install as install_experiments

    install_experiments(win)
    return ctl


def show_strip(win, colors: dict) -> None:
    """Colour the canvas cards' statistics strip ({node id: QColor}; others hidden)."""
    scene = getattr(getattr(win, "canvas", None), "graph_scene", None)
    for nid, item in (getattr(scene, "nodes", None) or {}).items():
        item.set_stat_color(colors.get(nid))


def show_badges(win, badges: dict) -> None:
    """Run-comparison badges on the canvas cards ({node id: added/changed/removed}; others none)."""
    scene = getattr(getattr(win, "canvas", None), "graph_scene", None)
    for nid, item in (getattr(scene, "nodes", None) or {}).items():
        item.set_diff_badge(badges.get(nid))


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
