"""Undo commands: every edit is one step and undo restores the exact graph."""
import random

from studio.core.graph import Edge
from studio.core.project import Project
from studio.gui import commands as cmds
from studio.gui.document import Document

from .canvas_graphs import lenet_graph, resnet_like_graph, snapshot


def make_doc(graph=None):
    return Document(Project(graph=graph) if graph is not None else Project())


def test_add_connect_undo_redo_texts(qapp):
    doc = make_doc()
    g = doc.graph
    for make in (lambda: cmds.AddNodeCommand(doc, "Input", pos=(0, 0)),
                 lambda: cmds.AddNodeCommand(doc, "Conv2d", {"out_channels": 6, "kernel_size": 5}, (0, 90),
                                             label="c1"),
                 lambda: cmds.ConnectCommand(doc, "input", "conv2d")):
        assert cmds.push(doc, make()) is None
    texts = [doc.undo_stack.text(i) for i in range(doc.undo_stack.count())]
    assert texts == ["Add Input 'input'", "Add Conv2d 'c1'", "Connect 'input' → 'c1'"]
    assert doc.analysis.shapes["conv2d"] == (6, 28, 28)
    full = snapshot(g)
    doc.undo_stack.undo()
    assert g.edges == []
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert len(g) == 0
    for _ in range(3):
        doc.undo_stack.redo()
    assert snapshot(g) == full


def test_remove_restores_edges_ports_groups_positions(qapp):
    doc = make_doc(resnet_like_graph(2))
    g = doc.graph
    for i, n in enumerate(g.nodes):
        g.move(n.id, (float(i), float(i * 7)))
    g.set_label("b0.conv2", "second conv")
    before = snapshot(g)
    cmd = cmds.RemoveNodesCommand(doc, ["b0.conv2", "stem"])
    assert cmd.text() == "Delete 2 layers"
    assert cmds.push(doc, cmd) is None
    assert doc.undo_stack.count() == 1
    assert not g.has_node("stem") and "b0.conv2" not in g.group("block0").nodes
    assert not any("stem" in (e.source, e.target) for e in g.edges)
    doc.undo_stack.undo()
    assert snapshot(g) == before  # ids, params, labels, ports, group membership and order
    assert g.node("b0.conv2").label == "second conv"
    assert Edge("stem", "b0.add", 1) in g.edges
    doc.undo_stack.redo()
    assert not g.has_node("stem")


def test_connect_replaces_single_input_in_one_step(qapp):
    doc = make_doc(lenet_graph())
    g = doc.graph
    cmd, err = cmds.ConnectCommand.try_create(doc, "input", "pool1")
    assert err == "" and cmd.text() == "Reconnect 'pool1' to 'input'"
    cmds.push(doc, cmd)
    assert g.in_edges("pool1") == [Edge("input", "pool1", 0)]
    doc.undo_stack.undo()
    assert g.in_edges("pool1") == [Edge("relu1", "pool1", 0)]


def test_cycle_and_illegal_connections_refused(qapp):
    doc = make_doc(lenet_graph())
    cmd, err = cmds.ConnectCommand.try_create(doc, "fc3", "conv1")
    assert cmd is None and "cycle" in err and "'conv1'" in err
    cmd, err = cmds.ConnectCommand.try_create(doc, "conv1", "input")
    assert cmd is None and "takes no input" in err
    cmd, err = cmds.ConnectCommand.try_create(doc, "conv1", "conv1")
    assert cmd is None and "itself" in err
    # a command whose redo fails is dropped and reports why
    n = doc.undo_stack.count()
    err = cmds.push(doc, cmds.ConnectCommand(doc, "fc3", "conv1"))
    assert err and "cycle" in err and doc.undo_stack.count() == n


def test_set_param_merges_and_validates(qapp):
    doc = make_doc(lenet_graph())
    g = doc.graph
    for v in (8, 10, 12):
        cmd, err = cmds.SetParamCommand.try_create(doc, "conv1", "out_channels", v)
        cmds.push(doc, cmd)
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.text(0) == "Set out_channels of 'conv1' to 12"
    assert doc.analysis.shapes["conv1"] == (12, 28, 28)
    doc.undo_stack.undo()
    assert g.node("conv1").params["out_channels"] == 6
    cmds.push(doc, cmds.SetParamCommand(doc, "conv1", "kernel_size", 3))
    cmds.push(doc, cmds.SetParamCommand(doc, "conv2", "kernel_size", 3))  # another node: no merge
    assert doc.undo_stack.count() == 2
    cmd, err = cmds.SetParamCommand.try_create(doc, "conv1", "kernel_size", 0)
    assert cmd is None and "kernel_size" in err


