"""The stages of a network: the level at which a deep net reads as a whole (ResNet: stem,
layer1…layer4, head; VGG: five conv stages and the classifier; an import: its top-level
modules). Pure Python.

:func:`infer_stages` names them from the graph alone; :func:`add_stages` records them as
groups of kind ``STAGE`` (collapsed, with their blocks collapsed too) so the canvas opens a
deep network as a handful of readable cards. Small networks get no stages.
"""
from __future__ import annotations

from .graph import STAGE, Graph
from .layout import apply_positions, auto_layout

DEEP = 30  # a graph with more layers than this opens as stages
_POOLS = ("MaxPool2d", "AvgPool2d")
_HEAD_START = ("AdaptiveAvgPool2d", "Flatten", "Linear", "GlobalAvgPool")


def _order(graph: Graph) -> list[str]:
    """A topological order (insertion order among equals)."""
    indeg = {n.id: len(graph.in_edges(n.id)) for n in graph.nodes}
    ready = [n for n, d in indeg.items() if d == 0]
    out, i = [], 0
    while i < len(ready):
        n = ready[i]
        i += 1
        out.append(n)
        for m in graph.successors(n):
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
    return out if len(out) == len(graph) else [n.id for n in graph.nodes]


def _maximal(sets: list[frozenset]) -> list[bool]:
    """For each set: True when no other set holds it strictly (sets may overlap any way).

    Largest first; each node keeps a bit mask of the maximal sets found so far that hold it,
    so "is S inside one of them" is the AND of the masks of S's nodes: O(total members × number
    of maximal sets / 64) word operations instead of comparing every pair of sets (20,000 groups
    of a 1 MB project: well under a second instead of minutes). Equal sets are all maximal."""
    masks: dict[str, int] = {}
    found = 0
    result = [False] * len(sets)
    by_size = sorted(range(len(sets)), key=lambda i: -len(sets[i]))
    i = 0
    while i < len(by_size):
        j = i  # sets of one size never hold each other strictly: test them all, then record them
        size = len(sets[by_size[i]])
        while j < len(by_size) and len(sets[by_size[j]]) == size:
            j += 1
        batch = []
        for k in by_size[i:j]:
            inside = -1
            for n in sets[k]:
                inside &= masks.get(n, 0)
                if not inside:
                    break
            if not inside:
                result[k] = True
                batch.append(k)
        for k in batch:
            bit = 1 << found
            found += 1
            for n in sets[k]:
                masks[n] = masks.get(n, 0) | bit
        i = j
    return result


def _outer_groups(graph: Graph, order: list[str]):
    """The groups not nested in another group, in flow order of their first layer."""
    groups = [g for g in graph.groups if g.nodes]
    distinct: dict[frozenset, int] = {}
    index = [distinct.setdefault(frozenset(g.nodes), len(distinct)) for g in groups]
    keep = _maximal(list(distinct))
    outer = [g for g, k in zip(groups, index) if keep[k]]
    pos = {n: i for i, n in enumerate(order)}
    return sorted(outer, key=lambda g: min(pos.get(n, 0) for n in g.nodes))


def _by_block_prefix(graph: Graph, order: list[str]) -> list[tuple[str, list[str]]] | None:
    """Stages as the prefixes of the outermost blocks ('layer1.0', 'layer1.1' -> 'layer1';
    EfficientNet's 'features.2.0', 'features.2.1' -> 'features.2')."""
    prefix_of: dict[str, str] = {}
    for g in _outer_groups(graph, order):
        if "." not in g.name:
            continue
        p = g.name.rsplit(".", 1)[0]
        for n in g.nodes:
            prefix_of.setdefault(n, p)
    if len(set(prefix_of.values())) < 2:
        return None
    stages: dict[str, list[str]] = {}
    for n in order:
        if n in prefix_of:
            stages.setdefault(prefix_of[n], []).append(n)
    return list(stages.items())


def _by_outer_blocks(graph: Graph, order: list[str]) -> list[tuple[str, list[str]]] | None:
    """No common stage names (DenseNet's dense blocks and transitions, GoogLeNet's inception
    modules, MobileNet's inverted residuals): the outermost blocks themselves are the overview,
    with a stem before them and a head after them. Returns just the stem and head stages
    (the blocks are collapsed where they are), or None when there are fewer than 3 blocks."""
    outer = _outer_groups(graph, order)
    if len(outer) < 3:
        return None
    inside = {n for g in outer for n in g.nodes}
    pos = {n: i for i, n in enumerate(order)}
    first = min(pos[n] for n in inside)
    last = max(pos[n] for n in inside)
    stem = [n for n in order[:first] if graph.node(n).type != "Input"]
    head = [n for n in order[last + 1:]]
    return [(name, ids) for name, ids in (("stem", stem), ("head", head)) if ids]


