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
