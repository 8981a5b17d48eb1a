"""Validation and shape inference.

:func:`validate` checks the structure with networkx (one Input, no cycles, everything
reachable from the Input and reaching the single output, arity per layer), then infers
shapes, parameter counts and MACs in topological order. Every problem becomes an
:class:`Issue` that names the node, the numbers, and a fix where one is obvious.
"""
from __future__ import annotations

import dataclasses
import heapq
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from .errors import ShapeError, fill
from .fixes import Fix, make_fix
from .i18n import QT_TRANSLATE_NOOP
from .graph import Edge, Graph, Node
from .receptive import Field
from .receptive import compute as compute_fields
from .spec import Costs, LayerSpec, Shape, fmt_shape, get_spec, prod
from .text import clip

ERROR = "error"
WARNING = "warning"


@dataclass
class Issue:
    node: str | None
    severity: str
    message: str
    fix: Fix | None = None
    template: str = ""  # the message as a template marked under "Errors" (the window translates it)
    args: dict[str, Any] = field(default_factory=dict)  # the template's values

    def to_dict(self) -> dict[str, Any]:
        d = {"node": self.node, "severity": self.severity, "message": self.message}
        if self.fix is not None:
            d["fix"] = self.fix.label
        return d

    def __str__(self) -> str:
        return f"{self.severity}: {self.message}"


def issue(node: str | None, severity: str, template: str, fix: Fix | None = None, **args: Any) -> Issue:
    """An Issue whose message is ``template`` (marked ``QT_TRANSLATE_NOOP("Errors", ...)``) filled in
    with ``args``; the window shows it translated (studio/gui/fields.py issue_message)."""
    return Issue(node, severity, fill(template, args), fix, template, args)


@dataclass
class LayerRow:
    id: str
    type: str
    name: str
    in_shapes: list[Shape]
    output_shape: Shape | None
    params: int
    buffers: int
    macs: int
    field: Field | None = None  # receptive field and jump (image outputs only)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "output_shape": list(self.output_shape) if self.output_shape is not None else None,
            "params": self.params,
            "buffers": self.buffers,
            "macs": self.macs,
            "receptive_field": self.field.size_json if self.field is not None else None,
            "jump": self.field.jump_json if self.field is not None else None,
        }


@dataclass
class Analysis:
    issues: list[Issue] = field(default_factory=list)
    order: list[str] = field(default_factory=list)  # topological order (all nodes when acyclic)
    shapes: dict[str, Shape] = field(default_factory=dict)
    in_shapes: dict[str, list[Shape]] = field(default_factory=dict)
    costs: dict[str, Costs] = field(default_factory=dict)
    input_id: str | None = None
    output_id: str | None = None
    names: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    # receptive field and jump per layer, computed on first use (see studio.core.receptive)
    _rf: dict[str, Field] | None = field(default=None, repr=False)
    _rf_inputs: tuple | None = field(default=None, repr=False)  # (params by node, input nodes by node)

    @property
    def receptive(self) -> dict[str, Field]:
        if self._rf is None:
            self._rf = compute_fields(self, *self._rf_inputs) if self._rf_inputs is not None else {}
        return self._rf

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def issues_for(self, node_id: str) -> list[Issue]:
        return [i for i in self.issues if i.node == node_id]

    @property
    def trainable_params(self) -> int:
        return sum(c.params for c in self.costs.values())

    @property
    def buffers(self) -> int:
        return sum(c.buffers for c in self.costs.values())

    @property
    def total_params(self) -> int:
        return self.trainable_params

    @property
    def macs(self) -> int:
        return sum(c.macs for c in self.costs.values())

    @property
    def output_shape(self) -> Shape | None:
        return self.shapes.get(self.output_id) if self.output_id else None

    def activation_bytes(self, batch: int = 1) -> int:
        """Float32 bytes of every layer's output for a batch (the forward pass keeps them
        for the backward pass)."""
        return 4 * batch * sum(prod(s) for s in self.shapes.values())

    def memory_estimate(self, batch: int = 1) -> dict[str, int]:
        act = self.activation_bytes(batch)
        par = 4 * (self.trainable_params + self.buffers)
        inp = 4 * batch * prod(self.shapes[self.input_id]) if self.input_id in self.shapes else 0
        return {
            "batch_size": batch,
            "input_bytes": inp,
            "activation_bytes": act,
            "param_bytes": par,
            # forward activations + their gradients, weights + grads + two Adam moments
            "training_bytes_estimate": 2 * act + 4 * 4 * self.trainable_params + 4 * self.buffers,
        }

    def rows(self) -> list[LayerRow]:
        out = []
        for nid in self.order:
            c = self.costs.get(nid, Costs())
            out.append(LayerRow(nid, self.types[nid], self.names[nid], self.in_shapes.get(nid, []),
                                self.shapes.get(nid), c.params, c.buffers, c.macs, self.receptive.get(nid)))
        return out


