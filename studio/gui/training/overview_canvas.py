"""The painted part of Inference → Overview: every layer of the network as a row of feature-map
thumbnails (network order, wrapping to the width, the page scrolls), the edges from the selected
map to the maps it is computed from, and the class probabilities at the end.

Each layer's maps are kept as one strip image (C maps side by side at their own size, each
rescaled to its own range); painting draws each tile scaled, only where the view needs it."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.gui.i18n import tr

from .images import array_to_qimage

MARGIN = 8
HEADER = 20
GAP = 3  # between thumbnails
ROW_GAP = 14  # between layers
EDGE = QColor(211, 47, 47, 110)
SELECT = QColor("#d32f2f")
HOVER = QColor("#1976d2")


def thumb_size(h: int, c: int) -> int:
    """On-screen size of one map: larger for big maps, smaller for very wide layers."""
    t = max(20, min(64, 2 * h))
    return max(14, t // 2) if c >= 256 else t


def strip_image(maps) -> QImage:
    """Maps [C,H,W] → one grayscale image C·W wide, each map on its own min..max."""
    from studio.training.activations import to_uint8

    a = maps.numpy() if hasattr(maps, "numpy") else np.asarray(maps)
    return array_to_qimage(np.concatenate([to_uint8(m) for m in a], axis=1))


class OverviewCanvas(QWidget):
    clicked = Signal(int, int, int, int)  # layer index, channel, row, column
    double_clicked = Signal(int, int, int, int)
    hovered = Signal(int, int, int, int)  # layer index −1 when over no map

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.layers: list = []  # studio.training.activations.LayerMaps
        self.titles: list[str] = []
        self.strips: list[QImage] = []
        self.probs: list[tuple[str, float]] = []
        self.selected: tuple[int, int] | None = None  # (layer index, channel)
        self.sources: list[tuple[int, list[int]]] = []  # edges of the selected map: (layer index, channels)
        self.hover: tuple[int, int] | None = None
        self._rows: list[dict] = []
        self._height = 100

    # ---- data ---------------------------------------------------------------------
    def set_layers(self, layers, titles, probs) -> None:
        self.layers, self.titles, self.probs = list(layers), list(titles), list(probs)
        self.strips = [strip_image(lay.maps) for lay in self.layers]
        self.selected, self.sources, self.hover = None, [], None
        self.relayout()

    def set_selection(self, selected, sources) -> None:
        self.selected, self.sources = selected, sources
        self.update()

    # ---- geometry -----------------------------------------------------------------
    def relayout(self) -> None:
        width = max(200, self.width())
        y = MARGIN
        self._rows = []
        for lay in self.layers:
            c, h, _w = lay.shape
            t = thumb_size(h, c)
            cols = max(1, min(c, (width - 2 * MARGIN) // (t + GAP)))
            rows = -(-c // cols)
            self._rows.append({"y": y, "t": t, "cols": cols, "tiles_y": y + HEADER})
            y += HEADER + rows * (t + GAP) + ROW_GAP
        self._probs_y = y
        y += HEADER + 16 * min(len(self.probs), 10) + MARGIN
        self._height = y
        self.updateGeometry()
        self.resize(self.width(), y)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, self._height)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self._height)

    def resizeEvent(self, event) -> None:  # Qt override
        if event.oldSize().width() != event.size().width():
            self.relayout()
        super().resizeEvent(event)

    def tile_rect(self, i: int, c: int) -> QRect:
        r = self._rows[i]
        row, col = divmod(c, r["cols"])
        t = r["t"]
        return QRect(MARGIN + col * (t + GAP), r["tiles_y"] + row * (t + GAP), t, t)

    def hit(self, pos: QPoint) -> tuple[int, int, int, int] | None:
        """(layer index, channel, row, column) of the feature-map pixel under ``pos``."""
        for i, r in enumerate(self._rows):
            c_, h, w = self.layers[i].shape
            t = r["t"]
            if not r["tiles_y"] <= pos.y() < r["tiles_y"] + (-(-c_ // r["cols"])) * (t + GAP):
                continue
            col, dx = divmod(pos.x() - MARGIN, t + GAP)
            row, dy = divmod(pos.y() - r["tiles_y"], t + GAP)
            c = row * r["cols"] + col
            if pos.x() < MARGIN or col >= r["cols"] or c >= c_ or dx >= t or dy >= t:
                return None
            return i, c, min(h - 1, dy * h // t), min(w - 1, dx * w // t)
        return None

    # ---- mouse --------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # Qt override
        at = self.hit(event.position().toPoint())
        if at is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(*at)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # Qt override
        at = self.hit(event.position().toPoint())
        if at is not None:
            self.double_clicked.emit(*at)

    def mouseMoveEvent(self, event) -> None:  # Qt override
        at = self.hit(event.position().toPoint())
        new = (at[0], at[1]) if at else None
        if new != self.hover:
            self.hover = new
            self.update()
        self.hovered.emit(*(at or (-1, 0, 0, 0)))

    # ---- painting -----------------------------------------------------------------
    def paintEvent(self, event) -> None:  # Qt override
        p = QPainter(self)
        p.fillRect(event.rect(), self.palette().base())
        clip = event.rect()
        bold = QFont(self.font())
        bold.setBold(True)
        for i, r in enumerate(self._rows):
            c = self.layers[i].shape[0]
            bottom = self.tile_rect(i, c - 1).bottom()
            if bottom < clip.top() or r["y"] > clip.bottom():
                continue
            p.setFont(bold)
            p.setPen(self.palette().text().color())
            p.drawText(QRect(MARGIN, r["y"], self.width() - 2 * MARGIN, HEADER),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.titles[i])
            self._paint_tiles(p, i, clip)
        p.setFont(self.font())
        self._paint_edges(p)
        self._paint_probs(p)
        p.end()

    def _paint_tiles(self, p: QPainter, i: int, clip: QRect) -> None:
        _c, h, w = self.layers[i].shape
        strip = self.strips[i]
        for c in range(self.layers[i].shape[0]):
            rect = self.tile_rect(i, c)
            if rect.intersects(clip):
                p.drawImage(rect, strip, QRect(c * w, 0, w, h))
        if self.hover is not None and self.hover[0] == i:
            p.setPen(QPen(HOVER, 1))
            p.drawRect(self.tile_rect(i, self.hover[1]).adjusted(-1, -1, 0, 0))

    def edge_points(self, j: int, ch: int, i: int, c: int) -> list[QPoint]:
        """The polyline of the edge from map ``ch`` of layer ``j`` to map ``c`` of layer ``i``: straight
        from the row just above; from rows further up (a skip input) along the gaps beside the two maps,
        between the layers and down the right margin, so that it crosses no other map."""
        src, sel = self.tile_rect(j, ch), self.tile_rect(i, c)
        if j >= i - 1:
            return [QPoint(src.center().x(), src.bottom() + 1), QPoint(sel.center().x(), sel.top() - 1)]
        below = self.tile_rect(j, self.layers[j].shape[0] - 1).bottom() + ROW_GAP // 2  # gap under layer j
        above = self._rows[i]["tiles_y"] - 2  # between layer i's title and its maps
        lane = self.width() - MARGIN // 2
        out_x, in_x = src.right() + 2, sel.right() + 2  # the gaps right of the two maps
        return [QPoint(src.right() + 1, src.center().y()), QPoint(out_x, src.center().y()), QPoint(out_x, below),
                QPoint(lane, below), QPoint(lane, above), QPoint(in_x, above), QPoint(in_x, sel.center().y()),
                QPoint(sel.right() + 1, sel.center().y())]

    def _paint_edges(self, p: QPainter) -> None:
        if self.selected is None:
            return
        i, c = self.selected
        sel = self.tile_rect(i, c)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(EDGE, 1))
        for j, chans in self.sources:
            for ch in chans:
                pts = self.edge_points(j, ch, i, c)
                for a, b in zip(pts, pts[1:]):
                    p.drawLine(a, b)
        p.setPen(QPen(SELECT, 1))
        for j, chans in self.sources:
            for ch in chans:
                p.drawRect(self.tile_rect(j, ch).adjusted(-1, -1, 0, 0))
        p.setPen(QPen(SELECT, 2))
        p.drawRect(sel.adjusted(-2, -2, 1, 1))
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_probs(self, p: QPainter) -> None:
        if not self.probs:
            return
        y = self._probs_y
        p.setPen(self.palette().text().color())
        p.drawText(QRect(MARGIN, y, self.width(), HEADER), Qt.AlignmentFlag.AlignVCenter,
                   tr("Output: softmax of the logits (top classes)"))
        y += HEADER
        bar_w = max(60, min(360, self.width() - 180))
        for name, prob in self.probs[:10]:
            p.setPen(self.palette().text().color())
            p.drawText(QRect(MARGIN, y, 90, 14), Qt.AlignmentFlag.AlignVCenter, str(name)[:14])
            p.fillRect(QRect(MARGIN + 96, y + 2, max(1, int(bar_w * prob)), 10), QColor("#1976d2"))
            p.drawText(QRect(MARGIN + 104 + bar_w, y, 80, 14), Qt.AlignmentFlag.AlignVCenter, f"{100 * prob:.1f}%")
            y += 16
