"""The module tree of a plan and the forward program of each scope.

:func:`build_tree` turns the trie of layer ids into containers (numbered chains become
``nn.Sequential``, prefixes of blocks become blocks, the rest ``nn.ModuleDict``
namespaces); :func:`assign_programs` gives the root and every block its step program;
:func:`module_paths` reads every layer's dotted path back. No torch here.
"""
from __future__ import annotations

from studio.core.spec import get_spec, merge_kind

from .groups import UserBlock
from .names import Namespace
from .plan_types import Block, Container, Flow, Leaf, Op, Step, Trie


def unit_inputs(flow: Flow, item) -> list[str]:
    """The graph nodes feeding a unit (a leaf, sequence or block)."""
    return flow.preds[item.node_id] if item.kind in ("leaf", "param") else item.inputs


def is_chain(flow: Flow, units: list) -> bool:
    """Whether the units form one chain: each takes only the previous one's output, and
    nothing else reads an output before the end."""
    for i, u in enumerate(units):
        ins = unit_inputs(flow, u)
        if len(ins) != 1:
            return False
        if i > 0 and ins[0] != units[i - 1].output:
            return False
        if i < len(units) - 1:
            if u.output == flow.out_id or not all(s in units[i + 1].nodes for s in flow.succ[u.output]):
                return False
    return True


class _TreeBuilder:
    def __init__(self, flow: Flow, blocks: dict[tuple, Block], user_meta: dict[tuple, UserBlock]):
        self.flow, self.blocks, self.user_meta = flow, blocks, user_meta

    def leaf(self, nid: str) -> Leaf:
        n = self.flow.nodes[nid]
        spec = get_spec(n.type)
        cls, kwargs = spec.torch_module(n.params, self.flow.analysis.in_shapes[nid])
        return Leaf(nid, n.type, cls, kwargs, n.label, "param" if getattr(spec, "as_parameter", False) else "leaf")

    def build(self, t: Trie, prefix: tuple, root: bool = False) -> Container:
        raw = list(t.children.items())
        built = [(name, self.build(c, prefix + (name,)) if c.children else self.leaf(c.leaf)) for name, c in raw]
        # a node id that is also a prefix of other ids: keep the leaf beside the container
        extra = [(name, self.leaf(c.leaf)) for name, c in raw if c.children and c.leaf]
        built += extra
        kind = "block" if prefix in self.blocks else "root" if root else None
        if kind is None:
            seq = None if extra else self.sequence(built, prefix)
            if seq is not None:
                return seq
            kind = "dict"
        c = Container(kind, prefix)
        ns = Namespace()
        for name, item in built:
            c.children[ns.create(name, numeric_ok=(kind == "dict"), any_key=(kind == "dict"))] = item
        for item in c.children.values():
            c.nodes |= item.nodes
        if kind == "block":
            g, members, src, out = self.blocks[prefix]
            c.group, c.nodes, c.inputs, c.output, c.input_node = g, set(members), [src], out, src
            if prefix in self.user_meta:
                c.share, c.class_base = self.user_meta[prefix].share, self.user_meta[prefix].class_base
        return c

    def sequence(self, built: list[tuple[str, object]], prefix: tuple) -> Container | None:
        """Children numbered 0..n-1 that form a chain, as an ``nn.Sequential``; else None."""
        nums = [n for n, _ in built]
        if not (all(n.isdigit() for n in nums) and sorted(int(n) for n in nums) == list(range(len(nums)))
                and all(i.kind in ("leaf", "seq", "block") for _, i in built)):
            return None
        units = [i for _, i in sorted(built, key=lambda b: int(b[0]))]
        if not is_chain(self.flow, units):
            return None
        c = Container("seq", prefix)
        for i, u in enumerate(units):
            c.children[str(i)] = u
        c.inputs = list(unit_inputs(self.flow, units[0]))
        c.output = units[-1].output
        c.nodes = set().union(*(u.nodes for u in units))
        return c


def build_tree(trie: Trie, flow: Flow, blocks: dict[tuple, Block],
               user_meta: dict[tuple, UserBlock] | None = None) -> Container:
    """The root container of the module tree (without programs)."""
    root = _TreeBuilder(flow, blocks, user_meta or {}).build(trie, (), root=True)
    root.input_node = flow.analysis.input_id
    root.output = flow.out_id
    root.nodes = set(flow.nodes)
    return root


def ops_by_scope(flow: Flow, blocks: dict[tuple, Block]) -> dict[tuple, list[str]]:
    """Add/Concat/Multiply nodes by the prefix of the innermost block holding them (``()``: the root)."""
    out: dict[tuple, list[str]] = {}
    for nid in flow.analysis.order:
        if merge_kind(flow.nodes[nid].type) is not None:
            best: tuple = ()
            for prefix, (_, members, _, _) in blocks.items():
                if nid in members and len(prefix) >= len(best):
                    best = prefix
            out.setdefault(best, []).append(nid)
    return out


def scope_steps(scope: Container, units: list[tuple[tuple, object]], flow: Flow,
                ops: dict[tuple, list[str]]) -> list[Step]:
    """The forward of a scope: its units and its Add/Concat ops in flow order, each step's
    inputs computed before it."""
    steps = [Step(path, list(unit_inputs(flow, item)), item.output) for path, item in units]
    for nid in ops.get(scope.prefix if scope.kind == "block" else (), []):
        steps.append(Step(Op(nid, flow.nodes[nid].type), list(flow.preds[nid]), nid))
    steps.sort(key=lambda s: flow.pos[s.output])
    have = {scope.input_node}
    for s in steps:
        missing = [i for i in s.inputs if i not in have]
        if missing:  # pragma: no cover - the checks of the plan make this impossible
            raise RuntimeError(f"plan: {s.output} needs {missing} before it is computed")
        have.add(s.output)
    return steps


def assign_programs(scope: Container, flow: Flow, ops: dict[tuple, list[str]],
                    blocks: list[Container] | None = None) -> list[Container]:
    """Set the step program of ``scope`` and of every block inside it; returns those blocks,
    each after the blocks nested in it."""
    blocks = [] if blocks is None else blocks
    units: list[tuple[tuple, object]] = []

    def nested(c: Container) -> None:
        for item in c.children.values():
            if item.kind == "block":
                assign_programs(item, flow, ops, blocks)
                blocks.append(item)
            elif item.kind in ("seq", "dict"):
                nested(item)

    def collect(c: Container, path: tuple) -> None:
        for name, item in c.children.items():
            if item.kind == "dict":
                collect(item, path + (name,))
                continue
            units.append((path + (name,), item))
            if item.kind == "block":
                assign_programs(item, flow, ops, blocks)
                blocks.append(item)
            elif item.kind == "seq":
                nested(item)

    collect(scope, ())
    scope.steps = scope_steps(scope, units, flow, ops)
    return blocks


def module_paths(root: Container) -> dict[str, str]:
    """Layer node id -> dotted module path."""
    paths: dict[str, str] = {}

    def walk(c: Container, path: tuple) -> None:
        for name, item in c.children.items():
            if item.kind in ("leaf", "param"):
                paths[item.node_id] = ".".join(path + (name,))
            else:
                walk(item, path + (name,))

    walk(root, ())
    return paths