def _who(spec_title: str, name: str) -> str:
    return f"{spec_title} '{clip(name)}'"


def _topo_order(nodes: dict, outs: dict[str, list[str]], indeg: dict[str, int]) -> list[str]:
    """Kahn's algorithm; among ready nodes the one added to the graph first goes first, so
    the order reads like the author built it. Nodes on or behind a cycle are left out."""
    rank = {nid: i for i, nid in enumerate(nodes)}
    deg = dict(indeg)
    ready = [rank[n] for n, d in deg.items() if d == 0]
    heapq.heapify(ready)
    ids = list(nodes)
    order = []
    while ready:
        nid = ids[heapq.heappop(ready)]
        order.append(nid)
        for m in outs[nid]:
            deg[m] -= 1
            if deg[m] == 0:
                heapq.heappush(ready, rank[m])
    return order


def _cycles(nodes: dict, edges, done: set[str]) -> list[list[str]]:
    """Each cycle (as a node list) among the nodes the topological sort could not place."""
    G = nx.DiGraph()
    G.add_nodes_from(n for n in nodes if n not in done)
    G.add_edges_from((e.source, e.target) for e in edges if e.source not in done and e.target not in done)
    rank = {nid: i for i, nid in enumerate(nodes)}
    found = []
    for comp in sorted(nx.strongly_connected_components(G), key=lambda c: min(rank[n] for n in c)):
        if len(comp) > 1 or G.has_edge(next(iter(comp)), next(iter(comp))):
            try:
                found.append([u for u, _ in nx.find_cycle(G.subgraph(comp))])
            except nx.NetworkXNoCycle:  # pragma: no cover
                found.append(sorted(comp))
    return found


@dataclass
class Wiring:
    """The graph as validation reads it: nodes, their specs and names for messages, incoming
    edges in port order and successors."""

    nodes: dict[str, Node]
    specs: dict[str, LayerSpec]
    who: dict[str, str]  # "Conv2d 'conv1'" for messages
    ins: dict[str, list[Edge]]
    outs: dict[str, list[str]]
    edges: list[Edge]

    @classmethod
    def of(cls, graph: Graph, names: dict[str, str]) -> Wiring:
        nodes = graph._nodes  # read only; avoids copying on every keystroke
        by_type: dict[str, LayerSpec] = {}
        for n in nodes.values():
            if n.type not in by_type:
                by_type[n.type] = get_spec(n.type)
        specs = {nid: by_type[n.type] for nid, n in nodes.items()}
        ins: dict[str, list[Edge]] = {nid: [] for nid in nodes}
        outs: dict[str, list[str]] = {nid: [] for nid in nodes}
        edges = graph.edges
        for e in edges:
            ins[e.target].append(e)
            outs[e.source].append(e.target)
        for lst in ins.values():
            if len(lst) > 1:
                lst.sort(key=lambda e: e.port)
        who = {nid: _who(specs[nid].title, names[nid]) for nid in nodes}
        return cls(nodes, specs, who, ins, outs, edges)


def check_input(w: Wiring, a: Analysis) -> None:
    """Exactly one Input; sets ``a.input_id`` (the first one, or None)."""
    inputs = [nid for nid, n in w.nodes.items() if n.type == "Input"]
    if not inputs:
        a.issues.append(issue(None, ERROR, QT_TRANSLATE_NOOP(
            "Errors", "The graph has no Input layer: add one and connect it to the first layer")))
    elif len(inputs) > 1:
        names = ", ".join(f"'{a.names[i]}'" for i in inputs)
        for extra in inputs[1:]:
            a.issues.append(issue(extra, ERROR, QT_TRANSLATE_NOOP(
                "Errors", "The graph has {n} Input layers ({names}); a classifier takes one image: delete '{name}'"),
                make_fix(QT_TRANSLATE_NOOP("Errors", "Delete '{name}'"), {"name": a.names[extra]}, "remove_node",
                         node=extra),
                n=len(inputs), names=names, name=a.names[extra]))
    a.input_id = inputs[0] if inputs else None


