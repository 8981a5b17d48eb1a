"""Where each concept of Help → Concepts lives in the window. A concept's ``shows``
(studio/core/concepts.py) names a place, ``KIND[:ARG]``; :data:`PLACES` opens each kind: select
the layer that shows it and raise the Inspector, open the Inference/Training/Summary tab at the
right view, the Experiments window on one experiment, or the template gallery on one template.
``open_concept(win, id)`` does it and returns a sentence for the status bar."""
from __future__ import annotations

from typing import TYPE_CHECKING

from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.gui.i18n import tr, tr_core

if TYPE_CHECKING:  # pragma: no cover
    from studio.gui.window_api import StudioWindow

#: where a network that lacks a layer type can find one
_TEMPLATE_FOR = {"BatchNorm": QT_TRANSLATE_NOOP("Concepts", "resnet18 or vgg11_bn"), "Add": "resnet18",
                 "Dropout": "alexnet", "Dropout2d": "alexnet", "AdaptiveAvgPool2d": "alexnet",
                 "AdaptiveMaxPool2d": "alexnet",
                 "ZeroPad2d": QT_TRANSLATE_NOOP("Concepts", "resnet18 (padded convolutions)")}
_WHAT = {"BatchNorm": "BatchNorm", "Add": QT_TRANSLATE_NOOP("Concepts", "Add (skip connection)"), "Dropout": "Dropout",
         "MaxPool2d": QT_TRANSLATE_NOOP("Concepts", "pooling layer"),
         "AdaptiveAvgPool2d": QT_TRANSLATE_NOOP("Concepts", "adaptive pooling layer"),
         "ReLU": QT_TRANSLATE_NOOP("Concepts", "ReLU on feature maps"),
         "Conv2d": QT_TRANSLATE_NOOP("Concepts", "convolution"), "ZeroPad2d": QT_TRANSLATE_NOOP("Concepts", "padded layer")}


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
    """Open Inference at the output view, the feature maps of ``node`` or the overview; None if
    the window has no Inference tab."""
    if win.training is None:
        return None
    inf = win.training.inference
    _tab(win, inf)
    if inf.predictor is None:
        return tr("Inference is open, but no model is trained yet: train one (Training tab → ▶ Train) or open a "
                  "checkpoint, then drop an image (resources/samples/digit_3.png).")
    if what == "output":
        inf.details.setCurrentWidget(inf.output_view)
        if inf.image_path is None:
            return tr("Open or drop an image on the Inference tab to see its numbers.")
        return tr("Inference → Output & loss: choose the true class to see the one-hot vector and the loss.")
    if what == "overview":
        inf.details.setCurrentWidget(inf.overview)
        if inf.image_path is None:
            return tr("Open or drop an image on the Inference tab: every layer's maps appear, in network order.")
        return tr("Inference → Overview: every layer's feature maps for your image; click a map for its "
                  "arithmetic, hover a pixel for its receptive field.")
    inf.details.setCurrentWidget(inf.feature_maps)
    if node is not None and not inf.feature_maps.select_node(node):
        return tr("{node} has no feature maps in the trained model (train again after editing).").format(node=node)
    if inf.image_path is None:
        return tr("Open or drop an image on the Inference tab, then click a pixel of a feature map.")
    return tr("Click any pixel of a feature map: the patch, the kernel and Σ + bias appear beside it.")


def _missing(what: str, template: str) -> str:
    return tr("This network has no {what}: File → New from template… → {template} has one.").format(
        what=tr_core("Concepts", what), template=tr_core("Concepts", template))


def _missing_types(types) -> str:
    t = types[0]
    return _missing(_WHAT.get(t, t), _TEMPLATE_FOR.get(t, "lenet5"))


def _spatial(win):
    a = win.document.analysis
    return lambda n: len(a.shapes.get(n.id) or ()) == 3


def _padded(n) -> bool:
    return n.type == "ZeroPad2d" or n.params.get("padding", 0) not in (0, "valid", [0, 0])


def _place_inference(win: StudioWindow, arg: str) -> str:
    what, _, types = arg.partition(":")
    if what != "maps":
        return _inference(win, what) or tr("The training tabs are not available.")
    types = tuple(types.split(","))
    pred = _padded if "ZeroPad2d" in types else _spatial(win)
    nid = _first(win, types, pred)
    if nid is None:
        if "ZeroPad2d" in types:
            _first(win, ("Conv2d",))
            return tr("No layer here is padded: set padding to 1 on the selected Conv2d and watch H_out in the "
                      "Inspector (Ctrl+Z undoes).")
        return _missing_types(types)
    return tr("Selected {node}. {next}").format(node=nid, next=_inference(win, "maps", nid) or "")


