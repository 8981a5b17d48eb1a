"""The issue's "Done when", as a new user does it, in the default window:

Train on the default LeNet-5 / digits → validation accuracy past 97% → confusion matrix, a cell
click lists its images → drop digit_3.png on the Inference tab → recognised → conv1 feature maps →
File → Export PyTorch code with the trained weights (offered by the export) → the exported code
with its weights gives the same answer.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import torch
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from studio.training.predict import Predictor

DIGIT_3 = Path(__file__).resolve().parents[2] / "resources" / "samples" / "digit_3.png"


def _default_window(qtbot):
    """What `cnn-studio` (run_gui) shows at first start: the default project, laid out."""
    from studio.gui.app import _startup_project
    from studio.gui.document import Document
    from studio.gui.mainwindow import MainWindow
    from studio.gui.project_setup import ensure_layout

    project, path = _startup_project(SimpleNamespace(project=None, template=None, screenshot=None),
                                     lambda t, m: None)
    assert path is None and project.dataset == {"source": "digits"}
    ensure_layout(project)
    win = MainWindow(Document(project), autosave_ms=3_600_000)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def _click_tab(qtbot, win, title: str):
    tabs = win.bottom_tabs
    bar = tabs.tabBar()
    i = [k for k in range(tabs.count()) if tabs.tabText(k) == title][0]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
    assert tabs.currentIndex() == i
    return tabs.widget(i)


def drop_file(win, target, path: Path) -> bool:
    """Drag a file URL over ``target`` and drop it, through the window as the platform does
    (Qt picks the widget under the cursor and walks up to one that accepts drops)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = target.mapTo(win, target.rect().center())
    handle = win.windowHandle()
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(pos), *args)
    QApplication.sendEvent(handle, enter)
    move = QDragMoveEvent(QPoint(pos), *args)
    QApplication.sendEvent(handle, move)
    drop = QDropEvent(QPointF(pos), *args)
    QApplication.sendEvent(handle, drop)
    return enter.isAccepted() and move.isAccepted() and drop.isAccepted()


def _load_exported(py: Path, weights: Path) -> torch.nn.Module:
    spec = importlib.util.spec_from_file_location("exported_model", py)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    state = torch.load(weights, weights_only=True)
    for obj in reversed(list(vars(mod).values())):
        if isinstance(obj, type) and issubclass(obj, torch.nn.Module) and obj.__module__ == mod.__name__:
            try:
                model = obj()
                model.load_state_dict(state, strict=True)
            except (TypeError, RuntimeError):
                continue
            return model.eval()
    raise AssertionError(f"no model class in {py} takes the exported weights")


