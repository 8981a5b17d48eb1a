"""Block classes: ONE generated class per block kind, its differences as constructor arguments.

Blocks of one kind (a template's ``Bottleneck``, ``InvertedResidual``, ``DenseBlock``...) get
one class, as torchvision writes them:

* values that differ between the instances become arguments, named for what they are
  (:mod:`studio.compiler.class_args`: ``in_channels``, ``planes`` with ``expansion``,
  ``expand_ratio``, ``kernel_size``, ``drop_rate``), and values that follow from others are
  written as expressions (``planes * self.expansion``, ``kernel_size // 2``);
* variants with fewer parts (no ``downsample``, no expansion layer, no residual ``+``) merge
  into the largest one with those parts under a condition (:mod:`studio.compiler.variants`),
  found from the arguments where it can (``if stride != 1 or in_channels != planes * ...``);
* blocks that are N equal sub-blocks fed densely (DenseNet) or in a chain become a loop over
  ``num_layers`` (:mod:`studio.compiler.loops`).

No torch here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from studio.core.spec import get_spec

from .plan_types import Container, Op

MISSING = object()


class Arg(str):
    """A constructor argument (or an expression of them) used as a value in a class template."""


def kwarg_default(layer_type: str, kw: str):
    """The value of torch keyword ``kw`` when a layer's kwargs leave it out: the spec's
    parameter default (a spec's ``torch_module`` omits a keyword exactly when it has torch's
    default; a test checks every spec against torch's signatures). MISSING if none."""
    try:
        return get_spec(layer_type).param(kw).default
    except KeyError:
        return MISSING


def leaf_types(c: Container, path: tuple = ()) -> dict[tuple, str]:
    """Leaf path -> layer type, through sequences and namespaces (not into blocks)."""
    out = {}
    for name, item in c.children.items():
        if item.kind in ("leaf", "param"):
            out[path + (name,)] = item.type
        elif item.kind in ("seq", "dict"):
            out.update(leaf_types(item, path + (name,)))
    return out


@dataclass
class Flag:
    """A part of a class present in some instances only: optional children (``('unit',
    path)``, a top-level child or an element of a top-level ``nn.Sequential``) and optional
    merge steps (``('op', node id)``) that come and go together."""

    name: str
    members: list[tuple]
    cond: str | None = None  # a condition on the arguments; None: a constructor argument
    attr: bool = False  # kept on self for forward (it gates a merge step)
    through: dict = field(default_factory=dict)  # merge step id -> the input passed when absent

    def units(self) -> list[tuple]:
        return [m[1] for m in self.members if m[0] == "unit"]

    def ops(self) -> list[str]:
        return [m[1] for m in self.members if m[0] == "op"]


@dataclass
class Loop:
    """A block made of ``num_layers`` sub-blocks of one class: ``mode`` 'dense' (each fed
    the concatenation of the input and every earlier output) or 'chain'."""

    inner: str  # the sub-blocks' class
    mode: str
    stem: str  # child i is named f"{stem}{i + start}" (stem '' and start 0: '0', '1', ...)
    start: int
    inner_args: list[tuple[str, str]] = field(default_factory=list)  # (inner arg, expression in i)


@dataclass
class BlockClass:
    name: str
    instances: list[Container]
    template: Container  # the instance with every part (the optional ones included)
    args: list[str] = field(default_factory=list)
    values: dict[int, dict[str, object]] = field(default_factory=dict)  # id(instance) -> arg values
    leaf_kwargs: dict[tuple, dict] = field(default_factory=dict)  # template path -> kwargs (Arg values)
    flags: list[Flag] = field(default_factory=list)
    attrs: dict[str, object] = field(default_factory=dict)  # class attributes (expansion = 4)
    locals: dict[str, str] = field(default_factory=dict)  # __init__ locals (hidden_dim = ...)
    loop: Loop | None = None

    def call_args(self, inst: Container) -> list[tuple[str, object]]:
        vals = self.values[id(inst)]
        return [(a, vals[a]) for a in self.args]

    def flag_of(self, member: tuple) -> Flag | None:
        return next((f for f in self.flags if member in f.members), None)

    @property
    def optional(self) -> str | None:
        """The first optional top-level child (``downsample``), None when there is none."""
        return next((u[0] for f in self.flags for u in f.units() if len(u) == 1), None)


def tree_sig(c: Container):
    items = []
    for name, item in c.children.items():
        if item.kind in ("leaf", "param"):
            items.append((name, item.kind, item.cls))
        elif item.kind == "block":
            items.append((name, "block", item.class_name))
        else:
            items.append((name, item.kind, tree_sig(item)))
    return tuple(items)


def step_sig(block: Container, drop: frozenset = frozenset(), through: dict | None = None):
    """Canonical form of the block's forward. Units whose path is in ``drop`` and merge steps
    whose node id is in ``through`` (id -> which input passes) are read as passing that input
    straight through."""
    through = through or {}
    key = {block.input_node: "x"}
    out = set()
    for s in block.steps:
        ins = tuple(key[i] for i in s.inputs)
        if isinstance(s.target, Op):
            if s.target.node_id in through:
                key[s.output] = ins[through[s.target.node_id]]
                continue
            k = ("op", s.target.type, ins)
        elif s.target in drop:
            key[s.output] = ins[0]
            continue
        else:
            k = ("unit", s.target)
        key[s.output] = k
        out.add((k, ins))
    return frozenset(out), key[block.output]


def slots(c: Container, path: tuple = ()) -> dict[tuple, object]:
    """(leaf or block path, keyword) -> value of every layer and sub-block call inside ``c``."""
    out: dict[tuple, object] = {}
    for name, item in c.children.items():
        p = path + (name,)
        if item.kind in ("leaf", "param"):
            for k, v in item.kwargs.items():
                out[(p, k)] = v
        elif item.kind == "block":
            for a, v in item.block_class.call_args(item):
                out[(p, a)] = v
        else:
            out.update(slots(item, p))
    return out
