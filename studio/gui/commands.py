"""Undo commands: every user edit of the graph is one QUndoCommand.

``redo``/``undo`` call public :class:`studio.core.graph.Graph` methods only; the canvas and
panels follow the graph's signals, never the commands. Composite edits (delete with edges,
connect that replaces an edge, fixes, paste) hold child commands and are one undo step.

Commands that can fail have ``try_create(doc, ...) -> (command | None, message)``: call it
before pushing and show the message instead. :func:`push` pushes and returns an error
message if ``redo`` still failed (the stack then drops the command, nothing changed).
"""
from __future__ import annotations

import json
import re
from typing import Any, Iterable

from PySide6.QtGui import QUndoCommand

from studio.core.errors import StudioError
from studio.core.fixes import Fix, fix_steps
from studio.core.graph import Edge, Group, Node
from studio.core.spec import get_spec

_ERRORS = (StudioError, KeyError, ValueError, TypeError)
_SET_PARAM_ID = 4201


def _value_text(v: Any) -> str:
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_value_text(x) for x in v) + "]"
    if isinstance(v, str):
        return v
    if v is None:
        return "auto"
    return f"{v:g}" if isinstance(v, float) else str(v)


def _name(doc, node_id: str) -> str:
    g = doc.graph
    return g.node(node_id).name if g.has_node(node_id) else node_id


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0])
    return str(exc)


class _Command(QUndoCommand):
    """Base: children run first on redo and last (reversed) on undo, inside one graph batch
    so the document revalidates once. A failing redo rolls back what it did."""

    def __init__(self, doc, text: str = "", parent: QUndoCommand | None = None):
        super().__init__(text)  # children are kept in Python (``steps``), not as Qt children
        self.doc = doc
        self.steps: list[_Command] = []
        self.errors: list[str] = []  # filled when a top-level redo failed
        self._is_child = parent is not None
        if parent is not None:
            parent.steps.append(self)

    # subclasses override these two (children are handled here)
    def _do(self, graph) -> None:
        pass

    def _undo(self, graph) -> None:
        pass

    def _redo_all(self) -> None:
        graph = self.doc.graph
        done: list[_Command] = []
        graph.begin_batch()
        try:
            try:
                for c in self.steps:
                    c._redo_all()
                    done.append(c)
                self._do(graph)
            except _ERRORS:
                for c in reversed(done):
                    c._undo_all()
                raise
        finally:
            graph.end_batch()

    def _undo_all(self) -> None:
        graph = self.doc.graph
        graph.begin_batch()
        try:
            self._undo(graph)
            for c in reversed(self.steps):
                c._undo_all()
        finally:
            graph.end_batch()

    def redo(self) -> None:
        if self._is_child:
            return  # the parent drives its steps
        try:
            self._redo_all()
        except _ERRORS as exc:
            self.errors.append(_error_text(exc))
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._is_child:
            self._undo_all()


def push(doc, cmd: _Command | None) -> str | None:
    """Push ``cmd`` on the document's undo stack; return an error message if it failed."""
    if cmd is None:
        return None
    errors = cmd.errors  # keep a reference: a failed command is deleted by the stack
    doc.undo_stack.push(cmd)
    return errors[0] if errors else None


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
        super().__init__(doc, f"Add {spec.title} '{label or self.node_id}'", parent)

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
            text = f"Delete '{_name(doc, ids[0])}'"
        elif ids:
            text = f"Delete {len(ids)} layers"
        else:
            text = "Delete connection" if len(drop) == 1 else f"Delete {len(drop)} connections"
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
        super().__init__(doc, f"Disconnect '{_name(doc, edge.source)}' → '{_name(doc, edge.target)}'", parent)
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
        super().__init__(doc, f"Connect '{_name(doc, source)}' → '{_name(doc, target)}'", parent)
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
                self.setText(f"Reconnect '{_name(doc, target)}' to '{_name(doc, source)}'")
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
        self.setText(f"Set {self.name} of '{_name(self.doc, self.node_id)}' to {_value_text(self.value)}")

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
        super().__init__(doc, f"Rename '{node.name}' to '{self.label or node_id}'", parent)

    def _do(self, graph) -> None:
        graph.set_label(self.node_id, self.label)

    def _undo(self, graph) -> None:
        graph.set_label(self.node_id, self.old)


# ---- positions ----------------------------------------------------------------
class MoveNodesCommand(_Command):
    """Move nodes: ``moves`` maps node id to (old_pos, new_pos)."""

    def __init__(self, doc, moves: dict[str, tuple], parent=None):
        self.moves = {k: (tuple(map(float, o)), tuple(map(float, n))) for k, (o, n) in moves.items()}
        text = f"Move '{_name(doc, next(iter(moves)))}'" if len(moves) == 1 else f"Move {len(moves)} layers"
        super().__init__(doc, text, parent)

    def _do(self, graph) -> None:
        graph.move_many({nid: new for nid, (_, new) in self.moves.items()})

    def _undo(self, graph) -> None:
        graph.move_many({nid: old for nid, (old, _) in self.moves.items()})


