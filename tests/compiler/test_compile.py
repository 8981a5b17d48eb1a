"""compile_graph: DAGs with Add/Concat, refusal of invalid graphs, real shapes == inferred shapes."""
from __future__ import annotations

import random

import pytest
import torch
from torch import nn

from studio.compiler import CompileError, compile_graph, make_plan
from studio.core.graph import GraphBuilder
from studio.core.validate import validate

from .conftest import small_project


def check_shapes(model, graph, x):
    """Every layer's real output (forward hooks) and every Add/Concat equals the inferred shape."""
    a = validate(graph)
    seen: dict[str, tuple] = {}
    ins: dict[str, tuple] = {}
    hooks = []
    for nid in model.node_paths:
        def hook(m, i, o, nid=nid):
            seen[nid] = tuple(o.shape[1:])
            ins[nid] = tuple(i[0].shape[1:])
        hooks.append(model.node_module(nid).register_forward_hook(hook))
    try:
        y = model(x)
    finally:
        for h in hooks:
            h.remove()
    assert tuple(y.shape[1:]) == a.output_shape
    for nid, shape in seen.items():
        assert shape == a.shapes[nid], nid
    checked = 0
    for n in graph.nodes:
        if n.type in ("Add", "Concat"):
            mods = [s for s in graph.successors(n.id) if s in ins]
            for s in mods:
                assert ins[s] == a.shapes[n.id], n.id
            checked += bool(mods) or n.id == a.output_id
    assert len(seen) == len(model.node_paths)
    return checked


def skip_graph():
    b = GraphBuilder()
    b.add("Input", "input", channels=3, height=16, width=16)
    stem = b.add("Conv2d", "stem", out_channels=8, kernel_size=3, padding=1)
    b.add("ReLU", "act")
    b.add("Conv2d", "branch.conv", out_channels=8, kernel_size=3, padding=1)
    main = b.add("BatchNorm", "branch.bn")
    add = b.add("Add", "add", inputs=[main, stem])
    side = b.add("Conv2d", "side", inputs=add, out_channels=4, kernel_size=1)
    cat = b.add("Concat", "cat", inputs=[add, side])
    b.add("MaxPool2d", "pool", inputs=cat)
    b.add("Flatten", "flat")
    b.add("Linear", "fc", out_features=5)
    return b.graph


def test_skip_and_concat_compile_and_match_shapes():
    g = skip_graph()
    m = compile_graph(g, 5)
    assert check_shapes(m, g, torch.randn(2, 3, 16, 16)) == 2
    assert m.node_paths["branch.conv"] == "branch.conv"
    assert isinstance(m.branch, nn.ModuleDict)  # a prefix that is not a chain: a namespace
    # backward works through the skip
    m(torch.randn(2, 3, 16, 16)).sum().backward()
    assert m.stem.weight.grad is not None


def test_numbered_chain_becomes_sequential_and_runs_as_one():
    b = GraphBuilder()
    b.add("Input", "input", channels=1, height=8, width=8)
    for i, t in enumerate(["Conv2d", "ReLU", "MaxPool2d"]):
        b.add(t, f"features.{i}")
    b.add("Flatten", "flatten")
    b.add("Linear", "classifier.0", out_features=3)
    m = compile_graph(b.graph)
    assert isinstance(m.features, nn.Sequential) and isinstance(m.classifier, nn.Sequential)
    assert m._chain is not None and m._chain[0] is m.features  # a chain: plain loop, no slots
    assert list(m.state_dict()) == ["features.0.weight", "features.0.bias", "classifier.0.weight",
                                    "classifier.0.bias"]
    check_shapes(m, b.graph, torch.randn(2, 1, 8, 8))


def test_odd_ids_become_legal_unique_names():
    b = GraphBuilder()
    b.add("Input", "input", channels=1, height=8, width=8)
    b.add("Conv2d", "a-b", out_channels=2, padding=1)
    b.add("ReLU", "a_b")
    b.add("Conv2d", "forward", out_channels=2, padding=1)
    b.add("Conv2d", "x.1", out_channels=2, padding=1)  # 'x' prefix with a numbered child
    b.add("Conv2d", "x", out_channels=2, padding=1)  # an id that is also a prefix
    b.add("Identity", "training")
    b.add("Flatten", "flatten")
    b.add("Linear", "fc", out_features=2)
    m = compile_graph(b.graph)
    names = list(m.node_paths.values())
    assert len(set(names)) == len(names)
    for path in names:
        for part in path.split("."):
            assert part.isidentifier() or part.isdigit()
    assert m.node_paths["forward"] != "forward" and m.node_paths["training"] != "training"
    check_shapes(m, b.graph, torch.randn(1, 1, 8, 8))


