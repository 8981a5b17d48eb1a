"""Auto-layout: rows top to bottom, the main path in one column, branches beside it."""
import pytest

from studio import templates
from studio.core.graph import Graph, GraphBuilder
from studio.core.layout import CARD_H, CARD_W, auto_layout


def assert_tidy(graph, pos):
    assert set(pos) == {n.id for n in graph.nodes}
    pts = list(pos.values())
    for i, (x1, y1) in enumerate(pts):
        for x2, y2 in pts[i + 1:]:
            assert abs(x1 - x2) >= CARD_W + 20 or abs(y1 - y2) >= CARD_H + 20, "cards overlap"
    for e in graph.edges:
        assert pos[e.target][1] > pos[e.source][1], f"edge {e.source} -> {e.target} points up"


@pytest.mark.parametrize("name", ["lenet5", "alexnet", "vgg16_bn", "resnet18", "resnet152"])
def test_templates_are_tidy(name):
    g = templates.build_project(name).graph
    pos = auto_layout(g)
    assert_tidy(g, pos)
    assert {n.id: n.pos for n in g.nodes} == pos  # build_project applies it


def test_resnet_reads_like_the_paper():
    g = templates.build_project("resnet50").graph
    pos = auto_layout(g)
    side = {n for n, (x, _) in pos.items() if x != 0}
    assert side == {f"layer{s}.0.downsample.{i}" for s in (1, 2, 3, 4) for i in (0, 1)}
    assert all(pos[n][0] == 220 for n in side)
    # more space between stages than between blocks of a stage, more than inside a block
    inside = pos["layer1.0.bn1"][1] - pos["layer1.0.conv1"][1]
    between_blocks = pos["layer1.1.conv1"][1] - pos["layer1.0.relu3"][1]
    between_stages = pos["layer2.0.conv1"][1] - pos["layer1.2.relu3"][1]
    assert inside < between_blocks < between_stages


def test_branches_components_and_empty():
    assert auto_layout(Graph()) == {}
    b = GraphBuilder()
    b.add("Input", "in", channels=3, height=8, width=8)
    for k in range(4):
        b.add("Conv2d", f"b{k}", inputs="in", out_channels=4, kernel_size=1)
    b.add("Conv2d", "b3x", inputs="b3", out_channels=4, kernel_size=3, padding=1)
    b.add("Concat", "cat", inputs=["b0", "b1", "b2", "b3x"])
    b.graph.add_node("ReLU", node_id="loose")  # not connected: a second component
    g = b.graph
    pos = auto_layout(g)
    assert_tidy(g, pos)
    assert pos["in"][0] == pos["b3"][0] == pos["b3x"][0] == pos["cat"][0] == 0
    assert len({pos[f"b{k}"][0] for k in range(3)}) == 3
    assert pos["loose"][0] > max(x for n, (x, _) in pos.items() if n != "loose")
