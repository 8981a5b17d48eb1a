"""Output & loss: for one image, logits → e^z → Σ → probabilities (bars), the true label as a
one-hot vector and the cross-entropy −Σ yᵢ·log pᵢ = −log p_true, with the numbers.

The numbers come from ``studio.training.explain.output_breakdown`` (the same function as
``cnn-studio predict --explain``); this widget only lays them out.
"""
from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from studio.core.text import rich

MAX_ROWS = 40  # more classes: the top 20 and the true class
COLUMNS = ("Class", "logit z", "e^z", "p = e^z / Σ", "probability", "y (one-hot)", "−y·log p")
TRUE_BG = QColor(46, 125, 50, 40)


class PercentBar(QWidget):
    """A bar and its percentage beside it (a fill never covers the text)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(14)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance("100.0%") + 4)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(2, 0, 2, 0)
        lay.addWidget(self.bar, 1)
        lay.addWidget(self.label)

    def set_value(self, p: float) -> None:
        self.bar.setValue(int(round(1000 * p)))
        self.label.setText(f"{100 * p:.1f}%")


def _num(v: float) -> str:
    return f"{v:.4f}" if 1e-3 <= abs(v) < 1e5 or v == 0 else f"{v:.3e}"


class OutputLossView(QWidget):
    label_changed = Signal(object)  # the chosen true class index, or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.logits: list[float] | None = None
        self.class_names: list[str] = []
        self.breakdown: dict | None = None
        self.label_combo = QComboBox()
        self.label_combo.setToolTip("The true class of this image: gives the one-hot vector y and the loss")
        self.label_combo.currentIndexChanged.connect(self._label_chosen)
        self.title = QLabel("<b>Output & loss</b>: open an image to see how the scores become probabilities.")
        self.title.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(QLabel("True class:"))
        head.addWidget(self.label_combo)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(20)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.sum_label = QLabel()
        self.ce_label = QLabel()
        for lab in (self.sum_label, self.ce_label):
            lab.setWordWrap(True)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        from studio.training.explain import WHY_DISTRIBUTION

        self.note = QLabel(WHY_DISTRIBUTION)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.why = QPushButton("Why a distribution?")
        self.why.setCheckable(True)
        self.why.setChecked(True)
        self.why.setToolTip(WHY_DISTRIBUTION)
        self.why.toggled.connect(self.note.setVisible)
        head.insertWidget(1, self.why)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(head)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.sum_label)
        lay.addWidget(self.ce_label)
        lay.addWidget(self.note)

    def set_compact(self, on: bool) -> None:
        """Fold the "why a distribution" note (it stays one click and a tooltip away)."""
        self.why.setChecked(not on)

    # ---- input -----------------------------------------------------------
    def set_logits(self, logits, class_names, label: int | None = None) -> None:
        """Show the breakdown of one image's logits; ``label`` (index) if it is known."""
        names = [str(c) for c in class_names]
        if names != self.class_names:
            self.class_names = names
            self.label_combo.blockSignals(True)
            self.label_combo.clear()
            self.label_combo.addItem("(unknown)", None)
            for i, n in enumerate(names):
                self.label_combo.addItem(n, i)
            self.label_combo.blockSignals(False)
        self.logits = [float(v) for v in logits]
        self.label_combo.blockSignals(True)
        self.label_combo.setCurrentIndex(0 if label is None else int(label) + 1)
        self.label_combo.blockSignals(False)
        self._update()

    def set_label(self, label: int | None) -> None:
        self.label_combo.setCurrentIndex(0 if label is None else int(label) + 1)

    def _label_chosen(self, _i) -> None:
        self._update()
        self.label_changed.emit(self.label_combo.currentData())

    def clear(self) -> None:
        self.logits, self.breakdown = None, None
        self.table.setRowCount(0)
        self.sum_label.clear()
        self.ce_label.clear()

    # ---- display ---------------------------------------------------------
    def _update(self) -> None:
        from studio.training.explain import output_breakdown

        if self.logits is None:
            return
        d = output_breakdown(self.logits, self.class_names, self.label_combo.currentData(), top_k=5)
        self.breakdown = d
        n = len(d["probabilities"])
        rows = list(range(n))
        if n > MAX_ROWS:
            rows = [t["index"] for t in output_breakdown(self.logits, self.class_names, None, 20)["top_k"]]
            if d["label"] is not None and d["label"] not in rows:
                rows.append(d["label"])
        self.table.setRowCount(len(rows))
        # a short table never hides a row: room for up to 12 rows, then it scrolls
        shown = min(len(rows), 12)
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + shown * self.table.verticalHeader().defaultSectionSize()
                                    + 2 * self.table.frameWidth() + 2)
        shift = f"−{d['shift']:.4g}" if d["shift"] else ""
        self.table.setHorizontalHeaderItem(2, QTableWidgetItem(f"e^(z{shift})"))
        for r, i in enumerate(rows):
            self._fill_row(r, i, d)
        more = f" (showing the top 20 of {n} classes)" if len(rows) < n else ""
        self.title.setText(f"<b>Output & loss</b>: the network's {n} scores (logits) z, turned into probabilities "
                           f"by softmax p_i = e^(z_i) / Σ_j e^(z_j){more}")
        self.sum_label.setText(f"Σ e^(z{shift}) = <b>{_num(d['sum_exp'])}</b> · the probabilities sum to "
                               f"<b>{sum(d['probabilities']):.6f}</b> · predicted: "
                               f"<b>{rich(d['class_names'][d['predicted']])}</b>")
        if d["cross_entropy"] is None:
            self.ce_label.setText(f"Choose the true class to see the one-hot label y and the cross-entropy "
                                  f"loss. (A model that guesses scores ln {n} = {d['chance_level']:.4f}.)")
        else:
            k = d["label"]
            self.ce_label.setText(
                f"cross-entropy = −Σ y_i·log p_i = −log p<sub>{rich(d['class_names'][k])}</sub> = "
                f"−log {d['p_true']:.6f} = <b>{d['cross_entropy']:.6f}</b> "
                f"(only the true class's term is non-zero; chance level ln {n} = {d['chance_level']:.4f})")

    def _fill_row(self, r: int, i: int, d: dict) -> None:
        p = d["probabilities"][i]
        y = None if d["one_hot"] is None else d["one_hot"][i]
        term = None if y is None else (-(y * math.log(p)) if y else 0.0)
        texts = (d["class_names"][i], _num(d["logits"][i]), _num(d["exp"][i]), f"{p:.6f}", None,
                 "–" if y is None else str(y), "–" if term is None else _num(term))
        for col, t in enumerate(texts):
            if t is None:
                continue
            item = QTableWidgetItem(t)
            if col:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if y == 1:
                item.setBackground(QBrush(TRUE_BG))
            item.setData(Qt.ItemDataRole.UserRole, i)
            self.table.setItem(r, col, item)
        cell = self.table.cellWidget(r, 4)
        if not isinstance(cell, PercentBar):
            cell = PercentBar()
            self.table.setCellWidget(r, 4, cell)
        cell.set_value(p)

    def shown_numbers(self) -> dict:
        """What the table displays, parsed back (for tests and copy): class → (p, y)."""
        out = {}
        for r in range(self.table.rowCount()):
            name = self.table.item(r, 0).text()
            y = self.table.item(r, 5).text()
            out[name] = (float(self.table.item(r, 3).text()), None if y == "–" else int(y))
        return out
