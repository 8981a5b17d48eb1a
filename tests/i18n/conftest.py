"""Fixtures of the Chinese-interface tests: the window's language installed for one test and
English again after it (other tests read English texts)."""
from __future__ import annotations

import pytest



@pytest.fixture
def lang(qapp):
    """lang(code) installs ``code`` into the application; English again at the end."""
    from studio.gui import i18n

    def install(code: str) -> str:
        return i18n.install(qapp, code)

    yield install
    i18n.install(qapp, "en")


@pytest.fixture
def make_window(qtbot, monkeypatch):
    """make_window(template="lenet5") -> a MainWindow as `cnn-studio gui --template` builds it
    (modal questions answered "Discard" so that closing never blocks)."""
    from PySide6.QtWidgets import QMessageBox

    from studio.gui.app import startup_target
    from studio.gui.document import Document
    from studio.gui.mainwindow import MainWindow
    from studio.gui.project_setup import ensure_layout

    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
    made = []

    def make(template: str = "lenet5"):
        class Args:
            project = None

        Args.template = template
        project, _path, _ckpt = startup_target(Args, lambda t, m: None)
        ensure_layout(project)
        win = MainWindow(Document(project))
        qtbot.addWidget(win)
        made.append(win)
        return win

    yield make
    for w in made:
        w.document.undo_stack.setClean()
        w.close()
