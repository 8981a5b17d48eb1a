"""Experiments in the window: the Experiments window and "Duplicate as variant".

``install(win)`` adds an Experiments menu: *Experiments…* opens the window; *Duplicate as
variant* keeps a snapshot of the current project as variant A, and from then on *Run my
variants* trains A against the project as it is now (B), with the same runner and verdict."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.gui.i18n import tr

if TYPE_CHECKING:  # pragma: no cover
    from studio.gui.window_api import StudioWindow

__all__ = ["install", "user_experiment"]


def user_experiment(original, variant, name: str = "my-variants"):
    """An experiment of two of the user's own projects (same data, settings and seed)."""
    from studio.experiments.spec import Experiment, Variant

    shape = _input_shape(variant)
    return Experiment(
        name=name, title=QT_TRANSLATE_NOOP("Experiments", "Your variants"), verdict="compare",
        claim=QT_TRANSLATE_NOOP("Experiments", "The edited variant (B) is at least as accurate as the original (A)."),
        source=QT_TRANSLATE_NOOP("Experiments", "your project"),
        metric=QT_TRANSLATE_NOOP("Experiments", "best validation accuracy of B ≥ that of A"),
        data=dict(variant.dataset or {"source": "digits"}), input_shape=shape,
        training={**dict(variant.training or {}), "epochs": int((variant.training or {}).get("epochs", 5))},
        seed=int((variant.training or {}).get("seed", 0)), budget_s=600, stats_every=20,
        variants=(Variant(name="A", label=f"A: {original.name or 'original'}", builder="project",
                          project=original.to_dict()),
                  Variant(name="B", label=f"B: {variant.name or 'variant'} (edited)", builder="project",
                          project=variant.to_dict())))


def _input_shape(project) -> tuple[int, int, int]:
    from studio.core.validate import validate

    a = validate(project.graph, project.num_classes)
    shape = a.shapes.get(a.input_id) if a.input_id else None
    if shape is None or len(shape) != 3:
        from studio.core.errors import StudioError

        raise StudioError("the project needs exactly one Input node (C×H×W) before it can be a variant")
    return tuple(int(v) for v in shape)


def install(win: StudioWindow):
    """The Experiments menu on ``win`` (the main window, through its StudioWindow interface)."""
    menu = win.add_menu(tr("E&xperiments"))
    state = {"window": None, "original": None}

    def window():
        if state["window"] is None:
            from .window import ExperimentWindow

            state["window"] = ExperimentWindow(win)
            if win.training is not None:  # quitting stops and waits for a running experiment too
                win.training.background_views = [*win.training.background_views, state["window"]]
        w = state["window"]
        w.show()
        w.raise_()
        return w

    def duplicate():
        state["original"] = win.document.project.copy()
        run_action.setEnabled(True)
        win.show_status(tr("Kept this project as variant A: edit the network, then Experiments → "
                           "Run my variants (A vs your edited B)"), 10000)
        show_mine()

    def show_mine():
        from studio.core.errors import StudioError

        if state["original"] is None:
            return None
        try:
            exp = user_experiment(state["original"], win.document.project.copy())
        except StudioError as exc:
            win.show_status(str(exc), 10000)
            return None
        w = window()
        w.add_experiment(exp)
        return w

    def run_mine():
        w = show_mine()
        if w is not None:
            w.start()

    open_action = QAction(tr("&Experiments…"), win)
    open_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
    open_action.triggered.connect(window)
    dup_action = QAction(tr("&Duplicate as variant"), win)
    dup_action.setStatusTip(tr("Keep the current project as variant A; your edits become variant B"))
    dup_action.triggered.connect(duplicate)
    folder_action = QAction(tr("&Open experiment folder…"), win)
    folder_action.setStatusTip(tr("A finished experiment (cnn-studio experiment NAME --out DIR): curves, verdict, "
                                  "gradient flow"))
    folder_action.triggered.connect(lambda: window().open_folder())
    run_action = QAction(tr("&Run my variants (A vs B)"), win)
    run_action.setEnabled(False)
    run_action.triggered.connect(run_mine)
    for a in (open_action, folder_action, dup_action, run_action):
        menu.addAction(a)
    state["window_fn"], state["show_mine"] = window, show_mine
    win.experiments = state
    win.experiment_actions = {"open": open_action, "open_folder": folder_action, "duplicate": dup_action,
                              "run_mine": run_action}
    return state
