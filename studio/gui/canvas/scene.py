"""The scene: one item per node, edge and group, kept in step with the graph's signals and
the document's analysis. It never changes the graph (the view pushes undo commands)."""
from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene, QToolTip

from studio.core.graph import STAGE
from studio.core.receptive import describe as describe_field
from studio.core.spec import fmt_shape, get_spec
from studio.core.stages import group_summary

from studio.gui.fields import fix_label, issue_message
from studio.gui.i18n import tr
from studio.gui.layer_text import explain as explain_text, lt

from .edge_item import EdgeItem
from .group_item import BlockItem, GroupItem, merge_columns
from .node_item import NodeItem, fmt_big, fmt_count
from .problem_item import card_message
from .style import NODE_H, NODE_W

_TIP_COLORS = {"error": "#d32f2f", "warning": "#b7791f"}


def shown_ports(graph, node_id: str) -> tuple[list[int], set[int]]:
    """The input port numbers to draw (one per connected input plus a free one for merges)
    and the connected ones."""
    spec = graph.node(node_id).spec
    used = {e.port for e in graph.in_edges(node_id)}
    hi = spec.arity[1]
    if hi == 0:
        return [], used
    if hi == 1:
        return [0], used
    free = graph.free_port(node_id)
    ports = sorted(used | ({free} if free is not None else set()))
    return ports, used


