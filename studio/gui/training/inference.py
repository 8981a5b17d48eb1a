"""The Inference tab: open or drop an image, see it as the model sees it, top-5 bars, feature maps
(click a pixel: how it was computed) and the output & loss breakdown (softmax, one-hot, cross-entropy)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QFileDialog, QFrame, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                               QSplitter, QTabWidget, QVBoxLayout, QWidget)

from studio.core.text import rich

from .activation_overview import ActivationOverview
from .feature_maps import FeatureMapsView
from .images import tensor_pixmap
from .output_view import OutputLossView

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff)"
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff"}


class InferenceView(QWidget):
    predicted = Signal(object)  # list[(class name, probability)]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.predictor = None
        self.checkpoint: Path | None = None
        self.image_path: Path | None = None
        self.top: list[tuple[str, float]] = []
        self.ckpt_label = QLabel("No checkpoint yet: train a model, or open a checkpoint.")
        open_ckpt = QPushButton("Open checkpoint…")
        open_ckpt.clicked.connect(self._open_checkpoint)
        self.open_image_button = QPushButton("Open image…")
        self.open_image_button.clicked.connect(self._open_image)
        top = QHBoxLayout()
        top.addWidget(self.ckpt_label, 1)
        top.addWidget(open_ckpt)
        top.addWidget(self.open_image_button)

        self.original = QLabel("Drop an image here\nor use “Open image…”")
        self.original.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.original.setFrameShape(QFrame.Shape.StyledPanel)
        self.original.setMinimumSize(150, 150)
        self.seen = QLabel()
        self.seen.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seen.setFrameShape(QFrame.Shape.StyledPanel)
        self.seen.setMinimumSize(150, 150)
        self.seen_caption = QLabel("As the model sees it")
        self.seen_caption.setWordWrap(True)
        imgs = QGridLayout()
        imgs.addWidget(QLabel("Your image"), 0, 0)
        imgs.addWidget(self.seen_caption, 0, 1)
        imgs.addWidget(self.original, 1, 0)
        imgs.addWidget(self.seen, 1, 1)

        self.names: list[QLabel] = []
        self.bars: list[QProgressBar] = []
        bars = QGridLayout()
        bars.addWidget(QLabel("<b>Top-5 classes</b>"), 0, 0, 1, 2)
        for i in range(5):
            name = QLabel("")
            name.setMinimumWidth(90)
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setFormat("")
            bar.setTextVisible(True)
            self.names.append(name)
            self.bars.append(bar)
            bars.addWidget(name, i + 1, 0)
            bars.addWidget(bar, i + 1, 1)
        bars.setRowStretch(6, 1)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        bars.addWidget(self.message, 7, 0, 1, 2)

        left = QWidget()
        ll = QHBoxLayout(left)
        ll.addLayout(imgs)
        ll.addLayout(bars, 1)
        left.setMinimumHeight(left.sizeHint().height())  # the two images are never cut off
        self.feature_maps = FeatureMapsView()
        self.output_view = OutputLossView()
        self.details = QTabWidget()
        self.details.addTab(self.feature_maps, "Feature maps (click a pixel)")
        self.details.addTab(self.output_view, "Output && loss")
        self.overview = ActivationOverview()  # explain mode "overview": every layer at once
        self.details.addTab(self.overview, "Overview (every layer)")
        self.overview.explain_pixel.connect(self._explain_pixel)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(left)
        split.addWidget(self.details)
        split.setSizes([220, 400])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)

    # ---- inputs ----------------------------------------------------------
    def set_checkpoint(self, path) -> bool:
        from studio.core.errors import StudioError

        try:
            from studio.training.predict import Predictor

            self.predictor = Predictor.from_checkpoint(path)
        except (StudioError, ImportError) as exc:
            self.message.setText(f"<span style='color:#b71c1c'>{exc}</span>")
            return False
        self.checkpoint = Path(path)
        self.ckpt_label.setText(f"Checkpoint: {self.checkpoint}")
        self.feature_maps.set_model(self.predictor.model, self.predictor.project)
        self.overview.set_model(self.predictor.model, self.predictor.project, self.predictor.class_names)
        self.message.clear()
        if self.image_path is not None:
            self.set_image(self.image_path)
        return True

    def set_image(self, path) -> bool:
        """Show the image, what the model sees and the top-5; False with a message if unreadable."""
        import html

        from studio.core.errors import StudioError
        from studio.core.text import printable
        from studio.training.datasets.transforms import read_image

        path = Path(path)
        try:
            pil = read_image(path)
        except StudioError as exc:
            self.message.setText(f"<span style='color:#b71c1c'>Cannot open {html.escape(printable(path.name))}: "
                                 f"{html.escape(str(exc))}</span>")
            return False
        self.image_path = path
        pm = QPixmap(str(path))
        self.original.setPixmap(pm.scaled(150, 150, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))
        self.original.setToolTip(f"{path.name}: {pil.width}×{pil.height} {pil.mode}")
        if self.predictor is None:
            self.message.setText("Open a checkpoint (or train a model) to classify the image.")
            return True
        try:
            x = self.predictor.preprocess(pil)
            self.top = list(self.predictor.predict(pil, top_k=5))
        except Exception as exc:  # a bad image must not crash the app
            self.message.setText(f"<span style='color:#b71c1c'>Cannot classify {rich(path.name)}: {rich(exc)}</span>")
            return False
        c, h, w = x.shape
        self.seen.setPixmap(tensor_pixmap(x, size=150))
        self.seen_caption.setText(f"As the model sees it: {c}×{h}×{w}, normalised (shown rescaled)")
        self.show_top(self.top)
        self._show_output(x)
        self.feature_maps.set_image(x)
        self.overview.show_image(x)
        self.message.setText(f"<b>{rich(self.top[0][0])}</b> ({100 * self.top[0][1]:.1f}%)" if self.top else "")
        self.predicted.emit(self.top)
        return True

    def _show_output(self, x) -> None:
        """Logits of the image → the Output & loss breakdown (the user picks the true class)."""
        import torch

        with torch.no_grad():
            z = self.predictor.model.eval()(x.unsqueeze(0).to(self.predictor.device))[0].float().cpu()
        self.output_view.set_logits(z.tolist(), self.predictor.class_names, None)

    def _explain_pixel(self, node_id: str, c: int, y: int, x: int) -> None:
        """From the overview: the pixel view of Feature maps at that layer and pixel."""
        self.details.setCurrentWidget(self.feature_maps)
        if self.feature_maps.select_node(node_id):
            self.feature_maps.pixel.show_pixel(c, y, x)

    def show_top(self, top) -> None:
        for i in range(5):
            if i < len(top):
                name, p = top[i]
                self.names[i].setText(str(name))
                self.bars[i].setValue(int(round(1000 * float(p))))
                self.bars[i].setFormat(f"{100 * float(p):.1f}%")
            else:
                self.names[i].clear()
                self.bars[i].setValue(0)
                self.bars[i].setFormat("")

    def _open_checkpoint(self) -> None:
        from studio.paths import runs_dir

        path, _ = QFileDialog.getOpenFileName(self, "Open checkpoint", str(runs_dir()), "Checkpoints (*.pt)")
        if path:
            self.set_checkpoint(path)

    def _open_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open image", "", IMAGE_FILTER)
        if path:
            self.set_image(path)

    # ---- drag and drop ---------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # Qt override
        if _dropped_image(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # Qt override
        if _dropped_image(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # Qt override
        path = _dropped_image(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.set_image(path)


def _dropped_image(mime) -> Path | None:
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        p = Path(url.toLocalFile())
        if p.suffix.lower() in IMAGE_SUFFIXES:
            return p
    return None
