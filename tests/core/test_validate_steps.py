"""The steps of validate, each on its own: one Analysis, one Wiring, one step at a time."""
from __future__ import annotations

from studio.core.graph import Edge, GraphBuilder
from studio.core.validate import (ERROR, WARNING, Analysis, Wiring, check_arity, check_cycles, check_input,
                                  check_output, check_reach, choose_output, infer_shapes)

from ..graphs import lenet


def start(graph):
    a = Analysis(names={n.id: n.name for n in graph.nodes}, types={n.id: n.type for n in graph.nodes})
    return Wiring.of(graph, a.names), a


def test_wiring_orders_incoming_edges_by_port_and_names_layers():
    b = GraphBuilder()
    b.add("Input", "input", channels=3, height=8, width=8)
    left = b.add("ReLU", "left")
    right = b.add("Conv2d", "right", inputs="input", out_channels=3, kernel_size=1)
    b.add("Add", "add", inputs=[right, left])
    w, _ = start(b.graph)
    assert [e.source for e in w.ins["add"]] == ["right", "left"]
    assert w.outs["input"] == ["left", "right"]
    assert w.who["right"] == "Conv2d 'right'" and w.specs["add"].id == "Add"


def test_check_input_picks_the_first_and_refuses_a_second():
    g = lenet()
    g.add_node("Input", node_id="input2")
    w, a = start(g)
    check_input(w, a)
    assert a.input_id == "input"
    assert [(i.node, i.severity) for i in a.issues] == [("input2", ERROR)] and a.issues[0].fix.action == "remove_node"


def test_check_cycles_gives_the_order_or_names_the_cycle():
    g = lenet()
    w, a = start(g)
    assert check_cycles(w, a) == [n.id for n in g.nodes] and a.issues == []
    g._add_edge(Edge("relu3", "relu3", 1))
    w, a = start(g)
    order = check_cycles(w, a)
    assert "relu3" not in order and len(order) < len(g.nodes)
    assert a.issues[0].message.startswith("Cycle: 'relu3' → 'relu3'")


def test_check_arity_and_reach():
    g = lenet()
    g.disconnect(g.in_edges("relu2")[0])  # relu2 has no input; pool2 onwards is cut off from the Input
    w, a = start(g)
    check_input(w, a)
    bad = check_arity(w, a)
    assert bad == {"relu2"}
    reach = check_reach(w, a, bad)
    assert "conv2" in reach and "pool2" not in reach
    assert {i.node for i in a.issues} == {"relu2", "pool2", "flatten", "fc1", "relu3", "fc2", "relu4", "fc3"}


def test_choose_output_takes_the_deepest_dead_end():
    g = lenet()
    g.add_node("ReLU", node_id="side")
    g.connect("pool1", "side")
    w, a = start(g)
    check_input(w, a)
    a.order = check_cycles(w, a)
    choose_output(w, a, check_reach(w, a, set()), acyclic=True)
    assert a.output_id == "fc3"
    assert [(i.node, i.severity) for i in a.issues] == [("side", ERROR)] and "dead end" in a.issues[0].message


def test_infer_shapes_then_check_output():
    w, a = start(lenet())
    check_input(w, a)
    a.order = check_cycles(w, a)
    a.output_id = "fc3"
    infer_shapes(w, a, set())
    assert a.shapes["flatten"] == (400,) and a.costs["fc1"].params == 48120
    check_output(w, a, 10)
    assert a.issues == []
    check_output(w, a, 7)
    (issue,) = a.issues
    assert issue.severity == WARNING and issue.fix.param == "out_features" and issue.fix.value == 7
