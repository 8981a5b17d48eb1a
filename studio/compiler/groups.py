"""Which graph groups become blocks, and where their layers live in the module tree.

Two sorts of group turn into a block (a module with its own forward, written as a class):

* a *prefix group* (templates, imports): its layers are exactly the layers under one id
  prefix (``layer1.0.*``); the block sits at that prefix, its layers keep their paths;
* a *user group* (made on the canvas: ``stage1`` over ``conv1``, ``relu1``, ``pool1``): the
  block sits at the group name made into an identifier and holds its layers under local
  names (``stage1.conv1``). User groups with the same structure (layer types, parameters
  up to channel counts and strides, wiring) share one class; their layers then take common
  names (``conv``, ``relu``, ``pool``) so that one class fits them all.

A group needs one input value and one output value; user groups must not overlap or nest
in other groups. Every group that stays flat gets a reason, shown in the generated code.
No torch here.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from studio.core.graph import Group

from .names import Namespace, camel

# parameters that may differ between user groups sharing one class
VARYING = frozenset({"out_channels", "out_features", "in_features", "stride", "channels"})
# which layers hold no module and which are merges computed in forward: the specs say
# (``LayerSpec.holds_module``, ``LayerSpec.merge``; studio.core.spec.holds_module / merge_kind)


@dataclass
class UserBlock:
    group: Group
    members: set[str]
    source: str
    output: str
    ordered: list[str]  # its module-holding layers, in flow order
    key: str = ""  # top-level module name (an identifier)
    local: dict | None = None  # layer id -> local name inside the block
    share: tuple = ()  # blocks with equal share keys get one class
    class_base: str = ""


def single_io(members: set[str], preds, succ, out_id: str, pos) -> tuple[str, str] | str:
    """(input node, output node) of a group, or the reason it has not exactly one of each."""
    order = sorted(members, key=pos.__getitem__)
    sources = sorted({p for m in order for p in preds[m] if p not in members}, key=pos.__getitem__)
    outs = [m for m in order if m == out_id or any(s not in members for s in succ[m])]
    if len(sources) > 1:
        if not _connected(members, preds):
            return "its layers are not contiguous in the flow"
        return f"it takes {len(sources)} inputs ({', '.join(repr(s) for s in sources)})"
    if len(outs) > 1:
        return f"it has {len(outs)} outputs ({', '.join(repr(o) for o in outs)})"
    if not sources or not outs:
        return "it has no input or no output"
    return sources[0], outs[0]


def _connected(members: set[str], preds) -> bool:
    parent = {m: m for m in members}

    def root(m):
        while parent[m] != m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    for m in members:
        for p in preds[m]:
            if p in members:
                parent[root(p)] = root(m)
    return len({root(m) for m in members}) <= 1


def relation(members: set[str], other: set[str], name: str) -> str:
    if members <= other:
        return f"it is nested in group {name!r}"
    if other <= members:
        return f"it contains group {name!r}"
    return f"it overlaps group {name!r}"


def _local_names(ids: list[str]) -> list[str]:
    comps = [i.split(".") for i in ids]
    common = 0
    while (all(len(c) > common + 1 for c in comps)
           and len({c[common] for c in comps}) == 1):
        common += 1
    ns = Namespace()
    out = []
    for c in comps:
        text = "_".join(c[common:])
        if text[:1].isdigit():  # 'features.0' -> 'features_0', not '_0'
            text = "_".join(c)
        out.append(ns.create(text))
    return out


def _structure(b: UserBlock, nodes, preds, pos) -> tuple:
    order = sorted(b.members, key=pos.__getitem__)
    idx = {m: i for i, m in enumerate(order)}
    items = []
    for m in order:
        n = nodes[m]
        params = tuple(sorted((k, repr(v)) for k, v in n.params.items() if k not in VARYING))
        items.append((n.type, params, tuple("x" if p == b.source else idx[p] for p in preds[m])))
    return ("kind", b.group.kind, tuple(items), idx[b.output])


def _stem(text: str) -> str:
    return re.sub(r"[\d_]+$", "", text)


def _common_names(names: list[list[str]], types: list[str]) -> list[str]:
    """One set of local names for blocks sharing a class (their own when they agree)."""
    if all(n == names[0] for n in names):
        return names[0]
    stems = []
    for i, t in enumerate(types):
        s = {_stem(n[i]) for n in names}
        stems.append(s.pop() if len(s) == 1 and "" not in s else _stem(t.lower()) or "layer")
    count, seen, out = Counter(stems), Counter(), []
    ns = Namespace()
    for s in stems:
        if count[s] > 1:
            seen[s] += 1
            s = f"{s}{seen[s]}"
        out.append(ns.create(s))
    return out


def _class_base(groups: list[Group]) -> str:
    if groups[0].kind:
        return camel(groups[0].kind)
    if len(groups) > 1:
        stems = {_stem(re.sub(r"\W+$", "", g.name)) for g in groups}
        if len(stems) == 1 and "" not in stems:
            return camel(stems.pop())
    return camel(groups[0].name)


def place_user_blocks(blocks: list[UserBlock], nodes, preds, pos, taken: set[str]) -> None:
    """Fill in key, local names, share key and class base of accepted user blocks."""
    ns = Namespace(taken)
    shares: dict[tuple, list[UserBlock]] = {}
    for b in blocks:
        b.key = ns.create(re.sub(r"\W+", "_", b.group.name, flags=re.ASCII).strip("_") or "block")
        shares.setdefault(_structure(b, nodes, preds, pos), []).append(b)
    for share, same in shares.items():
        names = _common_names([_local_names(b.ordered) for b in same], [nodes[m].type for m in same[0].ordered])
        base = _class_base([b.group for b in same])
        for b in same:
            b.local = dict(zip(b.ordered, names))
            b.share = share
            b.class_base = base
