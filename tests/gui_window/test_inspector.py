"""The inspector: one editor per parameter; edits are undoable; bad input never reaches the graph."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox


def _select(win, nid):
    win.canvas.select_nodes([nid])
    assert win.inspector.node_id == nid
    return win.inspector


def test_editor_kinds_follow_the_spec(win):
    ins = _select(win, "conv1")
    kinds = {n: type(e.widget) for n, e in ins.editors.items()}
    assert kinds["out_channels"] is QSpinBox and kinds["bias"] is QCheckBox
    assert kinds["kernel_size"] is QLineEdit and kinds["padding"] is QComboBox
    assert ins.editors["out_channels"].widget.minimum() == 1
    assert ins.editors["out_channels"].widget.toolTip()
    ins = _select(win, "fc1")
    w = ins.editors["in_features"].widget
    assert w.specialValueText() == "auto" and w.value() == w.minimum()  # optional int shows 'auto'


def test_int_edit_updates_shapes_everywhere_and_undoes(win):
    doc = win.document
    ins = _select(win, "conv1")
    spin = ins.editors["out_channels"].widget
    spin.setValue(8)
    spin.setValue(12)  # typing: consecutive edits merge into one undo step
    assert doc.graph.node("conv1").params["out_channels"] == 12
    assert doc.analysis.shapes["conv1"] == (12, 28, 28)
    assert doc.undo_stack.count() == 1 and doc.is_dirty
    row = win.summary.row_of("conv1")
    assert win.summary.model.cell_text(row, 2) == "12×28×28"
    assert "12×28×28" in ins.shape_label.text()
    doc.undo_stack.undo()
    assert doc.graph.node("conv1").params["out_channels"] == 6
    assert spin.value() == 6  # the editor follows undo
    assert win.summary.model.cell_text(row, 2) == "6×28×28"
    assert not doc.is_dirty


def test_size2_line_edit_and_invalid_text(win, qtbot):
    doc = win.document
    ins = _select(win, "conv1")
    edit = ins.editors["kernel_size"].widget
    before = doc.graph.structure()
    for bad in ("abc", "0", "3, 4, 5", "", "2.5", "-1"):
        edit.setText(bad)
        edit.textEdited.emit(bad)
        assert ins.error_labels["kernel_size"].text(), bad
        assert doc.graph.structure() == before  # nothing pushed
    assert doc.undo_stack.count() == 0
    edit.clear()
    qtbot.keyClicks(edit, "3, 5")
    assert not ins.error_labels["kernel_size"].text()
    assert doc.graph.node("conv1").params["kernel_size"] == [3, 5]
    assert doc.analysis.shapes["conv1"] == (6, 30, 28)
    doc.undo_stack.undo()
    assert doc.graph.structure() == before


def test_cross_parameter_error_is_inline_not_pushed(win, qtbot):
    doc = win.document
    ins = _select(win, "conv1")
    ins.editors["stride"].widget.setText("2")
    ins.editors["stride"].widget.textEdited.emit("2")
    assert doc.graph.node("conv1").params["stride"] == 2
    combo = ins.editors["padding"].widget
    combo.setEditText("same")  # PyTorch refuses padding='same' with stride 2
    assert "same" in ins.error_labels["padding"].text()
    assert doc.graph.node("conv1").params["padding"] == 0
    combo.setEditText("2")
    assert doc.graph.node("conv1").params["padding"] == 2
    assert not ins.error_labels["padding"].text()


def test_float_bool_choice_and_optional_int(win):
    from studio.gui import commands

    doc = win.document
    commands.push(doc, commands.AddNodeCommand(doc, "Dropout", node_id="drop"))
    commands.push(doc, commands.AddNodeCommand(doc, "GELU", node_id="gelu"))
    ins = _select(win, "drop")
    w = ins.editors["p"].widget
    assert isinstance(w, QDoubleSpinBox) and w.maximum() == 1.0
    w.setValue(0.25)
    assert doc.graph.node("drop").params["p"] == 0.25
    ins = _select(win, "gelu")
    ins.editors["approximate"].widget.setCurrentIndex(1)
    assert doc.graph.node("gelu").params["approximate"] == "tanh"
    ins = _select(win, "fc1")
    ins.editors["bias"].widget.setChecked(False)
    assert doc.graph.node("fc1").params["bias"] is False
    spin = ins.editors["in_features"].widget
    spin.setValue(400)
    assert doc.graph.node("fc1").params["in_features"] == 400
    spin.setValue(spin.minimum())
    assert doc.graph.node("fc1").params["in_features"] is None
    ins.editors["in_features"].widget.setValue(399)  # wrong: the node shows the error
    assert any("400" in i.message for i in doc.analysis.issues_for("fc1"))
    assert ins.fix_buttons  # "Set in_features=400"
    ins.fix_buttons[0].click()
    assert doc.graph.node("fc1").params["in_features"] == 400
    doc.undo_stack.undo()
    assert doc.graph.node("fc1").params["in_features"] == 399


def test_label_edit_and_explain(win, qtbot):
    doc = win.document
    ins = _select(win, "conv1")
    assert ins.explain_label.text()  # the formula with this node's numbers
    ins.label_edit.setText("first conv")
    ins.label_edit.editingFinished.emit()
    assert doc.graph.node("conv1").label == "first conv"
    doc.undo_stack.undo()
    assert doc.graph.node("conv1").label == ""
    assert ins.label_edit.text() == ""


def test_selection_of_several_or_deleted_node(win):
    from studio.gui import commands

    win.canvas.select_nodes(["conv1", "conv2"])
    assert win.inspector.node_id is None and not win.inspector.editors
    _select(win, "tanh1" if win.document.graph.has_node("tanh1") else "relu1")
    nid = win.inspector.node_id
    commands.push(win.document, commands.RemoveNodesCommand(win.document, [nid]))
    assert win.inspector.node_id is None
