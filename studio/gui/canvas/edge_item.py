"""An edge: a smooth top-to-bottom cubic curve with the carried shape as a small label.

A long vertical edge whose ends are in the same column (a residual skip) is routed in a
lane beside the cards instead of straight through them.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen, QStaticText
from PySide6.QtWidgets import QGraphicsItem

from . import style
from .style import NODE_H, NODE_W

EDGE_TYPE = QGraphicsItem.UserType + 3


def edge_path(p1: QPointF, p2: QPointF, side_lane: float | None = None) -> QPainterPath:
    """The curve from an output port ``p1`` down to an input port ``p2``."""
    path = QPainterPath(p1)
    dy = p2.y() - p1.y()
    if side_lane is not None:
        lx = side_lane
        path.cubicTo(QPointF(p1.x(), p1.y() + 24), QPointF(lx, p1.y() + 6), QPointF(lx, p1.y() + 40))
        path.lineTo(QPointF(lx, p2.y() - 40))
        path.cubicTo(QPointF(lx, p2.y() - 6), QPointF(p2.x(), p2.y() - 24), p2)
        return path
    if dy < -NODE_H and p2.x() - p1.x() >= NODE_W:
        return _climb(p1, p2)
    if dy > NODE_H * 2.2 and abs(p2.x() - p1.x()) >= NODE_W * 0.75:
        # from a side column: go straight down in that column, turn in just above the target
        y = p2.y() - 70
        path.lineTo(QPointF(p1.x(), y))
        path.cubicTo(QPointF(p1.x(), y + 45), QPointF(p2.x(), p2.y() - 40), p2)
        return path
    if dy >= 20:
        c = max(dy * 0.5, 20.0)
        path.cubicTo(QPointF(p1.x(), p1.y() + c), QPointF(p2.x(), p2.y() - c), p2)
    else:  # target above the source: an S loop
        c = 60.0 + min(abs(dy), 200) * 0.3
        path.cubicTo(QPointF(p1.x(), p1.y() + c), QPointF(p2.x(), p2.y() - c), p2)
    return path


def _climb(p1: QPointF, p2: QPointF) -> QPainterPath:
    """From the bottom of one column to the top of the next (a wrapped drawing): down a
    little, right into the gap between the columns, up the gap, and in from above."""
    lane = p2.x() - NODE_W / 2 - 50
    y1, y2, r = p1.y() + 18, p2.y() - 22, 8.0
    path = QPainterPath(p1)
    path.lineTo(p1.x(), y1 - r)
    path.quadTo(p1.x(), y1, p1.x() + r, y1)
    path.lineTo(lane - r, y1)
    path.quadTo(lane, y1, lane, y1 - r)
    path.lineTo(lane, y2 + r)
    path.quadTo(lane, y2, lane + r, y2)
    path.lineTo(p2.x() - r, y2)
    path.quadTo(p2.x(), y2, p2.x(), y2 + r)
    path.lineTo(p2)
    return path


def needs_lane(p1: QPointF, p2: QPointF) -> bool:
    """A long edge down one column, where cards may stand in the way."""
    return p2.y() - p1.y() > NODE_H * 2.2 and abs(p2.x() - p1.x()) < NODE_W * 0.75


class EdgeItem(QGraphicsItem):
    def __init__(self, edge):
        super().__init__()
        self.edge = edge
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(1)
        self.setAcceptHoverEvents(True)
        self._path = QPainterPath()
        self._arrow = QPainterPath()
        self._shape: QPainterPath | None = None
        self._label: QStaticText | None = None
        self._label_rect = QRectF()
        self._bounds = QRectF()
        self._hover = False
        self.error = False
        self.label_text: str | None = None  # the shape shown on the edge (set by the scene)
        self.label_dirty = False  # label_text changed while hidden: lay it out when shown
        self.shape_shown = None  # the shape tuple behind label_text

    def type(self) -> int:
        return EDGE_TYPE

    def set_label(self, text: str) -> None:
        if not text:
            self._label = None
        else:
            font = style.font("edge")
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.prepare(font=font)
            self._label = st
            fm = QFontMetricsF(font)
            self._label_size = (fm.horizontalAdvance(text) + 8, fm.height() + 2)
        self._place_label()
        self.update()

    def set_ends(self, p1: QPointF, p2: QPointF, blocked=None) -> None:
        """Recompute the curve between two scene points. ``blocked(p1, p2)`` says whether
        cards stand between them (then a long vertical edge takes a lane beside them)."""
        lane = None
        if needs_lane(p1, p2) and (blocked is None or blocked(p1, p2)):
            lane = max(p1.x(), p2.x()) + NODE_W / 2 + 22
        self.prepareGeometryChange()
        self._path = edge_path(p1, p2, lane)
        self._shape = None
        self._lane = lane
        self._place_label()

    def _place_label(self) -> None:
        self.prepareGeometryChange()
        end = self._path.currentPosition()  # the target port
        tip = end.y() - style.PORT_R - 1  # just above the port circle
        self._arrow = QPainterPath(QPointF(end.x(), tip))
        self._arrow.lineTo(end.x() - 4, tip - 7)
        self._arrow.lineTo(end.x() + 4, tip - 7)
        self._arrow.closeSubpath()
        br = self._path.boundingRect()
        if self._label is not None:
            w, h = self._label_size
            mid = self._path.pointAtPercent(0.5)
            self._label_rect = QRectF(mid.x() + 4, mid.y() - h / 2, w, h)
            br = br.united(self._label_rect)
        else:
            self._label_rect = QRectF()
        self._bounds = br.adjusted(-6, -6, 6, 6)

    def path(self) -> QPainterPath:
        return self._path

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            s = QPainterPathStroker()
            s.setWidth(10)
            self._shape = s.createStroke(self._path)
        return self._shape

    def hoverEnterEvent(self, event) -> None:
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self._hover = False
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.isSelected():
            col, w = style.SELECTED, 3.0
        elif self.error:
            col, w = style.ERROR, 1.8
        else:
            col, w = style.color("edge"), 2.0 if self._hover else 1.6
        painter.setPen(QPen(col, w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        if option.levelOfDetailFromTransform(painter.worldTransform()) < 0.4:
            return  # far away: no arrow, no label
        painter.setBrush(col)  # arrow head at the target
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPath(self._arrow)
        if self._label is not None and style.legible(painter.worldTransform().m11(), "edge"):
            painter.setBrush(QBrush(style.color("bg")))
            painter.setPen(QPen(style.color("grid"), 1))
            painter.drawRoundedRect(self._label_rect, 4, 4)
            painter.setPen(style.color("sub"))
            painter.setFont(style.font("edge"))
            painter.drawStaticText(self._label_rect.topLeft() + QPointF(4, 1), self._label)
