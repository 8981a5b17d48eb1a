"""An x axis counted in whole epochs: ticks at 1, 2, 3… (or every 2, 5, 10… epochs when
there are many), never at 2.5."""
from __future__ import annotations

import math

import pyqtgraph as pg

from studio.gui.i18n import tr


class EpochAxis(pg.AxisItem):
    def tickValues(self, minVal, maxVal, size):
        span = max(maxVal - minVal, 1e-9)
        room = max(2, int(size / 45))  # about one label per 45 px
        step = 1
        for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000):
            step = s
            if span / s <= room:
                break
        first = math.ceil(minVal / step) * step
        major = [float(v) for v in range(int(first), int(math.floor(maxVal)) + 1, step)]
        return [(float(step), major)]


def whole_epoch_ticks(plot_widget) -> None:
    """Give ``plot_widget`` (a pg.PlotWidget) the whole-epoch bottom axis, keeping its label."""
    old = plot_widget.getAxis("bottom")
    axis = EpochAxis("bottom")
    axis.setLabel(old.labelText or tr("epoch"))
    axis.enableAutoSIPrefix(False)
    plot_widget.plotItem.setAxisItems({"bottom": axis})
