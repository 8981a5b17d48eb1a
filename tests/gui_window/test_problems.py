"""The Problems tab lists every issue; a click selects the node; Fix is one undo step."""
from __future__ import annotations

from studio.gui import commands


def test_problems_click_selects_and_fix_is_one_step(win):
    doc = win.document
    assert win.problems.item_count() == 0
    assert win.bottom_tabs.tabText(1) == "Problems"
    commands.push(doc, commands.RemoveNodesCommand(doc, ["flatten"]))
    commands.push(doc, commands.ConnectCommand(doc, "pool2", "fc1"))  # Linear now gets an image
    a = doc.analysis
    assert a.errors
    assert win.problems.item_count() == len(a.issues)
    assert win.bottom_tabs.tabText(1) == f"Problems ({len(a.issues)})"
    assert "error" in win.graph_label.text()
    item = win.problems.tree.topLevelItem(0)
    nid = item.data(0, 0x0100)
    win.problems.tree.itemClicked.emit(item, 1)
    assert win.canvas.selected_node_ids() == [nid]
    assert win.problems.fix_buttons, "a missing Flatten offers a fix"
    depth = doc.undo_stack.count()
    win.problems.fix_buttons[0].click()
    assert doc.undo_stack.count() == depth + 1
    assert doc.analysis.ok
    assert win.problems.item_count() == 0
    assert any(n.type == "Flatten" for n in doc.graph.nodes)
    doc.undo_stack.undo()
    assert doc.analysis.errors and not any(n.type == "Flatten" for n in doc.graph.nodes)
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.analysis.ok and not doc.is_dirty
