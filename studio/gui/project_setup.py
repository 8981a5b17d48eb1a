"""Projects the window starts from: the default (LeNet-5 on digits) and a blank one."""
from __future__ import annotations

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


def default_project() -> Project:
    """What `cnn-studio` opens: LeNet-5 with the built-in digits dataset selected."""
    from studio.templates import build_project

    proj = build_project("lenet5")
    proj.dataset = {"source": "digits"}
    return proj
