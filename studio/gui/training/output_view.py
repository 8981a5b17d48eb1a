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

from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.core.text import rich
from studio.gui.i18n import tr, tr_core

MAX_ROWS = 40  # more classes: the top 20 and the true class
#: the table's headers; the words are marked (translated where shown), the formulas stay
COLUMNS = (QT_TRANSLATE_NOOP("Explain", "Class"), "logit z", "e^z", "p = e^z / Σ",
           QT_TRANSLATE_NOOP("Explain", "probability"), QT_TRANSLATE_NOOP("Explain", "y (one-hot)"), "−y·log p")
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
        self.label_combo.setToolTip(tr("The true class of this image: gives the one-hot vector y and the loss"))
        self.label_combo.currentIndexChanged.connect(self._label_chosen)
        self.title = QLabel(tr("<b>Output & loss</b>: open an image to see how the scores become probabilities."))
        self.title.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(QLabel(tr("True class:")))
        head.addWidget(self.label_combo)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr_core("Explain", c) for c in COLUMNS])
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

        self.note = QLabel(tr_core("Explain", WHY_DISTRIBUTION))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.why = QPushButton(tr("Why a distribution?"))
        self.why.setCheckable(True)
        self.why.setChecked(True)
        self.why.setToolTip(tr_core("Explain", WHY_DISTRIBUTION))
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
            self.label_combo.addItem(tr("(unknown)"), None)
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
        if len(rows) < n:
            title = tr("<b>Output & loss</b>: the network's {n} scores (logits) z, turned into probabilities "
                       "by softmax p_i = e^(z_i) / Σ_j e^(z_j) (showing the top 20 of {n} classes)")
        else:
            title = tr("<b>Output & loss</b>: the network's {n} scores (logits) z, turned into probabilities "
                       "by softmax p_i = e^(z_i) / Σ_j e^(z_j)")
        self.title.setText(title.format(n=n))
        self.sum_label.setText(tr("Σ e^(z{shift}) = <b>{sum}</b> · the probabilities sum to <b>{total}</b> · "
                                  "predicted: <b>{name}</b>").format(
            shift=shift, sum=_num(d["sum_exp"]), total=f"{sum(d['probabilities']):.6f}",
            name=rich(d["class_names"][d["predicted"]])))
        chance = f"{d['chance_level']:.4f}"
        if d["cross_entropy"] is None:
            self.ce_label.setText(tr("Choose the true class to see the one-hot label y and the cross-entropy "
                                     "loss. (A model that guesses scores ln {n} = {chance}.)").format(n=n, chance=chance))
        else:
            k = d["label"]
            self.ce_label.setText(tr(
                "cross-entropy = −Σ y_i·log p_i = −log p<sub>{name}</sub> = −log {p} = <b>{ce}</b> "
                "(only the true class's term is non-zero; chance level ln {n} = {chance})").format(
                name=rich(d["class_names"][k]), p=f"{d['p_true']:.6f}", ce=f"{d['cross_entropy']:.6f}",
                n=n, chance=chance))

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