def check_cycles(w: Wiring, a: Analysis) -> list[str]:
    """The topological order (every node when the graph is acyclic); each cycle, named by
    networkx, becomes an error."""
    order = _topo_order(w.nodes, w.outs, {nid: len(v) for nid, v in w.ins.items()})
    if len(order) != len(w.nodes):
        for cyc in _cycles(w.nodes, w.edges, set(order)):
            path = " → ".join(f"'{a.names[n]}'" for n in cyc + cyc[:1])
            a.issues.append(issue(cyc[0], ERROR, QT_TRANSLATE_NOOP(
                "Errors", "Cycle: {path}. A network must flow one way: remove one of these connections"), path=path))
    return order


def check_arity(w: Wiring, a: Analysis) -> set[str]:
    """Every layer has as many inputs as its spec takes, on distinct ports; returns the
    nodes that do not."""
    bad = set()
    for nid, spec in w.specs.items():
        n_in = len(w.ins[nid])
        lo, hi = spec.arity
        who = w.who[nid]
        if n_in < lo or (hi is not None and n_in > hi):
            bad.add(nid)
            if hi == 0:
                msg = QT_TRANSLATE_NOOP("Errors", "{who} takes no input but has {n}: remove the connection")
            elif lo == hi:
                msg = (QT_TRANSLATE_NOOP("Errors", "{who} needs its input connected") if n_in == 0
                       else QT_TRANSLATE_NOOP("Errors", "{who} takes {lo} input but has {n}: remove the extra connections"))
            else:
                msg = QT_TRANSLATE_NOOP("Errors",
                                        "{who} needs at least {lo} inputs but has {n}: connect another branch into it")
            a.issues.append(issue(nid, ERROR, msg, who=who, n=n_in, lo=lo))
        if n_in > 1 and len({e.port for e in w.ins[nid]}) != n_in:
            bad.add(nid)
            a.issues.append(issue(nid, ERROR, QT_TRANSLATE_NOOP("Errors", "{who} has two connections into the same input"),
                                  who=who))
    return bad


def check_reach(w: Wiring, a: Analysis, arity_bad: set[str]) -> set[str]:
    """The nodes reachable from the Input; the others (but those with wrong arity) are errors."""
    if a.input_id is None:
        return set()
    reach = {a.input_id}
    stack = [a.input_id]
    while stack:
        for m in w.outs[stack.pop()]:
            if m not in reach:
                reach.add(m)
                stack.append(m)
    for nid in w.nodes:
        if nid not in reach and nid not in arity_bad and w.nodes[nid].type != "Input":
            a.issues.append(issue(nid, ERROR, QT_TRANSLATE_NOOP(
                "Errors", "{who} is not connected to the Input: connect its input to the layer before it"),
                who=w.who[nid]))
    return reach


def choose_output(w: Wiring, a: Analysis, reach: set[str], acyclic: bool) -> None:
    """Sets ``a.output_id``: the deepest dead end (the last one when the depth cannot be
    told); the other dead ends are errors, and so is an Input connected to nothing."""
    sinks = [nid for nid in a.order if not w.outs[nid] and (nid in reach or a.input_id is None)]
    if sinks:
        if acyclic and a.input_id is not None and len(sinks) > 1:
            pos = {nid: i for i, nid in enumerate(a.order)}
            depth = {a.input_id: 0}
            for nid in a.order:
                if nid in depth:
                    for m in w.outs[nid]:
                        depth[m] = max(depth.get(m, 0), depth[nid] + 1)
            a.output_id = max(sinks, key=lambda s: (depth.get(s, -1), pos[s]))
        else:
            a.output_id = sinks[-1]
        for s in sinks:
            if s != a.output_id and w.nodes[s].type != "Input":
                a.issues.append(issue(s, ERROR, QT_TRANSLATE_NOOP(
                    "Errors", "{who} is a dead end: its output goes nowhere, but the network has one output "
                    "('{output}'); connect it onward or delete it"), who=w.who[s], output=a.names[a.output_id]))
    if a.output_id == a.input_id and a.input_id is not None:
        a.issues.append(issue(a.input_id, ERROR, QT_TRANSLATE_NOOP(
            "Errors", "The Input is not connected to anything: connect it to the first layer")))


