"""Where each concept of Help → Concepts lives in the window: select the layer that shows it,
raise the inspector, or open the Inference/Training/Summary tab at the right place.
``open_concept(win, id)`` does it and returns a sentence for the status bar."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from studio.gui.window_api import StudioWindow


def _first(win: StudioWindow, types, pred=None) -> str | None:
    """The first node (graph order) of one of ``types`` (and ``pred``), selected on the canvas."""
    a = win.document.analysis
    g = win.document.graph
    for nid in a.order or [n.id for n in g.nodes]:
        if g.has_node(nid) and g.node(nid).type in types and (pred is None or pred(g.node(nid))):
            win.select_node(nid)
            win.inspector_dock.raise_()
            return nid
    return None


def _tab(win: StudioWindow, widget) -> None:
    if widget is not None:
        win.bottom_tabs.setCurrentWidget(widget)


def _inference(win: StudioWindow, what: str, node: str | None = None) -> str | None:
    """Open Inference at the output view or the feature maps of ``node``; None if nothing is trained."""
    if win.training is None:
        return None
    inf = win.training.inference
    _tab(win, inf)
    if inf.predictor is None:
        return ("Inference is open, but no model is trained yet: train one (Training tab → ▶ Train) or open a "
                "checkpoint, then drop an image (resources/samples/digit_3.png).")
    if what == "output":
        inf.details.setCurrentWidget(inf.output_view)
        if inf.image_path is None:
            return "Open or drop an image on the Inference tab to see its numbers."
        return "Inference → Output & loss: choose the true class to see the one-hot vector and the loss."
    inf.details.setCurrentWidget(inf.feature_maps)
    if node is not None and not inf.feature_maps.select_node(node):
        return f"{node} has no feature maps in the trained model (train again after editing)."
    if inf.image_path is None:
        return "Open or drop an image on the Inference tab, then click a pixel of a feature map."
    return "Click any pixel of a feature map: the patch, the kernel and Σ + bias appear beside it."


def _missing(what: str, template: str) -> str:
    return f"This network has no {what}: File → New from template… → {template} has one."


def open_concept(win: StudioWindow, cid: str) -> str:
    """Navigate to where concept ``cid`` is shown; returns what happened, for the status bar."""
    from studio.core.receptive import vgg_insight

    if cid in ("one_hot", "softmax", "cross_entropy", "distribution"):
        return _inference(win, "output") or "The training tabs are not available."
    if cid == "chance":
        _tab(win, win.training.panel if win.training is not None else None)
        return "Training: the dashed line on the loss plot marks ln C, where an untrained model starts."
    if cid in ("output_size", "params"):
        nid = _first(win, ("Conv2d",))
        if nid is None:
            return _missing("convolution", "lenet5")
        if cid == "params":
            _tab(win, win.summary)
        return f"Selected {nid}: the Inspector shows the formula with its numbers."
    if cid == "kernel_map":
        nid = _first(win, ("Conv2d",))
        if nid is None:
            return _missing("convolution", "lenet5")
        return _inference(win, "maps", nid) or f"Selected {nid}."
    if cid == "padding":
        def padded(n):
            return n.type == "ZeroPad2d" or n.params.get("padding", 0) not in (0, "valid", [0, 0])
        nid = _first(win, ("ZeroPad2d", "Conv2d"), padded)
        if nid is None:
            _first(win, ("Conv2d",))
            return ("No layer here is padded: set padding to 1 on the selected Conv2d and watch H_out in the "
                    "Inspector (Ctrl+Z undoes).")
        text = _inference(win, "maps", nid) if win.document.graph.node(nid).type == "Conv2d" else None
        return f"Selected {nid}." + (f" {text}" if text else " The Inspector shows the added rows and columns.")
    if cid == "pooling":
        nid = _first(win, ("MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d"))
        if nid is None:
            return _missing("pooling layer", "lenet5")
        return f"Selected {nid}: params = 0 in the Inspector. " + (_inference(win, "maps", nid) or "")
    if cid == "relu":
        a = win.document.analysis
        nid = _first(win, ("ReLU",), lambda n: len(a.shapes.get(n.id) or ()) == 3)
        if nid is None:
            return _missing("ReLU on feature maps", "lenet5")
        return _inference(win, "maps", nid) or f"Selected {nid}."
    if cid == "receptive":
        _tab(win, win.summary)
        nid = _first(win, ("MaxPool2d", "AvgPool2d", "Conv2d"))
        return "Summary: the Receptive field and Jump columns" + (f" (selected {nid})." if nid else ".")
    if cid == "vgg":
        a, g = win.document.analysis, win.document.graph
        # a pair where stacking saves weights (not VGG's first pair, 3→64, where one 5×5 is cheaper)
        nid = _first(win, ("Conv2d",), lambda n: "more than the pair" in vgg_insight(g, a, n.id)) \
            or _first(win, ("Conv2d",), lambda n: bool(vgg_insight(g, a, n.id)))
        if nid is None:
            return _missing("conv right after another conv", "vgg16")
        return f"Selected {nid}: the Inspector compares the pair with one big kernel."
    found = {"resnet": (("Add",), "Add (skip connection)", "resnet18"),
             "batchnorm": (("BatchNorm",), "BatchNorm", "resnet18 or vgg11_bn"),
             "dropout": (("Dropout", "Dropout2d"), "Dropout", "alexnet")}.get(cid)
    if found is None:
        return f"Unknown concept {cid!r}."
    types, what, template = found
    nid = _first(win, types)
    if nid is None:
        return _missing(what, template)
    return f"Selected {nid}: the Inspector shows its formula and what it learns."
