"""The canvas view: selection, zoom and pan, keys, and the dispatch of mouse gestures to
interaction objects (``interactions.py``: drag-wire, move, rubber band, pan, drop). Editing
actions live in ``editing.py`` (``view.editor``), the clipboard in ``clipboard.py``, the
context menu in ``menus.py``. Edits are pushed as undo commands; the scene redraws from the
graph's signals."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QGraphicsView

from . import style
from .clipboard import CanvasClipboard
from .edge_item import EdgeItem
from .editing import CanvasEditor
from .group_item import BlockItem, GroupItem
from .interactions import (MIME_BLOCK, MIME_GRAPH, MIME_LAYER, DropHandler, MoveInteraction,
                           PanInteraction, RubberBandInteraction, WireInteraction)
from .menus import build_context_menu
from .node_item import NodeItem, PortItem
from .overview import Breadcrumbs, Minimap
from .rename import InlineRename
from .scene import GraphScene

__all__ = ["GraphView", "MIME_LAYER", "MIME_BLOCK", "MIME_GRAPH"]
_MIN_SCALE, _MAX_SCALE = 0.05, 4.0
_KEYS = {  # handled by the canvas itself when it has focus
    QKeySequence.StandardKey.Delete, QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.ZoomIn, QKeySequence.StandardKey.ZoomOut,
}


class GraphView(QGraphicsView):
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
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.interaction = None  # the gesture in progress (interactions.py)
        self._asked = None  # (layer ids, selected items) when hidden layers were selected
        self._space = False
        self.editor = CanvasEditor(self)
        self.clipboard = CanvasClipboard(self)
        self.renamer = InlineRename(self)
        self.dropper = DropHandler(self)
        self.graph_scene.on_fix = self.editor.apply_fix  # the Fix button on a broken card
        self.graph_scene.selectionChanged.connect(self.emit_selection)
        self._fit_top = False  # the last fit showed the top only: the next shows the whole
        self._fitted: bool | None = None  # the view was fitted (whole or not) and not zoomed since
        self.minimap = Minimap(self)
        self.breadcrumbs = Breadcrumbs(self)
        self.graph_scene.changed.connect(lambda _r: self.minimap.timer.start())
        document.project_replaced.connect(self._on_project_replaced)
        self.setSceneRect(QRectF(-5000, -5000, 10000, 10000))
        self.update_scene_rect()

    # ---- selection ---------------------------------------------------------------------
    def emit_selection(self) -> None:
        try:
            self.selection_changed.emit(self.selected_node_ids())
        except RuntimeError:  # during teardown
            pass

    def selected_node_ids(self) -> list[str]:
        """The selected layers: a collapsed card stands for all its layers, unless it was
        selected for some layers inside it (``select_nodes`` of hidden layers)."""
        ids: list[str] = []
        graph = self.doc.graph
        items = self.graph_scene.selectedItems()
        asked = self._asked
        if asked is not None and set(map(id, items)) == asked[1]:
            return [n for n in asked[0] if graph.has_node(n)]
        for it in items:
            if isinstance(it, NodeItem):
                ids.append(it.node_id)
            elif isinstance(it, BlockItem) and any(g.name == it.name for g in graph.all_groups):
                ids.extend(graph.group(it.name).nodes)
        order = {n.id: i for i, n in enumerate(graph.nodes)}
        return sorted(dict.fromkeys(i for i in ids if i in order), key=order.__getitem__)

    def selected_edges(self) -> list:
        return [it.edge for it in self.graph_scene.selectedItems() if isinstance(it, EdgeItem)]

    def select_nodes(self, ids, center: bool = True) -> None:
        sc = self.graph_scene
        ids = [n for n in ids if n in sc.nodes]
        self._asked = None
        sc.blockSignals(True)
        try:
            sc.clearSelection()
            for nid in ids:
                shown = sc.endpoint(nid)
                if shown.isVisible():
                    shown.setSelected(True)
        finally:
            sc.blockSignals(False)
        if any(not sc.nodes[n].isVisible() for n in ids):  # layers inside a collapsed card
            self._asked = (list(ids), set(map(id, sc.selectedItems())))
        self.emit_selection()
        sel = [it for it in sc.selectedItems()]
        if center and sel:
            r = QRectF()
            for it in sel:
                r = r.united(it.sceneBoundingRect())
            if not self.mapToScene(self.viewport().rect()).boundingRect().contains(r):
                self.centerOn(r.center())

    def centre_on(self, ids) -> None:
        """Centre the view on the cards showing ``ids`` (a collapsed card for hidden layers)."""
        sc = self.graph_scene
        r = QRectF()
        for nid in ids:
            if nid in sc.nodes:
                r = r.united(sc.endpoint(nid).sceneBoundingRect())
        if not r.isNull():
            self.centerOn(r.center())

    def visible_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def overview_changed(self) -> None:
        """The visible part moved or zoomed: the minimap's frame and the breadcrumbs follow."""
        mm = self.minimap
        mm.place()  # scrolling the viewport moves its child widgets: put them back
        self.breadcrumbs.move(8, 8)
        if mm.isVisible() or not mm.timer.isActive():
            mm.timer.start()
        mm.viewport().update()
        self.breadcrumbs.refresh()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.overview_changed()

    # ---- zoom and pan ------------------------------------------------------------------
    def zoom_factor(self) -> float:
        return self.transform().m11()

    def _zoom(self, f: float, anchor_mouse: bool = True) -> None:
        self._fitted = None
        s = self.zoom_factor()
        f = max(_MIN_SCALE / s, min(_MAX_SCALE / s, f))
        if not anchor_mouse:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(f, f)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.overview_changed()

    def zoom_in(self) -> None:
        self._zoom(1.25, anchor_mouse=False)

    def zoom_out(self) -> None:
        self._zoom(0.8, anchor_mouse=False)

    def fit_to_view(self) -> None:
        """Show the whole graph when it reads at the legible zoom (``style.legible_zoom``:
        card text ≥ 9 px) or more. A taller graph
        (LeNet-5 in a small window, a deep ResNet) shows its top at that zoom, the most that
        still reads; calling again shows the whole, however small."""
        self._fit(None)

    def refit(self) -> None:
        """Fit as a first fit does (the legible top, or the whole if it reads), whatever came
        before: the window reached its final size after the first fit."""
        self._fit_top = False
        self._fit(None)
        self.minimap.refresh()

    def fit_all(self) -> None:
        """Show the whole graph, however small."""
        self._fit(True)

    def _fit(self, whole: bool | None) -> None:
        self.update_scene_rect()
        r = self.graph_scene.itemsBoundingRect()
        if r.isNull():
            self.resetTransform()
            self.centerOn(0, 0)
            return
        r = r.adjusted(-30, -30, 30, 30)
        vp = self.viewport().rect()
        full = min(vp.width() / r.width(), vp.height() / r.height())
        if whole is None:
            whole = full >= style.legible_zoom() or self._fit_top
        self._fit_top = not whole
        if whole:
            self.fitInView(r, Qt.AspectRatioMode.KeepAspectRatio)
            if self.zoom_factor() > 1.25:  # a small graph: do not blow the cards up
                self._zoom(1.25 / self.zoom_factor(), anchor_mouse=False)
                self.centerOn(r.center())
        else:
            self.resetTransform()
            z = style.legible_zoom()
            self.scale(z, z)
            shown = self.mapToScene(vp).boundingRect()
            self.centerOn(r.center().x(), r.top() + shown.height() / 2)
        self._fitted = whole
        self.overview_changed()

    def _on_project_replaced(self) -> None:
        self._fit_top = False  # a new graph starts with the readable view
        QTimer.singleShot(0, self.fit_to_view)

    def update_scene_rect(self) -> None:
        r = self.graph_scene.itemsBoundingRect().adjusted(-2000, -2000, 2000, 2000)
        self.setSceneRect(r.united(self.sceneRect()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.minimap.place()
        if self._fitted is not None:  # a fitted view stays fitted while the window settles
            whole = self._fitted
            self._fit_top = False
            self._fit(True if whole else None)

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
        return ev.key() == Qt.Key.Key_Escape and self.interaction is not None

    def event(self, ev) -> bool:
        if ev.type() == QEvent.Type.ShortcutOverride and self.renamer.editor is None and self._own_key(ev):
            ev.accept()
            return True
        return super().event(ev)

    def keyPressEvent(self, ev) -> None:
        if self.renamer.editor is not None:
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
        elif key == Qt.Key.Key_Escape and self.interaction is not None:
            self.interaction.cancel()
            self.interaction = None
        elif key == Qt.Key.Key_Space and not ev.isAutoRepeat():
            self._space = True
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        else:
            super().keyPressEvent(ev)

    def keyReleaseEvent(self, ev) -> None:
        if ev.key() == Qt.Key.Key_Space and not ev.isAutoRepeat() and self._space:
            self._space = False
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
        super().keyReleaseEvent(ev)

    # ---- mouse: gestures are interaction objects ---------------------------------------
    def item_at(self, pos, kinds):
        for it in self.items(pos):
            if isinstance(it, kinds) and it.isVisible():
                return it
        return None

    def _start_interaction(self, ev):
        """The gesture a press begins, or None to let Qt handle it (clicks, item moves)."""
        if ev.button() == Qt.MouseButton.MiddleButton:
            return PanInteraction(self, ev)
        if ev.button() != Qt.MouseButton.LeftButton or self._space:
            return None
        pos = ev.position().toPoint()
        port = self.item_at(pos, PortItem)
        if port is not None and port.kind == "out":
            return WireInteraction(self, port.node_id, self.mapToScene(pos))
        hit = self.item_at(pos, (GroupItem, NodeItem, BlockItem, EdgeItem, PortItem))
        if isinstance(hit, GroupItem):  # the title bar selects the members
            self.select_nodes(self.doc.graph.group(hit.name).nodes, center=False)
            return None
        if hit is None and self.itemAt(pos) is None:  # the empty canvas (a Fix button is an item)
            return RubberBandInteraction(self, ev)
        return None

    def mousePressEvent(self, ev) -> None:
        if self.interaction is not None:  # a second button during a gesture: ignore it
            ev.accept()
            return
        self.interaction = self._start_interaction(ev)
        if self.interaction is not None:
            ev.accept()
            return
        super().mousePressEvent(ev)
        grabbed = self.itemAt(ev.position().toPoint())
        if ev.button() == Qt.MouseButton.LeftButton and not self._space and isinstance(grabbed, (NodeItem, BlockItem)):
            movable = [it for it in self.graph_scene.selectedItems() if isinstance(it, (NodeItem, BlockItem))]
            if movable:
                self.interaction = MoveInteraction(self, movable)

    def mouseMoveEvent(self, ev) -> None:
        it = self.interaction
        if isinstance(it, MoveInteraction) or it is None:
            super().mouseMoveEvent(ev)  # Qt moves the items; the interaction follows
        if it is not None:
            it.move(ev)
            ev.accept()

    def mouseReleaseEvent(self, ev) -> None:
        it = self.interaction
        if isinstance(it, MoveInteraction) or it is None:
            super().mouseReleaseEvent(ev)
        if it is not None and it.release(ev):
            self.interaction = None
        ev.accept()

    def mouseDoubleClickEvent(self, ev) -> None:
        it = self.item_at(ev.position().toPoint(), (PortItem, NodeItem, BlockItem, GroupItem))
        if isinstance(it, NodeItem):
            self.rename_node(it.node_id)
        elif isinstance(it, (BlockItem, GroupItem)):
            self.toggle_group(it.name)
        else:
            super().mouseDoubleClickEvent(ev)

    def contextMenuEvent(self, ev) -> None:
        menu = build_context_menu(self, ev.pos())
        menu.exec(ev.globalPos())
        menu.deleteLater()

    def build_context_menu(self, view_pos):
        return build_context_menu(self, view_pos)

    # ---- drops from the palette ------------------------------------------------------------
    def dragEnterEvent(self, ev) -> None:
        if self.dropper.accepts(ev.mimeData()):
            ev.acceptProposedAction()
        else:
            super().dragEnterEvent(ev)

    def dragMoveEvent(self, ev) -> None:
        if self.dropper.accepts(ev.mimeData()):
            ev.acceptProposedAction()
        else:
            super().dragMoveEvent(ev)

    def dropEvent(self, ev) -> None:
        if not self.dropper.accepts(ev.mimeData()):
            return super().dropEvent(ev)
        if self.dropper.drop(ev):
            ev.acceptProposedAction()

    # ---- editing: the view's public face for the window, menus and tests -------------------
    def add_layer(self, type_id: str, scene_pos: QPointF | None = None) -> str | None:
        return self.editor.add_layer(type_id, scene_pos)

    def insert_block(self, name: str, scene_pos: QPointF | None = None) -> list[str]:
        return self.editor.insert_block(name, scene_pos)

    def delete_selection(self, reconnect: bool = True) -> bool:
        return self.editor.delete_selection(reconnect)

    def connect_nodes(self, source: str, target: str, port: int | None = None) -> bool:
        return self.editor.connect_nodes(source, target, port)

    def group_selection(self, name: str) -> bool:
        return self.editor.group_selection(name)

    def ungroup(self, name: str) -> None:
        self.editor.ungroup(name)

    def toggle_group(self, name: str) -> None:
        self.editor.toggle_group(name)

    def save_selection_as_template(self, name: str) -> bool:
        return self.editor.save_selection_as_block(name)

    def apply_fix(self, fix) -> bool:
        return self.editor.apply_fix(fix)

    def auto_layout(self) -> None:
        self.editor.auto_layout()

    def rename_node(self, node_id: str):
        return self.renamer.start(node_id)

    def copy_selection(self) -> int:
        return self.clipboard.copy()

    def cut_selection(self) -> int:
        return self.clipboard.cut()

    def paste(self) -> list[str]:
        return self.clipboard.paste()

    def duplicate_selection(self) -> list[str]:
        return self.clipboard.duplicate()

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
