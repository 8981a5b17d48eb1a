"""The canvas view: drops from the palette, wiring by dragging from an output port to an
input port, moving, rubber-band selection, zoom and pan. Edits are pushed as undo
commands (``studio.gui.commands``); the scene redraws from the graph's signals."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsView, QLineEdit

from studio.gui import commands as cmds

from . import style
from .edge_item import EdgeItem, edge_path
from .editing import EditingMixin
from .group_item import BlockItem, GroupItem
from .node_item import NodeItem, PortItem
from .scene import GraphScene
from .style import NODE_H, NODE_W

MIME_LAYER = "application/x-cnn-studio-layer"
MIME_BLOCK = "application/x-cnn-studio-block"  # data: the name of a saved block (utf-8)
MIME_GRAPH = "application/x-cnn-studio-graph"
_MIN_SCALE, _MAX_SCALE = 0.05, 4.0
READABLE = 0.8  # the smallest zoom at which card text reads comfortably
_KEYS = {  # handled by the canvas itself when it has focus
    QKeySequence.StandardKey.Delete, QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.ZoomIn, QKeySequence.StandardKey.ZoomOut,
}


class GraphView(EditingMixin, QGraphicsView):
    selection_changed = Signal(list)  # selected node ids
    message = Signal(str)  # what just happened / why something was refused
    blocks_changed = Signal()  # a selection was saved as a block

    def __init__(self, document, parent=None):
        QGraphicsView.__init__(self, parent)
        self.doc = document
        self.graph_scene = GraphScene(document, self)
        self.setScene(self.graph_scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)  # the grid is drawn once per zoom
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self._wire = None  # connection drag: dict(src, item, legal, target)
        self._pan_last = None
        self._space = False
        self._press_pos: dict | None = None
        self._editor: QLineEdit | None = None
        self._paste_count = 0
        self.graph_scene.selectionChanged.connect(self._emit_selection)
        self._fit_top = False  # the last fit showed the top only: the next shows the whole
        document.project_replaced.connect(self._on_project_replaced)
        self.setSceneRect(QRectF(-5000, -5000, 10000, 10000))
        self._update_scene_rect()

    # ---- selection ---------------------------------------------------------------------
    def _emit_selection(self) -> None:
        try:
            self.selection_changed.emit(self.selected_node_ids())
        except RuntimeError:  # during teardown
            pass

    def selected_node_ids(self) -> list[str]:
        ids: list[str] = []
        graph = self.doc.graph
        for it in self.graph_scene.selectedItems():
            if isinstance(it, NodeItem):
                ids.append(it.node_id)
            elif isinstance(it, BlockItem) and any(g.name == it.name for g in graph.groups):
                ids.extend(graph.group(it.name).nodes)
        order = {n.id: i for i, n in enumerate(graph.nodes)}
        return sorted(dict.fromkeys(i for i in ids if i in order), key=order.__getitem__)

    def selected_edges(self) -> list:
        return [it.edge for it in self.graph_scene.selectedItems() if isinstance(it, EdgeItem)]

    def select_nodes(self, ids, center: bool = True) -> None:
        sc = self.graph_scene
        sc.blockSignals(True)
        try:
            sc.clearSelection()
            for nid in ids:
                item = sc.nodes.get(nid)
                if item is None:
                    continue
                if item.isVisible():
                    item.setSelected(True)
                elif sc.group_of.get(nid) in sc.blocks:
                    sc.blocks[sc.group_of[nid]].setSelected(True)
        finally:
            sc.blockSignals(False)
        self._emit_selection()
        sel = [it for it in sc.selectedItems()]
        if center and sel:
            r = QRectF()
            for it in sel:
                r = r.united(it.sceneBoundingRect())
            if not self.mapToScene(self.viewport().rect()).boundingRect().contains(r):
                self.centerOn(r.center())

    # ---- zoom and pan ------------------------------------------------------------------
    def zoom_factor(self) -> float:
        return self.transform().m11()

    def _zoom(self, f: float, anchor_mouse: bool = True) -> None:
        s = self.zoom_factor()
        f = max(_MIN_SCALE / s, min(_MAX_SCALE / s, f))
        if not anchor_mouse:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(f, f)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)

    def zoom_in(self) -> None:
        self._zoom(1.25, anchor_mouse=False)

    def zoom_out(self) -> None:
        self._zoom(0.8, anchor_mouse=False)

    def fit_to_view(self) -> None:
        """Show the whole graph when it reads at ``READABLE`` zoom or more. A taller graph
        (LeNet-5 in a small window, a deep ResNet) shows its top at that zoom, the most that
        still reads; calling again shows the whole, however small."""
        self._fit(None)

    def fit_all(self) -> None:
        """Show the whole graph, however small."""
        self._fit(True)

    def _fit(self, whole: bool | None) -> None:
        self._update_scene_rect()
        r = self.graph_scene.itemsBoundingRect()
        if r.isNull():
            self.resetTransform()
            self.centerOn(0, 0)
            return
        r = r.adjusted(-30, -30, 30, 30)
        vp = self.viewport().rect()
        full = min(vp.width() / r.width(), vp.height() / r.height())
        if whole is None:
            whole = full >= READABLE or self._fit_top
        self._fit_top = not whole
        if whole:
            self.fitInView(r, Qt.AspectRatioMode.KeepAspectRatio)
            if self.zoom_factor() > 1.25:  # a small graph: do not blow the cards up
                self._zoom(1.25 / self.zoom_factor(), anchor_mouse=False)
                self.centerOn(r.center())
        else:
            self.resetTransform()
            self.scale(READABLE, READABLE)
            shown = self.mapToScene(vp).boundingRect()
            self.centerOn(r.center().x(), r.top() + shown.height() / 2)

    def _on_project_replaced(self) -> None:
        self._fit_top = False  # a new graph starts with the readable view
        QTimer.singleShot(0, self.fit_to_view)

    def _update_scene_rect(self) -> None:
        r = self.graph_scene.itemsBoundingRect().adjusted(-2000, -2000, 2000, 2000)
        self.setSceneRect(r.united(self.sceneRect()))

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            return super().wheelEvent(event)
        dy = event.angleDelta().y()
        if dy:
            self._zoom(1.0015 ** dy)
        event.accept()

    # ---- keys --------------------------------------------------------------------------
    def _own_key(self, ev) -> bool:
        if any(ev.matches(k) for k in _KEYS):
            return True
        mods = ev.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if ev.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not mods:
            return True
        if mods == Qt.KeyboardModifier.ControlModifier and ev.key() in (
                Qt.Key.Key_D, Qt.Key.Key_0, Qt.Key.Key_Equal, Qt.Key.Key_Plus, Qt.Key.Key_Minus):
            return True
        return ev.key() == Qt.Key.Key_Escape and self._wire is not None

    def event(self, ev) -> bool:
        if ev.type() == QEvent.Type.ShortcutOverride and self._editor is None and self._own_key(ev):
            ev.accept()
            return True
        return super().event(ev)

    def keyPressEvent(self, ev) -> None:
        if self._editor is not None:
            return super().keyPressEvent(ev)
        key, mods = ev.key(), ev.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = mods == Qt.KeyboardModifier.ControlModifier
        if ev.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif ev.matches(QKeySequence.StandardKey.Cut):
            self.cut_selection()
        elif ev.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif ev.matches(QKeySequence.StandardKey.SelectAll):
            self.select_nodes([n.id for n in self.doc.graph.nodes], center=False)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not mods:
            self.delete_selection()
        elif ctrl and key == Qt.Key.Key_D:
            self.duplicate_selection()
        elif ctrl and key == Qt.Key.Key_0:
            self.fit_to_view()
        elif ev.matches(QKeySequence.StandardKey.ZoomIn) or (ctrl and key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus)):
            self.zoom_in()
        elif ev.matches(QKeySequence.StandardKey.ZoomOut) or (ctrl and key == Qt.Key.Key_Minus):
            self.zoom_out()
        elif key == Qt.Key.Key_Escape and self._wire is not None:
            self._end_wire(None)
        elif key == Qt.Key.Key_Space and not ev.isAutoRepeat():
            self._space = True
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        else:
            super().keyPressEvent(ev)

    def keyReleaseEvent(self, ev) -> None:
        if ev.key() == Qt.Key.Key_Space and not ev.isAutoRepeat() and self._space:
            self._space = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        super().keyReleaseEvent(ev)

    # ---- mouse: wiring, moving, panning --------------------------------------------------
    def _item_at(self, pos, kinds):
        for it in self.items(pos):
            if isinstance(it, kinds) and it.isVisible():
                return it
        return None

    def mousePressEvent(self, ev) -> None:
        if ev.button() == Qt.MouseButton.MiddleButton:
            self._pan_last = ev.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            ev.accept()
            return
        if ev.button() == Qt.MouseButton.LeftButton and not self._space:
            port = self._item_at(ev.position().toPoint(), PortItem)
            if port is not None and port.kind == "out":
                self._begin_wire(port.node_id, self.mapToScene(ev.position().toPoint()))
                ev.accept()
                return
            group = self._item_at(ev.position().toPoint(), (GroupItem, NodeItem, BlockItem))
            if isinstance(group, GroupItem):  # the title bar selects the members
                self.select_nodes(self.doc.graph.group(group.name).nodes, center=False)
        super().mousePressEvent(ev)
        if ev.button() == Qt.MouseButton.LeftButton:
            self._press_pos = {it: QPointF(it.pos()) for it in self.graph_scene.selectedItems()
                               if isinstance(it, (NodeItem, BlockItem))}

    def mouseMoveEvent(self, ev) -> None:
        if self._pan_last is not None:
            d = ev.position() - self._pan_last
            self._pan_last = ev.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(d.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(d.y()))
            ev.accept()
            return
        if self._wire is not None:
            self._move_wire(ev.position().toPoint())
            ev.accept()
            return
        super().mouseMoveEvent(ev)
        if self._press_pos and ev.buttons() & Qt.MouseButton.LeftButton:
            self._follow_drag()

    def _follow_drag(self) -> None:
        """Edges and group frames follow the cards while they are dragged."""
        sc = self.graph_scene
        for it, old in self._press_pos.items():
            if isinstance(it, NodeItem):
                if getattr(it, "_shown_at", old) != it.pos():
                    it._shown_at = QPointF(it.pos())
                    sc.item_moved(it)
            elif isinstance(it, BlockItem):
                for nid in self.doc.graph.group(it.name).nodes if sc.has_group(it.name) else ():
                    for e in sc.edges_of(nid):
                        sc.route(e)

    def mouseReleaseEvent(self, ev) -> None:
        if ev.button() == Qt.MouseButton.MiddleButton and self._pan_last is not None:
            self._pan_last = None
            self.viewport().unsetCursor()
            ev.accept()
            return
        if self._wire is not None and ev.button() == Qt.MouseButton.LeftButton:
            self._move_wire(ev.position().toPoint())
            self._end_wire(ev.position().toPoint())
            ev.accept()
            return
        super().mouseReleaseEvent(ev)
        if ev.button() == Qt.MouseButton.LeftButton and self._press_pos:
            self._commit_moves(self._press_pos)
        self._press_pos = None

    def _commit_moves(self, before: dict) -> None:
        graph = self.doc.graph
        moves = {}
        for it, old in before.items():
            new = it.pos()
            if (new - old).manhattanLength() < 0.5:
                continue
            if isinstance(it, NodeItem) and graph.has_node(it.node_id):
                moves[it.node_id] = ((old.x(), old.y()), (new.x(), new.y()))
            elif isinstance(it, BlockItem) and any(g.name == it.name for g in graph.groups):
                d = new - old
                for nid in graph.group(it.name).nodes:
                    p = graph.node(nid).pos
                    moves.setdefault(nid, (p, (p[0] + d.x(), p[1] + d.y())))
        if moves:
            cmds.push(self.doc, cmds.MoveNodesCommand(self.doc, moves))
            self._update_scene_rect()

    def mouseDoubleClickEvent(self, ev) -> None:
        it = self._item_at(ev.position().toPoint(), (PortItem, NodeItem, BlockItem, GroupItem))
        if isinstance(it, NodeItem):
            self.rename_node(it.node_id)
        elif isinstance(it, (BlockItem, GroupItem)):
            self.toggle_group(it.name)
        else:
            super().mouseDoubleClickEvent(ev)

    # ---- wiring ----------------------------------------------------------------------------
    def legal_targets(self, source: str) -> set[str]:
        """Nodes that ``source`` may connect into (no cycle, they take an input)."""
        graph = self.doc.graph
        preds: dict[str, list[str]] = {}
        for e in graph.edges:
            preds.setdefault(e.target, []).append(e.source)
        anc, stack = {source}, [source]
        while stack:
            for p in preds.get(stack.pop(), ()):
                if p not in anc:
                    anc.add(p)
                    stack.append(p)
        out = set()
        for n in graph.nodes:
            hi = n.spec.arity[1]
            if n.id in anc or hi == 0:
                continue
            if hi == 1 and source in preds.get(n.id, ()):
                continue
            out.add(n.id)
        return out

    def _begin_wire(self, source: str, at: QPointF) -> None:
        sc = self.graph_scene
        legal = {n for n in self.legal_targets(source) if sc.nodes[n].isVisible()}
        path = QGraphicsPathItem()
        path.setPen(QPen(style.SELECTED, 2, Qt.PenStyle.DashLine))
        path.setZValue(10)
        sc.addItem(path)
        self._wire = {"src": source, "item": path, "legal": legal, "target": None}
        for nid in legal:
            for p in sc.nodes[nid].in_ports:
                p.set_highlight(True)
        self.message.emit("Drag to a highlighted input port to connect")
        self._move_wire(self.mapFromScene(at))

    def _snap(self, pos) -> tuple[str, int] | None:
        """The legal (node, port) nearest to the cursor, within reach."""
        sc, w = self.graph_scene, self._wire
        sp = self.mapToScene(pos)
        reach = 36 / max(self.zoom_factor(), 0.1)
        best, best_d = None, reach
        area = QRectF(sp.x() - reach, sp.y() - reach, 2 * reach, 2 * reach)
        for it in sc.items(area):
            if isinstance(it, PortItem) and it.kind == "in" and it.node_id in w["legal"]:
                d = QLineF(it.scenePos(), sp).length()
                if d < best_d:
                    best, best_d = (it.node_id, it.port), d
        if best is None:
            node = self._item_at(pos, NodeItem)
            if node is not None and node.node_id in w["legal"]:
                free = node.free_in_port()
                best = (node.node_id, free.port if free is not None else 0)
        return best

    def _move_wire(self, pos) -> None:
        w, sc = self._wire, self.graph_scene
        target = self._snap(pos)
        old = w["target"]
        if old is not None and old[0] in sc.nodes:
            sc.nodes[old[0]].set_highlight(False)
        w["target"] = target
        p1 = sc.nodes[w["src"]].out_port_pos()
        if target is not None:
            sc.nodes[target[0]].set_highlight(True)
            p2 = sc.nodes[target[0]].in_port_pos(target[1])
        else:
            p2 = self.mapToScene(pos)
        w["item"].setPath(edge_path(p1, p2))

    def _end_wire(self, pos) -> None:
        w, sc = self._wire, self.graph_scene
        self._wire = None
        sc.removeItem(w["item"])
        for nid in w["legal"]:
            if nid in sc.nodes:
                for p in sc.nodes[nid].in_ports:
                    p.set_highlight(False)
        if w["target"] is not None and w["target"][0] in sc.nodes:
            sc.nodes[w["target"][0]].set_highlight(False)
        if pos is None:
            return
        if w["target"] is not None:
            self.connect_nodes(w["src"], *w["target"])
            return
        over = self._item_at(pos, (NodeItem, PortItem, BlockItem))
        if isinstance(over, PortItem):
            over = over.node_item
        if isinstance(over, NodeItem) and over.node_id != w["src"]:
            self.message.emit(cmds.connect_error(self.doc.graph, w["src"], over.node_id)
                              or "Cannot connect there")
        elif isinstance(over, BlockItem):
            self.message.emit(f"Expand the group '{over.name}' to connect into one of its layers")

    def connect_nodes(self, source: str, target: str, port: int | None = None) -> bool:
        """Connect with an undo step; refusals go to ``message``. Returns success."""
        cmd, err = cmds.ConnectCommand.try_create(self.doc, source, target, port)
        if cmd is not None:
            err = cmds.push(self.doc, cmd)
        if err:
            self.message.emit(f"Not connected: {err}")
            return False
        self.message.emit(cmd.text())
        return True

    # ---- drops from the palette ------------------------------------------------------------
    @staticmethod
    def _ours(md) -> bool:
        return md.hasFormat(MIME_LAYER) or md.hasFormat(MIME_BLOCK)

    def dragEnterEvent(self, ev) -> None:
        if self._ours(ev.mimeData()):
            ev.acceptProposedAction()
        else:
            super().dragEnterEvent(ev)

    def dragMoveEvent(self, ev) -> None:
        if self._ours(ev.mimeData()):
            ev.acceptProposedAction()
        else:
            super().dragMoveEvent(ev)

    def dropEvent(self, ev) -> None:
        md = ev.mimeData()
        if not self._ours(md):
            return super().dropEvent(ev)
        sp = self.mapToScene(ev.position().toPoint())
        at = QPointF(sp.x() - NODE_W / 2, sp.y() - NODE_H / 2)
        if md.hasFormat(MIME_BLOCK):
            done = self.insert_block(bytes(md.data(MIME_BLOCK)).decode("utf-8").strip(), at)
        else:
            done = self.add_layer(bytes(md.data(MIME_LAYER)).decode("utf-8").strip(), at)
        if done:
            ev.acceptProposedAction()

    # ---- background ----------------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, style.color("bg"))
        if self.zoom_factor() < 0.35:
            return
        step = 40
        painter.setPen(QPen(style.color("grid"), 0))
        left, top = int(rect.left()) - int(rect.left()) % step, int(rect.top()) - int(rect.top()) % step
        lines = [QLineF(x, rect.top(), x, rect.bottom()) for x in range(left, int(rect.right()) + 1, step)]
        lines += [QLineF(rect.left(), y, rect.right(), y) for y in range(top, int(rect.bottom()) + 1, step)]
        painter.drawLines(lines)
