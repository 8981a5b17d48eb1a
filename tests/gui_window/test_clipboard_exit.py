"""Copying layers and then quitting must not crash Python's shutdown (a QMimeData made in
Python and still owned by the clipboard does, in PySide6); the copied text survives."""
import os
import subprocess
import sys

SCRIPT = r"""
from PySide6.QtWidgets import QApplication
from studio.core.project import Project
from studio.gui.app import release_clipboard
from studio.gui.canvas import GraphView
from studio.gui.document import Document
from studio.templates import build_project

app = QApplication([])
doc = Document(build_project("lenet5"))
view = GraphView(doc)
view.select_nodes(["conv1", "relu1"])
assert view.copy_selection() == 2
release_clipboard(app)
assert "cnn-studio-fragment" in app.clipboard().text()
print("ok")
"""


def test_copy_then_exit_is_clean(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CNN_STUDIO_HOME=str(tmp_path))
    r = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, (r.returncode, r.stderr[-2000:])
    assert r.stdout.strip().endswith("ok")
