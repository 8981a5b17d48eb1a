"""Variants of one block kind as one class: the smaller ones are the largest minus some parts.

A variant fits into the largest one (the *template*) when its children match the template's
by name (and the elements of an ``nn.Sequential`` in order, some template elements left
out), and its forward is the template's with the missing units and some merge steps read as
passing their input through. MobileNetV2's three ``InvertedResidual`` shapes (no expansion
layer; no residual ``+``; both) are one class this way, as in torchvision. No torch here.
"""
from __future__ import annotations

from itertools import combinations, product

from studio.core.spec import merge_kind

from .class_args import analyse
from .classes import MISSING, BlockClass, Flag, slots, step_sig, tree_sig
from .names import Namespace
from .plan_types import Container, Op


def size(c: Container) -> int:
    n = 0
    for item in c.children.values():
        n += 1 if item.kind in ("leaf", "param", "block") else size(item)
    return n + len(c.steps)


def _same_unit(a, b) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind in ("leaf", "param"):
        return a.cls == b.cls and a.type == b.type
    if a.kind == "block":
        return a.class_name == b.class_name
    return True


def _likeness(a, b) -> float:
    """How alike two matching units are (1 plus a little per equal keyword)."""
    if not _same_unit(a, b) or (a.kind in ("seq", "dict") and tree_sig(a) != tree_sig(b)):
        return 0.0
    sa = slots(a) if a.kind in ("seq", "dict") else {((), k): v for k, v in getattr(a, "kwargs", {}).items()}
    sb = slots(b) if b.kind in ("seq", "dict") else {((), k): v for k, v in getattr(b, "kwargs", {}).items()}
    return 1.0 + sum(1 for k, v in sa.items() if sb.get(k, MISSING) == v) / 100


def _seq_pairs(big: list, small: list) -> list[tuple[int, int]] | None:
    """Match every element of ``small`` to one of ``big`` in order (most alike first)."""
    n, m = len(big), len(small)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            like = _likeness(big[i], small[j])
            take = like + best[i + 1][j + 1] if like else -1.0
            best[i][j] = max(best[i + 1][j], take)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        like = _likeness(big[i], small[j])
        if like and best[i][j] == like + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        else:
            i += 1
    return pairs if len(pairs) == m else None


def align(big: Container, small: Container, pb: tuple = (), ps: tuple = (), out=None) -> dict | None:
    """Template path -> path in ``small`` for every unit ``small`` has, or None when
    ``small`` is not the template with some top-level children or top-level sequence
    elements left out."""
    out = {} if out is None else out
    if big.kind == "seq":
        pairs = _seq_pairs(list(big.children.values()), list(small.children.values()))
        if pairs is None or (len(pairs) < len(big.children) and len(pb) != 1):
            return None
        names_b, names_s = list(big.children), list(small.children)
        matched = [(names_b[i], names_s[j]) for i, j in pairs]
    else:
        if not set(small.children) <= set(big.children):
            return None
        if len(pb) > 0 and set(small.children) != set(big.children):
            return None
        matched = [(n, n) for n in small.children]
    for nb, nsm in matched:
        a, b = big.children[nb], small.children[nsm]
        if not _same_unit(a, b):
            return None
        out[pb + (nb,)] = ps + (nsm,)
        if a.kind in ("seq", "dict") and align(a, b, pb + (nb,), ps + (nsm,), out) is None:
            return None
    return out


def fit(template: Container, inst: Container) -> tuple[dict, frozenset, dict] | None:
    """(path map, dropped units, merge steps passed through) that make ``template`` read as
    ``inst``, or None."""
    pmap = align(template, inst)
    if pmap is None:
        return None
    units = {s.target for s in template.steps if not isinstance(s.target, Op)}
    drop = frozenset(u for u in units if u not in pmap)
    if any(len(u) != 1 for u in drop):
        return None
    ops = [s for s in template.steps if isinstance(s.target, Op)]
    n = len(ops) - sum(isinstance(s.target, Op) for s in inst.steps)
    want = step_sig(inst)
    if n < 0 or n > 2:
        return None
    tries = 0
    for chosen in combinations(ops, n):
        for ways in product(*(range(len(s.inputs)) for s in chosen)):
            tries += 1
            through = {s.target.node_id: w for s, w in zip(chosen, ways)}
            if step_sig(template, drop, through) == want:
                return pmap, drop, through
            if tries > 400:
                return None
    return None


def _flags(template: Container, entries: list) -> list[Flag]:
    """Group the optional parts by the instances that have them."""
    groups: dict[tuple, list[tuple]] = {}
    for p in _unit_paths(template):
        vec = tuple(p in pmap for _, pmap, _, _ in entries)
        parent = tuple(p[:1] in pmap for _, pmap, _, _ in entries)
        if not all(vec) and (len(p) == 1 or vec != parent):
            groups.setdefault(vec, []).append(("unit", p))
    through: dict[str, int] = {}
    for s in template.steps:
        if isinstance(s.target, Op):
            vec = tuple(s.target.node_id not in t for _, _, _, t in entries)
            if not all(vec):
                groups.setdefault(vec, []).append(("op", s.target.node_id))
                through[s.target.node_id] = next(t for *_, t in entries if s.target.node_id in t)[s.target.node_id]
    ns = Namespace(set(template.children))
    flags = []
    for members in groups.values():
        op_types = [_op_type(template, m[1]) for m in members if m[0] == "op"]
        if op_types:
            kinds = [merge_kind(t) for t in op_types]
            name = ns.create("use_residual" if "add" in kinds else f"use_{kinds[0]}")
        elif len(members[0][1]) == 1:
            name = members[0][1][0]  # the optional child's own name (downsample)
        else:
            name = ns.create("use_" + "_".join(members[0][1]))
        flags.append(Flag(name, members, attr=bool(op_types),
                          through={m[1]: through[m[1]] for m in members if m[0] == "op"}))
    return flags


def _op_type(c: Container, node_id: str) -> str:
    return next(s.target.type for s in c.steps if isinstance(s.target, Op) and s.target.node_id == node_id)


def _unit_paths(template: Container) -> list[tuple]:
    out = []
    for name, item in template.children.items():
        out.append((name,))
        if item.kind == "seq":
            out += [(name, k) for k in item.children]
    return out


def make_class(template: Container, entries: list, shapes: dict) -> BlockClass | None:
    """One class for ``entries`` [(instance, path map, dropped units, passed merges)]."""
    cls = BlockClass("", [e[0] for e in entries], template)
    cls.flags = _flags(template, entries)
    return cls if analyse(cls, entries, shapes) else None


def variant_classes(members: list[Container], shapes: dict) -> list[BlockClass]:
    """The classes of the blocks of one kind: one where the variants fit together."""
    by_sig: dict[tuple, list[Container]] = {}
    for m in members:
        by_sig.setdefault((tree_sig(m), step_sig(m)), []).append(m)
    rest = sorted(by_sig.values(), key=lambda v: -size(v[0]))
    out = []
    while rest:
        template = rest[0][0]
        entries, left = [], []
        for v in rest:
            f = fit(template, v[0])
            if f is None:
                left.append(v)
            else:
                entries += [(inst, *f) for inst in v]
        entries.sort(key=lambda e: members.index(e[0]))
        cls = make_class(template, entries, shapes)
        if cls is None:  # the parts do not follow the arguments: one class per variant
            cls = make_class(template, [(i, *fit(template, i)) for i in rest[0]], shapes)
            left = rest[1:]
        out.append(cls)
        rest = left
    return out