def _place_inspector(win: StudioWindow, arg: str) -> str:
    from studio.core.receptive import vgg_insight

    types = tuple(arg.split(","))
    nid = None
    if "Conv2d" in types:  # a conv after a conv where stacking saves weights (not VGG's 3→64 pair)
        g, a = win.document.graph, win.document.analysis
        nid = _first(win, ("Conv2d",), lambda n: "more than the pair" in vgg_insight(g, a, n.id))
    nid = nid or _first(win, types)
    if nid is None:
        return _missing_types(types)
    node = win.document.graph.node(nid)
    if node.type in ("MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d"):
        return tr("Selected {node}: params = 0 in the Inspector. {next}").format(
            node=nid, next=_inference(win, "maps", nid) or "")
    if node.type == "Conv2d" and vgg_insight(win.document.graph, win.document.analysis, nid):
        return tr("Selected {node}: the Inspector compares the pair with one big kernel.").format(node=nid)
    return tr("Selected {node}: the Inspector shows its formula and what it learns.").format(node=nid)


def _place_summary(win: StudioWindow, _arg: str) -> str:
    _tab(win, win.summary)
    nid = _first(win, ("Conv2d",)) or _first(win, ("MaxPool2d", "AvgPool2d", "Linear"))
    if nid:
        return tr("Selected {node}: the Summary shows its Params, and the Receptive field and Jump columns."
                  ).format(node=nid)
    return tr("the Summary shows its Params, and the Receptive field and Jump columns.")


def _place_training(win: StudioWindow, arg: str) -> str:
    if win.training is None:
        return tr("The training tabs are not available.")
    panel = win.training.panel
    _tab(win, panel)
    if arg == "data":
        panel.data_box.val_fraction.setFocus()
        return tr("Training → Dataset: the Validation and Test fractions hold those images out of training "
                  "(now {val} and {test}).").format(val=f"{panel.data_box.val_fraction.value():.0%}",
                                                    test=f"{panel.data_box.test_fraction.value():.0%}")
    if arg == "loss":
        return tr("Training: the dashed line on the loss plot marks ln C, where an untrained model starts; "
                  "each step of gradient descent moves the loss down from there.")
    return tr("Training: the settings and the live curves.")


def _place_gradient_flow(win: StudioWindow, _arg: str) -> str:
    if win.training is None:
        return tr("The training tabs are not available.")
    view = win.training.gradient_flow
    _tab(win, view)
    return tr("Gradient flow: train to see each layer's gradient norm, as loss.backward() computed it.")


def _place_experiment(win: StudioWindow, name: str) -> str:
    state = win.experiments
    if not isinstance(state, dict) or "window_fn" not in state:
        return tr("Run it headless: {command}").format(command=f"cnn-studio experiment {name}")
    w = state["window_fn"]()
    if name not in w.experiments:
        return tr("Experiments window opened; {name} is not one of its experiments.").format(name=repr(name))
    w.select(name)
    return tr("Experiments → {name}: press Run experiment to measure it ({command}).").format(
        name=name, command=f"cnn-studio experiment {name}")


def _place_template(win: StudioWindow, name: str) -> str:
    from .templates import INFO_ROLE, TemplateGallery

    dlg = TemplateGallery(win)
    for i in range(dlg.list.count()):
        if dlg.list.item(i).data(INFO_ROLE) == name:
            dlg.list.setCurrentRow(i)
    dlg.setModal(False)
    dlg.accepted.connect(lambda: _create_from(win, dlg))
    dlg.show()
    win._concept_gallery = dlg
    return tr("Templates: {name}'s card (paper, year, parameters and MACs); Create opens it as a network."
              ).format(name=name)


def _create_from(win: StudioWindow, dlg) -> None:
    from .templates import INFO_ROLE

    item = dlg.list.currentItem()
    if item is not None:
        win.load_template(item.data(INFO_ROLE))


PLACES = {"inference": _place_inference, "inspector": _place_inspector, "summary": _place_summary,
          "training": _place_training, "gradient-flow": _place_gradient_flow, "experiment": _place_experiment,
          "template": _place_template}


def open_place(win: StudioWindow, shows: str) -> str:
    kind, _, arg = shows.partition(":")
    fn = PLACES.get(kind)
    if fn is None:
        return tr("Unknown place {place}.").format(place=repr(shows))
    return fn(win, arg)


def open_concept(win: StudioWindow, cid: str) -> str:
    """Navigate to where concept ``cid`` is shown; returns what happened, for the status bar."""
    from studio.core.concepts import get_concept

    c = get_concept(cid)
    if c is None:
        return tr("Unknown concept {id}.").format(id=repr(cid))
    return open_place(win, c.shows)
