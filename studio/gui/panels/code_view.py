"""The Code tab: the generated PyTorch source, syntax-highlighted, with Copy and Export.

Generation is lazy: it runs only while the tab is visible, ~300 ms after the last change.
When the graph has errors the tab lists them instead.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from studio.core.errors import StudioError
from studio.core.project import atomic_write_text
from studio.gui.i18n import tr
from studio.gui.panels.highlighter import PythonHighlighter
from studio.gui.panels.lazy import LazyPanel

DEBOUNCE_MS = 300


def _generate_source(project) -> str:
    from studio.compiler.codegen import generate_source

    return generate_source(project)


class CodeView(LazyPanel):
    status = Signal(str)

    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.editor = QPlainTextEdit(self)
        self.editor.setReadOnly(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self.highlighter = PythonHighlighter(self.editor.document(), dark=dark)
        self.info = QLabel()
        self.copy_button = QPushButton(tr("Copy", "code"))
        self.copy_button.setToolTip(tr("Copy the code to the clipboard"))
        self.copy_button.clicked.connect(self.copy)
        self.export_button = QPushButton(tr("Export…", "code"))
        self.export_button.setToolTip(tr("Save the code as a Python file (model.py)"))
        self.export_button.clicked.connect(self.export)
        bar = QHBoxLayout()
        bar.addWidget(self.info, 1)
        bar.addWidget(self.copy_button)
        bar.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(bar)
        lay.addWidget(self.editor)
        self.source: str | None = None  # the generated code, None while the graph is broken
        self.follow(document, DEBOUNCE_MS)

    def refresh(self) -> None:
        """Regenerate the code now (or show why it cannot be generated)."""
        self._stale = False
        analysis = self.document.analysis
        bar = self.editor.horizontalScrollBar().value(), self.editor.verticalScrollBar().value()
        if analysis.errors:
            self.source = None
            lines = ["# " + tr("The graph has errors, so there is no code yet. Fix these first:"), "#"]
            for issue in analysis.errors:
                lines.append(f"#  - {issue.message}")
            self.editor.setPlainText("\n".join(lines) + "\n")
            self.info.setText(tr("{n} error(s): see the Problems tab").format(n=len(analysis.errors)))
        else:
            try:
                self.source = _generate_source(self.document.project)
            except StudioError as exc:
                self.source = None
                self.editor.setPlainText("# " + tr("Cannot generate code: {error}").format(error=exc) + "\n")
                self.info.setText(tr("Cannot generate code"))
                return
            self.editor.setPlainText(self.source)
            self.info.setText(tr("model.py · {n} lines · PyTorch").format(n=self.source.count(chr(10))))
            self.editor.horizontalScrollBar().setValue(bar[0])
            self.editor.verticalScrollBar().setValue(bar[1])
        self.copy_button.setEnabled(self.source is not None)
        self.export_button.setEnabled(self.source is not None)

    def copy(self) -> None:
        if self._stale:
            self.refresh()
        if self.source is not None:
            QGuiApplication.clipboard().setText(self.source)
            self.status.emit(tr("Copied the model code to the clipboard"))

    def export(self) -> None:
        if self._stale:
            self.refresh()
        if self.source is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, tr("Export PyTorch code"), "model.py", tr("Python files (*.py)"))
        if not path:
            return
        if not path.endswith(".py"):
            path += ".py"
        try:
            atomic_write_text(path, self.source)
        except OSError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, tr("Export failed"), tr("Cannot write {path}: {error}").format(
                path=path, error=exc.strerror or exc))
            return
        self.status.emit(tr("Exported the model code to {path}").format(path=path))
