"""Automatic canvas layout: top-to-bottom layers, the main path in one column.

:func:`auto_layout` places each node on a row given by its longest-path depth from the
sources (so every edge points down), keeps the longest path from the Input to the output
in the column x = 0 and puts side branches (a ResNet projection shortcut, Inception
branches) in columns beside it, so a residual network reads like the paper's figure.
Extra space is left where a group (a residual block) or a stage of groups ends.

Pure Python: no torch, no Qt. Positions are returned, not applied.
"""
from __future__ import annotations

from collections import defaultdict

from .graph import Graph

CARD_W = 180.0
CARD_H = 56.0
COL_STEP = 220.0  # > card width
ROW_STEP = 90.0  # > card height
GROUP_GAP = 20.0  # extra space between two groups (blocks)
STAGE_GAP = 50.0  # extra space between two stages ("layer1.*" -> "layer2.*")
COMPONENT_GAP = 2 * COL_STEP
INSERT_GAP = 34.0  # between a layer and one inserted below it


def make_room(graph: Graph, top: float, height: float, keep: str | None = None) -> dict[str, tuple[float, float]]:
    """New positions for the layers at or below ``top`` so that something ``height`` tall
    fits there: they move down by ``height`` plus the gap (``keep`` stays put)."""
    dy = height + INSERT_GAP
    return {n.id: (n.pos[0], n.pos[1] + dy) for n in graph.nodes
            if n.pos[1] >= top - CARD_H / 2 and n.id != keep}


def insert_below(graph: Graph, above: str, height: float = CARD_H) -> tuple[tuple[float, float],
                                                                           dict[str, tuple[float, float]]]:
    """Where a layer (or a block ``height`` tall) inserted after ``above`` goes, and where the
    layers below move to make room. The palette, saved blocks and one-click fixes all insert
    through here, so they make room alike."""
    x, y = graph.node(above).pos
    top = y + CARD_H + INSERT_GAP
    return (x, top), make_room(graph, top, height, keep=above)


def insert_above(graph: Graph, below: str, height: float = CARD_H) -> tuple[tuple[float, float],
                                                                           dict[str, tuple[float, float]]]:
    """Where a layer inserted in front of ``below`` (a layer with no input yet) goes: at its
    place, with ``below`` and everything under it moved down."""
    x, y = graph.node(below).pos
    return (x, y), make_room(graph, y, height)


def _stage(group: str) -> str:
    return group.rsplit(".", 1)[0] if "." in group else group


def _topo(nodes: list[str], succ: dict[str, list[str]], indeg: dict[str, int]) -> list[str] | None:
    deg = dict(indeg)
    ready = [n for n in nodes if deg[n] == 0]
    order: list[str] = []
    i = 0
    while i < len(ready):
        n = ready[i]
        i += 1
        order.append(n)
        for m in succ[n]:
            deg[m] -= 1
            if deg[m] == 0:
                ready.append(m)
    return order if len(order) == len(nodes) else None


def _components(nodes: list[str], succ, pred) -> list[list[str]]:
    seen: set[str] = set()
    comps = []
    rank = {v: i for i, v in enumerate(nodes)}
    for n in nodes:
        if n in seen:
            continue
        stack, comp = [n], []
        seen.add(n)
        while stack:
            v = stack.pop()
            comp.append(v)
            for w in succ[v]:
                if w not in seen:
                    seen.add(w)
                    stack.append(w)
            for w, _ in pred[v]:
                if w not in seen:
                    seen.add(w)
                    stack.append(w)
        comps.append(sorted(comp, key=rank.__getitem__))
    return comps


