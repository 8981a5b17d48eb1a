"""The graph canvas: GraphView (QGraphicsView) over GraphScene, items per node/edge/group."""


from .view import MIME_BLOCK, MIME_GRAPH, MIME_LAYER, GraphView

__all__ = ["GraphView", "MIME_LAYER", "MIME_GRAPH", "MIME_BLOCK"]