def test_invalid_graph_is_refused_with_the_issues():
    b = GraphBuilder()
    b.add("Input", "input", channels=3, height=8, width=8)
    b.add("Conv2d", "c", out_channels=4)
    b.add("Linear", "fc", out_features=2)  # needs a Flatten
    with pytest.raises(CompileError) as exc:
        compile_graph(b.graph)
    assert exc.value.issues and "Flatten" in str(exc.value)
    b.graph.add_node("ReLU", node_id="loose")
    with pytest.raises(CompileError) as exc:
        compile_graph(b.graph)
    assert len(exc.value.issues) >= 2


def random_graph(rng: random.Random):
    b = GraphBuilder()
    g = b.graph
    b.add("Input", "input", channels=3, height=12, width=12)
    prefixes = ["", "", "blk.", "stage."]
    for i in range(rng.randint(3, 12)):
        a = validate(g)
        live = [n for n in a.order if n in a.shapes]
        src = rng.choice(live[-3:])
        shape = a.shapes[src]
        pre = rng.choice(prefixes)
        nid = g.unique_id(f"{pre}n{i}")
        kind = rng.choice(["conv", "conv", "act", "bn", "pool", "add", "cat"])
        if kind == "conv":
            k = rng.choice([1, 3])
            b.add("Conv2d", nid, inputs=src, out_channels=rng.randint(2, 6), kernel_size=k, padding=k // 2,
                  stride=rng.choice([1, 1, 2]) if shape[1] > 3 else 1)
        elif kind == "act":
            b.add(rng.choice(["ReLU", "Tanh", "GELU", "LeakyReLU", "Sigmoid", "Identity"]), nid, inputs=src)
        elif kind == "bn":
            b.add("BatchNorm", nid, inputs=src)
        elif kind == "pool" and shape[1] >= 2:
            b.add(rng.choice(["MaxPool2d", "AvgPool2d"]), nid, inputs=src)
        elif kind in ("add", "cat"):
            mates = [n for n in live if n != src and (a.shapes[n] == shape if kind == "add"
                                                      else a.shapes[n][1:] == shape[1:])]
            if mates:
                b.add("Add" if kind == "add" else "Concat", nid, inputs=[src, rng.choice(mates)])
    a = validate(g)
    sinks = [n for n in a.order if not g.successors(n)]
    heads = []
    for s in sinks:
        p = b.add("AdaptiveAvgPool2d", g.unique_id("head.pool"), inputs=s, output_size=1)
        heads.append(b.add("Flatten", g.unique_id("head.flat"), inputs=p))
    if len(heads) > 1:
        b.add("Concat", "head.cat", inputs=heads)
    b.add("Linear", "fc", out_features=4)
    if rng.random() < 0.5:
        members = [n.id for n in g.nodes if n.id.startswith("blk.")]
        if members:
            g.add_group("blk", members, kind="Blk")
    return g


@pytest.mark.parametrize("seed", range(30))
def test_random_graphs_compile_with_inferred_shapes(seed):
    g = random_graph(random.Random(seed))
    a = validate(g)
    assert a.ok, [i.message for i in a.errors]
    m = compile_graph(g)
    check_shapes(m, g, torch.randn(2, 3, 12, 12))


TEMPLATES = ["lenet5", "alexnet", "zfnet", "vgg11", "vgg11_bn", "vgg13", "vgg13_bn", "vgg16", "vgg16_bn",
             "vgg19", "vgg19_bn", "resnet18", "resnet34", "resnet50", "resnet101", "resnet152",
             "resnext50_32x4d", "wide_resnet50_2", "googlenet", "densenet121", "mobilenet_v2", "efficientnet_b0"]


def test_template_list_is_covered():
    from studio.templates import builtin_names

    assert sorted(builtin_names()) == sorted(TEMPLATES)


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_template_real_shapes_equal_inferred(name):
    p = small_project(name)
    with torch.device("meta"):  # shapes only: meta tensors compute no values
        m = compile_graph(p.graph, p.num_classes)
        check_shapes(m, p.graph, torch.empty(2, *p.input_shape))
    assert sum(t.numel() for t in m.parameters()) == validate(p.graph).trainable_params


def test_resnet_blocks_share_one_class_with_optional_downsample():
    p = small_project("resnet18")
    plan = make_plan(p.graph)
    assert [(c.name, len(c.instances), c.optional) for c in plan.classes] == [("BasicBlock", 8, "downsample")]
    with torch.device("meta"):
        m = compile_graph(p.graph)
    assert type(m.layer2[0]).__name__ == "BasicBlock"
    assert "layer2.0.downsample.0.weight" in m.state_dict() and "layer1.0.downsample.0.weight" not in m.state_dict()
