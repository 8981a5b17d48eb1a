"""The "Start from weights" row of New from template: none (PyTorch's initialisation) or a
weights file (torchvision .pth, a checkpoint), applied by key and shape when training starts."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from studio.gui.i18n import tr

from .load_weights import weights_filter


class WeightsChoice(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.path: str | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.choose = QPushButton(tr("Weights file…"))
        self.choose.setToolTip(tr("Start training from pretrained weights, e.g. torchvision's {file} from {folder}; "
                                  "layers that do not fit (the head) start fresh").format(
            file="resnet18-f37072fd.pth", folder="~/.cache/torch/hub/checkpoints"))
        self.choose.clicked.connect(self._choose)
        self.clear = QPushButton(tr("None", "no weights file"))
        self.clear.clicked.connect(lambda: self.set_path(None))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(tr("Start from weights:")))
        lay.addWidget(self.label, 1)
        lay.addWidget(self.choose)
        lay.addWidget(self.clear)
        self.set_path(None)

    def set_path(self, path: str | None) -> None:
        self.path = path or None
        self.label.setText(Path(path).name if path else tr("none (PyTorch's initialisation)"))
        self.label.setToolTip(path or "")
        self.clear.setEnabled(bool(path))

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Start from weights"), str(Path.home()), weights_filter())
        if path:
            self.set_path(path)
