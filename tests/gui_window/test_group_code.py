"""A group made on the canvas becomes a block class in the Code tab."""
from __future__ import annotations


def test_canvas_groups_show_as_one_block_class_in_the_code_tab(win, qtbot):
    cv = win.code_view
    win.bottom_tabs.setCurrentWidget(cv)
    win.show()
    qtbot.waitUntil(lambda: not cv.is_stale(), timeout=5000)
    assert "class Stage" not in cv.editor.toPlainText()
    for name, ids in (("stage1", ["conv1", "relu1", "pool1"]), ("stage2", ["conv2", "relu2", "pool2"])):
        win.canvas.select_nodes(ids)
        assert win.canvas.group_selection(name)
    assert [g.name for g in win.document.graph.groups] == ["stage1", "stage2"]
    # the Code tab follows the grouping by itself (debounced)
    qtbot.waitUntil(lambda: "class Stage(nn.Module):" in cv.editor.toPlainText(), timeout=5000)
    text = cv.editor.toPlainText()
    assert text.count("class Stage(nn.Module):") == 1
    assert "self.stage1 = Stage(in_channels=1, out_channels=6)" in text
    assert "self.stage2 = Stage(in_channels=6, out_channels=16)" in text
    assert "x = self.stage1(x)\n        x = self.stage2(x)" in text
    # undo the second group: stage1 alone keeps its layers' own names
    win.document.undo_stack.undo()
    qtbot.waitUntil(lambda: "class Stage1(nn.Module):" in cv.editor.toPlainText(), timeout=5000)
    text = cv.editor.toPlainText()
    assert "class Stage1(nn.Module):" in text and "self.conv1 = nn.Conv2d(1, 6, kernel_size=5)" in text
    assert "self.conv2 = nn.Conv2d(6, 16, kernel_size=5)" in text  # no longer in a block
