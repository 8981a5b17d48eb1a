"""Saved blocks come back: "Save selection as block…" lists the block under My blocks in the
palette and in Edit → Insert block; inserting is one undo step, fed by the selected layer."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from studio.gui.canvas import MIME_BLOCK
from studio.templates.user import list_blocks


def _save(win, dialogs, ids, name):
    win.canvas.select_nodes(ids)
    dialogs.text = (name, True)
    win.act["save_selection"].trigger()
    assert any(b.name == name for b in list_blocks()), win.statusBar().currentMessage()


def _palette_item(win, name):
    cat = win.palette._blocks_item
    return next(cat.child(i) for i in range(cat.childCount()) if cat.child(i).text(0) == name)


def test_save_then_insert_below_selection_from_palette_and_menu(win, dialogs, qtbot):
    doc, g = win.document, win.document.graph
    assert win.palette._blocks_item.isHidden()  # no blocks yet: no empty section
    _save(win, dialogs, ["conv2", "relu2", "pool2"], "conv stage")
    assert win.palette.block_names() == ["conv stage"] and not win.palette._blocks_item.isHidden()
    win.fill_blocks_menu()
    assert [a.text() for a in win.blocks_menu.actions()] == ["conv stage"]

    # double-click in the palette with pool2 selected: below it, fed by it, one undo step
    before, depth = g.structure(), doc.undo_stack.count()
    win.canvas.select_nodes(["pool2"])
    item = _palette_item(win, "conv stage")
    win.palette.tree.itemDoubleClicked.emit(item, 0)
    new = win.canvas.selected_node_ids()
    assert len(new) == 3 and len(g) == 16 and doc.undo_stack.count() == depth + 1
    first = next(n for n in new if g.node(n).type == "Conv2d")
    assert [e.source for e in g.in_edges(first)] == ["pool2"]
    assert doc.analysis.shapes[first] == (16, 1, 1)  # 16×5×5 through a 5×5 convolution
    assert g.node(first).pos[1] > g.node("pool2").pos[1]
    out = next(n for n in new if g.node(n).type == "MaxPool2d")  # spliced in: it feeds the Flatten
    assert [e.source for e in g.in_edges("flatten")] == [out] and "pool2" not in [e.source for e in g.in_edges("flatten")]
    assert g.node("flatten").pos[1] > g.node(out).pos[1]  # the layers below made room
    assert "Insert block 'conv stage'" in doc.undo_stack.text(depth)
    assert set(win.canvas.graph_scene.nodes) == {n.id for n in g.nodes}
    doc.undo_stack.undo()
    assert g.structure() == before
    doc.undo_stack.redo()
    assert len(g) == 16

    # from the Edit menu with nothing selected: centred in the view, not wired
    win.resize(1200, 800)
    win.show()
    win.canvas.graph_scene.clearSelection()
    win.fill_blocks_menu()
    win.blocks_menu.actions()[0].trigger()
    new = win.canvas.selected_node_ids()
    assert len(new) == 3 and len(g) == 19
    assert all(not any(e.source not in new for e in g.in_edges(n)) for n in new)
    r = None
    for n in new:
        br = win.canvas.graph_scene.nodes[n].sceneBoundingRect()
        r = br if r is None else r.united(br)
    centre = win.canvas.mapToScene(win.canvas.viewport().rect().center())
    assert r.contains(centre)


def test_drop_a_block_and_residual_inputs_are_both_fed(make_window, dialogs):
    from studio import templates

    win = make_window(templates.build_project("resnet18"))
    doc, g = win.document, win.document.graph
    block = [n for n in g.group("layer1.0").nodes]
    _save(win, dialogs, block, "basic block")
    (b,) = list_blocks()
    assert len(b.inputs) == 2  # the first convolution and the skip into the Add
    # drop it from the palette onto the canvas: top-left at the drop point, nothing wired
    win.resize(1200, 800)
    win.show()
    view = win.canvas
    md = QMimeData()
    md.setData(MIME_BLOCK, b"basic block")
    at = view.mapToScene(view.viewport().rect().center())
    enter = QDragEnterEvent(view.mapFromScene(at), Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    ev = QDropEvent(QPointF(view.mapFromScene(at)), Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), ev)
    assert ev.isAccepted(), win.statusBar().currentMessage()
    new = view.selected_node_ids()
    left = min(g.node(n).pos[0] for n in new)
    top = min(g.node(n).pos[1] for n in new)
    assert abs(left - (at.x() - 90)) < 2 and abs(top - (at.y() - 28)) < 2  # the card under the pointer
    assert len(new) == len(block) and len(g.groups) == len(templates.build_project("resnet18").graph.groups) + 1
    doc.undo_stack.undo()
    # inserted after layer1.1's last ReLU: both inputs of the block are fed by it, shapes agree
    last = g.group("layer1.1").nodes[-1]
    view.select_nodes([last])
    new = win.insert_block("basic block")
    srcs = sorted((e.target, e.port) for n in new for e in g.in_edges(n) if e.source == last)
    assert len(srcs) == 2 and any(g.node(t).type == "Add" and p == 1 for t, p in srcs)
    add = next(n for n in new if g.node(n).type == "Add")
    assert doc.analysis.shapes[add] == (64, 56, 56) and not doc.analysis.issues_for(add)
    # a block that no longer exists: a message, no change
    n = len(g)
    assert win.canvas.insert_block("gone") == [] and len(g) == n
    assert "no block named 'gone'" in win.statusBar().currentMessage()
    # delete from the palette's context action: the list follows
    assert win.palette.delete_block("basic block", ask=False)
    assert win.palette.block_names() == []


def test_palette_double_click_inserts_below_the_selected_layer(win):
    doc, g = win.document, win.document.graph
    before = (g.structure(), sorted((n.id, n.pos) for n in g.nodes))
    win.canvas.select_nodes(["relu3"])
    item = win.palette.item_for("Dropout")
    win.palette.tree.itemDoubleClicked.emit(item, 0)
    (nid,) = win.canvas.selected_node_ids()
    assert [e.source for e in g.in_edges(nid)] == ["relu3"] and [e.source for e in g.in_edges("fc2")] == [nid]
    assert g.node("relu3").pos[1] < g.node(nid).pos[1] < g.node("fc2").pos[1]
    rects = [win.canvas.graph_scene.nodes[n].sceneBoundingRect() for n in (nid, "fc2")]
    assert not rects[0].intersects(rects[1].adjusted(4, 4, -4, -4))  # no card on top of another
    assert doc.analysis.ok and doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert (g.structure(), sorted((n.id, n.pos) for n in g.nodes)) == before
