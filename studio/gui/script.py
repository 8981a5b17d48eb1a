"""Any view by script: what ``cnn-studio gui`` opens from its arguments.

``cnn-studio gui [PROJECT|RUN_DIR|CKPT] [--tab NAME] [--image IMG] [--select LAYER]
[--pixel C,Y,X] [--explain VIEW] [--size WxH] [--screenshot out.png]``: :func:`open_target`
turns the positional argument into a project and a checkpoint; :func:`apply_view` brings the
window to the view the flags name. A wrong name raises :class:`StudioError` (one line, exit 2).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from studio.core.errors import StudioError


@dataclass
class Target:
    """What the positional argument opens."""

    project_file: Path | None = None  # the project to load (None: from the checkpoint)
    checkpoint: Path | None = None    # loaded in Inference and Evaluate
    keep_path: bool = True            # False for a run's copy: saving asks where


def open_target(arg: str) -> Target:
    """A project file, a run folder (its project.cnnproj and best.pt, else last.pt) or a checkpoint."""
    p = Path(arg)
    if p.is_dir():
        ckpt = next((p / n for n in ("best.pt", "last.pt") if (p / n).is_file()), None)
        proj = p / "project.cnnproj"
        if ckpt is None and not proj.is_file():
            raise StudioError(f"{arg} is a folder but not a run folder (no project.cnnproj, best.pt or last.pt): "
                              "give a project file, a run folder or a checkpoint")
        return Target(proj if proj.is_file() else None, ckpt, keep_path=False)
    if p.suffix.lower() in (".pt", ".pth"):
        if not p.is_file():
            raise StudioError(f"no checkpoint {arg}: check the path")
        proj = p.parent / "project.cnnproj"
        return Target(proj if proj.is_file() else None, p, keep_path=False)
    return Target(p)


def project_from_checkpoint(path: Path):
    from studio.training.checkpoint import load_checkpoint, model_from_checkpoint

    return model_from_checkpoint(load_checkpoint(path))[1]


def tab_name(text: str) -> str:
    """A Details tab's ``--tab`` name: "Gradient flow" → gradient-flow, "Problems (3)" → problems."""
    text = re.sub(r"\s*\(\d+\)$", "", text.replace("&&", "&").replace("&", ""))
    return re.sub(r"[^a-z0-9]+", "-", text.strip().lower()).strip("-")


def tabs(win) -> dict:
    """``--tab`` name → page of the Details tabs."""
    t = win.bottom_tabs
    return {tab_name(t.widget(i).property("tab_name") or t.tabText(i)): t.widget(i) for i in range(t.count())}


def find_layer(win, name: str) -> str:
    """The node id of layer ``name`` (its id or its name)."""
    g = win.document.graph
    if g.has_node(name):
        return name
    for n in g.nodes:
        if n.name == name:
            return n.id
    known = ", ".join(n.id for n in list(g.nodes)[:12])
    raise StudioError(f"--select {name}: no such layer in this network (layers: {known}"
                      f"{', …' if len(g.nodes) > 12 else ''})")


def parse_pixel(text: str) -> tuple[int, int, int]:
    parts = text.replace(" ", "").split(",")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise StudioError(f"--pixel {text}: give CHANNEL,ROW,COLUMN as three whole numbers, e.g. 0,10,10")
    c, y, x = (int(p) for p in parts)
    return c, y, x


def check_names(win, args) -> None:
    """Unknown ``--tab``, ``--explain`` or ``--select`` names: StudioError before anything opens."""
    from studio.gui.training.inference import EXPLAIN_VIEWS

    tab = getattr(args, "tab", None)
    names = tabs(win)
    if tab and tab not in names:
        raise StudioError(f"--tab {tab}: no such tab; choose one of {', '.join(names)}")
    explain = getattr(args, "explain", None)
    if explain and explain not in EXPLAIN_VIEWS:
        raise StudioError(f"--explain {explain}: no such view; choose one of {', '.join(EXPLAIN_VIEWS)}")
    if getattr(args, "select", None):
        find_layer(win, args.select)
    if getattr(args, "pixel", None):
        parse_pixel(args.pixel)


def apply_view(win, args, checkpoint: Path | None = None) -> None:
    """Bring ``win`` to the view the flags name (``check_names`` first). Processes events."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    ctl = win.training
    if checkpoint is not None and ctl is not None:
        ctl.open_saved_run(checkpoint)
    inf = ctl.inference if ctl is not None else None
    explain = getattr(args, "explain", None)
    tab = getattr(args, "tab", None) or ("inference" if explain or getattr(args, "image", None) else None)
    if getattr(args, "image", None) and inf is not None:
        if not Path(args.image).is_file():
            raise StudioError(f"--image {args.image}: no such file")
        if not inf.set_image(args.image):
            raise StudioError(f"--image {args.image}: {inf.message.text()}")
    if getattr(args, "select", None):
        win.select_node(find_layer(win, args.select))
    if tab:
        win.bottom_tabs.setCurrentWidget(tabs(win)[tab])
    app.processEvents()
    if tab == "evaluate" and ctl is not None:  # the evaluation runs in a thread: show its result
        ctl.evaluate.wait()
        for _ in range(3):
            app.processEvents()
        ctl.evaluate.show_worst_mistake()
    if explain and inf is not None:
        inf.show_explain(explain)
    if getattr(args, "pixel", None) and inf is not None:
        if explain is None:
            inf.show_explain("pixel")
        c, y, x = parse_pixel(args.pixel)
        if inf.feature_maps.pixel.show_pixel(c, y, x) is None:
            raise StudioError(f"--pixel {args.pixel}: {inf.feature_maps.pixel.header.text()} "
                              "(open an image with --image and select a layer with --select)")
    for _ in range(3):
        app.processEvents()
    if ctl is not None and tab in ("training", "runs", "evaluate", "inference", "gradient-flow"):
        win.make_room(win.bottom_tabs.currentWidget())  # what the view shows now may need more height
    for _ in range(3):
        app.processEvents()
