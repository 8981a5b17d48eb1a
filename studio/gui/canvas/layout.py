"""Positions for auto-layout: ``studio.core.layout.auto_layout`` when available, else a
simple layered layout (rows by longest path from the sources)."""
from __future__ import annotations

from .style import NODE_H, NODE_W


def layout_positions(graph) -> dict[str, tuple[float, float]]:
    try:
        from studio.core.layout import auto_layout
    except ImportError:
        return layered_layout(graph)
    return auto_layout(graph)


def layered_layout(graph) -> dict[str, tuple[float, float]]:
    """Rows by longest-path depth, nodes of one row side by side (fallback)."""
    ids = [n.id for n in graph.nodes]
    preds = {n: [] for n in ids}
    succ = {n: [] for n in ids}
    for e in graph.edges:
        preds[e.target].append(e.source)
        succ[e.source].append(e.target)
    indeg = {n: len(preds[n]) for n in ids}
    ready = [n for n in ids if indeg[n] == 0]
    depth = {n: 0 for n in ids}
    seen = 0
    while ready:
        n = ready.pop(0)
        seen += 1
        for m in succ[n]:
            depth[m] = max(depth[m], depth[n] + 1)
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
    rows: dict[int, list[str]] = {}
    for n in ids:
        rows.setdefault(depth[n], []).append(n)
    out = {}
    for d, row in rows.items():
        for i, n in enumerate(row):
            out[n] = (i * (NODE_W + 40.0), d * (NODE_H + 34.0))
    return out
