"""Gestures on the canvas as small objects (in the style of orange-canvas-core's
``canvas/interactions.py``): the view hands mouse events to the interaction in progress, and
each interaction ends by pushing at most one undo command.

* :class:`PanInteraction` — middle-button drag scrolls the view;
* :class:`WireInteraction` — drag from an output port to an input port (legal targets
  lit, the nearest port snaps, Esc cancels; the rules come from ``Graph.can_connect``);
* :class:`MoveInteraction` — drag cards (edges and frames follow live; one Move command);
* :class:`RubberBandInteraction` — drag on the background selects what the band touches
  (Ctrl adds to the selection);
* :class:`DropHandler` — layers and saved blocks dragged from the palette.
"""
from __future__ import annotations

import weakref

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem

from studio.gui import commands as cmds
from studio.gui.i18n import tr

from . import style
from .edge_item import EdgeItem, edge_path
from .group_item import BlockItem
from .node_item import NodeItem, PortItem
from .style import NODE_H, NODE_W

MIME_LAYER = "application/x-cnn-studio-layer"
MIME_BLOCK = "application/x-cnn-studio-block"  # data: the name of a saved block (utf-8)
MIME_GRAPH = "application/x-cnn-studio-graph"


class Interaction:
    """One gesture in progress. ``move``/``release`` get view mouse events; ``release``
    returns True when the gesture is over. ``cancel`` undoes what it shows (Esc)."""

    def __init__(self, view):
        self.view = weakref.proxy(view)  # no cycle: the view goes as soon as Qt deletes it

    def move(self, ev) -> None:
        pass

    def release(self, ev) -> bool:
        return True

    def cancel(self) -> None:
        pass


class PanInteraction(Interaction):
    def __init__(self, view, ev):
        super().__init__(view)
        self.last = ev.position()
        view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def move(self, ev) -> None:
        d = ev.position() - self.last
        self.last = ev.position()
        for bar, delta in ((self.view.horizontalScrollBar(), d.x()), (self.view.verticalScrollBar(), d.y())):
            bar.setValue(bar.value() - int(delta))

    def release(self, ev) -> bool:
        if ev.button() != Qt.MouseButton.MiddleButton:
            return False
        self.cancel()
        return True

    def cancel(self) -> None:
        self.view.viewport().unsetCursor()


class WireInteraction(Interaction):
    """A new connection being dragged out of ``source``'s output port."""

    def __init__(self, view, source: str, at: QPointF):
        super().__init__(view)
        sc = view.graph_scene
        self.source = source
        self.legal = {n for n in view.doc.graph.legal_targets(source) if sc.nodes[n].isVisible()}
        self.target: tuple[str, int] | None = None
        self.item = QGraphicsPathItem()
        self.item.setPen(QPen(style.SELECTED, 2, Qt.PenStyle.DashLine))
        self.item.setZValue(10)
        sc.addItem(self.item)
        for nid in self.legal:
            for p in sc.nodes[nid].in_ports:
                p.set_highlight(True)
        view.message.emit(tr("Drag to a highlighted input port to connect"))
        self._update(view.mapFromScene(at))

    def _snap(self, pos) -> tuple[str, int] | None:
        """The legal (node, port) nearest to the cursor, within reach."""
        view = self.view
        sp = view.mapToScene(pos)
        reach = 36 / max(view.zoom_factor(), 0.1)
        best, best_d = None, reach
        area = QRectF(sp.x() - reach, sp.y() - reach, 2 * reach, 2 * reach)
        for it in view.graph_scene.items(area):
            if isinstance(it, PortItem) and it.kind == "in" and it.node_id in self.legal:
                d = QLineF(it.scenePos(), sp).length()
                if d < best_d:
                    best, best_d = (it.node_id, it.port), d
        if best is None:
            node = view.item_at(pos, NodeItem)
            if node is not None and node.node_id in self.legal:
                free = node.free_in_port()
                best = (node.node_id, free.port if free is not None else 0)
        return best

    def _update(self, pos) -> None:
        sc = self.view.graph_scene
        target = self._snap(pos)
        if self.target is not None and self.target[0] in sc.nodes:
            sc.nodes[self.target[0]].set_highlight(False)
        self.target = target
        p1 = sc.nodes[self.source].out_port_pos()
        if target is not None:
            sc.nodes[target[0]].set_highlight(True)
            p2 = sc.nodes[target[0]].in_port_pos(target[1])
        else:
            p2 = self.view.mapToScene(pos)
        self.item.setPath(edge_path(p1, p2))

    def move(self, ev) -> None:
        self._update(ev.position().toPoint())

    def release(self, ev) -> bool:
        if ev.button() != Qt.MouseButton.LeftButton:
            return False
        pos = ev.position().toPoint()
        self._update(pos)
        self.cancel()
        view = self.view
        if self.target is not None:
            view.connect_nodes(self.source, *self.target)
            return True
        over = view.item_at(pos, (NodeItem, PortItem, BlockItem))
        if isinstance(over, PortItem):
            over = over.node_item
        if isinstance(over, NodeItem) and over.node_id != self.source:
            check = view.doc.graph.can_connect(self.source, over.node_id)
            view.message.emit(check.message or tr("Cannot connect there"))
        elif isinstance(over, BlockItem):
            view.message.emit(tr("Expand the group '{name}' to connect into one of its layers").format(name=over.name))
        return True

    def cancel(self) -> None:
        sc = self.view.graph_scene
        if self.item.scene() is not None:
            sc.removeItem(self.item)
        for nid in self.legal:
            if nid in sc.nodes:
                for p in sc.nodes[nid].in_ports:
                    p.set_highlight(False)
        if self.target is not None and self.target[0] in sc.nodes:
            sc.nodes[self.target[0]].set_highlight(False)


