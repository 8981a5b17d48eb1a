"""The Training tab's transfer-learning rows: the weights file training starts from, the frozen
layers, the fine-tune schedule (unfreeze after K epochs) and per-stage learning-rate
multipliers. Every change is an undo step on ``project.training`` (SetTrainingCommand)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget

from studio.core.freeze import frozen_text
from studio.gui.i18n import tr

from .commands import SetTrainingCommand


class TransferRows:
    """Rows added to a QFormLayout (the Training box): they follow the document."""

    def __init__(self, doc, form, choose_weights=None):
        self.doc = doc
        self.weights_label = QLabel()
        self.weights_label.setObjectName("weights_label")
        self.weights_label.setWordWrap(True)
        self.choose = QPushButton(tr("Choose…"))
        self.choose.setToolTip(tr("File → Load weights…: start training from a weights file (.pth, checkpoint)"))
        self.clear = QPushButton(tr("Clear"))
        self.clear.clicked.connect(lambda: self._set({"weights": ""}, tr("Clear the weights file")))
        if choose_weights is not None:
            self.choose.clicked.connect(choose_weights)
        row = QWidget()
        rl = QHBoxLayout(row)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.weights_label, 1)
        rl.addWidget(self.choose)
        rl.addWidget(self.clear)
        self.frozen_label = QLabel()
        self.frozen_label.setObjectName("frozen_label")
        self.frozen_label.setWordWrap(True)
        self.frozen_label.setToolTip(tr("Lock layers on the canvas (right click → Freeze, or the Inspector's box)"))
        self.unfreeze_after = QSpinBox()
        self.unfreeze_after.setRange(0, 10000)
        self.unfreeze_after.setSpecialValueText(tr("never"))
        self.unfreeze_after.setSuffix(tr(" epochs"))
        self.unfreeze_after.setToolTip(tr("Fine-tune schedule: train only the unfrozen layers (the head) for K "
                                          "epochs, then every layer"))
        self.unfreeze_after.editingFinished.connect(self._unfreeze_edited)
        self.lr_mult = QLineEdit()
        self.lr_mult.setPlaceholderText(tr("e.g. layer1=0.1, layer4=0.5"))
        self.lr_mult.setToolTip(tr("Discriminative learning rates: the rate of these layers (names or prefixes) "
                                   "is multiplied by the factor"))
        self.lr_mult.editingFinished.connect(self._lr_mult_edited)
        form.addRow(tr("Start from weights"), row)
        form.addRow(tr("Frozen layers"), self.frozen_label)
        form.addRow(tr("Unfreeze after"), self.unfreeze_after)
        form.addRow(tr("LR multipliers"), self.lr_mult)
        doc.settings_changed.connect(self.refresh)
        doc.project_replaced.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        t = self.doc.project.training or {}
        w = str(t.get("weights") or "")
        self.weights_label.setText(Path(w).name if w else tr("none (PyTorch's initialisation)"))
        self.weights_label.setToolTip(w)
        self.clear.setEnabled(bool(w))
        f = frozen_text(self.doc.project)
        self.frozen_label.setText(f.replace(",", ", ") if f else tr("none"))
        self.unfreeze_after.blockSignals(True)
        self.unfreeze_after.setValue(int(t.get("unfreeze_after") or 0))
        self.unfreeze_after.blockSignals(False)
        if not self.lr_mult.hasFocus():
            self.lr_mult.setText(str(t.get("lr_mult") or ""))

    def _set(self, changes: dict, text: str) -> None:
        t = self.doc.project.training or {}
        if all((t.get(k) or "") == (v or "") for k, v in changes.items()):
            return
        self.doc.undo_stack.push(SetTrainingCommand(self.doc, changes, text))

    def _unfreeze_edited(self) -> None:
        v = self.unfreeze_after.value()
        self._set({"unfreeze_after": v or None}, tr("Unfreeze after {n} epochs").format(n=v) if v else tr("Never unfreeze"))

    def _lr_mult_edited(self) -> None:
        from studio.training.settings import TrainSettings
        from studio.core.errors import StudioError

        text = self.lr_mult.text().strip()
        try:
            TrainSettings(lr_mult=text)
        except StudioError as exc:
            self.lr_mult.setToolTip(str(exc))
            self.lr_mult.setStyleSheet("QLineEdit { border: 1px solid #c62828; }")
            return
        self.lr_mult.setStyleSheet("")
        self._set({"lr_mult": text}, tr("Set learning-rate multipliers"))
