"""Dataset chooser: source, folder, split, augmentation, a sample grid and a fit check."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap, QUndoCommand
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGridLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.gui.fields import WIDGETS, window_message
from studio.gui.i18n import tr, tr_core
from studio.training.datasets.settings import DataSettings

from .images import array_to_qimage
from .worker import FunctionThread

SOURCES = [("digits", QT_TRANSLATE_NOOP("TrainingPanel", "Digits (built in, 8×8 handwritten)")),
           ("shapes", QT_TRANSLATE_NOOP("TrainingPanel", "Shapes (built in, generated)")),
           ("mnist", QT_TRANSLATE_NOOP("TrainingPanel", "MNIST (folder)")),
           ("fashion-mnist", QT_TRANSLATE_NOOP("TrainingPanel", "Fashion-MNIST (folder)")),
           ("cifar10", QT_TRANSLATE_NOOP("TrainingPanel", "CIFAR-10 (folder)")),
           ("folder", QT_TRANSLATE_NOOP("TrainingPanel", "Image folder (one subfolder per class)"))]
NEEDS_ROOT = {"mnist", "fashion-mnist", "cifar10", "folder"}
DOWNLOADABLE = {"mnist", "fashion-mnist", "cifar10"}


def sample_tiles(bundle, n: int = 16) -> list[tuple[Any, str]]:
    """Up to ``n`` (uint8 H×W×C image as the model sees it, class name) from the training set."""
    from studio.training.data import sample_images

    names = list(bundle.class_names)
    return [(img, names[y] if 0 <= y < len(names) else str(y)) for img, y in sample_images(bundle, n)]


def fit_problems(document, bundle) -> list[str]:
    """What in the model does not match the dataset (channels, classes), in plain words."""
    probs = []
    shape = document.project.input_shape
    if shape is not None and bundle.channels != shape[0]:
        probs.append(tr("the dataset has {n} channel(s) but the Input node takes {m}").format(
            n=bundle.channels, m=shape[0]))
    out = document.analysis.output_shape
    n_out = out[0] if out is not None and len(out) == 1 else None
    if n_out is not None and n_out != bundle.num_classes:
        probs.append(tr("the dataset has {n} classes but the model outputs {m}").format(
            n=bundle.num_classes, m=n_out))
    elif document.project.num_classes != bundle.num_classes:
        probs.append(tr("the project expects {n} classes, the dataset has {m}").format(
            n=document.project.num_classes, m=bundle.num_classes))
    return probs


def adapt_model(document, channels: int, num_classes: int) -> None:
    """Set the Input channels and the last Linear's outputs, as one undoable step."""
    from studio.gui.commands import SetParamCommand

    g, a = document.graph, document.analysis
    stack = document.undo_stack
    stack.beginMacro(tr("Adapt the model to the dataset"))
    try:
        ins = g.input_nodes()
        if len(ins) == 1 and ins[0].params.get("channels") != channels:
            stack.push(SetParamCommand(document, ins[0].id, "channels", channels))
        linears = [nid for nid in reversed(a.order) if g.has_node(nid) and g.node(nid).type == "Linear"]
        if linears and g.node(linears[0]).params.get("out_features") != num_classes:
            stack.push(SetParamCommand(document, linears[0], "out_features", num_classes))
        if document.project.num_classes != num_classes:
            stack.push(SetNumClassesCommand(document, num_classes))
    finally:
        stack.endMacro()


class SetNumClassesCommand(QUndoCommand):
    """The project's class count (not a graph edit, but part of adapting the model: undoable)."""

    def __init__(self, document, n: int):
        super().__init__(tr("Set classes to {n}").format(n=n))
        self.document, self.new, self.old = document, int(n), document.project.num_classes

    def redo(self) -> None:
        self.document.set_num_classes(self.new)

    def undo(self) -> None:
        self.document.set_num_classes(self.old)


