"""The value types of the graph document (nodes, edges, groups, the answer of a connect
check) and the one id scheme: :func:`fresh_id` gives every new node its id (adding a layer,
pasting, inserting a block), :func:`fresh_name` every pasted label and group name."""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any, Iterable

from .spec import get_spec

ID_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]{0,99}$")  # what a node id may be
_BAD_ID_CHARS = re.compile(r"[^A-Za-z0-9_.\-]")


@dataclass
class Node:
    id: str
    type: str
    params: dict[str, Any]
    label: str = ""
    pos: tuple[float, float] = (0.0, 0.0)

    @property
    def name(self) -> str:
        return self.label or self.id

    @property
    def spec(self):
        return get_spec(self.type)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "type": self.type, "params": copy.deepcopy(self.params)}
        if self.label:
            d["label"] = self.label
        d["pos"] = [round(float(self.pos[0]), 2), round(float(self.pos[1]), 2)]
        return d


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    port: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "port": self.port}


STAGE = "stage"  # the kind of a presentation group: a stage of the network (ResNet layer1)


@dataclass
class Group:
    """A named block of nodes (e.g. a ResNet BasicBlock); collapsible on the canvas and
    exported as a block class. A group of kind ``STAGE`` is for reading only (the canvas's
    overview level, the diagram's stages): it may hold blocks, never shapes the code, and is
    left out of :attr:`Graph.groups` (see :attr:`Graph.stages`)."""

    name: str
    nodes: list[str]
    collapsed: bool = False
    kind: str = ""  # e.g. "BasicBlock": groups of one kind share structure

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "nodes": list(self.nodes), "collapsed": self.collapsed}
        if self.kind:
            d["kind"] = self.kind
        return d


class ConnectReason(str, Enum):
    """Why two ports may or may not be connected (:meth:`Graph.can_connect`)."""

    OK = "ok"
    MISSING = "missing"  # one of the layers does not exist
    SELF = "self"  # a layer into itself
    NO_INPUT = "no_input"  # the target takes no input (an Input layer)
    NO_PORT = "no_port"  # the port number is out of range
    DUPLICATE = "duplicate"  # the same source already feeds this single-input layer
    PORT_TAKEN = "port_taken"  # the input is occupied (only when replacing is not allowed)
    CYCLE = "cycle"  # the target already feeds the source


@dataclass(frozen=True)
class ConnectCheck:
    """The answer of :meth:`Graph.can_connect`: a reason and the sentence for a person."""

    reason: ConnectReason
    message: str = ""
    port: int | None = None  # the port the edge would take (when known)

    @property
    def ok(self) -> bool:
        return self.reason is ConnectReason.OK

    def __bool__(self) -> bool:
        return self.ok


def fresh_id(base: str, taken: Iterable[str] | dict | set) -> str:
    """A node id like ``base`` that is not in ``taken``: unusable characters become ``_``, a
    leading non-letter gets ``n_``, and a clash counts the trailing number up
    (``conv1`` -> ``conv2``; ``relu`` -> ``relu2``)."""
    taken = taken if isinstance(taken, (set, dict, frozenset)) else set(taken)
    base = _BAD_ID_CHARS.sub("_", base) or "node"
    if not re.match(r"[A-Za-z_]", base):
        base = "n_" + base
    if base not in taken:
        return base
    m = re.match(r"^(.*?)(\d+)$", base)
    stem, n = (m.group(1), int(m.group(2)) + 1) if m else (base, 2)
    while f"{stem}{n}" in taken:
        n += 1
    return f"{stem}{n}"


def fresh_name(name: str, used: Iterable[str]) -> str:
    """A label or group name like ``name`` that is not in ``used``: ``name (2)``, ``name (3)``…"""
    used = used if isinstance(used, (set, dict, frozenset)) else set(used)
    if name not in used:
        return name
    n = 2
    while f"{name} ({n})" in used:
        n += 1
    return f"{name} ({n})"


@dataclass(frozen=True)
class Membership:
    """Which stage and which block each node belongs to (:meth:`Graph.membership`): what the
    canvas frames and cards, the layout and the diagram group by."""

    stage_of: dict[str, str]  # node -> its stage
    block_of: dict[str, str]  # node -> the first block (non-stage group) holding it
    group_of: dict[str, str]  # node -> its innermost group: the block, else the stage
    inside_collapsed_stage: frozenset[str]  # blocks drawn as part of a collapsed stage's card

    @classmethod
    def of(cls, groups: Iterable[Group]) -> "Membership":
        groups = list(groups)
        stages = [g for g in groups if g.kind == STAGE]
        stage_of = {n: g.name for g in stages for n in g.nodes}
        block_of: dict[str, str] = {}
        for g in groups:
            if g.kind != STAGE:
                for n in g.nodes:
                    block_of.setdefault(n, g.name)
        group_of = {n: block_of.get(n) or stage_of[n] for n in {**stage_of, **block_of}}
        collapsed = {g.name for g in stages if g.collapsed and g.nodes}
        inner = frozenset(g.name for g in groups
                          if g.kind != STAGE and any(stage_of.get(n) in collapsed for n in g.nodes))
        return cls(stage_of, block_of, group_of, inner)
