"""Graphs and helpers shared by the canvas tests."""
from studio.core.graph import GraphBuilder

from ..graphs import lenet


def lenet_graph():
    """The shared hand-built LeNet-5, one column of cards 90 px apart."""
    g = lenet()
    for i, n in enumerate(g.nodes):
        g.move(n.id, (0.0, i * 90.0))
    return g


def resnet_like_graph(blocks=3):
    b = GraphBuilder()
    b.add("Input", "input", channels=3, height=32, width=32)
    b.add("Conv2d", "stem", out_channels=16, kernel_size=3, padding=1)
    prev = "stem"
    for i in range(blocks):
        c1 = b.add("Conv2d", f"b{i}.conv1", inputs=prev, out_channels=16, kernel_size=3, padding=1)
        r = b.add("ReLU", f"b{i}.relu1")
        c2 = b.add("Conv2d", f"b{i}.conv2", out_channels=16, kernel_size=3, padding=1)
        add = b.add("Add", f"b{i}.add", inputs=[c2, prev])
        prev = b.add("ReLU", f"b{i}.relu2")
        b.graph.add_group(f"block{i}", [c1, r, c2, add, prev])
    b.add("AdaptiveAvgPool2d", "gap")
    b.add("Flatten", "flat")
    b.add("Linear", "fc", out_features=10)
    return b.graph


def snapshot(graph):
    return graph.structure(), sorted((n.id, n.pos) for n in graph.nodes), sorted(
        (g.name, tuple(g.nodes), g.collapsed) for g in graph.groups)
