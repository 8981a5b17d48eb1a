"""Import / export through the menus (dialogs patched) and the crash dialog: errors are
messages, never tracebacks."""
from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QMessageBox

from studio.gui.dialogs import import_dialog

NET = """
import torch.nn as nn

def tiny():
    return nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 10))
"""


def test_export_pytorch_code_through_menu(win, dialogs, tmp_path):
    dialogs.save_path = str(tmp_path / "lenet")  # the suffix is added
    win.act["export_pytorch"].trigger()
    out = tmp_path / "lenet.py"
    assert out.is_file(), dialogs.calls
    text = out.read_text()
    assert "class" in text and "def forward" in text
    assert "Exported" in win.statusBar().currentMessage()


def test_export_refused_while_graph_has_errors(win, dialogs, tmp_path):
    from studio.gui import commands

    commands.push(win.document, commands.RemoveNodesCommand(win.document, ["flatten"]))
    dialogs.save_path = str(tmp_path / "x.onnx")
    win.act["export_onnx"].trigger()
    assert dialogs.kinds()[-1] == "warning" and "error" in dialogs.messages("warning")[-1]
    assert not (tmp_path / "x.onnx").exists()


def test_export_to_missing_folder_is_a_message(win, dialogs, tmp_path):
    dialogs.save_path = str(tmp_path / "nope" / "model.py")
    win.act["export_pytorch"].trigger()
    assert dialogs.kinds()[-1] == "warning" and "nope" in dialogs.messages("warning")[-1]


def test_import_through_menu(win, dialogs, tmp_path, monkeypatch):
    (tmp_path / "tinynet_for_import.py").write_text(NET)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(import_dialog, "ask_import", lambda parent=None: ("tinynet_for_import:tiny", (1, 8, 8)))
    win.act["import"].trigger()
    doc = win.document
    assert "warning" not in dialogs.kinds(), dialogs.calls
    assert doc.analysis.ok and doc.analysis.output_shape == (10,)
    assert {n.type for n in doc.graph.nodes} >= {"Input", "Conv2d", "ReLU", "Flatten", "Linear"}
    assert len({n.pos for n in doc.graph.nodes}) == len(doc.graph)  # laid out
    assert len(win.canvas.graph_scene.nodes) == len(doc.graph)


def test_import_bad_module_is_a_message(win, dialogs, monkeypatch):
    before = win.document.graph.structure()
    monkeypatch.setattr(import_dialog, "ask_import", lambda parent=None: ("no_such_module_xyz:net", (3, 32, 32)))
    win.act["import"].trigger()
    assert dialogs.kinds()[-1] == "warning" and "no_such_module_xyz" in dialogs.messages("warning")[-1]
    assert win.document.graph.structure() == before


def test_import_dialog_validates_its_fields(qtbot):
    dlg = import_dialog.ImportDialog()
    qtbot.addWidget(dlg)
    dlg.target_edit.setText("torchvision.models.resnet18")
    dlg._accept()
    assert "MODULE:CALLABLE" in dlg.error_label.text() and not dlg.result()
    dlg.target_edit.setText("torchvision.models:resnet18")
    dlg.shape_edit.setText("3x224")
    dlg._accept()
    assert dlg.error_label.text().startswith("Input shape '3x224' is not C×H×W")
    dlg.shape_edit.setText("3x64x64")
    assert dlg.values() == ("torchvision.models:resnet18", (3, 64, 64))


def test_excepthook_logs_and_shows_a_dialog(win, monkeypatch, tmp_path, _studio_home):
    from studio.gui import app

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append((self.text(), self.detailedText())))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    log_path = app._setup_logging()
    app.install_excepthook(lambda: win)
    try:
        raise ValueError("boom in a slot")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert shown and "boom in a slot" in shown[0][0] and "Traceback" in shown[0][1]
    for h in logging.getLogger("studio").handlers:
        h.flush()
    assert "boom in a slot" in log_path.read_text()
