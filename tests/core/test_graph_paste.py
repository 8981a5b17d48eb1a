"""Graph.paste and the one id scheme (studio.core.graph_paste, studio.core.graph_types)."""
import pytest

from studio.core.errors import GraphError, ParamError
from studio.core.graph import STAGE, Edge, Graph, GraphBuilder
from studio.core.graph_paste import apply_paste, plan_paste, remove_pasted
from studio.core.graph_types import fresh_id, fresh_name


def chain() -> Graph:
    b = GraphBuilder()
    b.add("Input", "input", channels=1, height=8, width=8)
    b.add("Conv2d", "conv1", out_channels=4, kernel_size=3, label="first conv")
    b.add("ReLU", "relu")
    b.graph.add_group("blk", ["conv1", "relu"], kind="Block")
    for i, n in enumerate(b.graph.nodes):
        b.graph.move(n.id, (10.0 * i, 100.0 * i))
    return b.graph


def test_fresh_id_is_the_graphs_unique_id():
    taken = {"conv1", "conv2", "relu", "relu2"}
    assert [fresh_id(b, taken) for b in ("conv1", "relu", "bn", "9x", "a b", "")] == \
        ["conv3", "relu3", "bn", "n_9x", "a_b", "node"]
    g = Graph()
    for t in ("Input", "ReLU", "ReLU", "ReLU"):
        g.add_node(t, {"channels": 1, "height": 4, "width": 4} if t == "Input" else None)
    assert [n.id for n in g.nodes] == ["input", "relu", "relu2", "relu3"]
    assert g.unique_id("relu") == fresh_id("relu", {n.id for n in g.nodes}) == "relu4"
    assert fresh_name("conv", {"conv", "conv (2)"}) == "conv (3)" and fresh_name("x", ()) == "x"


def test_paste_maps_ids_labels_groups_and_offsets():
    g = chain()
    frag = g.subgraph(["conv1", "relu"]).to_dict()
    frag["groups"] = [g.group("blk").to_dict()]
    m = g.paste(frag, offset=(40, 40))
    assert m == {"conv1": "conv2", "relu": "relu2"}
    assert Edge("conv2", "relu2", 0) in g.edges and not g.in_edges("conv2")  # only inner edges
    assert g.node("conv2").label == "first conv (2)" and g.node("conv2").params == g.node("conv1").params
    assert g.node("conv2").pos == (50.0, 140.0) and g.node("relu2").pos == (60.0, 240.0)
    assert [(x.name, x.nodes, x.kind) for x in g.groups] == [("blk", ["conv1", "relu"], "Block"),
                                                             ("blk (2)", ["conv2", "relu2"], "Block")]
    m2 = g.paste(frag, at=(500, 0))  # top-left at `at`
    assert m2 == {"conv1": "conv3", "relu": "relu3"}
    assert (g.node("conv3").pos, g.node("relu3").pos) == ((500.0, 0.0), (510.0, 100.0))


def test_partial_groups_stay_behind_and_group_names_avoid_stages():
    g = chain()
    g.add_group("blk (2)", ["input"], kind=STAGE)  # a stage already holds the next name
    frag = g.subgraph(["conv1"]).to_dict()
    frag["groups"] = [g.group("blk").to_dict()]  # conv1 without relu: the group is not whole
    g.paste(frag)
    assert [x.name for x in g.all_groups] == ["blk", "blk (2)"]
    frag = g.subgraph(["conv1", "relu"]).to_dict()
    frag["groups"] = [g.group("blk").to_dict()]
    g.paste(frag)
    assert [x.name for x in g.all_groups] == ["blk", "blk (2)", "blk (3)"]


def test_a_fragment_without_positions_is_laid_out():
    b = GraphBuilder()
    b.add("Input", "input", channels=1, height=8, width=8)
    b.add("Conv2d", "c", out_channels=2, kernel_size=3)
    b.add("ReLU", "r")
    g = Graph()
    m = g.paste(b.graph, at=(100, 200))
    pos = [g.node(m[i]).pos for i in ("input", "c", "r")]
    assert len(set(pos)) == 3 and min(p[0] for p in pos) == 100 and min(p[1] for p in pos) == 200
    assert pos[0][1] < pos[1][1] < pos[2][1]  # the flow runs downwards


