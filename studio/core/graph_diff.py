"""What changed between two graphs: layers added, removed and changed (old → new parameters),
connections added/removed, and the parameter/MAC totals. Pure Python (no torch, no Qt).

Nodes are matched by id (a duplicated project keeps its ids, so a variant's edits line up)."""
from __future__ import annotations

from dataclasses import dataclass, field

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(kw_only=True)
class NodeChange:
    node: str
    status: str  # added | removed | changed
    type: str
    old_type: str | None = None
    params: dict = field(default_factory=dict)  # name -> [old, new] (changed), or the params (added/removed)

    def to_dict(self) -> dict:
        d = {"node": self.node, "status": self.status, "type": self.type, "params": self.params}
        if self.old_type and self.old_type != self.type:
            d["old_type"] = self.old_type
        return d

    def describe(self) -> str:
        if self.status == CHANGED:
            parts = [f"{k} {_v(a)} → {_v(b)}" for k, (a, b) in self.params.items()]
            if self.old_type and self.old_type != self.type:
                parts.insert(0, f"type {self.old_type} → {self.type}")
            return f"~ {self.node} ({self.type}): " + ", ".join(parts)
        sign = "+" if self.status == ADDED else "-"
        return f"{sign} {self.node} ({self.type})"


def _v(x) -> str:
    return "×".join(map(str, x)) if isinstance(x, (list, tuple)) else str(x)


def _full_params(node) -> dict:
    try:
        return node.spec.normalize(node.params)
    except Exception:
        return dict(node.params)


@dataclass(kw_only=True)
class GraphDiff:
    nodes: list[NodeChange] = field(default_factory=list)
    edges_added: list[list] = field(default_factory=list)
    edges_removed: list[list] = field(default_factory=list)
    params: list = field(default_factory=lambda: [None, None])  # trainable params of A and B
    macs: list = field(default_factory=lambda: [None, None])

    @property
    def status(self) -> dict[str, str]:
        """node id -> added/removed/changed."""
        return {c.node: c.status for c in self.nodes}

    @property
    def empty(self) -> bool:
        return not (self.nodes or self.edges_added or self.edges_removed)

    def to_dict(self) -> dict:
        def delta(pair):
            return None if None in pair else pair[1] - pair[0]
        return {"nodes": [c.to_dict() for c in self.nodes], "edges_added": self.edges_added,
                "edges_removed": self.edges_removed, "params": {"a": self.params[0], "b": self.params[1],
                                                                 "delta": delta(self.params)},
                "macs": {"a": self.macs[0], "b": self.macs[1], "delta": delta(self.macs)}}


def diff_graphs(a, b, num_classes: tuple[int | None, int | None] = (None, None)) -> GraphDiff:
    """The changes that turn graph ``a`` into graph ``b``."""
    from .validate import validate

    d = GraphDiff()
    na = {n.id: n for n in a.nodes}
    nb = {n.id: n for n in b.nodes}
    for nid, n in na.items():
        if nid not in nb:
            d.nodes.append(NodeChange(node=nid, status=REMOVED, type=n.type, params=dict(n.params)))
    for nid, n in nb.items():
        old = na.get(nid)
        if old is None:
            d.nodes.append(NodeChange(node=nid, status=ADDED, type=n.type, params=dict(n.params)))
            continue
        pa, pb = ({}, {}) if old.type != n.type else (_full_params(old), _full_params(n))
        changed = {k: [pa.get(k), pb.get(k)] for k in sorted(set(pa) | set(pb)) if pa.get(k) != pb.get(k)}
        if old.type != n.type:
            changed = {k: [old.params.get(k), n.params.get(k)] for k in sorted(set(old.params) | set(n.params))
                       if old.params.get(k) != n.params.get(k)}
        if changed or old.type != n.type:
            d.nodes.append(NodeChange(node=nid, status=CHANGED, type=n.type, old_type=old.type, params=changed))
    ea = {(e.source, e.target, e.port) for e in a.edges}
    eb = {(e.source, e.target, e.port) for e in b.edges}
    d.edges_added = [list(e) for e in sorted(eb - ea)]
    d.edges_removed = [list(e) for e in sorted(ea - eb)]
    for i, (g, k) in enumerate(((a, num_classes[0]), (b, num_classes[1]))):
        an = validate(g, k)
        if not an.errors:
            d.params[i], d.macs[i] = an.trainable_params, an.macs
    return d
