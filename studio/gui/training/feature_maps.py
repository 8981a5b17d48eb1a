"""Feature maps of a convolution for the current image (forward hooks), and first-layer filters."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from .images import array_to_qimage, filters_grid, maps_grid

CONV_TYPES = ("Conv2d",)


def conv_nodes(project) -> list[tuple[str, str]]:
    """(node id, display text) of the project's convolutions in graph order."""
    from studio.core.validate import validate

    g = project.graph
    order = validate(g, project.num_classes).order or [n.id for n in g.nodes]
    out = []
    for nid in order:
        n = g.node(nid)
        if n.type in CONV_TYPES:
            p = n.params
            k = p.get("kernel_size")
            k = f"{k}×{k}" if isinstance(k, int) else "×".join(map(str, k or ()))
            out.append((nid, f"{n.label or nid} · {p.get('out_channels')} maps · {k}"))
    return out


def module_for(model, node_id: str):
    """The submodule that implements ``node_id`` in a compiled model."""
    if hasattr(model, "node_module"):
        try:
            return model.node_module(node_id)
        except (KeyError, AttributeError):
            pass
    names = getattr(model, "node_names", None) or {}
    mods = dict(model.named_modules())
    for name in (names.get(node_id), node_id, re.sub(r"\W", "_", node_id)):
        if name and name in mods:
            return mods[name]
    raise KeyError(f"the compiled model has no module for node '{node_id}'")


def feature_maps(model, node_id: str, x):
    """Run ``x`` [C,H,W] through ``model`` and return the output of ``node_id``'s module [C',H',W']."""
    import torch

    captured = {}

    def hook(_m, _inp, out):
        captured["out"] = out.detach()

    handle = module_for(model, node_id).register_forward_hook(hook)
    try:
        with torch.no_grad():
            model.eval()
            model(x.unsqueeze(0).to(next(model.parameters()).device))
    finally:
        handle.remove()
    return captured["out"][0].cpu()


class FeatureMapsView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = None
        self.project = None
        self.image = None  # preprocessed tensor [C,H,W]
        self.maps = None
        self.node = QComboBox()
        self.node.setToolTip("A convolution of the trained graph (or select one on the canvas)")
        self.node.currentIndexChanged.connect(self.update_maps)
        self.info = QLabel("Open an image to see what each convolution responds to.")
        self.info.setWordWrap(True)
        self.maps_label = QLabel()
        self.maps_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.filters_label = QLabel()
        self.filters_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.filters_title = QLabel("Filters of the first convolution")
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
        top.addWidget(QLabel("Feature maps of"))
        top.addWidget(self.node, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.info)
        lay.addWidget(scroll, 1)

    def set_model(self, model, project) -> None:
        self.model, self.project = model, project
        self.node.blockSignals(True)
        self.node.clear()
        convs = conv_nodes(project)
        for nid, text in convs:
            self.node.addItem(text, nid)
        self.node.blockSignals(False)
        self._show_filters(convs[0][0] if convs else None)
        self.update_maps()

    def set_image(self, x) -> None:
        self.image = x
        self.update_maps()

    def select_node(self, node_id: str) -> bool:
        """Show ``node_id`` if it is a convolution of the trained graph (canvas selection)."""
        i = self.node.findData(node_id)
        if i >= 0:
            self.node.setCurrentIndex(i)
        return i >= 0

    def _show_filters(self, node_id) -> None:
        if self.model is None or node_id is None:
            self.filters_label.clear()
            return
        w = module_for(self.model, node_id).weight
        img = filters_grid(w, cols=min(8, w.shape[0]))
        scale = max(1, min(16, 240 // img.shape[1]))
        _show(self.filters_label, _scaled(img, scale))
        self.filters_title.setText(f"Filters of the first convolution ({node_id}: {tuple(w.shape)})")

    def update_maps(self) -> None:
        nid = self.node.currentData()
        if self.model is None or nid is None:
            self.info.setText("Train a model or open a checkpoint with a convolution to see feature maps.")
            self.maps_label.clear()
            return
        if self.image is None:
            self.info.setText("Open or drop an image to see the feature maps.")
            return
        try:
            self.maps = feature_maps(self.model, nid, self.image)
        except Exception as exc:  # show, never crash
            self.info.setText(f"Cannot compute the feature maps of {nid}: {exc}")
            return
        c, h, w = self.maps.shape
        img = maps_grid(self.maps, cols=min(8, c))
        scale = max(1, min(8, 640 // img.shape[1]))
        _show(self.maps_label, _scaled(img, scale))
        self.info.setText(f"{nid}: {c} feature maps of {h}×{w} (each rescaled to its own range; bright = strong)")


def _show(label: QLabel, pm: QPixmap) -> None:
    label.setPixmap(pm)
    label.setMinimumSize(pm.size())


def _scaled(img, scale: int) -> QPixmap:
    pm = QPixmap.fromImage(array_to_qimage(img))
    return pm.scaled(pm.width() * scale, pm.height() * scale, Qt.AspectRatioMode.KeepAspectRatio,
                     Qt.TransformationMode.FastTransformation)