class DatasetBox(QGroupBox):
    changed = Signal()  # a setting changed (stored by the panel)
    loaded = Signal(object)  # DataBundle of the preview

    def __init__(self, document, parent=None):
        super().__init__(tr("Dataset"), parent)
        self.document = document
        self.bundle = None
        self._thread: FunctionThread | None = None
        form = QFormLayout()
        self.source = QComboBox()
        for key, text in SOURCES:
            self.source.addItem(tr_core("TrainingPanel", text), key)
        self.root = QLineEdit()
        self.root.setPlaceholderText(tr("folder with the data"))
        browse = QPushButton("…")
        browse.setFixedWidth(28)
        browse.clicked.connect(self._browse)
        root_row = QHBoxLayout()
        root_row.addWidget(self.root, 1)
        root_row.addWidget(browse)
        self.defaults = DataSettings().to_dict()  # the one source of the defaults
        self.download = QCheckBox(WIDGETS["dataset.download"])
        self.val_fraction = _dspin(0.0, 0.9, 0.05, self.defaults["val_fraction"])
        self.test_fraction = _dspin(0.0, 0.9, 0.05, self.defaults["test_fraction"])
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.crop = QSpinBox()
        self.crop.setRange(0, 64)
        self.crop.setToolTip(tr("Random crop after padding by this many pixels (0 = off)"))
        self.hflip = QCheckBox(tr("Horizontal flip"))
        self.rotation = QSpinBox()
        self.rotation.setRange(0, 180)
        self.rotation.setSuffix("°")
        self.jitter = _dspin(0.0, 1.0, 0.05, 0.0)
        form.addRow(WIDGETS["dataset.source"], self.source)
        form.addRow(WIDGETS["dataset.root"], root_row)
        form.addRow("", self.download)
        form.addRow(WIDGETS["dataset.val_fraction"], self.val_fraction)
        form.addRow(WIDGETS["dataset.test_fraction"], self.test_fraction)
        form.addRow(WIDGETS["dataset.seed"], self.seed)
        form.addRow(tr("Crop padding"), self.crop)
        form.addRow(tr("Rotation"), self.rotation)
        form.addRow(tr("Colour jitter"), self.jitter)
        form.addRow("", self.hflip)
        self.preview_button = QPushButton(tr("Load && preview"))
        self.preview_button.clicked.connect(self.load_preview)
        self.info = QLabel(tr("Press “Load & preview” to see samples and check the model fits."))
        self.info.setWordWrap(True)
        self.fit_label = QLabel()
        self.fit_label.setWordWrap(True)
        self.adapt_button = QPushButton(tr("Adapt the model"))
        self.adapt_button.setToolTip(tr("Set the Input channels and the last Linear's outputs (undoable)"))
        self.adapt_button.clicked.connect(self.adapt)
        self.adapt_button.hide()
        self.samples = QWidget()
        self.samples_grid = QGridLayout(self.samples)
        self.samples_grid.setSpacing(2)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.preview_button)
        lay.addWidget(self.info)
        lay.addWidget(self.fit_label)
        lay.addWidget(self.adapt_button)
        lay.addWidget(self.samples)
        self._editors = [self.source, self.root, self.download, self.val_fraction, self.test_fraction, self.seed,
                         self.crop, self.hflip, self.rotation, self.jitter]
        for w in self._editors:
            sig = {QComboBox: "currentIndexChanged", QLineEdit: "editingFinished", QCheckBox: "toggled"}.get(
                type(w), "valueChanged")
            getattr(w, sig).connect(self._on_edit)
        self._on_source()

    # ---- settings <-> widgets --------------------------------------------
    def set_values(self, d: dict) -> None:
        """Show checked settings (``read_project_settings``); the defaults where ``d`` is silent."""
        d = {**self.defaults, **(d or {})}
        aug = {**self.defaults["augment"], **(d.get("augment") or {})}
        for w in self._editors:
            w.blockSignals(True)
        i = self.source.findData(d["source"])
        self.source.setCurrentIndex(max(i, 0))
        self.root.setText(str(d["root"] or ""))
        self.download.setChecked(bool(d["download"]))
        self.val_fraction.setValue(float(d["val_fraction"]))
        self.test_fraction.setValue(float(d["test_fraction"]))
        self.seed.setValue(int(d["seed"]))
        self.crop.setValue(int(aug["random_crop_padding"] or 0))
        self.hflip.setChecked(bool(aug["hflip"]))
        self.rotation.setValue(int(aug["rotation_deg"] or 0))
        self.jitter.setValue(float(aug["color_jitter"] or 0.0))
        for w in self._editors:
            w.blockSignals(False)
        self._on_source()

    def values(self, base: dict | None = None) -> dict:
        d = dict(base or {})
        d.update(source=self.source.currentData(), root=self.root.text().strip() or None,
                 download=self.download.isChecked(), val_fraction=round(self.val_fraction.value(), 4),
                 test_fraction=round(self.test_fraction.value(), 4), seed=self.seed.value())
        aug = dict(d.get("augment") or {})
        aug.update(random_crop_padding=self.crop.value(), hflip=self.hflip.isChecked(),
                   rotation_deg=self.rotation.value(), color_jitter=round(self.jitter.value(), 4))
        d["augment"] = aug
        return d

    def _on_edit(self, *_):
        self._on_source()
        self.bundle = None
        self.changed.emit()

    def _on_source(self) -> None:
        src = self.source.currentData()
        self.root.setEnabled(src in NEEDS_ROOT)
        self.download.setEnabled(src in DOWNLOADABLE)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Dataset folder"), self.root.text())
        if folder:
            self.root.setText(folder)
            self._on_edit()

    # ---- preview ---------------------------------------------------------
    def load_preview(self) -> None:
        """Load the dataset in the background; then show samples and the fit check."""
        if self._thread is not None and self._thread.isRunning():
            return
        shape = self.document.project.input_shape
        if shape is None:
            self.info.setText(tr("The model needs exactly one Input node before a dataset can be loaded."))
            return
        settings = self.values(self.document.project.dataset)

        def load():
            from studio.training.data import DataSettings, load_data

            return load_data(DataSettings.from_dict(settings), tuple(shape))

        self.preview_button.setEnabled(False)
        self.info.setText(tr("Loading…"))
        self._thread = FunctionThread(load, self)
        self._thread.done.connect(self._loaded)
        self._thread.failed.connect(self._failed)
        self._thread.finished.connect(lambda: self.preview_button.setEnabled(True))
        if not self._thread.start_or_fail():
            self.preview_button.setEnabled(True)

    def wait(self, ms: int = 30000) -> None:
        if self._thread is not None:
            self._thread.wait(ms)

    def _failed(self, message: str) -> None:
        self.bundle = None
        text = tr("Cannot load the dataset: {message}").format(message=message)
        self.info.setText(f"<span style='color:#c62828'>{text}</span>")
        self.fit_label.clear()
        self.adapt_button.hide()

    def _loaded(self, bundle) -> None:
        self.bundle = bundle
        sizes = dict(n=bundle.num_classes, train=len(bundle.train), val=len(bundle.val), channels=bundle.channels)
        if bundle.test is None:
            lines = [tr("{n} classes · {train} train · {val} val · {channels} channel(s)").format(**sizes)]
        else:
            lines = [tr("{n} classes · {train} train · {val} val · {test} test · {channels} channel(s)").format(
                **sizes, test=len(bundle.test))]
        if getattr(bundle, "info", ""):
            lines.append(str(bundle.info))
        lines += ["⚠ " + window_message(w) for w in getattr(bundle, "warnings", []) or []]
        self.info.setText("\n".join(lines))
        self.show_samples(bundle)
        self.check_fit()
        self.loaded.emit(bundle)

    def show_samples(self, bundle, n: int = 16) -> None:
        while self.samples_grid.count():
            item = self.samples_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for i, (img, label) in enumerate(sample_tiles(bundle, n)):
            cell = QLabel()
            pm = QPixmap.fromImage(array_to_qimage(img))
            cell.setPixmap(pm.scaled(56, 56, Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.FastTransformation))
            cell.setToolTip(label)
            text = QLabel(label[:10])
            text.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box = QVBoxLayout()
            box.setSpacing(0)
            w = QWidget()
            w.setLayout(box)
            box.addWidget(cell, 0, Qt.AlignmentFlag.AlignCenter)
            box.addWidget(text)
            self.samples_grid.addWidget(w, i // 4, i % 4)

    def check_fit(self) -> list[str]:
        if self.bundle is None:
            return []
        probs = fit_problems(self.document, self.bundle)
        if probs:
            text = tr("The model does not fit the dataset: {problems}.").format(problems="; ".join(probs))
            self.fit_label.setText(f"<span style='color:#b26a00'>{text}</span>")
            self.adapt_button.show()
        else:
            text = tr("✔ The model fits the dataset.")
            self.fit_label.setText(f"<span style='color:#2e7d32'>{text}</span>")
            self.adapt_button.hide()
        return probs

    def adapt(self) -> None:
        if self.bundle is not None:
            adapt_model(self.document, self.bundle.channels, self.bundle.num_classes)
            self.check_fit()


def _dspin(lo: float, hi: float, step: float, value: float) -> QDoubleSpinBox:
    s = QDoubleSpinBox()
    s.setRange(lo, hi)
    s.setSingleStep(step)
    s.setDecimals(2)
    s.setValue(value)
    return s
