"""The Inference tab: open or drop an image, see it as the model sees it, top-5 bars, feature maps
(click a pixel: how it was computed) and the output & loss breakdown (softmax, one-hot, cross-entropy)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QFileDialog, QFrame, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                               QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from studio.core.i18n import QT_TRANSLATE_NOOP
from studio.core.text import rich
from studio.gui.i18n import tr, tr_core

from .activation_overview import ActivationOverview
from .feature_maps import FeatureMapsView
from .images import tensor_pixmap
from .output_view import OutputLossView

IMAGE_PATTERNS = "*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff"
IMAGE_FILTER = f"Images ({IMAGE_PATTERNS})"
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff"}


@dataclass(frozen=True)
class ExplainView:
    """One explain view of the Inference tab (``--explain NAME``).

    ``make()`` builds its page; a page may have ``set_class_names(names)``,
    ``set_model(model, project)`` and ``set_image(x)`` (x: the preprocessed tensor C×H×W), called when a checkpoint or an image
    is opened. ``page`` names another view whose page this one shows (``pixel`` shows the
    feature-maps page with the arithmetic given the room); ``focus(inference, page)`` then
    arranges it. ``title`` is marked ``QT_TRANSLATE_NOOP("Explain", ...)`` and translated on the tab."""

    name: str
    title: str
    make: Callable[[], QWidget] | None = None
    page: str | None = None
    focus: Callable[[InferenceView, QWidget], None] | None = None


#: name → view, in tab order; ``register_explain_view`` adds one (e.g. "overview")
EXPLAIN_VIEWS: dict[str, ExplainView] = {}


def register_explain_view(view: ExplainView) -> ExplainView:
    if view.name in EXPLAIN_VIEWS:
        raise ValueError(f"explain view {view.name!r} is registered twice")
    EXPLAIN_VIEWS[view.name] = view
    return view


def _focus_pixel(inf: InferenceView, page) -> None:
    """The arithmetic of one pixel at full height: the image strip folds away."""
    inf.set_images_visible(False)
    page.focus_pixel()


register_explain_view(ExplainView("feature-maps", QT_TRANSLATE_NOOP("Explain", "Feature maps (click a pixel)"), FeatureMapsView))
register_explain_view(ExplainView("output", QT_TRANSLATE_NOOP("Explain", "Output && loss"), OutputLossView))
register_explain_view(ExplainView("pixel", QT_TRANSLATE_NOOP("Explain", "Pixel arithmetic"), page="feature-maps", focus=_focus_pixel))
register_explain_view(ExplainView("overview", QT_TRANSLATE_NOOP("Explain", "Overview (every layer)"), ActivationOverview))


class InferenceView(QWidget):
    predicted = Signal(object)  # list[(class name, probability)]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.predictor = None
        self.checkpoint: Path | None = None
        self.image_path: Path | None = None
        self.top: list[tuple[str, float]] = []
        self.ckpt_label = QLabel(tr("No checkpoint yet: train a model, or open a checkpoint."))
        open_ckpt = QPushButton(tr("Open checkpoint…"))
        open_ckpt.clicked.connect(self._open_checkpoint)
        self.open_image_button = QPushButton(tr("Open image…"))
        self.open_image_button.clicked.connect(self._open_image)
        top = QHBoxLayout()
        top.addWidget(self.ckpt_label, 1)
        top.addWidget(open_ckpt)
        top.addWidget(self.open_image_button)

        self.original = QLabel(tr("Drop an image here\nor use “Open image…”"))
        self.original.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.original.setFrameShape(QFrame.Shape.StyledPanel)
        self.original.setMinimumSize(150, 150)
        self.seen = QLabel()
        self.seen.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seen.setFrameShape(QFrame.Shape.StyledPanel)
        self.seen.setMinimumSize(150, 150)
        self.seen_caption = QLabel(tr("As the model sees it"))
        self.seen_caption.setWordWrap(True)
        imgs = QGridLayout()
        imgs.addWidget(QLabel(tr("Your image")), 0, 0)
        imgs.addWidget(self.seen_caption, 0, 1)
        imgs.addWidget(self.original, 1, 0)
        imgs.addWidget(self.seen, 1, 1)

        self.names: list[QLabel] = []
        self.bars: list[QProgressBar] = []
        self.percents: list[QLabel] = []
        bars = QGridLayout()
        bars.addWidget(QLabel(tr("<b>Top-5 classes</b>")), 0, 0, 1, 3)
        for i in range(5):
            name = QLabel("")
            name.setMinimumWidth(60)
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setTextVisible(False)  # the percentage sits beside the bar, never under its fill
            pct = QLabel("")
            pct.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            pct.setMinimumWidth(pct.fontMetrics().horizontalAdvance("100.0%") + 4)
            self.names.append(name)
            self.bars.append(bar)
            self.percents.append(pct)
            bars.addWidget(name, i + 1, 0)
            bars.addWidget(bar, i + 1, 1)
            bars.addWidget(pct, i + 1, 2)
        bars.setColumnStretch(1, 1)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        bars.addWidget(self.message, 6, 0, 1, 3)

        # the image, as seen, and the top-5 in a column at the left; the explain views beside it
        # get the dock's whole height (the Output & loss table shows 10 classes at 1366×768)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 4, 0)
        ll.addLayout(imgs)
        ll.addLayout(bars)
        ll.addStretch(1)
        column = _scrolling_column(left)
        self.images_button = QPushButton(tr("◂ Image"))
        self.images_button.setCheckable(True)
        self.images_button.setChecked(True)
        self.images_button.setToolTip(tr("Show or fold the image and top-5 column (more room for the explain views)"))
        self.images_button.toggled.connect(self.set_images_visible)
        top.insertWidget(0, self.images_button)
        self.details = QTabWidget()
        self.pages: dict[str, QWidget] = {}
        for view in EXPLAIN_VIEWS.values():
            if view.page is None:
                self.pages[view.name] = view.make()
                self.details.addTab(self.pages[view.name], tr_core("Explain", view.title))
        self.feature_maps: FeatureMapsView = self.pages["feature-maps"]
        self.output_view: OutputLossView = self.pages["output"]
        self.overview: ActivationOverview = self.pages["overview"]  # every layer at once
        self.overview.explain_pixel.connect(self._explain_pixel)
        self.details.setCurrentWidget(self.feature_maps)
        self.images = column
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(column)
        self.split.addWidget(self.details)
        self.split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.split, 1)

    # ---- explain views -------------------------------------------------------
    def show_explain(self, name: str) -> QWidget:
        """Bring up explain view ``name`` (a key of EXPLAIN_VIEWS); KeyError if unknown."""
        view = EXPLAIN_VIEWS[name]
        page = self.pages[view.page or view.name]
        self.details.setCurrentWidget(page)
        if view.focus is not None:
            view.focus(self, page)
        return page

    def set_images_visible(self, on: bool) -> None:
        """Fold the image column (your image, as seen, top-5) away to give the explain views room."""
        self.images.setVisible(on)
        self.images_button.blockSignals(True)
        self.images_button.setChecked(on)
        self.images_button.blockSignals(False)
        self.images_button.setText(tr("◂ Image") if on else tr("▸ Image"))

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
        self.ckpt_label.setText(tr("Checkpoint: {path}").format(path=self.checkpoint))
        for page in self.pages.values():
            if hasattr(page, "set_class_names"):
                page.set_class_names(self.predictor.class_names)
            if hasattr(page, "set_model"):
                page.set_model(self.predictor.model, self.predictor.project)
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
            self.message.setText("<span style='color:#b71c1c'>" + tr("Cannot open {name}: {reason}").format(
                name=html.escape(printable(path.name)), reason=html.escape(str(exc))) + "</span>")
            return False
        self.image_path = path
        pm = QPixmap(str(path))
        self.original.setPixmap(pm.scaled(150, 150, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))
        self.original.setToolTip(f"{path.name}: {pil.width}×{pil.height} {pil.mode}")
        if self.predictor is None:
            self.message.setText(tr("Open a checkpoint (or train a model) to classify the image."))
            return True
        try:
            x = self.predictor.preprocess(pil)
            self.top = list(self.predictor.predict(pil, top_k=5))
        except Exception as exc:  # a bad image must not crash the app
            self.message.setText("<span style='color:#b71c1c'>" + tr("Cannot classify {name}: {reason}").format(
                name=rich(path.name), reason=rich(exc)) + "</span>")
            return False
        c, h, w = x.shape
        self.seen.setPixmap(tensor_pixmap(x, size=150))
        self.seen_caption.setText(tr("As the model sees it: {c}×{h}×{w}, normalised (shown rescaled)").format(c=c, h=h, w=w))
        self.show_top(self.top)
        self._show_output(x)
        for page in self.pages.values():
            if hasattr(page, "set_image"):
                page.set_image(x)
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
                self.percents[i].setText(f"{100 * float(p):.1f}%")
            else:
                self.names[i].clear()
                self.bars[i].setValue(0)
                self.percents[i].clear()

    def _open_checkpoint(self) -> None:
        from studio.paths import runs_dir

        path, _ = QFileDialog.getOpenFileName(self, tr("Open checkpoint"), str(runs_dir()), tr("Checkpoints (*.pt)"))
        if path:
            self.set_checkpoint(path)

    def _open_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open image"), "",
                                              tr("Images ({patterns})").format(patterns=IMAGE_PATTERNS))
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


def _scrolling_column(left: QWidget) -> QScrollArea:
    """``left`` in a scroll area: a long message (a broken image's reason, taller Chinese lines)
    is never cut at the bottom of a short dock, the column scrolls instead; it looks as before."""
    column = QScrollArea()
    column.setWidget(left)
    column.setWidgetResizable(True)
    column.setFrameShape(QFrame.Shape.NoFrame)
    column.viewport().setAutoFillBackground(False)  # the tab page's own background
    left.setAutoFillBackground(False)
    column.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    width = left.sizeHint().width()
    column.setMaximumWidth(max(360, width))
    bar = column.verticalScrollBar()
    # wider by the scroll bar while it shows: the images are never clipped at the right
    bar.rangeChanged.connect(lambda _lo, hi: column.setMinimumWidth(width + (bar.sizeHint().width() if hi else 0)))
    column.setMinimumWidth(width)
    return column


def _dropped_image(mime) -> Path | None:
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        p = Path(url.toLocalFile())
        if p.suffix.lower() in IMAGE_SUFFIXES:
            return p
    return None
