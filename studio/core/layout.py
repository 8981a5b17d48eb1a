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
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: core.graph_paste lays out a pasted fragment through here
    from .graph import Graph

CARD_W = 180.0
CARD_H = 56.0
COL_STEP = 220.0  # > card width
ROW_STEP = 90.0  # > card height
GROUP_GAP = 20.0  # extra space between two groups (blocks)
STAGE_GAP = 50.0  # extra space between two stages ("layer1.*" -> "layer2.*")
COMPONENT_GAP = 2 * COL_STEP
SNAKE_GAP = 60.0  # between two columns of a wrapped drawing (edges climb in it)
VIEW_W, VIEW_H = 1000.0, 620.0  # the canvas of a 1600×1000 window, for wrapping
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


def _layout_component(order, succ, pred, key_of, stage_gap=STAGE_GAP):
    """Columns and rows of one connected, acyclic component (order: topological).
    ``key_of`` gives each id its (stage, block, framed) for the gaps between rows."""
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
    # rows -> y, with gaps where the main path changes block or stage
    depth = max(layer.values()) + 1
    rep: dict[int, str] = {layer[n]: n for n in main}
    none = ("", "", False)
    row_y = [0.0] * depth
    y = 0.0
    for r in range(depth):
        if r > 0:
            y += ROW_STEP
            a, b = key_of.get(rep.get(r - 1, ""), none), key_of.get(rep.get(r, ""), none)
            if a[:2] != b[:2]:  # room for group frames (only expanded groups have one)
                same_stage = a[1] and b[1] and a[0] == b[0]
                y += GROUP_GAP if (same_stage or not (a[2] or b[2])) else stage_gap
        row_y[r] = y
    return {n: (col[n], row_y[layer[n]], layer[n]) for n in order}


def _units(graph: Graph):
    """Each node's unit (itself, or the outermost collapsed group holding it: one card) and
    each unit's (stage, block, framed) key: framed when an expanded group's frame is drawn
    around it."""
    stages = graph.stages
    stage_of = {n: g for g in stages for n in g.nodes}
    block_of: dict[str, object] = {}
    for g in graph.groups:
        for n in g.nodes:
            block_of.setdefault(n, g)
    # a layer inside nested collapsed groups (DenseNet's dense layers in a dense block) belongs
    # to the card of the outermost one
    for g in sorted((g for g in graph.groups if g.collapsed), key=lambda g: len(g.nodes)):
        for n in g.nodes:
            block_of[n] = g
    unit_of: dict[str, str] = {}
    key_of: dict[str, tuple[str, str]] = {}
    for node in graph.nodes:
        n = node.id
        st, bl = stage_of.get(n), block_of.get(n)
        if st is not None and st.collapsed:
            u, key = "\x00" + st.name, (st.name, "", False)
        elif bl is not None and bl.collapsed:
            u = "\x00" + bl.name
            key = (st.name if st is not None else _stage(bl.name), bl.name, st is not None)
        else:
            u = n
            if st is not None:
                key = (st.name, bl.name if bl is not None else "", True)
            else:
                key = (_stage(bl.name), bl.name, True) if bl is not None else ("", "", False)
        unit_of[n] = u
        key_of[u] = key
    return unit_of, key_of


def _cut_rows(cells, succ) -> set[int]:
    """Rows r after which the drawing may wrap to a new column: one unit on row r, and the
    only edge crossing to row r + 1 leaves it."""
    by_row: dict[int, list[str]] = defaultdict(list)
    for u, (_, _, r) in cells.items():
        by_row[r].append(u)
    depth = max(by_row) + 1
    crossing = [0] * (depth + 1)  # edges crossing the boundary below row r
    for u, (_, _, r) in cells.items():
        for v in succ[u]:
            for k in range(r, cells[v][2]):
                crossing[k] += 1
    return {r for r in range(depth - 1) if len(by_row[r]) == 1 and crossing[r] == 1}