class SetPositionsCommand(_Command):
    """Set many positions at once (auto-layout)."""

    def __init__(self, doc, positions: dict[str, tuple], text: str = "Auto-layout", parent=None):
        graph = doc.graph
        self.new = {k: (float(v[0]), float(v[1])) for k, v in positions.items() if graph.has_node(k)}
        self.old = {k: graph.node(k).pos for k in self.new}
        super().__init__(doc, text, parent)

    def _do(self, graph) -> None:
        graph.move_many(self.new)

    def _undo(self, graph) -> None:
        graph.move_many(self.old)


# ---- fixes ----------------------------------------------------------------------
class ApplyFixCommand(_Command):
    """Carry out a validation fix (``studio.core.fixes``) as one undo step."""

    def __init__(self, doc, fix: Fix, parent=None):
        super().__init__(doc, f"Fix: {fix.label}", parent)
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


# ---- groups ---------------------------------------------------------------------
class GroupCommand(_Command):
    def __init__(self, doc, name: str, node_ids: Iterable[str], collapsed: bool = False,
                 kind: str = "", parent=None):
        self.name, self.node_ids = name, list(dict.fromkeys(node_ids))
        self.collapsed, self.kind = collapsed, kind
        super().__init__(doc, f"Group {len(self.node_ids)} layers as '{name}'", parent)

    @classmethod
    def try_create(cls, doc, name: str, node_ids: Iterable[str]):
        graph, ids = doc.graph, list(node_ids)
        name = (name or "").strip()
        if not name:
            return None, "a group needs a name"
        if any(g.name == name for g in graph.groups):
            return None, f"a group named '{name}' already exists: choose another name"
        if not ids:
            return None, "select the layers to group first"
        for g in graph.groups:
            both = [n for n in ids if n in g.nodes]
            if both:
                return None, f"'{_name(doc, both[0])}' is already in group '{g.name}': ungroup it first"
        return cls(doc, name, ids), ""

    def _do(self, graph) -> None:
        graph.add_group(self.name, self.node_ids, self.collapsed, self.kind)

    def _undo(self, graph) -> None:
        graph.remove_group(self.name)


class UngroupCommand(_Command):
    def __init__(self, doc, name: str, parent=None):
        super().__init__(doc, f"Ungroup '{name}'", parent)
        self.name = name
        self.group: Group | None = None

    def _do(self, graph) -> None:
        g = graph.remove_group(self.name)
        self.group = Group(g.name, list(g.nodes), g.collapsed, g.kind)

    def _undo(self, graph) -> None:
        g = self.group
        graph.add_group(g.name, g.nodes, g.collapsed, g.kind)


class SetGroupCollapsedCommand(_Command):
    def __init__(self, doc, name: str, collapsed: bool, parent=None):
        super().__init__(doc, f"{'Collapse' if collapsed else 'Expand'} '{name}'", parent)
        self.name, self.collapsed, self.old = name, bool(collapsed), False

    def _do(self, graph) -> None:
        self.old = graph.set_group_collapsed(self.name, self.collapsed)

    def _undo(self, graph) -> None:
        graph.set_group_collapsed(self.name, self.old)


class ToggleGroupCommand(_Command):
    """Collapse or expand a group and re-flow the layout around it (``core.layout``), as
    one undo step: undo restores the old positions as well as the old state."""

    def __init__(self, doc, name: str, collapsed: bool, parent=None):
        super().__init__(doc, f"{'Collapse' if collapsed else 'Expand'} '{name}'", parent)
        self.name, self.collapsed, self.old = name, bool(collapsed), False
        self.new_pos: dict | None = None
        self.old_pos: dict = {}

    def _do(self, graph) -> None:
        from studio.core.layout import auto_layout

        self.old = graph.set_group_collapsed(self.name, self.collapsed)
        if self.new_pos is None:
            self.new_pos = auto_layout(graph)
        self.old_pos = graph.move_many({n: p for n, p in self.new_pos.items() if graph.has_node(n)})

    def _undo(self, graph) -> None:
        graph.move_many(self.old_pos)
        graph.set_group_collapsed(self.name, self.old)


