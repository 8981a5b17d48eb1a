"""The graph document: mutation API, refusals, events, batching, groups, copies."""
from __future__ import annotations

import pytest

from studio.core.errors import GraphError, ParamError
from studio.core.events import Signal
from studio.core.graph import Edge, Graph, GraphBuilder


class Recorder:
    """Subscribes to every signal of a graph and keeps (signal, args) in order."""

    NAMES = ("node_added", "node_removed", "node_changed", "node_moved", "edge_added",
             "edge_removed", "groups_changed", "changed")

    def __init__(self, graph: Graph):
        self.events: list[tuple] = []
        for name in self.NAMES:
            getattr(graph, name).connect(lambda *args, _n=name: self.events.append((_n, *args)))

    def names(self) -> list[str]:
        return [e[0] for e in self.events]

    def clear(self) -> None:
        self.events.clear()


def chain() -> Graph:
    b = GraphBuilder()
    b.add("Input", "input", channels=1, height=8, width=8)
    b.add("Conv2d", "conv", out_channels=4, kernel_size=3)
    b.add("ReLU", "relu")
    return b.graph


def test_add_node_fills_defaults_and_emits():
    g = Graph()
    rec = Recorder(g)
    n = g.add_node("Conv2d", {"out_channels": 8}, node_id="c1", label="first", pos=(10, 20))
    assert n.params["out_channels"] == 8 and n.params["kernel_size"] == 3 and n.params["bias"] is True
    assert n.name == "first" and n.pos == (10.0, 20.0)
    assert rec.names() == ["node_added", "changed"]
    assert rec.events[0][1] is n
    assert g.node("c1") is n and "c1" in g and len(g) == 1


def test_auto_ids_are_unique():
    g = Graph()
    ids = [g.add_node("ReLU").id for _ in range(3)]
    assert ids == ["relu", "relu2", "relu3"]
    assert g.add_node("Conv2d").id == "conv2d"
    assert g.add_node("Conv2d").id == "conv2d2"


@pytest.mark.parametrize("bad", ["", "1abc", "a b", "x" * 101, "a/b", "naïve"])
def test_bad_node_ids_are_refused(bad):
    with pytest.raises(GraphError, match="not allowed"):
        Graph().add_node("ReLU", node_id=bad)


def test_refusals_name_the_problem():
    g = chain()
    with pytest.raises(GraphError, match="already exists"):
        g.add_node("ReLU", node_id="relu")
    with pytest.raises(GraphError, match="unknown layer type 'Conv3d'"):
        g.add_node("Conv3d")
    with pytest.raises(GraphError, match="no node 'nope'"):
        g.node("nope")
    with pytest.raises(ParamError, match="out_channels"):
        g.add_node("Conv2d", {"out_channels": 0})
    with pytest.raises(ParamError, match="has no parameter 'kernel'"):
        g.add_node("Conv2d", {"kernel": 3})
    assert len(g) == 3  # nothing half-added


def test_set_param_checks_and_keeps_old_value_on_error():
    g = chain()
    rec = Recorder(g)
    assert g.set_param("conv", "out_channels", 16) == 4
    assert g.node("conv").params["out_channels"] == 16
    assert rec.names() == ["node_changed", "changed"]
    assert rec.events[0][2] == "params"
    rec.clear()
    with pytest.raises(ParamError, match="must be a whole number"):
        g.set_param("conv", "out_channels", "many")
    with pytest.raises(ParamError, match="stride 1"):
        g.set_param("conv", "padding", "same") or g.set_param("conv", "stride", 2)
    assert g.node("conv").params["padding"] == "same" and g.node("conv").params["stride"] == 1
    old = g.set_params("conv", {"kernel_size": [3, 5], "bias": False})
    assert old["kernel_size"] == 3 and g.node("conv").params["kernel_size"] == [3, 5]
    assert g.set_param("conv", "kernel_size", [2, 2]) == [3, 5]
    assert g.node("conv").params["kernel_size"] == 2  # equal pair collapses to an int


def test_label_and_move_events():
    g = chain()
    rec = Recorder(g)
    assert g.set_label("conv", "conv1") == ""
    assert g.node("conv").name == "conv1"
    assert rec.names() == ["node_changed", "changed"] and rec.events[0][2] == "label"
    rec.clear()
    assert g.move("conv", (5, 6)) == (0.0, 0.0)
    assert rec.names() == ["node_moved"]  # a move is not a structural change


def test_connect_ports_and_refusals():
    g = Graph()
    g.add_node("Input", node_id="in")
    g.add_node("ReLU", node_id="a")
    g.add_node("ReLU", node_id="b")
    g.add_node("Add", node_id="add")
    rec = Recorder(g)
    e = g.connect("in", "a")
    assert e == Edge("in", "a", 0) and rec.names() == ["edge_added", "changed"]
    g.connect("in", "b")
    assert g.connect("a", "add").port == 0
    assert g.connect("b", "add").port == 1
    assert g.connect("in", "add").port == 2  # Add takes any number of inputs
    assert g.predecessors("add") == ["a", "b", "in"]
    assert sorted(g.successors("in")) == ["a", "add", "b"]
    with pytest.raises(GraphError, match="already has its input"):
        g.connect("b", "a")
    with pytest.raises(GraphError, match="takes no input"):
        g.connect("a", "in")
    with pytest.raises(GraphError, match="itself"):
        g.connect("a", "a")
    with pytest.raises(GraphError, match="already connected"):
        g.connect("b", "add", 0)
    with pytest.raises(GraphError, match="no input port 3"):
        g.add_node("ReLU", node_id="c") and g.connect("c", "a", 3)
    with pytest.raises(GraphError, match="no node"):
        g.connect("ghost", "a")


