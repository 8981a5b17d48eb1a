"""Faults while training from the panel: a clear message in the panel (and a non-modal box),
worded for the window (widgets, not command-line options), no traceback, the app alive."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "digit_3.png"


def _set_dataset(ctl, source: str, root: Path | None = None, download: bool = False) -> None:
    """What a user does in the Dataset box: pick the source, type the folder, (un)tick download."""
    db = ctl.panel.data_box
    db.source.setCurrentIndex(db.source.findData(source))
    db.root.setText(str(root) if root else "")
    db.root.editingFinished.emit()
    db.download.setChecked(download)


def _train(qtbot, win, ctl, epochs: int = 1):
    win.bottom_tabs.setCurrentWidget(ctl.panel)
    ctl.panel.hyper_box.epochs.setValue(epochs)
    with qtbot.waitSignal(ctl.run_finished, timeout=90_000) as blocker:
        qtbot.mouseClick(ctl.panel.start_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def _assert_failed_clearly(win, ctl, r, *words: str) -> str:
    assert r.status == "failed"
    text = ctl.panel.message.text()
    assert ctl.panel.message.isVisibleTo(ctl.panel)
    for w in words:
        assert w.lower() in text.lower(), text
    assert "Traceback" not in text and "--" not in text, text  # no CLI flags, no traceback
    assert ctl.message_box is not None and ctl.message_box.isVisible()
    assert ctl.message_box.text() in text
    ctl.message_box.close()
    assert win.isVisible() and not ctl.is_running() and ctl.panel.start_button.isEnabled()
    assert ctl.state == "failed" and "Failed" in ctl.panel.status.text()
    assert "loading" not in ctl.panel.stats.text()
    return text


@pytest.fixture
def folders(tmp_path):
    """corrupt/ (two classes of unreadable files), flat/ (images, no class folders),
    two/ (two classes of real images, one broken file)."""
    corrupt, flat, two = tmp_path / "corrupt", tmp_path / "flat", tmp_path / "two"
    for cls in ("cat", "dog"):
        (corrupt / cls).mkdir(parents=True)
        for i in range(4):
            (corrupt / cls / f"{i}.png").write_bytes(b"this is not a png")
    flat.mkdir()
    for cls in ("a", "b"):
        (two / cls).mkdir(parents=True)
        for i in range(8):
            shutil.copy(SAMPLE, flat / f"{cls}{i}.png")
            shutil.copy(SAMPLE, two / cls / f"{i}.png")
    (two / "b" / "broken.png").write_bytes(b"junk")
    return corrupt, flat, two


def test_broken_image_folders(qtbot, win, ctl, folders, capfd):
    corrupt, flat, two = folders
    _set_dataset(ctl, "folder", corrupt)
    assert win.document.project.dataset["root"] == str(corrupt)  # stored in the project
    r = _train(qtbot, win, ctl)
    _assert_failed_clearly(win, ctl, r, "could be read", str(corrupt))

    _set_dataset(ctl, "folder", flat)
    r = _train(qtbot, win, ctl)
    _assert_failed_clearly(win, ctl, r, "no class subfolders", "one subfolder per class")

    # two classes for a 10-class model: the message names the fix in the window ...
    _set_dataset(ctl, "folder", two)
    r = _train(qtbot, win, ctl)
    _assert_failed_clearly(win, ctl, r, "data has 2", "Adapt the model")
    # ... and following it trains (the broken file is skipped with a warning in the preview)
    db = ctl.panel.data_box
    with qtbot.waitSignal(db.loaded, timeout=60_000):
        db.preview_button.click()
    assert not db.adapt_button.isHidden()
    db.adapt_button.click()
    assert win.document.project.num_classes == 2
    r = _train(qtbot, win, ctl)
    assert r.status == "finished", r.message
    assert not ctl.panel.message.isVisibleTo(ctl.panel)  # the old error is cleared
    assert "Traceback" not in capfd.readouterr().err


def test_missing_mnist_folder_without_download(qtbot, win, ctl, tmp_path, capfd, shot):
    _set_dataset(ctl, "mnist", None)
    win.bottom_tabs.setCurrentWidget(ctl.panel)
    assert ctl.start() is False  # no folder at all: refused before a thread starts
    text = ctl.panel.message.text()
    assert "needs a folder" in text and "Folder in the Dataset box" in text and "--" not in text
    assert not ctl.is_running()

    _set_dataset(ctl, "mnist", tmp_path / "no-mnist-here", download=False)
    assert ctl.panel.data_box.download.isEnabled() and not ctl.panel.data_box.download.isChecked()
    r = _train(qtbot, win, ctl)
    shot(ctl.panel, "training_error_mnist.png")
    _assert_failed_clearly(win, ctl, r, "MNIST not found", "no-mnist-here", "Download if missing")
    assert "Traceback" not in capfd.readouterr().err


def test_out_of_memory_shows_the_engines_message(qtbot, win, ctl, monkeypatch, capfd):
    """A CUDA OOM cannot happen on this machine: raise the error CUDA raises where the engine
    builds the model, and check that the engine's message reaches the window intact."""
    from studio.training import engine

    def oom(*_a, **_k):
        raise RuntimeError("CUDA out of memory. Tried to allocate 20.00 GiB (GPU 0; 7.79 GiB total capacity)")

    monkeypatch.setattr(engine, "build_model", oom)
    ctl.panel.hyper_box.batch_size.setValue(64)
    r = _train(qtbot, win, ctl)
    assert "ran out of memory" in r.message  # the engine's message ...
    _assert_failed_clearly(win, ctl, r, "ran out of memory", "batch size 64", "Batch size 32")  # ... in the panel
    assert "Traceback" not in capfd.readouterr().err
