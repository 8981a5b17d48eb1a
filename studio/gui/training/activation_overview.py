"""Inference → Overview: the whole network at work on one image (as in CNN Explainer).

Every layer's feature maps in network order, one thumbnail per map (OverviewCanvas); a click
selects a map: the edges to the maps it is computed from are drawn, its kernels appear as images
(every input-channel slice side by side, red positive, blue negative) and the clicked pixel's
arithmetic in one line; a double click (or *Open the full arithmetic*) opens the pixel view of
Feature maps. Hovering a pixel outlines its receptive field on the input. An Add names and links
both of its inputs. The numbers come from studio.training.activations (as ``predict --activations``).
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget

from studio.gui.i18n import tr

from .images import array_to_qimage, chw_to_hwc
from .overview_canvas import OverviewCanvas

SIDE_PX = 180
MAX_SLICES = 64


def kernel_image(weight, c: int, max_slices: int = MAX_SLICES) -> np.ndarray:
    """Kernel ``c`` of a conv weight [C_out, C_in/groups, kh, kw] as RGB: its input-channel slices side
    by side, one symmetric colour scale for the whole kernel (red > 0, white 0, blue < 0)."""
    k = weight[c].detach().cpu().float().numpy() if hasattr(weight, "detach") else np.asarray(weight[c])
    k = k[:max_slices]
    n, kh, kw = k.shape
    s = max(3, min(14, 56 // max(kh, kw)))
    m = float(np.abs(k).max()) or 1.0
    v = np.clip(k / m, -1, 1)
    out = np.full((kh * s + 2, n * (kw * s + 3) + 1, 3), 255, dtype=np.uint8)
    for i in range(n):
        pos, neg = np.clip(v[i], 0, 1), np.clip(-v[i], 0, 1)
        rgb = np.stack([255 * (1 - neg), 255 * (1 - pos - neg), 255 * (1 - pos)], axis=-1)
        rgb = np.kron(rgb, np.ones((s, s, 1)))
        x0 = 2 + i * (kw * s + 3)
        out[1:1 + kh * s, x0:x0 + kw * s] = np.clip(rgb, 0, 255).astype(np.uint8)
    return out


def _title(lay, names: dict[str, str], module=None) -> str:
    c, h, w = lay.shape
    text = f"{lay.name} · {lay.type} · {c}×{h}×{w}"
    srcs = [names.get(s, s) for s in lay.inputs]
    if lay.type == "Add":
        text += "  =  " + " + ".join(srcs)
    elif lay.type == "Concat":
        text += "  =  concat(" + ", ".join(srcs) + ")"
    elif lay.type == "Multiply":
        text += "  =  " + " × ".join(srcs)
    elif module is not None and getattr(module, "weight", None) is not None and module.weight.dim() == 4:
        _o, ci, kh, kw = module.weight.shape
        text += tr(" · {n} kernels of {ci}×{kh}×{kw}").format(n=c, ci=ci, kh=kh, kw=kw)
    return text


class ActivationOverview(QWidget):
    """Call :meth:`set_model` once per checkpoint and :meth:`show_image` per image."""

    explain_pixel = Signal(str, int, int, int)  # node id, channel, row, column: open the pixel view
    shown = Signal()  # the maps of an image are on screen

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = self.project = None
        self.class_names: list[str] = []
        self.image = None
        self.layers: list = []
        self.boxes: dict = {}
        self.picked: tuple[int, int, int, int] | None = None
        self._pending = False
        self.canvas = OverviewCanvas()
        self.canvas.clicked.connect(self.select_map)
        self.canvas.double_clicked.connect(lambda i, c, y, x: self._explain(i, c, y, x))
        self.canvas.hovered.connect(self._hovered)
        scroll = QScrollArea()
        scroll.setWidget(self.canvas)
        scroll.setWidgetResizable(True)
        self.scroll = scroll
        self.info = QLabel(tr("Open an image: every layer's feature maps appear here, in network order."))
        self.info.setWordWrap(True)
        self.input_label = QLabel()
        self.input_label.setToolTip(tr("The input as the model sees it; hover a map pixel: its receptive field"))
        self.map_label = QLabel()
        self.kernel_title = QLabel()
        self.kernel_title.setWordWrap(True)
        self.kernel_label = QLabel()
        self.kernel_scroll = QScrollArea()
        self.kernel_scroll.setWidget(self.kernel_label)
        self.kernel_scroll.setWidgetResizable(True)
        self.kernel_scroll.setFixedHeight(70)
        self.arith = QLabel()
        self.arith.setWordWrap(True)
        self.arith.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(tr("Open the full arithmetic →"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self.picked and self._explain(*self.picked))
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.addWidget(self.info)
        sl.addWidget(QLabel(tr("<b>Input</b> (hover a map: its receptive field)")))
        sl.addWidget(self.input_label)
        sl.addWidget(QLabel(tr("<b>Selected map</b>")))
        sl.addWidget(self.map_label)
        sl.addWidget(self.kernel_title)
        sl.addWidget(self.kernel_scroll)
        sl.addWidget(self.arith)
        sl.addWidget(self.open_button)
        sl.addStretch(1)
        side_scroll = QScrollArea()
        side_scroll.setWidget(side)
        side_scroll.setWidgetResizable(True)
        side_scroll.setMinimumWidth(300)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(scroll)
        split.addWidget(side_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)

    # ---- inputs -------------------------------------------------------------------
    def set_class_names(self, class_names) -> None:
        self.class_names = [str(c) for c in class_names]

    def set_model(self, model, project, class_names=None) -> None:
        from studio.training.activations import receptive_boxes

        self.model, self.project = model, project
        if class_names is not None:
            self.set_class_names(class_names)
        self.boxes = receptive_boxes(project) if project is not None else {}
        self.layers = []
        if self.image is not None:
            self.show_image(self.image)

    def set_image(self, x) -> bool:  # the explain-view interface (inference.ExplainView)
        return self.show_image(x)

    def show_image(self, x) -> bool:
        """Every layer's maps for image ``x`` [C,H,W] (computed when the view is visible)."""
        self.image = x
        if not self.isVisible():
            self._pending = True
            return False
        return self._compute()

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        if self._pending:
            self._compute()

    def _compute(self) -> bool:
        self._pending = False
        if self.model is None or self.image is None:
            return False
        from studio.training.activations import capture_all
        from studio.training.explain import module_for

        try:
            self.layers, logits = capture_all(self.model, self.project, self.image)
        except Exception as exc:  # show, never crash
            self.info.setText(tr("Cannot run the image through the model: {reason}").format(reason=exc))
            return False
        names = {lay.node: lay.name for lay in self.layers}
        titles = []
        for lay in self.layers:
            try:
                mod = module_for(self.model, lay.node) if lay.type != "Input" else None
            except (KeyError, AttributeError):
                mod = None
            titles.append(_title(lay, names, mod))
        p = logits.softmax(0)
        order = p.argsort(descending=True).tolist()
        probs = [(self.class_names[i] if i < len(self.class_names) else str(i), float(p[i])) for i in order]
        self.canvas.set_layers(self.layers, titles, probs)
        self._show_input()
        n = sum(lay.shape[0] for lay in self.layers)
        self.info.setText(tr("{layers} layers, {maps} feature maps (each on its own range: bright = strong). "
                             "Click a map: its edges, kernels and that pixel's arithmetic.").format(
            layers=len(self.layers), maps=f"{n:,}"))
        self.picked = None
        self.open_button.setEnabled(False)
        self.shown.emit()
        return True

    def index_of(self, name: str) -> int:
        """The position of layer ``name`` (node id or name) in the overview, or −1."""
        return next((i for i, lay in enumerate(self.layers) if name in (lay.node, lay.name)), -1)

    # ---- selection ----------------------------------------------------------------
    def sources_of(self, i: int, c: int) -> list[tuple[int, list[int]]]:
        """The maps map ``c`` of layer ``i`` is computed from: (layer index, channels), per input."""

        lay = self.layers[i]
        where = {la.node: k for k, la in enumerate(self.layers)}
        ins = [(where[s], self.layers[where[s]].shape[0]) for s in lay.inputs if s in where]
        if lay.type == "Concat":
            out, start = [], 0
            for j, cj in ins:
                if start <= c < start + cj:
                    out.append((j, [c - start]))
                start += cj
            return out
        w = self._weight(lay)
        if w is not None and w.dim() == 4 and ins:
            j, _cj = ins[0]
            cin_g = int(w.shape[1])
            per_group = max(1, lay.shape[0] // max(1, ins[0][1] // cin_g))
            g = c // per_group
            return [(j, list(range(g * cin_g, (g + 1) * cin_g)))]
        return [(j, [c] if cj == lay.shape[0] else list(range(cj))) for j, cj in ins]

    def _weight(self, lay):
        """The layer's weight tensor (a conv's kernels), or None (Input, merges, no weights)."""
        from studio.training.explain import module_for

        if lay.type == "Input":
            return None
        try:
            return getattr(module_for(self.model, lay.node), "weight", None)
        except (KeyError, AttributeError):
            return None

    def select_map(self, i: int, c: int, y: int = 0, x: int = 0) -> None:
        """Select map ``c`` of layer ``i`` at pixel (y, x): edges, kernels and the arithmetic."""
        if not 0 <= i < len(self.layers):
            return
        cc, h, w = self.layers[i].shape
        c, y, x = min(max(0, c), cc - 1), min(max(0, y), h - 1), min(max(0, x), w - 1)
        self.picked = (i, c, y, x)
        self.canvas.set_selection((i, c), self.sources_of(i, c))
        lay = self.layers[i]
        self.map_label.setPixmap(self._map_pixmap(lay.maps[c], (y, x)))
        self._show_kernel(i, c)
        self.arith.setText(self._arithmetic(i, c, y, x))
        self.open_button.setEnabled(lay.type != "Input")
        self._show_input(self.boxes.get(lay.node), (y, x))

    def _explain(self, i: int, c: int, y: int, x: int) -> None:
        if 0 <= i < len(self.layers) and self.layers[i].type != "Input":
            self.explain_pixel.emit(self.layers[i].node, c, y, x)

    def _show_kernel(self, i: int, c: int) -> None:

        lay = self.layers[i]
        w = self._weight(lay)
        if w is None or w.dim() != 4:
            self.kernel_title.setText(tr("{name} has no kernel: {type} computes each pixel from its inputs "
                                         "(the outlined maps).").format(name=lay.name, type=lay.type))
            self.kernel_label.clear()
            self.kernel_scroll.hide()
            return
        self.kernel_scroll.show()
        n = int(w.shape[1])
        title = (tr("<b>Kernel {c} of {name}</b>: {n} slice(s) of {kh}×{kw}, one per input map (first {first} of {n} "
                    "shown); red &gt; 0, blue &lt; 0") if n > MAX_SLICES else
                 tr("<b>Kernel {c} of {name}</b>: {n} slice(s) of {kh}×{kw}, one per input map; red &gt; 0, blue &lt; 0"))
        self.kernel_title.setText(title.format(c=c, name=lay.name, n=n, kh=w.shape[2], kw=w.shape[3], first=MAX_SLICES))
        pm = QPixmap.fromImage(array_to_qimage(kernel_image(w, c)))
        self.kernel_label.setPixmap(pm)
        self.kernel_scroll.setFixedHeight(pm.height() + self.kernel_scroll.horizontalScrollBar().sizeHint().height() + 6)

    def _arithmetic(self, i: int, c: int, y: int, x: int) -> str:
        lay = self.layers[i]
        v = float(lay.maps[c, y, x])
        at = f"{lay.name}[{c}, {y}, {x}]"
        if lay.type == "Input":
            return tr("{at} = {value}: the normalised input pixel.").format(at=at, value=f"{v:.4f}")
        if lay.type in ("Add", "Multiply"):
            where = {la.node: la for la in self.layers}
            parts = [float(where[s].maps[c, y, x]) for s in lay.inputs if s in where]
            op = " + " if lay.type == "Add" else " × "
            names = op.join(where[s].name for s in lay.inputs if s in where)
            return f"{at} = {names} = {op.join(f'{p:.4f}' for p in parts)} = {v:.4f}"
        from studio.core.errors import StudioError
        from studio.training.explain import layer_at

        src = next((la for la in self.layers if lay.inputs and la.node == lay.inputs[0]), None)
        try:
            d = layer_at(self.model, self.project, lay.node, self.image, (c, y, x),
                         (src.maps, lay.maps) if src is not None else None)
        except (StudioError, KeyError, ValueError, IndexError, RuntimeError) as exc:
            return f"{at} = {v:.4f} ({exc})"
        if d.get("kind") == "conv":
            return tr("{at} = Σ over {n} input map(s) of patch·kernel = {sum}, + bias {bias} = {value} "
                      "(the model: {model})").format(at=at, n=len(d["input_channels"]), sum=f"{d['sum']:.4f}",
                                                     bias=f"{d['bias'] or 0.0:.4f}", value=f"{d['recomputed']:.4f}",
                                                     model=f"{d['value']:.4f}")
        return tr("{at} = {value} (the model: {model}); double-click for the steps").format(
            at=at, value=f"{d['recomputed']:.4f}", model=f"{d['value']:.4f}")

    # ---- pictures -----------------------------------------------------------------
    def _map_pixmap(self, m, yx=None) -> QPixmap:
        from studio.training.activations import to_uint8

        a = to_uint8(m.numpy())
        h, w = a.shape
        s = max(1, SIDE_PX // max(h, w))
        pm = QPixmap.fromImage(array_to_qimage(a)).scaled(w * s, h * s)
        if yx is not None:
            p = QPainter(pm)
            p.setPen(QPen(QColor("#d32f2f"), 2))
            p.drawRect(yx[1] * s, yx[0] * s, s, s)
            p.end()
        return pm

    def _show_input(self, box=None, yx=None) -> None:
        if self.image is None:
            return
        from studio.training.activations import receptive_box

        c, h, w = self.image.shape
        s = max(1, SIDE_PX // max(h, w))
        pm = QPixmap.fromImage(array_to_qimage(chw_to_hwc(self.image))).scaled(w * s, h * s)
        if box is not None and yx is not None:
            top, left, bottom, right = receptive_box(box, yx[0], yx[1], h, w)
            p = QPainter(pm)
            p.setPen(QPen(QColor("#ffb300"), 2))
            p.drawRect(left * s, top * s, (right - left + 1) * s - 1, (bottom - top + 1) * s - 1)
            p.end()
            self.input_label.setToolTip(tr("rows {top}–{bottom}, columns {left}–{right} of the input ({h}×{w} pixels)")
                                        .format(top=top, bottom=bottom, left=left, right=right,
                                                h=bottom - top + 1, w=right - left + 1))
        self.input_label.setPixmap(pm)

    def _hovered(self, i: int, c: int, y: int, x: int) -> None:
        if i < 0:
            return
        lay = self.layers[i]
        self._show_input(self.boxes.get(lay.node), (y, x))
