"""Pasting a fragment into a graph: the one way layers arrive in bulk.

A fragment is what ``Graph.subgraph(ids).to_dict()`` makes (``{"nodes": [...], "edges": [...],
"groups": [...]}``), or a :class:`~studio.core.graph.Graph` (a saved block). :func:`plan_paste`
works out, without touching the graph, what pasting adds: every node under a fresh id
(:func:`~studio.core.graph_types.fresh_id`, the scheme every new node gets), labels and group
names made unique (``conv (2)``), positions shifted so the fragment's top-left lands at ``at``
(or moved by ``offset``), and a fragment saved without positions laid out first. Only the edges
and groups wholly inside the fragment come along.

:meth:`Graph.paste` is plan + :func:`apply_paste`. The window's ``PasteCommand`` and
``InsertBlockCommand`` keep the plan so that redo adds the very same ids and undo
(:func:`remove_pasted`) takes them away; ``studio.templates.user.insert_block`` calls
:meth:`Graph.paste`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import GraphError
from .graph_types import Edge, Group, Node, fresh_id, fresh_name
from .spec import get_spec
from .text import short_repr

if TYPE_CHECKING:
    from .graph import Graph


@dataclass
class PastePlan:
    """What a paste adds, ids already chosen."""

    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)  # fragment id -> new id


def fragment_dict(fragment: Any) -> dict:
    """The fragment as a dict (a Graph is turned into one); anything else is refused."""
    if hasattr(fragment, "to_dict") and hasattr(fragment, "nodes"):
        return fragment.to_dict()
    if not isinstance(fragment, dict) or not isinstance(fragment.get("nodes"), list):
        raise GraphError("a fragment to paste is a dict with a list of \"nodes\" (as Graph.subgraph(...).to_dict() "
                         "makes): copy layers from the canvas")
    return fragment


def _records(frag: dict, key: str) -> list[dict]:
    items = frag.get(key) or []
    if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
        raise GraphError(f"the fragment's \"{key}\" is not a list of records: copy layers from the canvas")
    return items


def _pos(nd: dict) -> tuple[float, float]:
    pos = nd.get("pos") or (0.0, 0.0)
    try:
        return float(pos[0]), float(pos[1])
    except (TypeError, ValueError, IndexError):
        raise GraphError(f"the position {short_repr(pos)} of '{nd.get('id')}' is not two numbers") from None


def plan_paste(graph: Graph, fragment: Any, at: tuple[float, float] | None = None,
               offset: tuple[float, float] = (0.0, 0.0)) -> PastePlan:
    """What pasting ``fragment`` into ``graph`` would add (see the module docstring); raises
    :class:`GraphError` (or ``ParamError``) naming the node that cannot be pasted."""
    frag = fragment_dict(fragment)
    plan = PastePlan()
    taken = {n.id for n in graph.nodes}
    labels = {n.label for n in graph.nodes if n.label}
    for nd in frag["nodes"]:
        if not isinstance(nd, dict) or not isinstance(nd.get("type"), str):
            raise GraphError(f"the fragment's node {short_repr(nd)} has no layer type: copy layers from the canvas")
        try:
            spec = get_spec(nd["type"])
        except KeyError as exc:
            raise GraphError(exc.args[0]) from None
        old = str(nd.get("id") or spec.id.lower())
        if old in plan.mapping:
            raise GraphError(f"the fragment holds two layers with id '{old}': give each its own id")
        new = fresh_id(old, taken)
        taken.add(new)
        plan.mapping[old] = new
        label = str(nd.get("label") or "")
        if label:
            label = fresh_name(label, labels)
            labels.add(label)
        params = spec.normalize(nd.get("params") or {}, label or new)
        plan.nodes.append(Node(new, spec.id, params, label, _pos(nd)))
    for ed in _records(frag, "edges"):
        s, t = plan.mapping.get(str(ed.get("source"))), plan.mapping.get(str(ed.get("target")))
        port = ed.get("port", 0)
        if not isinstance(port, int) or isinstance(port, bool) or port < 0:
            raise GraphError(f"the fragment's connection {short_repr(ed.get('source'))} → "
                             f"{short_repr(ed.get('target'))} has port {short_repr(port)}: a port is a whole number ≥ 0")
        if s and t:
            plan.edges.append(Edge(s, t, port))
    names = {g.name for g in graph.all_groups}
    for gd in _records(frag, "groups"):
        ids = [str(n) for n in gd.get("nodes") or []] if isinstance(gd.get("nodes") or [], list) else []
        members = [plan.mapping[n] for n in ids if n in plan.mapping]
        if members and len(members) == len(ids):
            name = fresh_name(str(gd.get("name") or "group"), names)
            names.add(name)
            plan.groups.append(Group(name, members, bool(gd.get("collapsed", False)), str(gd.get("kind", ""))))
    _place(graph, plan, at, offset)
    return plan


def _place(graph: Graph, plan: PastePlan, at, offset) -> None:
    nodes = plan.nodes
    if len(nodes) > 1 and len({n.pos for n in nodes}) == 1:  # saved without positions: lay it out
        from .layout import auto_layout

        scratch = type(graph)()
        for n in nodes:
            scratch.add_node(n.type, n.params, node_id=n.id, label=n.label)
        for e in plan.edges:
            scratch._add_edge(e)
        for g in plan.groups:
            scratch.add_group(g.name, g.nodes, g.collapsed, g.kind)
        laid = auto_layout(scratch)
        for n in nodes:
            n.pos = laid.get(n.id, n.pos)
    if at is not None and nodes:
        dx = at[0] - min(n.pos[0] for n in nodes)
        dy = at[1] - min(n.pos[1] for n in nodes)
    else:
        dx, dy = offset
    for n in nodes:
        n.pos = (n.pos[0] + dx, n.pos[1] + dy)


def apply_paste(graph: Graph, plan: PastePlan) -> None:
    """Add what ``plan`` holds, in one batch; on a refusal nothing stays added."""
    added: list[str] = []
    groups: list[str] = []
    graph.begin_batch()
    try:
        try:
            for n in plan.nodes:
                graph.add_node(n.type, n.params, node_id=n.id, label=n.label, pos=n.pos)
                added.append(n.id)
            for e in plan.edges:
                graph.connect(e.source, e.target, e.port)
            for g in plan.groups:
                graph.add_group(g.name, g.nodes, g.collapsed, g.kind)
                groups.append(g.name)
        except Exception:
            for name in reversed(groups):
                graph.remove_group(name)
            for nid in reversed(added):
                graph.remove_node(nid)
            raise
    finally:
        graph.end_batch()


def remove_pasted(graph: Graph, plan: PastePlan) -> None:
    """Undo :func:`apply_paste`: its groups and nodes (with their edges) go."""
    graph.begin_batch()
    try:
        for g in reversed(plan.groups):
            if graph.has_group(g.name):
                graph.remove_group(g.name)
        for n in reversed(plan.nodes):
            if graph.has_node(n.id):
                graph.remove_node(n.id)
    finally:
        graph.end_batch()
