"""The canvas with real events: drops, wiring by mouse, moving, keys, clipboard, groups."""
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio.core.graph import Edge
from studio.gui.canvas import MIME_LAYER

from .canvas_graphs import lenet_graph, resnet_like_graph, snapshot


def drop_layer(view, type_id, scene_pt):
    md = QMimeData()
    md.setData(MIME_LAYER, type_id.encode("utf-8"))
    pos = view.mapFromScene(scene_pt)
    vp = view.viewport()
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, drop)
    return drop


def drag(view, a: QPoint, b: QPoint, steps=6):
    vp = view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, steps + 1):
        QTest.mouseMove(vp, a + (b - a) * (i / steps))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def out_port(view, nid) -> QPoint:
    return view.mapFromScene(view.graph_scene.nodes[nid].out_port_pos())


def in_port(view, nid, port=0) -> QPoint:
    return view.mapFromScene(view.graph_scene.nodes[nid].in_port_pos(port))


def test_build_by_drops_and_mouse_wiring(make_view):
    view = make_view()
    doc, g = view.doc, view.doc.graph
    drop_layer(view, "Input", QPointF(0, 0))
    drop_layer(view, "Conv2d", QPointF(0, 150))
    drop_layer(view, "ReLU", QPointF(0, 300))
    assert [n.type for n in g.nodes] == ["Input", "Conv2d", "ReLU"]
    conv = g.node("conv2d")
    assert abs(conv.pos[0] + 90) < 1 and abs(conv.pos[1] - 122) < 1  # centred on the drop point
    assert set(view.graph_scene.nodes) == {"input", "conv2d", "relu"}
    drag(view, out_port(view, "input"), in_port(view, "conv2d"))
    drag(view, out_port(view, "conv2d"), in_port(view, "relu") + QPoint(6, 4))  # near the port snaps
    assert sorted(g.edges, key=lambda e: e.source) == [Edge("conv2d", "relu", 0), Edge("input", "conv2d", 0)]
    assert set(view.graph_scene.edges) == set(g.edges)
    assert doc.analysis.shapes["relu"] == (16, 30, 30)
    assert doc.undo_stack.count() == 5
    # a cycle is refused with a message, nothing changes
    drag(view, out_port(view, "relu"), in_port(view, "conv2d"))
    assert len(g.edges) == 2
    assert any("cycle" in m for m in view.messages)
    # one undo per action
    doc.undo_stack.undo()
    assert g.edges == [Edge("input", "conv2d", 0)]
    assert set(view.graph_scene.edges) == set(g.edges)


def test_merge_ports_grow_and_edge_labels(make_view):
    view = make_view(resnet_like_graph(1))
    sc = view.graph_scene
    ports = [p.port for p in sc.nodes["b0.add"].in_ports]
    assert ports == [0, 1, 2]  # two connected plus a free one
    label = sc.edges[Edge("b0.conv2", "b0.add", 0)].label_text
    assert label == "16×32×32"
    skip = sc.edges[Edge("stem", "b0.add", 1)]  # routed beside the cards, not through them
    card = sc.nodes["b0.conv1"].sceneBoundingRect()
    assert skip.path().boundingRect().right() > card.right()
    view.connect_nodes("b0.relu1", "b0.add")
    assert [p.port for p in sc.nodes["b0.add"].in_ports] == [0, 1, 2, 3]


def test_move_is_one_command_and_undoable(make_view):
    view = make_view(lenet_graph())
    doc, g = view.doc, view.doc.graph
    view.fit_all()
    item = view.graph_scene.nodes["conv1"]
    start = view.mapFromScene(item.mapToScene(QPointF(60, 20)))
    before = g.node("conv1").pos
    drag(view, start, start + QPoint(80, 10))
    after = g.node("conv1").pos
    assert after != before and doc.undo_stack.count() == 1
    assert doc.undo_stack.text(0) == "Move 'conv1'"
    e = view.graph_scene.edges[Edge("input", "conv1", 0)]
    assert abs(e.path().pointAtPercent(1.0).x() - item.in_port_pos(0).x()) < 0.01  # the edge followed
    doc.undo_stack.undo()
    assert g.node("conv1").pos == before and item.pos() == QPointF(*before)


