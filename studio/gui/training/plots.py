"""Live training curves (pyqtgraph) fed from preallocated numpy buffers on a ~10 Hz timer."""
from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QWidget

from studio.gui.i18n import tr

TRAIN_COLOR = "#1f77b4"  # train: blue, everywhere in the app
VAL_COLOR = "#ff7f0e"  # validation: orange
LR_COLOR = "#2ca02c"


class Buffer:
    """Columns of float64 that grow by doubling; ``view(i)`` is the filled part, no copy."""

    def __init__(self, columns: int, capacity: int = 1024):
        self.data = np.full((capacity, columns), np.nan)
        self.n = 0

    def append(self, row) -> None:
        if self.n == len(self.data):
            grown = np.full((2 * len(self.data), self.data.shape[1]), np.nan)
            grown[: self.n] = self.data
            self.data = grown
        self.data[self.n] = row
        self.n += 1

    def extend(self, rows) -> None:
        rows = np.asarray(rows, dtype=np.float64).reshape(-1, self.data.shape[1])
        need = self.n + len(rows)
        if need > len(self.data):
            cap = len(self.data)
            while cap < need:
                cap *= 2
            grown = np.full((cap, self.data.shape[1]), np.nan)
            grown[: self.n] = self.data[: self.n]
            self.data = grown
        self.data[self.n: need] = rows
        self.n = need

    def view(self, col: int) -> np.ndarray:
        return self.data[: self.n, col]

    def clear(self) -> None:
        self.n = 0


LEGEND_ROW = 21  # px a legend row takes at 8 pt (sample line and label)


def legend_below(w: pg.PlotWidget, rows: int = 1, columns: int = 2) -> pg.LegendItem:
    """The legend in its own band under the plot (below the axis label), never on a curve:
    a loss falls from the top left, an accuracy climbs to the top right, a one-cycle rate rises
    and falls, so no corner inside the plot stays free."""
    pi = w.plotItem
    legend = w.addLegend(colCount=columns)
    legend.setParentItem(pi)
    legend.anchor(itemPos=(0.5, 1), parentPos=(0.5, 1), offset=(0, 0))
    legend.setLabelTextSize("8pt")
    legend.layout.setVerticalSpacing(0)
    legend.layout.setContentsMargins(2, 0, 2, 0)
    pi.layout.setContentsMargins(0, 0, 0, LEGEND_ROW * rows + 4)
    legend.band_columns = columns
    return legend


