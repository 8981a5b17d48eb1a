"""Random valid graphs (chains with residual Add and Concat branches): every node's inferred
shape equals what real torch layers produce, and the compiled module has exactly the
inferred parameter and buffer counts."""
from __future__ import annotations

import warnings

import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from torch import nn

from studio.compiler import compile_graph
from studio.core.graph import GraphBuilder
from studio.core.spec import get_spec
from studio.core.validate import validate

torch.set_num_threads(1)
N = 2

BLOCKS = ["conv", "conv", "act", "bn", "pool", "res", "res", "cat", "drop", "pad", "lrn"]


@st.composite
def graphs(draw):
    """A valid classifier graph; each block is kept only if the graph still validates."""
    b = GraphBuilder()
    c, h, w = draw(st.integers(1, 4)), draw(st.integers(4, 14)), draw(st.integers(4, 14))
    b.add("Input", "input", channels=c, height=h, width=w)
    g = b.graph
    shapes = {"input": (c, h, w)}
    for i in range(draw(st.integers(1, 7))):
        before = {n.id for n in g.nodes}
        last = b.last
        cur = shapes[last]
        kind = draw(st.sampled_from(BLOCKS))
        p = f"b{i}_"
        if kind == "conv":
            stride = draw(st.integers(1, 2))
            pad = draw(st.sampled_from([0, 1, "same"] if stride == 1 else [0, 1]))
            b.add("Conv2d", p + "conv", out_channels=draw(st.integers(1, 6)), kernel_size=draw(st.integers(1, 3)),
                  stride=stride, padding=pad, dilation=draw(st.integers(1, 2)),
                  bias=draw(st.booleans()))
        elif kind == "act":
            b.add(draw(st.sampled_from(["ReLU", "LeakyReLU", "GELU", "Sigmoid", "Tanh", "Identity"])), p + "act")
        elif kind == "bn":
            b.add("BatchNorm", p + "bn", affine=draw(st.booleans()))
        elif kind == "pool":
            t = draw(st.sampled_from(["MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d"]))
            if t.startswith("Adaptive"):
                b.add(t, p + "pool", output_size=draw(st.integers(1, 4)))
            else:
                b.add(t, p + "pool", kernel_size=draw(st.integers(1, 3)), ceil_mode=draw(st.booleans()))
        elif kind == "res":
            ch = cur[0]
            stride = draw(st.integers(1, 2))
            b.add("Conv2d", p + "c1", out_channels=draw(st.integers(1, 6)), kernel_size=3, padding=1, stride=stride,
                  bias=False)
            b.add("BatchNorm", p + "bn1")
            b.add("ReLU", p + "r1")
            main = b.add("Conv2d", p + "c2", out_channels=ch, kernel_size=3, padding=1, bias=False)
            skip = last
            if stride == 2 or draw(st.booleans()):
                skip = b.add("Conv2d", p + "proj", inputs=last, out_channels=ch, kernel_size=1, stride=stride,
                             bias=False)
            b.add("Add", p + "add", inputs=[main, skip])
        elif kind == "cat":
            x = b.add("Conv2d", p + "x", inputs=last, out_channels=draw(st.integers(1, 4)), kernel_size=3,
                      padding=1)
            y = b.add("Conv2d", p + "y", inputs=last, out_channels=draw(st.integers(1, 4)), kernel_size=1)
            ins = [x, y, last] if draw(st.booleans()) else [x, y]
            b.add("Concat", p + "cat", inputs=ins)
        elif kind == "drop":
            b.add(draw(st.sampled_from(["Dropout", "Dropout2d"])), p + "drop", p=0.3)
        elif kind == "pad":
            pad = draw(st.one_of(st.integers(0, 2), st.lists(st.integers(0, 2), min_size=4, max_size=4)))
            b.add("ZeroPad2d", p + "pad", padding=pad)
        elif kind == "lrn":
            b.add("LocalResponseNorm", p + "lrn", size=draw(st.integers(1, 4)))
        a = validate(g)
        if a.errors:  # the block does not fit this input: take it back out
            for nid in [n.id for n in g.nodes if n.id not in before]:
                g.remove_node(nid)
            b.last = last
        else:
            shapes = a.shapes
    head = draw(st.sampled_from(["flatten", "gap", "mlp"]))
    if head == "gap":
        b.add("AdaptiveAvgPool2d", "gap", output_size=1)
    b.add("Flatten", "flatten")
    if head == "mlp":
        b.add("Linear", "fc0", out_features=draw(st.integers(2, 12)))
        b.add("BatchNorm", "bn_fc")
        b.add("ReLU", "relu_fc")
        b.add("Dropout", "drop_fc", p=0.2)
    b.add("Linear", "fc", out_features=draw(st.integers(2, 10)))
    if draw(st.booleans()):
        b.add("Softmax", "softmax")
    return g


def run_nodes(g, a):
    """Run every node with a torch layer built from its spec; return {node: output tensor}."""
    vals = {a.input_id: torch.randn(N, *a.shapes[a.input_id])}
    params = buffers = 0
    for nid in a.order:
        node = g.node(nid)
        if node.type == "Input":
            continue
        xs = [vals[e.source] for e in g.in_edges(nid)]
        if node.type == "Add":
            y = sum(xs[1:], xs[0])
        elif node.type == "Concat":
            y = torch.cat(xs, dim=1)
        else:
            cls, kw = get_spec(node.type).torch_module(node.params, a.in_shapes[nid])
            m = getattr(nn, cls)(**kw).eval()
            params += sum(p.numel() for p in m.parameters())
            buffers += sum(b.numel() for b in m.buffers())
            y = m(*xs)
        assert tuple(y.shape[1:]) == a.shapes[nid], f"{nid} ({node.type}): ours {a.shapes[nid]}, torch {y.shape}"
        vals[nid] = y
    return vals, params, buffers


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(graphs())
def test_random_graph_matches_torch(g):
    a = validate(g)
    assert a.ok, [str(i) for i in a.errors]
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        vals, params, buffers = run_nodes(g, a)
        assert params == a.trainable_params and buffers == a.buffers
        model = compile_graph(g).eval()
        x = vals[a.input_id]
        y = model(x)
    assert tuple(y.shape) == (N, *a.output_shape)
    assert sum(p.numel() for p in model.parameters()) == a.trainable_params
    assert sum(b.numel() for b in model.buffers()) == a.buffers
