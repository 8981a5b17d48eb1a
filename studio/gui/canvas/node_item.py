"""A node on the canvas: a rounded card coloured by category, with its ports.

Texts are laid out once per change (QStaticText, elided to the card width) and the card is
cached in device coordinates, so painting a 500-node graph formats no strings.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QStaticText
from PySide6.QtWidgets import QGraphicsItem

from . import style
from .style import NODE_H, NODE_W, PORT_R

DIFF_BADGES = {"added": ("+", "#2e7d32"), "changed": ("~", "#ef8f00"), "removed": ("−", "#c62828")}
NODE_TYPE = QGraphicsItem.UserType + 1
PORT_TYPE = QGraphicsItem.UserType + 2


def static_text(text: str, font, width: float) -> QStaticText:
    """Elided, prepared static text for one line."""
    fm = QFontMetricsF(font)
    st = QStaticText(fm.elidedText(text, Qt.TextElideMode.ElideRight, width))
    st.setTextFormat(Qt.TextFormat.PlainText)
    st.prepare(font=font)
    return st


def fmt_count(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1e6:.1f}M"
    if n >= 10_000:
        return f"{n / 1e3:.0f}k"
    if n >= 1_000:
        return f"{n / 1e3:.1f}k"
    return str(n)


def fmt_big(n: int) -> str:
    """A large count in three significant figures: 118M, 1.46G."""
    for div, unit in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")):
        if n >= div:
            v = n / div
            return f"{v:.3g}{unit}"
    return str(n)


_STRIPE: list[QPainterPath] = []


def _stripe() -> QPainterPath:
    if not _STRIPE:
        stripe = QPainterPath()
        stripe.addRoundedRect(QRectF(0, 0, style.STRIPE_W * 2, NODE_H), style.RADIUS, style.RADIUS)
        clip = QPainterPath()
        clip.addRect(QRectF(0, 0, style.STRIPE_W, NODE_H))
        _STRIPE.append(stripe.intersected(clip))
    return _STRIPE[0]


class PortItem(QGraphicsItem):
    """An input (top) or output (bottom) port; ``port`` is the input index (-1: output)."""

    def __init__(self, node: "NodeItem", kind: str, port: int = -1):
        super().__init__(node)
        self.node_item, self.kind, self.port = node, kind, port
        self.connected = False
        self.highlight = False
        self.setAcceptHoverEvents(True)
        self._hover = False
        self.setZValue(1)
        if kind == "out":
            self.setCursor(Qt.CursorShape.CrossCursor)

    @property
    def node_id(self) -> str:
        return self.node_item.node_id

    def type(self) -> int:
        return PORT_TYPE

    def boundingRect(self) -> QRectF:
        r = PORT_R + 4
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        p = QPainterPath()
        p.addEllipse(QPointF(0, 0), PORT_R + 4, PORT_R + 4)
        return p

    def set_highlight(self, on: bool) -> None:
        if on != self.highlight:
            self.highlight = on
            self.update()

    def hoverEnterEvent(self, event) -> None:
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self._hover = False
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if option.levelOfDetailFromTransform(painter.worldTransform()) < 0.4 and not self.highlight:
            return
        r = PORT_R + (2 if (self._hover or self.highlight) else 0)
        fill = style.HIGHLIGHT if self.highlight else (
            self.node_item.color if self.connected or self.kind == "out" else style.color("card"))
        painter.setPen(QPen(self.node_item.color.darker(130), 1.5))
        painter.setBrush(fill)
        painter.drawEllipse(QPointF(0, 0), r, r)


class NodeItem(QGraphicsItem):
    def __init__(self, node, spec):
        super().__init__()
        self.node_id = node.id
        self.spec = spec
        self.color = style.category_color(spec.category)
        self.severity: str | None = None
        self.highlight = False
        self.signature: tuple | None = None  # last analysis data shown (for change detection)
        self.stat_color: QColor | None = None  # layer-statistics strip (training), None: hidden
        self.diff_badge: str | None = None  # "added" | "changed" | "removed" (run comparison)
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptHoverEvents(True)
        self.setZValue(2)
        self.in_ports: list[PortItem] = []
        self.problem = None  # the callout naming a problem (problem_item.ProblemItem)
        self.out_port = PortItem(self, "out")
        self.out_port.setPos(NODE_W / 2, NODE_H)
        self._title = self._name = self._info = self._params = None
        self._shape_text, self._info_text = "?", ""
        self.set_texts(node, "?", "")
        self.setPos(*node.pos)

    def type(self) -> int:
        return NODE_TYPE

    # ---- content ------------------------------------------------------------
    def set_texts(self, node, shape_text: str | None = None, info: str | None = None) -> None:
        """Set the three lines (kind and key parameters, name, shape and parameter count);
        None keeps the previous shape/info text. Laid out once, at the next paint."""
        if shape_text is not None:
            self._shape_text, self._info_text = shape_text, info or ""
        self._short, self._name_text = self.spec.short(node.params), node.name
        self._title = None
        self.update()

    def _layout(self) -> None:
        """Line 3 holds the shape and, when both fit, the parameter count; a long shape
        ("128×112×112") keeps its line whole and the count moves up to the name's line."""
        w = NODE_W - style.STRIPE_W - 16
        self._title = static_text(self._short, style.font("title"), w)
        small, normal = style.font("small"), style.font("normal")
        self._params_w = QFontMetricsF(small).horizontalAdvance(self._info_text) if self._info_text else 0.0
        self._params = static_text(self._info_text, small, w) if self._info_text else None
        gap = 8 if self._params is not None else 0
        shape_w = QFontMetricsF(normal).horizontalAdvance(self._shape_text)
        self._params_up = self._params is not None and shape_w + gap + self._params_w > w
        name_w = w - (self._params_w + gap if self._params_up else 0)
        self._name = static_text(self._name_text, small, name_w)
        self._info = static_text(self._shape_text, normal, w if self._params_up else w - self._params_w - gap)

    def set_problem(self, problem) -> None:
        """Show ``(message, fix, severity)`` under the card, or nothing (None)."""
        if problem is None:
            if self.problem is not None:
                self.problem.setVisible(False)
            return
        if self.problem is None:
            from .problem_item import ProblemItem

            self.problem = ProblemItem(self)
        self.problem.set_problem(*problem)
        self.problem.setVisible(True)

    def set_severity(self, severity: str | None) -> None:
        if severity != self.severity:
            self.severity = severity
            self.update()

    def set_ports(self, shown: list[int], connected: set[int], center: int = 0) -> None:
        """Input ports along the top edge: ``shown`` are the port numbers to draw, in order;
        the one at index ``center`` sits in the middle (above it is the main path)."""
        if [p.port for p in self.in_ports] != shown:
            scene = self.scene()
            for p in self.in_ports:
                p.setParentItem(None)
                if scene is not None:
                    scene.removeItem(p)
            self.in_ports = [PortItem(self, "in", n) for n in shown]
        k, step = len(shown), 26.0
        for i, p in enumerate(self.in_ports):
            x = NODE_W / 2 + (i - center) * step
            if k * step > NODE_W - 24 or not 12 <= x <= NODE_W - 12:  # too many: spread evenly
                x = NODE_W * (i + 1) / (k + 1)
            p.setPos(x, 0)
        for p in self.in_ports:
            p.connected = p.port in connected
            p.update()

    def in_port_pos(self, port: int) -> QPointF:
        """Scene position of input ``port`` (the first port if it is not shown)."""
        for p in self.in_ports:
            if p.port == port:
                return self.mapToScene(p.pos())
        return self.mapToScene(QPointF(NODE_W / 2, 0))

    def out_port_pos(self) -> QPointF:
        return self.mapToScene(QPointF(NODE_W / 2, NODE_H))

    def free_in_port(self) -> PortItem | None:
        for p in self.in_ports:
            if not p.connected:
                return p
        return self.in_ports[0] if self.in_ports else None

    def set_highlight(self, on: bool) -> None:
        if on != self.highlight:
            self.highlight = on
            self.update()

    def set_stat_color(self, color: QColor | None) -> None:
        """The live layer-statistics strip along the card's bottom edge (None hides it)."""
        if color != self.stat_color:
            self.stat_color = color
            self.update()

    def set_diff_badge(self, status: str | None) -> None:
        """A run-comparison badge in the card's top-right corner (None hides it)."""
        if status != self.diff_badge:
            self.diff_badge = status
            self.update()

    def _paint_overlays(self, painter: QPainter) -> None:
        if self.stat_color is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.stat_color)
            painter.drawRect(QRectF(style.STRIPE_W, NODE_H - 6, NODE_W - style.STRIPE_W - 2, 5))
        if self.diff_badge in DIFF_BADGES:
            sign, color = DIFF_BADGES[self.diff_badge]
            box = QRectF(NODE_W - 22, -8, 26, 18)
            painter.setPen(QPen(QColor(color).darker(140), 1))
            painter.setBrush(QColor(color))
            painter.drawRoundedRect(box, 6, 6)
            painter.setPen(QColor("white"))
            painter.setFont(style.font("title"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, sign)

    # ---- Qt -------------------------------------------------------------------
    #: how far the selection outline reaches outside the card (inset 2.5, pen 3, antialiasing)
    OUTLINE_REACH = 2.5 + 1.5 + 1

    def boundingRect(self) -> QRectF:
        # the selection outline must lie inside: a stroke outside is never repainted, and the
        # previously selected card kept a blue edge after another was selected
        m = self.OUTLINE_REACH + 1
        return QRectF(-m, -10, NODE_W + 10 + m, NODE_H + 10 + m)

    def shape(self) -> QPainterPath:
        p = QPainterPath()
        p.addRoundedRect(QRectF(0, 0, NODE_W, NODE_H), style.RADIUS, style.RADIUS)
        return p

    def paint(self, painter: QPainter, option, widget=None) -> None:
        rect = QRectF(0, 0, NODE_W, NODE_H)
        rad = style.RADIUS
        if self.isSelected():
            painter.setPen(QPen(style.SELECTED, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-2.5, -2.5, 2.5, 2.5), rad + 2, rad + 2)
        if self.severity == "error":
            pen = QPen(style.ERROR, 2.2)
        elif self.severity == "warning":
            pen = QPen(style.WARNING, 2.2)
        elif self.highlight:
            pen = QPen(style.HIGHLIGHT, 2.2)
        else:
            pen = QPen(style.color("border"), 1)
        painter.setPen(pen)
        painter.setBrush(QBrush(style.color("card")))
        painter.drawRoundedRect(rect, rad, rad)
        painter.setPen(Qt.PenStyle.NoPen)  # category stripe on the left
        painter.setBrush(self.color)
        painter.drawPath(_stripe())
        if self.stat_color is not None or self.diff_badge is not None:
            self._paint_overlays(painter)
        if option.levelOfDetailFromTransform(painter.worldTransform()) < 0.4:
            return  # far away: the coloured card is enough
        if self._title is None:
            self._layout()
        x = style.STRIPE_W + 8
        painter.setPen(style.color("text"))
        painter.setFont(style.font("title"))
        painter.drawStaticText(QPointF(x, 4), self._title)
        painter.setPen(style.color("sub"))
        painter.setFont(style.font("small"))
        painter.drawStaticText(QPointF(x, 21), self._name)
        painter.setPen(style.ERROR if self.severity == "error" else style.color("text"))
        painter.setFont(style.font("normal"))
        painter.drawStaticText(QPointF(x, 36), self._info)
        if self._params is not None:
            painter.setPen(style.color("sub"))
            painter.setFont(style.font("small"))
            painter.drawStaticText(QPointF(NODE_W - 8 - self._params_w, 21 if self._params_up else 37.5),
                                   self._params)