class GraphScene(QGraphicsScene):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.doc = document
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict = {}  # Edge -> EdgeItem
        self.groups: dict[str, GroupItem] = {}
        self.blocks: dict[str, BlockItem] = {}
        self.group_of: dict[str, str] = {}  # node -> its innermost group (block, else stage)
        self.stage_of: dict[str, str] = {}
        self.block_of: dict[str, str] = {}
        self._hidden: set[str] = set()  # members of collapsed groups
        self._node_edges: dict[str, set] = {}
        self._graph = None
        self._shapes: dict = {}
        self._rebuilding = False
        self.on_fix = None  # called with a Fix when a card's Fix button is clicked (the view sets it)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        document.project_replaced.connect(self.rebuild)
        document.analysis_changed.connect(self.apply_analysis)
        self.rebuild()
        self.apply_analysis(document.analysis)

    @property
    def graph(self):
        return self.doc.graph

    # ---- (re)building -------------------------------------------------------------
    def _attach(self, graph) -> None:
        if self._graph is not None:
            for sig, slot in self._slots(self._graph):
                sig.disconnect(slot)
        self._graph = graph
        for sig, slot in self._slots(graph):
            sig.connect(slot)

    def _slots(self, g):
        return ((g.node_added, self._on_node_added), (g.node_removed, self._on_node_removed),
                (g.node_changed, self._on_node_changed), (g.node_moved, self._on_node_moved),
                (g.nodes_moved, self._on_nodes_moved),
                (g.edge_added, self._on_edge_added), (g.edge_removed, self._on_edge_removed),
                (g.groups_changed, self._on_groups_changed), (g.group_collapsed, self._on_collapsed))

    def detach(self) -> None:
        """Stop following the graph (before the scene goes away)."""
        if self._graph is not None:
            for sig, slot in self._slots(self._graph):
                sig.disconnect(slot)
            self._graph = None

    def rebuild(self) -> None:
        """Build every item in one pass (new project, template or import)."""
        graph = self.doc.graph
        self._attach(graph)
        self._rebuilding = True
        self.clear()
        self.nodes.clear(), self.edges.clear(), self.groups.clear(), self.blocks.clear()
        self._node_edges.clear()
        self._shapes = {}
        self._hidden = set()
        nodes = graph.nodes
        if len(nodes) > 1 and len({n.pos for n in nodes}) == 1:
            from studio.core.layout import auto_layout  # no positions saved: lay the graph out once

            for nid, pos in auto_layout(graph).items():
                graph.move(nid, pos)  # not an edit: the loaded file had no layout
        for n in nodes:
            item = NodeItem(n, get_spec(n.type))
            self.addItem(item)
            self.nodes[n.id] = item
            self._node_edges[n.id] = set()
        for e in graph.edges:
            self._add_edge_item(e)
        for nid in self.nodes:
            self._refresh_ports(nid, route=False)
        for it in self.edges.values():
            self.route(it)
        self._on_groups_changed()
        self._rebuilding = False

    # ---- graph signals ------------------------------------------------------------------
    def _on_node_added(self, node) -> None:
        item = NodeItem(node, get_spec(node.type))
        self.addItem(item)
        self.nodes[node.id] = item
        self._node_edges[node.id] = set()
        self._refresh_ports(node.id)

    def _on_node_removed(self, node) -> None:
        item = self.nodes.pop(node.id, None)
        for e in list(self._node_edges.pop(node.id, ())):
            self._on_edge_removed(e.edge)
        if item is not None:
            self.removeItem(item)
        self._shapes.pop(node.id, None)

    def _on_node_changed(self, node, what) -> None:
        item = self.nodes.get(node.id)
        if item is not None:
            item.signature = None  # the next analysis redraws shape and issues
            item.set_texts(node)

    def _on_node_moved(self, node) -> None:
        item = self.nodes.get(node.id)
        if item is not None and (item.pos().x(), item.pos().y()) != node.pos:
            item.setPos(*node.pos)
            self.item_moved(item)

    def _on_nodes_moved(self, nodes) -> None:
        """Many moves at once (a re-flow): each edge routed and each frame fitted once."""
        edges, groups = set(), set()
        for node in nodes:
            item = self.nodes.get(node.id)
            if item is None:
                continue
            if (item.pos().x(), item.pos().y()) != node.pos:
                item.setPos(*node.pos)
            edges |= self._node_edges.get(node.id, set())
            for g in (self.block_of.get(node.id), self.stage_of.get(node.id)):
                if g is not None:
                    groups.add(g)
        for name in sorted(groups, key=lambda n: n not in self.blocks):  # cards before frames
            self._place_group(name, route=False)
        for it in edges:
            self.route(it)

    def _on_edge_added(self, edge) -> None:
        self._add_edge_item(edge)
        self._refresh_ports(edge.target)

    def _on_edge_removed(self, edge) -> None:
        it = self.edges.pop(edge, None)
        if it is None:
            return
        for nid in (edge.source, edge.target):
            self._node_edges.get(nid, set()).discard(it)
        self.removeItem(it)
        if edge.target in self.nodes and self.graph.has_node(edge.target):
            self._refresh_ports(edge.target)

    def _add_edge_item(self, edge) -> None:
        it = EdgeItem(edge)
        self.addItem(it)
        self.edges[edge] = it
        self._node_edges.setdefault(edge.source, set()).add(it)
        self._node_edges.setdefault(edge.target, set()).add(it)
        shape = self._shapes.get(edge.source)
        it.shape_shown = shape
        it.label_text = fmt_shape(shape) if shape is not None else ""
        it.set_label(it.label_text)

    def _refresh_ports(self, node_id: str, route: bool = True) -> None:
        item = self.nodes.get(node_id)
        if item is None:
            return
        shown, used = shown_ports(self.graph, node_id)
        center = 0
        if len(shown) > 1:  # the input coming from straight above gets the middle port
            x = self.graph.node(node_id).pos[0]
            src = {e.port: self.graph.node(e.source).pos[0] for e in self.graph.in_edges(node_id)}
            center = min(range(len(shown)), key=lambda i: (abs(src.get(shown[i], 1e9) - x), i))
        item.set_ports(shown, used, center)
        if route:
            for it in self._node_edges.get(node_id, ()):
                self.route(it)

    # ---- geometry --------------------------------------------------------------------
    def endpoint(self, node_id: str):
        """The item an edge attaches to: the node, or the outermost collapsed group's card."""
        st = self.stage_of.get(node_id)
        if st is not None and st in self.blocks:
            return self.blocks[st]
        g = self.block_of.get(node_id)
        if g is not None and g in self.blocks:
            return self.blocks[g]
        return self.nodes[node_id]

    def route(self, it: EdgeItem) -> None:
        e = it.edge
        if e.source not in self.nodes or e.target not in self.nodes:
            return
        src, dst = self.endpoint(e.source), self.endpoint(e.target)
        if src is dst and isinstance(src, BlockItem):
            it.setVisible(False)
            return
        it.setVisible(True)
        if it.label_dirty:
            it.label_dirty = False
            it.set_label(it.label_text or "")

        def blocked(p1, p2) -> bool:  # by positions: cheaper than the scene index mid-rebuild
            x0, x1 = min(p1.x(), p2.x()) - 6 - NODE_W, max(p1.x(), p2.x()) + 6
            y0, y1 = p1.y() + 8 - NODE_H, p2.y() - 8
            for x in list(self.nodes.values()) + list(self.blocks.values()):
                if x is src or x is dst:
                    continue
                p = x.pos()
                if x0 < p.x() < x1 and y0 < p.y() < y1 and x.isVisible():
                    return True
            return False

        it.set_ends(src.out_port_pos(), dst.in_port_pos(e.port), blocked)

    def edges_of(self, node_id: str) -> list[EdgeItem]:
        return list(self._node_edges.get(node_id, ()))

    def has_group(self, name: str) -> bool:
        return name in self.groups or name in self.blocks

    def item_moved(self, item: NodeItem) -> None:
        """Re-route the item's edges and refit its group frames (after it moved)."""
        for it in self._node_edges.get(item.node_id, ()):
            self.route(it)
        for g in (self.block_of.get(item.node_id), self.stage_of.get(item.node_id)):
            if g is not None:
                self._place_group(g)

    def member_rects(self, name: str) -> list[QRectF]:
        """The rectangles of what the group shows inside (its layers, or the cards of its
        collapsed blocks), one per column of a wrapped drawing: a frame is drawn around each,
        so that it never covers another column. A collapsed group: its layers' places."""
        framed = name in self.groups
        seen, rects = set(), []
        for nid in self.graph.group(name).nodes:
            item = self.endpoint(nid) if framed else self.nodes.get(nid)
            if item is None or id(item) in seen:
                continue
            seen.add(id(item))
            p = item.pos()
            rects.append(QRectF(p.x(), p.y(), NODE_W, NODE_H))
        return merge_columns(rects)

    def member_rect(self, name: str) -> QRectF:
        r = QRectF()
        for part in self.member_rects(name):
            r = r.united(part)
        return r

    def _place_group(self, name: str, route: bool = True) -> None:
        if name in self.groups:
            self.groups[name].set_member_rects(self.member_rects(name))
        if name in self.blocks:
            r = self.member_rect(name)
            blk = self.blocks[name]
            if blk.pos() != r.topLeft():
                blk.setPos(r.topLeft())
                if route:
                    for nid in self.graph.group(name).nodes:
                        for it in self._node_edges.get(nid, ()):
                            self.route(it)

    def _on_collapsed(self, _name: str) -> None:
        self._on_groups_changed()

    def _on_groups_changed(self) -> None:
        for item in list(self.groups.values()) + list(self.blocks.values()):
            self.removeItem(item)
        self.groups.clear(), self.blocks.clear()
        graph = self.graph
        member = graph.membership()
        self.stage_of, self.block_of, self.group_of = member.stage_of, member.block_of, member.group_of
        for g in graph.all_groups:
            if not g.nodes:
                continue
            item = BlockItem(g.name, g.kind == STAGE) if g.collapsed else GroupItem(g.name, g.kind == STAGE)
            self.addItem(item)
            (self.blocks if g.collapsed else self.groups)[g.name] = item
            item.setVisible(g.name not in member.inside_collapsed_stage)
        for name in list(self.blocks) + list(self.groups):
            self._place_group(name, route=False)
        hidden = {nid for nid in self.nodes if self.endpoint(nid) is not self.nodes[nid]}
        changed = hidden ^ self._hidden
        self._hidden = hidden
        for nid in changed:
            item = self.nodes.get(nid)
            if item is not None:
                item.setVisible(nid not in hidden)
                item.setSelected(False)
        edges = set()
        for nid in changed | hidden:  # each edge once (cards were re-made: their edges move)
            edges |= self._node_edges.get(nid, set())
        for it in edges:
            self.route(it)
        if not self._rebuilding:  # a new project's analysis follows and fills the cards
            self._update_blocks(self.doc.analysis)

    # ---- analysis ----------------------------------------------------------------------
    def apply_analysis(self, a) -> None:
        """Show shapes, counts and issues; only items whose data changed are touched."""
        if a is None:
            return
        by_node: dict[str, list] = {}
        for i in a.issues:
            if i.node is not None:
                by_node.setdefault(i.node, []).append(i)
        graph, shapes, costs = self.graph, a.shapes, a.costs
        for nid, item in self.nodes.items():
            c = costs.get(nid)
            found = by_node.get(nid)
            sig = (shapes.get(nid), c.params if c is not None else None,
                   tuple((i.severity, i.message) for i in found) if found else ())
            if sig != item.signature and graph.has_node(nid):
                item.signature = sig
                self._update_node(item, graph.node(nid), a, found or ())
        self._shapes = shapes
        for e, it in self.edges.items():
            shape = shapes.get(e.source)
            if shape != it.shape_shown or it.label_text is None:  # format only what changed
                it.shape_shown = shape
                text = fmt_shape(shape) if shape is not None else ""
                if text != it.label_text:
                    it.label_text = text
                    if it.isVisible():
                        it.set_label(text)
                    else:  # inside a collapsed card: laid out when it shows
                        it.label_dirty = True
        if self.blocks:
            self._update_blocks(a)

    def _update_node(self, item: NodeItem, node, a, issues) -> None:
        shape, c = a.shapes.get(node.id), a.costs.get(node.id)
        params = c.params if c is not None else None
        sev = ("error" if any(i.severity == "error" for i in issues) else "warning" if issues else None)
        info = tr("{n} params", "card").format(n=fmt_count(params)) if params else ""
        shape_text = fmt_shape(shape) if shape is not None else "?"
        item.set_texts(node, shape_text, info)
        item.set_severity(sev)
        worst = next((i for i in issues if i.severity == "error"), issues[0] if issues else None)
        if worst is None:
            item.set_problem(None)
        else:
            item.set_problem((card_message(worst, node.spec.title, node.name), worst.fix, worst.severity))

    def _update_blocks(self, a) -> None:
        if a is None:
            return
        for name, blk in self.blocks.items():
            if not self.graph.has_group(name):  # removed mid-edit: the groups signal follows
                continue
            info = group_summary(self.graph, a, name)
            i_txt = fmt_shape(info["in_shape"]) if info["in_shape"] else "?"
            o_txt = fmt_shape(info["out_shape"]) if info["out_shape"] else "?"
            inside = (_blocks_text(info['blocks'], info['kind']) if info["blocks"] > 1
                      else tr("{n} layers", "card").format(n=info['layers']))
            blk.set_texts(inside, tr("{params} params · {macs} MACs", "card").format(
                              params=fmt_count(info['params']), macs=fmt_big(info['macs'])),
                          f"{i_txt} → {o_txt}")
            sev = None
            for n in self.graph.group(name).nodes:
                for i in a.issues_for(n):
                    sev = "error" if i.severity == "error" or sev == "error" else "warning"
            blk.severity = sev
            blk.update()

    def tooltip_for(self, node_id: str) -> str:
        """Rich text for hovering a node: its name, the filled-in formula and its issues."""
        a = self.doc.analysis
        node = self.graph.node(node_id)
        spec = node.spec
        parts = [f"<b>{_esc(spec.title)} '{_esc(node.name)}'</b> <span style='color:gray'>({_esc(node.id)})</span>"]
        try:
            if node_id in a.shapes or not spec.arity[1]:
                parts.append(_esc(explain_text(spec, node.params, a.in_shapes.get(node_id, []), a.shapes.get(node_id)))
                             .replace("\n", "<br>"))
        except Exception:  # an explain that cannot run for these inputs: show the rest
            pass
        rf = describe_field(getattr(a, "receptive", {}).get(node_id), lt)
        if rf:
            parts.append(_esc(rf[:1].upper() + rf[1:]))
        for i in a.issues_for(node_id):
            col = _TIP_COLORS.get(i.severity, "black")
            fix = ("<br><i>" + tr("Fix: {fix}").format(fix=_esc(fix_label(i.fix))) + "</i>") if i.fix is not None else ""
            parts.append(f"<span style='color:{col}'>{_esc(issue_message(i))}</span>{fix}")
        return "<br>".join(parts)

    def helpEvent(self, event) -> None:
        item = self.itemAt(event.scenePos(), self.views()[0].transform()) if self.views() else None
        while item is not None and not isinstance(item, NodeItem):
            item = item.parentItem()
        if isinstance(item, NodeItem) and self.graph.has_node(item.node_id):
            QToolTip.showText(event.screenPos(), self.tooltip_for(item.node_id), event.widget())
            event.accept()
        else:
            super().helpEvent(event)


def _blocks_text(n: int, kind: str | None) -> str:
    """What a collapsed stage holds: "4 blocks", "2 BasicBlocks" (the kind is a class name)."""
    if not kind or kind == "block":
        return tr("{n} blocks", "card").format(n=n)
    return tr("{n} {kind}s", "card").format(n=n, kind=kind)


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
