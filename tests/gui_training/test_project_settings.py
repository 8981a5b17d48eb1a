"""The panel's settings live in the project file: saved, restored on reopen, and used by
`cnn-studio train PROJECT` exactly as set in the window."""
from __future__ import annotations

import json

from studio.cli import main
from studio.core.project import load_project
from studio.templates import build_project


def _set_in_panel(panel) -> None:
    """A user's edits in the Training tab (hyperparameters, dataset split, augmentation)."""
    hb, db = panel.hyper_box, panel.data_box
    hb.epochs.setValue(1)
    hb.batch_size.setValue(32)
    hb.lr.setText("0.003")
    hb.lr.editingFinished.emit()
    hb.optimizer.setCurrentIndex(hb.optimizer.findData("sgd"))
    hb.momentum.setValue(0.85)
    hb.nesterov.setChecked(True)
    hb.scheduler.setCurrentIndex(hb.scheduler.findData("cosine"))
    hb.label_smoothing.setValue(0.1)
    hb.seed.setValue(7)
    db.val_fraction.setValue(0.2)
    db.seed.setValue(3)
    db.crop.setValue(2)
    db.rotation.setValue(5)


def _widgets(panel) -> dict:
    hb, db = panel.hyper_box, panel.data_box
    return dict(epochs=hb.epochs.value(), batch=hb.batch_size.value(), lr=hb.lr.text(), opt=hb.optimizer.currentData(),
                momentum=round(hb.momentum.value(), 3), nesterov=hb.nesterov.isChecked(),
                sched=hb.scheduler.currentData(), ls=round(hb.label_smoothing.value(), 2), seed=hb.seed.value(),
                source=db.source.currentData(), val=round(db.val_fraction.value(), 2), split_seed=db.seed.value(),
                crop=db.crop.value(), rot=db.rotation.value())


def test_settings_saved_reopened_and_used_by_the_cli(qtbot, win, ctl, tmp_path, capsys):
    doc, panel = win.document, ctl.panel
    _set_in_panel(panel)
    wanted = _widgets(panel)
    assert wanted["lr"] == "0.003" and wanted["opt"] == "sgd" and wanted["epochs"] == 1
    path = tmp_path / "digits.cnnproj"
    doc.save(path)
    assert not doc.is_dirty
    saved = json.loads(path.read_text())
    assert saved["training"]["epochs"] == 1 and saved["training"]["lr"] == 0.003
    assert saved["dataset"]["val_fraction"] == 0.2 and saved["dataset"]["augment"]["rotation_deg"] == 5

    other = build_project("lenet5")
    other.training = {"epochs": 9}
    doc.set_project(other)  # File → New / another project: the widgets follow
    assert _widgets(panel)["epochs"] == 9 and _widgets(panel)["opt"] != "sgd"
    doc.open(path)  # File → Open: everything comes back
    assert _widgets(panel) == wanted
    assert not doc.is_dirty  # showing the settings does not count as an edit

    # the command line trains with the same settings: no --epochs, --lr, ... given
    out = tmp_path / "cli-run"
    capsys.readouterr()
    assert main(["train", str(path), "--out", str(out)]) == 0, capsys.readouterr().err
    metrics = [json.loads(line) for line in (out / "metrics.jsonl").read_text().splitlines() if line.strip()]
    assert [m["epoch"] for m in metrics] == [1]
    ran = load_project(out / "project.cnnproj")
    t, d = ran.training, ran.dataset
    assert (t["epochs"], t["batch_size"], t["lr"], t["optimizer"], t["momentum"], t["nesterov"]) == \
        (1, 32, 0.003, "sgd", 0.85, True)
    assert (t["scheduler"], t["label_smoothing"], t["seed"]) == ("cosine", 0.1, 7)
    assert (d["source"], d["val_fraction"], d["seed"]) == ("digits", 0.2, 3)
    assert d["augment"]["random_crop_padding"] == 2 and d["augment"]["rotation_deg"] == 5
