"""Undo commands for single edits: layers, connections, parameters and labels, positions,
validation fixes."""
from __future__ import annotations

from typing import Any, Iterable

from PySide6.QtGui import QUndoCommand

from studio.core.fixes import Fix, fix_steps
from studio.core.graph import Edge, Group, Node
from studio.core.spec import get_spec
from studio.gui.i18n import tr

from .base import _ERRORS, _SET_PARAM_ID, _Command, _error_text, _name, _value_text

# ---- nodes ------------------------------------------------------------------
class AddNodeCommand(_Command):
    def __init__(self, doc, type_id: str, params: dict | None = None, pos=(0.0, 0.0),
                 node_id: str | None = None, label: str = "", parent=None):
        spec = get_spec(type_id)
        self.type_id = spec.id
        self.params = dict(params or {})
        self.pos = (float(pos[0]), float(pos[1]))
        self.node_id = node_id or doc.graph.unique_id(spec.id.lower())
        self.label = label
        super().__init__(doc, tr("Add {type} '{name}'").format(type=spec.title, name=label or self.node_id), parent)

    @classmethod
    def try_create(cls, doc, type_id: str, params=None, pos=(0.0, 0.0), node_id=None, label=""):
        try:
            spec = get_spec(type_id)
            spec.normalize(params, label or node_id or spec.title)
            if node_id is not None and doc.graph.has_node(node_id):
                return None, f"a node with id '{node_id}' already exists"
            return cls(doc, type_id, params, pos, node_id, label), ""
        except _ERRORS as exc:
            return None, _error_text(exc)

    def _do(self, graph) -> None:
        graph.add_node(self.type_id, self.params, node_id=self.node_id, label=self.label, pos=self.pos)

    def _undo(self, graph) -> None:
        graph.remove_node(self.node_id)


class _RemoveNodeStep(_Command):
    """Remove one node whose edges are already gone; remember its group memberships."""

    def __init__(self, doc, node_id: str, parent):
        super().__init__(doc, "", parent)
        self.node_id = node_id
        self.node: Node | None = None
        self.groups: list[Group] = []

    def _do(self, graph) -> None:
        self.groups = [Group(g.name, list(g.nodes), g.collapsed, g.kind)
                       for g in graph.all_groups if self.node_id in g.nodes]
        self.node, _ = graph.remove_node(self.node_id)

    def _undo(self, graph) -> None:
        graph.insert_node(self.node)
        for g in self.groups:
            graph.remove_group(g.name)
            graph.add_group(g.name, g.nodes, g.collapsed, g.kind)


class RemoveNodesCommand(_Command):
    """Delete nodes (their edges go as child commands) and, optionally, extra edges.

    With ``reconnect`` a deleted run of layers fed by exactly one outside layer is bridged:
    that layer is wired to the layers the run fed (``healed`` lists the new edges)."""

    def __init__(self, doc, node_ids: Iterable[str], edges: Iterable[Edge] = (), parent=None,
                 reconnect: bool = False):
        graph = doc.graph
        ids = [n for n in dict.fromkeys(node_ids) if graph.has_node(n)]
        idset = set(ids)
        drop = list(dict.fromkeys(
            [e for e in edges if e in graph.edges]
            + [e for e in graph.edges if e.source in idset or e.target in idset]))
        if len(ids) == 1 and not edges:
            text = tr("Delete '{name}'").format(name=_name(doc, ids[0]))
        elif ids:
            text = tr("Delete {n} layers").format(n=len(ids))
        else:
            text = tr("Delete connection") if len(drop) == 1 else tr("Delete {n} connections").format(n=len(drop))
        super().__init__(doc, text, parent)
        self.node_ids = ids
        for e in drop:
            DisconnectCommand(doc, e, parent=self)
        for n in ids:
            _RemoveNodeStep(doc, n, self)
        self.healed = graph.bridges(ids, drop) if reconnect else []
        for e in self.healed:
            _ConnectStep(doc, e.source, e.target, e.port, parent=self)


# ---- edges ------------------------------------------------------------------
class DisconnectCommand(_Command):
    def __init__(self, doc, edge: Edge, parent=None):
        super().__init__(doc, tr("Disconnect '{source}' → '{target}'").format(
            source=_name(doc, edge.source), target=_name(doc, edge.target)), parent)
        self.edge = edge

    def _do(self, graph) -> None:
        graph.disconnect(self.edge)

    def _undo(self, graph) -> None:
        graph.connect(self.edge.source, self.edge.target, self.edge.port)


class ConnectCommand(_Command):
    """Connect source → target (port None: the first free one). When the chosen port is
    taken (a single-input layer), the old edge is replaced in the same step."""

    def __init__(self, doc, source: str, target: str, port: int | None = None, parent=None):
        graph = doc.graph
        super().__init__(doc, tr("Connect '{source}' → '{target}'").format(
            source=_name(doc, source), target=_name(doc, target)), parent)
        self.source, self.target = source, target
        if port is None:
            port = graph.free_port(target) if graph.has_node(target) else 0
            if port is None:
                port = 0  # single input taken: replace it
        self.port = int(port)
        if graph.has_node(target):
            old = next((e for e in graph.in_edges(target) if e.port == self.port), None)
            if old is not None:
                DisconnectCommand(doc, old, parent=self)
                self.setText(tr("Reconnect '{target}' to '{source}'").format(
                    target=_name(doc, target), source=_name(doc, source)))
        self.edge = Edge(source, target, self.port)

    @classmethod
    def try_create(cls, doc, source: str, target: str, port: int | None = None):
        check = doc.graph.can_connect(source, target, port)
        if not check:
            return None, check.message
        return cls(doc, source, target, port), ""

    def _do(self, graph) -> None:
        self.edge = graph.connect(self.source, self.target, self.port)

    def _undo(self, graph) -> None:
        graph.disconnect(self.edge)