def _layout_component(order, succ, pred, group_of):
    """Columns and rows of one connected, acyclic component (order: topological)."""
    layer: dict[str, int] = {}
    for n in order:
        layer[n] = max((layer[p] + 1 for p, _ in pred[n]), default=0)
    # main path: from the deepest sink back along predecessors one layer up (port order first)
    sinks = [n for n in order if not succ[n]]
    end = max(sinks, key=lambda n: layer[n])  # first of the deepest, in insertion order
    main = [end]
    while pred[main[-1]]:
        cur = main[-1]
        ps = sorted(pred[cur], key=lambda pp: pp[1])
        step = [p for p, _ in ps if layer[p] == layer[cur] - 1]
        main.append(step[0] if step else ps[0][0])
    main_set = set(main)
    col: dict[str, int] = {n: 0 for n in main}
    used: set[tuple[int, int]] = {(layer[n], 0) for n in main}
    for n in order:
        if n in main_set:
            continue
        row = layer[n]
        prefs: list[int] = []
        for p, _ in sorted(pred[n], key=lambda pp: pp[1]):
            if p in col and col[p] != 0:
                prefs.append(col[p])
        k = 1
        while len(prefs) < 64:
            prefs += [k, -k]
            k += 1
        c = next((c for c in prefs if (row, c) not in used), None)
        if c is None:  # very wide rows: first free column to the right
            c = max(cc for rr, cc in used if rr == row) + 1
        col[n] = c
        used.add((row, c))
    # rows -> y, with gaps where the main path changes group or stage
    depth = max(layer.values()) + 1
    rep: dict[int, str] = {layer[n]: n for n in main}
    row_y = [0.0] * depth
    y = 0.0
    for r in range(depth):
        if r > 0:
            y += ROW_STEP
            a, b = group_of.get(rep.get(r - 1, ""), ""), group_of.get(rep.get(r, ""), "")
            if a != b:
                y += GROUP_GAP if (a and b and _stage(a) == _stage(b)) else STAGE_GAP
        row_y[r] = y
    return {n: (col[n], row_y[layer[n]]) for n in order}


def auto_layout(graph: Graph) -> dict[str, tuple[float, float]]:
    """Positions {node_id: (x, y)} for a tidy top-to-bottom drawing of ``graph``."""
    nodes = [n.id for n in graph.nodes]
    if not nodes:
        return {}
    succ: dict[str, list[str]] = {n: [] for n in nodes}
    pred: dict[str, list[tuple[str, int]]] = {n: [] for n in nodes}
    indeg = defaultdict(int)
    for e in graph.edges:
        if e.source in succ and e.target in succ:
            succ[e.source].append(e.target)
            pred[e.target].append((e.source, e.port))
            indeg[e.target] += 1
    for n in nodes:
        indeg[n] += 0
    order = _topo(nodes, succ, indeg)
    if order is None:  # a cycle (should not happen): a plain column in insertion order
        return {n: (0.0, i * ROW_STEP) for i, n in enumerate(nodes)}
    group_of: dict[str, str] = {}
    for g in graph.groups:
        for n in g.nodes:
            group_of.setdefault(n, g.name)
    is_input = {n.id: n.type == "Input" for n in graph.nodes}
    rank = {n: i for i, n in enumerate(order)}
    comps = _components(nodes, succ, pred)
    # the component holding the Input (or the largest) first
    comps.sort(key=lambda c: (not any(is_input[n] for n in c), -len(c)))
    out: dict[str, tuple[float, float]] = {}
    x0 = 0.0
    # single unconnected nodes (just dropped on the canvas) go in one column at the right
    loose = [c[0] for c in comps if len(c) == 1 and not is_input[c[0]]]
    comps = [c for c in comps if len(c) > 1 or is_input[c[0]]]
    for comp in comps:
        corder = sorted(comp, key=rank.__getitem__)
        cells = _layout_component(corder, succ, pred, group_of)
        lo = min(c for c, _ in cells.values())
        hi = max(c for c, _ in cells.values())
        shift = x0 - lo * COL_STEP if out else 0.0
        for n, (c, y) in cells.items():
            out[n] = (c * COL_STEP + shift, y)
        x0 = (hi * COL_STEP + shift) + COMPONENT_GAP
    for i, n in enumerate(loose):
        out[n] = (x0, i * ROW_STEP)
    return out


def apply_positions(graph: Graph, positions: dict[str, tuple[float, float]]) -> Graph:
    """Move the nodes to ``positions`` (not an undoable edit: for building and loading)."""
    for nid, pos in positions.items():
        if graph.has_node(nid):
            graph.move(nid, pos)
    return graph
