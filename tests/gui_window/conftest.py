"""Fixtures for the main-window tests: modal dialogs patched, a window with LeNet-5."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

B = QMessageBox.StandardButton


class DialogRecorder:
    """Stands in for modal dialogs: records what was asked and answers as told."""

    def __init__(self):
        self.calls: list[tuple[str, str, str]] = []
        self.answer = B.Discard  # for QMessageBox.question
        self.open_path = ""
        self.save_path = ""
        self.text = ("", False)
        self.restore = False
        self.template: str | None = None

    def kinds(self) -> list[str]:
        return [c[0] for c in self.calls]

    def messages(self, kind: str | None = None) -> list[str]:
        return [c[2] for c in self.calls if kind is None or c[0] == kind]


@pytest.fixture
def dialogs(monkeypatch):
    rec = DialogRecorder()

    def box(kind, ret):
        def fn(parent, title, text, *a, **k):
            rec.calls.append((kind, title, text))
            return ret() if callable(ret) else ret
        return staticmethod(fn)

    monkeypatch.setattr(QMessageBox, "question", box("question", lambda: rec.answer))
    monkeypatch.setattr(QMessageBox, "warning", box("warning", B.Ok))
    monkeypatch.setattr(QMessageBox, "critical", box("critical", B.Ok))
    monkeypatch.setattr(QMessageBox, "information", box("information", B.Ok))
    monkeypatch.setattr(QMessageBox, "about", box("about", None))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (rec.calls.append(("open", "", "")) or (rec.open_path, ""))))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (rec.calls.append(("save", "", "")) or (rec.save_path, ""))))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: rec.text))
    from studio.gui.dialogs import recovery, templates

    monkeypatch.setattr(recovery, "ask_restore",
                        lambda parent, r: (rec.calls.append(("restore", "", r.describe())) or rec.restore))
    monkeypatch.setattr(templates, "choose_template", lambda parent=None: rec.template)
    return rec


@pytest.fixture
def make_window(qtbot, dialogs):
    """make_window(project=None) -> a MainWindow (default: LeNet-5 on digits), closed at the end."""
    from studio.gui.document import Document
    from studio.gui.mainwindow import MainWindow
    from studio.gui.project_setup import default_project

    made = []

    def make(project=None, **kw):
        win = MainWindow(Document(project if project is not None else default_project()), **kw)
        qtbot.addWidget(win)
        made.append(win)
        return win

    yield make
    dialogs.answer = B.Discard
    for w in made:
        w.document.undo_stack.setClean()
        w.close()


@pytest.fixture
def win(make_window):
    return make_window()
