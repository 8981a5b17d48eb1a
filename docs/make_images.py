"""Regenerate every image of README.md and docs/ from the real main window:

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_images.py     (or: make docs-images)

Trains LeNet-5 on the built-in digits (CLI `train`, seconds), runs the vanishing-gradients and
dropout experiments (CLI `experiment`, a minute or two on a laptop CPU), then photographs the
whole window with `cnn-studio gui ... --size WxH --screenshot` (the flags of any view). Three
images show a second window of the studio (the Experiments window, Help → Concepts) or two
selected runs; they are grabbed in-process from the same main window. The paper-style diagram
comes from `cnn-studio diagram`. Everything lands in docs/images/.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "images"
DIGIT_3 = ROOT / "resources" / "samples" / "digit_3.png"
LAPTOP = "1366x768"
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
       "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def cli(*args: str) -> None:
    print("cnn-studio", " ".join(args), flush=True)
    subprocess.run([sys.executable, "-m", "studio.cli", *args], env=ENV, check=True, cwd=ROOT)


def shot(name: str, *args: str, size: str | None = None) -> None:
    cli("gui", *args, *(["--size", size] if size else []), "--screenshot", str(OUT / name))


def padded_lenet(folder: Path) -> Path:
    """LeNet-5 on 28×28 as in the paper's MNIST set-up: conv1 pads 2 zeros on each side."""
    sys.path.insert(0, str(ROOT))
    from studio.core.project import save_project
    from studio.templates import build_project

    project = build_project("lenet5")
    project.dataset = {"source": "digits"}
    g = project.graph
    g.set_param("input", "height", 28)
    g.set_param("input", "width", 28)
    g.set_param("conv1", "padding", 2)
    path = folder / "lenet5-padded.cnnproj"
    save_project(project, path)
    return path


def second_windows(run_a: Path, run_b: Path, experiment: Path) -> None:
    """Runs compared, the Experiments window, Help → Concepts: grabbed from a real main window."""
    sys.path.insert(0, str(ROOT))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from studio.gui import settings
    from studio.gui.document import Document
    from studio.gui.mainwindow import MainWindow
    from studio.gui.project_setup import default_project

    app = QApplication.instance() or QApplication([])
    win = MainWindow(Document(default_project()))
    win.resize(*settings.screen_size(None))
    win.show()
    settings.add_run_folder(run_a)
    settings.add_run_folder(run_b)
    runs = win.training.runs
    win.bottom_tabs.setCurrentWidget(runs)
    runs.refresh()
    runs.select_runs([run_a.name, run_b.name])
    runs.diff_button.setChecked(True)
    for _ in range(5):
        app.processEvents()
    win.make_room(runs)
    for _ in range(5):
        app.processEvents()
    win.grab().save(str(OUT / "runs_compare.png"))
    win.experiment_actions["open"].trigger()
    ew = win.experiments["window"]
    here = Path.cwd()
    os.chdir(experiment.parent)  # the status line names the folder as a user would type it
    try:
        ew.open_folder(Path(experiment.name))
    finally:
        os.chdir(here)
    for _ in range(5):
        app.processEvents()
    ew.grab().save(str(OUT / "experiment_window.png"))
    ew.close()
    win.show_concepts()
    for _ in range(5):
        app.processEvents()
    win._concepts.grab().save(str(OUT / "concepts.png"))
    win._concepts.close()
    win.autosaver.stop(clear=False)
    win.document.undo_stack.setClean()
    win.hide()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["CNN_STUDIO_HOME"] = ENV["CNN_STUDIO_HOME"] = str(tmp / "home")  # never the user's settings
        run, small = tmp / "lenet5", tmp / "lenet5-small"
        cli("train", "lenet5", "--epochs", "6", "--seed", "0", "--out", str(run))
        cli("train", "lenet5", "--epochs", "3", "--batch-size", "128", "--seed", "1", "--out", str(small))
        padded = tmp / "lenet5-padded"
        cli("train", str(padded_lenet(tmp)), "--epochs", "3", "--out", str(padded))
        vanishing = tmp / "vanishing-gradients"
        cli("experiment", "vanishing-gradients", "--out", str(vanishing))

        shot("editor-lenet5.png")
        shot("editor-resnet18.png", "--template", "resnet18")
        shot("overview-resnet50.png", "--template", "resnet50")
        shot("training.png", str(run), "--tab", "training")
        shot("loss-chance-level.png", str(run), "--tab", "training", size=LAPTOP)
        shot("explain-output-loss.png", str(run), "--image", str(DIGIT_3), "--explain", "output", size=LAPTOP)
        shot("explain-conv-pixel.png", str(run), "--image", str(DIGIT_3), "--select", "conv1",
             "--pixel", "0,10,10", size=LAPTOP)
        shot("explain-pool-pixel.png", str(run), "--image", str(DIGIT_3), "--select", "pool1",
             "--pixel", "0,7,7", size=LAPTOP)
        shot("explain-conv-padding.png", str(padded), "--image", str(DIGIT_3), "--select", "conv1",
             "--pixel", "0,0,0", size=LAPTOP)
        shot("explain-evaluate.png", str(run), "--tab", "evaluate", size=LAPTOP)
        shot("gradient_flow.png", str(vanishing / "relu_bn"), "--tab", "gradient-flow")
        shot("receptive-field-vgg16.png", "--template", "vgg16", "--select", "features.14", "--tab", "summary")
        # README.zh-CN.md: the Chinese window at a laptop's size
        shot("zh-editor-lenet5.png", "--lang", "zh_CN", size=LAPTOP)
        shot("zh-training.png", str(run), "--tab", "training", "--lang", "zh_CN", size=LAPTOP)
        shot("zh-explain-output-loss.png", str(run), "--image", str(DIGIT_3), "--explain", "output",
             "--lang", "zh_CN", size=LAPTOP)
        # README.zh-CN.md: the Chinese window at a laptop's size
        shot("zh-editor-lenet5.png", "--lang", "zh_CN", size=LAPTOP)
        shot("zh-training.png", str(run), "--tab", "training", "--lang", "zh_CN", size=LAPTOP)
        shot("zh-explain-output-loss.png", str(run), "--image", str(DIGIT_3), "--explain", "output",
             "--lang", "zh_CN", size=LAPTOP)
        cli("diagram", "resnet50", "-o", str(OUT / "diagram-resnet50.svg"), "--force")
        cli("diagram", "resnet50", "-o", str(OUT / "diagram-resnet50.png"), "--force")
        second_windows(run, small, vanishing)
    print(f"images written to {OUT}")


if __name__ == "__main__":
    main()