class MoveInteraction(Interaction):
    """Cards dragged by Qt's item moving; edges and frames follow, the release is one command."""

    def __init__(self, view, items):
        super().__init__(view)
        self.before = {it: QPointF(it.pos()) for it in items}

    def move(self, ev) -> None:
        if not ev.buttons() & Qt.MouseButton.LeftButton:
            return
        sc, graph = self.view.graph_scene, self.view.doc.graph
        for it, old in self.before.items():
            if isinstance(it, NodeItem):
                if getattr(it, "_shown_at", old) != it.pos():
                    it._shown_at = QPointF(it.pos())
                    sc.item_moved(it)
            elif isinstance(it, BlockItem) and sc.has_group(it.name):
                for nid in graph.group(it.name).nodes:
                    for e in sc.edges_of(nid):
                        sc.route(e)

    def release(self, ev) -> bool:
        if ev.button() != Qt.MouseButton.LeftButton:
            return False
        view, graph = self.view, self.view.doc.graph
        moves = {}
        for it, old in self.before.items():
            new = it.pos()
            if (new - old).manhattanLength() < 0.5:
                continue
            if isinstance(it, NodeItem) and graph.has_node(it.node_id):
                moves[it.node_id] = ((old.x(), old.y()), (new.x(), new.y()))
            elif isinstance(it, BlockItem) and any(g.name == it.name for g in graph.all_groups):
                d = new - old
                for nid in graph.group(it.name).nodes:
                    p = graph.node(nid).pos
                    moves.setdefault(nid, (p, (p[0] + d.x(), p[1] + d.y())))
        if moves:
            cmds.push(view.doc, cmds.MoveNodesCommand(view.doc, moves))
            view.update_scene_rect()
        return True


class RubberBandInteraction(Interaction):
    """Drag on the empty canvas: select the cards and connections the band touches."""

    def __init__(self, view, ev):
        super().__init__(view)
        self.origin = view.mapToScene(ev.position().toPoint())
        self.add = bool(ev.modifiers() & Qt.KeyboardModifier.ControlModifier)
        sc = view.graph_scene
        self.kept = set(sc.selectedItems()) if self.add else set()
        if not self.add:
            sc.clearSelection()
        self.item = QGraphicsRectItem()
        color = QColor(style.SELECTED)
        self.item.setPen(QPen(color, 0))
        color.setAlpha(40)
        self.item.setBrush(QBrush(color))
        self.item.setZValue(20)
        self.item.setVisible(False)
        sc.addItem(self.item)

    def move(self, ev) -> None:
        view = self.view
        r = QRectF(self.origin, view.mapToScene(ev.position().toPoint())).normalized()
        self.item.setRect(r)
        self.item.setVisible(True)
        sc = view.graph_scene
        hit = {it for it in sc.items(r, Qt.ItemSelectionMode.IntersectsItemShape)
               if isinstance(it, (NodeItem, BlockItem, EdgeItem)) and it.isVisible()}
        sc.blockSignals(True)
        try:
            for it in list(sc.selectedItems()):
                if it not in hit and it not in self.kept:
                    it.setSelected(False)
            for it in hit:
                it.setSelected(True)
        finally:
            sc.blockSignals(False)
        view.emit_selection()

    def release(self, ev) -> bool:
        if ev.button() != Qt.MouseButton.LeftButton:
            return False
        self.cancel()
        return True

    def cancel(self) -> None:
        if self.item.scene() is not None:
            self.view.graph_scene.removeItem(self.item)


class DropHandler:
    """Layers and saved blocks dropped from the palette (the card's centre under the cursor)."""

    def __init__(self, view):
        self.view = weakref.proxy(view)  # no cycle: the view goes as soon as Qt deletes it

    @staticmethod
    def accepts(md) -> bool:
        return md.hasFormat(MIME_LAYER) or md.hasFormat(MIME_BLOCK)

    def drop(self, ev) -> bool:
        md, view = ev.mimeData(), self.view
        sp = view.mapToScene(ev.position().toPoint())
        at = QPointF(sp.x() - NODE_W / 2, sp.y() - NODE_H / 2)
        if md.hasFormat(MIME_BLOCK):
            return bool(view.insert_block(bytes(md.data(MIME_BLOCK)).decode("utf-8").strip(), at))
        return bool(view.add_layer(bytes(md.data(MIME_LAYER)).decode("utf-8").strip(), at))