def _by_pools(graph: Graph, order: list[str]) -> list[tuple[str, list[str]]] | None:
    """A plain stack (VGG, AlexNet): a stage ends at each pooling layer."""
    if any(len(graph.successors(n)) > 1 for n in order):
        return None
    stages, cur = [], []
    for n in order:
        t = graph.node(n).type
        if t == "Input":
            continue
        if t in _HEAD_START and any(graph.node(m).type == "Conv2d" for s in stages for m in s):
            break
        cur.append(n)
        if t in _POOLS:
            stages.append(cur)
            cur = []
    if len(stages) < 2:
        return None
    return [(f"stage{i}", s) for i, s in enumerate(stages, start=1)]


def infer_stages(graph: Graph) -> list[tuple[str, list[str]]]:
    """[(name, node ids)] in flow order: a stem before the first stage and a head after the
    last where there are layers left over. The Input layer stays outside every stage."""
    order = _order(graph)
    found = _by_block_prefix(graph, order)
    if not found:
        ends = _by_outer_blocks(graph, order)
        if ends is not None:
            return ends
        found = _by_pools(graph, order)
    if not found:
        return []
    inside = {n for _, ns in found for n in ns}
    pos = {n: i for i, n in enumerate(order)}
    first = min(pos[n] for n in found[0][1])
    last = max(pos[n] for _, ns in found for n in ns)
    stem = [n for n in order[:first] if n not in inside and graph.node(n).type != "Input"]
    head = [n for n in order[last + 1:] if n not in inside]
    names = {name for name, _ in found}
    out = ([("stem", stem)] if stem and "stem" not in names else []) + found
    if head:
        out.append(("head" if "head" not in names else "classifier", head))
    return out


def add_stages(graph: Graph, collapse: bool = True, min_layers: int = DEEP) -> list[str]:
    """Record the stages of a deep graph (nothing when it has stages already, is small, or a
    stage name is taken); with ``collapse`` the stages and their blocks start collapsed.
    Not an undoable edit: for opening a network. Returns the stage names."""
    if graph.stages or len(graph) <= min_layers:
        return []
    found = infer_stages(graph)
    taken = {g.name for g in graph.all_groups}
    outer_blocks = _by_block_prefix(graph, _order(graph)) is None and _by_outer_blocks(graph, _order(graph))
    if (len(found) < 2 and not outer_blocks) or any(name in taken for name, _ in found):
        return []
    graph.begin_batch()
    try:
        for name, ids in found:
            graph.add_group(name, ids, collapsed=collapse, kind=STAGE)
        if collapse:
            inside = {n for _, ids in found for n in ids}
            if outer_blocks:  # the blocks are the overview: collapse every one of them
                inside |= {n for g in graph.groups for n in g.nodes}
            for g in graph.groups:
                if set(g.nodes) <= inside and not g.collapsed:
                    graph.set_group_collapsed(g.name, True)
    finally:
        graph.end_batch()
    return [name for name, _ in found]


def open_overview(graph: Graph) -> bool:
    """Open a deep network as its overview: stages added and collapsed, and laid out (not an
    undoable edit; a graph that has stages, e.g. a saved project, keeps its own layout)."""
    if not add_stages(graph):
        return False
    apply_positions(graph, auto_layout(graph))
    return True


def stage_of(graph: Graph) -> dict[str, str]:
    """node id -> the name of its stage."""
    return graph.membership().stage_of


def group_summary(graph: Graph, analysis, name: str) -> dict:
    """What a collapsed card shows: input and output shape (None where unknown), trainable
    parameters, MACs, the number of layers and of blocks inside."""
    g = graph.group(name)
    members = set(g.nodes)
    ins = [analysis.in_shapes.get(n) for n in g.nodes
           if any(e.source not in members for e in graph.in_edges(n))]
    outs = [analysis.shapes.get(n) for n in g.nodes
            if any(e.target not in members for e in graph.out_edges(n)) or n == analysis.output_id]
    costs = [analysis.costs.get(n) for n in g.nodes]
    blocks = [b for b in graph.groups if b.nodes and set(b.nodes) <= members] if g.kind == STAGE else []
    return {
        "in_shape": ins[0][0] if ins and ins[0] else None,
        "out_shape": outs[-1] if outs else None,
        "params": sum(c.params for c in costs if c is not None),
        "macs": sum(c.macs for c in costs if c is not None),
        "layers": len(g.nodes),
        "blocks": len(blocks),
        "kind": blocks[0].kind if blocks and all(b.kind == blocks[0].kind for b in blocks) else "",
    }