def _snake(cells, succ, view=(VIEW_W, VIEW_H)):
    """Wrap a tall drawing into columns (top to bottom, then the next column to the right)
    when that lets it show bigger in a ``view``-sized window; cut only where the flow is one
    edge. Returns new (x, y) per unit."""
    plain = {u: (c * COL_STEP, y) for u, (c, y, _) in cells.items()}
    if not cells:
        return plain
    cuts = sorted(_cut_rows(cells, succ))
    rows: dict[int, float] = {r: y for _, y, r in cells.values()}
    height = max(rows.values()) + CARD_H
    cols = [c for c, _, _ in cells.values()]
    width = (max(cols) - min(cols)) * COL_STEP + CARD_W

    def zoom(w, h):
        return min(view[0] / (w + 60), view[1] / (h + 60))

    best_k, best_z = 1, zoom(width, height)
    for k in range(2, 9):
        z = zoom(k * width + (k - 1) * (SNAKE_GAP + COL_STEP - CARD_W), height / k + ROW_STEP)
        if best_z >= 1.0:
            break
        if z > best_z * 1.05:
            best_k, best_z = k, z
    if best_k == 1 or not cuts:
        return plain
    # cut into best_k runs of rows of about equal height
    bounds, target, start_y = [], height / best_k, 0.0
    for r in cuts:
        if rows[r + 1] - start_y >= target and len(bounds) < best_k - 1:
            bounds.append(r)
            start_y = rows[r + 1]
    lo_col = min(cols)
    out, x0, first_row = {}, 0.0, 0
    for end in bounds + [max(rows)]:
        members = [u for u, (_, _, r) in cells.items() if first_row <= r <= end]
        y0 = rows[first_row]
        span = max(cells[u][0] for u in members) - lo_col
        for u in members:
            c, y, _ = cells[u]
            out[u] = (x0 + (c - lo_col) * COL_STEP, y - y0)
        x0 += span * COL_STEP + CARD_W + SNAKE_GAP + (COL_STEP - CARD_W)
        first_row = end + 1
    return out


def _unit_graph(graph: Graph, unit_of: dict[str, str]):
    units = list(dict.fromkeys(unit_of[n.id] for n in graph.nodes))
    succ: dict[str, list[str]] = {u: [] for u in units}
    pred: dict[str, list[tuple[str, int]]] = {u: [] for u in units}
    seen: set[tuple[str, str]] = set()
    for e in graph.edges:
        a, b = unit_of.get(e.source), unit_of.get(e.target)
        if a is None or b is None or a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        succ[a].append(b)
        pred[b].append((a, e.port))
    return units, succ, pred


def auto_layout(graph: Graph, wrap: bool | None = None) -> dict[str, tuple[float, float]]:
    """Positions {node_id: (x, y)} for a tidy top-to-bottom drawing of ``graph``.

    A collapsed stage or block is one card: its layers all sit at the card's place. A graph
    with stages (the overview of a deep net) may wrap into columns (``wrap``; default: when
    it has stages) so that it fits a 1600×1000 window at a legible zoom."""
    nodes = [n.id for n in graph.nodes]
    if not nodes:
        return {}
    staged = bool(graph.stages)
    wrap = staged if wrap is None else wrap
    unit_of, key_of = _units(graph)
    units, succ, pred = _unit_graph(graph, unit_of)
    indeg = {u: len(pred[u]) for u in units}
    order = _topo(units, succ, indeg)
    if order is None:  # a cycle (should not happen): a plain column in insertion order
        return {n: (0.0, i * ROW_STEP) for i, n in enumerate(nodes)}
    is_input = {u: False for u in units}
    for n in graph.nodes:
        if n.type == "Input":
            is_input[unit_of[n.id]] = True
    rank = {u: i for i, u in enumerate(order)}
    comps = _components(units, succ, pred)
    # the component holding the Input (or the largest) first
    comps.sort(key=lambda c: (not any(is_input[u] for u in c), -len(c)))
    out: dict[str, tuple[float, float]] = {}
    x0 = 0.0
    # single unconnected nodes (just dropped on the canvas) go in one column at the right
    loose = [c[0] for c in comps if len(c) == 1 and not is_input[c[0]]]
    comps = [c for c in comps if len(c) > 1 or is_input[c[0]]]
    gap = STAGE_GAP + 30 if staged else STAGE_GAP  # room for a stage frame and a block frame
    for i, comp in enumerate(comps):
        corder = sorted(comp, key=rank.__getitem__)
        cells = _layout_component(corder, succ, pred, key_of, gap)
        placed = _snake(cells, succ) if (wrap and i == 0) else {u: (c * COL_STEP, y) for u, (c, y, _) in
                                                               cells.items()}
        lo = min(x for x, _ in placed.values())
        hi = max(x for x, _ in placed.values())
        shift = x0 - lo if out else 0.0
        for u, (x, y) in placed.items():
            out[u] = (x + shift, y)
        x0 = hi + shift + COMPONENT_GAP
    for i, u in enumerate(loose):
        out[u] = (x0, i * ROW_STEP)
    return {n: out[unit_of[n]] for n in nodes}


def apply_positions(graph: Graph, positions: dict[str, tuple[float, float]]) -> Graph:
    """Move the nodes to ``positions`` (not an undoable edit: for building and loading)."""
    for nid, pos in positions.items():
        if graph.has_node(nid):
            graph.move(nid, pos)
    return graph
