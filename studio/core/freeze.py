"""Which layers are frozen: pure Python over the graph (no torch), for the summary, the canvas
locks, the status bar and the window's undo commands.

The project keeps the frozen layers in one place: ``project.training["freeze"]``, a
comma-separated list of layer names or name prefixes (``layer1`` covers ``layer1.0.conv1``),
the same text ``cnn-studio train --freeze`` takes. Layer names are node ids, which are the
module names of the compiled network (and so the state_dict prefixes).
"""
from __future__ import annotations

from .graph import Graph

FREEZE_KEY = "freeze"


def parse_names(text) -> list[str]:
    if not text:
        return []
    parts = text if isinstance(text, list) else str(text).split(",")
    out: list[str] = []
    for p in (s.strip() for s in parts):
        if p and p not in out:
            out.append(p)
    return out


def matches(name: str, prefixes: list[str]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def frozen_text(project) -> str:
    return str((project.training or {}).get(FREEZE_KEY) or "")


def frozen_ids(graph: Graph, text) -> set[str]:
    """The node ids covered by the freeze names (every node, with weights or not)."""
    names = parse_names(text)
    return {n.id for n in graph.nodes if matches(n.id, names)} if names else set()


def split_params(analysis, graph: Graph, text) -> tuple[int, int]:
    """(trainable, frozen) learnable parameters of an analysed graph."""
    ids = frozen_ids(graph, text)
    frozen = sum(c.params for nid, c in analysis.costs.items() if nid in ids)
    return analysis.trainable_params - frozen, frozen


def with_frozen(graph: Graph, text, ids, frozen: bool) -> str:
    """The freeze text after freezing (or unfreezing) the nodes ``ids``, written as the shortest
    names that cover exactly the frozen layers (a whole stage becomes its name: ``layer1``)."""
    now = frozen_ids(graph, text)
    now = (now | set(ids)) if frozen else (now - set(ids))
    all_ids = [n.id for n in graph.nodes]
    out: list[str] = []
    for nid in all_ids:
        if nid not in now or matches(nid, out):
            continue
        parts = nid.split(".")
        for i in range(1, len(parts) + 1):
            prefix = ".".join(parts[:i])
            members = [m for m in all_ids if matches(m, [prefix])]
            if all(m in now for m in members):
                out.append(prefix)
                break
    return ",".join(out)
