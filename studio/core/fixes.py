"""One-click fixes that validation offers ("Insert Flatten", "Set in_features=576").

A :class:`Fix` is plain data. :func:`fix_steps` turns it into primitive graph edits
(the GUI wraps each in an undo command); :func:`apply_fix` performs them directly.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import fill
from .graph import Graph
from .layout import insert_above, insert_below


@dataclass(frozen=True)
class Fix:
    label: str  # what the button says, e.g. "Insert Flatten before 'fc1'"
    action: str  # "insert_before" | "set_param" | "remove_node"  (insert_before also moves layers to make room)
    node: str = ""  # filled in by validation
    layer_type: str = ""  # for insert_before
    params: tuple[tuple[str, Any], ...] = ()  # for insert_before: the new node's parameters
    port: int = 0  # for insert_before: which input of ``node``
    param: str = ""  # for set_param
    value: Any = None  # for set_param
    template: str = ""  # the label as a template marked under "Errors" (the window translates it)
    args: tuple[tuple[str, Any], ...] = ()  # the template's values


def make_fix(template: str, args: dict[str, Any], action: str, **kw: Any) -> Fix:
    """A Fix whose label is ``template`` (marked ``QT_TRANSLATE_NOOP("Errors", ...)``) filled in
    with ``args``; the window shows it translated (studio/gui/fields.py fix_label)."""
    return Fix(fill(template, args), action, template=template, args=tuple(args.items()), **kw)


def fix_steps(graph: Graph, fix: Fix) -> list[tuple[str, dict[str, Any]]]:
    """The primitive edits that carry out ``fix``: a list of (method, kwargs) on Graph."""
    if fix.action == "set_param":
        return [("set_param", {"node_id": fix.node, "name": fix.param, "value": fix.value})]
    if fix.action == "remove_node":
        return [("remove_node", {"node_id": fix.node})]
    if fix.action == "insert_before":
        edge = next((e for e in graph.in_edges(fix.node) if e.port == fix.port), None)
        new_id = graph.unique_id(fix.layer_type.lower())
        # room as the palette makes it: below the layer that feeds the input, or in front of it
        pos, moves = insert_below(graph, edge.source) if edge is not None else insert_above(graph, fix.node)
        steps: list[tuple[str, dict[str, Any]]] = [("move", {"node_id": n, "pos": p}) for n, p in moves.items()]
        if edge is not None:
            steps.append(("disconnect", {"edge": edge}))
        steps.append(
            ("add_node", {"type_id": fix.layer_type, "params": dict(fix.params), "node_id": new_id, "pos": pos})
        )
        if edge is not None:
            steps.append(("connect", {"source": edge.source, "target": new_id, "port": 0}))
        steps.append(("connect", {"source": new_id, "target": fix.node, "port": fix.port}))
        return steps
    raise ValueError(f"unknown fix action {fix.action!r}")


def apply_fix(graph: Graph, fix: Fix) -> None:
    graph.begin_batch()
    try:
        for method, kwargs in fix_steps(graph, fix):
            getattr(graph, method)(**kwargs)
    finally:
        graph.end_batch()
