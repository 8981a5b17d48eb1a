"""The "Gradient flow" view: layers (input → output) × time as a heat map of one layer
statistic (log10 of the gradient norm by default), from the samples the engine records in
layer_stats.jsonl; and the colours of the canvas strip for the latest sample."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QVBoxLayout, QWidget

from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.gui.i18n import tr, tr_core

METRICS = {  # key -> (menu text, log scale); the text is shown through tr_core("GradientFlow", text)
    "grad_norm": (QT_TRANSLATE_NOOP("GradientFlow", "Gradient norm (log10)"), True),
    "zero_frac": (QT_TRANSLATE_NOOP("GradientFlow", "Dead fraction (zeros)"), False),
    "act_std": (QT_TRANSLATE_NOOP("GradientFlow", "Activation std (log10)"), True),
    "update_ratio": (QT_TRANSLATE_NOOP("GradientFlow", "Update / weight (log10)"), True),
}
STRIP_METRICS = ("grad_norm", "zero_frac", "act_std")


def stat_matrix(samples: list[dict], key: str) -> tuple[list[str], np.ndarray]:
    """(layer ids in graph order, array layers × samples) of ``key`` (log10 where METRICS says);
    NaN where a layer has no such value."""
    ids: list[str] = []
    for s in samples:
        for nid, vals in s.get("layers", {}).items():
            if key in vals and nid not in ids:
                ids.append(nid)
    log = METRICS.get(key, ("", False))[1]
    m = np.full((len(ids), len(samples)), np.nan)
    for j, s in enumerate(samples):
        layers = s.get("layers", {})
        for i, nid in enumerate(ids):
            v = layers.get(nid, {}).get(key)
            if isinstance(v, (int, float)) and math.isfinite(v):
                m[i, j] = math.log10(v) if log and v > 0 else (np.nan if log else v)
    return ids, m


def _ramp(t: float) -> QColor:
    """0 → blue (cold: small), 0.5 → yellow, 1 → red (hot)."""
    t = min(1.0, max(0.0, t))
    if t < 0.5:
        u = t / 0.5
        return QColor(int(40 + 215 * u), int(90 + 150 * u), int(200 - 160 * u))
    u = (t - 0.5) / 0.5
    return QColor(255, int(240 - 190 * u), int(40 - 10 * u))


def strip_colors(sample: dict, key: str) -> dict[str, QColor]:
    """Colours of the canvas strip for one sample: log-scaled within the sample for norms and
    std (vanishing layers are blue), absolute for the dead fraction (red: all zeros)."""
    vals = {nid: v[key] for nid, v in sample.get("layers", {}).items()
            if isinstance(v.get(key), (int, float)) and math.isfinite(v[key])}
    if not vals:
        return {}
    if key == "zero_frac":
        return {nid: _ramp(v) for nid, v in vals.items()}
    logs = {nid: math.log10(v) for nid, v in vals.items() if v > 0}
    if not logs:
        return {}
    lo, hi = min(logs.values()), max(logs.values())
    span = max(hi - lo, 1e-9)
    return {nid: _ramp((v - lo) / span) for nid, v in logs.items()}


class GradientFlowView(QWidget):
    """``add_sample(record or dict)``; ``strip_changed(dict node id → QColor)`` for the canvas."""

    strip_changed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.samples: list[dict] = []
        bar = QToolBar(tr("Layer statistics"))
        bar.addWidget(QLabel(tr(" Heat map: ")))
        self.metric_box = QComboBox()
        for key, (text, _log) in METRICS.items():
            self.metric_box.addItem(tr_core("GradientFlow", text), key)
        bar.addWidget(self.metric_box)
        bar.addWidget(QLabel(tr("   Colour the canvas by: ")))
        self.strip = QComboBox()
        self.strip.addItem(tr("nothing", "colour the canvas by"), "")
        for key in STRIP_METRICS:  # the translations keep " (log10)" as it is
            self.strip.addItem(tr_core("GradientFlow", METRICS[key][0]).replace(" (log10)", ""), key)
        bar.addWidget(self.strip)
        self.info = QLabel(tr("Layer statistics appear here while a network trains (a sample every few steps)."))
        self.plot = pg.PlotWidget()
        self.plot.setBackground(None)
        self.plot.setLabel("bottom", tr("sample (training step)"))
        self.plot.invertY(True)  # input at the top, output at the bottom
        self.image = pg.ImageItem()
        self.plot.addItem(self.image)
        self.bar = pg.ColorBarItem(colorMap=pg.colormap.get("viridis"), interactive=False, width=12)
        self.bar.setImageItem(self.image, insert_in=self.plot.getPlotItem())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(bar)
        lay.addWidget(self.info)
        lay.addWidget(self.plot, 1)
        self.metric_box.currentIndexChanged.connect(self.redraw)
        self.strip.currentIndexChanged.connect(self._emit_strip)

    def reset(self) -> None:
        self.samples = []
        self.redraw()
        self._emit_strip()

    def add_sample(self, rec) -> None:
        self.samples.append(rec.to_dict() if hasattr(rec, "to_dict") else dict(rec))
        self.redraw()
        self._emit_strip()

    def set_samples(self, samples: list[dict]) -> None:
        self.samples = list(samples)
        self.redraw()
        self._emit_strip()

    def matrix(self) -> tuple[list[str], np.ndarray]:
        return stat_matrix(self.samples, self.metric_box.currentData())

    def redraw(self) -> None:
        ids, m = self.matrix()
        if not ids or not m.size:
            self.image.clear()
            return
        finite = m[np.isfinite(m)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        if hi - lo < 1e-9:
            hi = lo + 1.0
        img = np.where(np.isfinite(m), m, lo)
        self.image.setImage(img.T, autoLevels=False, levels=(lo, hi))  # x: samples, y: layers
        self.bar.setLevels((lo, hi))
        steps = [s.get("step", i) for i, s in enumerate(self.samples)]
        self._ids = ids
        self._label_rows()
        bottom = [(j + 0.5, str(st)) for j, st in enumerate(steps)]
        every = max(1, len(bottom) // 8)
        self.plot.getAxis("bottom").setTicks([bottom[::every]])
        key = self.metric_box.currentData()
        self.info.setText(tr("{layers} layers × {samples} samples (steps {first}–{last}); {metric}: {lo} … {hi}").format(
            layers=len(ids), samples=len(self.samples), first=steps[0], last=steps[-1],
            metric=tr_core("GradientFlow", METRICS[key][0]), lo=f"{lo:.2f}", hi=f"{hi:.2f}"))

    def _label_rows(self) -> None:
        """Name every layer when the rows are tall enough for a line of text, else every k-th
        (first and last always): labels never pile onto each other."""
        ids = getattr(self, "_ids", [])
        if not ids:
            return
        line = self.fontMetrics().height() + 2
        room = max(1, self.plot.plotItem.vb.height() or self.plot.height())
        every = max(1, -(-len(ids) * line // int(room)))
        keep = sorted(set(range(0, len(ids), every)) | {len(ids) - 1}) if every > 1 else range(len(ids))
        if every > 1 and len(keep) > 1 and keep[-1] - keep[-2] < every:
            keep = [*keep[:-2], keep[-1]]  # the last row's label wins over its crowded neighbour
        self.plot.getAxis("left").setTicks([[(i + 0.5, ids[i]) for i in keep]])

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        self._label_rows()

    def current_strip(self) -> dict:
        key = self.strip.currentData()
        if not key or not self.samples:
            return {}
        return strip_colors(self.samples[-1], key)

    def _emit_strip(self, *_):
        self.strip_changed.emit(self.current_strip())