def test_new_user_journey(qtbot, answers, shot, tmp_path, monkeypatch):
    win = _default_window(qtbot)
    ctl = win.training
    panel = _click_tab(qtbot, win, "Training")
    qtbot.waitUntil(lambda: win.details_dock.height() >= 0.5 * win.height(), timeout=2000)  # room for plots
    qtbot.wait(200)
    assert win.details_dock.height() >= 0.5 * win.height(), "the dock shrank again"

    # ---- Train with the defaults; the curves climb past 97% ------------------------------
    epochs = ctl.panel.hyper_box.epochs.value()
    with qtbot.waitSignal(ctl.run_finished, timeout=150_000) as blocker:
        qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
        assert ctl.is_running() and not panel.start_button.isEnabled()
        qtbot.waitUntil(lambda: ctl.panel.plots.epoch_count >= min(3, epochs), timeout=120_000)
        qtbot.wait(150)
        shot(win, "journey_1_training.png")
    r = blocker.args[0]
    assert r.status == "finished", r.message
    plots = ctl.panel.plots
    assert plots.epoch_count == epochs == r.epochs_done
    val_acc = plots.epochs.view(4)
    assert np.nanmax(val_acc) >= 0.97, f"validation accuracy per epoch: {val_acc}"
    assert r.best_acc >= 0.97 and r.best_acc_split == "val" and Path(r.best_checkpoint).is_file()
    assert "Finished" in panel.status.text() and "97" not in panel.message.text()

    # ---- Evaluate: the confusion matrix; a cell click lists that cell's images -----------
    ev = _click_tab(qtbot, win, "Evaluate")
    assert ev is ctl.evaluate and ev.checkpoint == Path(r.best_checkpoint)
    qtbot.waitUntil(lambda: ev.data is not None, timeout=60_000)
    cm = np.asarray(ev.data["result"].confusion)
    assert ev.matrix.rowCount() == ev.matrix.columnCount() == 10
    assert np.trace(cm) / cm.sum() >= 0.97
    off = [(i, j) for i in range(10) for j in range(10) if i != j and cm[i, j]]
    i, j = max(off, key=lambda ij: cm[ij]) if off else (3, 3)
    rect = ev.matrix.visualItemRect(ev.matrix.item(i, j))
    qtbot.mouseClick(ev.matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ev.images.count() == cm[i, j] > 0
    for k in range(ev.images.count()):
        idx = ev.images.item(k).data(Qt.ItemDataRole.UserRole)
        assert (ev.data["labels"][idx], ev.data["preds"][idx]) == (i, j)
    if off:
        assert "misclassified" in ev.cell_label.text()
    shot(win, "journey_2_evaluate.png")

    # ---- Inference: drop a digit image on the tab -----------------------------------------
    inf = _click_tab(qtbot, win, "Inference")
    assert inf.checkpoint == Path(r.best_checkpoint)
    with qtbot.waitSignal(inf.predicted, timeout=10_000) as got:
        assert drop_file(win, inf.original, DIGIT_3), "the Inference tab refused the dropped image"
    top = got.args[0]
    assert top[0][0] == "3" and top[0][1] > 0.5
    assert inf.names[0].text() == "3" and inf.image_path == DIGIT_3
    ref = Predictor.from_checkpoint(r.best_checkpoint)
    assert ref.predict(DIGIT_3, top_k=1)[0][0] == "3"
    seven = DIGIT_3.with_name("digit_7.png")  # a drop anywhere on the tab works (here: the feature maps)
    with qtbot.waitSignal(inf.predicted, timeout=10_000) as got:
        assert drop_file(win, inf.feature_maps.maps_label, seven)
    assert inf.image_path == seven and got.args[0][0][0] == ref.predict(seven, top_k=1)[0][0]
    with qtbot.waitSignal(inf.predicted, timeout=10_000):
        assert drop_file(win, inf.bars[2], DIGIT_3)
    assert inf.top[0][0] == "3"

    # ---- conv1 feature maps: select conv1 on the canvas -----------------------------------
    fm = inf.feature_maps
    win.canvas.select_nodes(["conv2"])
    assert tuple(fm.maps.shape) == (16, 10, 10)
    win.canvas.select_nodes(["conv1"])
    assert fm.node.currentData() == "conv1"
    assert tuple(fm.maps.shape) == (6, 28, 28) and float(fm.maps.abs().sum()) > 0
    assert fm.filters_label.pixmap() is not None and not fm.filters_label.pixmap().isNull()
    qtbot.wait(100)
    shot(win, "journey_3_inference.png")

    # ---- File → Export → PyTorch code: offered the run's best checkpoint ------------------
    target = tmp_path / "export" / "lenet.py"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    answers.clear()
    assert ctl.latest_checkpoint() == Path(r.best_checkpoint)
    win.act["export_pytorch"].trigger()
    assert any(Path(r.run_dir).name in a and "weights" in a for a in answers), answers
    weights = target.with_name("lenet_weights.pt")
    assert target.is_file() and weights.is_file(), sorted(p.name for p in target.parent.iterdir())
    assert "weights" in win.statusBar().currentMessage()
    model = _load_exported(target, weights)
    from PIL import Image

    with Image.open(DIGIT_3) as im:
        x = ref.preprocess(im.copy())
    with torch.no_grad():
        logits = model(x.unsqueeze(0))
        ref_logits = ref.model(x.unsqueeze(0))
    assert int(logits.argmax()) == ref.project.class_names.index("3")
    assert torch.allclose(logits, ref_logits, atol=1e-4)

    # after an edit the trained weights no longer fit: export offers none, code only
    from studio.gui.commands import SetParamCommand

    win.document.undo_stack.push(SetParamCommand(win.document, "fc1", "out_features", 100))
    assert ctl.latest_checkpoint() is None
    answers.clear()
    target.unlink()
    weights.unlink()
    win.act["export_pytorch"].trigger()
    assert target.is_file() and not weights.exists() and not answers
