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

:func:`build_plan` runs named steps, each usable on its own: :meth:`Flow.of` (the graph as
the plan reads it), :func:`make_trie` (layer ids as a prefix tree), :func:`prefix_blocks`
and :func:`user_blocks` (which groups become blocks), :func:`move_user_blocks`,
:func:`studio.compiler.plan_tree.build_tree`, :func:`~studio.compiler.plan_tree.assign_programs`,
:func:`~studio.compiler.plan_tree.module_paths` and
:func:`studio.compiler.class_assign.assign_classes`.
No torch here.
"""
from __future__ import annotations

from typing import Callable, Iterable

from studio.core.errors import StudioError
from studio.core.graph import Graph, Group
from studio.core.validate import Analysis, validate

from .class_assign import assign_classes
from .groups import UserBlock, place_user_blocks, relation
from .names import CUSTOM_CLASSES, Namespace, reserved_names
from .plan_tree import assign_programs, build_tree, module_paths, ops_by_scope
from .plan_types import Block, Container, Flow, Leaf, ModulePlan, Op, Step, Trie

__all__ = ["Namespace", "reserved_names", "build_plan", "make_plan", "checked_analysis", "CompileError",
           "ModulePlan", "Container", "Leaf", "Op", "Step", "Flow", "Trie", "make_trie", "prefix_blocks",
           "user_blocks", "move_user_blocks"]


class CompileError(StudioError):
    def __init__(self, message: str, issues=None):
        super().__init__(message)
        self.issues = list(issues or [])


def checked_analysis(graph: Graph, num_classes: int | None = None) -> Analysis:
    """The graph's analysis, or CompileError listing its errors."""
    analysis = validate(graph, num_classes)
    if analysis.errors:
        lines = "\n".join(f"  - {i.message}" for i in analysis.errors)
        raise CompileError(f"the graph has {len(analysis.errors)} error(s); fix them first:\n{lines}",
                           analysis.errors)
    return analysis


def make_plan(graph: Graph, num_classes: int | None = None) -> ModulePlan:
    """The module plan of a graph, or CompileError with the validation issues."""
    return build_plan(graph, checked_analysis(graph, num_classes))


def make_trie(flow: Flow, where: Callable[[str], Iterable[str]] = lambda nid: nid.split(".")) -> Trie:
    """The trie of the module-holding layers, each at the path ``where(node id)``."""
    root = Trie()
    for nid in flow.analysis.order:
        if not flow.holds_module(nid):
            continue
        t = root
        for comp in where(nid):
            t = t.children.setdefault(comp, Trie())
        t.leaf = nid
    return root


def common_prefix(paths: list[tuple[str, ...]]) -> tuple[str, ...]:
    prefix = paths[0]
    for p in paths[1:]:
        k = 0
        while k < min(len(prefix), len(p)) and prefix[k] == p[k]:
            k += 1
        prefix = prefix[:k]
    return prefix


def prefix_blocks(graph: Graph, flow: Flow, trie: Trie) -> tuple[dict[tuple, Block], dict[str, str], list[Group]]:
    """Blocks from groups whose layers are exactly the layers under one id prefix (templates,
    imports): they stay where they are. Returns the blocks by prefix, the groups that stay
    flat with the reason, and the other groups (user groups, placed by :func:`user_blocks`)."""
    blocks: dict[tuple, Block] = {}
    accepted: list[set[str]] = []
    flat: dict[str, str] = {}
    users: list[Group] = []
    for g in sorted(graph.groups, key=lambda g: len(g.nodes)):
        members = {m for m in g.nodes if m in flow.nodes}
        mods = [m for m in members if flow.holds_module(m)]
        if not members:
            continue
        if any(flow.nodes[m].type == "Input" for m in members):
            flat[g.name] = "it holds the Input node"
            continue
        if not mods:
            flat[g.name] = "it holds no layer with a module, only Add/Concat"
            continue
        prefix = common_prefix([tuple(m.split(".")[:-1]) for m in mods])
        own = tuple(g.name.split("."))
        if own != prefix and prefix[:len(own)] == own:  # a block whose layers all sit deeper (features.1.conv.*)
            prefix = own
        t = trie.find(prefix) if prefix else None
        if t is None or t.leaf is not None or t.leaves() != set(mods):
            users.append(g)
            continue
        if prefix in blocks:
            flat[g.name] = f"group {blocks[prefix][0].name!r} holds the same layers"
            continue
        if any(not (a <= members or not (a & members)) for a in accepted):
            flat[g.name] = "it overlaps another block"
            continue
        io = flow.single_io(members)
        if isinstance(io, str):
            flat[g.name] = io
            continue
        blocks[prefix] = (g, members, *io)
        accepted.append(members)
    return blocks, flat, users


def user_blocks(graph: Graph, flow: Flow, users: list[Group], flat: dict[str, str]) -> list[UserBlock]:
    """The user groups that become blocks: no overlap with any other group, one input, one
    output. The others are added to ``flat`` with the reason."""
    sets = {g.name: {m for m in g.nodes if m in flow.nodes} for g in graph.groups}
    placed: list[UserBlock] = []
    for g in users:
        members = sets[g.name]
        other = next((o for o in graph.groups if o.name != g.name and sets[o.name] & members), None)
        io = relation(members, sets[other.name], other.name) if other is not None else flow.single_io(members)
        if isinstance(io, str):
            flat[g.name] = io
            continue
        ordered = [m for m in flow.analysis.order if m in members and flow.holds_module(m)]
        placed.append(UserBlock(g, members, io[0], io[1], ordered))
    return placed


def move_user_blocks(placed: list[UserBlock], flow: Flow,
                     blocks: dict[tuple, Block]) -> tuple[Trie, dict[tuple, UserBlock]]:
    """Move the layers of user blocks under the block's name: the new trie, and the user
    blocks by prefix (``blocks`` gains them)."""
    moved = {m: b for b in placed for m in b.ordered}
    firsts = {nid.split(".")[0] for nid in flow.nodes if nid not in moved}
    place_user_blocks(placed, flow.nodes, flow.preds, flow.pos, firsts)
    trie = make_trie(flow, lambda nid: (moved[nid].key, moved[nid].local[nid]) if nid in moved else nid.split("."))
    user_meta: dict[tuple, UserBlock] = {}
    for b in placed:
        blocks[(b.key,)] = (b.group, b.members, b.source, b.output)
        user_meta[(b.key,)] = b
    return trie, user_meta


def build_plan(graph: Graph, analysis: Analysis) -> ModulePlan:
    """The plan of a validated graph (``analysis`` without errors)."""
    flow = Flow.of(graph, analysis)
    trie = make_trie(flow)
    blocks, flat, users = prefix_blocks(graph, flow, trie)
    placed = user_blocks(graph, flow, users, flat)
    user_meta: dict[tuple, UserBlock] = {}
    if placed:
        trie, user_meta = move_user_blocks(placed, flow, blocks)
    root = build_tree(trie, flow, blocks, user_meta)
    all_blocks = assign_programs(root, flow, ops_by_scope(flow, blocks))
    all_blocks.sort(key=lambda b: -len(b.prefix))
    classes = assign_classes(all_blocks, {"torch", "nn", *CUSTOM_CLASSES}, analysis.shapes)
    order_of = {g.name: i for i, g in enumerate(graph.groups)}
    flat_list = sorted(flat.items(), key=lambda kv: order_of[kv[0]])
    return ModulePlan(root, module_paths(root), analysis, all_blocks, classes, flat_list)
