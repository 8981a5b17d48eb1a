"""Evaluate, Inference, feature maps and Runs views on a real checkpoint (trained headless once)."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from studio.training.data import load_data
from studio.training.predict import Predictor


@pytest.fixture(scope="module")
def run(lenet_run):
    """A LeNet-5 trained 2 epochs on digits; its run folder."""
    return lenet_run


@pytest.fixture(scope="module")
def digit_png(run, tmp_path_factory):
    """A digit from the validation set, saved as an 8-bit PNG (what a user would drop in)."""
    ckpt = Predictor.from_checkpoint(run / "best.pt")
    bundle = load_data(ckpt.project.dataset, ckpt.input_shape)
    x, y = bundle.val[3]
    img = x[0].numpy() * bundle.std[0] + bundle.mean[0]
    path = tmp_path_factory.mktemp("img") / "digit.png"
    Image.fromarray((np.clip(img, 0, 1) * 255).astype(np.uint8), "L").save(path)
    return path


def test_confusion_matrix_cell_lists_the_misclassified_images(qtbot, run, shot):
    from studio.gui.training.evaluate_view import EvaluateView

    view = EvaluateView()
    qtbot.addWidget(view)
    view.resize(1300, 500)
    view.show()
    view.set_checkpoint(run / "best.pt")
    with qtbot.waitSignal(view.evaluated, timeout=60_000):
        view.evaluate()
    data = view.data
    cm = np.asarray(data["result"].confusion)
    n = len(data["class_names"])
    assert view.matrix.rowCount() == n == view.matrix.columnCount() == 10
    assert int(view.matrix.item(2, 2).text()) == cm[2, 2]
    assert view.per_class.rowCount() == n
    off = [(i, j) for i in range(n) for j in range(n) if i != j and cm[i, j] > 0]
    assert off, "a 2-epoch LeNet makes at least one mistake"
    i, j = max(off, key=lambda ij: cm[ij])
    rect = view.matrix.visualItemRect(view.matrix.item(i, j))
    qtbot.mouseClick(view.matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.images.count() == cm[i, j]
    assert "misclassified" in view.cell_label.text()
    for k in range(view.images.count()):
        idx = view.images.item(k).data(Qt.ItemDataRole.UserRole)
        assert data["labels"][idx] == i and data["preds"][idx] == j
    shot(view, "evaluate_view.png")


def test_inference_top1_matches_predictor_cli_and_feature_maps(qtbot, run, digit_png, shot, capsys):
    from studio.cli import main
    from studio.gui.training.inference import InferenceView

    view = InferenceView()
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    assert view.set_checkpoint(run / "best.pt")
    # drop the image file on the tab, as a user would
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(digit_png))])
    with qtbot.waitSignal(view.predicted, timeout=10_000) as blocker:
        ev = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier)
        view.dropEvent(ev)
    top = blocker.args[0]
    ref = Predictor.from_checkpoint(run / "best.pt").predict(digit_png, top_k=5)
    assert top[0][0] == ref[0][0]
    assert [n for n, _ in top] == [n for n, _ in ref]
    assert abs(top[0][1] - ref[0][1]) < 1e-5
    assert view.names[0].text() == ref[0][0]
    capsys.readouterr()
    assert main(["predict", str(run / "best.pt"), str(digit_png), "--json"]) == 0
    cli = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert cli["top"][0]["class"] == top[0][0]
    assert view.bars[0].value() == round(1000 * ref[0][1])
    assert "1×32×32" in view.seen_caption.text()
    # conv1 of LeNet-5: 6 feature maps of 28×28; the first layer's 6 filters
    fm = view.feature_maps
    assert fm.node.itemData(0) == "conv1" and fm.node.count() == 6  # convs, ReLUs and pools with image outputs
    assert tuple(fm.maps.shape) == (6, 28, 28)
    assert fm.select_node("conv2")
    assert tuple(fm.maps.shape) == (16, 10, 10)
    assert not fm.select_node("fc1")  # a vector: no feature maps
    assert fm.filters_label.pixmap() is not None and not fm.filters_label.pixmap().isNull()
    fm.select_node("conv1")
    qtbot.wait(100)
    shot(view, "inference_view.png")


def test_inference_refuses_a_broken_image(qtbot, run, tmp_path):
    from studio.gui.training.inference import InferenceView

    view = InferenceView()
    qtbot.addWidget(view)
    view.set_checkpoint(run / "best.pt")
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"not a png")
    assert view.set_image(bad) is False
    assert "Cannot open broken.png" in view.message.text()


def test_runs_view_lists_and_overlays_two_runs(qtbot, run, monkeypatch, tmp_path):
    import shutil

    from studio.gui.training.runs import RunsView

    root = Path(tmp_path) / "runs"
    root.mkdir()
    a = root / "run-a"
    shutil.copytree(run, a)
    b = root / "run-b"
    b.mkdir()
    (b / "metrics.jsonl").write_text("\n".join(json.dumps(
        {"epoch": e, "train_loss": 1.0 / e, "train_acc": 0.5, "val_loss": 1.2 / e, "val_acc": 0.4 + 0.1 * e})
        for e in (1, 2, 3)) + "\n")
    monkeypatch.setenv("CNN_STUDIO_HOME", str(tmp_path))
    view = RunsView()
    qtbot.addWidget(view)
    assert sorted(r.name for r in view.runs) == ["run-a", "run-b"]
    view.select_runs(["run-a", "run-b"])
    assert len(view.selected_runs()) == 2
    # two runs overlaid: train + val curves for each, in both plots
    assert len(view.loss_plot.getPlotItem().listDataItems()) == 4
    assert len(view.acc_plot.getPlotItem().listDataItems()) == 4
    assert "best.pt" in view.details.text() and "run-b" in view.details.text()
    chosen = []
    view.checkpoint_chosen.connect(chosen.append)
    view.select_runs(["run-a"])
    view.use_button.click()
    assert chosen == [a / "best.pt"]
