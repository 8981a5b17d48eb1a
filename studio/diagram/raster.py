"""Draw a diagram with a QPainter (the window's Diagram tab, PNG export). Needs QtGui only;
PySide6 is imported inside the functions.

A PNG's memory is bounded: the image is at most :data:`MAX_PIXELS` pixels (160 MB as ARGB32)
and :data:`MAX_SIDE` pixels a side, whatever the layer count. :func:`png_scale` picks the
scale asked for, or the largest smaller one that fits (down to :data:`MIN_SCALE`), and refuses
in one line, pointing to SVG (which has no such limit), a diagram that fits at none.
"""
from __future__ import annotations

import math
import os

from studio.core.errors import StudioError

from .geometry import Diagram, primitives

MAX_PIXELS = 40_000_000
MAX_SIDE = 32_000  # QPainter's raster engine works in 16-bit-safe device coordinates
MIN_SCALE = 0.25


def png_scale(d: Diagram, scale: float) -> float:
    """``scale``, or the largest scale below it (≥ MIN_SCALE, two decimals) at which the image of
    ``d`` stays within MAX_PIXELS and MAX_SIDE; StudioError when even MIN_SCALE is too large."""
    w, h = max(d.width, 1.0), max(d.height, 1.0)
    fit = min(MAX_SIDE / w, MAX_SIDE / h, math.sqrt(MAX_PIXELS / (w * h)))
    if scale <= fit:
        return scale
    if fit < MIN_SCALE:
        pw, ph = int(w * MIN_SCALE), int(h * MIN_SCALE)
        limit = (f"over the limit of {MAX_SIDE:,} pixels a side" if max(pw, ph) > MAX_SIDE
                 else f"over the limit of {MAX_PIXELS // 1_000_000} million pixels")
        raise StudioError(
            f"the diagram ({len(d.boxes):,} feature maps, {w:,.0f}×{h:,.0f} units) is too large for a PNG: "
            f"even at scale {MIN_SCALE:g} it would be {pw:,}×{ph:,} pixels, {limit}; "
            "nothing was written: write it as SVG instead (-o NAME.svg), which has no size limit")
    return math.floor(fit * 100) / 100


def paint(painter, d: Diagram, texts: bool = True) -> None:
    """Draw ``d`` in diagram units (scale the painter first to zoom); without ``texts`` for
    a thumbnail, where they could not be read anyway."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen, QPolygonF

    painter.setRenderHint(painter.RenderHint.Antialiasing)
    painter.setRenderHint(painter.RenderHint.TextAntialiasing)
    fonts: dict[tuple, QFont] = {}
    for p in primitives(d):
        kind = p[0]
        if kind == "poly":
            painter.setPen(QPen(QColor(p[3]), 0.8))
            painter.setBrush(QBrush(QColor(p[2])))
            painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in p[1]]))
        elif kind == "line":
            pen = QPen(QColor(p[5]), 0.8)
            if p[6]:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(p[1], p[2]), QPointF(p[3], p[4]))
        elif kind == "quad":
            path = QPainterPath(QPointF(p[1], p[2]))
            path.quadTo(QPointF(p[3], p[4]), QPointF(p[5], p[6]))
            painter.setPen(QPen(QColor(p[7]), 1.4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        elif kind == "rect":
            pen = QPen(QColor(p[6]), 0.8)
            if p[7]:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QBrush(QColor(p[5])))
            painter.drawRoundedRect(QRectF(p[1], p[2], p[3], p[4]), 4, 4)
        elif kind == "text" and texts:
            _, x, y, text, size, anchor, bold, fill = p
            key = (size, bold)
            if key not in fonts:
                f = QFont("DejaVu Sans")
                f.setPixelSize(max(1, round(size)))
                f.setBold(bold)
                fonts[key] = f
            painter.setFont(fonts[key])
            painter.setPen(QColor(fill))
            w = painter.fontMetrics().horizontalAdvance(text)
            dx = {"start": 0.0, "middle": -w / 2, "end": -w}[anchor]
            painter.drawText(QPointF(x + dx, y), text)


def to_image(d: Diagram, scale: float = 2.0, texts: bool = True):
    """A QImage of the diagram (white background) at ``scale`` pixels per unit, or at the
    smaller :func:`png_scale` where the image would be too large (StudioError if none fits)."""
    from PySide6.QtGui import QColor, QImage, QPainter

    scale = png_scale(d, scale)
    img = QImage(max(1, int(d.width * scale)), max(1, int(d.height * scale)), QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    painter.scale(scale, scale)
    paint(painter, d, texts)
    painter.end()
    return img


def save_png(d: Diagram, path: str | os.PathLike, scale: float = 2.0) -> bool:
    """Write a PNG atomically (a temp file renamed over ``path``; a failure leaves an existing file
    as it was), or raise UserFileError. A Qt application is made, offscreen when there is no
    display. It is a QApplication, not a QGuiApplication, so that a window made later in the same
    process (a test run, a script) still works. Too large at every scale: StudioError, nothing
    written (see :func:`png_scale`, which tells the scale actually used)."""
    from PySide6.QtWidgets import QApplication

    png_scale(d, scale)  # refuse before a Qt application is even made

    if QApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        save_png._app = QApplication([])  # kept for the process's life
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from studio.core.userfile import UserFileError, atomic_write_bytes, shown

    img = to_image(d, scale)
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = img.save(buf, "PNG")  # encoded in memory: Qt never sees the file name, which may not be UTF-8
    buf.close()
    if not ok:
        raise UserFileError(f"cannot save the diagram {shown(path)}: the PNG writer failed "
                            f"({int(d.width * scale)}×{int(d.height * scale)} pixels); try a smaller --scale or .svg")
    atomic_write_bytes(path, bytes(data), what="diagram")
    return True