def fit_legend_band(w: pg.PlotWidget) -> None:
    """Make the band under the plot as tall as the legend's rows now (after curves were added)."""
    legend = w.plotItem.legend
    columns = getattr(legend, "band_columns", 1)
    rows = max(1, -(-len(legend.items) // columns))
    w.plotItem.layout.setContentsMargins(0, 0, 0, LEGEND_ROW * rows + 4)


def _plot(title: str, left: str, legend_rows: int = 1, legend_columns: int = 2) -> pg.PlotWidget:
    w = pg.PlotWidget()
    w.setBackground(None)
    w.setTitle(title)
    w.setLabel("left", left)
    w.setLabel("bottom", tr("epoch"))
    # no grid lines: pyqtgraph redraws them with every curve update (~10 ms of the GUI thread per
    # refresh here), which made the window stutter while training (benchmarks/gui_responsiveness.py)
    legend_below(w, legend_rows, legend_columns)
    w.setMinimumSize(180, 150)
    for ax in ("left", "bottom"):
        w.getAxis(ax).enableAutoSIPrefix(False)
    w.plotItem.setClipToView(True)
    w.plotItem.setDownsampling(auto=True, mode="peak")
    return w


class TrainingPlots(QWidget):
    """Loss (per step + smoothed, validation per epoch), accuracy per epoch, learning rate."""

    STEP_COLS = ("step", "epoch_x", "loss", "smooth", "acc", "lr")
    EPOCH_COLS = ("epoch", "train_loss", "train_acc", "val_loss", "val_acc", "val_top5", "lr",
                  "samples_per_s", "elapsed_s")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.steps = Buffer(len(self.STEP_COLS), 4096)
        self.epochs = Buffer(len(self.EPOCH_COLS), 64)
        self.steps_per_epoch = 1
        self._ema_raw, self._ema_w, self._ema_n, self._prev, self._beta, self._db = 0.0, 0.0, 0, None, 0.5, 0.0
        self._dirty = False
        self.refreshes = 0
        self.chance_line = self._chance_key = None
        self.chance_level: float | None = None

        # recent, smoothed, validation and chance: one a row (a narrow plot cuts two columns)
        self.loss_plot = _plot(tr("Loss"), tr("cross-entropy"), legend_rows=4, legend_columns=1)
        self.acc_plot = _plot(tr("Accuracy"), "%")
        self.lr_plot = _plot(tr("Learning rate"), tr("lr"))
        self.acc_plot.setYRange(0, 100, padding=0.02)
        thin = pg.mkPen(TRAIN_COLOR, width=1)
        thin.setColor(pg.mkColor(TRAIN_COLOR + "55"))
        self.loss_raw = self.loss_plot.plot(pen=thin, name=tr("train (recent)"))
        self.loss_smooth = self.loss_plot.plot(pen=pg.mkPen(TRAIN_COLOR, width=2), name=tr("train (smoothed)"))
        self.val_loss = self.loss_plot.plot(pen=pg.mkPen(VAL_COLOR, width=2), symbol="o", symbolSize=6,
                                            symbolBrush=VAL_COLOR, name=tr("validation"))
        self.train_acc = self.acc_plot.plot(pen=pg.mkPen(TRAIN_COLOR, width=2), symbol="o", symbolSize=6,
                                            symbolBrush=TRAIN_COLOR, name=tr("train"))
        self.val_acc = self.acc_plot.plot(pen=pg.mkPen(VAL_COLOR, width=2), symbol="o", symbolSize=6,
                                          symbolBrush=VAL_COLOR, name=tr("validation"))
        self.lr_curve = self.lr_plot.plot(pen=pg.mkPen(LR_COLOR, width=2), name=tr("lr"))
        for item in (self.loss_raw, self.loss_smooth, self.lr_curve):
            item.setClipToView(True)
            item.setDownsampling(auto=True, method="peak")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.loss_plot, self.acc_plot, self.lr_plot):
            lay.addWidget(w, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self.refresh)

    def set_chance_level(self, num_classes: int | None) -> None:
        """A dashed line at ln C on the loss plot, named in the legend: the cross-entropy of a model
        that spreads its probability evenly over C classes (−log(1/C)); training starts near it."""
        if self.chance_line is not None:
            self.loss_plot.removeItem(self.chance_line)
            self.loss_plot.removeItem(self._chance_key)
            self.loss_plot.plotItem.legend.removeItem(self._chance_key)
            self.chance_line = self._chance_key = self.chance_level = None
        if not num_classes or num_classes < 2:
            return
        self.chance_level = math.log(num_classes)
        pen = pg.mkPen("#757575", width=1, style=Qt.PenStyle.DashLine)
        self.chance_line = pg.InfiniteLine(pos=self.chance_level, angle=0, pen=pen)
        self.loss_plot.addItem(self.chance_line)
        self._chance_key = self.loss_plot.plot([], [], pen=pen, name=tr("chance: ln {n} = {value}").format(
            n=num_classes, value=f"{self.chance_level:.2f}"))

    # ---- feeding ---------------------------------------------------------
    def reset(self, steps_per_epoch: int = 1, epochs: int | None = None) -> None:
        self.steps.clear()
        self.epochs.clear()
        self.steps_per_epoch = max(1, int(steps_per_epoch or 1))
        self._ema_raw, self._ema_w, self._ema_n, self._prev, self._db = 0.0, 0.0, 0, None, 0.0
        self._beta = 0.5
        self._dirty = True
        for w in (self.loss_plot, self.lr_plot):
            if epochs:
                w.setXRange(0, epochs, padding=0.02)
            else:
                w.enableAutoRange(x=True)
        if epochs:
            self.acc_plot.setXRange(0.5, epochs + 0.5, padding=0)
        else:
            self.acc_plot.enableAutoRange(x=True)
        self.refresh()

    def show_saved(self, metrics: list[dict]) -> None:
        """A finished run's curves from its metrics.jsonl (one point an epoch: the file keeps no
        per-step losses)."""
        from types import SimpleNamespace

        epochs = [m for m in metrics if m.get("epoch") is not None]
        self.reset(1, len(epochs) or None)
        nan = math.nan
        for m in epochs:
            self.add_epoch(SimpleNamespace(**{c: m.get(c) for c in self.EPOCH_COLS}))
            loss = nan if m.get("train_loss") is None else float(m["train_loss"])
            acc = nan if m.get("train_acc") is None else float(m["train_acc"])
            lr = nan if m.get("lr") is None else float(m["lr"])
            self.steps.append((float(m["epoch"]), float(m["epoch"]), loss, loss, acc, lr))
        self._dirty = True
        self.refresh()

    def add_progress(self, records) -> None:
        """Progress records carry the epoch's running mean; plot the mean over each interval.

        Between two records of the same epoch the batches in between had mean loss
        (m2·b2 − m1·b1)/(b2 − b1): the recent loss, exact per step when every step is reported.
        """
        rows = []
        nan = math.nan
        for r in records:
            m, b = float(r.loss), int(r.batch)
            acc = nan if getattr(r, "acc", None) is None else float(r.acc)
            prev = self._prev
            same = prev is not None and prev[0] == r.epoch and b > prev[1]
            if same:
                loss = (m * b - prev[2] * prev[1]) / (b - prev[1])
                iacc = (acc * b - prev[3] * prev[1]) / (b - prev[1])
                # smoothing window: about a quarter of the points an epoch yields, 2..50 points
                self._db = 0.8 * self._db + 0.2 * (b - prev[1]) if self._db else float(b - prev[1])
                window = min(50.0, max(2.0, int(r.batches) / self._db / 4))
                self._beta = 1.0 - 1.0 / window
            else:
                loss, iacc = m, acc
            self._prev = (r.epoch, b, m, acc)
            if math.isfinite(loss):
                self._ema_n += 1
                self._ema_raw = self._beta * self._ema_raw + (1 - self._beta) * loss
                self._ema_w = self._beta * self._ema_w + (1 - self._beta)  # exact debiasing
            smooth = self._ema_raw / self._ema_w if self._ema_n else nan
            x = (r.epoch - 1) + b / max(1, int(r.batches))
            lr = nan if r.lr is None else float(r.lr)
            rows.append((float(r.step), x, loss, smooth, iacc, lr))
        if rows:
            self.steps.extend(rows)
        self._dirty = True

    def add_epoch(self, r) -> None:
        self.epochs.append(tuple(np.nan if getattr(r, c, None) is None else float(getattr(r, c))
                                 for c in self.EPOCH_COLS))
        self._dirty = True

    @property
    def epoch_count(self) -> int:
        return self.epochs.n

    @property
    def step_count(self) -> int:
        return self.steps.n

    def refresh(self) -> None:
        """Push the buffers to the curves (called by the timer, only when something changed)."""
        if not self._dirty:
            return
        self._dirty = False
        self.refreshes += 1
        s, e = self.steps, self.epochs
        x = s.view(1)
        self.loss_raw.setData(x, s.view(2))
        self.loss_smooth.setData(x, s.view(3))
        lr = s.view(5)
        self.lr_curve.setData(x, lr)
        if lr.size and np.isfinite(lr).any():
            self.lr_plot.setYRange(0, float(np.nanmax(lr)) * 1.1 or 1.0, padding=0)
        ex = e.view(0)
        self.val_loss.setData(ex, e.view(3))
        self.train_acc.setData(ex, _pct(e.view(2)))
        self.val_acc.setData(ex, _pct(e.view(4)))

    # ---- export ----------------------------------------------------------
    def save_png(self, path: str | Path) -> Path:
        """The three plots side by side, as one PNG."""
        self.refresh()
        from studio.core.userfile import atomic_path

        path = Path(path)
        image = self.grab()
        with atomic_path(path, what="plot image") as tmp:  # whole or not at all, never through a link
            if not image.save(str(tmp), "PNG"):
                raise OSError(f"cannot write {path}")
        return path

    def export_csv(self, path: str | Path) -> list[Path]:
        """Epoch metrics to ``path`` and per-step metrics to ``<stem>-steps.csv`` beside it."""
        from studio.core.userfile import atomic_writer

        path = Path(path)
        steps_path = path.with_name(path.stem + "-steps.csv")
        for target, buf, cols in ((path, self.epochs, self.EPOCH_COLS), (steps_path, self.steps, self.STEP_COLS)):
            with atomic_writer(target, "w", what="metrics table", newline="") as f:
                w = csv.writer(f)
                w.writerow(cols)
                ints = [c in ("step", "epoch") for c in cols]
                w.writerows(["" if v != v else (str(int(v)) if i else f"{v:.6g}") for i, v in zip(ints, row)]
                            for row in buf.data[: buf.n].tolist())
        return [path, steps_path]


def _pct(a: np.ndarray) -> np.ndarray:
    """Accuracies arrive as fractions (0..1); show percent."""
    return a * 100.0 if a.size == 0 or np.nanmax(np.abs(a)) <= 1.0 + 1e-9 else a
