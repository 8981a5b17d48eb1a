"""Groups: a titled rounded frame behind the member nodes, or (collapsed) one block card."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from studio.gui.i18n import tr

from . import style
from .node_item import static_text
from .style import NODE_H, NODE_W, PORT_R

GROUP_TYPE = QGraphicsItem.UserType + 4
BLOCK_TYPE = QGraphicsItem.UserType + 5
TITLE_H = 22.0
MARGIN = 14.0
RADIUS = 10.0


def _dashed_frame(painter: QPainter, r: QRectF, exposed: QRectF, color) -> None:
    """The dashed rounded border of ``r``, only where it crosses ``exposed``: dashing the
    whole outline of a tall group on every small repaint is what made edits slow."""
    k = RADIUS
    pen = QPen(color, 1, Qt.PenStyle.DashLine)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    sides = ((r.left() + k, r.top(), r.right() - k, r.top()), (r.left() + k, r.bottom(), r.right() - k, r.bottom()),
             (r.left(), r.top() + k, r.left(), r.bottom() - k), (r.right(), r.top() + k, r.right(), r.bottom() - k))
    for x0, y0, x1, y1 in sides:
        if y0 == y1:  # horizontal
            if not exposed.top() <= y0 <= exposed.bottom():
                continue
            a, b = max(x0, exposed.left()), min(x1, exposed.right())
            start = x0
        else:
            if not exposed.left() <= x0 <= exposed.right():
                continue
            a, b = max(y0, exposed.top()), min(y1, exposed.bottom())
            start = y0
        if a >= b:
            continue
        pen.setDashOffset(a - start)  # the dashes stay where a full drawing puts them
        painter.setPen(pen)
        if y0 == y1:
            painter.drawLine(QPointF(a, y0), QPointF(b, y0))
        else:
            painter.drawLine(QPointF(x0, a), QPointF(x0, b))
    pen.setDashOffset(0)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for cx, cy, start in ((r.left(), r.top(), 90), (r.right() - 2 * k, r.top(), 0),
                          (r.left(), r.bottom() - 2 * k, 180), (r.right() - 2 * k, r.bottom() - 2 * k, 270)):
        corner = QRectF(cx, cy, 2 * k, 2 * k)
        if corner.intersects(exposed):
            painter.drawArc(corner, start * 16, 90 * 16)


def merge_columns(rects: list[QRectF], gap: float = 70.0) -> list[QRectF]:
    """Union the card rectangles column by column: cards whose x ranges are closer than
    ``gap`` (a side branch beside its block) share one rectangle; a wrapped drawing's next
    column starts a new one."""
    out: list[QRectF] = []
    for r in sorted(rects, key=lambda r: r.left()):
        if out and r.left() - out[-1].right() < gap:
            out[-1] = out[-1].united(r)
        else:
            out.append(QRectF(r))
    return out


class GroupItem(QGraphicsItem):
    """The frame of an expanded group (a block, or a stage: a bolder frame), one rectangle
    per column it spans. Only the title bars take mouse clicks, so rubber-band selection
    still starts inside the frame."""

    def __init__(self, name: str, stage: bool = False):
        super().__init__()
        self.name = name
        self.stage = stage
        self.setZValue(-2 if stage else -1)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # exposedRect
        self._rects: list[QRectF] = []
        self._rect = QRectF()
        self._titles: list = []

    def type(self) -> int:
        return GROUP_TYPE

    def set_member_rects(self, rects: list[QRectF]) -> None:
        self.prepareGeometryChange()
        m = MARGIN + (8 if self.stage else 0)
        self._rects = [r.adjusted(-m, -m - TITLE_H, m, m) for r in rects if not r.isNull()]
        self._rect = QRectF()
        for r in self._rects:
            self._rect = self._rect.united(r)
        font = style.font("group")
        self._titles = [static_text(f"▾ {self.name}" if i == 0 else tr("▾ {name} (continued)").format(name=self.name), font,
                                    max(60.0, r.width() - 16)) for i, r in enumerate(self._rects)]
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def shape(self) -> QPainterPath:
        p = QPainterPath()
        for r in self._rects:
            p.addRect(QRectF(r.left(), r.top(), r.width(), TITLE_H))
        return p

    def paint(self, painter: QPainter, option, widget=None) -> None:
        exposed = option.exposedRect.adjusted(-2, -2, 2, 2)
        for r, title in zip(self._rects, self._titles):
            if not r.intersects(exposed):
                continue
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(style.color("group")))
            painter.drawRoundedRect(r, RADIUS, RADIUS)
            _dashed_frame(painter, r, exposed, style.color("sub" if self.stage else "group_border"))
            painter.setPen(style.color("text" if self.stage else "sub"))
            painter.setFont(style.font("group"))
            painter.drawStaticText(QPointF(r.left() + 8, r.top() + 4), title)


class BlockItem(QGraphicsItem):
    """A collapsed group drawn as one card: name and what is inside, parameters and MACs,
    input → output shape. A stage card has a bolder border."""

    def __init__(self, name: str, stage: bool = False):
        super().__init__()
        self.name = name
        self.stage = stage
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(2)
        self.severity: str | None = None
        self.texts = ("", "", "")
        self.set_texts("", "", "")

    def type(self) -> int:
        return BLOCK_TYPE

    def set_texts(self, inside: str, costs: str, shapes: str) -> None:
        """Line 1: ▸ name and (right) what is inside; line 2: params · MACs; line 3: shapes."""
        w = NODE_W - 20
        self.texts = (inside, costs, shapes)
        small = style.font("small")
        self._inside_w = QFontMetricsF(small).horizontalAdvance(inside) if inside else 0.0
        self._inside = static_text(inside, small, w)
        self._title = static_text(f"▸ {self.name}", style.font("title"), w - self._inside_w - 6)
        self._sub = static_text(costs, small, w)
        self._info_font = "normal"
        for text, kind in ((shapes, "normal"), (shapes, "small"), (shapes.replace(" → ", "→"), "small")):
            if QFontMetricsF(style.font(kind)).horizontalAdvance(text) <= w:  # no "1024×14×…"
                shapes, self._info_font = text, kind
                break
        else:
            shapes, self._info_font = shapes.replace(" → ", "→"), "small"
        self._info = static_text(shapes, style.font(self._info_font), w)
        self.update()

    def in_port_pos(self, port: int = 0) -> QPointF:
        return self.mapToScene(QPointF(NODE_W / 2, 0))

    def out_port_pos(self) -> QPointF:
        return self.mapToScene(QPointF(NODE_W / 2, NODE_H))

    def boundingRect(self) -> QRectF:
        return QRectF(-8, -PORT_R - 2, NODE_W + 16, NODE_H + 2 * PORT_R + 4)

    def shape(self) -> QPainterPath:
        p = QPainterPath()
        p.addRoundedRect(QRectF(0, 0, NODE_W, NODE_H), 8, 8)
        return p

    def paint(self, painter: QPainter, option, widget=None) -> None:
        rect = QRectF(0, 0, NODE_W, NODE_H)
        # a second card behind suggests a stack of layers
        painter.setPen(QPen(style.color("border"), 1))
        painter.setBrush(QBrush(style.color("card")))
        painter.drawRoundedRect(rect.translated(5, 4), 8, 8)
        if self.isSelected():
            pen = QPen(style.SELECTED, 3)
        elif self.severity == "error":
            pen = QPen(style.ERROR, 2.2)
        elif self.severity == "warning":
            pen = QPen(style.WARNING, 2.2)
        else:
            pen = QPen(style.color("sub" if self.stage else "group_border"), 2.0 if self.stage else 1.5)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(style.color("text"))
        painter.setFont(style.font("title"))
        painter.drawStaticText(QPointF(10, 4), self._title)
        painter.setPen(style.color("sub"))
        painter.setFont(style.font("small"))
        painter.drawStaticText(QPointF(NODE_W - 10 - self._inside_w, 5), self._inside)
        painter.drawStaticText(QPointF(10, 21), self._sub)
        painter.setPen(style.color("text"))
        painter.setFont(style.font(self._info_font))
        painter.drawStaticText(QPointF(10, 36), self._info)
        painter.setPen(QPen(style.color("group_border"), 1.2))
        painter.setBrush(style.color("group_border"))
        painter.drawEllipse(QPointF(NODE_W / 2, 0), PORT_R - 1, PORT_R - 1)
        painter.drawEllipse(QPointF(NODE_W / 2, NODE_H), PORT_R - 1, PORT_R - 1)