# ---- paste ------------------------------------------------------------------------
class PasteCommand(_Command):
    """Add a fragment (``{"nodes": [...], "edges": [...], "groups": [...]}``, as made by
    ``Graph.subgraph(...).to_dict()``) with fresh ids, shifted by ``offset``. ``new_ids``
    maps old ids to the new ones (for selecting the pasted nodes)."""

    def __init__(self, doc, fragment: dict, offset=(40.0, 40.0), text: str = "Paste", parent=None):
        super().__init__(doc, "", parent)
        graph = doc.graph
        taken = {n.id for n in graph.nodes}
        labels = {n.label for n in graph.nodes if n.label}
        self.new_ids: dict[str, str] = {}
        for nd in fragment.get("nodes", []):
            spec = get_spec(nd["type"])
            new_id = _fresh(str(nd.get("id") or spec.id.lower()), taken)
            taken.add(new_id)
            self.new_ids[nd["id"]] = new_id
            label = str(nd.get("label") or "")
            if label:
                label = _fresh_label(label, labels)
                labels.add(label)
            x, y = (nd.get("pos") or (0, 0))[:2]
            AddNodeCommand(doc, spec.id, nd.get("params") or {}, (float(x) + offset[0], float(y) + offset[1]),
                           new_id, label, parent=self)
        for ed in fragment.get("edges", []):
            s, t = self.new_ids.get(ed["source"]), self.new_ids.get(ed["target"])
            if s and t:
                _ConnectStep(doc, s, t, int(ed.get("port", 0)), parent=self)
        names = {g.name for g in graph.groups}
        for gd in fragment.get("groups", []):
            members = [self.new_ids[n] for n in gd.get("nodes", []) if n in self.new_ids]
            if members and len(members) == len(gd.get("nodes", [])):
                gname = _fresh_label(str(gd["name"]), names)
                names.add(gname)
                GroupCommand(doc, gname, members, bool(gd.get("collapsed", False)), str(gd.get("kind", "")),
                             parent=self)
        n = len(self.new_ids)
        self.setText(f"{text} {n} layer{'s' if n != 1 else ''}")

    @classmethod
    def try_create(cls, doc, text_or_fragment, offset=(40.0, 40.0), text: str = "Paste"):
        try:
            frag = json.loads(text_or_fragment) if isinstance(text_or_fragment, str) else text_or_fragment
            if not isinstance(frag, dict) or not frag.get("nodes"):
                return None, "the clipboard holds no layers"
            return cls(doc, frag, offset, text), ""
        except (json.JSONDecodeError, *_ERRORS) as exc:
            return None, f"cannot paste: {_error_text(exc)}"


def _fresh(base: str, taken: set[str]) -> str:
    """A node id like ``base`` that is not in ``taken``."""
    base = re.sub(r"[^A-Za-z0-9_.\-]", "_", base) or "node"
    if not re.match(r"[A-Za-z_]", base):
        base = "n_" + base
    if base not in taken:
        return base
    m = re.match(r"^(.*?)(\d+)$", base)
    stem, n = (m.group(1), int(m.group(2)) + 1) if m else (base, 2)
    while f"{stem}{n}" in taken:
        n += 1
    return f"{stem}{n}"


def _fresh_label(label: str, used: set[str]) -> str:
    if label not in used:
        return label
    n = 2
    while f"{label} ({n})" in used:
        n += 1
    return f"{label} ({n})"


# ---- saved blocks -------------------------------------------------------------------
class InsertBlockCommand(_Command):
    """Insert a saved block (``studio.templates.user.Block``: graph + the ``inputs`` it was
    cut from) with fresh ids, its top-left at ``at``, as one step. With ``attach_to`` (a node
    id) that node feeds the block's inputs; ``new_ids`` maps block ids to the inserted ones."""

    def __init__(self, doc, block, at=(0.0, 0.0), attach_to: str | None = None, parent=None):
        super().__init__(doc, "", parent)
        src = block.graph
        if len(src) > 1 and len({n.pos for n in src.nodes}) == 1:  # saved without positions
            from studio.core.layout import auto_layout

            src = src.copy()
            for nid, pos in auto_layout(src).items():
                src.move(nid, pos)
        frag = src.to_dict()
        x0 = min((n.pos[0] for n in src.nodes), default=0.0)
        y0 = min((n.pos[1] for n in src.nodes), default=0.0)
        paste = PasteCommand(doc, frag, (at[0] - x0, at[1] - y0), parent=self)
        self.new_ids = paste.new_ids
        self.connected: list[tuple[str, str, int]] = []
        if attach_to is not None and doc.graph.has_node(attach_to):
            for target, port in _block_inputs(block):
                if target in self.new_ids:
                    self.connected.append((attach_to, self.new_ids[target], port))
                    _ConnectStep(doc, attach_to, self.new_ids[target], port, parent=self)
        n = len(self.new_ids)
        where = f" after '{_name(doc, attach_to)}'" if self.connected else ""
        self.setText(f"Insert block '{block.name}' ({n} layer{'s' if n != 1 else ''}){where}")


def _block_inputs(block) -> list[tuple[str, int]]:
    """(node, port) pairs the block takes its input at: the cut edges it was saved with, else
    the free inputs of its first layers."""
    seen, out = set(), []
    for d in block.inputs:
        key = (str(d.get("node")), int(d.get("port", 0)))
        if key not in seen:
            seen.add(key)
            out.append(key)
    if out:
        return out
    g = block.graph
    return [(n.id, 0) for n in g.nodes if not g.in_edges(n.id) and n.spec.arity[1] != 0][:1]
