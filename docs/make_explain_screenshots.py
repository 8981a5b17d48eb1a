"""Regenerate the screenshots of the "explain the arithmetic" views in docs/images/:

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_explain_screenshots.py

Trains LeNet-5 on digits for 3 epochs (about 15 s on a laptop CPU) into a temporary folder, then
grabs the real widgets: Output & loss, a conv1 pixel worked out by hand, a pooling pixel, the
Evaluate tab explaining a mistake, the loss plot's ln C line, VGG-16's receptive fields in the
Inspector and Summary, and Help → Concepts.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "images"
DIGIT_3 = ROOT / "resources" / "samples" / "digit_3.png"


def train(out: Path, padded: bool = False, epochs: int = 3):
    from studio.templates import build_project
    from studio.training.engine import Trainer
    from studio.training.settings import TrainSettings

    project = build_project("lenet5")
    project.dataset = {"source": "digits"}
    if padded:  # LeNet-5 on 28×28 as in the paper's MNIST set-up: conv1 pads 2 zeros on each side
        g = project.graph
        g.set_param("input", "height", 28)
        g.set_param("input", "width", 28)
        g.set_param("conv1", "padding", 2)
    records = list(Trainer(project, settings=TrainSettings(epochs=epochs, lr=0.002, seed=0), out_dir=out).run())
    assert records[-1].status == "finished", records[-1].message
    return out / "best.pt", records


def save(widget, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    widget.grab().save(str(OUT / name))
    print("wrote", OUT / name)


def main() -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        ckpt, records = train(Path(tmp) / "lenet")
        from studio.gui.training.inference import InferenceView

        inf = InferenceView()
        inf.resize(1200, 760)
        inf.show()
        inf.set_checkpoint(ckpt)
        inf.set_image(DIGIT_3)
        inf.details.setCurrentWidget(inf.output_view)
        inf.output_view.set_label(3)
        save(inf, "explain-output-loss.png")
        inf.details.setCurrentWidget(inf.feature_maps)
        fm = inf.feature_maps
        fm.pixel.show_pixel(0, 10, 10)
        save(inf, "explain-conv-pixel.png")
        fm.select_node("pool1")
        fm.pixel.show_pixel(2, 4, 6)
        save(fm, "explain-pool-pixel.png")
        padded, _ = train(Path(tmp) / "lenet-padded", padded=True, epochs=1)
        inf.set_checkpoint(padded)
        fm.select_node("conv1")
        fm.pixel.show_pixel(1, 0, 3)
        save(fm, "explain-conv-padding.png")

        from studio.gui.training.evaluate_view import EvaluateView, run_evaluation

        ev = EvaluateView()
        ev.resize(1200, 560)
        ev.show()
        ev.set_checkpoint(ckpt)
        ev.show_result(run_evaluation(ckpt))
        cm = ev.data["result"].confusion
        n = len(cm)
        i, j = max(((i, j) for i in range(n) for j in range(n) if i != j), key=lambda t: cm[t[0]][t[1]])
        ev.show_cell(i, j)
        save(ev, "explain-evaluate.png")

        from studio.gui.training.plots import TrainingPlots

        plots = TrainingPlots()
        plots.resize(1100, 300)
        plots.show()
        start = next(r for r in records if r.kind == "start")
        plots.reset(start.steps_per_epoch, start.epochs)
        plots.set_chance_level(10)
        plots.add_progress([r for r in records if r.kind == "progress"])
        for r in records:
            if r.kind == "epoch":
                plots.add_epoch(r)
        plots.refresh()
        save(plots, "loss-chance-level.png")

    from studio.gui.document import Document
    from studio.gui.mainwindow import MainWindow
    from studio.templates import build_project

    win = MainWindow(Document(build_project("vgg16")), autosave_ms=3_600_000)
    win.resize(1400, 900)
    win.show()
    win.bottom_tabs.setCurrentWidget(win.summary)
    win.canvas.select_nodes(["features.2"])
    app.processEvents()
    row = win.summary.row_of("features.30")
    win.summary.table.scrollTo(win.summary.model.index(row, 0), win.summary.table.ScrollHint.PositionAtCenter)
    win.summary.table.selectRow(row)
    bar = win.inspector.verticalScrollBar()
    bar.setValue(bar.maximum())
    save(win, "receptive-field-vgg16.png")
    win.act["concepts"].trigger()
    dlg = win._concepts
    dlg._clicked(QUrl("concept:vgg"))
    save(dlg, "concepts.png")
    win.document.undo_stack.setClean()
    win.close()
    app.processEvents()


if __name__ == "__main__":
    main()
