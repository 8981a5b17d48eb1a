"""Every validation rule, its message and its fix; explain texts; totals and memory."""
from __future__ import annotations

import pytest

from studio.core.fixes import apply_fix, fix_steps
from studio.core.graph import Edge, Graph, GraphBuilder
from studio.core.spec import get_spec
from studio.core.validate import ERROR, WARNING, validate

from ..graphs import lenet


def only_error(a, node=None):
    errs = a.errors
    assert len(errs) == 1, [str(i) for i in a.issues]
    if node is not None:
        assert errs[0].node == node
    return errs[0]


def test_lenet_is_valid_with_right_shapes_and_counts(lenet_graph):
    a = validate(lenet_graph, 10)
    assert a.ok and a.issues == []
    assert a.input_id == "input" and a.output_id == "fc3"
    assert a.shapes["conv1"] == (6, 28, 28) and a.shapes["pool1"] == (6, 14, 14)
    assert a.shapes["conv2"] == (16, 10, 10) and a.shapes["pool2"] == (16, 5, 5)
    assert a.shapes["flatten"] == (400,) and a.output_shape == (10,)
    per = {r.id: r.params for r in a.rows()}
    assert (per["conv1"], per["conv2"], per["fc1"], per["fc2"], per["fc3"]) == (156, 2416, 48120, 10164, 850)
    assert a.total_params == a.trainable_params == 61706 and a.buffers == 0
    assert a.macs == 28 * 28 * 6 * 25 + 10 * 10 * 16 * 25 * 6 + 400 * 120 + 120 * 84 + 84 * 10
    assert [r.id for r in a.rows()] == [n.id for n in lenet_graph.nodes]  # author's order


def test_explain_fills_in_the_numbers(lenet_graph):
    a = validate(lenet_graph, 10)
    spec = get_spec("Conv2d")
    text = spec.explain(lenet_graph.node("conv1").params, a.in_shapes["conv1"], a.shapes["conv1"])
    assert "H_out = floor((I − K + 2P)/S) + 1 = floor((32 − 5 + 2·0)/1) + 1 = 28" in text
    assert "W_out = floor((I − K + 2P)/S) + 1 = floor((32 − 5 + 2·0)/1) + 1 = 28" in text
    assert "params = K_h·K_w·C_in·C_out + C_out (bias) = 5·5·1·6 + 6 = 156" in text
    assert "C_in = 1 input channels, C_out = 6 kernels" in text
    assert "MACs = 28·28·6·5·5·1 = 117,600" in text
    t2 = spec.explain(lenet_graph.node("conv2").params, a.in_shapes["conv2"], a.shapes["conv2"])
    assert "5·5·6·16 + 16 = 2,416" in t2
    fc1 = get_spec("Linear").explain(lenet_graph.node("fc1").params, a.in_shapes["fc1"], a.shapes["fc1"])
    assert "params = 400·120 + 120 = 48,120" in fc1
    pool = get_spec("MaxPool2d").explain(lenet_graph.node("pool1").params, [(6, 28, 28)], (6, 14, 14))
    assert "H_out = floor((I − K + 2P)/S) + 1 = floor((28 − 2 + 2·0)/2) + 1 = 14" in pool
    assert "params = 0" in pool and "maximum of a 2×2 window" in pool
    flat = get_spec("Flatten").explain({}, [(16, 5, 5)], (400,))
    assert "16·5·5 = 400" in flat
    bn = get_spec("BatchNorm").explain(get_spec("BatchNorm").normalize({}), [(64, 8, 8)], (64, 8, 8))
    assert "BatchNorm2d" in bn and "params = 2·C = 2·64 = 128" in bn
    assert "y = γ·(x − μ)/√(σ² + ε) + β" in bn and "running mean and variance" in bn
    ceil = get_spec("MaxPool2d").explain({"kernel_size": 3, "stride": 2, "padding": 0, "dilation": 1,
                                          "ceil_mode": True}, [(1, 2, 2)], (1, 1, 1))
    assert "ceil((I + 2P − D·(K − 1) − 1)/S) + 1 = ceil((2 + 2·0 − 1·(3−1) − 1)/2) + 1 = 1" in ceil
    assert "general form: ceil_mode rounds up" in ceil
    for spec in [get_spec(t) for t in ("ReLU", "Softmax", "Add", "Concat", "ZeroPad2d", "AdaptiveAvgPool2d")]:
        assert spec.explain(spec.normalize({}), [(4, 6, 6), (4, 6, 6)][:spec.arity[0] or 1], (4, 6, 6))


