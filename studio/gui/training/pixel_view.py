"""One feature-map pixel worked out by hand: the input patch the window reads (zero padding
drawn as zeros), the kernel, the element-wise products and Σ + bias, next to the value the
model computed; a slider (and ▶) moves the window with the layer's stride.

The numbers come from ``studio.training.explain.layer_at`` (also behind
``cnn-studio predict --explain-layer``); this module only draws them.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QSlider,
                               QVBoxLayout, QWidget)

from studio.core.text import rich
from studio.gui.i18n import tr, tr_core

MAX_CHANNELS = 3  # number tables shown in full; the rest are summed in one line
PAD_BG = "#e0e0e0"


class WindowCanvas(QWidget):
    """The input channel as a grid of cells, the padding around it, the window's taps in red."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plane: np.ndarray | None = None
        self.pad = (0, 0)
        self.rows: list[int] = []
        self.cols: list[int] = []
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, plane, pad, rows, cols) -> None:
        self.plane, self.pad, self.rows, self.cols = plane, tuple(pad), list(rows), list(cols)
        self.update()

    def paintEvent(self, _event) -> None:
        if self.plane is None:
            return
        H, W = self.plane.shape
        ph, pw = self.pad
        r0, c0 = min([-ph, *self.rows]), min([-pw, *self.cols])
        r1, c1 = max([H + ph - 1, *self.rows]), max([W + pw - 1, *self.cols])
        n_r, n_c = r1 - r0 + 1, c1 - c0 + 1
        cell = max(2.0, min((self.width() - 2) / n_c, (self.height() - 2) / n_r))
        p = QPainter(self)
        lo, hi = float(self.plane.min()), float(self.plane.max())
        span = hi - lo if hi - lo > 1e-12 else 1.0
        font = QFont(self.font())
        font.setPixelSize(max(6, int(cell * 0.45)))
        p.setFont(font)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                rect = QRectF(1 + (c - c0) * cell, 1 + (r - r0) * cell, cell, cell)
                if 0 <= r < H and 0 <= c < W:
                    g = int(255 * (self.plane[r, c] - lo) / span)
                    p.fillRect(rect, QColor(g, g, g))
                else:
                    p.fillRect(rect, QColor(PAD_BG))
                    if cell >= 12:
                        p.setPen(QColor("#757575"))
                        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, "0")
        p.setPen(QPen(QColor("#1976d2"), 1.5))
        p.drawRect(QRectF(1 + (0 - c0) * cell, 1 + (0 - r0) * cell, W * cell, H * cell))  # the input's border
        p.setPen(QPen(QColor("#d32f2f"), max(1.5, cell / 8)))
        for r in self.rows:
            for c in self.cols:
                p.drawRect(QRectF(1 + (c - c0) * cell, 1 + (r - r0) * cell, cell, cell))
        p.end()


