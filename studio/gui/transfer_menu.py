"""Transfer learning in the window (docs/transfer.md): File → Load weights…, File → Save as
template…, locks on frozen cards and stages, the trainable/frozen split in the status bar, the
Training tab's weights/freeze/schedule rows and the Grad-CAM tab of Inference.

``install(win)`` wires it all from outside the window's own modules (one call in MainWindow);
it lives beside the window, not in the ``transfer`` package, so that the package imports no dialog."""
from __future__ import annotations

from PySide6.QtGui import QAction

from studio.gui.i18n import tr


def _file_action(win, name: str, text: str, slot, tip: str, before: str = "import") -> QAction:
    act = QAction(text, win)
    act.setObjectName(f"action_{name}")
    act.setStatusTip(tip)
    act.setToolTip(tip)
    act.triggered.connect(lambda _c=False: slot())
    acts = getattr(win, "act", None)
    if isinstance(acts, dict):
        acts[name] = act
    anchor = acts.get(before) if isinstance(acts, dict) else None
    menu = None
    for a in win.menuBar().actions():
        m = a.menu()
        if m is not None and anchor is not None and anchor in m.actions():
            menu = m
            break
    if menu is None:
        menu = next((a.menu() for a in win.menuBar().actions() if a.menu() is not None), None)
        anchor = None
    if menu is not None:
        menu.insertAction(anchor, act) if anchor is not None else menu.addAction(act)
    return act


def install(win) -> None:
    from studio.gui.dialogs.load_weights import load_weights
    from studio.gui.dialogs.save_template import save_as_template

    from studio.gui.transfer.locks import FrozenStatusLabel, LockController

    doc = win.document
    _file_action(win, "load_weights", tr("Load &weights…"), lambda: load_weights(win),
                 tr("Start training from a weights file (torchvision .pth, a checkpoint): matched by name and shape"))
    _file_action(win, "save_template", tr("Save as te&mplate…"), lambda: save_as_template(win),
                 tr("Keep the whole network as one of your templates (New from template, cnn-studio templates)"))
    win.frozen_status = FrozenStatusLabel(doc)
    win.statusBar().addPermanentWidget(win.frozen_status)
    scene = getattr(getattr(win, "canvas", None), "graph_scene", None)
    if scene is not None:
        win.locks = LockController(doc, scene)
    ctl = getattr(win, "training", None)
    panel = getattr(ctl, "panel", None)
    if panel is not None and hasattr(panel, "hyper_box"):
        from studio.gui.transfer.transfer_box import TransferRows

        win.transfer_rows = TransferRows(doc, panel.hyper_box.layout(), lambda: load_weights(win))
    inference = getattr(ctl, "inference", None)
    if inference is not None and hasattr(inference, "details"):
        from studio.gui.training.gradcam_view import GradCamView

        inference.gradcam = GradCamView(inference)
        inference.details.addTab(inference.gradcam, "Grad-CAM")
