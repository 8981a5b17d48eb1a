"""The Diagram tab: the architecture as report figures draw it (``studio.diagram``), redrawn
~150 ms after the graph changes while the tab is visible, zoomable (Ctrl+wheel, Fit,
100 %), exported to SVG or PNG."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from studio.core.errors import StudioError
from studio.core.project import atomic_write_text
from studio.diagram import build_diagram, to_svg
from studio.diagram.raster import paint, save_png
from studio.gui.i18n import tr
from studio.gui.panels.lazy import LazyPanel

DEBOUNCE_MS = 150


class DiagramCanvas(QWidget):
    """Paints one diagram at ``zoom`` (its size follows, so the scroll area scrolls)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.diagram = None
        self.zoom = 1.0

    def set_diagram(self, d, zoom: float) -> None:
        self.diagram, self.zoom = d, zoom
        self.updateGeometry()
        self.resize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:
        if self.diagram is None:
            return QSize(200, 100)
        return QSize(int(self.diagram.width * self.zoom) + 2, int(self.diagram.height * self.zoom) + 2)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        if self.diagram is not None:
            p.scale(self.zoom, self.zoom)
            paint(p, self.diagram)
        p.end()


class DiagramView(LazyPanel):
    status = Signal(str)

    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.canvas = DiagramCanvas()
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.canvas)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.info = QLabel()
        self.fit_button = QPushButton(tr("Fit", "zoom"))
        self.fit_button.setToolTip(tr("Show the whole diagram (Ctrl+wheel zooms)"))
        self.fit_button.clicked.connect(lambda: self.set_zoom(None))
        self.full_button = QPushButton("100 %")
        self.full_button.clicked.connect(lambda: self.set_zoom(1.0))
        self.svg_button = QPushButton(tr("Export SVG…"))
        self.svg_button.clicked.connect(lambda: self.export(".svg"))
        self.png_button = QPushButton(tr("Export PNG…"))
        self.png_button.clicked.connect(lambda: self.export(".png"))
        bar = QHBoxLayout()
        bar.addWidget(self.info, 1)
        for b in (self.fit_button, self.full_button, self.svg_button, self.png_button):
            bar.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(bar)
        lay.addWidget(self.scroll)
        self.diagram = None
        self._zoom: float | None = None  # None: fit
        self.follow(document, DEBOUNCE_MS)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._zoom is None and self.diagram is not None:
            self.canvas.set_diagram(self.diagram, self.fit_zoom())

    def fit_zoom(self) -> float:
        vp = self.scroll.viewport().size()
        d = self.diagram
        return max(0.2, min(1.5, (vp.width() - 4) / d.width, (vp.height() - 4) / d.height))

    def set_zoom(self, zoom: float | None) -> None:
        self._zoom = zoom
        if self.diagram is not None:
            self.canvas.set_diagram(self.diagram, self.fit_zoom() if zoom is None else zoom)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and self.diagram is not None:
            z = self.canvas.zoom * (1.0015 ** event.angleDelta().y())
            self.set_zoom(max(0.2, min(4.0, z)))
            event.accept()
        else:
            super().wheelEvent(event)

    def refresh(self) -> None:
        """Rebuild the diagram from the document's current analysis."""
        self._stale = False
        doc = self.document
        a = doc.analysis
        self.diagram = build_diagram(doc.graph, a, doc.project.name or "")
        n = len(self.diagram.boxes)
        text = tr("{n} feature maps · {stages} stages").format(n=n, stages=len(self.diagram.stages))
        if a.errors:
            text += " · " + tr("{n} error(s): maps after them are missing").format(n=len(a.errors))
        self.info.setText(text)
        self.set_zoom(self._zoom)

    def export(self, suffix: str, path: str | None = None) -> Path | None:
        """Save the diagram (asks for a file when ``path`` is None)."""
        if self._stale or self.diagram is None:
            self.refresh()
        if path is None:
            name = (self.document.project.name or "diagram").replace("/", "_") + suffix
            kind = tr("SVG image (*.svg)") if suffix == ".svg" else tr("PNG image (*.png)")
            path, _ = QFileDialog.getSaveFileName(self, tr("Export diagram"), name, kind)
            if not path:
                return None
        out = Path(path)
        if out.suffix.lower() != suffix:
            out = out.with_suffix(suffix)
        try:
            if suffix == ".svg":
                atomic_write_text(out, to_svg(self.diagram))
            else:
                save_png(self.diagram, out, 2.0)  # atomic, as the command line writes it
        except (OSError, StudioError) as exc:
            self.status.emit(tr("Diagram not saved: {error}").format(error=exc))
            return None
        self.status.emit(tr("Diagram saved to {path}").format(path=out))
        return out