def test_texts_in_the_students_form():
    conv = get_spec("Conv2d")
    dil = conv.explain(conv.normalize({"out_channels": 2, "kernel_size": 3, "dilation": 2}), [(1, 9, 9)], (2, 5, 5))
    assert "H_out = floor((I + 2P − D·(K − 1) − 1)/S) + 1 = floor((9 + 2·0 − 2·(3−1) − 1)/1) + 1 = 5" in dil
    assert "general form: dilation 2" in dil and "5×5 pixels" in dil
    soft = get_spec("Softmax")
    text = soft.explain({}, [(10,)], (10,))
    assert "not element-wise" in text and "Σ_j e^z_j" in text and "sum to 1" in text
    assert "element-wise" not in soft.description.replace("not element-wise", "")
    for t in ("Dropout", "Dropout2d"):
        d = get_spec(t).explain({"p": 0.5}, [(4, 6, 6)], (4, 6, 6))
        assert "params = 0" in d and "1/(1 − p) = 2" in d and "evaluation" in d
    pad = get_spec("ZeroPad2d").explain({"padding": 1}, [(1, 28, 28)], (1, 30, 30))
    assert "adds 2 column(s)" in pad and "params = 0" in pad


def test_empty_graph():
    a = validate(Graph())
    assert not a.ok and "empty" in only_error(a).message


def test_no_input():
    b = GraphBuilder()
    b.add("Conv2d", "c")
    b.add("ReLU", "r")
    a = validate(b.graph)
    assert any("no Input" in i.message for i in a.errors)


def test_two_inputs_and_the_fix(lenet_graph):
    lenet_graph.add_node("Input", node_id="input2")
    a = validate(lenet_graph, 10)
    e = only_error(a, "input2")
    assert "2 Input layers ('input', 'input2')" in e.message and "delete 'input2'" in e.message
    apply_fix(lenet_graph, e.fix)
    assert validate(lenet_graph, 10).ok


def test_cycle_names_its_nodes():
    g = lenet()
    # connect() refuses cycles, so write one the way a hand-edited file could describe it
    g.add_node("Add", node_id="loop")
    g.disconnect(g.in_edges("conv2")[0])
    g.connect("pool1", "loop")
    g.connect("loop", "conv2")
    g._add_edge(Edge("relu2", "loop", 1))
    a = validate(g, 10)
    cyc = [i for i in a.errors if i.message.startswith("Cycle")]
    assert len(cyc) == 1
    m = cyc[0].message
    for name in ("'loop'", "'conv2'", "'relu2'"):
        assert name in m
    assert "'pool1'" not in m.split(". ")[0] and "remove one of these connections" in m
    assert a.shapes == {}  # no shape inference on a cyclic graph
    assert sorted(a.order) == sorted(n.id for n in g.nodes)


def test_self_loop_is_a_cycle():
    g = lenet()
    g._add_edge(Edge("relu3", "relu3", 1))
    a = validate(g, 10)
    assert any(i.message.startswith("Cycle: 'relu3' → 'relu3'") for i in a.errors)


def test_unreachable_node(lenet_graph):
    g = lenet_graph
    g.add_node("ReLU", node_id="orphan_src")
    g.add_node("ReLU", node_id="orphan")
    g.connect("orphan_src", "orphan")
    a = validate(g, 10)
    msgs = {i.node: i.message for i in a.errors}
    assert "needs its input connected" in msgs["orphan_src"]
    assert "'orphan' is not connected to the Input" in msgs["orphan"]


