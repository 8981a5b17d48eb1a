"""Diagram geometry (pure Python): boxes follow the validated shapes, sizes grow with H, W
and channels on a log scale, skip arcs and stages are there."""
from __future__ import annotations

from studio.core.validate import validate
from studio.diagram import build_diagram, primitives, to_svg
from studio.diagram.geometry import box_height, box_thickness
from studio.templates import build_project

from ..graphs import lenet


def test_lenet_boxes_follow_the_shapes():
    g = lenet()
    a = validate(g, 10)
    d = build_diagram(g, a, "LeNet")
    # one map per shape-changing layer: input, conv, pool, conv, pool, fc ×3
    assert [b.node for b in d.boxes] == ["input", "conv1", "pool1", "conv2", "pool2", "fc1", "fc2", "fc3"]
    assert all(b.shape == a.shapes[b.node] for b in d.boxes)
    assert d.boxes[1].kernel == (5, 5) and d.boxes[2].kernel is None
    xs = [b.x for b in d.boxes]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)  # left to right, no two on one spot
    conv1, pool1, conv2 = d.boxes[1:4]
    assert conv1.h > pool1.h  # 28 > 14
    assert conv2.w > pool1.w  # 16 channels > 6
    assert box_height(224) - box_height(112) == box_height(112) - box_height(56)  # log scale
    assert box_thickness(2048) < 4 * box_thickness(64)


def test_resnet_blocks_arcs_and_stages():
    g = build_project("resnet50").graph
    d = build_diagram(g, validate(g, 1000), "r50")
    assert [s.name for s in d.stages] == ["stem", "layer1", "layer2", "layer3", "layer4", "head"]
    assert [s.text for s in d.stages[1:5]] == ["256×56×56", "512×28×28", "1024×14×14", "2048×7×7"]
    assert sum(b.kind == "block" for b in d.boxes) == 3 + 4 + 6 + 3
    arcs = [p for p in primitives(d) if p[0] == "quad" and p[-1] == "#e91e63"]
    assert len(arcs) >= 16  # one skip per block (plus the legend's sample)
    assert d.width <= 1600  # wraps into rows instead of running off
    svg = to_svg(d)
    assert svg.startswith("<?xml") and svg.count("<polygon") >= 3 * len(d.boxes)


def test_mobilenet_v2_stages_are_its_bottleneck_sequences():
    """torchvision numbers MobileNetV2's blocks flat (features.1 … features.17): the diagram frames
    each run of blocks with the same output channels, the paper's (t, c, n, s) rows."""
    g = build_project("mobilenet_v2").graph
    d = build_diagram(g, validate(g, 1000), "m")
    names = [s.name for s in d.stages]
    assert names == ["stem", "features.1", "features.2–3", "features.4–6", "features.7–10", "features.11–13",
                     "features.14–16", "features.17", "head"]
    blocks = [s for s in d.stages if s.name.startswith("features.")]
    # the paper's Table 2: c = 16, 24, 32, 64, 96, 160, 320 repeated n = 1, 2, 3, 4, 3, 3, 1 times
    assert [s.shape[0] for s in blocks] == [16, 24, 32, 64, 96, 160, 320]
    assert [s.last - s.first + 1 for s in blocks] == [1, 2, 3, 4, 3, 3, 1]
    assert all(b.stage for b in d.boxes if b.kind == "inverted")  # every block is framed
    # a dashed frame per stage (each fits on one row here), each around its own boxes
    frames = [p for p in primitives(d) if p[0] == "rect" and p[-1] is True]
    assert len(frames) == len(names)
    for st, (_r, x, _y, w, _h, *_rest) in zip(d.stages, frames):
        inside = d.boxes[st.first:st.last + 1]
        assert x <= min(b.x for b in inside) and max(b.x + b.w for b in inside) <= x + w


def test_other_families_keep_their_stages():
    g = build_project("googlenet").graph
    d = build_diagram(g, validate(g, 1000), "g")
    assert [s.name for s in d.stages] == ["inception3", "inception4", "inception5", "head"]
