"""The architecture diagram: geometry (pure Python), SVG text, and a Qt painter for PNG
export and the window's Diagram tab.

    diagram_for(graph, num_classes, title) -> Diagram
    to_svg(diagram) -> str
"""
from __future__ import annotations

from .geometry import Diagram, build_diagram, primitives
from .svg import to_svg

__all__ = ["Diagram", "build_diagram", "primitives", "to_svg", "diagram_for"]


def diagram_for(graph, num_classes: int = 10, title: str = "", analysis=None) -> Diagram:
    """The diagram of ``graph`` (validated here unless an ``analysis`` is given)."""
    if analysis is None:
        from studio.core.validate import validate

        analysis = validate(graph, num_classes)
    return build_diagram(graph, analysis, title)