def test_dead_end_and_single_output(lenet_graph):
    g = lenet_graph
    g.add_node("Conv2d", {"out_channels": 3}, node_id="side")
    g.connect("pool1", "side")
    a = validate(g, 10)
    e = only_error(a, "side")
    assert "dead end" in e.message and "('fc3')" in e.message
    assert a.output_id == "fc3"  # the deepest sink is the output


def test_input_alone_is_not_connected():
    g = Graph()
    g.add_node("Input", node_id="in")
    a = validate(g)
    assert "not connected to anything" in only_error(a, "in").message


def test_arity_errors():
    b = GraphBuilder()
    b.add("Input", "in", channels=2, height=4, width=4)
    b.add("ReLU", "r1")
    b.add("Add", "add")  # one input only
    a = validate(b.graph)
    assert "needs at least 2 inputs but has 1" in only_error(a, "add").message
    g = b.graph
    g.remove_node("add")
    g.add_node("ReLU", node_id="r2")
    g.connect("r1", "r2")
    g._add_edge(Edge("in", "r2", 1))  # a second input into a one-input layer
    a = validate(g)
    assert "takes 1 input but has 2" in only_error(a, "r2").message
    g = b.graph.copy()
    g._add_edge(Edge("r1", "in", 0))
    a = validate(g)
    assert any("takes no input" in i.message and i.node == "in" for i in a.errors)


def test_duplicate_port_is_reported():
    b = GraphBuilder()
    b.add("Input", "in")
    b.add("ReLU", "a")
    b.add("ReLU", "b", inputs="in")
    b.add("Add", "add", inputs=["a", "b"])
    b.graph.disconnect(Edge("b", "add", 1))
    b.graph._add_edge(Edge("b", "add", 0))
    a = validate(b.graph)
    assert "two connections into the same input" in only_error(a, "add").message


def test_linear_without_flatten_fix_inserts_flatten():
    g = lenet()
    g.remove_node("flatten")
    g.connect("pool2", "fc1")
    a = validate(g, 10)
    e = only_error(a, "fc1")
    assert "needs a vector but receives 16×5×5: insert Flatten before it (giving 400 features)" in e.message
    assert e.fix.label == "Insert Flatten before Linear 'fc1'" and e.fix.node == "fc1"
    steps = fix_steps(g, e.fix)
    assert [s[0] for s in steps] == ["disconnect", "add_node", "connect", "connect"]
    apply_fix(g, e.fix)
    a = validate(g, 10)
    assert a.ok and a.total_params == 61706
    assert g.node(g.predecessors("fc1")[0]).type == "Flatten"


def test_in_features_mismatch_fix_sets_it():
    g = lenet()
    g.set_param("fc1", "in_features", 576)
    a = validate(g, 10)
    e = only_error(a, "fc1")
    assert "expects 576 inputs but receives 400: set in_features=400" in e.message
    assert (e.fix.action, e.fix.param, e.fix.value) == ("set_param", "in_features", 400)
    apply_fix(g, e.fix)
    assert validate(g, 10).ok and g.node("fc1").params["in_features"] == 400


@pytest.mark.parametrize("shortcut_port", [1, 0])
def test_add_with_mismatched_shapes_suggests_strided_1x1_conv(shortcut_port):
    b = GraphBuilder()
    b.add("Input", "in", channels=64, height=56, width=56)
    main = b.add("Conv2d", "conv", out_channels=128, kernel_size=3, stride=2, padding=1)
    ins = [main, "in"] if shortcut_port == 1 else ["in", main]
    b.add("Add", "res2", inputs=ins)
    g = b.graph
    a = validate(g)
    e = only_error(a, "res2")
    assert "joins" in e.message and "64×56×56" in e.message and "128×28×28" in e.message
    assert "1×1 conv" in e.message and "stride 2" in e.message and "128 channels" in e.message
    assert f"(input {shortcut_port + 1})" in e.message
    apply_fix(g, e.fix)
    a = validate(g)
    assert a.ok, [str(i) for i in a.issues]
    new = g.in_edges("res2")[shortcut_port].source
    assert g.node(new).type == "Conv2d" and a.shapes[new] == (128, 28, 28)
    assert g.node(new).params["kernel_size"] == 1 and g.node(new).params["bias"] is False


