"""The graph document: nodes (layers), edges (tensors flowing into an input port), groups
(named blocks), and an observer so that views follow every change.

Every edit goes through the mutation API (add_node, remove_node, connect, disconnect,
set_param, set_label, move, add_group, remove_group, paste). Each mutation emits a signal;
undo commands in the GUI call exactly these methods. The value types (Node, Edge, Group, the
connect check) and the id scheme are in :mod:`studio.core.graph_types`; pasting a fragment in
:mod:`studio.core.graph_paste`.
"""
from __future__ import annotations

import copy
from typing import Any, Iterable

from .errors import GraphError
from .events import Signal
from .graph_types import ID_RE, STAGE, ConnectCheck, ConnectReason, Edge, Group, Membership, Node, fresh_id
from .spec import get_spec
from .text import clip, short_repr

__all__ = ["STAGE", "ConnectCheck", "ConnectReason", "Edge", "Graph", "GraphBuilder", "Group", "Membership", "Node"]


class Graph:
    """A directed acyclic graph of layers with one Input and one output (checked by
    :func:`studio.core.validate.validate`, not enforced while editing)."""

    def __init__(self) -> None:
        self._nodes: dict[str, Node] = {}
        # edges as an ordered set, plus per-node indexes so that lookups are O(degree)
        self._edges: dict[Edge, None] = {}
        self._in: dict[str, list[Edge]] = {}
        self._out: dict[str, list[Edge]] = {}
        self._groups: dict[str, Group] = {}
        self.node_added = Signal()  # (Node)
        self.node_removed = Signal()  # (Node)
        self.node_changed = Signal()  # (Node, what: "params" | "label")
        self.node_moved = Signal()  # (Node)
        self.nodes_moved = Signal()  # (list[Node]) many at once: a layout, a re-flow, their undo
        self.edge_added = Signal()  # (Edge)
        self.edge_removed = Signal()  # (Edge)
        self.groups_changed = Signal()  # () a group added or removed, or its members changed
        self.group_collapsed = Signal()  # (name) collapsed or expanded: the drawing only
        self.changed = Signal()  # () after any structural or parameter change (not moves)
        self._batch = 0
        self._batch_dirty = False

    # ---- reading ------------------------------------------------------
    @property
    def nodes(self) -> list[Node]:
        return list(self._nodes.values())

    @property
    def edges(self) -> list[Edge]:
        return list(self._edges)

    @property
    def groups(self) -> list[Group]:
        """The blocks (groups that shape the generated code); stages are not among them."""
        return [g for g in self._groups.values() if g.kind != STAGE]

    @property
    def stages(self) -> list[Group]:
        return [g for g in self._groups.values() if g.kind == STAGE]

    @property
    def all_groups(self) -> list[Group]:
        """Stages and blocks, in the order they were added (what the canvas draws)."""
        return list(self._groups.values())

    def membership(self) -> Membership:
        """Which stage and which block each node is in (the canvas's frames and cards)."""
        return Membership.of(self._groups.values())

    def node(self, node_id: str) -> Node:
        try:
            return self._nodes[node_id]
        except KeyError:
            raise GraphError(f"there is no node '{clip(node_id)}'") from None

    def has_group(self, name: str) -> bool:
        return name in self._groups

    def has_node(self, node_id: str) -> bool:
        return node_id in self._nodes

    def group(self, name: str) -> Group:
        try:
            return self._groups[name]
        except KeyError:
            raise GraphError(f"there is no group '{clip(name)}'") from None

    def __len__(self) -> int:
        return len(self._nodes)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._nodes

    def in_edges(self, node_id: str) -> list[Edge]:
        """Edges into ``node_id``, sorted by input port."""
        return sorted(self._in.get(node_id, ()), key=lambda e: e.port)

    def out_edges(self, node_id: str) -> list[Edge]:
        return list(self._out.get(node_id, ()))

    def predecessors(self, node_id: str) -> list[str]:
        return [e.source for e in self.in_edges(node_id)]

    def successors(self, node_id: str) -> list[str]:
        return [e.target for e in self.out_edges(node_id)]

    def free_port(self, node_id: str) -> int | None:
        """The port a new edge into ``node_id`` would take, or None if all are taken."""
        spec = self.node(node_id).spec
        used = {e.port for e in self._in.get(node_id, ())}
        hi = spec.arity[1]
        p = 0
        while p in used:
            p += 1
        if hi is not None and p >= hi:
            return None
        return p

    def unique_id(self, base: str) -> str:
        """A free node id like ``base`` (:func:`studio.core.graph_types.fresh_id`)."""
        return fresh_id(base, self._nodes)

    def find_path_exists(self, src: str, dst: str) -> bool:
        """True if a path src -> ... -> dst already exists (so dst -> src would close a cycle)."""
        if src == dst:
            return True
        out = self._out
        stack, seen = [src], {src}
        while stack:
            n = stack.pop()
            for e in out.get(n, ()):
                m = e.target
                if m == dst:
                    return True
                if m not in seen:
                    seen.add(m)
                    stack.append(m)
        return False

    def nodes_on_cycles(self) -> set[str]:
        """The nodes on a cycle or between cycles (empty for a DAG): what remains after removing,
        again and again, every node without an input and then every node without an output."""
        left = set(self._nodes)
        for edges_of, end in ((self._in, "source"), (self._out, "target")):
            deg = {n: sum(1 for e in edges_of.get(n, ()) if getattr(e, end) in left) for n in left}
            ready = [n for n, d in deg.items() if d == 0]
            other = self._out if edges_of is self._in else self._in
            far = "target" if end == "source" else "source"
            while ready:
                n = ready.pop()
                left.discard(n)
                for e in other.get(n, ()):
                    m = getattr(e, far)
                    if m in left:
                        deg[m] -= 1
                        if deg[m] == 0:
                            ready.append(m)
        return left

    # ---- batching of change notifications -------------------------------
    def begin_batch(self) -> None:
        self._batch += 1

    def end_batch(self) -> None:
        self._batch -= 1
        if self._batch == 0 and self._batch_dirty:
            self._batch_dirty = False
            self.changed.emit()

    def _changed(self) -> None:
        if self._batch:
            self._batch_dirty = True
        else:
            self.changed.emit()

    # ---- mutations ------------------------------------------------------
    def add_node(
        self,
        type_id: str,
        params: dict[str, Any] | None = None,
        *,
        node_id: str | None = None,
        label: str = "",
        pos: tuple[float, float] = (0.0, 0.0),
    ) -> Node:
        try:
            spec = get_spec(type_id)
        except KeyError as exc:
            raise GraphError(exc.args[0]) from None
        if node_id is None:
            node_id = self.unique_id(spec.id.lower())
        if not ID_RE.match(node_id):
            raise GraphError(
                f"node id {short_repr(node_id)} is not allowed: use letters, digits, '_', '.', '-' and start with a letter"
            )
        if node_id in self._nodes:
            raise GraphError(f"a node with id '{node_id}' already exists")
        norm = spec.normalize(params, label or node_id)
        node = Node(node_id, spec.id, norm, str(label or ""), (float(pos[0]), float(pos[1])))
        self._nodes[node_id] = node
        self.node_added.emit(node)
        self._changed()
        return node

    def insert_node(self, node: Node) -> Node:
        """Re-insert a node object (undo of remove). Parameters are re-checked."""
        return self.add_node(node.type, node.params, node_id=node.id, label=node.label, pos=node.pos)

    def remove_node(self, node_id: str) -> tuple[Node, list[Edge]]:
        """Remove a node and its edges; returns both so the removal can be undone."""
        node = self.node(node_id)
        self.begin_batch()
        try:
            removed = list(dict.fromkeys([*self._in.get(node_id, ()), *self._out.get(node_id, ())]))
            for e in removed:
                self.disconnect(e)
            for g in list(self._groups.values()):
                if node_id in g.nodes:
                    g.nodes.remove(node_id)
                    self.groups_changed.emit()
            del self._nodes[node_id]
            self._in.pop(node_id, None)
            self._out.pop(node_id, None)
            self.node_removed.emit(node)
            self._changed()
        finally:
            self.end_batch()
        return node, removed

    def can_connect(self, source: str, target: str, port: int | None = None, *,
                    replace: bool = True, check_cycle: bool = True) -> ConnectCheck:
        """May ``source`` feed input ``port`` of ``target`` (None: the first free one)? The one
        place the rules live: the canvas asks while dragging, undo commands before pushing,
        :meth:`connect` before storing. With ``replace`` an occupied input counts as legal
        (the editor swaps the old edge out in the same step)."""
        R = ConnectReason
        if source not in self._nodes or target not in self._nodes:
            return ConnectCheck(R.MISSING, "that layer no longer exists")
        sname, tnode = clip(self._nodes[source].name), self._nodes[target]
        tname = clip(tnode.name)
        spec = tnode.spec
        if source == target:
            return ConnectCheck(R.SELF, f"cannot connect '{sname}' to itself")
        hi = spec.arity[1]
        if hi == 0:
            return ConnectCheck(R.NO_INPUT, f"{spec.title} '{tname}' takes no input")
        if port is not None and (port < 0 or (hi is not None and port >= hi)):
            return ConnectCheck(R.NO_PORT, f"{spec.title} '{tname}' has no input port {port}")
        ins = self._in.get(target, ())
        if hi == 1 and any(e.source == source for e in ins):
            return ConnectCheck(R.DUPLICATE, f"'{sname}' is already connected to '{tname}'")
        if not replace:
            if port is None:
                port = self.free_port(target)
                if port is None:
                    return ConnectCheck(R.PORT_TAKEN,
                                        f"{spec.title} '{tname}' already has its input; disconnect it first")
            taken = next((e for e in ins if e.port == port), None)
            if taken is not None:
                return ConnectCheck(R.PORT_TAKEN,
                                    f"input {port} of '{tname}' is already connected to '{clip(taken.source)}'")
        if check_cycle and self.find_path_exists(target, source):
            return ConnectCheck(R.CYCLE, f"connecting '{sname}' → '{tname}' would make a cycle: "
                                         f"'{tname}' already feeds '{sname}'", port)
        return ConnectCheck(R.OK, "", port)

    def legal_targets(self, source: str) -> set[str]:
        """Every layer ``source`` may connect into (replacing an occupied single input counts),
        in one pass: the layers upstream of ``source`` would close a cycle."""
        anc, stack = {source}, [source]
        while stack:
            for e in self._in.get(stack.pop(), ()):
                if e.source not in anc:
                    anc.add(e.source)
                    stack.append(e.source)
        out = set()
        for n in self._nodes.values():
            hi = n.spec.arity[1]
            if n.id in anc or hi == 0:
                continue
            if hi == 1 and any(e.source == source for e in self._in.get(n.id, ())):
                continue
            out.add(n.id)
        return out

    def connect(self, source: str, target: str, port: int | None = None, *, check_cycle: bool = True) -> Edge:
        """Connect ``source`` into ``target``'s input ``port`` (the first free one when None),
        refused with the reason :meth:`can_connect` gives.

        ``check_cycle=False`` leaves out the path search that refuses a cycle (linear per edge), for
        loading a whole file, whose cycles :meth:`nodes_on_cycles` finds in one pass."""
        self.node(source)
        self.node(target)
        check = self.can_connect(source, target, port, replace=False, check_cycle=check_cycle)
        if not check:
            raise GraphError(check.message)
        edge = Edge(source, target, int(check.port))
        self._add_edge(edge)
        self.edge_added.emit(edge)
        self._changed()
        return edge

    def bridges(self, ids: Iterable[str], dropped: Iterable[Edge] = ()) -> list[Edge]:
        """The edges that keep a chain whole when the layers ``ids`` are deleted: for each
        connected run of deleted layers with a single input from outside, that input's source
        feeds what the run fed. An edge that would double an existing one is left out (a
        residual branch deleted next to its Add), as are runs fed by several layers."""
        sel, out = [i for i in dict.fromkeys(ids) if i in self._nodes], []
        selset, gone = set(sel), set(dropped)
        seen: set[str] = set()
        for start in sel:
            if start in seen:
                continue
            comp, stack = set(), [start]
            while stack:  # the run of deleted layers joined to ``start``
                n = stack.pop()
                if n in comp:
                    continue
                comp.add(n)
                stack += [e.target for e in self.out_edges(n) if e.target in selset]
                stack += [e.source for e in self.in_edges(n) if e.source in selset]
            seen |= comp
            ins = [e for n in comp for e in self.in_edges(n) if e.source not in selset]
            if len(ins) != 1:
                continue
            src = ins[0].source
            for n in comp:
                for e in self.out_edges(n):
                    if e.target in selset:
                        continue
                    kept = [k for k in self.in_edges(e.target) if k not in gone and k.source not in selset]
                    if any(k.source == src for k in kept) or any(b.source == src and b.target == e.target
                                                                for b in out):
                        continue
                    out.append(Edge(src, e.target, e.port))
        return out

    def _add_edge(self, edge: Edge) -> None:
        """Store an edge with no checks at all (connect() checks; tests use this to build
        graphs that connect() would refuse, such as cycles)."""
        self._edges[edge] = None
        self._in.setdefault(edge.target, []).append(edge)
        self._out.setdefault(edge.source, []).append(edge)

    def disconnect(self, edge: Edge) -> None:
        if edge not in self._edges:
            raise GraphError(f"there is no edge {edge.source} → {edge.target}:{edge.port}")
        del self._edges[edge]
        self._in[edge.target].remove(edge)
        self._out[edge.source].remove(edge)
        self.edge_removed.emit(edge)
        self._changed()

    def set_param(self, node_id: str, name: str, value: Any) -> Any:
        """Set one parameter (checked against the spec); returns the old value."""
        node = self.node(node_id)
        new = dict(node.params)
        old = new.get(name)
        new[name] = value
        node.params = node.spec.normalize(new, node.name)
        self.node_changed.emit(node, "params")
        self._changed()
        return old

    def set_params(self, node_id: str, params: dict[str, Any]) -> dict[str, Any]:
        node = self.node(node_id)
        old = dict(node.params)
        node.params = node.spec.normalize({**node.params, **params}, node.name)
        self.node_changed.emit(node, "params")
        self._changed()
        return old

    def set_label(self, node_id: str, label: str) -> str:
        node = self.node(node_id)
        old = node.label
        node.label = str(label)
        self.node_changed.emit(node, "label")
        self._changed()
        return old

    def move(self, node_id: str, pos: tuple[float, float]) -> tuple[float, float]:
        node = self.node(node_id)
        old = node.pos
        node.pos = (float(pos[0]), float(pos[1]))
        self.node_moved.emit(node)
        return old

    def move_many(self, positions: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
        """Move several nodes with one notification; returns their old positions."""
        old: dict[str, tuple[float, float]] = {}
        moved = []
        for nid, pos in positions.items():
            node = self.node(nid)
            old[nid] = node.pos
            node.pos = (float(pos[0]), float(pos[1]))
            moved.append(node)
        if moved:
            self.nodes_moved.emit(moved)
        return old

    def add_group(self, name: str, nodes: Iterable[str], collapsed: bool = False, kind: str = "") -> Group:
        if not name or name in self._groups:
            raise GraphError(f"a group named {short_repr(name)} already exists" if name else "a group needs a name")
        members = list(dict.fromkeys(nodes))
        for n in members:
            self.node(n)
        g = Group(name, members, collapsed, kind)
        self._groups[name] = g
        self.groups_changed.emit()
        return g

    def remove_group(self, name: str) -> Group:
        g = self.group(name)
        del self._groups[name]
        self.groups_changed.emit()
        return g

    def set_group_collapsed(self, name: str, collapsed: bool) -> bool:
        g = self.group(name)
        old = g.collapsed
        g.collapsed = bool(collapsed)
        self.group_collapsed.emit(name)
        return old

    def paste(self, fragment, at: tuple[float, float] | None = None, *,
              offset: tuple[float, float] = (0.0, 0.0)) -> dict[str, str]:
        """Add a fragment (a ``subgraph(...).to_dict()``, a Graph, or a ``PastePlan``) under
        fresh ids, its top-left at ``at`` (else moved by ``offset``), as one batch; returns
        {fragment id: new id}. See :mod:`studio.core.graph_paste`."""
        from .graph_paste import PastePlan, apply_paste, plan_paste

        plan = fragment if isinstance(fragment, PastePlan) else plan_paste(self, fragment, at, offset)
        apply_paste(self, plan)
        return dict(plan.mapping)

    def clear(self) -> None:
        self.begin_batch()
        try:
            for name in list(self._groups):
                self.remove_group(name)
            for nid in list(self._nodes):
                self.remove_node(nid)
        finally:
            self.end_batch()

    # ---- whole-graph helpers ------------------------------------------
    def input_nodes(self) -> list[Node]:
        return [n for n in self._nodes.values() if n.type == "Input"]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "nodes": [n.to_dict() for n in self._nodes.values()],
            "edges": [e.to_dict() for e in self._edges],
        }
        if self._groups:
            d["groups"] = [g.to_dict() for g in self._groups.values()]
        return d

    def copy(self) -> "Graph":
        g = Graph()
        for n in self._nodes.values():
            g._nodes[n.id] = Node(n.id, n.type, copy.deepcopy(n.params), n.label, n.pos)
        for e in self._edges:
            g._add_edge(e)
        for gr in self._groups.values():
            g._groups[gr.name] = Group(gr.name, list(gr.nodes), gr.collapsed, gr.kind)
        return g

    def structure(self) -> tuple:
        """A comparable summary (ids, types, params, labels, edges, groups), positions excluded."""
        return (
            sorted((n.id, n.type, repr(sorted(n.params.items())), n.label) for n in self._nodes.values()),
            sorted((e.source, e.target, e.port) for e in self._edges),
            sorted((g.name, tuple(g.nodes), g.kind) for g in self._groups.values()),
        )

    def subgraph(self, node_ids: Iterable[str]) -> "Graph":
        """A copy of the given nodes with the edges between them."""
        ids = set(node_ids)
        for nid in ids:
            self.node(nid)  # unknown ids raise GraphError
        g = Graph()
        for n in self._nodes.values():
            if n.id not in ids:
                continue
            g._nodes[n.id] = Node(n.id, n.type, copy.deepcopy(n.params), n.label, n.pos)
        for e in self._edges:
            if e.source in ids and e.target in ids:
                g._add_edge(e)
        return g


class GraphBuilder:
    """Convenience for templates and tests: chain layers with ``add`` and keep the last id."""

    def __init__(self, graph: Graph | None = None):
        self.graph = graph or Graph()
        self.last: str | None = None

    def add(self, type_id: str, node_id: str | None = None, inputs: list[str] | str | None = None,
            label: str = "", **params: Any) -> str:
        nid = self.graph.add_node(type_id, params, node_id=node_id or None, label=label).id
        if inputs is None:
            inputs = [self.last] if self.last is not None else []
        elif isinstance(inputs, str):
            inputs = [inputs]
        for i, src in enumerate(inputs):
            self.graph.connect(src, nid, i)
        self.last = nid
        return nid
