"""The module plan: ONE description of how a graph becomes nested modules.

Every layer node gets a dotted module path made from its id ('layer1.0.conv1',
'features.3', 'fc'); id prefixes become containers: an ``nn.Sequential`` where the
children are numbered 0..n-1 and form a chain, a block (a graph Group whose members sit
under one prefix and that has one input and one output) or a plain ``nn.ModuleDict``
namespace otherwise. Other groups with one input and one output (made on the canvas) move
their layers into a block at the group's name (:mod:`studio.compiler.groups`); groups that
cannot be blocks stay flat and the plan says why (``flat``). Root and blocks carry a step
program (their forward). Both :func:`studio.compiler.compile_graph` and the code generator
walk this plan, so the compiled module and the exported class have the same ``state_dict``
keys by construction.
No torch here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from studio.core.graph import Graph, Group
from studio.core.spec import get_spec
from studio.core.validate import Analysis

from .groups import MODULE_FREE, OPS, UserBlock, place_user_blocks, relation, single_io
from .names import CUSTOM_CLASSES, Namespace, reserved_names

__all__ = ["Namespace", "reserved_names", "build_plan", "ModulePlan", "Container", "Leaf", "Op", "Step"]


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
    type: str  # Add | Concat | Multiply


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


class _Trie:
    def __init__(self):
        self.children: dict[str, _Trie] = {}
        self.leaf: str | None = None


def _module_nodes_under(t: _Trie) -> set[str]:
    out = {t.leaf} if t.leaf else set()
    for c in t.children.values():
        out |= _module_nodes_under(c)
    return out


def build_plan(graph: Graph, analysis: Analysis) -> ModulePlan:
    """The plan of a validated graph (``analysis`` without errors)."""
    nodes = {n.id: n for n in graph.nodes}
    succ: dict[str, list[str]] = {nid: [] for nid in nodes}
    preds: dict[str, list[str]] = {nid: graph.predecessors(nid) for nid in nodes}
    for e in graph.edges:
        succ[e.source].append(e.target)
    pos = {nid: i for i, nid in enumerate(analysis.order)}
    out_id = analysis.output_id

    def make_trie(where) -> _Trie:
        root = _Trie()
        for nid in analysis.order:
            if nodes[nid].type in MODULE_FREE:
                continue
            t = root
            for comp in where(nid):
                t = t.children.setdefault(comp, _Trie())
            t.leaf = nid
        return root

    trie = make_trie(lambda nid: nid.split("."))

    def find(prefix):
        t = trie
        for c in prefix:
            t = t.children.get(c)
            if t is None:
                return None
        return t

    # ---- blocks from groups with one input and one output: prefix groups (all layers under
    # one id prefix: templates, imports) stay where they are; other (user) groups move
    blocks: dict[tuple, tuple[Group, set[str], str, str]] = {}
    accepted: list[set[str]] = []
    flat: dict[str, str] = {}
    users: list[Group] = []
    for g in sorted(graph.groups, key=lambda g: len(g.nodes)):
        members = {m for m in g.nodes if m in nodes}
        mods = [m for m in members if nodes[m].type not in MODULE_FREE]
        if not members:
            continue
        if any(nodes[m].type == "Input" for m in members):
            flat[g.name] = "it holds the Input node"
            continue
        if not mods:
            flat[g.name] = "it holds no layer with a module, only Add/Concat"
            continue
        parents = [tuple(m.split(".")[:-1]) for m in mods]
        prefix = parents[0]
        for p in parents[1:]:
            k = 0
            while k < min(len(prefix), len(p)) and prefix[k] == p[k]:
                k += 1
            prefix = prefix[:k]
        own = tuple(g.name.split("."))
        if own != prefix and prefix[:len(own)] == own:  # a block whose layers all sit deeper (features.1.conv.*)
            prefix = own
        t = find(prefix) if prefix else None
        if t is None or t.leaf is not None or _module_nodes_under(t) != set(mods):
            users.append(g)
            continue
        if prefix in blocks:
            flat[g.name] = f"group {blocks[prefix][0].name!r} holds the same layers"
            continue
        if any(not (a <= members or not (a & members)) for a in accepted):
            flat[g.name] = "it overlaps another block"
            continue
        io = single_io(members, preds, succ, out_id, pos)
        if isinstance(io, str):
            flat[g.name] = io
            continue
        blocks[prefix] = (g, members, *io)
        accepted.append(members)

    # user groups: no overlap with any other group, one input, one output
    sets = {g.name: {m for m in g.nodes if m in nodes} for g in graph.groups}
    placed: list[UserBlock] = []
    for g in users:
        members = sets[g.name]
        other = next((o for o in graph.groups if o.name != g.name and sets[o.name] & members), None)
        if other is not None:
            io = relation(members, sets[other.name], other.name)
        else:
            io = single_io(members, preds, succ, out_id, pos)
        if isinstance(io, str):
            flat[g.name] = io
            continue
        ordered = [m for m in analysis.order if m in members and nodes[m].type not in MODULE_FREE]
        placed.append(UserBlock(g, members, io[0], io[1], ordered))
    user_meta: dict[tuple, UserBlock] = {}
    if placed:
        moved = {m: b for b in placed for m in b.ordered}
        firsts = {nid.split(".")[0] for nid in nodes if nid not in moved}
        place_user_blocks(placed, nodes, preds, pos, firsts)
        trie = make_trie(lambda nid: (moved[nid].key, moved[nid].local[nid]) if nid in moved else nid.split("."))
        for b in placed:
            blocks[(b.key,)] = (b.group, b.members, b.source, b.output)
            user_meta[(b.key,)] = b
    order_of = {g.name: i for i, g in enumerate(graph.groups)}
    flat_list = sorted(flat.items(), key=lambda kv: order_of[kv[0]])

    def op_scope(nid):
        best = ()
        for prefix, (_, members, _, _) in blocks.items():
            if nid in members and len(prefix) >= len(best):
                best = prefix
        return best

    ops_by_scope: dict[tuple, list[str]] = {}
    for nid in analysis.order:
        if nodes[nid].type in OPS:
            ops_by_scope.setdefault(op_scope(nid), []).append(nid)

    def make_leaf(nid):
        n = nodes[nid]
        spec = get_spec(n.type)
        cls, kwargs = spec.torch_module(n.params, analysis.in_shapes[nid])
        return Leaf(nid, n.type, cls, kwargs, n.label, "param" if getattr(spec, "as_parameter", False) else "leaf")

    def is_unit(item):
        return item.kind in ("leaf", "seq", "block")

    def unit_inputs(item):
        return preds[item.node_id] if item.kind in ("leaf", "param") else item.inputs

    def build(t: _Trie, prefix: tuple, kind_hint: str):
        raw = list(t.children.items())
        kind = "block" if prefix in blocks else None
        built = [(name, build(c, prefix + (name,), "")) if c.children else (name, make_leaf(c.leaf))
                 for name, c in raw]
        # a node id that is also a prefix of other ids: keep the leaf beside the container
        extra = [(name, make_leaf(c.leaf)) for name, c in raw if c.children and c.leaf]
        built += extra
        if kind is None and kind_hint != "root":
            nums = [n for n, _ in built]
            if (not extra and all(n.isdigit() for n in nums)
                    and sorted(int(n) for n in nums) == list(range(len(nums)))
                    and all(is_unit(i) for _, i in built)):
                units = [i for _, i in sorted(built, key=lambda b: int(b[0]))]
                if _is_chain(units, unit_inputs, succ, out_id):
                    c = Container("seq", prefix)
                    for i, u in enumerate(units):
                        c.children[str(i)] = u
                    c.inputs = list(unit_inputs(units[0]))
                    c.output = units[-1].output
                    c.nodes = set().union(*(u.nodes for u in units))
                    return c
            kind = "dict"
        kind = kind or "root"
        c = Container(kind, prefix)
        ns = Namespace()
        for name, item in built:
            c.children[ns.create(name, numeric_ok=(kind == "dict"), any_key=(kind == "dict"))] = item
        for item in c.children.values():
            c.nodes |= item.nodes
        if kind == "block":
            g, members, src, out = blocks[prefix]
            c.group, c.nodes, c.inputs, c.output, c.input_node = g, set(members), [src], out, src
            if prefix in user_meta:
                c.share, c.class_base = user_meta[prefix].share, user_meta[prefix].class_base
        return c

    root = build(trie, (), "root")
    root.input_node = analysis.input_id
    root.output = out_id
    root.nodes = set(nodes)

    all_blocks: list[Container] = []

    def program(scope: Container):
        units: list[tuple[tuple, object]] = []

        def collect(c: Container, path: tuple):
            for name, item in c.children.items():
                if item.kind == "dict":
                    collect(item, path + (name,))
                else:
                    units.append((path + (name,), item))
                    if item.kind == "block":
                        program(item)
                        all_blocks.append(item)
                    elif item.kind == "seq":
                        _nested_blocks(item)

        def _nested_blocks(c: Container):
            for item in c.children.values():
                if item.kind == "block":
                    program(item)
                    all_blocks.append(item)
                elif item.kind in ("seq", "dict"):
                    _nested_blocks(item)

        collect(scope, ())
        steps = [Step(path, list(unit_inputs(item)), item.output) for path, item in units]
        for nid in ops_by_scope.get(scope.prefix if scope.kind == "block" else (), []):
            steps.append(Step(Op(nid, nodes[nid].type), list(preds[nid]), nid))
        steps.sort(key=lambda s: pos[s.output])
        have = {scope.input_node}
        for s in steps:
            missing = [i for i in s.inputs if i not in have]
            if missing:  # pragma: no cover - the checks above make this impossible
                raise RuntimeError(f"plan: {s.output} needs {missing} before it is computed")
            have.add(s.output)
        scope.steps = steps

    program(root)
    paths: dict[str, str] = {}

    def walk(c: Container, path: tuple):
        for name, item in c.children.items():
            if item.kind in ("leaf", "param"):
                paths[item.node_id] = ".".join(path + (name,))
            else:
                walk(item, path + (name,))

    walk(root, ())
    from .classes import assign_classes

    all_blocks.sort(key=lambda b: -len(b.prefix))
    classes = assign_classes(all_blocks, {"torch", "nn", *CUSTOM_CLASSES})
    return ModulePlan(root, paths, analysis, all_blocks, classes, flat_list)


def _is_chain(units, unit_inputs, succ, out_id) -> bool:
    for i, u in enumerate(units):
        ins = unit_inputs(u)
        if len(ins) != 1:
            return False
        if i > 0 and ins[0] != units[i - 1].output:
            return False
        if i < len(units) - 1:
            if u.output == out_id or not all(s in units[i + 1].nodes for s in succ[u.output]):
                return False
    return True
