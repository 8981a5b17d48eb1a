"""Export PyTorch code / ONNX / TorchScript…: choose where to write the file."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.gui.i18n import tr, tr_core

FORMATS = {
    "pytorch": (QT_TRANSLATE_NOOP("Export", "PyTorch code"), ".py", QT_TRANSLATE_NOOP("Export", "Python files (*.py)")),
    "onnx": ("ONNX", ".onnx", QT_TRANSLATE_NOOP("Export", "ONNX models (*.onnx)")),
    "torchscript": ("TorchScript", ".pt", QT_TRANSLATE_NOOP("Export", "TorchScript archives (*.pt *.pth)")),
}


def format_title(fmt: str) -> str:
    """The export format's name in the window's language ("PyTorch code", "ONNX"…)."""
    title = FORMATS[fmt][0]
    return tr_core("Export", title) if fmt == "pytorch" else title


def ask_export_path(parent: QWidget | None, fmt: str, stem: str = "model", folder: Path | None = None) -> Path | None:
    """Ask for the output file of ``fmt``; adds the usual suffix when none was typed."""
    _title, suffix, filt = FORMATS[fmt]
    start = str((folder or Path.cwd()) / f"{stem}{suffix}")
    path, _ = QFileDialog.getSaveFileName(parent, tr("Export {what}").format(what=format_title(fmt)), start,
                                          tr_core("Export", filt))
    if not path:
        return None
    p = Path(path)
    if not p.suffix:
        p = p.with_suffix(suffix)
    return p


def ask_weights(parent: QWidget | None, checkpoint: Path) -> bool | None:
    """Offer the latest run's checkpoint: True = with these weights, False = code only, None = cancel."""
    B = QMessageBox.StandardButton
    ans = QMessageBox.question(
        parent, tr("Export with trained weights?"),
        tr("Include the trained weights of run {run} ({file})?\n\n"
           "Yes: the export carries these weights. No: the model is exported untrained.").format(
            run=checkpoint.parent.name, file=checkpoint.name),
        B.Yes | B.No | B.Cancel, B.Yes)
    return None if ans == B.Cancel else ans == B.Yes
