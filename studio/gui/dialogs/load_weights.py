"""File → Load weights…: try a weights file on the current network and, when it fits, make it
the file the next training starts from (one undo step; the project keeps the path).

The report (tensors loaded, re-initialised and why, unused keys) is shown in a dialog; a file
that cannot be used is one message naming the file and what is wrong."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from studio.core.errors import StudioError
from studio.gui.i18n import tr


def weights_filter() -> str:
    """The file dialog's filter in the window's language (the patterns stay)."""
    return tr("Weights ({patterns});;All files (*)").format(patterns="*.pth *.pt *.bin *.safetensors")


def try_weights(project, path) -> "object":
    """The WeightsReport of loading ``path`` into the project's network (StudioError if unusable)."""
    from studio.training import transfer
    from studio.training.checkpoint import build_model

    return transfer.apply_weights(build_model(project), transfer.read_weights_file(path), Path(path).name)


def load_weights(win, path: str | None = None) -> bool:
    """Ask for a weights file (unless given), show the report, set it for the next training."""
    from studio.gui.transfer.commands import SetTrainingCommand

    doc = win.document
    if path is None:
        start = str(doc.path.parent) if doc.path else str(Path.cwd())
        path, _ = QFileDialog.getOpenFileName(win, tr("Load weights"), start, weights_filter())
        if not path:
            return False
    if doc.analysis.errors:
        win.show_error(tr("Cannot load weights"), tr("the network has errors; fix them first (see the Problems tab)"))
        return False
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = try_weights(doc.project, path)
    except StudioError as exc:
        win.show_error(tr("Cannot load weights"), str(exc))
        return False
    finally:
        QGuiApplication.restoreOverrideCursor()
    full = str(Path(path).resolve())
    doc.undo_stack.push(SetTrainingCommand(doc, {"weights": full},
                                           tr("Load weights {file}").format(file=Path(path).name)))
    QMessageBox.information(win, tr("Weights loaded"), report.text() + "\n\n" + tr(
        "The weights are applied when training starts (Training tab: Start from weights). Lock layers with right "
        "click → Freeze."))
    win.show_status(tr("Training will start from {file}: {loaded} of {total} tensors (Ctrl+Z undoes)").format(
        file=Path(path).name, loaded=report.loaded, total=report.total))
    return True
