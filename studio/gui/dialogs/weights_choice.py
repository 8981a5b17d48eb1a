"""The "Start from weights" row of New from template: none (PyTorch's initialisation) or a
weights file (torchvision .pth, a checkpoint), applied by key and shape when training starts."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from .load_weights import WEIGHTS_FILTER


class WeightsChoice(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.path: str | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.choose = QPushButton("Weights file…")
        self.choose.setToolTip("Start training from pretrained weights, e.g. torchvision's resnet18-f37072fd.pth "
                               "from ~/.cache/torch/hub/checkpoints; layers that do not fit (the head) start fresh")
        self.choose.clicked.connect(self._choose)
        self.clear = QPushButton("None")
        self.clear.clicked.connect(lambda: self.set_path(None))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel("Start from weights:"))
        lay.addWidget(self.label, 1)
        lay.addWidget(self.choose)
        lay.addWidget(self.clear)
        self.set_path(None)

    def set_path(self, path: str | None) -> None:
        self.path = path or None
        self.label.setText(Path(path).name if path else "none (PyTorch's initialisation)")
        self.label.setToolTip(path or "")
        self.clear.setEnabled(bool(path))

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Start from weights", str(Path.home()), WEIGHTS_FILTER)
        if path:
            self.set_path(path)
