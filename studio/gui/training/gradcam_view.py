"""Inference → Grad-CAM: where in the image the class score comes from (Selvaraju et al. 2017).

A layer picker (default: the last layer with an H×W map), the class chosen as the true class
in Output & loss (else the predicted class), the map over the image and its numbers. The map is
studio.training.gradcam's, the same as `cnn-studio predict --cam`."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from studio.gui.i18n import tr

SIZE = 160  # the overlay's side in pixels (the Inference tab is short on a laptop screen)


class GradCamView(QWidget):
    def __init__(self, inference, parent=None):
        super().__init__(parent)
        self.inference = inference
        self.predictor = None
        self.cls: int | None = None
        self.cam: dict | None = None
        self.layer = QComboBox()
        self.layer.setObjectName("cam_layer")
        self.layer.setToolTip(tr("The layer whose feature maps are weighed by the gradient of the class score"))
        self.layer.currentIndexChanged.connect(lambda _i: self.update_cam())
        self.class_label = QLabel()
        self.image = QLabel(tr("Open a checkpoint and an image in this tab to see what the model looks at."))
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(120, 120)
        self.image.setWordWrap(True)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(QLabel(tr("Layer:")))
        head.addWidget(self.layer)
        head.addWidget(self.class_label, 1)
        body = QHBoxLayout()
        body.addWidget(self.image)
        body.addWidget(self.caption, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addLayout(body, 1)
        inference.predicted.connect(lambda _top: self.update_cam())
        inference.output_view.label_changed.connect(self.set_class)

    def set_class(self, cls) -> None:
        self.cls = cls
        self.update_cam()

    def _sync_layers(self) -> None:
        pred = self.inference.predictor
        if pred is self.predictor:
            return
        self.predictor = pred
        from studio.training.gradcam import default_layer, spatial_layers

        self.layer.blockSignals(True)
        self.layer.clear()
        g = pred.project.graph
        for nid in spatial_layers(pred.project):
            self.layer.addItem(g.node(nid).name, nid)
        try:
            self.layer.setCurrentIndex(max(0, self.layer.findData(default_layer(pred.model, pred.project))))
        except Exception:  # no spatial layer: the message below says so
            pass
        self.layer.blockSignals(False)

    def update_cam(self) -> None:
        inf = self.inference
        if inf.predictor is None or inf.image_path is None:
            return
        self._sync_layers()
        from studio.core.errors import StudioError
        from studio.training.datasets.transforms import read_image
        from studio.training.gradcam import grad_cam, overlay

        pred = inf.predictor
        try:
            pil = read_image(inf.image_path)
            x = pred.preprocess(pil).to(pred.device)
            self.cam = grad_cam(pred.model, pred.project, x, self.layer.currentData(), self.cls)
        except (StudioError, RuntimeError) as exc:
            self.cam = None
            self.image.setText(tr("No Grad-CAM: {reason}").format(reason=exc))
            return
        side = max(64, min(SIZE, self.image.height() - 4)) if self.image.isVisible() else SIZE
        img = overlay(pil.resize((side, side)), self.cam["map"]).convert("RGB")
        data = img.tobytes()
        qimg = QImage(data, img.width, img.height, 3 * img.width, QImage.Format.Format_RGB888).copy()
        self.image.setPixmap(QPixmap.fromImage(qimg))
        m = self.cam["map"]
        name = pred.class_names[self.cam["class"]]
        self.class_label.setText((tr("class <b>{name}</b> (the true class chosen in Output & loss)")
                                  if self.cls is not None else
                                  tr("class <b>{name}</b> (the predicted class)")).format(name=name))
        top = max((v for r in m for v in r), default=0)
        self.caption.setText(tr("Grad-CAM at {node} ({h}×{w}): ReLU(Σ_c α_c·A_c), α_c = the mean of ∂score/∂A_c "
                                "over the map.\nRed: where the score of {name} comes from; blue: no evidence for it "
                                "(colours scaled to the largest value, {top}).\nPick an earlier layer for a finer "
                                "map; choose the true class in Output & loss to see the evidence for it.").format(
            node=self.cam["layer"], h=len(m), w=len(m[0]) if m else 0, name=name, top=f"{top:.3g}"))
