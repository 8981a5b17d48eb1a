"""Regenerate the Inference → Overview screenshots in docs/images/:

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_overview_screenshots.py

Trains LeNet-5 on digits (2 epochs) and ResNet-18 at 3×32×32 on shapes (1 epoch, a few minutes
on a laptop CPU) into a temporary folder, opens each checkpoint in the real Inference view with
the Overview tab shown, selects a map (LeNet-5: conv2's map 1; ResNet-18: the first block's Add)
and grabs the view.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "images"


def train(name: str, out: Path, data: str, epochs: int, input_shape=None) -> Path:
    from studio.templates import build_project
    from studio.training.engine import Trainer
    from studio.training.settings import TrainSettings

    project = build_project(name, input_shape=input_shape)
    project.dataset = {"source": data}
    records = list(Trainer(project, settings=TrainSettings(epochs=epochs, lr=0.002, seed=0), out_dir=out).run())
    assert records[-1].status == "finished", records[-1].message
    return out / "best.pt"


def grab(ckpt: Path, image: Path, layer: str, channel: int, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    from studio.gui.training.inference import InferenceView

    app = QApplication.instance()
    view = InferenceView()
    view.resize(1500, 1300)
    view.show()
    view.details.setCurrentWidget(view.overview)
    assert view.set_checkpoint(ckpt) and view.set_image(image)
    app.processEvents()
    ov = view.overview
    i = ov.index_of(layer)
    ov.select_map(i, channel, 2, 2)
    ov.scroll.verticalScrollBar().setValue(max(0, ov.canvas.tile_rect(i, channel).top() - 350))
    for _ in range(5):
        app.processEvents()
    view.grab().save(str(OUT / name))
    view.close()
    print("wrote", OUT / name)


def main() -> None:
    from PIL import Image, ImageDraw
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        lenet = train("lenet5", tmp / "lenet", "digits", 2)
        grab(lenet, ROOT / "resources" / "samples" / "digit_3.png", "conv2", 1, "activations-lenet5.png")
        circle = tmp / "circle.png"
        im = Image.new("RGB", (32, 32), "black")
        ImageDraw.Draw(im).ellipse((6, 6, 26, 26), fill=(220, 60, 40))
        im.save(circle)
        resnet = train("resnet18", tmp / "resnet", "shapes", 1, input_shape=(3, 32, 32))
        grab(resnet, circle, "layer1.0.add", 5, "activations-resnet18.png")


if __name__ == "__main__":
    main()
