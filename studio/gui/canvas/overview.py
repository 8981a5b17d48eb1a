"""Finding your way in a big network: a minimap in the canvas's corner (the whole drawing,
the visible part framed; click or drag to go there) and breadcrumbs naming the groups the
view is inside ("network › layer3 › layer3.4"; a click frames that level)."""
from __future__ import annotations

import weakref

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsView, QLabel

from studio.gui.i18n import tr

from . import style

MINI_W, MINI_H, MARGIN = 200, 130, 10


class Minimap(QGraphicsView):
    """A small second view of the same scene, over the bottom-right corner of the canvas.
    Shown only when the drawing does not fit the canvas."""

    def __init__(self, view):
        super().__init__(view.graph_scene, view.viewport())
        self.main = weakref.proxy(view)
        self.setObjectName("minimap")
        self.setFixedSize(MINI_W, MINI_H)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setInteractive(False)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.setFrameShape(QGraphicsView.Shape.Box)
        self.setToolTip(tr("Overview: click or drag to move the canvas there"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setBackgroundBrush(QBrush(style.color("bg")))
        self._drag = False
        self.timer = QTimer(self)  # refit after the scene changed, at most every 100 ms
        self.timer.setSingleShot(True)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self.refresh)

    def refresh(self) -> None:
        """Fit the drawing, frame the visible part, show only when it helps."""
        main = self.main
        r = main.graph_scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        shown = main.visible_rect()
        vp = main.viewport()
        room = vp.width() >= 2 * MINI_W and vp.height() >= 2 * MINI_H  # never over most of a small canvas
        need = room and not r.isNull() and not shown.contains(r)
        self.setVisible(need)
        if need:
            self.fitInView(r, Qt.AspectRatioMode.KeepAspectRatio)
            self.place()
            self.viewport().update()

    def place(self) -> None:
        vp = self.main.viewport()
        self.move(vp.width() - MINI_W - MARGIN, vp.height() - MINI_H - MARGIN)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        frame = self.main.visible_rect()
        painter.setPen(QPen(style.SELECTED, 0))
        fill = QColor(style.SELECTED)
        fill.setAlpha(40)
        painter.setBrush(QBrush(fill))
        painter.drawRect(frame)

    def _go(self, pos) -> None:
        self.main.centerOn(self.mapToScene(pos))
        self.main.overview_changed()

    def mousePressEvent(self, ev) -> None:
        if ev.button() == Qt.MouseButton.LeftButton:
            self._drag = True
            self._go(ev.position().toPoint())
        ev.accept()

    def mouseMoveEvent(self, ev) -> None:
        if self._drag:
            self._go(ev.position().toPoint())
        ev.accept()

    def mouseReleaseEvent(self, ev) -> None:
        self._drag = False
        ev.accept()

    def wheelEvent(self, ev) -> None:
        ev.accept()


class Breadcrumbs(QLabel):
    """The groups around the centre of the view, outermost first; hidden at the top level."""

    def __init__(self, view):
        super().__init__(view.viewport())
        self.main = weakref.proxy(view)
        self.setObjectName("breadcrumbs")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setStyleSheet("QLabel { background: rgba(255,255,255,215); border: 1px solid #b0b4ba;"
                           " border-radius: 4px; padding: 2px 6px; color: #212121; }")
        self.linkActivated.connect(self._go)
        self.path: list[str] = []
        self.move(MARGIN, MARGIN)
        self.hide()

    def refresh(self) -> None:
        main = self.main
        sc = main.graph_scene
        c = main.visible_rect().center()
        path = []
        for g in main.doc.graph.all_groups:
            frame = sc.groups.get(g.name)  # only expanded groups have a frame to be inside
            if frame is not None and frame.isVisible() and any(r.contains(c) for r in frame._rects):
                path.append(g.name)
        graph = main.doc.graph
        path.sort(key=lambda n: -len(graph.group(n).nodes))  # the outer group holds more
        self.path = path
        if not path:
            self.hide()
            return
        name = main.doc.project.name or tr("network", "breadcrumbs: an unnamed project")
        parts = [f'<a href="#">{_esc(name)}</a>'] + [f'<a href="{_esc(p)}">{_esc(p)}</a>' for p in path]
        self.setText(" › ".join(parts))
        self.adjustSize()
        self.show()
        self.raise_()

    def _go(self, link: str) -> None:
        main = self.main
        if link == "#":
            main.fit_all()
        else:
            r = main.graph_scene.member_rect(link).adjusted(-40, -60, 40, 40)
            main.fitInView(r, Qt.AspectRatioMode.KeepAspectRatio)
            z = main.zoom_factor()
            lo = style.legible_zoom()
            if z < lo or z > 1.25:  # frame it, but never below legible nor blown up
                main.scale(max(lo, min(1.25, z)) / z, max(lo, min(1.25, z)) / z)
            main.centerOn(r.center())
        main.overview_changed()


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
