"""The arithmetic views on a really trained LeNet-5: click a feature-map pixel of conv1 (and of
a pool and a ReLU) and the shown value is the model's activation there; the Output & loss view's
probabilities sum to 1 and its cross-entropy is −log p_true of the displayed numbers; the
Evaluate tab explains a clicked image with its true label."""
from __future__ import annotations

import math
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from PySide6.QtCore import Qt

from studio.training.predict import Predictor

DIGIT_3 = Path(__file__).resolve().parents[2] / "resources" / "samples" / "digit_3.png"


@pytest.fixture(scope="module")
def ckpt(lenet_run):
    """A short real training run: LeNet-5, 2 epochs on digits."""
    return lenet_run / "best.pt"


@pytest.fixture
def view(qtbot, ckpt):
    from studio.gui.training.inference import InferenceView

    v = InferenceView()
    qtbot.addWidget(v)
    v.resize(1300, 820)
    v.show()
    qtbot.waitExposed(v)
    assert v.set_checkpoint(ckpt)
    assert v.set_image(DIGIT_3)
    return v


def activations(ckpt):
    """conv1, relu1, pool1 of the trained model, computed with torch's functions (no hooks, no studio)."""
    p = Predictor.from_checkpoint(ckpt)
    x = p.preprocess(p.load_image(DIGIT_3)).unsqueeze(0)
    sd = torch.load(ckpt, weights_only=True)["model"]
    conv = F.conv2d(x, sd["conv1.weight"], sd["conv1.bias"])[0]
    return conv, F.relu(conv), F.max_pool2d(F.relu(conv), 2)


def click_pixel(qtbot, fm, c, y, x):
    with qtbot.waitSignal(fm.pixel.explained, timeout=5000) as got:
        qtbot.mouseClick(fm.maps_label, Qt.MouseButton.LeftButton, pos=fm.pixel_pos(c, y, x))
    return got.args[0]


def test_click_a_conv1_pixel_shows_the_models_activation(qtbot, view, ckpt, shot):
    fm = view.feature_maps
    assert fm.node.currentData() == "conv1"
    conv, relu, pool = activations(ckpt)
    for c, y, x in ((0, 10, 10), (5, 0, 27), (3, 27, 0)):
        d = click_pixel(qtbot, fm, c, y, x)
        assert d["at"] == [c, y, x] and d["layer"] == "conv1"
        assert abs(d["value"] - conv[c, y, x].item()) <= 1e-5
        assert abs(d["recomputed"] - conv[c, y, x].item()) <= 1e-5
        assert f"{conv[c, y, x].item():.6f}" in fm.pixel.header.text()
        assert "equals the feature map's value" in fm.pixel.equation.text()
    # the slider moves the window by the stride: one step right is one input pixel for conv1
    fm.pixel.slider.setValue(fm.pixel.slider.value() + 1)
    assert fm.pixel.result["at"] == [3, 27, 1] and fm.pixel.result["window"]["left"] == 1
    assert abs(fm.pixel.result["value"] - conv[3, 27, 1].item()) <= 1e-5
    click_pixel(qtbot, fm, 0, 10, 10)
    shot(view, "explain_conv_pixel.png")

    # pooling: the window's maximum, moving by the stride 2
    assert fm.select_node("pool1")
    c, y, x = max(((c, y, x) for c in range(6) for y in range(14) for x in range(14)), key=lambda t: pool[t].item())
    d = click_pixel(qtbot, fm, c, y, x)
    assert d["kind"] == "max" and abs(d["value"] - pool[c, y, x].item()) <= 1e-5
    assert d["window"]["top"] == 2 * y and d["window"]["left"] == 2 * x
    shot(view, "explain_pool_pixel.png")
    # ReLU: negatives become 0
    assert fm.select_node("relu1")
    c, y, x = next((c, y, x) for c in range(6) for y in range(28) for x in range(28) if conv[c, y, x] < 0)
    d = click_pixel(qtbot, fm, c, y, x)
    assert d["input"] < 0 and d["value"] == 0.0 == relu[c, y, x].item()
    assert "negatives become 0" in fm.pixel.equation.text()


def test_slide_animation_walks_the_window(qtbot, view):
    px = view.feature_maps.pixel
    px.slider.setValue(px.slider.maximum() - 3)
    px.play_button.setChecked(True)
    qtbot.waitUntil(lambda: not px.play_button.isChecked(), timeout=5000)
    assert px.result["at"][1:] == [27, 27]


def test_output_and_loss_view_numbers(qtbot, view, ckpt, shot):
    out = view.output_view
    view.details.setCurrentWidget(out)
    p = Predictor.from_checkpoint(ckpt)
    with torch.no_grad():
        z = p.model(p.preprocess(p.load_image(DIGIT_3)).unsqueeze(0))[0]
    assert out.breakdown["cross_entropy"] is None and "Choose the true class" in out.ce_label.text()
    out.set_label(3)  # the user picks the true class
    shown = out.shown_numbers()
    assert abs(sum(prob for prob, _ in shown.values()) - 1) <= 1e-5
    assert [y for _, y in shown.values()] == [1 if k == "3" else 0 for k in shown]
    ce_text = out.ce_label.text()
    ce = float(ce_text.split("<b>")[1].split("</b>")[0])
    assert abs(ce - (-math.log(shown["3"][0]))) <= 1e-5  # −log p_true of the displayed numbers
    assert abs(ce - F.cross_entropy(z[None], torch.tensor([3])).item()) <= 1e-5
    assert abs(float(out.table.item(3, 1).text()) - z[3].item()) <= 1e-4  # the logit column
    assert "ln 10 = 2.3026" in ce_text
    shot(view, "explain_output_loss.png")


def test_evaluate_explains_a_clicked_image_with_its_label(qtbot, ckpt, shot):
    from studio.gui.training.evaluate_view import EvaluateView

    ev = EvaluateView()
    qtbot.addWidget(ev)
    ev.resize(1300, 600)
    ev.show()
    ev.set_checkpoint(ckpt)
    with qtbot.waitSignal(ev.evaluated, timeout=60_000):
        ev.evaluate()
    rect = ev.matrix.visualItemRect(ev.matrix.item(4, 4))
    qtbot.mouseClick(ev.matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ev.images.count() > 0
    d = ev.output_view.breakdown
    assert d is not None and d["label"] == 4 and d["one_hot"][4] == 1 and d["predicted"] == 4
    assert abs(d["cross_entropy"] + math.log(d["probabilities"][4])) < 1e-9
    shot(ev, "explain_evaluate.png")


def test_concept_links_open_the_inference_views(win, ckpt):
    from studio.gui.dialogs.concept_links import open_concept

    inf = win.training.inference
    assert inf.set_checkpoint(ckpt) and inf.set_image(DIGIT_3)
    assert "true class" in open_concept(win, "cross_entropy")
    assert win.bottom_tabs.currentWidget() is inf and inf.details.currentWidget() is inf.output_view
    assert "Click any pixel" in open_concept(win, "relu")
    assert inf.details.currentWidget() is inf.feature_maps and inf.feature_maps.node.currentData() == "relu1"
    open_concept(win, "kernel_map")
    assert inf.feature_maps.node.currentData() == "conv1" and inf.feature_maps.pixel.result["layer"] == "conv1"
