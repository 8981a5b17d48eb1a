"""The main window builds with LeNet-5; palette, summary, problems tab and code view."""
from __future__ import annotations

from studio.core.spec import all_specs, fmt_shape


def test_window_opens_with_lenet5_clean(win):
    doc = win.document
    assert doc.project.template == "lenet5"
    assert doc.project.dataset == {"source": "digits"}
    assert not doc.is_dirty and not win.isWindowModified()
    assert doc.analysis.ok and doc.analysis.output_shape == (10,)
    assert win.windowTitle().startswith("lenet5")
    names = [win.bottom_tabs.tabText(i) for i in range(win.bottom_tabs.count())]
    assert names[:3] == ["Summary", "Problems", "Code"]
    assert "valid" in win.graph_label.text() and "61,706" in win.graph_label.text()


def test_palette_lists_every_layer_and_filters(win):
    pal = win.palette
    assert sorted(pal.type_ids()) == sorted(s.id for s in all_specs())
    pal.set_filter("pool")
    visible = pal.visible_type_ids()
    assert "MaxPool2d" in visible and "AdaptiveAvgPool2d" in visible and "Conv2d" not in visible
    pal.set_filter("activation")  # a category name shows its whole group
    assert {"ReLU", "GELU", "Tanh"} <= set(pal.visible_type_ids())
    pal.set_filter("no-such-layer")
    assert pal.visible_type_ids() == []
    pal.set_filter("")
    assert len(pal.visible_type_ids()) == len(all_specs())


def test_palette_drag_mime_and_double_click_adds(win):
    from studio.gui.panels.palette import LAYER_MIME

    pal = win.palette
    md = pal.tree.mimeData([pal.item_for("Conv2d")])
    assert bytes(md.data(LAYER_MIME)).decode() == "Conv2d"
    n = len(win.document.graph)
    before = {x.id for x in win.document.graph.nodes}
    pal.tree.itemDoubleClicked.emit(pal.item_for("ReLU"), 0)
    assert len(win.document.graph) == n + 1
    assert [x.type for x in win.document.graph.nodes if x.id not in before] == ["ReLU"]
    assert win.document.is_dirty
    win.document.undo_stack.undo()
    assert len(win.document.graph) == n


def test_summary_matches_analysis_and_click_selects(win, qtbot):
    a = win.document.analysis
    model = win.summary.model
    rows = a.rows()
    assert model.rowCount() == len(rows)
    for i, r in enumerate(rows):
        assert model.cell_text(i, 0) == r.name
        assert model.cell_text(i, 2) == fmt_shape(r.output_shape)
        assert model.cell_text(i, 3) == f"{r.params:,}"
        assert model.cell_text(i, 4) == f"{r.macs:,}"
    assert f"{a.trainable_params:,}" in win.summary.totals_label.text()
    win.summary.batch_spin.setValue(64)
    mem = a.memory_estimate(64)["activation_bytes"]
    assert "batch 64" in win.summary.totals_label.text() and mem > 0
    row = win.summary.row_of("conv2")
    win.summary.table.clicked.emit(model.index(row, 0))
    assert win.canvas.selected_node_ids() == ["conv2"]
    assert win.inspector.node_id == "conv2"


def test_code_tab_shows_generated_code(win, qtbot):
    cv = win.code_view
    win.bottom_tabs.setCurrentWidget(cv)
    win.show()
    qtbot.waitUntil(lambda: not cv.is_stale(), timeout=5000)
    text = cv.editor.toPlainText()
    assert "class" in text and "def forward" in text
    # a change makes it stale and it regenerates after the debounce
    win.document.undo_stack.push(__import__("studio.gui.commands", fromlist=["x"]).SetParamCommand(
        win.document, "conv1", "out_channels", 8))
    assert cv.is_stale()
    qtbot.waitUntil(lambda: not cv.is_stale(), timeout=5000)
    assert "8" in cv.editor.toPlainText()


def test_code_tab_lists_errors_instead_of_code(win, qtbot):
    from studio.gui import commands

    commands.push(win.document, commands.RemoveNodesCommand(win.document, ["flatten"]))
    assert win.document.analysis.errors
    win.code_view.refresh()
    text = win.code_view.editor.toPlainText()
    assert "errors" in text and "def forward" not in text
    assert not win.code_view.copy_button.isEnabled()


def test_keyboard_delete_undo_redo_and_f1(win, qtbot):
    from PySide6.QtCore import Qt

    doc = win.document
    win.show()
    win.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: win.isActiveWindow(), timeout=3000)
    win.canvas.setFocus()
    win.canvas.select_nodes(["conv2"])
    qtbot.keyClick(win.canvas, Qt.Key.Key_Delete)
    assert not doc.graph.has_node("conv2")
    qtbot.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.graph.has_node("conv2")
    qtbot.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not doc.graph.has_node("conv2")
    qtbot.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win.canvas, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert not doc.graph.has_node("conv2")
    assert win.history.stack() is doc.undo_stack and doc.undo_stack.count() == 1
    # Delete inside an inspector text field edits the text, not the graph
    win.canvas.select_nodes(["conv1"])
    edit = win.inspector.label_edit
    edit.setFocus()
    edit.setText("ab")
    qtbot.keyClick(edit, Qt.Key.Key_Home)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert edit.text() == "b" and doc.graph.has_node("conv1")
    qtbot.keyClick(win, Qt.Key.Key_F1)
    assert win._help.isVisible() and "Ctrl+Z" in win._help.findChild(
        __import__("PySide6.QtWidgets", fromlist=["QTextBrowser"]).QTextBrowser).toPlainText()
    win._help.close()


def test_group_and_save_selection_as_template(win, dialogs):
    doc = win.document
    win.act["group"].trigger()  # nothing selected: a status message, no dialog
    assert "Select" in win.statusBar().currentMessage() and not doc.graph.groups
    win.canvas.select_nodes(["conv1", "relu1", "pool1"])
    dialogs.text = ("stem", True)
    win.act["group"].trigger()
    assert [g.name for g in doc.graph.groups] == ["stem"]
    doc.undo_stack.undo()
    assert not doc.graph.groups
    win.canvas.select_nodes(["conv1", "relu1", "pool1"])
    dialogs.text = ("my stem", True)
    win.act["save_selection"].trigger()
    from studio.templates.user import list_blocks

    assert "my stem" in win.statusBar().currentMessage()
    assert any(b.name == "my stem" for b in list_blocks())
    dialogs.text = ("", False)  # cancelled: nothing happens
    win.act["group"].trigger()
    assert not doc.graph.groups
