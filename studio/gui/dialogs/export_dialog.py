"""Export PyTorch code / ONNX / TorchScript…: choose where to write the file."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

FORMATS = {
    "pytorch": ("PyTorch code", ".py", "Python files (*.py)"),
    "onnx": ("ONNX", ".onnx", "ONNX models (*.onnx)"),
    "torchscript": ("TorchScript", ".pt", "TorchScript archives (*.pt *.pth)"),
}


def ask_export_path(parent: QWidget | None, fmt: str, stem: str = "model", folder: Path | None = None) -> Path | None:
    """Ask for the output file of ``fmt``; adds the usual suffix when none was typed."""
    title, suffix, filt = FORMATS[fmt]
    start = str((folder or Path.cwd()) / f"{stem}{suffix}")
    path, _ = QFileDialog.getSaveFileName(parent, f"Export {title}", start, filt)
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
        parent, "Export with trained weights?",
        f"Include the trained weights of run {checkpoint.parent.name} ({checkpoint.name})?\n\n"
        "Yes: the export carries these weights. No: the model is exported untrained.",
        B.Yes | B.No | B.Cancel, B.Yes)
    return None if ans == B.Cancel else ans == B.Yes
