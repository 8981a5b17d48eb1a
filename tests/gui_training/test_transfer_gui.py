"""Transfer learning in the window: load weights, lock layers (Inspector box, context menu, undo),
train, the locks hold (the frozen weights come out bit-identical); locks on a collapsed stage;
the Grad-CAM tab; File → Save as template."""
from __future__ import annotations

import json
from pathlib import Path

import torch
from PySide6.QtWidgets import QMenu, QMessageBox

from studio import templates
from studio.training.checkpoint import build_model

from ..training.engine_helpers import digit_png


def test_load_weights_lock_train_and_the_locks_hold(qtbot, win, tmp_path, monkeypatch, shot):
    from studio.gui.dialogs.load_weights import load_weights
    from studio.gui.transfer.locks import FrozenBox, add_freeze_actions

    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: told.append(a[2])))
    doc, ctl = win.document, win.training
    torch.manual_seed(11)
    src = build_model(doc.project).state_dict()
    wfile = tmp_path / "lenet_weights.pth"
    torch.save(src, wfile)

    assert load_weights(win, str(wfile))
    assert "10 of 10 tensors loaded from lenet_weights.pth" in told[0]
    assert doc.project.training["weights"] == str(wfile.resolve())
    assert win.transfer_rows.weights_label.text() == "lenet_weights.pth"

    # lock conv1 with the Inspector's box, conv2 with the context menu: two undo steps
    win.canvas.select_nodes(["conv1"])
    box = win.inspector.findChild(FrozenBox)
    assert box is not None and not box.isChecked()
    box.click()
    assert doc.project.training["freeze"] == "conv1"
    menu = QMenu()
    add_freeze_actions(menu, doc, ["conv2"])
    freeze = next(a for a in menu.actions() if a.text() == "Freeze")
    freeze.trigger()
    assert doc.project.training["freeze"] == "conv1,conv2"
    doc.undo_stack.undo()
    assert doc.project.training["freeze"] == "conv1"
    doc.undo_stack.redo()
    assert doc.project.training["freeze"] == "conv1,conv2"
    qtbot.waitUntil(lambda: set(win.locks.badges) == {("node", "conv1"), ("node", "conv2")}, timeout=3000)
    assert win.frozen_status.isVisibleTo(win) and "2,572 frozen" in win.frozen_status.text()
    rows = win.summary.model.rows
    row = next(i for i, r in enumerate(rows) if r[0] == "conv2")
    assert win.summary.model.cell_text(row, 7) == "no (frozen)"
    assert win.transfer_rows.frozen_label.text() == "conv1, conv2"

    ctl.panel.hyper_box.epochs.setValue(1)
    with qtbot.waitSignal(ctl.run_finished, timeout=150_000) as blocker:
        ctl.panel.start_button.click()
    r = blocker.args[0]
    assert r.status == "finished", r.message
    last = torch.load(Path(r.last_checkpoint), weights_only=True)["model"]
    for k in ("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias"):
        assert torch.equal(last[k], src[k]), k  # the locks held
    assert not torch.equal(last["fc1.weight"], src["fc1.weight"])
    status = json.loads((Path(r.run_dir) / "run.json").read_text())
    assert status["weights"]["loaded"] == 10 and status["frozen"] == ["conv1", "conv2"]
    assert doc.project.training["freeze"] == "conv1,conv2"  # still locked after the run
    assert set(win.locks.badges) == {("node", "conv1"), ("node", "conv2")}
    shot(win, "transfer_locks.png")

    # Grad-CAM in Inference: the same map as studio.training.gradcam for the predicted class
    inf = ctl.inference
    img = tmp_path / "d.png"
    digit_png(img, 3)
    with qtbot.waitSignal(inf.predicted, timeout=10_000):
        inf.set_checkpoint(r.best_checkpoint)
        inf.set_image(img)
    cam = inf.gradcam
    assert cam.layer.currentText() == "pool2" and cam.cam is not None
    cam.layer.setCurrentIndex(cam.layer.findText("conv2"))
    from studio.training.datasets.transforms import read_image
    from studio.training.gradcam import grad_cam
    want = grad_cam(inf.predictor.model, inf.predictor.project, inf.predictor.preprocess(read_image(img)), "conv2")
    assert cam.cam["layer"] == "conv2" and torch.allclose(torch.tensor(cam.cam["map"]), torch.tensor(want["map"]))
    inf.output_view.label_combo.setCurrentIndex(inf.output_view.label_combo.findData(7))
    assert cam.cam["class"] == 7 and "true class" in cam.class_label.text()
    assert not cam.image.pixmap().isNull()