def test_plan_then_apply_is_repeatable_and_removable():
    g = chain()
    before = g.structure()
    frag = g.subgraph(["conv1", "relu"]).to_dict()
    plan = plan_paste(g, frag, offset=(5, 5))
    assert g.structure() == before  # planning changes nothing
    for _ in range(2):  # redo after undo adds the very same ids
        assert g.paste(plan) == {"conv1": "conv2", "relu": "relu2"} and g.has_node("relu2")
        remove_pasted(g, plan)
        assert g.structure() == before


def test_bad_fragments_are_refused_and_nothing_stays():
    g = chain()
    before = g.structure()
    with pytest.raises(GraphError, match="dict with a list of \"nodes\""):
        g.paste([1, 2])
    with pytest.raises(GraphError, match="no layer type"):
        g.paste({"nodes": [{"id": "x"}]})
    with pytest.raises(GraphError, match="Nonsense"):
        g.paste({"nodes": [{"id": "x", "type": "Nonsense"}]})
    with pytest.raises(GraphError, match="two layers with id 'x'"):
        g.paste({"nodes": [{"id": "x", "type": "ReLU"}, {"id": "x", "type": "ReLU"}]})
    with pytest.raises(ParamError):
        g.paste({"nodes": [{"id": "c", "type": "Conv2d", "params": {"kernel_size": -3}}]})
    with pytest.raises(GraphError, match="port 'x': a port is a whole number"):
        g.paste({"nodes": [{"id": "a", "type": "ReLU"}], "edges": [{"source": "a", "target": "a", "port": "x"}]})
    with pytest.raises(GraphError, match="\"groups\" is not a list of records"):
        g.paste({"nodes": [{"id": "a", "type": "ReLU"}], "groups": ["a"]})
    with pytest.raises(GraphError, match="position"):
        g.paste({"nodes": [{"id": "r", "type": "ReLU", "pos": "here"}]})
    # a refusal while adding (input port 5 of a ReLU) rolls back the layers already added
    with pytest.raises(GraphError):
        g.paste({"nodes": [{"id": "a", "type": "ReLU"}, {"id": "b", "type": "ReLU"}],
                 "edges": [{"source": "a", "target": "b", "port": 5}]})
    plan = plan_paste(g, {"nodes": [{"id": "a", "type": "ReLU"}, {"id": "b", "type": "ReLU"}],
                          "edges": [{"source": "a", "target": "b", "port": 5}]})
    with pytest.raises(GraphError):
        apply_paste(g, plan)
    assert g.structure() == before


def test_membership_of_stages_and_blocks():
    g = chain()
    g.add_group("stage1", ["conv1", "relu"], kind=STAGE)
    m = g.membership()
    assert m.stage_of == {"conv1": "stage1", "relu": "stage1"}
    assert m.block_of == {"conv1": "blk", "relu": "blk"} and m.group_of["relu"] == "blk"
    assert m.inside_collapsed_stage == frozenset()
    g.set_group_collapsed("stage1", True)
    assert g.membership().inside_collapsed_stage == {"blk"}
    g.remove_group("blk")
    assert g.membership().group_of == {"conv1": "stage1", "relu": "stage1"}


def test_ids_that_are_not_names_get_legal_ones():
    g = Graph()
    m = g.paste({"nodes": [{"id": 1, "type": "ReLU"}, {"id": "a b", "type": "ReLU"}],
                 "edges": [{"source": 1, "target": "a b"}], "groups": [{"name": "g", "nodes": [1, "a b"]}]})
    assert m == {"1": "n_1", "a b": "a_b"} and g.edges == [Edge("n_1", "a_b", 0)]
    assert [(x.name, x.nodes) for x in g.groups] == [("g", ["n_1", "a_b"])]