def test_connect_refuses_cycles_naming_both_nodes():
    g = chain()
    g.add_node("Add", node_id="add")
    g.connect("relu", "add")
    g.disconnect(g.in_edges("conv")[0])
    with pytest.raises(GraphError, match=r"would make a cycle: 'conv' already feeds 'add'"):
        g.connect("add", "conv")
    assert g.in_edges("conv") == []
    assert g.find_path_exists("conv", "add")
    assert not g.find_path_exists("add", "conv")


def test_disconnect_and_missing_edge():
    g = chain()
    rec = Recorder(g)
    e = g.in_edges("relu")[0]
    g.disconnect(e)
    assert rec.names() == ["edge_removed", "changed"] and rec.events[0][1] == e
    assert g.in_edges("relu") == [] and g.free_port("relu") == 0
    with pytest.raises(GraphError, match="no edge conv → relu:0"):
        g.disconnect(e)


def test_remove_node_and_undo_by_reinserting():
    g = chain()
    g.add_group("block", ["conv", "relu"])
    before = g.structure()
    rec = Recorder(g)
    node, edges = g.remove_node("conv")
    assert sorted(edges, key=lambda e: e.source) == [Edge("conv", "relu", 0), Edge("input", "conv", 0)]
    assert "conv" not in g and g.group("block").nodes == ["relu"]
    assert rec.names().count("edge_removed") == 2 and rec.names().count("node_removed") == 1
    assert rec.names().count("changed") == 1  # one notification for the whole removal
    g.insert_node(node)
    for e in edges:
        g.connect(e.source, e.target, e.port)
    g.remove_group("block")
    g.add_group("block", ["conv", "relu"])
    assert g.structure() == before


def test_batch_emits_changed_once():
    g = Graph()
    rec = Recorder(g)
    g.begin_batch()
    g.begin_batch()
    a = g.add_node("Input").id
    b = g.add_node("ReLU").id
    g.end_batch()
    assert "changed" not in rec.names()  # still inside the outer batch
    g.connect(a, b)
    g.end_batch()
    assert rec.names().count("changed") == 1 and rec.names()[-1] == "changed"


def test_groups():
    g = chain()
    rec = Recorder(g)
    grp = g.add_group("block", ["conv", "relu", "conv"], kind="ConvBlock")
    assert grp.nodes == ["conv", "relu"] and rec.names() == ["groups_changed"]
    with pytest.raises(GraphError, match="already exists"):
        g.add_group("block", ["conv"])
    with pytest.raises(GraphError, match="needs a name"):
        g.add_group("", ["conv"])
    with pytest.raises(GraphError, match="no node 'zz'"):
        g.add_group("other", ["zz"])
    assert g.set_group_collapsed("block", True) is False and g.group("block").collapsed
    assert g.to_dict()["groups"] == [{"name": "block", "nodes": ["conv", "relu"], "collapsed": True,
                                      "kind": "ConvBlock"}]
    g.remove_group("block")
    with pytest.raises(GraphError, match="no group"):
        g.group("block")


def test_copy_is_independent_and_structure_ignores_positions():
    g = chain()
    c = g.copy()
    assert c.structure() == g.structure()
    c.set_param("conv", "out_channels", 9)
    c.connect("relu", c.add_node("Flatten").id)
    assert g.node("conv").params["out_channels"] == 4 and len(g) == 3 and len(g.edges) == 2
    g.move("conv", (100, 100))
    assert g.structure() == chain().structure()
    g.set_label("conv", "x")
    assert g.structure() != chain().structure()


def test_subgraph_keeps_inner_edges_only():
    g = chain()
    s = g.subgraph(["conv", "relu"])
    assert [n.id for n in s.nodes] == ["conv", "relu"]
    assert s.edges == [Edge("conv", "relu", 0)]
    with pytest.raises(GraphError):
        g.subgraph(["conv", "ghost"])


def test_clear_removes_everything():
    g = chain()
    g.add_group("b", ["conv"])
    rec = Recorder(g)
    g.clear()
    assert len(g) == 0 and g.edges == [] and g.groups == []
    assert rec.names().count("changed") == 1


def test_legacy_type_ids_map_to_current():
    g = Graph()
    n = g.add_node("BatchNorm2d")
    assert n.type == "BatchNorm"


def test_builder_chains_and_branches():
    b = GraphBuilder()
    b.add("Input", "in", channels=3, height=8, width=8)
    c = b.add("Conv2d", "c", out_channels=3, padding=1)
    b.add("Add", "add", inputs=[c, "in"])
    assert b.last == "add"
    assert b.graph.predecessors("add") == ["c", "in"]


def test_signal_basics():
    s = Signal()
    got = []
    f = got.append
    s.connect(f)
    s.connect(f)
    assert len(s) == 1
    s.emit(1)
    s.disconnect(f)
    s.disconnect(f)  # harmless
    s.emit(2)
    assert got == [1]
