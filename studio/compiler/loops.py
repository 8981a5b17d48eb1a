"""Blocks made of N sub-blocks of one class become a loop (torchvision's ``_DenseBlock``).

A block whose children are sub-blocks of one class, named ``denselayer1`` ... ``denselayerN``
(or ``0`` ... ``N-1``), each fed the concatenation of the block's input and every earlier
output (``dense``), or each the previous one's output (``chain``), is written as

    for i in range(num_layers):
        layer = DenseLayer(in_channels=in_channels + i * growth_rate)
        self.add_module(f"denselayer{i + 1}", layer)

with the sub-blocks' arguments as a start value plus ``i`` times a step, or one value for all.
No torch here.
"""
from __future__ import annotations

import re

from studio.core.spec import merge_kind

from .class_args import _family
from .classes import BlockClass, Loop
from .names import Namespace
from .plan_types import Container, Op


def _numbered(c: Container) -> tuple[str, int, list[str]] | None:
    """(stem, first number, child names in order) when the children are stem + 1, 2, 3..."""
    parts = [re.fullmatch(r"(\D*?)(\d+)", n) for n in c.children]
    if len(parts) < 2 or not all(parts) or len({p.group(1) for p in parts}) != 1:
        return None
    nums = sorted(int(p.group(2)) for p in parts)
    if nums != list(range(nums[0], nums[0] + len(nums))) or any(str(int(p.group(2))) != p.group(2) for p in parts):
        return None
    stem = parts[0].group(1)
    if not stem and nums[0] != 0:
        return None
    return stem, nums[0], [f"{stem}{k}" for k in nums]


def loop_shape(c: Container) -> tuple[str, str, str, int, list[str]] | None:
    """(mode, inner class, stem, start, child names) of a loop block, or None."""
    if not all(i.kind == "block" for i in c.children.values()):
        return None
    if len({i.class_name for i in c.children.values()}) != 1:
        return None
    numbered = _numbered(c)
    if numbered is None:
        return None
    stem, start, names = numbered
    if list(c.children) != names:  # built in another order: the loop would reorder the state_dict
        return None
    inner = next(iter(c.children.values())).class_name
    by_out = {s.output: s for s in c.steps}
    outs = [c.children[n].output for n in names]
    unit_in = {s.target[0]: s.inputs for s in c.steps if not isinstance(s.target, Op)}
    chained = [unit_in.get(n) for n in names] == [[c.input_node]] + [[o] for o in outs[:-1]]
    if chained and c.output == outs[-1] and len(c.steps) == len(names):
        return "chain", inner, stem, start, names

    def concat_of(node: str, k: int) -> bool:
        s = by_out.get(node)
        return (s is not None and isinstance(s.target, Op) and merge_kind(s.target.type) == "concat"
                and s.inputs == [c.input_node, *outs[:k]])

    if unit_in.get(names[0]) != [c.input_node] or len(c.steps) != 2 * len(names):
        return None
    if not all(len(unit_in.get(n) or []) == 1 and concat_of(unit_in[n][0], k) for k, n in enumerate(names) if k):
        return None
    if not concat_of(c.output, len(names)):
        return None
    return "dense", inner, stem, start, names


def loop_class(members: list[Container]) -> BlockClass | None:
    """One loop class for blocks of one kind that are all loops of the same shape, or None."""
    shapes = [loop_shape(m) for m in members]
    if any(s is None for s in shapes) or len({s[:4] for s in shapes}) != 1:
        return None
    mode, inner, stem, start = shapes[0][:4]
    inner_cls = members[0].children[shapes[0][4][0]].block_class
    calls = [[dict(m.children[n].block_class.call_args(m.children[n])) for n in s[4]] for m, s in zip(members, shapes)]
    ns = Namespace({"num_layers", "i", "layer", "features"})
    cls = BlockClass("", members, members[0], args=["num_layers"])
    cls.loop = Loop(inner, mode, stem, start)
    for inst, seq in zip(members, calls):
        cls.values[id(inst)] = {"num_layers": len(seq)}
    steps: dict[str, list[int]] = {}
    for a in inner_cls.args:
        steps[a] = []
        for seq in calls:
            vals = [c[a] for c in seq]
            ints = all(isinstance(v, int) and not isinstance(v, bool) for v in vals)
            d = vals[1] - vals[0] if ints else 0
            if not all(v == vals[0] + k * d for k, v in enumerate(vals)) if ints else any(v != vals[0] for v in vals):
                return None
            steps[a].append(d)
    stepping = [a for a, d in steps.items() if any(d)]
    for a in inner_cls.args:
        name = ns.create(a)
        cls.args.append(name)
        for inst, seq in zip(members, calls):
            cls.values[id(inst)][name] = seq[0][a]
        if a not in stepping:
            cls.loop.inner_args.append((a, name))
            continue
        step = ns.create("growth_rate" if len(stepping) == 1 and _family(a) == "ch" else f"{a}_step")
        cls.args.append(step)
        for inst, d in zip(members, steps[a]):
            cls.values[id(inst)][step] = d
        cls.loop.inner_args.append((a, f"{name} + i * {step}"))
    return cls
