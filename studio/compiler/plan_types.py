"""The module plan's records: layers (leaves), containers, steps of a forward, the plan.

Built by :mod:`studio.compiler.plan`, read by the compiler, the code generator and
:mod:`studio.compiler.classes`. No torch here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from studio.core.graph import Graph, Group, Node
from studio.core.spec import holds_module
from studio.core.validate import Analysis

from .groups import single_io

#: a block found in the graph: its group, members, input node and output node
Block = tuple[Group, set[str], str, str]


@dataclass
class Leaf:
    node_id: str
    type: str
    cls: str  # torch.nn class name (or a class of studio.compiler.modules)
    kwargs: dict
    label: str = ""
    kind: str = "leaf"  # "param": a parameter of the enclosing module (LayerScale), not a module

    @property
    def nodes(self) -> set[str]:
        return {self.node_id}

    @property
    def output(self) -> str:
        return self.node_id


@dataclass
class Op:
    node_id: str
    type: str  # a merge layer type (its spec's ``merge``: add, concat, multiply)


@dataclass
class Step:
    target: tuple | Op  # path of a unit relative to its scope, or an Op
    inputs: list[str]  # graph node ids feeding it, port order
    output: str  # graph node id it produces


@dataclass
class Container:
    kind: str  # root | block | seq | dict
    prefix: tuple[str, ...]
    children: dict = field(default_factory=dict)  # name -> Leaf | Container
    group: Group | None = None
    inputs: list[str] = field(default_factory=list)
    output: str = ""
    nodes: set[str] = field(default_factory=set)
    steps: list[Step] = field(default_factory=list)
    input_node: str = ""  # root/block: the node whose value enters forward as x
    class_name: str = ""  # block: its generated class
    block_class: object = None  # block: its classes.BlockClass
    share: tuple = ()  # user block: its structure key (equal keys share a class)
    class_base: str = ""  # user block: the base of its class name

    def child(self, path: tuple):
        item = self
        for name in path:
            item = item.children[name]
        return item


@dataclass
class ModulePlan:
    root: Container
    paths: dict[str, str]  # layer node id -> dotted module path
    analysis: Analysis
    blocks: list[Container]  # every block, innermost first
    classes: list = field(default_factory=list)  # classes.BlockClass, in definition order
    flat: list = field(default_factory=list)  # (group name, why it is not a block), graph order


@dataclass
class Flow:
    """The graph as the plan reads it: nodes by id, successors and predecessors (port order)
    and each node's position in the topological order."""

    nodes: dict[str, Node]
    succ: dict[str, list[str]]
    preds: dict[str, list[str]]
    pos: dict[str, int]
    analysis: Analysis

    @classmethod
    def of(cls, graph: Graph, analysis: Analysis) -> Flow:
        nodes = {n.id: n for n in graph.nodes}
        succ: dict[str, list[str]] = {nid: [] for nid in nodes}
        for e in graph.edges:
            succ[e.source].append(e.target)
        preds = {nid: graph.predecessors(nid) for nid in nodes}
        return cls(nodes, succ, preds, {nid: i for i, nid in enumerate(analysis.order)}, analysis)

    @property
    def out_id(self) -> str:
        return self.analysis.output_id

    def holds_module(self, nid: str) -> bool:
        return holds_module(self.nodes[nid].type)

    def single_io(self, members: set[str]) -> tuple[str, str] | str:
        return single_io(members, self.preds, self.succ, self.out_id, self.pos)


class Trie:
    """Layer ids as a prefix tree of their dotted components."""

    def __init__(self):
        self.children: dict[str, Trie] = {}
        self.leaf: str | None = None

    def find(self, prefix: Iterable[str]) -> Trie | None:
        t = self
        for c in prefix:
            t = t.children.get(c)
            if t is None:
                return None
        return t

    def leaves(self) -> set[str]:
        out = {self.leaf} if self.leaf else set()
        for c in self.children.values():
            out |= c.leaves()
        return out
