"""The Evaluate tab: confusion matrix (click a cell: its images), per-class precision/recall."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QFrame, QHBoxLayout, QHeaderView, QLabel,
                               QListView, QListWidget, QListWidgetItem, QPushButton, QScrollArea, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from studio.gui.i18n import tr

from .images import tensor_pixmap
from .output_view import OutputLossView
from .worker import FunctionThread

MAX_IMAGES = 120


def run_evaluation(checkpoint: Path, split: str = "val") -> dict:
    """Load the checkpoint and its dataset, evaluate on ``split``: everything the view shows."""
    from studio.core.errors import StudioError
    from studio.training.checkpoint import load_checkpoint, model_from_checkpoint
    from studio.training.data import DataSettings, load_data
    from studio.training.evaluate import evaluate

    ckpt = load_checkpoint(checkpoint)
    model, project = model_from_checkpoint(ckpt)
    shape = tuple(ckpt["input_shape"]) or project.input_shape
    bundle = load_data(DataSettings.from_dict(project.dataset or {}), shape)
    ds = bundle.test if split == "test" and bundle.test is not None and len(bundle.test) else bundle.val
    if ds is None or len(ds) == 0:
        ds, split = bundle.train, "train"
    if len(ds) == 0:
        raise StudioError(tr("the dataset has no images to evaluate on"))
    names = list(ckpt.get("class_names") or bundle.class_names)
    res = evaluate(model, ds, names, device="cpu")
    preds = np.asarray(res.predictions, dtype=np.int64).reshape(-1)
    labels = getattr(res, "targets", None)
    if labels is None:
        labels = getattr(res, "labels", None)
    if labels is None:
        labels = [int(ds[i][1]) for i in range(len(ds))]
    return {"result": res, "dataset": ds, "split": split, "class_names": names, "preds": preds, "model": model,
            "labels": np.asarray(labels, dtype=np.int64).reshape(-1), "mean": ckpt["mean"], "std": ckpt["std"],
            "checkpoint": Path(checkpoint)}


class EvaluateView(QWidget):
    evaluated = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.checkpoint: Path | None = None
        self.data: dict | None = None
        self._thread: FunctionThread | None = None
        self.ckpt_label = QLabel(tr("No checkpoint yet: train a model, or open a checkpoint."))
        open_button = QPushButton(tr("Open checkpoint…"))
        open_button.clicked.connect(self._open)
        self.split = QComboBox()
        self.split.addItem(tr("Validation set"), "val")
        self.split.addItem(tr("Test set"), "test")
        self.eval_button = QPushButton(tr("Evaluate"))
        self.eval_button.clicked.connect(self.evaluate)
        self.eval_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.ckpt_label, 1)
        top.addWidget(open_button)
        top.addWidget(self.split)
        top.addWidget(self.eval_button)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)

        self.matrix = QTableWidget()
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix.cellClicked.connect(self.show_cell)
        self.matrix.setToolTip(tr("Rows: true class · columns: predicted class. Click a cell to see its images."))
        self.per_class = QTableWidget(0, 4)
        self.per_class.setHorizontalHeaderLabels([tr("Class"), tr("Precision"), tr("Recall"), tr("Images")])
        self.per_class.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.per_class.verticalHeader().hide()
        self.per_class.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.cell_label = QLabel(tr("Click a cell of the matrix to list its images."))
        self.cell_label.setWordWrap(True)
        self.images = QListWidget()
        self.images.setViewMode(QListView.ViewMode.IconMode)
        self.images.setIconSize(QSize(64, 64))
        self.images.setResizeMode(QListView.ResizeMode.Adjust)
        self.images.setSpacing(4)
        cell_box = QWidget()
        cl = QVBoxLayout(cell_box)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.cell_label)
        cl.addWidget(self.images, 1)
        self.output_view = OutputLossView()
        self.output_view.setToolTip(tr("Click an image above: its logits, softmax, one-hot label and cross-entropy"))
        self.output_view.set_compact(True)
        self.images.currentItemChanged.connect(lambda item, _prev: self.explain_image(item))
        cell_split = QSplitter(Qt.Orientation.Vertical)
        cell_split.addWidget(cell_box)
        # the breakdown keeps its full height and scrolls when the column is short (a laptop
        # screen, taller Chinese lines): never squeezed until its table covers its lines
        out_scroll = QScrollArea()
        out_scroll.setWidgetResizable(True)
        out_scroll.setFrameShape(QFrame.Shape.NoFrame)
        out_scroll.setWidget(self.output_view)
        cell_split.addWidget(out_scroll)
        cell_split.setSizes([140, 360])
        split = QSplitter()
        split.addWidget(self.matrix)
        split.addWidget(self.per_class)
        split.addWidget(cell_split)
        split.setSizes([420, 260, 520])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(split, 1)

    # ---- loading ---------------------------------------------------------
    def set_checkpoint(self, path, auto: bool = False) -> None:
        self.checkpoint = Path(path) if path else None
        self.eval_button.setEnabled(self.checkpoint is not None)
        self.ckpt_label.setText(tr("Checkpoint: {path}").format(path=self.checkpoint) if self.checkpoint
                                else tr("No checkpoint."))
        if auto and self.checkpoint is not None:
            self.evaluate()

    def _open(self) -> None:
        from studio.paths import runs_dir

        path, _ = QFileDialog.getOpenFileName(self, tr("Open checkpoint"), str(runs_dir()), tr("Checkpoints (*.pt)"))
        if path:
            self.set_checkpoint(path, auto=True)

    def evaluate(self) -> None:
        if self.checkpoint is None or (self._thread is not None and self._thread.isRunning()):
            return
        ckpt, split = self.checkpoint, self.split.currentData()
        self.summary.setText(tr("Evaluating…"))
        self.eval_button.setEnabled(False)
        self._thread = FunctionThread(lambda: run_evaluation(ckpt, split), self)
        self._thread.done.connect(self.show_result)
        self._thread.failed.connect(self._failed)
        self._thread.finished.connect(lambda: self.eval_button.setEnabled(self.checkpoint is not None))
        if not self._thread.start_or_fail():
            self.eval_button.setEnabled(True)

    def wait(self, ms: int = 30000) -> None:
        if self._thread is not None:
            self._thread.wait(ms)

    def _failed(self, message: str) -> None:
        self.summary.setText("<span style='color:#b71c1c'>" + tr("Cannot evaluate: {reason}").format(reason=message)
                             + "</span>")

    # ---- display ---------------------------------------------------------
    def show_result(self, data: dict) -> None:
        self.data = data
        res, names = data["result"], data["class_names"]
        cm = np.asarray(res.confusion, dtype=np.int64)
        n = len(names)
        split = {"val": tr("val", "split"), "test": tr("test", "split"), "train": tr("train", "split")}
        self.summary.setText(tr("{split} set: {n} images · accuracy <b>{accuracy}%</b> · {wrong} misclassified").format(
            split=split.get(data["split"], data["split"]), n=len(data["labels"]), accuracy=f"{100 * res.accuracy:.2f}",
            wrong=int(cm.sum() - np.trace(cm))))
        self.matrix.clear()
        self.matrix.setRowCount(n)
        self.matrix.setColumnCount(n)
        short = [s[:12] for s in names]
        self.matrix.setHorizontalHeaderLabels([f"→{s}" for s in short])
        self.matrix.setVerticalHeaderLabels(short)
        rows = np.maximum(cm.sum(axis=1, keepdims=True), 1)
        frac = cm / rows
        for i in range(n):
            for j in range(n):
                item = QTableWidgetItem(str(cm[i, j]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                f = float(frac[i, j])
                base = (46, 125, 50) if i == j else (198, 40, 40)
                alpha = 0 if cm[i, j] == 0 else int(40 + 200 * f ** 0.5)
                item.setBackground(QBrush(QColor(*base, alpha)))
                if alpha > 150:
                    item.setForeground(QBrush(QColor("white")))
                item.setToolTip(tr("true {true}, predicted {pred}: {count} ({percent}% of {true})").format(
                    true=names[i], pred=names[j], count=cm[i, j], percent=f"{100 * f:.1f}"))
                self.matrix.setItem(i, j, item)
        fit = QHeaderView.ResizeMode.Stretch if n <= 20 else QHeaderView.ResizeMode.ResizeToContents
        self.matrix.horizontalHeader().setSectionResizeMode(fit)
        self.matrix.verticalHeader().setSectionResizeMode(fit)
        self.per_class.setRowCount(n)
        support = cm.sum(axis=1)
        for i in range(n):
            vals = (names[i], f"{100 * res.precision[i]:.1f}%", f"{100 * res.recall[i]:.1f}%", str(int(support[i])))
            for j, v in enumerate(vals):
                it = QTableWidgetItem(v)
                if j:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.per_class.setItem(i, j, it)
        self.per_class.resizeRowsToContents()
        self.images.clear()
        self.output_view.clear()
        self.cell_label.setText(tr("Click a cell of the matrix to list its images (off the diagonal: the mistakes); "
                                   "click an image for its output and loss."))
        self.evaluated.emit(data)

    def explain_image(self, item) -> dict | None:
        """Output & loss of one listed image: its logits, softmax and cross-entropy with its true label."""
        import torch

        d = self.data
        if item is None or d is None or d.get("model") is None:
            return None
        i = int(item.data(Qt.ItemDataRole.UserRole))
        x = d["dataset"][i][0]
        model = d["model"]
        with torch.no_grad():
            dev = next(iter(model.parameters()), torch.empty(0)).device
            z = model.eval()(x.unsqueeze(0).to(dev))[0].float().cpu()
        self.output_view.set_logits(z.tolist(), d["class_names"], int(d["labels"][i]))
        return self.output_view.breakdown

    def show_worst_mistake(self) -> bool:
        """Open the most frequent mistake (the largest off-diagonal cell) and its first image."""
        d = self.data
        if d is None:
            return False
        cm = np.asarray(d["result"].confusion, dtype=np.int64).copy()
        np.fill_diagonal(cm, 0)
        if cm.sum() == 0:
            return False
        true, pred = (int(v) for v in np.unravel_index(int(cm.argmax()), cm.shape))
        self.matrix.setCurrentCell(true, pred)
        self.show_cell(true, pred)
        return True

    def cell_indices(self, true: int, pred: int) -> np.ndarray:
        d = self.data
        if d is None:
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero((d["labels"] == true) & (d["preds"] == pred))

    def show_cell(self, true: int, pred: int) -> None:
        d = self.data
        if d is None:
            return
        names = d["class_names"]
        idx = self.cell_indices(true, pred)
        text = (tr("{n} image(s) of {true} correctly classified as {pred}") if true == pred else
                tr("{n} image(s) of {true} misclassified as {pred}")).format(n=len(idx), true=names[true],
                                                                              pred=names[pred])
        if len(idx) > MAX_IMAGES:
            text += tr(" (first {n} shown)").format(n=MAX_IMAGES)
        self.cell_label.setText(text)
        self.images.clear()
        for i in idx[:MAX_IMAGES]:
            x = d["dataset"][int(i)][0]
            item = QListWidgetItem(QIcon(tensor_pixmap(x, d["mean"], d["std"], 64)), f"#{int(i)}")
            item.setToolTip(tr("image {i}: true {true}, predicted {pred}").format(i=int(i), true=names[true],
                                                                                 pred=names[pred]))
            item.setData(Qt.ItemDataRole.UserRole, int(i))
            self.images.addItem(item)
        if self.images.count():
            self.images.setCurrentRow(0)  # its output & loss below