def test_lock_a_collapsed_stage_train_and_save_as_template(qtbot, answers, tmp_path, monkeypatch):
    import torchvision

    from studio.gui.dialogs.load_weights import load_weights
    from studio.gui.dialogs.save_template import save_as_template
    from studio.gui.document import Document
    from studio.gui.mainwindow import MainWindow
    from studio.gui.transfer.locks import add_freeze_actions

    monkeypatch.setenv("CNN_STUDIO_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: None))
    torch.manual_seed(0)
    src = torchvision.models.resnet18(weights=None).state_dict()
    wfile = tmp_path / "resnet18.pth"
    torch.save(src, wfile)
    project = templates.build_project("resnet18", input_shape=(3, 16, 16), num_classes=5)
    project.dataset = {"source": "shapes", "shapes": {"count": 200}}
    project.training = {"epochs": 1, "batch_size": 32}
    w = MainWindow(Document(project), autosave_ms=3_600_000)
    qtbot.addWidget(w)
    w.show()
    doc = w.document
    scene = w.canvas.graph_scene
    assert "layer1" in scene.blocks  # the stage is collapsed into one card
    assert load_weights(w, str(wfile))
    menu = QMenu()  # the stage card's context menu entries
    add_freeze_actions(menu, doc, doc.graph.group("layer1").nodes, "'layer1'")
    next(a for a in menu.actions() if a.text() == "Freeze 'layer1'").trigger()
    assert doc.project.training["freeze"] == "layer1"
    qtbot.waitUntil(lambda: ("block", "layer1") in w.locks.badges, timeout=3000)
    assert w.locks.badges[("block", "layer1")].parentItem() is scene.blocks["layer1"]
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: not w.locks.badges, timeout=3000)
    doc.undo_stack.redo()
    qtbot.waitUntil(lambda: ("block", "layer1") in w.locks.badges, timeout=3000)

    ctl = w.training
    with qtbot.waitSignal(ctl.run_finished, timeout=150_000) as blocker:
        ctl.panel.start_button.click()
    r = blocker.args[0]
    assert r.status == "finished", r.message
    last = torch.load(Path(r.last_checkpoint), weights_only=True)["model"]
    stage = [k for k in src if k.startswith("layer1.")]
    assert any("running_var" in k for k in stage)
    for k in stage:  # weights and BatchNorm statistics of the locked stage: as loaded
        assert torch.equal(last[k], src[k]), k
    assert not torch.equal(last["layer2.0.conv1.weight"], src["layer2.0.conv1.weight"])
    assert not torch.equal(last["bn1.running_mean"], src["bn1.running_mean"])
    assert last["fc.weight"].shape == (5, 512)
    assert ("block", "layer1") in w.locks.badges and doc.project.training["freeze"] == "layer1"

    doc.project.notes = "ResNet-18 for 16×16 photos of five things"
    assert save_as_template(w, "My R18")
    infos = {i.name: i for i in templates.list_templates()}
    assert "My R18" in infos and not infos["My R18"].builtin
    assert infos["My R18"].description == "ResNet-18 for 16×16 photos of five things"
    assert infos["My R18"].num_classes == 5
    # the same name again: asked before replacing, the name shown as plain text; "No" keeps it
    from PySide6.QtCore import Qt

    asked = []

    def no(box):
        asked.append((box.text(), box.textFormat()))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", no)
    assert not save_as_template(w, "My R18")
    assert asked == [("A template named 'My R18' exists. Replace it?", Qt.TextFormat.PlainText)]
    ctl.shutdown(20000)
    doc.undo_stack.setClean()
    w.close()


def test_new_from_template_with_a_weights_file(qtbot, win, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from studio.gui.dialogs import templates as gallery

    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: told.append(a[2])))
    torch.manual_seed(2)
    wfile = tmp_path / "alex.pth"
    ten = build_model(templates.build_project("lenet5", num_classes=10)).state_dict()
    ten["fc3.weight"], ten["fc3.bias"] = torch.zeros(1000, 84), torch.zeros(1000)  # an ImageNet-sized head
    torch.save(ten, wfile)

    def accept(self):
        assert self.select("lenet5")
        self.weights_row.set_path(str(wfile))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(gallery.TemplateGallery, "exec", accept)
    assert win.new_from_template()
    doc = win.document
    assert doc.project.template == "lenet5" and doc.project.training["weights"] == str(wfile.resolve())
    assert "fc3.weight [1000×84] → [10×84]: the head now has 10 classes" in told[-1]
    assert gallery.take_chosen_weights() is None  # taken once
