"""Settings stored in the project, the dataset preview, the fit check and 'Adapt the model'."""
from __future__ import annotations

from studio.gui.document import Document
from studio.gui.training.hyper_box import available_devices
from studio.gui.training.panel import TrainingPanel
from studio.templates import build_project


def _panel(qtbot, project):
    doc = Document(project)
    panel = TrainingPanel(doc)
    qtbot.addWidget(panel)
    return doc, panel


def test_settings_round_trip_through_the_project(qtbot):
    project = build_project("lenet5")
    project.training = {"epochs": 7, "lr": 0.05, "optimizer": "sgd", "momentum": 0.8, "scheduler": "cosine"}
    project.dataset = {"source": "shapes", "val_fraction": 0.2, "augment": {"hflip": True, "rotation_deg": 10}}
    doc, panel = _panel(qtbot, project)
    hb, db = panel.hyper_box, panel.data_box
    assert hb.epochs.value() == 7 and hb.lr.text() == "0.05" and hb.optimizer.currentData() == "sgd"
    assert hb.momentum.isEnabled() and hb.scheduler.currentData() == "cosine"
    assert db.source.currentData() == "shapes" and db.hflip.isChecked() and db.rotation.value() == 10
    assert not doc.is_dirty
    hb.batch_size.setValue(16)
    db.val_fraction.setValue(0.15)
    assert doc.is_dirty
    assert doc.project.training["batch_size"] == 16 and doc.project.training["epochs"] == 7
    assert doc.project.dataset["val_fraction"] == 0.15 and doc.project.dataset["augment"]["hflip"] is True
    # what the panel writes is what the engine and the data loader accept
    from studio.training.data import DataSettings
    from studio.training.settings import TrainSettings

    assert TrainSettings.from_dict(doc.project.training).batch_size == 16
    assert DataSettings.from_dict(doc.project.dataset).augment.rotation_deg == 10
    # a new project refreshes the widgets
    other = build_project("lenet5")
    other.training = {"epochs": 3}
    doc.set_project(other)
    assert hb.epochs.value() == 3 and db.source.currentData() == "digits"


def test_device_chooser_lists_what_is_available():
    devices = available_devices()
    values = [v for v, _ in devices]
    assert values[0] == "auto" and values[-1] == "cpu"
    import torch

    assert ("cuda" in values) == torch.cuda.is_available()
    if torch.cuda.is_available():
        assert "GiB" in dict(devices)["cuda"]


def test_preview_checks_the_fit_and_adapts_the_model_in_one_undo_step(qtbot):
    project = build_project("lenet5")  # 10 classes, 1 channel
    project.dataset = {"source": "shapes", "shapes": {"count": 120}}
    doc, panel = _panel(qtbot, project)
    db = panel.data_box
    with qtbot.waitSignal(db.loaded, timeout=60_000):
        db.load_preview()
    assert db.bundle.num_classes == 5
    assert db.samples_grid.count() == 16
    assert "5 classes" in db.fit_label.text() and not db.adapt_button.isHidden()
    steps = doc.undo_stack.count()
    db.adapt_button.click()
    assert doc.graph.node("fc3").params["out_features"] == 5
    assert doc.project.num_classes == 5
    assert doc.undo_stack.count() == steps + 1  # one undoable step
    assert "fits" in db.fit_label.text() and db.adapt_button.isHidden()
    doc.undo_stack.undo()
    assert doc.graph.node("fc3").params["out_features"] == 10 and doc.project.num_classes == 10


def test_a_missing_folder_is_a_clear_message(qtbot, tmp_path):
    project = build_project("lenet5")
    project.dataset = {"source": "folder", "root": str(tmp_path / "nowhere")}
    doc, panel = _panel(qtbot, project)
    db = panel.data_box
    db.load_preview()
    qtbot.waitUntil(lambda: "Cannot load the dataset" in db.info.text(), timeout=30_000)
    assert "nowhere" in db.info.text()
    assert db.bundle is None