def test_add_channel_only_mismatch_and_unfixable_mismatch():
    b = GraphBuilder()
    b.add("Input", "in", channels=8, height=6, width=6)
    c = b.add("Conv2d", "c", out_channels=16, kernel_size=3, padding=1)
    b.add("Add", "add", inputs=[c, "in"])
    e = only_error(validate(b.graph), "add")
    assert "1×1 conv with 16 channels" in e.message and "stride" not in e.message
    apply_fix(b.graph, e.fix)
    assert validate(b.graph).ok
    b = GraphBuilder()
    b.add("Input", "in", channels=8, height=6, width=6)
    c = b.add("Conv2d", "c", out_channels=8, kernel_size=2)  # 8×5×5: 6/5 is no stride
    b.add("Add", "add", inputs=[c, "in"])
    e = only_error(validate(b.graph), "add")
    assert "8×5×5" in e.message and e.fix is None


def test_concat_mismatch_and_match():
    b = GraphBuilder()
    b.add("Input", "in", channels=3, height=8, width=8)
    x = b.add("Conv2d", "a", out_channels=4, kernel_size=3, padding=1)
    y = b.add("MaxPool2d", "p", inputs="in")
    b.add("Concat", "cat", inputs=[x, y])
    e = only_error(validate(b.graph), "cat")
    assert "4×8×8, 3×4×4" in e.message and "same height and width" in e.message
    b.graph.set_param("p", "stride", 1)
    b.graph.set_param("p", "kernel_size", 1)
    a = validate(b.graph)
    assert a.ok and a.shapes["cat"] == (7, 8, 8)


def test_final_softmax_warning_and_fix(lenet_graph):
    g = lenet_graph
    g.add_node("Softmax", node_id="sm")
    g.connect("fc3", "sm")
    a = validate(g, 10)
    assert a.ok and len(a.warnings) == 1
    w = a.warnings[0]
    assert w.severity == WARNING and w.node == "sm" and "log-softmax" in w.message
    apply_fix(g, w.fix)
    assert validate(g, 10).issues == []


def test_class_count_warning_and_fix(lenet_graph):
    a = validate(lenet_graph, 7)
    assert a.ok
    (w,) = a.warnings
    assert "outputs 10 scores but the task has 7 classes" in w.message
    assert w.fix.node == "fc3" and w.fix.value == 7
    apply_fix(lenet_graph, w.fix)
    assert validate(lenet_graph, 7).issues == []
    # the fix finds the last Linear behind trailing activations/dropout
    lenet_graph.add_node("Dropout", node_id="d")
    lenet_graph.connect("fc3", "d")
    (w,) = validate(lenet_graph, 3).warnings
    assert w.fix is not None and w.fix.node == "fc3"


def test_output_not_a_vector_warning():
    b = GraphBuilder()
    b.add("Input", "in", channels=3, height=8, width=8)
    b.add("Conv2d", "c", out_channels=4)
    a = validate(b.graph, 10)
    assert a.ok and "not a vector of class scores" in a.warnings[0].message


@pytest.mark.parametrize("layer,params,needle", [
    ("Conv2d", {"out_channels": 4, "kernel_size": 7}, "7×7 kernel does not fit in the 5×5 input"),
    ("Conv2d", {"out_channels": 4, "kernel_size": 3, "dilation": 3}, "7×7 kernel does not fit"),
    ("MaxPool2d", {"kernel_size": 6}, "6×6 window does not fit in the 5×5 input"),
    ("AvgPool2d", {"kernel_size": [2, 6]}, "output would be 2×0"),
])
def test_spatial_size_shrinking_to_zero_is_an_error(layer, params, needle):
    b = GraphBuilder()
    b.add("Input", "in", channels=2, height=5, width=5)
    b.add(layer, "x", **params)
    b.add("Flatten", "f")
    b.add("Linear", "fc")
    a = validate(b.graph, 10)
    e = only_error(a, "x")
    assert needle in e.message and e.severity == ERROR
    assert "f" not in a.shapes  # nothing downstream is guessed