def infer_shapes(w: Wiring, a: Analysis, arity_bad: set[str]) -> None:
    """Shapes, parameter counts and MACs in topological order (an acyclic graph); a layer
    whose input has no shape is skipped (the problem is reported upstream)."""
    for nid in a.order:
        if nid in arity_bad:
            continue
        spec = w.specs[nid]
        if spec.arity[1] == 0:
            in_shapes: list[Shape] = []
        else:
            try:
                in_shapes = [a.shapes[e.source] for e in w.ins[nid]]
            except KeyError:
                continue  # an upstream problem; reported there
        a.in_shapes[nid] = in_shapes
        params = w.nodes[nid].params
        try:
            out = tuple(map(int, spec.infer(params, in_shapes, who=w.who[nid])))
        except ShapeError as exc:
            fix = dataclasses.replace(exc.fix, node=nid) if exc.fix is not None else None
            a.issues.append(Issue(nid, ERROR, str(exc), fix, exc.template or "", exc.message_args))
            continue
        a.shapes[nid] = out
        a.costs[nid] = spec.costs(params, in_shapes, out)


def check_output(w: Wiring, a: Analysis, num_classes: int | None) -> None:
    """Warnings about the output: a trailing Softmax, not a vector, not one score per class."""
    out_id = a.output_id
    if out_id is None or out_id not in a.shapes or out_id == a.input_id:
        return
    shape = a.shapes[out_id]
    who = w.who[out_id]
    if w.nodes[out_id].type == "Softmax":
        a.issues.append(issue(out_id, WARNING, QT_TRANSLATE_NOOP(
            "Errors", "{who} ends the network, but the cross-entropy loss already applies log-softmax: training "
            "uses the scores before it. Delete it for a cleaner model"),
            make_fix(QT_TRANSLATE_NOOP("Errors", "Delete '{name}'"), {"name": a.names[out_id]}, "remove_node",
                     node=out_id), who=who))
    if len(shape) != 1:
        a.issues.append(issue(out_id, WARNING, QT_TRANSLATE_NOOP(
            "Errors", "The network's output is {shape}, not a vector of class scores: end with Flatten and Linear"),
            shape=fmt_shape(shape)))
    elif num_classes is not None and shape[0] != num_classes:
        last_linear = out_id
        while w.nodes[last_linear].type not in ("Linear", "Input") and len(w.ins[last_linear]) == 1:
            last_linear = w.ins[last_linear][0].source
        fix = None
        if w.nodes[last_linear].type == "Linear":
            fix = make_fix(QT_TRANSLATE_NOOP("Errors", "Set out_features={n} on '{name}'"),
                           {"n": num_classes, "name": a.names[last_linear]}, "set_param",
                           node=last_linear, param="out_features", value=num_classes)
        a.issues.append(issue(out_id, WARNING, QT_TRANSLATE_NOOP(
            "Errors", "The network outputs {scores} scores but the task has {n} classes: set the last Linear's "
            "out_features to {n}"), fix, scores=shape[0], n=num_classes))


def validate(graph: Graph, num_classes: int | None = None) -> Analysis:
    """Check the graph and infer its shapes; every problem is an Issue of the Analysis.

    The steps, in order (each usable on its own): :func:`check_input`, :func:`check_cycles`,
    :func:`check_arity`, :func:`check_reach`, :func:`choose_output`, :func:`infer_shapes`
    (acyclic graphs only; receptive fields follow on first use), :func:`check_output`.
    """
    nodes = graph._nodes
    a = Analysis(names={nid: n.name for nid, n in nodes.items()}, types={nid: n.type for nid, n in nodes.items()})
    if not nodes:
        a.issues.append(issue(None, ERROR, QT_TRANSLATE_NOOP(
            "Errors", "The graph is empty: drag an Input layer onto the canvas to start")))
        return a
    w = Wiring.of(graph, a.names)
    check_input(w, a)
    order = check_cycles(w, a)
    acyclic = len(order) == len(w.nodes)
    arity_bad = check_arity(w, a)
    reach = check_reach(w, a, arity_bad)
    a.order = order if acyclic else list(w.nodes)
    choose_output(w, a, reach, acyclic)
    if acyclic:
        infer_shapes(w, a, arity_bad)
        # receptive fields are computed on first use (Analysis.receptive) from this snapshot:
        # params dicts are replaced, never changed in place, on an edit
        a._rf_inputs = ({nid: n.params for nid, n in nodes.items()},
                        {nid: [e.source for e in lst] for nid, lst in w.ins.items()})
    check_output(w, a, num_classes)
    return a
