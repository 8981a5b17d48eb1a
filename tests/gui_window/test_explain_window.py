"""Receptive fields in the Inspector, Summary and card tooltip; VGG's small-kernel note with the
user's numbers; Help → Concepts opens the place that shows each concept."""
from __future__ import annotations

from PySide6.QtCore import QUrl

from studio.templates import build_project


def test_vgg16_receptive_fields_everywhere(make_window, qtbot):
    win = make_window(build_project("vgg16"))
    win.show()
    win.canvas.select_nodes(["features.2"])  # conv1_2, after conv1_1
    text = win.inspector.field_label.text()
    assert "Receptive field 5×5" in text and "jump 1" in text
    assert "With features.0 before it, this layer sees 5×5" in text
    assert "3·3·3·64 + 3·3·64·64 = 38,592" in text and "5·5·3·64 = 4,800" in text
    win.bottom_tabs.setCurrentWidget(win.summary)
    model = win.summary.model
    row = win.summary.row_of("features.30")
    assert model.cell_text(row, 5) == "212×212" and model.cell_text(row, 6) == "32"
    assert model.cell_text(win.summary.row_of("classifier.0"), 5) == "whole image"
    tip = win.canvas.scene().tooltip_for("features.30")
    assert "Receptive field 212×212" in tip and "jump 32" in tip
    win.canvas.select_nodes(["features.5"])  # after a pool: no pair note
    assert "before it" not in win.inspector.field_label.text()


def test_receptive_field_follows_an_edit(win):
    from studio.gui import commands

    doc = win.document
    win.canvas.select_nodes(["conv2"])
    assert "14×14" in win.inspector.field_label.text()
    commands.push(doc, commands.SetParamCommand(doc, "conv1", "kernel_size", 3))
    assert "12×12" in win.inspector.field_label.text()  # 3 + 1·1 (pool) + 4·2 (conv2)
    doc.undo_stack.undo()
    assert "14×14" in win.inspector.field_label.text()


def test_concepts_page_links_open_the_places(win, qtbot):
    win.show()
    win.act["concepts"].trigger()
    dlg = win._concepts
    assert dlg.isVisible()
    text = dlg.view.toPlainText()
    for word in ("One-hot", "Softmax", "Cross-entropy", "floor((I − K + 2P)/S) + 1", "K·K·C_in·C_out + C_out",
                 "Zero padding", "Pooling has no parameters", "One kernel → one feature map", "VGG", "ResNet",
                 "Batch normalisation", "Dropout", "ReLU", "Receptive field"):
        assert word in text, word
    dlg._clicked(QUrl("concept:params"))
    assert win.inspector.node_id == "conv1" and win.bottom_tabs.currentWidget() is win.summary
    assert "Selected conv1" in dlg.status.text()
    dlg._clicked(QUrl("concept:pooling"))
    assert win.inspector.node_id == "pool1" and "params = 0" in win.inspector.explain_label.text()
    dlg._clicked(QUrl("concept:batchnorm"))
    assert "no BatchNorm" in dlg.status.text() and "resnet18" in dlg.status.text()
    dlg._clicked(QUrl("concept:softmax"))
    assert win.bottom_tabs.currentWidget() is win.training.inference
    assert "no model is trained yet" in dlg.status.text()
    dlg._clicked(QUrl("concept:chance"))
    assert win.bottom_tabs.currentWidget() is win.training.panel
    from studio.gui.dialogs.concepts import CONCEPTS

    for c in CONCEPTS:
        dlg._clicked(QUrl(f"concept:{c.id}"))
        assert dlg.status.text() and "Unknown" not in dlg.status.text(), c.id


def test_loss_plot_marks_the_chance_level(win):
    import math

    from studio.training.records import StartRecord

    ctl = win.training
    ctl.snapshot = win.document.project.copy()
    ctl._on_start(StartRecord(device="cpu", device_name="CPU", epochs=2, steps_per_epoch=10, num_train=100,
                              num_val=20, params=61706, amp=False))
    plots = ctl.panel.plots
    assert abs(plots.chance_line.value() - math.log(10)) < 1e-12
    legend = [label.text for _sample, label in plots.loss_plot.plotItem.legend.items]
    assert "chance: ln 10 = 2.30" in legend
    plots.set_chance_level(None)
    assert plots.chance_line is None
    assert not any("chance" in label.text for _s, label in plots.loss_plot.plotItem.legend.items)