def grid_html(values, mask=None, title: str = "", fmt="{:.3f}", highlight=None) -> str:
    """A small HTML table of numbers; padded cells grey (None shown as 'pad')."""
    rows = []
    for i, row in enumerate(values):
        cells = []
        for j, v in enumerate(row):
            padded = mask is not None and mask[i][j]
            bg = f" bgcolor='{PAD_BG}'" if padded else (" bgcolor='#ffcdd2'" if highlight == (i, j) else "")
            text = tr("pad") if v is None else fmt.format(v)
            cells.append(f"<td align='right'{bg}>&nbsp;{text}&nbsp;</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = f"<tr><td colspan='{len(values[0]) if values else 1}'><i>{title}</i></td></tr>" if title else ""
    return (f"<table cellspacing='0' border='1' style='border-collapse:collapse; font-size:8pt'>"
            f"{head}{''.join(rows)}</table>")


class PixelView(QWidget):
    """Shows :func:`studio.training.explain.layer_at` for one node, one image, any pixel."""

    explained = Signal(object)  # the dict of layer_at

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = self.project = self.node_id = self.image = None
        self.captured = None
        self.result: dict | None = None
        self.channel = 0
        self.header = QLabel(tr("Click a pixel of a feature map to see how it was computed."))
        self.header.setWordWrap(True)
        self.canvas = WindowCanvas()
        self.in_channel = QComboBox()
        self.in_channel.setToolTip(tr("The input channel drawn on the left (the tables list every channel)"))
        self.in_channel.currentIndexChanged.connect(lambda _i: self._draw())
        self.numbers = QLabel()
        self.numbers.setTextFormat(Qt.TextFormat.RichText)
        self.numbers.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidget(self.numbers)
        scroll.setWidgetResizable(True)
        self.equation = QLabel()
        self.equation.setWordWrap(True)
        self.equation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setToolTip(tr("Move the window over the input, one stride at a time"))
        self.slider.valueChanged.connect(self._slid)
        self.play_button = QPushButton(tr("▶ Slide"))
        self.play_button.setToolTip(tr("Animate the window moving with the layer's stride"))
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self._play)
        self.timer = QTimer(self)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self._tick)
        self.position = QLabel()
        left = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Input channel")))
        row.addWidget(self.in_channel, 1)
        left.addLayout(row)
        left.addWidget(self.canvas, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(scroll, 3)  # patch ⊙ kernel = products side by side need the width
        slide = QHBoxLayout()
        slide.addWidget(self.play_button)
        slide.addWidget(self.slider, 1)
        slide.addWidget(self.position)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.header)
        lay.addLayout(body, 1)
        lay.addWidget(self.equation)
        lay.addLayout(slide)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.slider, self.play_button, self.in_channel):
            w.setEnabled(on)

    # ---- context ----------------------------------------------------------
    def set_context(self, model, project, node_id, image, captured=None) -> None:
        """A new layer or image: capture the layer's input and output once (or take ``captured``)."""
        from studio.training.explain import capture

        self.play_button.setChecked(False)
        self.model, self.project, self.node_id, self.image = model, project, node_id, image
        self.captured, self.result = None, None
        self._set_enabled(False)
        if model is None or node_id is None or image is None:
            return
        self.captured = captured if captured is not None else capture(model, node_id, image)

    def show_pixel(self, c: int, y: int, x: int) -> dict | None:
        """Work out output pixel (c, y, x) and show it; None (with the reason shown) if impossible."""
        from studio.core.errors import StudioError
        from studio.training.explain import layer_at

        if self.captured is None:
            return None
        try:
            d = layer_at(self.model, self.project, self.node_id, self.image, (c, y, x), self.captured)
        except StudioError as exc:
            from studio.gui.fields import window_message

            self.header.setText(window_message(exc))
            self.numbers.clear()
            self.equation.clear()
            return None
        self.channel = c
        self.result = d
        _C, H, W = d["output_shape"]
        self.slider.blockSignals(True)
        self.slider.setRange(0, H * W - 1)
        self.slider.setValue(y * W + x)
        self.slider.blockSignals(False)
        self._set_enabled(True)
        chans = d.get("input_channels") or [c]
        if [self.in_channel.itemData(i) for i in range(self.in_channel.count())] != chans:
            self.in_channel.blockSignals(True)
            self.in_channel.clear()
            for ch in chans:
                self.in_channel.addItem(tr("channel {n}").format(n=ch), ch)
            self.in_channel.blockSignals(False)
        self._show_numbers(d)
        self._draw()
        self.explained.emit(d)
        return d

    # ---- drawing -----------------------------------------------------------
    def _draw(self) -> None:
        d = self.result
        if d is None or self.captured is None:
            return
        inp = self.captured[0]
        ch = self.in_channel.currentData()
        ch = d["at"][0] if ch is None else ch
        plane = inp[ch].double().numpy() if inp.dim() == 3 else inp.double().numpy().reshape(1, -1)
        win = d.get("window") or {"rows": [d["at"][1]], "cols": [d["at"][2]], "padding": [0, 0]}
        self.canvas.set_data(plane, win.get("padding", [0, 0]), win["rows"], win["cols"])

    def _show_numbers(self, d: dict) -> None:
        c, y, x = d["at"]
        kind = d["kind"]
        what = {"conv": tr("pre-activation: the convolution's own output, before any ReLU"), "max": tr("max pooling"),
                "avg": tr("average pooling"), "batchnorm": tr("batch norm, running statistics"),
                "activation": tr_core("Explain", d.get("function", ""))}[kind]
        self.header.setText(tr("<b>{name}</b> ({type}), feature map {c}, row {y}, column {x}: value <b>{value}</b> "
                               "({what})").format(name=rich(d["layer"]), type=rich(d["type"]), c=c, y=y, x=x,
                                                  value=f"{d['value']:.6f}", what=what))
        self.position.setText(tr("({y}, {x}) of {h}×{w}").format(y=y, x=x, h=d["output_shape"][1],
                                                                  w=d["output_shape"][2]))
        parts = []
        if kind == "conv":
            chans = d["input_channels"]
            for k, ch in enumerate(chans[:MAX_CHANNELS]):
                # side by side, as written on paper: patch ⊙ kernel = products
                parts.append("<p>" + tr("<b>input channel {n}</b>: patch ⊙ kernel = products, Σ = {sum}").format(
                                 n=ch, sum=f"{d['channel_sums'][k]:.4f}") + "</p><table><tr>"
                             + "<td valign='middle'>" + grid_html(d["patch"][k], d["padding_mask"],
                                                                  tr("patch (grey: padding)")) + "</td>"
                             + "<td valign='middle'>&nbsp;⊙&nbsp;</td><td valign='middle'>"
                             + grid_html(d["kernel"][k], None, tr("kernel")) + "</td>"
                             + "<td valign='middle'>&nbsp;=&nbsp;</td><td valign='middle'>"
                             + grid_html(d["products"][k], None, tr("products (cell by cell)"))
                             + "</td></tr></table>")
            if len(chans) > MAX_CHANNELS:
                rest = sum(d["channel_sums"][MAX_CHANNELS:])
                parts.append("<p>" + tr("… and {n} more input channels, their sums together: {sum}").format(
                    n=len(chans) - MAX_CHANNELS, sum=f"{rest:.4f}") + "</p>")
            bias = d["bias"] or 0.0
            sums = " + ".join(f"{s:.4f}" for s in d["channel_sums"][:6]) + (" + …" if len(chans) > 6 else "")
            nums = {"n": len(chans), "sums": sums, "sum": f"{d['sum']:.6f}", "bias": f"{bias:.6f}",
                    "value": f"{d['recomputed']:.6f}"}
            eq = (tr("Σ products = {sum}; + bias {bias} = <b>{value}</b>") if len(chans) == 1 else
                  tr("Σ over the {n} input channels = {sums} = {sum}; + bias {bias} = <b>{value}</b>")).format(**nums)
        elif kind in ("max", "avg"):
            hi = tuple(d["argmax"]) if kind == "max" else None
            parts.append(grid_html(d["patch"][0], d["padding_mask"], tr("window (grey: padding)"), highlight=hi))
            value = f"{d['recomputed']:.6f}"
            eq = (tr("max of the window = <b>{value}</b> (no weights: pooling has nothing to learn)").format(value=value)
                  if kind == "max" else
                  tr("sum {sum} / {divisor} = <b>{value}</b> (no weights)").format(
                      sum=f"{d['sum']:.6f}", divisor=d["divisor"], value=value))
        elif kind == "batchnorm":
            eq = (f"γ·(x − μ)/√(σ² + ε) + β = {d['gamma']:.4f}·({d['input']:.4f} − {d['running_mean']:.4f})"
                  f"/√({d['running_var']:.4f} + {d['eps']:g}) + {d['beta']:.4f} = <b>{d['recomputed']:.6f}</b>")
        else:
            eq = tr("f(x) = {function} with x = {x} → <b>{value}</b>").format(
                function=tr_core("Explain", d["function"]), x=f"{d['input']:.6f}", value=f"{d['recomputed']:.6f}")
            if d["type"] == "ReLU":
                eq += tr(" (negatives become 0)") if d["input"] < 0 else tr(" (positive: passes unchanged)")
        self.numbers.setText("".join(parts))
        check = (tr("{equation} — equals the feature map's value {value} (difference {difference})")
                 if d["difference"] <= 1e-4 else
                 tr("{equation} — differs from the feature map's value {value} (difference {difference})"))
        self.equation.setText(check.format(equation=eq, value=f"{d['value']:.6f}",
                                           difference=f"{d['difference']:.1e}"))

    # ---- sliding ------------------------------------------------------------
    def _slid(self, v: int) -> None:
        if self.result is None:
            return
        W = self.result["output_shape"][2]
        y, x = divmod(int(v), W)
        self.show_pixel(self.channel, y, x)

    def _play(self, on: bool) -> None:
        self.play_button.setText(tr("■ Stop") if on else tr("▶ Slide"))
        if on and self.result is not None:
            if self.slider.value() >= self.slider.maximum():
                self.slider.setValue(0)
            self.timer.start()
        else:
            self.timer.stop()

    def _tick(self) -> None:
        if self.slider.value() >= self.slider.maximum():
            self.play_button.setChecked(False)
            return
        self.slider.setValue(self.slider.value() + 1)