def test_delete_keys_selection_and_undo(make_view):
    view = make_view(lenet_graph())
    doc, g = view.doc, view.doc.graph
    before = snapshot(g)
    seen = []
    view.selection_changed.connect(seen.append)
    view.select_nodes(["relu1", "pool1"])
    assert view.selected_node_ids() == ["relu1", "pool1"] and seen[-1] == ["relu1", "pool1"]
    view.setFocus()
    QTest.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert not g.has_node("relu1") and not g.has_node("pool1")
    assert "relu1" not in view.graph_scene.nodes
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert snapshot(g) == before
    assert set(view.graph_scene.edges) == set(g.edges)
    # a selected edge alone
    view.graph_scene.clearSelection()
    view.graph_scene.edges[Edge("conv1", "relu1", 0)].setSelected(True)
    assert view.delete_selection()
    assert Edge("conv1", "relu1", 0) not in g.edges and g.has_node("relu1")


def test_copy_paste_cut_duplicate(make_view):
    view = make_view(resnet_like_graph(1))
    doc, g = view.doc, view.doc.graph
    view.select_nodes(g.group("block0").nodes)
    view.setFocus()
    QTest.keyClick(view.viewport(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert "x-cnn-studio-graph" in " ".join(QGuiApplication.clipboard().mimeData().formats())
    n0, e0 = len(g), len(g.edges)
    QTest.keyClick(view.viewport(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(g) == n0 + 5
    assert len(g.edges) == e0 + 4  # the edges inside the selection (not the ones from outside)
    new = view.selected_node_ids()
    assert len(new) == 5 and not set(new) & set(g.group("block0").nodes)
    assert any(set(gr.nodes) == set(new) for gr in g.groups)  # the whole group came along
    assert len(view.graph_scene.nodes) == len(g)
    QTest.keyClick(view.viewport(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(g) == n0 + 10
    view.select_nodes(["fc"])
    QTest.keyClick(view.viewport(), Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert not g.has_node("fc")
    view.paste()
    assert sum(1 for n in g.nodes if n.type == "Linear") == 1
    assert doc.undo_stack.count() == 4
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert len(g) == n0 and len(view.graph_scene.nodes) == n0


def test_rename_by_double_click(make_view):
    view = make_view(lenet_graph())
    view.fit_all()
    item = view.graph_scene.nodes["fc1"]
    p = view.mapFromScene(item.mapToScene(QPointF(40, 26)))
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
    ed = view.renamer.editor
    assert ed is not None and ed.text() == "fc1"
    ed.setText("hidden")
    QTest.keyClick(ed, Qt.Key.Key_Return)
    assert view.doc.graph.node("fc1").label == "hidden"
    assert view.doc.undo_stack.text(0) == "Rename 'fc1' to 'hidden'"
    assert item._name_text == "hidden"


def test_group_collapse_and_context_menu(make_view):
    view = make_view(lenet_graph())
    doc, g = view.doc, view.doc.graph
    sc = view.graph_scene
    view.select_nodes(["conv1", "relu1", "pool1"])
    assert view.group_selection("stage1")
    assert "stage1" in sc.groups and g.group("stage1").nodes == ["conv1", "relu1", "pool1"]
    assert not view.group_selection("stage1")  # taken name: refused with a message
    view.toggle_group("stage1")
    assert "stage1" in sc.blocks and not sc.nodes["conv1"].isVisible()
    assert not sc.edges[Edge("conv1", "relu1", 0)].isVisible()
    blk = sc.blocks["stage1"]
    assert sc.edges[Edge("input", "conv1", 0)].path().pointAtPercent(1.0) == blk.in_port_pos()
    assert "1×32×32 → 6×14×14" == blk._info.text()
    doc.undo_stack.undo()
    assert "stage1" in sc.groups and sc.nodes["conv1"].isVisible()
    # the canvas menu offers layers by category; a node's menu offers its fix
    menu = view.build_context_menu(QPoint(5, 5))
    titles = [a.text() for a in menu.actions()]
    assert "Add layer" in titles and "Auto-layout" in titles
    view.doc.graph.set_param("fc3", "out_features", 7)  # outputs 7 scores for 10 classes
    item = sc.nodes["fc3"]
    assert item.severity == "warning"
    view.centerOn(item)
    menu = view.build_context_menu(view.mapFromScene(item.mapToScene(QPointF(90, 28))))
    fix = [a for a in menu.actions() if a.text().startswith("Fix: ")]
    assert fix
    fix[0].trigger()
    assert g.node("fc3").params["out_features"] == 10 and item.severity is None


def test_tooltip_and_error_nodes(make_view):
    view = make_view(lenet_graph())
    g = view.doc.graph
    g.remove_node("flatten")
    g.connect("pool2", "fc1")
    item = view.graph_scene.nodes["fc1"]
    assert item.severity == "error"
    tip = view.graph_scene.tooltip_for("fc1")
    assert "fc1" in tip and "color:#d32f2f" in tip
    assert "Flatten" in tip  # the fix is named
    tip = view.graph_scene.tooltip_for("conv1")
    assert "conv1" in tip and "28" in tip  # the filled-in formula


def test_zoom_fit_and_auto_layout(make_view):
    view = make_view(resnet_like_graph(2))
    doc, g = view.doc, view.doc.graph
    z = view.zoom_factor()
    view.setFocus()
    QTest.keyClick(view.viewport(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_factor() > z
    QTest.keyClick(view.viewport(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_factor() < z
    for n in g.nodes:
        g.move(n.id, (0.0, 0.0))
    view.auto_layout()
    assert doc.undo_stack.count() == 1 and len({n.pos for n in g.nodes}) == len(g)
    r = view.mapToScene(view.viewport().rect()).boundingRect()
    assert r.contains(view.graph_scene.itemsBoundingRect().center())
    doc.undo_stack.undo()
    assert len({n.pos for n in g.nodes}) == 1


def test_legal_targets_highlight_while_wiring(make_view):
    view = make_view(lenet_graph())
    view.fit_all()
    sc, vp = view.graph_scene, view.viewport()
    a = out_port(view, "pool1")
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(vp, a + QPoint(30, 40))
    lit = {nid for nid, it in sc.nodes.items() if any(p.highlight for p in it.in_ports)}
    assert "fc3" in lit and "conv2" not in lit  # conv2 already takes pool1's output
    assert not lit & {"input", "conv1", "relu1", "pool1"}  # upstream: would make a cycle
    QTest.mouseMove(vp, in_port(view, "fc3"))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, in_port(view, "fc3"))
    assert Edge("pool1", "fc3", 0) in view.doc.graph.edges  # replaced fc3's input
    assert Edge("relu4", "fc3", 0) not in view.doc.graph.edges
    assert not any(p.highlight for it in sc.nodes.values() for p in it.in_ports)
    assert view.doc.undo_stack.count() == 1


def test_drag_collapsed_block_moves_members(make_view):
    view = make_view(lenet_graph())
    g = view.doc.graph
    g.add_group("stage1", ["conv1", "relu1", "pool1"], collapsed=True)
    blk = view.graph_scene.blocks["stage1"]
    view.fit_all()
    before = {n: g.node(n).pos for n in ("conv1", "relu1", "pool1")}
    start = view.mapFromScene(blk.mapToScene(QPointF(60, 25)))
    drag(view, start, start + QPoint(50, 0))
    moved = {n: g.node(n).pos for n in before}
    dx = {round(moved[n][0] - before[n][0], 3) for n in before}
    assert len(dx) == 1 and dx.pop() > 0 and view.doc.undo_stack.count() == 1
    assert blk.pos().x() == min(p[0] for p in moved.values())


def test_middle_mouse_pans(make_view):
    view = make_view(resnet_like_graph(3))
    view.resetTransform()
    vp = view.viewport()
    v0 = view.verticalScrollBar().value()
    c = vp.rect().center()
    QTest.mousePress(vp, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, c)
    QTest.mouseMove(vp, c + QPoint(0, -120))
    QTest.mouseRelease(vp, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, c + QPoint(0, -120))
    assert view.verticalScrollBar().value() > v0
