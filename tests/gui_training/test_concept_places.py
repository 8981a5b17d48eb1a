"""Every concept's ``shows`` opens its place in the real window with a trained LeNet-5: the
Inference view it names, the layer it names selected in the Inspector, the Summary, the
training plot or dataset box, the gradient flow, the Experiments window on the experiment, or
the template gallery on the template."""
from __future__ import annotations

from pathlib import Path

from studio.core.concepts import CONCEPTS

DIGIT_3 = Path(__file__).resolve().parents[2] / "resources" / "samples" / "digit_3.png"


def _expect(win, c, text: str) -> None:
    """The window shows what ``c.shows`` names (or says which template has the layer)."""
    kind, _, arg = c.shows.partition(":")
    ctl = win.training
    tabs = win.bottom_tabs
    if kind == "inference":
        assert tabs.currentWidget() is ctl.inference, c.id
        view = {"output": ctl.inference.output_view, "overview": getattr(ctl.inference, "overview", None),
                "maps": ctl.inference.feature_maps}[arg.split(":")[0]]
        if view is not None and "has no" not in text and "No layer here" not in text:
            assert ctl.inference.details.currentWidget() is view, c.id
    elif kind == "inspector":
        types = arg.split(",")
        if "has no" in text:
            assert "New from template" in text, (c.id, text)
        else:
            assert win.document.graph.node(win.inspector.node_id).type in types, c.id
    elif kind == "summary":
        assert tabs.currentWidget() is win.summary, c.id
    elif kind == "training":
        assert tabs.currentWidget() is ctl.panel, c.id
    elif kind == "gradient-flow":
        assert tabs.currentWidget() is ctl.gradient_flow, c.id
    elif kind == "experiment":
        w = win.experiments["window"]
        assert w is not None and w.isVisible(), c.id
        assert w.experiment is not None and w.experiment.name == arg, (c.id, text)
    elif kind == "template":
        from studio.gui.dialogs.templates import INFO_ROLE

        dlg = win._concept_gallery
        assert dlg.isVisible() and dlg.list.currentItem().data(INFO_ROLE) == arg, c.id
        assert arg in text
        dlg.close()
    else:  # pragma: no cover - a new place kind needs a check here
        raise AssertionError(f"{c.id}: no check for place {c.shows!r}")


def test_every_concept_opens_its_place(win, lenet_run, qtbot):
    from studio.gui.dialogs.concept_links import open_concept

    inf = win.training.inference
    assert inf.set_checkpoint(lenet_run / "best.pt") and inf.set_image(DIGIT_3)
    for c in CONCEPTS:
        text = open_concept(win, c.id)
        assert text and "Unknown" not in text and "not one of" not in text, (c.id, text)
        _expect(win, c, text)
    assert "conv1" in open_concept(win, "conv-output-size") and win.inspector.node_id == "conv1"
    assert win.inspector.node_id == "conv1"
    open_concept(win, "linear")
    assert win.inspector.node_id == "fc1"
    assert "no BatchNorm" in open_concept(win, "batchnorm")
    w = win.experiments["window"]
    w.close()


def test_legacy_ids_still_open(win):
    from studio.gui.dialogs.concept_links import open_concept

    for old in ("one_hot", "cross_entropy", "chance", "output_size", "params", "kernel_map", "padding", "receptive"):
        assert "Unknown" not in open_concept(win, old), old
