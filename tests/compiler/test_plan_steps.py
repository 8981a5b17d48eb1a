"""The named steps of build_plan, each on its own (no torch needed by any of them)."""
from __future__ import annotations

from studio.compiler.classes import MISSING, kwarg_default
from studio.compiler.plan import (Flow, common_prefix, make_trie, move_user_blocks, prefix_blocks,
                                  user_blocks)
from studio.compiler.plan_tree import assign_programs, build_tree, module_paths, ops_by_scope, scope_steps
from studio.compiler.plan_types import Op
from studio.core.validate import validate
from studio.templates import build_project

from .test_compile import skip_graph
from .test_user_groups import lenet, res_members, residual_graph


def flow_of(graph):
    return Flow.of(graph, validate(graph))


def test_flow_reads_successors_predecessors_and_positions():
    g = skip_graph()
    f = flow_of(g)
    assert f.succ["add"] == ["side", "cat"]
    assert f.preds["add"] == ["branch.bn", "stem"]  # port order
    assert f.preds["cat"] == ["add", "side"]
    assert [n for n, _ in sorted(f.pos.items(), key=lambda kv: kv[1])] == validate(g).order
    assert f.out_id == "fc"
    assert not f.holds_module("add") and not f.holds_module("input") and f.holds_module("stem")


def test_trie_holds_module_layers_under_their_id_components():
    f = flow_of(skip_graph())
    t = make_trie(f)
    assert set(t.children) == {"stem", "act", "branch", "side", "pool", "flat", "fc"}  # no input/add/cat
    assert t.find(("branch",)).leaves() == {"branch.conv", "branch.bn"}
    assert t.find(("branch", "bn")).leaf == "branch.bn"
    assert t.find(("nothing",)) is None
    assert common_prefix([("layer1", "0"), ("layer1", "0"), ("layer1", "1")]) == ("layer1",)
    assert common_prefix([("a",), ("b",)]) == ()


def test_prefix_blocks_of_a_resnet_sit_at_their_prefixes():
    p = build_project("resnet18", input_shape=(3, 32, 32))
    f = flow_of(p.graph)
    blocks, flat, users = prefix_blocks(p.graph, f, make_trie(f))
    assert sorted(blocks) == [(f"layer{i}", str(j)) for i in range(1, 5) for j in range(2)]
    group, members, src, out = blocks[("layer2", "0")]
    assert "layer2.0.downsample.0" in members and out in members and src not in members
    assert flat == {} and users == []


def test_user_groups_become_blocks_or_stay_flat_with_a_reason():
    p = lenet(("stage1", ["conv1", "relu1", "pool1"]), ("bad", ["conv1", "conv2"]))
    f = flow_of(p.graph)
    blocks, flat, users = prefix_blocks(p.graph, f, make_trie(f))
    assert blocks == {} and [g.name for g in users] == ["bad", "stage1"]
    placed = user_blocks(p.graph, f, users, flat)
    assert placed == []  # they overlap each other
    assert flat == {"bad": "it overlaps group 'stage1'", "stage1": "it overlaps group 'bad'"}


def test_moving_user_blocks_renames_their_layers_under_the_block():
    p = residual_graph()
    for i in (1, 2):
        p.graph.add_group(f"res{i}", res_members(i))
    f = flow_of(p.graph)
    blocks, flat, users = prefix_blocks(p.graph, f, make_trie(f))
    placed = user_blocks(p.graph, f, users, flat)
    assert [b.group.name for b in placed] == ["res1", "res2"] and flat == {}
    trie, meta = move_user_blocks(placed, f, blocks)
    assert set(meta) == {("res1",), ("res2",)} and set(blocks) == set(meta)
    assert trie.find(("res2",)).leaves() == {m for m in res_members(2) if f.holds_module(m)}
    assert meta[("res1",)].share == meta[("res2",)].share  # same structure: one class


def test_tree_programs_and_paths_of_a_branching_graph():
    g = skip_graph()
    f = flow_of(g)
    root = build_tree(make_trie(f), f, {})
    assert root.kind == "root" and root.children["branch"].kind == "dict"
    ops = ops_by_scope(f, {})
    assert ops == {(): ["add", "cat"]}
    assert assign_programs(root, f, ops) == []  # no blocks
    steps = root.steps
    assert [s.output for s in steps] == [n for n in validate(g).order if n != "input"]
    add = next(s for s in steps if isinstance(s.target, Op) and s.target.type == "Add")
    assert add.inputs == ["branch.bn", "stem"]
    assert module_paths(root)["branch.bn"] == "branch.bn"
    assert scope_steps(root, [], f, {}) == []  # a scope with no units and no ops


def test_a_numbered_chain_becomes_a_sequence():
    p = build_project("lenet5")
    f = flow_of(p.graph)
    root = build_tree(make_trie(f), f, {})
    assert all(c.kind in ("leaf", "seq") for c in root.children.values())


def test_defaults_of_left_out_keywords_come_from_the_specs():
    assert kwarg_default("Conv2d", "stride") == 1
    assert kwarg_default("Conv2d", "bias") is True
    assert kwarg_default("MaxPool2d", "stride") is None
    assert kwarg_default("BatchNorm", "eps") == 1e-5
    assert kwarg_default("Conv2d", "padding_mode") is MISSING
