"""The graph canvas: GraphView (QGraphicsView) over GraphScene, items per node/edge/group."""
from ._compat import protect_none

protect_none()  # see _compat: PySide6 6.12 + Python 3.11 None refcount bug

from .view import MIME_GRAPH, MIME_LAYER, GraphView

__all__ = ["GraphView", "MIME_LAYER", "MIME_GRAPH"]
