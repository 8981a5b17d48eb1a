"""Receptive field and jump per layer (studio.core.receptive): the classic numbers, the largest
path through a ResNet, random chains against an independent closed form and against the
gradient footprint of a real torch network."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.core.graph import GraphBuilder
from studio.core.receptive import describe, vgg_insight
from studio.core.validate import validate
from studio.templates import build_project


def fields(name):
    p = build_project(name)
    a = validate(p.graph, p.num_classes)
    return p, a


def last_of(a, type_id):
    return [n for n in a.order if a.types[n] == type_id][-1]


@pytest.mark.parametrize("name, rf, jump", [("vgg16", 212, 32), ("alexnet", 195, 32), ("lenet5", 16, 4)])
def test_classic_numbers_at_the_last_pool(name, rf, jump):
    _p, a = fields(name)
    f = a.receptive[last_of(a, "MaxPool2d")]
    assert (f.size, f.jump) == ((rf, rf), (jump, jump))


def test_vectors_have_no_field_and_input_is_one_pixel():
    _p, a = fields("lenet5")
    assert a.receptive["input"].size == (1, 1) and a.receptive["input"].jump == (1, 1)
    assert "fc1" not in a.receptive and "flatten" not in a.receptive
    row = {r.id: r.to_dict() for r in a.rows()}
    assert row["conv1"]["receptive_field"] == 5 and row["conv1"]["jump"] == 1
    assert row["fc1"]["receptive_field"] is None and row["fc1"]["jump"] is None


@pytest.mark.parametrize("name, last", [("resnet18", 435), ("resnet50", 427)])
def test_resnet_takes_the_main_path(name, last):
    p, a = fields(name)
    g = p.graph
    adds = [n for n in a.order if a.types[n] == "Add"]
    for add in adds:
        ins = [a.receptive[e.source] for e in g.in_edges(add)]
        assert a.receptive[add].size == max(f.size for f in ins)
    # the block with the 1×1 stride-2 shortcut: the shortcut sees less than the main path
    down = [n for n in a.order if "downsample" in n and a.types[n] == "Conv2d"]
    assert down
    for d in down:
        add = next(n for n in g.successors(next(iter(g.successors(d)))) if a.types[n] == "Add")
        assert a.receptive[d].size < a.receptive[add].size
    assert a.receptive[last_of(a, "Add")].size == (last, last)  # the known values for 224×224


def test_rectangular_kernels_give_a_pair():
    b = GraphBuilder()
    b.add("Input", "in", channels=1, height=40, width=40)
    b.add("Conv2d", "c", out_channels=2, kernel_size=[3, 5], stride=[1, 2])
    b.add("Conv2d", "d", out_channels=2, kernel_size=3)
    a = validate(b.graph)
    f = a.receptive["d"]
    assert f.size == (5, 9) and f.jump == (1, 2)
    assert f.size_json == [5, 9] and f.jump_json == [1, 2]
    assert "5×9" in describe(f)


def test_vgg_insight_with_the_users_numbers():
    p, a = fields("vgg16")
    text = vgg_insight(p.graph, a, "features.2")  # conv1_2 after conv1_1 (3 → 64 → 64)
    assert "sees 5×5" in text and "features.0" in text
    assert f"5·5·3·64 = {25 * 3 * 64:,}" in text
    assert f"3·3·3·64 + 3·3·64·64 = {9 * 3 * 64 + 9 * 64 * 64:,}" in text
    assert vgg_insight(p.graph, a, "features.5") == ""  # after a pool: no pair
    assert vgg_insight(p.graph, a, "features.0") == ""


# ---- random chains against independent computations ------------------------------------------

layer = st.one_of(
    st.tuples(st.just("Conv2d"), st.integers(1, 5), st.integers(1, 3), st.integers(1, 3)),
    st.tuples(st.just("MaxPool2d"), st.integers(1, 4), st.integers(1, 3), st.integers(1, 2)),
    st.tuples(st.just("AvgPool2d"), st.integers(1, 4), st.integers(1, 3), st.just(1)),
    st.tuples(st.just("ReLU"), st.just(1), st.just(1), st.just(1)),
    st.tuples(st.just("BatchNorm"), st.just(1), st.just(1), st.just(1)),
)


def build_chain(chain, size):
    b = GraphBuilder()
    b.add("Input", "in", channels=1, height=size, width=size)
    for i, (t, k, s, d) in enumerate(chain):
        if t == "Conv2d":
            b.add(t, f"l{i}", out_channels=1, kernel_size=k, stride=s, dilation=d)
        elif t == "MaxPool2d":
            b.add(t, f"l{i}", kernel_size=k, stride=s, dilation=d)
        elif t == "AvgPool2d":
            b.add(t, f"l{i}", kernel_size=k, stride=s)
        else:
            b.add(t, f"l{i}")
    return b.graph


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chain=st.lists(layer, min_size=1, max_size=7))
def test_random_chains_match_the_closed_form(chain):
    g = build_chain(chain, 2000)
    a = validate(g)
    assert a.ok, [str(i) for i in a.errors]
    # closed form, written independently: r = 1 + Σ (K_l − 1)·D_l·Π_{i<l} S_i
    r, prod = 1, 1
    for _t, k, s, d in chain:
        r += (k - 1) * d * prod
        prod *= s
    f = a.receptive[f"l{len(chain) - 1}"]
    assert f.size == (r, r) and f.jump == (prod, prod)


@pytest.mark.parametrize("seed", range(6))
def test_random_chains_match_the_gradient_footprint_in_torch(seed):
    """Independent of any formula: which input pixels reach output pixel (0, 0) of a real
    network with positive weights (avg pools, so every pixel of a window gets gradient)."""
    import random

    import torch
    from torch import nn

    rnd = random.Random(seed)
    chain = []
    for _ in range(rnd.randint(2, 5)):
        if rnd.random() < 0.6:
            chain.append(("Conv2d", rnd.randint(1, 5), rnd.randint(1, 2), rnd.randint(1, 2)))
        else:
            chain.append(("AvgPool2d", rnd.randint(2, 3), rnd.randint(1, 2), 1))
    g = build_chain(chain, 96)
    a = validate(g)
    assert a.ok
    mods = []
    for t, k, s, d in chain:
        if t == "Conv2d":
            conv = nn.Conv2d(1, 1, k, stride=s, dilation=d, bias=False)
            nn.init.constant_(conv.weight, 1.0)
            mods.append(conv)
        else:
            mods.append(nn.AvgPool2d(k, stride=s))
    x = torch.zeros(1, 1, 96, 96, requires_grad=True)
    nn.Sequential(*mods)(x)[0, 0, 0, 0].backward()
    hit = (x.grad[0, 0] != 0).nonzero()
    extent = int(hit[:, 0].max()) + 1
    f = a.receptive[f"l{len(chain) - 1}"]
    assert f.size == (extent, extent), (chain, f, extent)


def test_fields_are_computed_lazily_from_a_snapshot_of_the_graph():
    b = GraphBuilder()
    b.add("Input", "in", channels=1, height=20, width=20)
    b.add("Conv2d", "c", out_channels=2, kernel_size=3)
    old = validate(b.graph)
    b.graph.set_param("c", "kernel_size", 5)  # an edit after the analysis
    new = validate(b.graph)
    assert old.receptive["c"].size == (3, 3) and new.receptive["c"].size == (5, 5)
