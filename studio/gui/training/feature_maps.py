"""Feature maps of a layer for the current image (forward hooks), first-layer filters, and a
click on any feature-map pixel works it out by hand in the PixelView beside them."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from studio.gui.i18n import tr

from .images import array_to_qimage, filters_grid, maps_grid
from .pixel_view import PixelView

CONV_TYPES = ("Conv2d",)
GRID_PAD = 2  # gap between tiles in maps_grid (images.grid's default)
#: graph layer types whose feature maps are listed (and explained pixel by pixel)
MAP_TYPES = ("Conv2d", "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d", "BatchNorm",
             "ReLU", "LeakyReLU", "GELU", "Sigmoid", "Tanh")


def conv_nodes(project, types=CONV_TYPES) -> list[tuple[str, str]]:
    """(node id, display text) of the project's layers of ``types`` with an image output, in graph order."""
    from studio.core.spec import fmt_pair, fmt_shape
    from studio.core.validate import validate

    g = project.graph
    a = validate(g, project.num_classes)
    order = a.order or [n.id for n in g.nodes]
    out = []
    for nid in order:
        n = g.node(nid)
        shape = a.shapes.get(nid)
        if n.type in types and (shape is None or len(shape) == 3):
            p = n.params
            if n.type == "Conv2d":
                text = tr("{name} · {n} maps · {size}").format(name=n.name, n=p.get("out_channels"),
                                                               size=fmt_pair(p.get("kernel_size", 1)))
            else:
                text = f"{n.name} · {n.spec.short(p)} · {fmt_shape(shape)}"
            out.append((nid, text))
    return out


class MapsLabel(QLabel):
    """The grid of feature maps; a left click reports where."""

    clicked = Signal(QPoint)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(event.position().toPoint())
        super().mousePressEvent(event)


