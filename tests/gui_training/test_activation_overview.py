"""Inference → Overview: every layer's maps for one image in network order; a click on a map
draws its edges, its kernels as images and the pixel's arithmetic; hovering outlines the
receptive field on the input; a double click opens the pixel view; a ResNet's Add shows the two
maps it sums."""
from __future__ import annotations

from pathlib import Path

import pytest
import torch
from PySide6.QtCore import QPoint, QRect, Qt

DIGIT_3 = Path(__file__).resolve().parents[2] / "resources" / "samples" / "digit_3.png"


@pytest.fixture
def view(qtbot, lenet_run):
    from studio.gui.training.inference import InferenceView

    v = InferenceView()
    qtbot.addWidget(v)
    v.resize(1400, 1100)
    v.show()
    qtbot.waitExposed(v)
    v.details.setCurrentWidget(v.overview)
    assert v.set_checkpoint(lenet_run / "best.pt")
    with qtbot.waitSignal(v.overview.shown, timeout=30_000):
        assert v.set_image(DIGIT_3)
    return v


def test_every_layer_in_network_order_with_its_maps(view, shot):
    ov = view.overview
    assert [la.name for la in ov.layers] == ["input", "conv1", "relu1", "pool1", "conv2", "relu2", "pool2"]
    assert [la.shape for la in ov.layers][1:] == [[6, 28, 28], [6, 28, 28], [6, 14, 14], [16, 10, 10],
                                                 [16, 10, 10], [16, 5, 5]]
    assert "conv2 · Conv2d · 16×10×10 · 16 kernels of 6×5×5" in ov.canvas.titles
    probs = [p for _n, p in ov.canvas.probs]
    assert abs(sum(probs) - 1) < 1e-5 and probs == sorted(probs, reverse=True)
    assert ov.canvas.probs[0][0] == view.top[0][0]
    shot(view, "overview_lenet.png")


def test_click_hover_and_double_click_on_a_map(view, qtbot):
    ov = view.overview
    i = ov.index_of("conv2")
    rect = ov.canvas.tile_rect(i, 3)
    ov.scroll.ensureVisible(rect.center().x(), rect.center().y())
    qtbot.mouseClick(ov.canvas, Qt.MouseButton.LeftButton, pos=rect.topLeft() + QPoint(1, 1))
    assert ov.picked == (i, 3, 0, 0)
    assert ov.canvas.sources == [(ov.index_of("pool1"), [0, 1, 2, 3, 4, 5])]  # the edges: all 6 input maps
    w = view.predictor.model.conv2.weight if hasattr(view.predictor.model, "conv2") else None
    k = ov.kernel_label.pixmap()
    assert k is not None and k.width() > 6 * 5 * 3  # six 5×5 slices side by side
    assert "6 slice(s) of 5×5" in ov.kernel_title.text()
    value = float(ov.layers[i].maps[3, 0, 0])
    assert f"= {value:.4f}" in ov.arith.text() and "Σ over 6 input map(s)" in ov.arith.text()
    del w
    # hover: conv2's pixel (9, 9) reads a 14×14 window of the input (5, then +1 by the pool, then 4·2)
    ov._hovered(i, 0, 9, 9)
    assert "14×14 pixels" in ov.input_label.toolTip() and "rows 18–31" in ov.input_label.toolTip()
    qtbot.mouseDClick(ov.canvas, Qt.MouseButton.LeftButton, pos=rect.center())
    fm = view.feature_maps
    assert view.details.currentWidget() is fm and fm.node.currentData() == "conv2"
    assert fm.pixel.result["layer"] == "conv2" and fm.pixel.result["at"][0] == 3


def test_a_resnet_add_shows_the_two_maps_it_sums(qtbot):
    from studio.compiler.compile import compile_graph
    from studio.gui.training.activation_overview import ActivationOverview
    from studio.templates import build_project

    project = build_project("resnet18", input_shape=(3, 32, 32), num_classes=5)
    torch.manual_seed(0)
    model = compile_graph(project.graph, project.num_classes).eval()
    ov = ActivationOverview()
    qtbot.addWidget(ov)
    ov.resize(1200, 900)
    ov.show()
    ov.set_model(model, project, [str(i) for i in range(5)])
    x = torch.randn(3, 32, 32)
    with qtbot.waitSignal(ov.shown, timeout=60_000):
        ov.show_image(x)
    adds = [k for k, la in enumerate(ov.layers) if la.type == "Add"]
    assert len(adds) == 8  # one per BasicBlock
    where = {la.node: la for la in ov.layers}
    for k in adds:
        lay = ov.layers[k]
        a, b = (where[s].maps for s in lay.inputs)
        assert torch.allclose(lay.maps, a + b, atol=1e-5)
        assert " + " in ov.canvas.titles[k]
        assert [len(ch) for _j, ch in ov.sources_of(k, 2)] == [1, 1]
    with torch.no_grad():
        assert torch.allclose(model(x[None])[0].softmax(0).max(), torch.tensor(ov.canvas.probs[0][1]), atol=1e-5)
    k = adds[-1]
    ov.select_map(k, 2, 1, 1)
    assert "=" in ov.arith.text() and "+" in ov.arith.text()
    assert ov.canvas.height() > 1000  # a long page: it scrolls


def test_skip_edges_go_round_the_rows_in_between(qtbot):
    """An Add's input from several rows up is routed down the right margin, between the layers,
    never across the maps of the rows in between; an input from the row just above stays straight."""
    from studio.compiler.compile import compile_graph
    from studio.gui.training.activation_overview import ActivationOverview
    from studio.templates import build_project

    project = build_project("resnet18", input_shape=(3, 32, 32), num_classes=5)
    torch.manual_seed(0)
    model = compile_graph(project.graph, project.num_classes).eval()
    ov = ActivationOverview()
    qtbot.addWidget(ov)
    ov.resize(1200, 900)
    ov.show()
    ov.set_model(model, project, [str(i) for i in range(5)])
    with qtbot.waitSignal(ov.shown, timeout=60_000):
        ov.show_image(torch.randn(3, 32, 32))
    canvas = ov.canvas
    k = next(k for k, la in enumerate(ov.layers) if la.type == "Add")
    ov.select_map(k, 2, 1, 1)
    far = [(j, ch) for j, chans in canvas.sources for ch in chans if j < k - 1]
    near = [(j, ch) for j, chans in canvas.sources for ch in chans if j == k - 1]
    assert far and near  # the block's input (a skip) and its last conv's output (the row above)
    for j, ch in near:
        assert len(canvas.edge_points(j, ch, k, 2)) == 2
    for j, ch in far:
        pts = canvas.edge_points(j, ch, k, 2)
        assert canvas.tile_rect(j, ch).contains(pts[0]) or canvas.tile_rect(j, ch).right() + 1 == pts[0].x()
        assert canvas.tile_rect(k, 2).right() + 1 == pts[-1].x()
        segments = list(zip(pts, pts[1:]))
        assert all(a.x() == b.x() or a.y() == b.y() for a, b in segments)  # horizontal and vertical only
        for m in range(j, k + 1):  # no segment touches another map (of the rows in between or the two layers)
            maps = [canvas.tile_rect(m, c) for c in range(ov.layers[m].shape[0]) if (m, c) not in ((j, ch), (k, 2))]
            for a, b in segments:
                box = QRect(a, b).normalized().adjusted(0, 0, 1, 1)
                assert not any(box.intersects(t) for t in maps), (m, a, b)
    canvas.grab()  # paints
