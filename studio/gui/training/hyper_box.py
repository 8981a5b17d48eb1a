"""Hyperparameters and device: the widgets behind ``project.training`` (TrainSettings)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLineEdit,
                               QSpinBox)

OPTIMIZERS = [("adam", "Adam"), ("adamw", "AdamW"), ("sgd", "SGD")]
SCHEDULERS = [("none", "Constant"), ("step", "Step decay"), ("cosine", "Cosine"), ("onecycle", "One-cycle")]


def available_devices() -> list[tuple[str, str]]:
    """(value, label) for the device chooser: auto, each CUDA GPU with its memory, MPS, CPU."""
    out = []
    labels = []
    try:
        import torch

        if torch.cuda.is_available():
            for i in range(torch.cuda.device_count()):
                p = torch.cuda.get_device_properties(i)
                labels.append(f"{p.name} ({p.total_memory / 2**30:.0f} GiB)")
            out.append(("cuda", "CUDA: " + ", ".join(labels)))
        mps = getattr(torch.backends, "mps", None)
        if mps is not None and mps.is_available():
            out.append(("mps", "Apple GPU (MPS)"))
        cpu = f"CPU ({torch.get_num_threads()} threads)"
    except Exception:  # a broken driver must not break the panel
        cpu = "CPU"
    best = out[0][1] if out else cpu
    return [("auto", f"Automatic: {best}")] + out + [("cpu", cpu)]


class HyperBox(QGroupBox):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__("Training", parent)
        form = QFormLayout(self)
        self.epochs = _spin(1, 10000, 10)
        self.batch_size = _spin(1, 65536, 64)
        self.lr = QLineEdit("0.001")
        v = QDoubleValidator(0.0, 1e9, 10, self)
        v.setNotation(QDoubleValidator.Notation.ScientificNotation)
        self.lr.setValidator(v)
        self.optimizer = _combo(OPTIMIZERS)
        self.momentum = _dspin(0.0, 0.999, 0.01, 0.9, 3)
        self.nesterov = QCheckBox("Nesterov")
        self.weight_decay = QLineEdit("0")
        self.weight_decay.setValidator(QDoubleValidator(0.0, 1.0, 10, self))
        self.scheduler = _combo(SCHEDULERS)
        self.label_smoothing = _dspin(0.0, 0.99, 0.05, 0.0, 2)
        self.seed = _spin(0, 2**31 - 1, 0)
        self.device = QComboBox()
        for value, label in available_devices():
            self.device.addItem(label, value)
        self.amp = QCheckBox("Mixed precision (CUDA)")
        self.channels_last = QCheckBox("channels_last memory format")
        for label, w in (("Epochs", self.epochs), ("Batch size", self.batch_size), ("Learning rate", self.lr),
                         ("Optimiser", self.optimizer), ("Momentum", self.momentum), ("", self.nesterov),
                         ("Weight decay", self.weight_decay), ("Schedule", self.scheduler),
                         ("Label smoothing", self.label_smoothing), ("Seed", self.seed), ("Device", self.device),
                         ("", self.amp), ("", self.channels_last)):
            form.addRow(label, w)
        self._editors = [self.epochs, self.batch_size, self.lr, self.optimizer, self.momentum, self.nesterov,
                         self.weight_decay, self.scheduler, self.label_smoothing, self.seed, self.device, self.amp,
                         self.channels_last]
        for w in self._editors:
            sig = {QComboBox: "currentIndexChanged", QLineEdit: "editingFinished", QCheckBox: "toggled"}.get(
                type(w), "valueChanged")
            getattr(w, sig).connect(self._on_edit)
        self._on_edit_enable()

    def _on_edit(self, *_):
        self._on_edit_enable()
        self.changed.emit()

    def _on_edit_enable(self) -> None:
        sgd = self.optimizer.currentData() == "sgd"
        self.momentum.setEnabled(sgd)
        self.nesterov.setEnabled(sgd)

    def set_values(self, d: dict) -> None:
        from studio.training.settings import TrainSettings

        d = {**TrainSettings().to_dict(), **(d or {})}  # the engine's defaults where the project is silent
        for w in self._editors:
            w.blockSignals(True)
        self.epochs.setValue(int(d.get("epochs", 10)))
        self.batch_size.setValue(int(d.get("batch_size", 64)))
        self.lr.setText(f"{float(d.get('lr', 1e-3)):g}")
        _set_combo(self.optimizer, d.get("optimizer", "adam"))
        self.momentum.setValue(float(d.get("momentum", 0.9)))
        self.nesterov.setChecked(bool(d.get("nesterov", False)))
        self.weight_decay.setText(f"{float(d.get('weight_decay', 0.0)):g}")
        _set_combo(self.scheduler, d.get("scheduler", "none"))
        self.label_smoothing.setValue(float(d.get("label_smoothing", 0.0)))
        self.seed.setValue(int(d.get("seed", 0)))
        _set_combo(self.device, d.get("device", "auto"))
        self.amp.setChecked(bool(d.get("amp", True)))
        self.channels_last.setChecked(bool(d.get("channels_last", False)))
        for w in self._editors:
            w.blockSignals(False)
        self._on_edit_enable()

    def values(self, base: dict | None = None) -> dict:
        """The settings as a dict over ``base`` (unknown keys kept)."""
        d = dict(base or {})
        d.update(epochs=self.epochs.value(), batch_size=self.batch_size.value(), lr=_float(self.lr.text(), 1e-3),
                 optimizer=self.optimizer.currentData(), momentum=round(self.momentum.value(), 4),
                 nesterov=self.nesterov.isChecked() and self.momentum.value() > 0,
                 weight_decay=_float(self.weight_decay.text(), 0.0), scheduler=self.scheduler.currentData(),
                 label_smoothing=round(self.label_smoothing.value(), 4), seed=self.seed.value(),
                 device=self.device.currentData(), amp=self.amp.isChecked(),
                 channels_last=self.channels_last.isChecked())
        return d


def _float(text: str, default: float) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return default


def _spin(lo: int, hi: int, value: int) -> QSpinBox:
    s = QSpinBox()
    s.setRange(lo, hi)
    s.setValue(value)
    return s


def _dspin(lo, hi, step, value, decimals) -> QDoubleSpinBox:
    s = QDoubleSpinBox()
    s.setRange(lo, hi)
    s.setSingleStep(step)
    s.setDecimals(decimals)
    s.setValue(value)
    return s


def _combo(items) -> QComboBox:
    c = QComboBox()
    for value, label in items:
        c.addItem(label, value)
    return c


def _set_combo(c: QComboBox, value) -> None:
    i = c.findData(value)
    if i < 0 and c.count():
        i = 0
    c.setCurrentIndex(i)
