"""TEMPORARY stand-in for studio.gui.canvas.GraphView while the canvas is being written."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView


class GraphView(QGraphicsView):
    selection_changed = Signal(list)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.setScene(QGraphicsScene(self))
        self._sel: list[str] = []

    def select_nodes(self, ids):
        self._sel = list(ids)
        self.selection_changed.emit(self._sel)

    def selected_node_ids(self):
        return [i for i in self._sel if self.document.graph.has_node(i)]

    def __getattr__(self, name):
        if name in ("fit_to_view", "zoom_in", "zoom_out", "auto_layout", "copy_selection", "cut_selection",
                    "paste", "duplicate_selection", "delete_selection", "group_selection",
                    "save_selection_as_template"):
            return lambda *a, **k: None
        raise AttributeError(name)
