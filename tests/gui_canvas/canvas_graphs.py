"""Graphs and helpers shared by the canvas tests."""
from studio.core.graph import GraphBuilder


def lenet_graph():
    b = GraphBuilder()
    b.add("Input", "input", channels=1, height=32, width=32)
    b.add("Conv2d", "conv1", out_channels=6, kernel_size=5)
    b.add("ReLU", "relu1")
    b.add("MaxPool2d", "pool1")
    b.add("Conv2d", "conv2", out_channels=16, kernel_size=5)
    b.add("ReLU", "relu2")
    b.add("MaxPool2d", "pool2")
    b.add("Flatten", "flatten")
    b.add("Linear", "fc1", out_features=120)
    b.add("ReLU", "relu3")
    b.add("Linear", "fc2", out_features=84)
    b.add("ReLU", "relu4")
    b.add("Linear", "fc3", out_features=10)
    for i, n in enumerate(b.graph.nodes):
        b.graph.move(n.id, (0.0, i * 90.0))
    return b.graph


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