# ---- parameters and labels ----------------------------------------------------
class SetParamCommand(_Command):
    """Set one parameter; consecutive edits of the same node and parameter merge."""

    def __init__(self, doc, node_id: str, name: str, value: Any, parent=None):
        node = doc.graph.node(node_id)
        self.node_id, self.name, self.value = node_id, name, value
        self.old = node.params.get(name)
        super().__init__(doc, "", parent)
        self._update_text()

    def _update_text(self) -> None:
        self.setText(tr("Set {param} of '{name}' to {value}").format(
            param=self.name, name=_name(self.doc, self.node_id), value=_value_text(self.value)))

    @classmethod
    def try_create(cls, doc, node_id: str, name: str, value: Any):
        try:
            node = doc.graph.node(node_id)
            node.spec.normalize({**node.params, name: value}, node.name)
            return cls(doc, node_id, name, value), ""
        except _ERRORS as exc:
            return None, _error_text(exc)

    def id(self) -> int:
        return _SET_PARAM_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetParamCommand) or (other.node_id, other.name) != (self.node_id, self.name):
            return False
        if other.errors:
            return False
        self.value = other.value
        self._update_text()
        node = self.doc.graph.node(self.node_id) if self.doc.graph.has_node(self.node_id) else None
        if node is not None and node.params.get(self.name) == self.old:
            self.setObsolete(True)  # back where it started: drop the step
        return True

    def _do(self, graph) -> None:
        graph.set_param(self.node_id, self.name, self.value)

    def _undo(self, graph) -> None:
        graph.set_param(self.node_id, self.name, self.old)


class SetLabelCommand(_Command):
    def __init__(self, doc, node_id: str, label: str, parent=None):
        node = doc.graph.node(node_id)
        self.node_id, self.label, self.old = node_id, str(label).strip(), node.label
        super().__init__(doc, tr("Rename '{old}' to '{new}'").format(old=node.name, new=self.label or node_id), parent)

    def _do(self, graph) -> None:
        graph.set_label(self.node_id, self.label)

    def _undo(self, graph) -> None:
        graph.set_label(self.node_id, self.old)


# ---- positions ----------------------------------------------------------------
class MoveNodesCommand(_Command):
    """Move nodes: ``moves`` maps node id to (old_pos, new_pos)."""

    def __init__(self, doc, moves: dict[str, tuple], parent=None):
        self.moves = {k: (tuple(map(float, o)), tuple(map(float, n))) for k, (o, n) in moves.items()}
        text = (tr("Move '{name}'").format(name=_name(doc, next(iter(moves)))) if len(moves) == 1
                else tr("Move {n} layers").format(n=len(moves)))
        super().__init__(doc, text, parent)

    def _do(self, graph) -> None:
        graph.move_many({nid: new for nid, (_, new) in self.moves.items()})

    def _undo(self, graph) -> None:
        graph.move_many({nid: old for nid, (old, _) in self.moves.items()})


class SetPositionsCommand(_Command):
    """Set many positions at once (auto-layout)."""

    def __init__(self, doc, positions: dict[str, tuple], text: str | None = None, parent=None):
        graph = doc.graph
        self.new = {k: (float(v[0]), float(v[1])) for k, v in positions.items() if graph.has_node(k)}
        self.old = {k: graph.node(k).pos for k in self.new}
        super().__init__(doc, tr("Auto-layout") if text is None else text, parent)

    def _do(self, graph) -> None:
        graph.move_many(self.new)

    def _undo(self, graph) -> None:
        graph.move_many(self.old)


# ---- fixes ----------------------------------------------------------------------
class ApplyFixCommand(_Command):
    """Carry out a validation fix (``studio.core.fixes``) as one undo step."""

    def __init__(self, doc, fix: Fix, parent=None):
        super().__init__(doc, tr("Fix: {label}").format(label=fix.label), parent)
        self.fix = fix
        graph = doc.graph
        steps = fix_steps(graph, fix)
        moves = {kw["node_id"]: (graph.node(kw["node_id"]).pos, kw["pos"]) for m, kw in steps if m == "move"}
        if moves:  # room for an inserted layer, made as the palette makes it (core decides)
            MoveNodesCommand(doc, moves, parent=self)
        for method, kw in steps:
            if method == "move":
                continue
            if method == "set_param":
                SetParamCommand(doc, kw["node_id"], kw["name"], kw["value"], parent=self)
            elif method == "remove_node":
                RemoveNodesCommand(doc, [kw["node_id"]], parent=self)
            elif method == "disconnect":
                DisconnectCommand(doc, kw["edge"], parent=self)
            elif method == "add_node":
                AddNodeCommand(doc, kw["type_id"], kw.get("params"), kw.get("pos", (0, 0)),
                               kw.get("node_id"), kw.get("label", ""), parent=self)
            elif method == "connect":
                _ConnectStep(doc, kw["source"], kw["target"], kw.get("port"), parent=self)
            else:
                raise ValueError(f"unknown fix step {method!r}")


class _ConnectStep(_Command):
    """A plain connect (no replacement analysis: the target may not exist yet)."""

    def __init__(self, doc, source: str, target: str, port: int | None, parent):
        super().__init__(doc, "", parent)
        self.source, self.target, self.port = source, target, port
        self.edge: Edge | None = None

    def _do(self, graph) -> None:
        self.edge = graph.connect(self.source, self.target, self.port)

    def _undo(self, graph) -> None:
        graph.disconnect(self.edge)
