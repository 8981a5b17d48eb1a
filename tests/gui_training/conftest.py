"""Fixtures for the training-GUI tests: a main window with LeNet-5 on digits, dialogs patched."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def answers(monkeypatch):
    """Modal questions answered (Yes to stopping training, Discard unsaved changes); recorded."""
    asked = []
    B = QMessageBox.StandardButton

    def question(parent, title, text, *a, **k):
        asked.append(text)
        return B.Discard if "unsaved" in title.lower() else B.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: asked.append(a[2]) or
                                                             QMessageBox.StandardButton.Ok))
    try:
        from studio.gui.dialogs import recovery

        monkeypatch.setattr(recovery, "ask_restore", lambda parent, r: False)
    except ImportError:
        pass
    return asked


@pytest.fixture
def win(qtbot, answers):
    """The real MainWindow with LeNet-5 and digits; training stopped and window closed at the end."""
    from studio.gui.document import Document
    from studio.gui.mainwindow import MainWindow
    from studio.templates import build_project

    project = build_project("lenet5")
    project.dataset = {"source": "digits"}
    project.training = {"epochs": 2, "batch_size": 64, "lr": 0.002, "optimizer": "adam"}
    w = MainWindow(Document(project), autosave_ms=3_600_000)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    yield w
    if w.training is not None:
        w.training.shutdown(20000)
    w.close()


@pytest.fixture
def ctl(win):
    assert win.training is not None, "MainWindow did not install the training tabs"
    return win.training


@pytest.fixture(scope="session")
def lenet_run(tmp_path_factory):
    """A LeNet-5 trained 2 epochs on digits (a real, short run); its run folder. Shared by the views' tests."""
    from studio.templates import build_project
    from studio.training.engine import Trainer
    from studio.training.settings import TrainSettings

    project = build_project("lenet5")
    project.dataset = {"source": "digits"}
    out = tmp_path_factory.mktemp("runs") / "lenet-digits"
    result = None
    for rec in Trainer(project, settings=TrainSettings(epochs=2, lr=0.002), out_dir=out).run():
        if rec.kind == "result":
            result = rec
    assert result.status == "finished", result.message
    return out


@pytest.fixture
def shot():
    """shot(widget, name) saves widget.grab() under build/screenshots/ (look at them)."""
    def save(widget, name: str) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / name
        widget.grab().save(str(path))
        return path
    return save
