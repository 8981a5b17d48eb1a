"""Draw a diagram with a QPainter (the window's Diagram tab, PNG export). Needs QtGui only;
PySide6 is imported inside the functions."""
from __future__ import annotations

import os

from .geometry import Diagram, primitives


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
    """A QImage of the diagram (white background) at ``scale`` pixels per unit."""
    from PySide6.QtGui import QColor, QImage, QPainter

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
    process (a test run, a script) still works."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        save_png._app = QApplication([])  # kept for the process's life
    from studio.core.userfile import UserFileError, atomic_path, shown

    img = to_image(d, scale)
    with atomic_path(path, what="diagram") as tmp:
        if not img.save(str(tmp), "PNG"):
            raise UserFileError(f"cannot save the diagram {shown(path)}: the PNG writer failed "
                                f"({int(d.width * scale)}×{int(d.height * scale)} pixels); try a smaller --scale or .svg")
    return True