def test_apply_fix_is_one_step(qapp):
    doc = make_doc(lenet_graph())
    g = doc.graph
    cmds.push(doc, cmds.RemoveNodesCommand(doc, ["flatten"]))
    cmds.push(doc, cmds.ConnectCommand(doc, "pool2", "fc1"))
    before = snapshot(g)
    fix = next(i.fix for i in doc.analysis.issues if i.fix is not None and i.node == "fc1")
    n = doc.undo_stack.count()
    cmd = cmds.ApplyFixCommand(doc, fix)
    assert cmds.push(doc, cmd) is None
    assert doc.undo_stack.count() == n + 1 and doc.undo_stack.text(n).startswith("Fix: ")
    assert not [i for i in doc.analysis.errors]
    doc.undo_stack.undo()
    assert snapshot(g) == before


def test_groups_move_positions_label_paste(qapp):
    doc = make_doc(lenet_graph())
    g = doc.graph
    before = snapshot(g)
    cmd, err = cmds.GroupCommand.try_create(doc, "features", ["conv1", "relu1", "pool1"])
    cmds.push(doc, cmd)
    assert cmds.GroupCommand.try_create(doc, "x", ["relu1"])[1].startswith("'relu1' is already in group")
    assert cmds.GroupCommand.try_create(doc, "features", ["fc1"])[0] is None
    cmds.push(doc, cmds.SetGroupCollapsedCommand(doc, "features", True))
    cmds.push(doc, cmds.MoveNodesCommand(doc, {"conv1": ((0, 90), (300, 95))}))
    cmds.push(doc, cmds.SetPositionsCommand(doc, {"fc1": (5, 5), "fc2": (6, 6)}))
    cmds.push(doc, cmds.SetLabelCommand(doc, "fc3", "classifier"))
    frag = g.subgraph(["conv1", "relu1"]).to_dict()
    cmd, err = cmds.PasteCommand.try_create(doc, frag, (40, 40))
    cmds.push(doc, cmd)
    new = list(cmd.new_ids.values())
    assert len(new) == 2 and not set(new) & {"conv1", "relu1"}
    assert Edge(cmd.new_ids["conv1"], cmd.new_ids["relu1"], 0) in g.edges
    assert g.node(cmd.new_ids["conv1"]).pos == (340.0, 135.0)
    cmds.push(doc, cmds.UngroupCommand(doc, "features"))
    after = snapshot(g)
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert snapshot(g) == before
    while doc.undo_stack.canRedo():
        doc.undo_stack.redo()
    assert snapshot(g) == after


def test_random_edit_sequences_undo_to_start(qapp):
    rng = random.Random(7)
    doc = make_doc(resnet_like_graph(2))
    g = doc.graph
    states = [snapshot(g)]
    types = ["ReLU", "Conv2d", "Add", "Dropout", "Linear"]
    for step in range(60):
        ids = [n.id for n in g.nodes]
        op = rng.choice(["add", "remove", "connect", "disconnect", "param", "move", "label"])
        if op == "add":
            cmd, _ = cmds.AddNodeCommand.try_create(doc, rng.choice(types), pos=(rng.random() * 500, 0))
        elif op == "remove" and ids:
            cmd = cmds.RemoveNodesCommand(doc, rng.sample(ids, min(len(ids), rng.randint(1, 3))))
        elif op == "connect" and len(ids) > 1:
            cmd, _ = cmds.ConnectCommand.try_create(doc, *rng.sample(ids, 2))
        elif op == "disconnect" and g.edges:
            cmd = cmds.DisconnectCommand(doc, rng.choice(g.edges))
        elif op == "param":
            convs = [n.id for n in g.nodes if n.type == "Conv2d"]
            cmd = cmds.SetParamCommand(doc, rng.choice(convs), "out_channels", rng.randint(1, 64)) if convs else None
        elif op == "move" and ids:
            nid = rng.choice(ids)
            cmd = cmds.MoveNodesCommand(doc, {nid: (g.node(nid).pos, (rng.random() * 300, rng.random() * 300))})
        elif op == "label" and ids:
            cmd = cmds.SetLabelCommand(doc, rng.choice(ids), f"l{step}")
        else:
            cmd = None
        if cmd is not None:
            n = doc.undo_stack.count()
            assert cmds.push(doc, cmd) is None
            if doc.undo_stack.count() == n + 1:
                states.append(snapshot(g))
            else:  # merged into the previous SetParam step
                states[-1] = snapshot(g)
    assert doc.undo_stack.count() == len(states) - 1
    for i in range(len(states) - 1, 0, -1):
        assert snapshot(g) == states[i]
        doc.undo_stack.undo()
    assert snapshot(g) == states[0]
    while doc.undo_stack.canRedo():
        doc.undo_stack.redo()
    assert snapshot(g) == states[-1]


