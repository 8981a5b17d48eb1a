"""Training inside the studio: the Training, Runs, Evaluate and Inference tabs.

``install(win)`` adds the tabs to ``win.bottom_tabs`` of a
:class:`~studio.gui.window_api.StudioWindow` and returns the controller (``is_running()``,
``shutdown(timeout_ms)``) the main window uses when it closes.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from studio.gui.i18n import tr

from .controller import TrainingController
from .evaluate_view import EvaluateView
from .gradient_flow import GradientFlowView
from .inference import InferenceView
from .panel import TrainingPanel
from .runs import RunsView

if TYPE_CHECKING:  # pragma: no cover
    from studio.gui.window_api import StudioWindow

__all__ = ["install", "TrainingController", "TAB_NAMES"]

#: ``--tab`` names (lower case, hyphens) of the training tabs → the controller attribute
TAB_NAMES = {"training": "panel", "runs": "runs", "evaluate": "evaluate", "inference": "inference",
             "gradient-flow": "gradient_flow"}


def install(win: StudioWindow, num_threads: int | None = None) -> TrainingController:
    """Create the training tabs in ``win.bottom_tabs``; wire them to ``win.document``/``win.canvas``."""
    doc = win.document
    tabs = win.bottom_tabs
    panel = TrainingPanel(doc)
    ctl = TrainingController(doc, panel, num_threads=num_threads, parent=win)
    ctl.runs = RunsView()
    ctl.evaluate = EvaluateView()
    ctl.inference = InferenceView()
    ctl.tabs = tabs
    add_tab(tabs, panel, "Training", tr("Training"))
    add_tab(tabs, ctl.runs, "Runs", tr("Runs"))
    add_tab(tabs, ctl.evaluate, "Evaluate", tr("Evaluate"))
    add_tab(tabs, ctl.inference, "Inference", tr("Inference"))
    ctl.gradient_flow = GradientFlowView()
    add_tab(tabs, ctl.gradient_flow, "Gradient flow", tr("Gradient flow"))
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
        page = tabs.currentWidget()
        if page in (panel, ctl.runs, ctl.evaluate, ctl.inference, ctl.gradient_flow):
            # after the pending layout pass (just after show, the dock's height is not final yet)
            QTimer.singleShot(0, win, lambda: win.make_room(page))
        ev = ctl.evaluate
        if tabs.currentWidget() is ev and ev.checkpoint is not None and (
                ev.data is None or ev.data.get("checkpoint") != ev.checkpoint):
            ev.evaluate()
        if tabs.currentWidget() is ctl.runs:
            ctl.runs.refresh()

    panel.settings_problem.connect(lambda text: win.show_status(text, 60000))
    if panel.message.text():  # the first project's settings were read before this connection
        win.show_status(panel.message.text(), 60000)
    ctl.run_finished.connect(finished)
    ctl.runs.checkpoint_chosen.connect(use_checkpoint)
    ctl.runs.checkpoint_chosen.connect(lambda _p: tabs.setCurrentWidget(ctl.evaluate))
    tabs.currentChanged.connect(tab_changed)
    win.canvas.selection_changed.connect(lambda ids: ids and ctl.inference.feature_maps.select_node(ids[0]))
    ctl.background_views = [ctl.evaluate]
    ctl.use_checkpoint = use_checkpoint
    ctl.open_saved_run = lambda path: open_saved_run(ctl, Path(path))
    return ctl


def add_tab(tabs, page, english: str, title: str) -> None:
    """Add ``page`` to ``tabs`` under its translated ``title``; the English title stays on the
    page (property ``tab_name``) so that ``gui --tab`` names the same tab in every language."""
    page.setProperty("tab_name", english)
    tabs.addTab(page, title)


def page(ctl: TrainingController, name: str):
    """The training tab called ``name`` (a key of TAB_NAMES)."""
    return getattr(ctl, TAB_NAMES[name])


def open_saved_run(ctl: TrainingController, checkpoint: Path) -> None:
    """A saved run opened by name (``gui RUN_DIR``, File → Open run…): its checkpoint in
    Evaluate and Inference, its curves on the Training tab, its gradient flow, and the run
    selected in Runs. Nothing of a running training is replaced."""
    from studio.runs import read_layer_stats, read_metrics

    ctl.use_checkpoint(checkpoint)
    run_dir = Path(checkpoint).parent
    ctl.runs.refresh()
    ctl.runs.select_runs([run_dir.name])
    if ctl.is_running():
        return
    stats = run_dir / "layer_stats.jsonl"
    samples = read_layer_stats(stats) if stats.is_file() else []
    if samples:
        ctl.gradient_flow.set_samples(samples)
    metrics = run_dir / "metrics.jsonl"
    rows = read_metrics(metrics) if metrics.is_file() else []
    if rows:
        ctl.panel.plots.show_saved(rows)
        if ctl.inference.predictor is not None:
            ctl.panel.plots.set_chance_level(len(ctl.inference.predictor.class_names))
        last = rows[-1]
        loss = f"{last.get('train_loss', float('nan')):.4f}"
        if last.get("val_acc") is None:
            text = tr("Run {run}: {n} epochs, final train loss {loss} (recorded)").format(
                run=run_dir.name, n=len(rows), loss=loss)
        else:
            text = tr("Run {run}: {n} epochs, final train loss {loss}, val acc {val_acc}% (recorded)").format(
                run=run_dir.name, n=len(rows), loss=loss, val_acc=f"{100 * last['val_acc']:.1f}")
        ctl.panel.epoch_label.setText(text)


def show_strip(win: StudioWindow, colors: dict) -> None:
    """Colour the canvas cards' statistics strip ({node id: QColor}; others hidden)."""
    for nid, item in win.canvas.graph_scene.nodes.items():
        item.set_stat_color(colors.get(nid))


def show_badges(win: StudioWindow, badges: dict) -> None:
    """Run-comparison badges on the canvas cards ({node id: added/changed/removed}; others none)."""
    for nid, item in win.canvas.graph_scene.nodes.items():
        item.set_diff_badge(badges.get(nid))