def test_image_layer_after_flatten():
    b = GraphBuilder()
    b.add("Input", "in", channels=2, height=5, width=5)
    b.add("Flatten", "f")
    b.add("Conv2d", "c")
    e = only_error(validate(b.graph), "c")
    assert "needs an image (C×H×W) but receives a vector of 50 features" in e.message


def test_groups_must_divide_input_channels():
    b = GraphBuilder()
    b.add("Input", "in", channels=3, height=5, width=5)
    b.add("Conv2d", "c", out_channels=4, groups=2)
    e = only_error(validate(b.graph), "c")
    assert "groups=2" in e.message and "3 input channels" in e.message


def test_totals_buffers_and_memory_estimate():
    b = GraphBuilder()
    b.add("Input", "in", channels=3, height=8, width=8)
    b.add("Conv2d", "c", out_channels=4, kernel_size=3, padding=1, bias=False)  # 108 params
    b.add("BatchNorm", "bn")  # 8 params, 9 buffers
    b.add("ReLU", "r")
    b.add("Flatten", "f")
    b.add("Linear", "fc", out_features=10)  # 2570
    a = validate(b.graph, 10)
    assert a.ok
    assert (a.trainable_params, a.buffers) == (108 + 8 + 2570, 9)
    assert a.macs == 8 * 8 * 4 * 9 * 3 + 256 * 10
    acts = 192 + 256 + 256 + 256 + 256 + 10  # every node's output, input included
    m1, m8 = a.memory_estimate(1), a.memory_estimate(8)
    assert m1["activation_bytes"] == 4 * acts and m8["activation_bytes"] == 8 * 4 * acts
    assert m8["input_bytes"] == 8 * 4 * 192
    assert m1["param_bytes"] == m8["param_bytes"] == 4 * (2686 + 9)
    assert m8["training_bytes_estimate"] == 2 * 8 * 4 * acts + 16 * 2686 + 4 * 9
    rows = {r.id: r.to_dict() for r in a.rows()}
    assert rows["bn"] == {"id": "bn", "type": "BatchNorm", "name": "bn", "output_shape": [4, 8, 8],
                          "params": 8, "buffers": 9, "macs": 0, "receptive_field": 3, "jump": 1}


def test_issue_to_dict_and_issues_for(lenet_graph):
    lenet_graph.set_param("fc1", "in_features", 5)
    a = validate(lenet_graph, 10)
    (d,) = [i.to_dict() for i in a.issues_for("fc1")]
    assert d == {"node": "fc1", "severity": "error", "message": a.errors[0].message,
                 "fix": "Set in_features=400"}
    assert str(a.errors[0]).startswith("error: Linear 'fc1' expects 5 inputs")


def test_labels_are_used_in_messages():
    g = lenet()
    g.set_label("fc1", "classifier.0")
    g.set_param("fc1", "in_features", 9)
    assert "Linear 'classifier.0'" in validate(g, 10).errors[0].message


def test_benchmark_graph_is_valid_and_script_runs():
    import importlib.util
    import subprocess
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "validate.py"
    spec = importlib.util.spec_from_file_location("bench_validate", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    g = mod.residual_chain(120)
    a = validate(g, 10)
    assert len(g) == 120 and a.ok and a.output_shape == (10,)
    assert sum(n.type == "Add" for n in g.nodes) == (120 - 4 - 3) // 7
    r = subprocess.run([sys.executable, str(path), "--nodes", "60", "--repeat", "1"], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0 and "nodes/ms" in r.stdout and "topological sort" in r.stdout, r.stderr