def test_delete_with_reconnect_bridges_a_chain_in_one_step(qapp):
    doc = make_doc(lenet_graph())
    g = doc.graph
    before = snapshot(g)
    cmd = cmds.RemoveNodesCommand(doc, ["relu1", "pool1"], reconnect=True)
    assert cmd.healed == [Edge("conv1", "conv2", 0)]
    assert cmds.push(doc, cmd) is None and doc.undo_stack.count() == 1
    assert Edge("conv1", "conv2", 0) in g.edges and doc.analysis.ok
    doc.undo_stack.undo()
    assert snapshot(g) == before
    # a residual branch: the bridge would double an edge the Add already has, so none is made
    doc = make_doc(resnet_like_graph(1))
    cmd = cmds.RemoveNodesCommand(doc, ["b0.conv1", "b0.relu1", "b0.conv2"], reconnect=True)
    assert cmd.healed == []
    # a merge with two outside inputs is not bridged; the plain delete never bridges
    doc = make_doc(resnet_like_graph(1))
    assert cmds.RemoveNodesCommand(doc, ["b0.add"], reconnect=True).healed == []
    assert cmds.RemoveNodesCommand(doc, ["b0.relu1"]).healed == []


def test_paste_is_one_graph_paste_and_one_undo_step(qapp):
    doc = make_doc(resnet_like_graph(1))
    g = doc.graph
    before = snapshot(g)
    frag = g.subgraph(g.group("block0").nodes).to_dict()
    frag["groups"] = [g.group("block0").to_dict()]
    cmd, err = cmds.PasteCommand.try_create(doc, frag, (0, 500), "Duplicate")
    assert err == "" and cmd.text() == "Duplicate 5 layers"
    assert cmds.push(doc, cmd) is None and doc.undo_stack.count() == 1
    new = cmd.new_ids
    assert new["b0.conv1"] == "b0.conv3" and new["b0.add"] == "b0.add2"  # Graph.unique_id's scheme
    assert [x.name for x in g.groups] == ["block0", "block0 (2)"]
    after = snapshot(g)
    doc.undo_stack.undo()
    assert snapshot(g) == before
    doc.undo_stack.redo()
    assert snapshot(g) == after  # the same ids again
    assert cmds.PasteCommand.try_create(doc, "not json", (0, 0))[1].startswith("cannot paste:")
    assert cmds.PasteCommand.try_create(doc, {"nodes": []}, (0, 0))[1] == "the clipboard holds no layers"
    assert "Nonsense" in cmds.PasteCommand.try_create(doc, {"nodes": [{"id": "x", "type": "Nonsense"}]})[1]
    # refused while adding: the stack drops the command and the graph is as it was
    bad = {"nodes": [{"id": "a", "type": "ReLU"}, {"id": "b", "type": "ReLU"}],
           "edges": [{"source": "a", "target": "b", "port": 3}]}
    cmd, err = cmds.PasteCommand.try_create(doc, bad)
    assert cmd is not None and cmds.push(doc, cmd) and snapshot(g) == after and doc.undo_stack.count() == 1


def test_insert_block_lays_out_attaches_and_undoes_in_one_step(qapp):
    from studio.core.graph import GraphBuilder
    from studio.templates.user import Block

    b = GraphBuilder()  # saved without positions: every node at (0, 0)
    b.add("Conv2d", "c1", out_channels=6, kernel_size=3, padding=1)
    b.add("ReLU", "r1")
    block = Block("two", "", b.graph, [{"node": "c1", "port": 0}], [{"node": "r1"}])
    doc = make_doc(lenet_graph())
    g = doc.graph
    before = snapshot(g)
    cmd = cmds.InsertBlockCommand(doc, block, (700, 30), attach_to="input")
    assert cmd.text() == "Insert block 'two' (2 layers) after 'input'"
    assert cmds.push(doc, cmd) is None and doc.undo_stack.count() == 1
    c1, r1 = cmd.new_ids["c1"], cmd.new_ids["r1"]
    assert (c1, r1) == ("c1", "r1") and Edge("input", "c1", 0) in g.edges and Edge("c1", "r1", 0) in g.edges
    assert g.node(c1).pos == (700.0, 30.0) and g.node(r1).pos[1] > 30.0  # laid out, top-left at `at`
    cmds.push(doc, cmds.InsertBlockCommand(doc, block, (900, 30)))
    assert {"c2", "r2"} <= {n.id for n in g.nodes} and not g.in_edges("c2")
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert snapshot(g) == before
