"""Block classes: blocks of one kind with the same structure share one generated class.

Values that differ between the instances (channel counts, strides...) become constructor
arguments; two variants that differ only by one extra unit on the input path (ResNet's
``downsample`` projection in place of the identity skip) merge into one class with an
optional child, as torchvision's BasicBlock does. No torch here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from studio.core.spec import get_spec

from .names import Namespace, camel
from .plan_types import Container, Op

MISSING = object()


class Arg(str):
    """A constructor argument used as a keyword value in a block class template."""


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
        if item.kind == "leaf":
            out[path + (name,)] = item.type
        elif item.kind in ("seq", "dict"):
            out.update(leaf_types(item, path + (name,)))
    return out


@dataclass
class BlockClass:
    name: str
    instances: list[Container]
    template: Container  # an instance with every child (the optional one included)
    optional: str | None = None  # name of the optional child (None when absent)
    flag: str = ""  # constructor argument switching the optional child on
    args: list[str] = field(default_factory=list)
    slot_arg: dict[tuple, str] = field(default_factory=dict)  # (leaf path, kwarg) -> arg
    values: dict[int, dict[str, object]] = field(default_factory=dict)  # id(instance) -> arg values
    leaf_kwargs: dict[tuple, dict] = field(default_factory=dict)  # leaf path -> kwargs (Arg values)

    def call_args(self, inst: Container) -> list[tuple[str, object]]:
        vals = self.values[id(inst)]
        out = [(a, vals[a]) for a in self.args]
        if self.optional:
            out.append((self.flag, self.optional in inst.children))
        return out


def tree_sig(c: Container):
    items = []
    for name, item in c.children.items():
        if item.kind == "leaf":
            items.append((name, "leaf", item.cls))
        elif item.kind == "block":
            items.append((name, "block", item.class_name))
        else:
            items.append((name, item.kind, tree_sig(item)))
    return tuple(items)


def step_sig(block: Container, drop: str | None = None):
    """Canonical form of the block's forward; with ``drop`` the unit named so is read as
    passing its input (x) straight through."""
    key = {block.input_node: "x"}
    out = set()
    for s in block.steps:
        ins = tuple(key[i] for i in s.inputs)
        if isinstance(s.target, Op):
            k = ("op", s.target.type, ins)
        elif drop is not None and s.target == (drop,):
            key[s.output] = ins[0]
            continue
        else:
            k = ("unit", s.target)
        key[s.output] = k
        out.add((k, ins))
    return frozenset(out), key[block.output]


def slots(c: Container, path: tuple = ()) -> dict[tuple, object]:
    out: dict[tuple, object] = {}
    for name, item in c.children.items():
        p = path + (name,)
        if item.kind == "leaf":
            for k, v in item.kwargs.items():
                out[(p, k)] = v
        elif item.kind == "block":
            cls = item.block_class
            for a, v in cls.call_args(item):
                out[(p, a)] = v
        else:
            out.update(slots(item, p))
    return out


def _merge_pair(small: list[Container], big: list[Container]) -> str | None:
    a, b = small[0], big[0]
    extra = [n for n in b.children if n not in a.children]
    if len(extra) != 1 or b.children[extra[0]].kind not in ("leaf", "seq"):
        return None
    d = extra[0]
    d_step = [s for s in b.steps if s.target == (d,)]
    if len(d_step) != 1 or d_step[0].inputs != [b.input_node]:
        return None
    rest = tuple(x for x in tree_sig(b) if x[0] != d)
    if rest != tree_sig(a) or step_sig(b, drop=d) != step_sig(a):
        return None
    return d


def _make_class(name: str, instances: list[Container], optional: str | None) -> BlockClass | None:
    template = next((i for i in instances if optional in i.children), instances[0]) if optional else instances[0]
    cls = BlockClass(name, instances, template, optional)
    explicit = [slots(i) for i in instances]
    leaves = leaf_types(template)
    keys = list(dict.fromkeys(s for v in [slots(template)] + explicit for s in v))
    keys.sort(key=lambda s: s[0][0] == optional)  # the optional child's slots reuse earlier args
    vals = []
    for inst, v in zip(instances, explicit):
        have = leaf_types(inst)
        full = {}
        for s in keys:
            if s in v:
                full[s] = v[s]
            elif s[0] in have:
                full[s] = kwarg_default(have[s[0]], s[1])
            else:
                full[s] = MISSING
        vals.append(full)
    ns = Namespace()
    by_vec: dict[tuple, str] = {}
    for slot in keys:
        vec = tuple(x if x is MISSING else (type(x).__name__, x) for x in (v[slot] for v in vals))
        present = [x for x in vec if x is not MISSING]
        arg = None
        if MISSING in vec:  # a slot of the optional child: reuse a matching argument
            arg = next((a for v, a in by_vec.items()
                        if all(x is MISSING or x == y for x, y in zip(vec, v))), None)
        if arg is None and all(x == present[0] for x in present):
            value = present[0][1]
            if value is not MISSING and (slot[0] not in leaves or slot in slots(template)
                                         or value != kwarg_default(leaves[slot[0]], slot[1])):
                cls.leaf_kwargs.setdefault(slot[0], {})[slot[1]] = value
            continue  # constant: written literally
        if MISSING not in vec:
            arg = by_vec.get(vec)
            if arg is None:
                arg = by_vec[vec] = ns.create(slot[1])
                cls.args.append(arg)
        elif arg is None:
            return None
        cls.slot_arg[slot] = arg
        cls.leaf_kwargs.setdefault(slot[0], {})[slot[1]] = Arg(arg)
    for inst, v in zip(instances, vals):
        cls.values[id(inst)] = {a: v[s] for s, a in cls.slot_arg.items() if v[s] is not MISSING}
    if optional:
        cls.flag = ns.create(optional)
    return cls


def _kind(b: Container):
    """Blocks that may share a class: same group kind (or name); user blocks: same structure."""
    return b.share if b.share else (b.group.kind or b.group.name)


def assign_classes(blocks: list[Container], taken: set[str]) -> list[BlockClass]:
    """Give every block (innermost first) its class; returns the classes in definition order."""
    ns = Namespace(taken)
    classes: list[BlockClass] = []
    kinds: dict[str, list[Container]] = {}
    for b in blocks:
        kinds.setdefault(_kind(b), []).append(b)
    done: set[int] = set()
    # deeper blocks come first in ``blocks``: inner classes are settled before outer ones
    for b in blocks:
        if id(b) in done:
            continue
        kind = _kind(b)
        members = kinds[kind]
        for m in members:  # inner classes are known now: compute signatures
            done.add(id(m))
        by_sig: dict[tuple, list[Container]] = {}
        for m in members:
            by_sig.setdefault((tree_sig(m), step_sig(m)), []).append(m)
        variants = sorted(by_sig.values(), key=lambda v: len(v[0].steps))
        made: list[tuple[list[Container], str | None]] = [(v, None) for v in variants]
        if len(variants) == 2:
            d = _merge_pair(variants[0], variants[1])
            if d is not None:
                made = [(sorted(variants[0] + variants[1], key=members.index), d)]
        built = []
        for inst, opt in made:
            cls = _make_class("", inst, opt)
            if cls is None:  # the optional child's values do not follow the arguments
                built += [_make_class("", v, None) for v in variants]
                break
            built.append(cls)
        base = b.class_base or camel(kind)
        for cls in built:
            cls.name = ns.create(base)
            for inst in cls.instances:
                inst.class_name = cls.name
                inst.block_class = cls
            classes.append(cls)
    return classes
