"""Projects the window starts from: the default (LeNet-5 on digits) and a blank one."""
from __future__ import annotations

from studio.core.graph import GraphBuilder
from studio.core.project import Project


def ensure_layout(project: Project) -> None:
    """Lay out a graph whose nodes all sit at the same spot (e.g. an import)."""
    g = project.graph
    if len(g) > 1 and len({n.pos for n in g.nodes}) == 1:
        from studio.core.layout import auto_layout

        for nid, pos in auto_layout(g).items():
            g.move(nid, pos)


def blank_project() -> Project:
    """New: an Input layer, ready for the first layer to be dragged below it."""
    proj = Project(name="untitled")
    proj.graph.add_node("Input", {"channels": 1, "height": 32, "width": 32}, node_id="input")
    return proj


def _hand_built_lenet5() -> Project:
    b = GraphBuilder()
    b.add("Input", "input", channels=1, height=32, width=32)
    b.add("Conv2d", "conv1", out_channels=6, kernel_size=5)
    b.add("Tanh", "tanh1")
    b.add("AvgPool2d", "pool1", kernel_size=2)
    b.add("Conv2d", "conv2", out_channels=16, kernel_size=5)
    b.add("Tanh", "tanh2")
    b.add("AvgPool2d", "pool2", kernel_size=2)
    b.add("Flatten", "flatten")
    b.add("Linear", "fc1", out_features=120)
    b.add("Tanh", "tanh3")
    b.add("Linear", "fc2", out_features=84)
    b.add("Tanh", "tanh4")
    b.add("Linear", "fc3", out_features=10)
    proj = Project(graph=b.graph, num_classes=10, name="lenet5", template="lenet5")
    ensure_layout(proj)
    return proj


def default_project() -> Project:
    """What `cnn-studio` opens: LeNet-5 with the built-in digits dataset selected."""
    try:
        from studio.templates import build_project

        proj = build_project("lenet5")
    except ImportError:  # templates not available in this build
        proj = _hand_built_lenet5()
    proj.dataset = {"source": "digits"}
    return proj
