"""Graphs built by hand (not from the templates) that tests in several folders share."""
from __future__ import annotations

from studio.core.graph import Graph, GraphBuilder


def lenet() -> Graph:
    """LeNet-5 as in the notes: 1×32×32, 10 classes, 61,706 parameters; ids conv1 … fc3."""
    b = GraphBuilder()
    b.add("Input", "input", channels=1, height=32, width=32)
    b.add("Conv2d", "conv1", out_channels=6, kernel_size=5)
    b.add("ReLU", "relu1")
    b.add("MaxPool2d", "pool1", kernel_size=2)
    b.add("Conv2d", "conv2", out_channels=16, kernel_size=5)
    b.add("ReLU", "relu2")
    b.add("MaxPool2d", "pool2", kernel_size=2)
    b.add("Flatten", "flatten")
    b.add("Linear", "fc1", out_features=120)
    b.add("ReLU", "relu3")
    b.add("Linear", "fc2", out_features=84)
    b.add("ReLU", "relu4")
    b.add("Linear", "fc3", out_features=10)
    return b.graph