class FeatureMapsView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = None
        self.project = None
        self.image = None  # preprocessed tensor [C,H,W]
        self.maps = None
        self.scale = 1
        self.cols = 1
        self.node = QComboBox()
        self.node.setToolTip(tr("A convolution, pooling or activation of the trained graph (or select one on the "
                                "canvas); click a pixel of a map to see how it was computed"))
        self.node.currentIndexChanged.connect(self.update_maps)
        self.info = QLabel(tr("Open an image to see what each convolution responds to."))
        self.info.setWordWrap(True)
        self.maps_label = MapsLabel()
        self.maps_label.setCursor(Qt.CursorShape.CrossCursor)
        self.maps_label.clicked.connect(self._map_clicked)
        self.maps_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.filters_label = QLabel()
        self.filters_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.filters_title = QLabel(tr("Filters of the first convolution"))
        scroll = QScrollArea()
        inner = QWidget()
        il = QHBoxLayout(inner)
        il.addWidget(self.maps_label)
        fl = QVBoxLayout()
        fl.addWidget(self.filters_title)
        fl.addWidget(self.filters_label)
        fl.addStretch(1)
        il.addLayout(fl)
        il.addStretch(1)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Feature maps of")))
        top.addWidget(self.node, 1)
        self.pixel = PixelView()
        self.pixel.explained.connect(self._mark)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(scroll)
        split.addWidget(self.pixel)
        split.setSizes([420, 720])
        self.split = split
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.info)
        lay.addWidget(split, 1)

    def focus_pixel(self) -> None:
        """Give the pixel's arithmetic the width (the maps fold to a strip; drag to widen)."""
        total = max(1, sum(self.split.sizes()))
        self.split.setSizes([min(200, total // 5), total - min(200, total // 5)])

    def set_model(self, model, project) -> None:
        self.model, self.project = model, project
        self.node.blockSignals(True)
        self.node.clear()
        for nid, text in conv_nodes(project, MAP_TYPES):
            self.node.addItem(text, nid)
        self.node.blockSignals(False)
        convs = conv_nodes(project)
        self._show_filters(convs[0][0] if convs else None)
        self.update_maps()

    def set_image(self, x) -> None:
        self.image = x
        self.update_maps()

    def select_node(self, node_id: str) -> bool:
        """Show ``node_id`` if it is a listed layer of the trained graph (canvas selection)."""
        i = self.node.findData(node_id)
        if i >= 0:
            self.node.setCurrentIndex(i)
        return i >= 0

    def _show_filters(self, node_id) -> None:
        if self.model is None or node_id is None:
            self.filters_label.clear()
            return
        from studio.training.explain import module_for

        w = module_for(self.model, node_id).weight
        img = filters_grid(w, cols=min(8, w.shape[0]))
        scale = max(1, min(16, 240 // img.shape[1]))
        _show(self.filters_label, _scaled(img, scale))
        self.filters_title.setText(tr("Filters of the first convolution ({node}: {shape})").format(node=node_id,
                                                                                             shape=tuple(w.shape)))

    def update_maps(self) -> None:
        nid = self.node.currentData()
        if self.model is None or nid is None:
            self.info.setText(tr("Train a model or open a checkpoint with a convolution to see feature maps."))
            self.maps_label.clear()
            return
        if self.image is None:
            self.info.setText(tr("Open or drop an image to see the feature maps."))
            return
        try:
            from studio.training.explain import capture

            captured = capture(self.model, nid, self.image)
            self.maps = captured[1]
        except Exception as exc:  # show, never crash
            self.info.setText(tr("Cannot compute the feature maps of {node}: {reason}").format(node=nid, reason=exc))
            return
        c, h, w = self.maps.shape
        self.cols = min(8, c)
        img = maps_grid(self.maps, cols=self.cols)
        self.scale = max(1, min(8, 640 // img.shape[1]))
        self._maps_pm = _scaled(img, self.scale)
        _show(self.maps_label, self._maps_pm)
        self.info.setText(tr("{node}: {c} feature maps of {h}×{w} (each rescaled to its own range; bright = strong). "
                             "Click a pixel to see how it was computed.").format(node=nid, c=c, h=h, w=w))
        try:
            self.pixel.set_context(self.model, self.project, nid, self.image, captured)
            self.pixel.show_pixel(0, h // 2, w // 2)
        except Exception as exc:  # the explanation is extra: never lose the maps
            self.pixel.header.setText(tr("Cannot explain {node}'s pixels: {reason}").format(node=nid, reason=exc))

    # ---- clicking a pixel ---------------------------------------------------------
    def map_pixel_at(self, pos: QPoint) -> tuple[int, int, int] | None:
        """(channel, row, column) of the feature-map pixel under ``pos`` on the maps image."""
        if self.maps is None:
            return None
        c, h, w = self.maps.shape
        gx, gy = pos.x() // self.scale - GRID_PAD, pos.y() // self.scale - GRID_PAD
        if gx < 0 or gy < 0:
            return None
        col, x = divmod(gx, w + GRID_PAD)
        row, y = divmod(gy, h + GRID_PAD)
        ch = row * self.cols + col
        if x >= w or y >= h or col >= self.cols or ch >= c:
            return None
        return ch, y, x

    def pixel_pos(self, c: int, y: int, x: int) -> QPoint:
        """Where feature-map pixel (c, y, x) is drawn on the maps image (its centre)."""
        _c, h, w = self.maps.shape
        row, col = divmod(c, self.cols)
        gx = GRID_PAD + col * (w + GRID_PAD) + x
        gy = GRID_PAD + row * (h + GRID_PAD) + y
        return QPoint(gx * self.scale + self.scale // 2, gy * self.scale + self.scale // 2)

    def _mark(self, d: dict) -> None:
        """Outline the explained pixel on the maps image."""
        if self.maps is None or getattr(self, "_maps_pm", None) is None or list(self.maps.shape) != d["output_shape"]:
            return
        pm = QPixmap(self._maps_pm)
        p = QPainter(pm)
        p.setPen(QPen(QColor("#d32f2f"), 2))
        centre = self.pixel_pos(*d["at"])
        r = max(3, self.scale)
        p.drawRect(centre.x() - r, centre.y() - r, 2 * r, 2 * r)
        p.end()
        self.maps_label.setPixmap(pm)

    def _map_clicked(self, pos: QPoint) -> None:
        at = self.map_pixel_at(pos)
        if at is not None:
            self.pixel.show_pixel(*at)


def _show(label: QLabel, pm: QPixmap) -> None:
    label.setPixmap(pm)
    label.setMinimumSize(pm.size())


def _scaled(img, scale: int) -> QPixmap:
    pm = QPixmap.fromImage(array_to_qimage(img))
    return pm.scaled(pm.width() * scale, pm.height() * scale, Qt.AspectRatioMode.KeepAspectRatio,
                     Qt.TransformationMode.FastTransformation)
